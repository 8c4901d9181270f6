// Twenty-fourth audit (census), helper r24a (docs/audit/catalog-audit-24-r24a.md): one test per fix, each failing on
// the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

// istio-1.22-istio-cni-values-deprecated warned "set pilot.cni.* instead" on istio_cni.enabled: true although another
// values file of the repository already sets pilot.cni.enabled: true (kind 27, as round 23 found on the 1.24 entry):
// the advice is already followed and nothing breaks when 1.24 drops the old key.
describe('istio-1.22-istio-cni-values-deprecated', () => {
  const old = ['istio_cni:', '  enabled: true', ''].join('\n')
  const cniFindings = (fs: Finding[]): Finding[] => fs.filter((f) => /istio_cni/.test(f.message) && f.severity !== 'notice')

  it('still warns on istio_cni.enabled when nothing in the repository sets pilot.cni.enabled', () => {
    const found = cniFindings(runInRepository({ 'istiod-values.yaml': old }, 'istiod-values.yaml', '1.22', '1.21'))
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(old, 'enabled')} warning`])
    expect(found[0]!.message).toMatch(/set pilot\.cni\.\* instead/)
  })

  it('does not warn when another values file sets pilot.cni.enabled: true', () => {
    const prod = ['pilot:', '  cni:', '    enabled: true', ''].join('\n')
    for (const target of ['1.22', '1.23']) {
      expect(cniFindings(runInRepository({ 'istiod-values.yaml': old, 'istiod-values-prod.yaml': prod }, 'istiod-values.yaml', target, '1.21'))).toEqual([])
    }
  })
})

// istio-1.22-ext-authz-include-headers-deprecated told a provider with includeRequestHeadersInCheck: [] next to a
// non-empty includeHeadersInCheck that "Istio then reads only includeRequestHeadersInCheck"; istiod's ext_authz builder
// (generateHeaders returns nil for an empty list, then `allowedHeaders == nil` falls back to IncludeHeadersInCheck)
// sends the OLD list's headers in that case.
describe('istio-1.22-ext-authz-include-headers-deprecated', () => {
  const ID = 'istio-1.22-ext-authz-include-headers-deprecated'
  const provider = (requestHeaders: string): string =>
    [
      'meshConfig:',
      '  extensionProviders:',
      '  - name: ext',
      '    envoyExtAuthzHttp:',
      '      service: ext.foo.svc.cluster.local',
      '      port: 8000',
      `      includeRequestHeadersInCheck: ${requestHeaders}`,
      '      includeHeadersInCheck: ["x-auth"]',
      '',
    ].join('\n')

  it('says the old list is still used when the new one is empty', () => {
    const text = provider('[]')
    const found = of(run('istiod-values.yaml', text, '1.22'), ID)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'envoyExtAuthzHttp')} notice`])
    expect(found[0]!.message).toMatch(/empty includeRequestHeadersInCheck/)
    expect(found[0]!.message).not.toMatch(/reads only includeRequestHeadersInCheck/)
  })

  it('keeps the "reads only the new list" message when the new list has headers', () => {
    const text = provider('["x-b"]')
    const found = of(run('istiod-values.yaml', text, '1.22'), ID)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'envoyExtAuthzHttp')} notice`])
    expect(found[0]!.message).toMatch(/reads only includeRequestHeadersInCheck/)
  })
})

// istio-1.22-pod-dataplane-mode-label warned that a pod labelled istio.io/dataplane-mode: ambient is only enrolled from
// 1.22 even when a sidecar is injected into the pod (its namespace labelled istio-injection=enabled or istio.io/rev, or
// the pod labelled istio.io/rev): ambient never captures a pod with a sidecar, on any release, so nothing changes.
describe('istio-1.22-pod-dataplane-mode-label', () => {
  const deploy = (podLabels: string[]): string =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app',
      '  namespace: shop',
      'spec:',
      '  selector:',
      '    matchLabels: {app: app}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: app',
      ...podLabels.map((l) => `        ${l}`),
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: nginx',
      '',
    ].join('\n')
  const ns = (label: string): string => ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '  labels:', `    ${label}`, ''].join('\n')
  const mine = (fs: Finding[]): Finding[] => fs.filter((f) => /enrolling or excluding a single pod/i.test(f.message))

  it('warns on a pod enrolled in ambient on its own before 1.22', () => {
    const text = deploy(['istio.io/dataplane-mode: ambient'])
    expect(at(mine(runInRepository({ 'deploy.yaml': text }, 'deploy.yaml', '1.21', '1.20')))).toEqual([
      `deploy.yaml:${lineOf(text, 'dataplane-mode')} warning`,
    ])
  })

  it('says nothing when a sidecar is injected into the pod', () => {
    const text = deploy(['istio.io/dataplane-mode: ambient'])
    for (const label of ['istio-injection: enabled', 'istio.io/rev: canary']) {
      expect(mine(runInRepository({ 'deploy.yaml': text, 'ns.yaml': ns(label) }, 'deploy.yaml', '1.21', '1.20'))).toEqual([])
    }
    const rev = deploy(['istio.io/dataplane-mode: ambient', 'istio.io/rev: canary'])
    expect(mine(runInRepository({ 'deploy.yaml': rev }, 'deploy.yaml', '1.21', '1.20'))).toEqual([])
  })
})
