// The defects the fourth audit of the 1.29–1.31 catalog entries found (docs/audit/catalog-audit-4-1.29-1.31.md):
// each test fails on the entry as it was before the fix and asserts the file and line of what must (or must not)
// be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const istiod = (env: Record<string, string>): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.29.0
        env:
${Object.entries(env)
  .map(([k, v]) => `        - name: ${k}\n          value: "${v}"`)
  .join('\n')}
`

describe('audit 4 1.29–1.31 #1: 1.29 only rejects control characters in the four proxy resource annotations', () => {
  const id = 'istio-1.29-annotation-control-characters'
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sidecar.istio.io/proxyCPU: |
      100m
    sidecar.istio.io/proxyMemoryLimit: "1Gi\\t"
    sidecar.istio.io/logLevel: |
      debug
    sidecar.istio.io/proxyImage: |
      docker.io/istio/proxyv2:1.29.0
    sidecar.istio.io/bootstrapOverride: |
      my-bootstrap
    sidecar.istio.io/componentLogLevel: |
      misc:error
    sidecar.istio.io/agentLogLevel: |
      default:info
spec:
  containers:
  - name: app
    image: app
`
  it('reports proxyCPU and proxyMemoryLimit on their lines, and none of the annotations 1.29 only escapes later', () => {
    const found = of(run('k8s/pod.yaml', pod, '1.29'), id)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([
      ['k8s/pod.yaml', lineOf(pod, 'proxyCPU'), 'error'],
      ['k8s/pod.yaml', lineOf(pod, 'proxyMemoryLimit'), 'error']
    ])
    expect(found[0]?.message).toContain('proxy resource annotation sidecar.istio.io/proxyCPU')
    // census 7 (c7f): the patch 1.28.4 carries the same check, so the quiet side is 1.28.3.
    expect(of(run('k8s/pod.yaml', pod, '1.28.3'), id)).toEqual([])
  })
})

describe('audit 4 1.29–1.31 #2: plaintext XDS debug authentication came with the March 2026 security patches', () => {
  const id = 'istio-1.30-xds-debug-auth'
  // census 7 (c7f): an explicit false keeps the endpoints open (nothing changes), so the variable is set to true here.
  const text = istiod({ ENABLE_DEBUG_ENDPOINT_AUTH: 'true' })
  it('is no change for an upgrade from 1.29.1, 1.28.5 or 1.27.8 and later', () => {
    for (const from of ['1.29.1', '1.29.5', '1.28.5', '1.27.8']) expect(of(run('istio/istiod.yaml', text, '1.30', from), id)).toEqual([])
  })
  it('is still reported from 1.29.0, 1.28.4 and 1.27.7, and for 1.29.0 → 1.29.1, on the line of the variable', () => {
    for (const [target, from] of [['1.30', '1.29.0'], ['1.30', '1.28.4'], ['1.31', '1.27.7'], ['1.29.1', '1.29.0']] as const) {
      const found = of(run('istio/istiod.yaml', text, target, from), id)
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['istio/istiod.yaml', lineOf(text, 'ENABLE_DEBUG_ENDPOINT_AUTH'), 'notice']])
    }
  })
})

describe('audit 4 1.29–1.31 #3: the AuthorizationPolicy regex-escaping fix is in 1.28.7 and 1.29.3, and exact principals were never regexes', () => {
  const id = 'istio-1.30-authz-regex-escaping'
  const policy = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: a
spec:
  rules:
  - from:
    - source:
        principals:
        - "cluster.local/ns/(a|b)/sa/exact"
        - "*/sa/(x|y)"
        notNamespaces:
        - "team-(a|b)"
`
  it('reports the suffix-match principal and the namespace, not the exact principal', () => {
    const found = of(run('sec/ap.yaml', policy, '1.30', '1.29.0'), id)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([
      // An error since round 8: an ALLOW rule then denies its callers (catalog-audit-8-coordinator.test.ts).
      ['sec/ap.yaml', lineOf(policy, '*/sa/(x|y)'), 'error'],
      ['sec/ap.yaml', lineOf(policy, 'team-(a|b)'), 'error']
    ])
  })
  it('is no change for an upgrade from 1.29.3 or 1.28.7, and is one for 1.29.2 → 1.29.3', () => {
    expect(of(run('sec/ap.yaml', policy, '1.30', '1.29.3'), id)).toEqual([])
    expect(of(run('sec/ap.yaml', policy, '1.31', '1.28.7'), id)).toEqual([])
    expect(of(run('sec/ap.yaml', policy, '1.29.3', '1.29.2'), id).map((f) => f.line)).toEqual([lineOf(policy, '*/sa/(x|y)'), lineOf(policy, 'team-(a|b)')])
  })
})

describe('audit 4 1.29–1.31 #4: wildcard DYNAMIC_DNS ServiceEntries for TLS work through a waypoint from 1.29', () => {
  const id = 'istio-1.30-wildcard-serviceentry-sidecars'
  const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: wild-tls
spec:
  hosts:
  - "*.example.com"
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DYNAMIC_DNS
`
  it('does not say "HTTP only", on the resolution line', () => {
    const found = of(run('egress/se.yaml', se, '1.29'), id)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['egress/se.yaml', lineOf(se, 'resolution:'), 'warning']])
    expect(found[0]?.message).not.toContain('HTTP only')
    // audit 10 (c10g): the message no longer lists which protocols work on which release (the 1.28.7/1.29.1 waypoint
    // SNI fix for these entries makes a per-release protocol list refutable); it must still not say "HTTP only"
    // audit 18 (r18g): a TLS port now gets its own message, which no longer advises a waypoint binding as if it were
    // enough (on 1.29 TLS wildcard hosts also need ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS=true)
    expect(found[0]?.message).toContain('ambient workloads reach it through a waypoint')
  })
})

describe('audit 4 1.29–1.31 #5: outboundTrafficPolicy.tls is already in the 1.30 mesh API', () => {
  const id = 'istio-1.31-meshconfig-fields'
  const mesh = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    outboundTrafficPolicy:
      mode: ALLOW_ANY_DYNAMIC_DNS
      tls:
        mode: SIMPLE
`
  it('says on 1.30 that the field only takes effect from 1.31, not that it only exists from 1.31', () => {
    const found = of(run('mesh/istio.yaml', mesh, '1.30'), id)
    const tls = found.find((f) => f.line === lineOf(mesh, 'tls:'))
    expect(tls?.file).toBe('mesh/istio.yaml')
    expect(tls?.message).not.toMatch(/only exists from/)
    expect(tls?.message).toContain('only takes effect from Istio 1.31')
    // Since round 8 the mode line is its own entry's (1.30 declares the value, 1.31 implements it).
    expect(found.map((f) => f.line)).toEqual([lineOf(mesh, 'tls:')])
    expect(of(run('mesh/istio.yaml', mesh, '1.30'), 'istio-1.31-allow-any-dynamic-dns-implemented').map((f) => f.line)).toEqual([lineOf(mesh, 'mode: ALLOW_ANY_DYNAMIC_DNS')])
  })
})

describe('audit 4 1.29–1.31 #6: two groups of 1.30 variables were backported to 1.27–1.29 patches', () => {
  const text = istiod({ DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: 'kiali', PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE: '65536', PILOT_ENABLE_AGENTGATEWAY: 'true' })
  const ids = ['istio-1.30-new-env', 'istio-1.30-hbone-window-env', 'istio-1.30-debug-endpoint-allowed-namespaces-env']
  const lines = (target: string): [string, number][] => {
    const found = run('istio/istiod.yaml', text, target)
    return ids.flatMap((id) => of(found, id).map((f) => [f.file, f.line] as [string, number])).sort((a, b) => a[1] - b[1])
  }
  it('does not call them new on 1.29.3, 1.28.7 or 1.27.8', () => {
    expect(lines('1.29.3')).toEqual([['istio/istiod.yaml', lineOf(text, 'PILOT_ENABLE_AGENTGATEWAY')]])
    expect(lines('1.28.7')).toEqual([['istio/istiod.yaml', lineOf(text, 'PILOT_ENABLE_AGENTGATEWAY')]])
    expect(lines('1.27.8')).toEqual([
      ['istio/istiod.yaml', lineOf(text, 'PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE')],
      ['istio/istiod.yaml', lineOf(text, 'PILOT_ENABLE_AGENTGATEWAY')]
    ])
  })
  it('still reports all three before the patches that brought them', () => {
    expect(lines('1.29.0')).toEqual(['DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES', 'PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE', 'PILOT_ENABLE_AGENTGATEWAY'].map((n) => ['istio/istiod.yaml', lineOf(text, n)]))
    expect(lines('1.30')).toEqual([])
  })
})

describe('audit 4 1.29–1.31 nits: 1.29.7 proxyVersion limit, ignore-policy-attachment value, TrafficExtension advice', () => {
  it('rejects a long proxyVersion on 1.29.7 too, not on 1.29.6', () => {
    const id = 'istio-1.30.4-envoyfilter-proxy-version-limit'
    const ef = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: pv
spec:
  configPatches:
  - applyTo: CLUSTER
    match:
      proxy:
        proxyVersion: '^1\\.2(${'|x'.repeat(520)})$'
    patch:
      operation: MERGE
      value: {}
`
    expect(of(run('mesh/ef.yaml', ef, '1.29.7'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['mesh/ef.yaml', lineOf(ef, 'proxyVersion'), 'error']])
    expect(of(run('mesh/ef.yaml', ef, '1.29.6'), id)).toEqual([])
  })
  it('only warns about istio.io/ignore-policy-attachment: "true", the one value Istio reads', () => {
    const id = 'istio-1.30.1-ignore-policy-attachment'
    const policy = (v: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: b
  annotations:
    istio.io/ignore-policy-attachment: "${v}"
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: svc
  validation:
    hostname: svc.example.com
    wellKnownCACertificates: System
`
    expect(of(run('gw/btls.yaml', policy('false'), '1.30.0'), id)).toEqual([])
    expect(of(run('gw/btls.yaml', policy('true'), '1.30.0'), id).map((f) => [f.file, f.line])).toEqual([['gw/btls.yaml', lineOf(policy('true'), 'ignore-policy-attachment')]])
  })
  it('does not send Lua users to WasmPlugin', () => {
    const te = `apiVersion: extensions.istio.io/v1alpha1
kind: TrafficExtension
metadata:
  name: lua
spec: {}
`
    const found = of(run('ext/te.yaml', te, '1.29'), 'istio-1.30-traffic-extension')
    expect(found.map((f) => [f.file, f.line])).toEqual([['ext/te.yaml', 1]])
    expect(found[0]?.message).toContain('Lua with an EnvoyFilter')
  })
})
