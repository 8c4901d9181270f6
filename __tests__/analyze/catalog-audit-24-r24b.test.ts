// Twenty-fourth audit (census), helper r24b (docs/audit/catalog-audit-24-r24b.md): one test per fix, each failing on
// the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import { mayHoldPairingFacts } from '../../src/analyze/catalog/cross-object.js'
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

describe('istio-1.23-stackdriver-provider-removed: the message covers the tracer that went too (round 23 ❌)', () => {
  const ID = 'istio-1.23-stackdriver-provider-removed'
  const mesh = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: istio',
    '  namespace: istio-system',
    'data:',
    '  mesh: |-',
    '    extensionProviders:',
    '    - name: sd',
    '      stackdriver: {}',
    '    defaultProviders:',
    '      tracing: [sd]',
    '',
  ].join('\n')

  it('tells a provider selected for tracing that its traces stop, at the provider line', () => {
    const found = of(run('mesh.yaml', mesh, '1.23', '1.22'), ID)
    expect(at(found)).toEqual([`mesh.yaml:${lineOf(mesh, 'stackdriver: {}')} warning`])
    expect(found[0]!.message).toMatch(/tracer/)
    expect(found[0]!.message).toMatch(/opentelemetry provider/)
    expect(found[0]!.message).not.toMatch(/exports no metrics/)
  })

  it('says nothing before 1.23', () => {
    expect(of(run('mesh.yaml', mesh, '1.22', '1.21'), ID)).toEqual([])
  })
})

describe('istio-1.24-istio-cni-values-removed: pilot.cni.* set in another file of the repository (round 23 ❌)', () => {
  const MSG = /istio_cni/
  const values = 'istio_cni:\n  enabled: true\n  chained: false\n'
  const onlyEnabled = 'istio_cni:\n  enabled: true\n'
  const cni = (fs: Finding[]): string[] => at(fs.filter((f) => MSG.test(f.message)))

  it('still warns when nothing in the repository sets pilot.cni.*', () => {
    expect(cni(runInRepository({ 'values.yaml': onlyEnabled }, 'values.yaml', '1.24', '1.23'))).toEqual([`values.yaml:${lineOf(onlyEnabled, 'enabled')} warning`])
  })

  it('is silent when another values file sets pilot.cni.enabled (and, for chained: false, pilot.cni.provider: multus)', () => {
    const prod = 'pilot:\n  cni:\n    enabled: true\n'
    expect(cni(runInRepository({ 'values.yaml': onlyEnabled, 'values-prod.yaml': prod }, 'values.yaml', '1.24', '1.23'))).toEqual([])
    // chained: false without multus anywhere: the multus setting is still lost
    expect(cni(runInRepository({ 'values.yaml': values, 'values-prod.yaml': prod }, 'values.yaml', '1.24', '1.23'))).toEqual([`values.yaml:${lineOf(values, 'chained')} warning`])
    const multus = 'pilot:\n  cni:\n    enabled: true\n    provider: multus\n'
    expect(cni(runInRepository({ 'values.yaml': values, 'values-prod.yaml': multus }, 'values.yaml', '1.24', '1.23'))).toEqual([])
  })

  const iop = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata:', '  name: base', 'spec:', '  values:', '    istio_cni:', '      enabled: true', ''].join('\n')
  const overlay = (spec: string[]): string => ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata:', '  name: cni', 'spec:', ...spec, ''].join('\n')

  it('reads an untouched values file that sets pilot.cni.enabled as context, and not every file with an enabled key', () => {
    expect(mayHoldPairingFacts('pilot:\n  cni:\n    enabled: true\n')).toBe(true)
    expect(mayHoldPairingFacts('pilot:\n  autoscaleEnabled: false\nmonitoring:\n  enabled: true\n')).toBe(false)
  })

  it('warns on an IstioOperator alone, and is silent when an overlay enables the CNI component', () => {
    expect(cni(runInRepository({ 'iop.yaml': iop }, 'iop.yaml', '1.24', '1.23'))).toEqual([`iop.yaml:${lineOf(iop, 'enabled: true')} warning`])
    expect(cni(runInRepository({ 'iop.yaml': iop, 'iop-cni.yaml': overlay(['  components:', '    cni:', '      enabled: true']) }, 'iop.yaml', '1.24', '1.23'))).toEqual([])
    expect(cni(runInRepository({ 'iop.yaml': iop, 'iop-cni.yaml': overlay(['  values:', '    pilot:', '      cni:', '        enabled: true']) }, 'iop.yaml', '1.24', '1.23'))).toEqual([])
    expect(cni(runInRepository({ 'iop.yaml': iop, 'iop-cni.yaml': overlay(['  profile: ambient']) }, 'iop.yaml', '1.24', '1.23'))).toEqual([])
  })
})

describe('istio-1.24-bypass-inbound-capture-annotation: quiet on pods that get a sidecar (ztunnel never captures them)', () => {
  const MSG = /bypass-inbound-capture annotation is only read/
  const dep = (labels: string[] = []): string =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: a',
      '  namespace: apps',
      'spec:',
      '  selector:',
      '    matchLabels: {app: a}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: a',
      ...labels.map((l) => `        ${l}`),
      '      annotations:',
      '        ambient.istio.io/bypass-inbound-capture: "true"',
      '    spec:',
      '      containers: [{name: a, image: a}]',
      '',
    ].join('\n')
  const ns = (label: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    ${label}\n`
  const bypass = (fs: Finding[]): string[] => at(fs.filter((f) => MSG.test(f.message)))

  it('warns on a pod of an ambient namespace before 1.24, at the annotation line', () => {
    const d = dep()
    expect(bypass(runInRepository({ 'dep.yaml': d, 'ns.yaml': ns('istio.io/dataplane-mode: ambient') }, 'dep.yaml', '1.23', '1.22'))).toEqual([
      `dep.yaml:${lineOf(d, 'bypass-inbound-capture')} warning`,
    ])
  })

  it('is silent when the pod namespace is sidecar-injected (istio-injection=enabled or an istio.io/rev label)', () => {
    const d = dep()
    expect(bypass(runInRepository({ 'dep.yaml': d, 'ns.yaml': ns('istio-injection: enabled') }, 'dep.yaml', '1.23', '1.22'))).toEqual([])
    expect(bypass(runInRepository({ 'dep.yaml': d, 'ns.yaml': ns('istio.io/rev: canary') }, 'dep.yaml', '1.23', '1.22'))).toEqual([])
  })

  it('is silent on a pod that carries the istio.io/rev injection label itself', () => {
    expect(bypass(runInRepository({ 'dep.yaml': dep(['istio.io/rev: canary']) }, 'dep.yaml', '1.23', '1.22'))).toEqual([])
  })
})

describe('istio-1.23-cni-log-level-deprecated: logLevel info is what the plugin logs at anyway', () => {
  const ID = 'istio-1.23-cni-log-level-deprecated'
  const VALUES = 'istio-cni/values.yaml'

  it('is only a notice for info (the node agent filtered plugin logs at its own level, info by default, and 1.23 logs at that level)', () => {
    const text = 'cni:\n  logLevel: info\n'
    for (const [target, from] of [['1.23', '1.22'], ['1.24', '1.23']] as const) {
      const found = of(run(VALUES, text, target, from), ID)
      expect(at(found)).toEqual([`${VALUES}:${lineOf(text, 'logLevel')} notice`])
      expect(found[0]!.message).toMatch(/changes nothing unless one of those is set/)
    }
  })

  it('still warns for a level that did change the plugin logs (warn)', () => {
    const text = 'cni:\n  logLevel: warn\n'
    expect(at(of(run(VALUES, text, '1.23', '1.22'), ID))).toEqual([`${VALUES}:${lineOf(text, 'logLevel')} warning`])
  })
})
