// Twenty-fourth audit (census), helper r24c (docs/audit/catalog-audit-24-r24c.md): one test per fix, each failing on
// the entry as it was before the audit, and trip tests on the YAML the narrowed matchers must still report.
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

const helmRelease = (chart: string, version: string, values: string[], name = chart): string =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    `  name: ${name}`,
    '  namespace: istio-system',
    'spec:',
    `  releaseName: ${name}`,
    '  chart:',
    '    spec:',
    `      chart: ${chart}`,
    `      version: ${version}`,
    '      sourceRef:',
    '        kind: HelmRepository',
    '        name: istio',
    ...(values.length ? ['  values:', ...values.map((v) => `    ${v}`)] : []),
    ''
  ].join('\n')

describe('istio-1.25-ztunnel-resource-names: 1.25.0 runs the DaemonSet as the ServiceAccount ztunnel', () => {
  const id = 'istio-1.25-ztunnel-resource-names'
  const hr = helmRelease('ztunnel', '1.25.0', [], 'my-zt')
  it('on target 1.25.0 says the pods are not created, and an istiod trust setting does not silence it', () => {
    const found = of(run('hr.yaml', hr, '1.25.0', '1.24'), id)
    expect(at(found)).toEqual([`hr.yaml:${lineOf(hr, 'chart: ztunnel')} error`])
    expect(found[0].message).toMatch(/1\.25\.0 ztunnel chart .*ServiceAccount ztunnel.*not created/)
    const istiod = helmRelease('istiod', '1.25.0', ['env:', '  CA_TRUSTED_NODE_ACCOUNTS: istio-system/my-zt'])
    expect(at(runInRepository({ 'hr.yaml': hr, 'istiod.yaml': istiod }, 'hr.yaml', '1.25.0', '1.24'))).toEqual([`hr.yaml:${lineOf(hr, 'chart: ztunnel')} error`])
  })
  it('from 1.25.1 keeps the certificate message, which the istiod trust setting silences', () => {
    const found = of(run('hr.yaml', hr, '1.25.1', '1.24'), id)
    expect(at(found)).toEqual([`hr.yaml:${lineOf(hr, 'chart: ztunnel')} error`])
    expect(found[0].message).toMatch(/gets no workload certificates/)
    const istiod = helmRelease('istiod', '1.25.0', ['env:', '  CA_TRUSTED_NODE_ACCOUNTS: istio-system/my-zt'])
    expect(runInRepository({ 'hr.yaml': hr, 'istiod.yaml': istiod }, 'hr.yaml', '1.25.1', '1.24')).toEqual([])
  })
})

describe('cni charts whose explicit ambient.enabled: false overrides profile: ambient (the profile is merged under user values)', () => {
  const off = helmRelease('cni', '1.24.3', ['profile: ambient', 'ambient:', '  enabled: false', '  dnsCapture: true'], 'istio-cni')
  const on = helmRelease('cni', '1.24.3', ['profile: ambient', 'ambient:', '  dnsCapture: true'], 'istio-cni')
  const profileOnly = helmRelease('cni', '1.24.3', ['profile: ambient'], 'istio-cni')
  const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: ambient\n  values:\n    cni:\n      ambient:\n        enabled: false\n        dnsCapture: true\n'

  it('istio-1.24-ambient-dns-upgrade-order: quiet with ambient off, still warns with it on', () => {
    const id = 'istio-1.24-ambient-dns-upgrade-order'
    expect(of(run('hr.yaml', off, '1.24', '1.23'), id)).toEqual([])
    expect(of(run('iop.yaml', iop, '1.24', '1.23'), id)).toEqual([])
    expect(at(of(run('hr.yaml', on, '1.24', '1.23'), id))).toEqual([`hr.yaml:${lineOf(on, 'dnsCapture: true')} warning`])
  })
  // Round 26 (r26c, kind 29): only cni.ambient.enabled: false undoes profile: ambient (zzy_descope_legacy.yaml copies
  // the profile's cni.ambient.enabled: true over a top-level ambient.enabled: false), so the off cases here use it.
  it('istio-1.25-ambient-dns-capture: quiet with ambient off (also set in the values of another cni release), still warns with it on', () => {
    const id = 'istio-1.25-ambient-dns-capture'
    const cniOff = helmRelease('cni', '1.24.3', ['profile: ambient', 'cni:', '  ambient:', '    enabled: false'], 'istio-cni')
    expect(of(run('hr.yaml', cniOff, '1.25', '1.24'), id)).toEqual([])
    expect(at(of(run('hr.yaml', profileOnly, '1.25', '1.24'), id))).toEqual([`hr.yaml:${lineOf(profileOnly, 'profile: ambient')} warning`])
    const prod = helmRelease('cni', '1.24.3', ['cni:', '  ambient:', '    enabled: false'], 'istio-cni-prod')
    const found = runInRepository({ 'hr.yaml': profileOnly, 'prod.yaml': prod }, 'hr.yaml', '1.25', '1.24')
    expect(found.filter((f) => /DNS proxied by ztunnel/.test(f.message))).toEqual([])
  })
  it('istio-1.26-cni-host-network: no advice to set shareHostNetworkNamespace where ambient is off (1.26 reads it only with ambient on)', () => {
    const id = 'istio-1.26-cni-host-network'
    const cniOff = helmRelease('cni', '1.24.3', ['profile: ambient', 'cni:', '  ambient:', '    enabled: false'], 'istio-cni')
    expect(of(run('hr.yaml', cniOff, '1.26', '1.25'), id)).toEqual([])
    expect(of(run('iop.yaml', iop, '1.26', '1.25'), id)).toEqual([])
    expect(at(of(run('hr.yaml', profileOnly, '1.26', '1.25'), id))).toEqual([`hr.yaml:${lineOf(profileOnly, 'profile: ambient')} notice`])
  })
})

const pod = (opts: { ns?: string; labels?: string[]; annotations: string[] }): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: vm',
    `  namespace: ${opts.ns ?? 'apps'}`,
    'spec:',
    '  selector:',
    '    matchLabels: {app: vm}',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: vm',
    ...(opts.labels ?? []).map((l) => `        ${l}`),
    '      annotations:',
    ...opts.annotations.map((a) => `        ${a}`),
    '    spec:',
    '      containers:',
    '      - name: c',
    '        image: x',
    ''
  ].join('\n')

describe('istio-1.25-reroute-virtual-interfaces-annotation: pods nothing reads it on, and ambient pods the rename does not help', () => {
  const id = 'istio-1.25-reroute-virtual-interfaces-annotation'
  const ann = ['istio.io/reroute-virtual-interfaces: "k6t-eth0"']
  it('is quiet on pods the injector skips (kube-public, sidecar.istio.io/inject: "false")', () => {
    expect(of(run('dep.yaml', pod({ ns: 'kube-public', annotations: ann }), '1.24', '1.23'), id)).toEqual([])
    expect(of(run('dep.yaml', pod({ labels: ['sidecar.istio.io/inject: "false"'], annotations: ann }), '1.24', '1.23'), id)).toEqual([])
  })
  it('offers no kubevirtInterfaces rename on an ambient pod, which that sidecar annotation does not reach', () => {
    const text = pod({ labels: ['istio.io/dataplane-mode: ambient'], annotations: ann })
    const found = of(run('dep.yaml', text, '1.24', '1.23'), id)
    expect(at(found)).toEqual([`dep.yaml:${lineOf(text, 'reroute-virtual-interfaces')} warning`])
    expect(found[0].fix).toBeUndefined()
    expect(found[0].message).toMatch(/ambient mode has no way/)
  })
  it('still warns with the rename on a sidecar pod', () => {
    const text = pod({ annotations: ann })
    const found = of(run('dep.yaml', text, '1.24', '1.23'), id)
    expect(at(found)).toEqual([`dep.yaml:${lineOf(text, 'reroute-virtual-interfaces')} warning`])
    expect(found[0].fix?.description).toMatch(/kubevirtInterfaces/)
  })
})

describe('istio-1.25-dns-capture-annotation: ambient-only, so quiet on pods that get a sidecar', () => {
  const id = 'istio-1.25-dns-capture-annotation'
  const ann = ['ambient.istio.io/dns-capture: "true"']
  it('is quiet on a pod labelled sidecar.istio.io/inject: "true"', () => {
    expect(of(run('dep.yaml', pod({ labels: ['sidecar.istio.io/inject: "true"'], annotations: ann }), '1.24', '1.23'), id)).toEqual([])
  })
  it('is quiet in a namespace labelled istio-injection: enabled, not in an ambient revision namespace', () => {
    const text = pod({ annotations: ann })
    const injected = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio-injection: enabled\n'
    expect(runInRepository({ 'dep.yaml': text, 'ns.yaml': injected }, 'dep.yaml', '1.24', '1.23')).toEqual([])
    // Round 28 (pod scope): an istio.io/rev label on the Namespace selects it for the revision's sidecar webhook
    // (rev.namespace.sidecar-injector: istio.io/rev In [rev], istio-injection DoesNotExist) even next to the ambient
    // label, and ztunnel skips pods with a sidecar: quiet there; an ambient Namespace without it warns.
    const ambientRev = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio.io/dataplane-mode: ambient\n    istio.io/rev: canary\n'
    expect(at(runInRepository({ 'dep.yaml': text, 'ns.yaml': ambientRev }, 'dep.yaml', '1.24', '1.23'))).toEqual([])
    const ambient = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio.io/dataplane-mode: ambient\n'
    expect(at(runInRepository({ 'dep.yaml': text, 'ns.yaml': ambient }, 'dep.yaml', '1.24', '1.23'))).toEqual([`dep.yaml:${lineOf(text, 'dns-capture')} warning`])
    expect(at(of(run('dep.yaml', text, '1.24', '1.23'), id))).toEqual([`dep.yaml:${lineOf(text, 'dns-capture')} warning`])
  })
})

describe('istio-1.25-envoy-internal-address: AuthorizationPolicy arms by action', () => {
  const id = 'istio-1.25-envoy-internal-address'
  const ap = (action: string | undefined, op = 'values'): string =>
    `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n  namespace: apps\nspec:\n${action ? `  action: ${action}\n` : ''}  rules:\n  - when:\n    - key: request.headers[x-envoy-internal]\n      ${op}: ["true"]\n`
  it('an AUDIT policy only changes audit logging: warning that says so', () => {
    const text = ap('AUDIT')
    const found = of(run('ap.yaml', text, '1.25', '1.24'), id)
    expect(at(found)).toEqual([`ap.yaml:${lineOf(text, 'key: request.headers')} warning`])
    expect(found[0].message).toMatch(/AUDIT policy stops marking them for audit logging/)
  })
  it('a CUSTOM policy stays an error with a message about its external authorizer', () => {
    const text = ap('CUSTOM', 'notValues')
    const found = of(run('ap.yaml', text, '1.25', '1.24'), id)
    expect(at(found)).toEqual([`ap.yaml:${lineOf(text, 'key: request.headers')} error`])
    expect(found[0].message).toMatch(/notValues condition .* starts holding .*CUSTOM policy sends them to its external authorizer/)
  })
  it('ALLOW and DENY keep the allow/deny message', () => {
    for (const action of [undefined, 'ALLOW', 'DENY']) {
      const text = ap(action)
      const found = of(run('ap.yaml', text, '1.25', '1.24'), id)
      expect(at(found)).toEqual([`ap.yaml:${lineOf(text, 'key: request.headers')} error`])
      expect(found[0].message).toMatch(/an ALLOW rule then denies them/)
    }
  })
})
