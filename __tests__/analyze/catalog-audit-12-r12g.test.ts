// Round 12 census (r12g): the ❌ of the 1.30.4–1.31.1 share (docs/audit/catalog-audit-12-r12g.md).
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.30-referencegrant-to-same-kind: a repeated entry equal to the last one loses nothing', () => {
  const id = 'istio-1.30-referencegrant-to-same-kind'
  const grant = (to: string) => `apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: certs\n  namespace: certs\nspec:\n  from:\n  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}\n  to:\n${to}`
  it('is quiet when the same Service is listed twice (the last entry allows it anyway)', () => {
    expect(of(run('grant.yaml', grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: a}\n'), '1.29'), id)).toEqual([])
  })
  it('still reports two different names of one kind (trip)', () => {
    const text = grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: b}\n')
    expect(of(run('grant.yaml', text, '1.29'), id)).toEqual([expect.objectContaining({ file: 'grant.yaml', line: lineOf(text, 'name: b'), severity: 'error' })])
  })
  it('reports a, b, a: the earlier b is lost though a repeats (trip)', () => {
    const text = grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: b}\n  - {group: "", kind: Service, name: a}\n')
    const found = of(run('grant.yaml', text, '1.29'), id)
    expect(found.map(f => [f.file, f.line])).toEqual([['grant.yaml', lineOf(text, 'name: b')], ['grant.yaml', lineOf(text, 'name: b') + 1]])
  })
})

describe('istio-1.31.1-jwks-link-local-blocked: quiet when istiod never fetches a JWKS', () => {
  const jwt: File = { path: 'apps/jwt.yaml', text: 'apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt\n  namespace: app\nspec:\n  jwtRules:\n  - issuer: https://issuer.example.com\n    jwksUri: http://169.254.169.254/keys\n' }
  const istiod = (mode: string): File => ({ path: 'platform/istiod-values.yaml', text: `pilot:\n  env:\n    PILOT_JWT_ENABLE_REMOTE_JWKS: "${mode}"\n` })
  const found = async (files: File[]) => {
    const result = await analyzeAdded(files, '1.31.1', '1.31.0')
    return result.findings.filter((f) => f.message.includes('link-local')).map((f) => `${f.file}:${f.line} ${f.severity}`)
  }
  it('is quiet with PILOT_JWT_ENABLE_REMOTE_JWKS=envoy in the istiod values of another file (the proxies fetch every JWKS)', async () => {
    expect(await found([jwt, istiod('envoy')])).toEqual([])
  })
  it('still reports without it and with hybrid mode, where istiod fetches a URI that is no mesh cluster (trip)', async () => {
    const want = [`apps/jwt.yaml:${lineOf(jwt.text, 'jwksUri')} error`]
    expect(await found([jwt])).toEqual(want)
    expect(await found([jwt, istiod('hybrid')])).toEqual(want)
  })
})

describe('istio-1.31-send-unhealthy-endpoints: the message names only the switch istiod reads', () => {
  it('does not claim that a compatibility profile keeps the old behaviour (the 1.30 profile does not set the switch)', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 3\n'
    const found = of(run('dr.yaml', text, '1.31', '1.30'), 'istio-1.31-send-unhealthy-endpoints')
    expect(found).toEqual([expect.objectContaining({ file: 'dr.yaml', line: lineOf(text, 'outlierDetection'), severity: 'notice' })])
    expect(found[0].message).not.toContain('compatibility profile')
  })
})

describe('istio-1.31-crd-fields: the Sidecar connection pools carry http2KeepAlive too', () => {
  it('reports spec.inboundConnectionPool.http.http2KeepAlive before 1.31 and not on 1.31', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\nspec:\n  inboundConnectionPool:\n    http:\n      http2KeepAlive:\n        time: 30s\n'
    expect(of(run('sidecar.yaml', text, '1.30'), 'istio-1.31-crd-fields')).toEqual([expect.objectContaining({ file: 'sidecar.yaml', line: lineOf(text, 'http2KeepAlive'), severity: 'error' })])
    expect(of(run('sidecar.yaml', text, '1.31'), 'istio-1.31-crd-fields')).toEqual([])
  })
})

describe('istio-1.31-allow-insecure-fallback: only Gateways of an Istio class', () => {
  const id = 'istio-1.31-allow-insecure-fallback'
  const gw = (cls: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: w\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: c}]}}\n  tls:\n    frontend:\n      default:\n        validation:\n          mode: AllowInsecureFallback\n          caCertificateRefs: [{kind: ConfigMap, name: ca, group: ""}]\n`
  it('is quiet on a Gateway another implementation programs (class eg)', () => {
    expect(of(run('gw.yaml', gw('eg'), '1.30'), id)).toEqual([])
  })
  it('still reports class istio on 1.30 (trip)', () => {
    const text = gw('istio')
    expect(of(run('gw.yaml', text, '1.30'), id)).toEqual([expect.objectContaining({ file: 'gw.yaml', line: lineOf(text, 'mode: AllowInsecureFallback'), severity: 'error' })])
  })
})
