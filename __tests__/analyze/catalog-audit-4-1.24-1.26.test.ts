// Fourth audit of the 1.24–1.26 catalog entries (docs/audit/catalog-audit-4-1.24-1.26.md): one test per fix, each
// failing on the entry as it was before the audit, plus the boundaries of the sample's three error entries.
import { describe, expect, it } from '@jest/globals'
import { catalogEntries } from '../../src/knowledge/catalog.js'
import { run, of, lineOf } from '../support/catalog-run.js'

const entry = (id: string) => {
  const e = catalogEntries().find((x) => x.id === id)
  if (!e) throw new Error(`no entry ${id}`)
  return e
}

describe('istio-1.24-retry-defaults: only a mesh retry policy that retries and sets no retryOn', () => {
  const id = 'istio-1.24-retry-defaults'
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    defaultHttpRetryPolicy:
      attempts: 3
      perTryTimeout: 2s
`
  it('warns on attempts without retryOn, on the defaultHttpRetryPolicy line', () => {
    const found = of(run('mesh.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh.yaml', line: lineOf(text, 'defaultHttpRetryPolicy:'), severity: 'warning', rule: 'default-changed' })])
    expect(found[0].message).toContain('sets no retryOn')
  })

  it('is quiet on a policy with its own retryOn (the 503 change does not touch it)', () => {
    const own = text.replace('      perTryTimeout: 2s\n', '      retryOn: connect-failure,refused-stream,unavailable,cancelled,503\n')
    expect(of(run('mesh.yaml', own, '1.24', '1.23'), id)).toEqual([])
  })

  it('is quiet on a policy that turns retries off (attempts 0 or unset)', () => {
    expect(of(run('mesh.yaml', text.replace('attempts: 3', 'attempts: 0'), '1.24', '1.23'), id)).toEqual([])
    expect(of(run('mesh.yaml', text.replace('      attempts: 3\n', ''), '1.24', '1.23'), id)).toEqual([])
  })

  it('works on Helm meshConfig too, and cites the change notes first', () => {
    const helm = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    meshConfig:
      defaultHttpRetryPolicy:
        attempts: 2
`
    const found = of(run('istiod.yaml', helm, '1.25', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(helm, 'defaultHttpRetryPolicy:') })])
    expect(found[0].source).toBe('https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management')
  })
})

describe('istio-1.24-istio-csr-alpn: quiet when the documented workaround sits in the same values', () => {
  const id = 'istio-1.24-istio-csr-alpn'
  const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    global:
      caAddress: cert-manager-istio-csr.cert-manager.svc:443
`
  it('warns on an istio-csr caAddress', () => {
    expect(of(run('istiod.yaml', text, '1.24', '1.23'), id)).toEqual([
      expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, 'caAddress:'), severity: 'warning' })
    ])
  })

  it('only notes the switch when GRPC_ENFORCE_ALPN_ENABLED is already "false"', () => {
    const fixed = `${text}    meshConfig:
      defaultConfig:
        proxyMetadata:
          GRPC_ENFORCE_ALPN_ENABLED: "false"
`
    expect(of(run('istiod.yaml', fixed, '1.24', '1.23'), id)).toEqual([
      expect.objectContaining({ file: 'istiod.yaml', line: lineOf(fixed, 'GRPC_ENFORCE_ALPN_ENABLED'), severity: 'notice' })
    ])
  })
})

describe('istio-1.25-reroute-virtual-interfaces-annotation and its deprecation twin: no duplicate-key fix', () => {
  const pod = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vm
spec:
  selector: {matchLabels: {app: vm}}
  template:
    metadata:
      labels: {app: vm}
      annotations:
${annotations}    spec:
      containers:
      - name: vm
        image: vm
`
  const both = pod('        istio.io/reroute-virtual-interfaces: "k6t-eth0"\n        traffic.sidecar.istio.io/kubevirtInterfaces: "k6t-eth0"\n')

  it('renames the new key for a target before 1.25 when it stands alone', () => {
    const text = pod('        istio.io/reroute-virtual-interfaces: "k6t-eth0"\n')
    const found = of(run('vm.yaml', text, '1.24'), 'istio-1.25-reroute-virtual-interfaces-annotation')
    const line = lineOf(text, 'reroute-virtual-interfaces')
    expect(found).toEqual([expect.objectContaining({ file: 'vm.yaml', line, severity: 'warning' })])
    expect(found[0].fix?.edits).toEqual([{ startLine: line, endLine: line, replacement: '        traffic.sidecar.istio.io/kubevirtInterfaces: "k6t-eth0"' }])
  })

  it('is quiet before 1.25 when the pod template also sets kubevirtInterfaces, which those releases read', () => {
    expect(of(run('vm.yaml', both, '1.24'), 'istio-1.25-reroute-virtual-interfaces-annotation')).toEqual([])
  })

  it('is quiet on the workload object\'s own annotations, which the injector does not read', () => {
    const own = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vm
  annotations:
    istio.io/reroute-virtual-interfaces: "k6t-eth0"
spec:
  selector: {matchLabels: {app: vm}}
  template:
    metadata:
      labels: {app: vm}
    spec:
      containers:
      - name: vm
        image: vm
`
    expect(of(run('vm.yaml', own, '1.24'), 'istio-1.25-reroute-virtual-interfaces-annotation')).toEqual([])
  })

  it('on 1.25 with both keys, the deprecation is a notice without the rename that would duplicate a key', () => {
    const found = of(run('vm.yaml', both, '1.25'), 'istio-1.25-kubevirt-interfaces-deprecated')
    expect(found).toEqual([expect.objectContaining({ file: 'vm.yaml', line: lineOf(both, 'kubevirtInterfaces'), severity: 'notice' })])
    expect(found[0].fix).toBeUndefined()
  })

  it('on 1.25 with the old key alone, the deprecation keeps its warning and rename', () => {
    const text = pod('        traffic.sidecar.istio.io/kubevirtInterfaces: "k6t-eth0"\n')
    const found = of(run('vm.yaml', text, '1.25'), 'istio-1.25-kubevirt-interfaces-deprecated')
    const line = lineOf(text, 'kubevirtInterfaces')
    expect(found).toEqual([expect.objectContaining({ file: 'vm.yaml', line, severity: 'warning' })])
    expect(found[0].fix?.edits).toEqual([{ startLine: line, endLine: line, replacement: '        istio.io/reroute-virtual-interfaces: "k6t-eth0"' }])
  })
})

describe('istio-1.25-scoping-and-target-port-opt-outs-removed: an opt-out warns, a value that keeps the default is a notice', () => {
  const id = 'istio-1.25-scoping-and-target-port-opt-outs-removed'
  const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    pilot:
      env:
        ENABLE_ENHANCED_RESOURCE_SCOPING: "true"
        ENABLE_RESOLUTION_NONE_TARGET_PORT: "false"
`
  it('reports each variable once, with the severity its value earns', () => {
    const found = of(run('istiod.yaml', text, '1.25'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, 'ENABLE_ENHANCED_RESOURCE_SCOPING'), severity: 'notice' }),
      expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, 'ENABLE_RESOLUTION_NONE_TARGET_PORT'), severity: 'warning' })
    ])
    expect(found[0].message).not.toContain('opt-out')
    expect(found[1].message).toContain('opt-out is ignored')
  })

  it('stays quiet before 1.25', () => {
    expect(of(run('istiod.yaml', text, '1.24'), id)).toEqual([])
  })
})

describe('notice entries: who reads the variable, and where the notes say it', () => {
  it('istio-1.25-new-env: ENVOY_SKIP_DEPRECATED_LOGS is a proxy variable, not an istiod one (true: "false" keeps what older proxies do, census 10)', () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    pilot:
      env:
        ENVOY_SKIP_DEPRECATED_LOGS: "true"
    meshConfig:
      defaultConfig:
        proxyMetadata:
          ENVOY_SKIP_DEPRECATED_LOGS: "true"
`
    const found = of(run('istiod.yaml', text, '1.24'), 'istio-1.25-new-env')
    expect(found).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, '          ENVOY_SKIP_DEPRECATED_LOGS'), severity: 'notice' })])
  })

  it('istio-1.24-new-env cites the Telemetry section, where the 1.24 notes list SECRET_GRACE_PERIOD_RATIO_JITTER', () => {
    expect(entry('istio-1.24-new-env').sources[0]).toEqual(expect.objectContaining({ section: 'Telemetry', url: 'https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#telemetry' }))
  })
})

// The three error entries of the sample were right; these pin their boundaries.
describe('error entries of the sample: trip before the release, quiet from it', () => {
  const cases: { id: string; yaml: string; needle: string; trips: string; quiet: string; severity?: string }[] = [
    {
      id: 'istio-1.24-destination-rule-warmup',
      yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: r
spec:
  host: r.default.svc.cluster.local
  subsets:
  - name: v1
    labels: {v: "1"}
    trafficPolicy:
      loadBalancer:
        warmup:
          duration: 30s
`,
      needle: 'warmup:',
      trips: '1.23',
      quiet: '1.24'
    },
    {
      id: 'istio-1.26-retry-backoff-and-host-predicate',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: r
spec:
  hosts: [r]
  http:
  - route:
    - destination: {host: r}
    retries:
      attempts: 3
      retryIgnorePreviousHosts: true
`,
      needle: 'retryIgnorePreviousHosts',
      trips: '1.25',
      quiet: '1.26'
    },
    {
      id: 'istio-1.26-backend-tls-policy-alpha',
      yaml: `apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata:
  name: tls
spec:
  targetRefs:
  - {group: "", kind: Service, name: api}
  validation:
    hostname: api.example.com
    wellKnownCACertificates: System
`,
      needle: 'apiVersion:',
      trips: '1.25',
      quiet: '1.26',
      // Round 40 (r40c, docs/audit/catalog-audit-40-r40c.md): with no file turning PILOT_ENABLE_ALPHA_GATEWAY_API on, a notice.
      severity: 'notice'
    }
  ]
  for (const c of cases) {
    it(`${c.id}: error at ${c.trips}, quiet at ${c.quiet}`, () => {
      expect(of(run('case.yaml', c.yaml, c.trips), c.id)).toEqual([expect.objectContaining({ file: 'case.yaml', line: lineOf(c.yaml, c.needle), severity: c.severity ?? 'error' })])
      expect(of(run('case.yaml', c.yaml, c.quiet), c.id)).toEqual([])
    })
  }
})
