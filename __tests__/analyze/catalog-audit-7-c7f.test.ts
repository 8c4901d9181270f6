// The defects the seventh audit round (census of every entry, helper c7f: 1.29/1.30 entries) found
// (docs/audit/catalog-audit-7-c7f.md): each test fails on the entry as it was before the fix and asserts the file
// and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const where = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

/** A Flux HelmRelease of one of Istio's charts with `values` (YAML lines indented by four). */
const release = (chart: string, values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${chart}
  namespace: istio-system
spec:
  chart:
    spec:
      chart: ${chart}
      sourceRef:
        kind: HelmRepository
        name: istio
        namespace: flux-system
  values:
${values}
`

describe('census 7 (c7f): 1.29 and 1.30 entries', () => {
  it('istio-1.30-new-annotations: xfcc-include-client-identity "false" is what older releases do anyway; "true" still warns', () => {
    const gateway = (v: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: waypoint
  namespace: app
  annotations:
    ambient.istio.io/xfcc-include-client-identity: "${v}"
spec:
  gatewayClassName: istio-waypoint
  listeners:
  - name: mesh
    port: 15008
    protocol: HBONE
`
    expect(of(run('gw.yaml', gateway('false'), '1.29'), 'istio-1.30-new-annotations')).toEqual([])
    const on = gateway('true')
    expect(where(of(run('gw.yaml', on, '1.29'), 'istio-1.30-new-annotations'))).toEqual([['gw.yaml', lineOf(on, 'xfcc-include'), 'warning']])
  })

  it('istio-1.30-untaint-controller-env: taint.enabled false and PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS "false" get no "the manual variable can go"', () => {
    const off = release('istiod', '    taint:\n      enabled: false\n    pilot:\n      env:\n        PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "false"')
    expect(of(run('istiod.yaml', off, '1.30', '1.29'), 'istio-1.30-untaint-controller-env')).toEqual([])
    const on = release('istiod', '    taint:\n      enabled: true\n    pilot:\n      env:\n        PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true"')
    // Audit 9 (c9f): one notice, on taint.enabled; the variable is not reported on its own line any more, because
    // without taint.enabled it is what keeps the controller on.
    expect(where(of(run('istiod.yaml', on, '1.30', '1.29'), 'istio-1.30-untaint-controller-env'))).toEqual([['istiod.yaml', lineOf(on, 'enabled: true'), 'notice']])
  })

  it('istio-1.30-cni-exclude-namespaces: a sidecar-mode istio-cni (no ambient) already skipped excluded namespaces, so it stays quiet', () => {
    const sidecar = release('cni', '    excludeNamespaces:\n    - kube-system\n    - istio-system')
    expect(of(run('cni.yaml', sidecar, '1.30', '1.29'), 'istio-1.30-cni-exclude-namespaces')).toEqual([])
    // Audit 12 (r12f): istio-system (the pre-1.22 chart default) holds no ambient-enrolled pods, so a legacy list stays quiet.
    const ambient = release('cni', '    profile: ambient\n    excludeNamespaces:\n    - kube-system\n    - istio-system\n    - legacy')
    expect(where(of(run('cni.yaml', ambient, '1.30', '1.29'), 'istio-1.30-cni-exclude-namespaces'))).toEqual([['cni.yaml', lineOf(ambient, '- legacy'), 'warning']])
    const enabled = release('cni', '    ambient:\n      enabled: true\n    excludeNamespaces:\n    - legacy')
    expect(where(of(run('cni.yaml', enabled, '1.30', '1.29'), 'istio-1.30-cni-exclude-namespaces'))).toEqual([['cni.yaml', lineOf(enabled, '- legacy'), 'warning']])
  })

  it('istio-1.30-xds-debug-auth: ENABLE_DEBUG_ENDPOINT_AUTH "false" keeps the plaintext debug endpoints open, so no notice', () => {
    const off = release('istiod', '    pilot:\n      env:\n        ENABLE_DEBUG_ENDPOINT_AUTH: "false"')
    expect(of(run('istiod.yaml', off, '1.30', '1.29.0'), 'istio-1.30-xds-debug-auth')).toEqual([])
    const on = release('istiod', '    pilot:\n      env:\n        ENABLE_DEBUG_ENDPOINT_AUTH: "true"')
    expect(where(of(run('istiod.yaml', on, '1.30', '1.29.0'), 'istio-1.30-xds-debug-auth'))).toEqual([['istiod.yaml', lineOf(on, 'ENABLE_DEBUG'), 'notice']])
  })

  it('istio-1.29-reconcile-iptables-on-startup: compatibilityVersion 1.28 keeps reconciliation off, so the ambient profile gets no notice', () => {
    const compat = release('cni', '    profile: ambient\n    compatibilityVersion: "1.28"')
    expect(of(run('cni.yaml', compat, '1.29', '1.28'), 'istio-1.29-reconcile-iptables-on-startup')).toEqual([])
    const plain = release('cni', '    profile: ambient\n    compatibilityVersion: "1.29"')
    expect(where(of(run('cni.yaml', plain, '1.29', '1.28'), 'istio-1.29-reconcile-iptables-on-startup'))).toEqual([['cni.yaml', lineOf(plain, 'profile: ambient'), 'notice']])
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: ambient
spec:
  profile: ambient
  compatibilityVersion: "1.27"
`
    expect(of(run('iop.yaml', iop, '1.29', '1.28'), 'istio-1.29-reconcile-iptables-on-startup')).toEqual([])
  })

  it('istio-1.30-tlsroute-v1alpha-removed: no fix to v1, which a route without hostnames (or with two rules) fails', () => {
    const route = `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: r
  namespace: app
spec:
  parentRefs:
  - name: gw
  rules:
  - backendRefs:
    - name: svc
      port: 443
`
    const found = of(run('route.yaml', route, '1.30'), 'istio-1.30-tlsroute-v1alpha-removed')
    expect(where(found)).toEqual([['route.yaml', 1, 'notice']])
    expect(found[0].fix).toBeUndefined()
    expect(found[0].message).toContain('requires spec.hostnames')
  })

  it('istio-1.30-pick-best-service-namespace: only a ServiceEntry whose namespace sorts before the host\'s (it used to win) is reported', () => {
    const se = (ns: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: se
  namespace: ${ns}
spec:
  hosts:
  - foo.mid.svc.cluster.local
  ports:
  - number: 80
    name: http
    protocol: HTTP
  resolution: DNS
`
    // "zz" sorts after "mid": the Kubernetes Service in mid was already the first namespace alphabetically.
    expect(of(run('se.yaml', se('zz'), '1.30', '1.29'), 'istio-1.30-pick-best-service-namespace')).toEqual([])
    expect(of(run('se.yaml', se('mid'), '1.30', '1.29'), 'istio-1.30-pick-best-service-namespace')).toEqual([])
    const before = se('aa')
    expect(where(of(run('se.yaml', before, '1.30', '1.29'), 'istio-1.30-pick-best-service-namespace'))).toEqual([['se.yaml', lineOf(before, 'foo.mid.svc'), 'warning']])
  })

  it('istio-1.29-wildcard-serviceentry-tls and istio-1.30-wildcard-serviceentry-sidecars: not on 1.27, whose CRD rejects DYNAMIC_DNS (that error stands alone)', () => {
    const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: wild
  namespace: egress
spec:
  hosts:
  - "*.example.com"
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DYNAMIC_DNS
`
    const old = run('se.yaml', se, '1.27')
    expect(of(old, 'istio-1.29-wildcard-serviceentry-tls')).toEqual([])
    expect(of(old, 'istio-1.30-wildcard-serviceentry-sidecars')).toEqual([])
    expect(where(of(old, 'istio-1.28-serviceentry-dynamic-dns'))).toEqual([['se.yaml', lineOf(se, 'resolution: DYNAMIC_DNS'), 'error']])
    const at128 = run('se.yaml', se, '1.28')
    expect(where(of(at128, 'istio-1.29-wildcard-serviceentry-tls'))).toEqual([['se.yaml', lineOf(se, 'protocol: TLS'), 'warning']])
    expect(where(of(at128, 'istio-1.30-wildcard-serviceentry-sidecars'))).toEqual([['se.yaml', lineOf(se, 'resolution: DYNAMIC_DNS'), 'warning']])
  })

  it('istio-1.29-annotation-control-characters: the patch 1.28.4 already rejects the control characters, 1.28.3 does not', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sidecar.istio.io/proxyCPU: |
      100m
spec:
  containers:
  - name: c
    image: nginx
`
    const id = 'istio-1.29-annotation-control-characters'
    expect(where(of(run('pod.yaml', pod, '1.28.4'), id))).toEqual([['pod.yaml', lineOf(pod, 'proxyCPU'), 'error']])
    expect(where(of(run('pod.yaml', pod, '1.28'), id))).toEqual([['pod.yaml', lineOf(pod, 'proxyCPU'), 'error']])
    expect(of(run('pod.yaml', pod, '1.28.3'), id)).toEqual([])
    expect(of(run('pod.yaml', pod, '1.28.4'), id)[0].message).toContain('1.28.4')
  })
})
