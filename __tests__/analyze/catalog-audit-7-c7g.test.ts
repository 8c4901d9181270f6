// The defects the seventh audit round (census of every entry, helper c7g: the 1.30/1.31 entries of its list) found
// (docs/audit/catalog-audit-7-c7g.md): each test fails on the entry as it was before the fix and asserts the file and
// line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

const pod = (annotations: Record<string, string>): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: default
spec:
  template:
    metadata:
      annotations:
${Object.entries(annotations)
  .map(([k, v]) => `        ${k}: "${v}"`)
  .join('\n')}
    spec:
      containers:
      - name: app
        image: example/app:1
`

const istiodValues = (env: Record<string, string>): string => `apiVersion: helm.toolkit.fluxcd.io/v2
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
${Object.entries(env)
  .map(([k, v]) => `        ${k}: "${v}"`)
  .join('\n')}
`

describe('istio-1.30.5-stats-flush-interval-fixed: only where the annotation is read at all (from 1.28)', () => {
  const id = 'istio-1.30.5-stats-flush-interval-fixed'
  const text = pod({ 'sidecar.istio.io/statsFlushInterval': '90s' })
  it('is an error on 1.28 to 1.30.4 and 1.31.0, where the annotation breaks the bootstrap', () => {
    for (const target of ['1.28', '1.29', '1.30.4', '1.31.0']) expect(at(of(run('app.yaml', text, target), id))).toEqual([['app.yaml', lineOf(text, '"90s"'), 'error']])
  })
  it('says nothing before 1.28, whose injector does not read the annotation (the 1.28 "not read" entry speaks there)', () => {
    for (const target of ['1.26', '1.27']) {
      const found = run('app.yaml', text, target)
      expect(of(found, id)).toEqual([])
      expect(at(of(found, 'istio-1.28-stats-annotations'))).toEqual([['app.yaml', lineOf(text, '"90s"'), 'warning']])
    }
  })
})

describe('istio-1.30.5-stats-eviction-interval-sub-second: only a sub-second value the proxy takes, next to a sub-second flush interval', () => {
  // The bootstrap takes an eviction interval only when it is a multiple of the flush interval (5s unless
  // sidecar.istio.io/statsFlushInterval says otherwise) and ignores it with a log line otherwise, on every release.
  const id = 'istio-1.30.5-stats-eviction-interval-sub-second'
  it('warns on a sub-second eviction interval that is a multiple of a sub-second flush interval', () => {
    for (const v of ['4.5s', '1500ms', '7500000us']) {
      const text = pod({ 'sidecar.istio.io/statsFlushInterval': '1.5s', 'sidecar.istio.io/statsEvictionInterval': v })
      expect(at(of(run('app.yaml', text, '1.30.4'), id))).toEqual([['app.yaml', lineOf(text, `"${v}"`), 'warning']])
    }
  })
  it('is quiet without a sub-second flush interval: the 5s default refuses a sub-second value on every release', () => {
    for (const v of ['1.5s', '500ms', '2500ms']) expect(of(run('app.yaml', pod({ 'sidecar.istio.io/statsEvictionInterval': v }), '1.30.4'), id)).toEqual([])
    expect(of(run('app.yaml', pod({ 'sidecar.istio.io/statsFlushInterval': '5s', 'sidecar.istio.io/statsEvictionInterval': '7.5s' }), '1.30.4'), id)).toEqual([])
  })
  it('is quiet on whole seconds written in another unit, which lose nothing', () => {
    for (const v of ['3000ms', '3.0s', '6000000us', '9000000000ns', '30s']) {
      expect(of(run('app.yaml', pod({ 'sidecar.istio.io/statsFlushInterval': '1.5s', 'sidecar.istio.io/statsEvictionInterval': v }), '1.30.4'), id)).toEqual([])
    }
  })
})

describe('istio-1.31-spawn-upstream-span-flag-removed: only an opt-out loses its effect', () => {
  const id = 'istio-1.31-spawn-upstream-span-flag-removed'
  it('warns on false, whose opt-out 1.31 no longer honours', () => {
    for (const v of ['false', '0', 'False']) {
      const text = istiodValues({ PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: v })
      const found = of(run('istiod.yaml', text, '1.31', '1.30'), id)
      expect(at(found)).toEqual([['istiod.yaml', lineOf(text, 'PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY'), 'warning']])
      expect(found[0].message).toContain('no longer opts out')
    }
  })
  it('only notes that true, which every release since 1.28 does anyway, can go', () => {
    const text = istiodValues({ PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: 'true' })
    const found = of(run('istiod.yaml', text, '1.31', '1.30'), id)
    expect(at(found)).toEqual([['istiod.yaml', lineOf(text, 'PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY'), 'notice']])
    expect(found[0].message).not.toContain('no longer opts out')
  })
})

describe('istio-1.31-strict-gateway-merging: a Gateway in the same namespace keeps merging, so no warning', () => {
  const id = 'istio-1.31-strict-gateway-merging'
  const text = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: extra
  namespace: web
spec:
  selector:
    gateway.networking.k8s.io/gateway-name: public
  servers:
  - port: {number: 8080, name: http, protocol: HTTP}
    hosts: ["*"]
`
  it('says nothing on the Gateway alone: since round 8 a cross-object check reports it only where the Gateway API Gateway shows another namespace (catalog-audit-7-coordinator.test.ts)', () => {
    expect(of(run('gw.yaml', text, '1.31', '1.30'), id)).toEqual([])
  })
  it('stays quiet without an upgrade across 1.31', () => {
    expect(of(run('gw.yaml', text, '1.31', '1.31'), id)).toEqual([])
  })
})

describe('istio-1.30.4-backend-tls-policy-fails-closed: only an unresolvable CA reference changes, so a notice', () => {
  const id = 'istio-1.30.4-backend-tls-policy-fails-closed'
  const text = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: api
  namespace: shop
spec:
  targetRefs:
  - {group: "", kind: Service, name: api}
  validation:
    caCertificateRefs:
    - {group: "", kind: ConfigMap, name: api-ca}
    hostname: api.shop.svc.cluster.local
`
  it('is a notice on the upgrade into the fix that says when nothing changes', () => {
    for (const [target, from] of [['1.30.4', '1.30.3'], ['1.31.1', '1.31.0'], ['1.29.7', '1.29.6']]) {
      const found = of(run('btp.yaml', text, target, from), id)
      expect(at(found)).toEqual([['btp.yaml', lineOf(text, 'caCertificateRefs'), 'notice']])
      expect(found[0].message).toContain('nothing changes while the referenced ConfigMaps exist')
    }
  })
  it('stays quiet on an upgrade between releases that both have the fix', () => {
    expect(of(run('btp.yaml', text, '1.31.1', '1.30.4'), id)).toEqual([])
  })
})

// Audit 10 (c10h): the live 1.30.4 notes (a later revision than the stored copy this test first followed) list the
// JWKS block, which came with the same security release as 1.29.7; so 1.30.4 and later 1.30 patches have it.
describe('istio-1.31.1-jwks-link-local-blocked: 1.30.0 to 1.30.3 do not have it, 1.30.4 does', () => {
  const id = 'istio-1.31.1-jwks-link-local-blocked'
  const text = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
  namespace: shop
spec:
  jwtRules:
  - issuer: https://issuer.example.com
    jwksUri: http://169.254.169.254/keys
`
  it('reports an upgrade from 1.30.0 into 1.31.1, and none from 1.30.5 (already blocked)', () => {
    expect(at(of(run('ra.yaml', text, '1.31.1', '1.30.0'), id))).toEqual([['ra.yaml', lineOf(text, 'jwksUri'), 'error']])
    expect(of(run('ra.yaml', text, '1.31.1', '1.30.5'), id)).toEqual([])
  })
  it('says nothing for 1.30.0 to 1.30.3 targets, and reports 1.30.4', () => {
    for (const target of ['1.30.0', '1.30.3']) expect(of(run('ra.yaml', text, target, '1.29.6'), id)).toEqual([])
    expect(at(of(run('ra.yaml', text, '1.30.4', '1.30.3'), id))).toEqual([['ra.yaml', lineOf(text, 'jwksUri'), 'error']])
  })
  it('still reports the upgrades into 1.29.7 and 1.31.1 from before them', () => {
    expect(at(of(run('ra.yaml', text, '1.29.7', '1.29.6'), id))).toEqual([['ra.yaml', lineOf(text, 'jwksUri'), 'error']])
    expect(at(of(run('ra.yaml', text, '1.31.1', '1.31.0'), id))).toEqual([['ra.yaml', lineOf(text, 'jwksUri'), 'error']])
  })
})

describe('istio-1.31-gcp-hosting-deprecated: registry.istio.io images that are not Istio releases get no docker.io/istio advice', () => {
  const id = 'istio-1.31-gcp-hosting-deprecated'
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller
  namespace: metallb-system
spec:
  template:
    spec:
      containers:
      - name: controller
        image: registry.istio.io/testing/metallb/controller:v0.14.3
      - name: proxy
        image: gcr.io/istio-release/proxyv2:1.30.0
`
  it('reports both images; only the gcr.io/istio-release one is told to use docker.io/istio and gets the fix', () => {
    const found = of(run('metallb.yaml', text, '1.31'), id).sort((a, b) => a.line - b.line)
    expect(at(found)).toEqual([
      ['metallb.yaml', lineOf(text, 'registry.istio.io/testing'), 'warning'],
      ['metallb.yaml', lineOf(text, 'gcr.io/istio-release/proxyv2'), 'warning']
    ])
    expect(found[0].message).toContain('pull this image from another registry')
    expect(found[0].message).not.toContain('use docker.io/istio images')
    expect(found[0].fix).toBeUndefined()
    expect(found[1].message).toContain('use docker.io/istio images')
    expect(found[1].fix?.edits[0].replacement).toBe('        image: docker.io/istio/proxyv2:1.30.0')
  })
})
