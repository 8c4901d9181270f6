// Twenty-sixth audit (census), helper r26f (docs/audit/catalog-audit-26-r26f.md): one test per fix, each failing on
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

// Before 1.30 istiod builds its TLSRoute (and TCPRoute, XListenerSet) informers only when PILOT_ENABLE_ALPHA_GATEWAY_API
// is true (pilot/pkg/config/kube/gateway controller.go: otherwise "disable/TLSRoutes", an always-empty collection), and
// its Gateway listeners of protocol TLS need the flag too (1.30 change notes: "Enabled protocol: TLS Gateway listeners
// by default ... without requiring PILOT_ENABLE_ALPHA_GATEWAY_API=true"). istio-1.30-tlsroute-v1 told a target below
// 1.30 that "older releases read v1alpha2" and offered the apiVersion swap as the fix: with the flag at its default the
// swapped TLSRoute is ignored all the same.
describe('istio-1.30-tlsroute-v1', () => {
  const text = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: TLSRoute',
    'metadata: {name: r, namespace: apps}',
    'spec:',
    '  parentRefs: [{name: gw}]',
    '  hostnames: [a.example.com]',
    '  rules: [{backendRefs: [{name: s, port: 443}]}]',
    '',
  ].join('\n')

  it('errs below 1.30 and says that v1alpha2 is read only with the alpha flag', () => {
    for (const target of ['1.28', '1.29']) {
      const found = of(run('route.yaml', text, target), 'istio-1.30-tlsroute-v1')
      expect(at(found)).toEqual([`route.yaml:${lineOf(text, 'apiVersion')} error`])
      expect(found[0]!.message).toMatch(/only while istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true/)
      expect(found[0]!.message).not.toMatch(/older releases read v1alpha2\.$/)
    }
  })

  it('stays quiet from 1.30', () => {
    expect(of(run('route.yaml', text, '1.30', '1.29'), 'istio-1.30-tlsroute-v1')).toEqual([])
  })
})

// The XListenerSet / ListenerSet / TLSRoute-CRD messages now say what the alpha flag did before 1.30 (nits of the
// same finding: nothing read these objects on 1.27-1.29 without it).
describe('ListenerSet messages name the alpha flag', () => {
  const x = [
    'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
    'kind: XListenerSet',
    'metadata: {name: ls, namespace: apps}',
    'spec:',
    '  parentRef: {name: gw}',
    '  listeners: [{name: a, port: 80, protocol: HTTP}]',
    '',
  ].join('\n')
  it('istio-1.30-xlistenerset-removed', () => {
    const found = of(run('ls.yaml', x, '1.30', '1.29'), 'istio-1.30-xlistenerset-removed')
    // Round 38 (r38g): a notice that names the condition while no file turns the alpha flag on.
    expect(at(found)).toEqual([`ls.yaml:${lineOf(x, 'apiVersion')} notice`])
    expect(found[0]!.message).toMatch(/1\.27 to 1\.29 read XListenerSet only where istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true/)
  })
  it('istio-1.30-listenerset-v1', () => {
    const v1 = x.replace('gateway.networking.x-k8s.io/v1alpha1', 'gateway.networking.k8s.io/v1').replace('XListenerSet', 'ListenerSet')
    const found = of(run('ls.yaml', v1, '1.29'), 'istio-1.30-listenerset-v1')
    expect(at(found)).toEqual([`ls.yaml:${lineOf(v1, 'apiVersion')} error`])
    expect(found[0]!.message).toMatch(/read it only with PILOT_ENABLE_ALPHA_GATEWAY_API=true/)
  })
  it('istio-1.30-gateway-api-bundle-1.5 claims no earlier working state', () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata:',
      '  name: tlsroutes.gateway.networking.k8s.io',
      '  annotations:',
      '    gateway.networking.k8s.io/bundle-version: v1.4.0',
      'spec: {}',
      '',
    ].join('\n')
    const found = of(run('crd.yaml', crd, '1.30', '1.29'), 'istio-1.30-gateway-api-bundle-1.5')
    expect(at(found)).toEqual([`crd.yaml:${lineOf(crd, 'bundle-version')} notice`]) // a notice since round 38: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    expect(found[0]!.message).not.toMatch(/stops working/)
  })
})

// istio-1.29-bypass-inbound-capture-hbone warned on a pod without its own ambient label even when the repository's
// Namespace of that pod carries no istio.io/dataplane-mode=ambient label (kind 33): ambient never captures the pod, so
// the annotation does nothing on any release. Its warning arm now has the own-namespace opt-out of
// istio-1.22-ambient-redirection-opt-out-removed.
describe('istio-1.29-bypass-inbound-capture-hbone', () => {
  const deploy = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: y, namespace: bbb}',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations: {ambient.istio.io/bypass-inbound-capture: "true"}',
    '    spec: {containers: [{name: a, image: b}]}',
    '',
  ].join('\n')
  const bypass = (fs: Finding[]): Finding[] => fs.filter((f) => /bypass-inbound-capture also breaks inbound HBONE/.test(f.message))

  it('warns when the pod\'s Namespace is not in the repository, errs when it is labelled ambient (round 41, m41c)', () => {
    const ambientNs = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: bbb', '  labels: {istio.io/dataplane-mode: ambient}', ''].join('\n')
    expect(at(bypass(runInRepository({ 'app.yaml': deploy }, 'app.yaml', '1.28', '1.27')))).toEqual([`app.yaml:${lineOf(deploy, 'bypass-inbound-capture')} warning`])
    expect(at(bypass(runInRepository({ 'app.yaml': deploy, 'ns.yaml': ambientNs }, 'app.yaml', '1.28', '1.27')))).toEqual([`app.yaml:${lineOf(deploy, 'bypass-inbound-capture')} error`])
  })

  it('is quiet when the repository\'s Namespace of the pod has no ambient label', () => {
    const plainNs = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: bbb', ''].join('\n')
    expect(bypass(runInRepository({ 'app.yaml': deploy, 'ns.yaml': plainNs }, 'app.yaml', '1.28', '1.27'))).toEqual([])
  })

  it('another non-ambient Namespace does not silence it', () => {
    const otherNs = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: ccc', ''].join('\n')
    expect(at(bypass(runInRepository({ 'app.yaml': deploy, 'ns.yaml': otherNs }, 'app.yaml', '1.28', '1.27')))).toEqual([`app.yaml:${lineOf(deploy, 'bypass-inbound-capture')} warning`])
  })
})
