// Fourth audit of the 1.27–1.28 catalog entries (docs/audit/catalog-audit-4-1.27-1.28.md): a seeded 40 % sample.
// Each test below fails on the entry as it stood before the audit (commit 749e25a) and passes on the fixed one;
// every expected finding is pinned to its file and line.
import { describe, expect, it } from '@jest/globals'
import { CATALOG } from '../../src/knowledge/catalog.js'
import { run, of, lineOf } from '../support/catalog-run.js'
import { analyzeAdded } from '../support/snapshot.js'

const CACERTS = 'istio-1.27-incomplete-cacerts-fails'
const MULTI_CERT = 'istio-1.27-gateway-multiple-certificates'
const SAME_PORT = 'istio-1.27.4-https-http-same-port-bind'
const NEW_ENV = 'istio-1.27-new-env'
const FIND_POD = 'istio-1.27-proxy-find-pod-by-ip'

const partialCacerts = `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
type: Opaque
data:
  ca-cert.pem: QUFBQQ==
  ca-key.pem: QUFBQQ==
  root-cert.pem: QUFBQQ==
`

describe('audit 4 1.27–1.28: fixes of the entries found wrong', () => {
  it(`${CACERTS}: the fail-instead-of-fallback change is in 1.26.1 too (backport), so an incomplete bundle trips on 1.26.1 and the latest 1.26, not on 1.26.0`, () => {
    for (const target of ['1.26.1', '1.26', '1.27']) {
      const found = of(run('pki/cacerts.yaml', partialCacerts, target), CACERTS)
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['pki/cacerts.yaml', lineOf(partialCacerts, 'name: cacerts'), 'error']])
      expect(found[0].message).toContain('1.26.1')
    }
    expect(of(run('pki/cacerts.yaml', partialCacerts, '1.26.0'), CACERTS)).toEqual([])
  })

  it(`${CACERTS}: a cacerts Secret with no keys at all is not a bundle (istiod keeps its self-signed CA), so it is quiet; stringData keys still count`, () => {
    const empty = `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
type: Opaque
`
    expect(of(run('pki/cacerts.yaml', empty, '1.27'), CACERTS)).toEqual([])
    const viaStringData = `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
stringData:
  ca-cert.pem: x
  ca-key.pem: x
`
    const found = of(run('pki/cacerts.yaml', viaStringData, '1.27'), CACERTS)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['pki/cacerts.yaml', lineOf(viaStringData, 'name: cacerts'), 'error']])
  })

  it(`${MULTI_CERT}: no longer claims a Sidecar can serve several certificates from 1.27 (1.27 validation rejects credentialNames/tlsCertificates on Sidecar ingress); the Istio Gateway still trips`, () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: app
spec:
  ingress:
  - port: {number: 8443, name: https, protocol: HTTPS}
    defaultEndpoint: 127.0.0.1:8080
    tls:
      mode: SIMPLE
      credentialNames: [rsa, ecdsa]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*.example.com"]
    tls:
      mode: SIMPLE
      credentialNames: [rsa, ecdsa]
`
    const found = of(run('mesh/tls.yaml', yaml, '1.26'), MULTI_CERT)
    const gatewayLine = yaml.split('\n').findIndex((l, i) => i > lineOf(yaml, 'kind: Gateway') && l.includes('credentialNames:')) + 1
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['mesh/tls.yaml', gatewayLine, 'error']])
  })

  it(`${SAME_PORT}: 1.26.8 carries the fix as well, so the notice is for 1.26.7 and older only`, async () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 8443, name: https, protocol: HTTPS}
    bind: 10.0.0.1
    hosts: ["a.example.com"]
    tls: {mode: SIMPLE, credentialName: a}
  - port: {number: 8443, name: http, protocol: HTTP}
    bind: 10.0.0.2
    hosts: ["b.example.com"]
`
    const line = yaml.split('\n').findIndex((l) => l.includes('name: http,')) + 1
    // A cross-object check since audit 11 (m11c): the pairing runs over the whole analysis.
    const sameFiles = [{ path: 'gw/gw.yaml', text: yaml }]
    const notices = async (target: string) =>
      (await analyzeAdded(sameFiles, target)).findings.filter((f) => f.message.includes('got no routes'))
    const found = await notices('1.26.7')
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['gw/gw.yaml', line, 'notice']])
    expect(found[0].message).toContain('1.26.8')
    for (const target of ['1.26.8', '1.26']) expect(await notices(target)).toEqual([])
  })

  it(`${NEW_ENV} / ${FIND_POD}: ENABLE_PROXY_FIND_POD_BY_IP is read from 1.26.5 (backport), so it is reported only for older targets`, () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: ENABLE_PROXY_FIND_POD_BY_IP
          value: "false"
        - name: ENABLE_LAZY_SIDECAR_EVALUATION
          value: "true"
`
    for (const target of ['1.26.5', '1.26']) {
      const found = run('cp/istiod.yaml', yaml, target)
      expect(of(found, FIND_POD)).toEqual([])
      // the other 1.27 variables are still reported as new in 1.27
      expect(of(found, NEW_ENV).map((f) => [f.file, f.line])).toEqual([['cp/istiod.yaml', lineOf(yaml, 'ENABLE_LAZY_SIDECAR_EVALUATION')]])
    }
    const older = of(run('cp/istiod.yaml', yaml, '1.26.4'), FIND_POD)
    expect(older.map((f) => [f.file, f.line, f.severity])).toEqual([['cp/istiod.yaml', lineOf(yaml, 'ENABLE_PROXY_FIND_POD_BY_IP'), 'notice']])
    expect(older[0].message).toContain('1.26.5')
    expect(of(run('cp/istiod.yaml', yaml, '1.27'), FIND_POD)).toEqual([])
  })

  it('istio-1.27-cni-owned-config-filename-typo no longer cites istio/istio#57656 (the ambient ServiceEntry NONE issue)', () => {
    const entry = CATALOG.flatMap((r) => r.entries).find((e) => e.id === 'istio-1.27-cni-owned-config-filename-typo')!
    expect(entry.sources.flatMap((s) => s.refs ?? [])).not.toContain('https://github.com/istio/istio/issues/57656')
  })
})
