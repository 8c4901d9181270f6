// Seventh audit (census) of the catalog entries of list c7e (docs/audit/catalog-audit-7-c7e.md). Each test fails on
// the entry as it stood before this census and passes on the fixed one; every expected finding is pinned to its file
// and line, and the narrowed matchers keep a trip test on the YAML they must still report.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { analyzeAdded } from '../support/snapshot.js'

const METRIC = 'istio-1.28-metric-expiry-removed'
const SPAWN = 'istio-1.28-spawn-upstream-span-for-gateway'
const SHADOW = 'istio-1.28-shadow-host-suffix'
const MAXCONN = 'istio-1.28-max-connections-per-socket-event-sidecars'
const MULTINET = 'istio-1.28-multi-network-waypoint'
const SE_NONE = 'istio-1.28-serviceentry-none-passthrough-ambient'
const COMPRESSION = 'istio-1.29-stats-compression-option'
const DEBUG = 'istio-1.29-debug-endpoint-auth'
const EF_GWCLASS = 'istio-1.27.4-envoyfilter-gatewayclass-target'

const at = (found: { file: string; line?: number; severity: string }[]): [string, number | undefined, string][] =>
  found.map((f) => [f.file, f.line, f.severity])

const values = (env: string): string => `pilot:
  env:
${env}`

describe('audit 7 (c7e): fixes of the entries found wrong', () => {
  it(`${METRIC}: a zero METRIC_ROTATION_INTERVAL (expiry off, the default) is quiet; a non-zero one warns; the grace period alone is only a notice`, () => {
    const off = values(`    METRIC_ROTATION_INTERVAL: "0s"
`)
    expect(of(run('istio/values.yaml', off, '1.28', '1.27'), METRIC)).toEqual([])
    const on = values(`    METRIC_ROTATION_INTERVAL: "10m"
    METRIC_GRACEFUL_DELETION_INTERVAL: "5m"
`)
    const found = of(run('istio/values.yaml', on, '1.28', '1.27'), METRIC)
    expect(at(found)).toEqual([
      ['istio/values.yaml', lineOf(on, 'METRIC_ROTATION_INTERVAL'), 'warning'],
      ['istio/values.yaml', lineOf(on, 'METRIC_GRACEFUL_DELETION_INTERVAL'), 'notice']
    ])
    expect(found[0].message).toContain('METRIC_ROTATION_INTERVAL=10m')
    expect(found[0].message).toContain('1.28.2')
  })

  it(`${SPAWN}, ${SHADOW}, ${DEBUG}: the switch set to its new default (true) gets nothing (the shadow one a notice saying what true does); set to false only the spawn switch, whose removal in 1.31 is near, gets a notice`, () => {
    const newDefaults = values(`    PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: "true"
    DISABLE_SHADOW_HOST_SUFFIX: "true"
    ENABLE_DEBUG_ENDPOINT_AUTH: "true"
`)
    const quiet = run('istio/values.yaml', newDefaults, '1.29', '1.27.5')
    for (const id of [SPAWN, DEBUG]) expect(of(quiet, id)).toEqual([])
    // DISABLE_SHADOW_HOST_SUFFIX=true is the new default too, but the 1.28 change note gives it the opposite meaning,
    // so the notice stays and says what true does.
    const shadow = of(quiet, SHADOW)
    expect(at(shadow)).toEqual([['istio/values.yaml', lineOf(newDefaults, 'DISABLE_SHADOW_HOST_SUFFIX'), 'notice']])
    expect(shadow[0].message).toContain('drops the -shadow suffix')
    const optOuts = values(`    PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: "false"
    DISABLE_SHADOW_HOST_SUFFIX: "False"
    ENABLE_DEBUG_ENDPOINT_AUTH: "0"
`)
    const found = run('istio/values.yaml', optOuts, '1.29', '1.27.5')
    expect(at(of(found, SPAWN))).toEqual([['istio/values.yaml', lineOf(optOuts, 'PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY'), 'notice']])
    // Audit 10 (c10f): DISABLE_SHADOW_HOST_SUFFIX (new in 1.28) and ENABLE_DEBUG_ENDPOINT_AUTH (new in 1.29, 1.28.4,
    // 1.27.6) set to their opt-out value keep what older releases do anyway, so nothing changes and nothing is said.
    expect(of(found, SHADOW)).toEqual([])
    expect(of(found, DEBUG)).toEqual([])
  })

  it(`${MAXCONN}: MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP=0 keeps sidecar listeners unlimited and is quiet; another value is reported with that value`, () => {
    const zero = values(`    MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP: "0"
`)
    expect(of(run('istio/values.yaml', zero, '1.28', '1.27'), MAXCONN)).toEqual([])
    const five = values(`    MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP: "5"
`)
    const found = of(run('istio/values.yaml', five, '1.28', '1.27'), MAXCONN)
    expect(at(found)).toEqual([['istio/values.yaml', lineOf(five, 'MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP'), 'notice']])
    expect(found[0].message).toContain('=5')
    expect(found[0].message).not.toContain('default of 1')
  })

  it(`${MULTINET}: ambient multi-network without the waypoint switch is reported; the switch set (either way) or multi-network off is quiet`, () => {
    const on = values(`    AMBIENT_ENABLE_MULTI_NETWORK: "true"
`)
    expect(at(of(run('istio/values.yaml', on, '1.28', '1.27'), MULTINET))).toEqual([['istio/values.yaml', lineOf(on, 'AMBIENT_ENABLE_MULTI_NETWORK'), 'notice']])
    const optOut = values(`    AMBIENT_ENABLE_MULTI_NETWORK: "true"
    AMBIENT_ENABLE_MULTI_NETWORK_WAYPOINT: "false"
`)
    expect(of(run('istio/values.yaml', optOut, '1.28', '1.27'), MULTINET)).toEqual([])
    const single = values(`    AMBIENT_ENABLE_MULTI_NETWORK_WAYPOINT: "true"
`)
    expect(of(run('istio/values.yaml', single, '1.28', '1.27'), MULTINET)).toEqual([])
  })

  it(`${SE_NONE}: a resolution NONE ServiceEntry without a waypoint (a sidecar mesh) is quiet; one that uses a waypoint gets the notice`, () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: sidecar-egress
  namespace: egress
spec:
  hosts: ["a.example.com"]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: NONE
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ambient-egress
  namespace: egress
  labels:
    istio.io/use-waypoint: waypoint
spec:
  hosts: ["b.example.com"]
  ports: [{number: 443, name: tls, protocol: TLS}]
  resolution: NONE   # ambient
`
    expect(at(of(run('istio/se.yaml', yaml, '1.28', '1.27'), SE_NONE))).toEqual([['istio/se.yaml', lineOf(yaml, '# ambient'), 'notice']])
  })

  it(`${COMPRESSION}: statsCompression false on an older proxy (compression off there anyway) is quiet; true warns`, () => {
    const off = `meshConfig:
  defaultConfig:
    statsCompression: false
`
    expect(of(run('istio/values.yaml', off, '1.28'), COMPRESSION)).toEqual([])
    const on = `meshConfig:
  defaultConfig:
    statsCompression: true
`
    expect(at(of(run('istio/values.yaml', on, '1.28'), COMPRESSION))).toEqual([['istio/values.yaml', lineOf(on, 'statsCompression'), 'warning']])
  })

  it(`${EF_GWCLASS}: on 1.24, whose CRD rejects a GatewayClass target, the entry is quiet (introduced 1.25); 1.26 still warns`, () => {
    const yaml = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: waypoint-defaults
  namespace: istio-system
spec:
  targetRefs:
  - group: gateway.networking.k8s.io
    kind: GatewayClass
    name: istio-waypoint
  configPatches: []
`
    expect(of(run('istio/ef.yaml', yaml, '1.24'), EF_GWCLASS)).toEqual([])
    expect(at(of(run('istio/ef.yaml', yaml, '1.26'), EF_GWCLASS))).toEqual([['istio/ef.yaml', lineOf(yaml, 'kind: GatewayClass'), 'warning']])
  })
})

describe('audit 7 (c7e): severity', () => {
  it('istio-1.28-gateway-api-bundle-1.4: a Gateway API 1.3 BackendTLSPolicy CRD is no error (its policies are ignored; the CRD alone breaks nothing; a notice since r38f where no file sets the alpha flag 1.27 needed)', () => {
    const yaml = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backendtlspolicies.gateway.networking.k8s.io
  annotations:
    gateway.networking.k8s.io/bundle-version: v1.3.0
`
    const found = of(run('crds/gateway-api.yaml', yaml, '1.28', '1.27'), 'istio-1.28-gateway-api-bundle-1.4')
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['crds/gateway-api.yaml', lineOf(yaml, 'bundle-version'), 'notice']])
  })
})

describe('audit 7 (c7e): the patch-level gap of istio-1.28-stats-annotations', () => {
  const EVICT = 'istio-1.28.2-stats-eviction-interval-minute'
  const pod = (interval: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/statsEvictionInterval: ${interval}
    spec:
      containers: [{name: app, image: app}]
`
  it(`${EVICT}: a minute or more fails the sidecar on 1.28.0 and 1.28.1 (error), not on 1.28.2; short intervals and older targets are quiet`, () => {
    for (const interval of ['60s', '2m', '300s']) {
      const yaml = pod(interval)
      for (const target of ['1.28.0', '1.28.1']) {
        expect(at(of(run('apps/app.yaml', yaml, target), EVICT))).toEqual([['apps/app.yaml', lineOf(yaml, 'statsEvictionInterval'), 'error']])
      }
      expect(of(run('apps/app.yaml', yaml, '1.28.2'), EVICT)).toEqual([])
      // 1.27 does not read the annotation at all: istio-1.28-stats-annotations speaks for it.
      expect(of(run('apps/app.yaml', yaml, '1.27'), EVICT)).toEqual([])
    }
    for (const interval of ['30s', '55s', '61s']) expect(of(run('apps/app.yaml', pod(interval), '1.28.0'), EVICT)).toEqual([])
  })

  // Audit 11 (m11c) made the entry a cross-object pairing of an HTTP server with an HTTPS server on its own port, so
  // this layout (two HTTPS servers on 443, HTTP only on 80) is no longer reported at all.
  it('istio-1.27.4-https-http-same-port-bind: two HTTPS servers on 443 and HTTP on 80 are not reported', async () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: edge
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https-a, protocol: HTTPS}
    bind: 10.0.0.1
    hosts: ["a.example.com"]
    tls: {mode: SIMPLE, credentialName: a}
  - port: {number: 443, name: https-b, protocol: HTTPS}
    bind: 10.0.0.2
    hosts: ["b.example.com"]
    tls: {mode: SIMPLE, credentialName: b}
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
`
    const files = [{ path: 'gw/edge.yaml', text: yaml }]
    const result = await analyzeAdded(files, '1.27.3')
    expect(lineOf(yaml, 'number: 443, name: https-b')).toBe(12)
    expect(result.findings.filter((f) => f.file === 'gw/edge.yaml' && f.line === 12)).toEqual([])
    expect(result.findings.filter((f) => /got no routes|bind address/.test(f.message))).toEqual([])
  })
})
