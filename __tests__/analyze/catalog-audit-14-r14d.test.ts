// The defects the fourteenth audit (census, helper r14d) found (docs/audit/catalog-audit-14-r14d.md): each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf, of, run } from '../support/catalog-run.js'
import { added, snapshotOf, type File, analyzeAdded } from '../support/snapshot.js'

const at = (fs: readonly Finding[], file: string, re: RegExp): string[] =>
  fs.filter((f) => f.file === file && re.test(f.message)).map((f) => `${f.file}:${f.line} ${f.severity}`)

describe('audit 14 r14d #1: an istiod without its CA server (ENABLE_CA_SERVER=false) never reads cacerts', () => {
  const SECRET = 'platform/istio/cacerts.yaml'
  const incomplete: File = {
    path: SECRET,
    text: `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
data:
  ca-cert.pem: eA==
  ca-key.pem: eA==
`,
  }
  const withCrl: File = {
    path: SECRET,
    text: `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
data:
  ca-cert.pem: eA==
  ca-key.pem: eA==
  root-cert.pem: eA==
  cert-chain.pem: eA==
  ca-crl.pem: eA==
`,
  }
  const noCaServer: File = { path: 'platform/istio/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_CA_SERVER: "false"\n' }
  const caServerOn: File = { path: 'platform/istio/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_CA_SERVER: "true"\n' }

  it('incomplete-cacerts-fails: still an error alone and next to ENABLE_CA_SERVER=true, silent when the CA server is off', async () => {
    const re = /incomplete cacerts Secret/
    for (const other of [[], [caServerOn]]) {
      const files = [incomplete, ...other]
      const r = await analyzeAdded(files, '1.27', '1.26')
      expect(at(r.findings, SECRET, re)).toEqual([`${SECRET}:${lineOf(incomplete.text, 'name: cacerts')} error`])
    }
    const files = [incomplete, noCaServer]
    const r = await analyzeAdded(files, '1.27', '1.26')
    expect(at(r.findings, SECRET, re)).toEqual([])
  })

  it('plugged-ca-crl: still a warning alone, silent when the CA server is off', async () => {
    const re = /certificate revocation list/
    const alone = await runAnalysis({ changes: added([withCrl]), head: snapshotOf([withCrl]) }, { target: '1.26', paths: [] })
    expect(at(alone.findings, SECRET, re)).toEqual([`${SECRET}:${lineOf(withCrl.text, 'ca-crl.pem')} warning`])
    const files = [withCrl, noCaServer]
    const off = await analyzeAdded(files, '1.26')
    expect(at(off.findings, SECRET, re)).toEqual([])
  })
})

describe('audit 14 r14d #2: ENABLE_PROXY_FIND_POD_BY_IP is a boolean; "off" is not a value that turns it off', () => {
  const id = 'istio-1.27-proxy-find-pod-by-ip'
  const FILE = 'platform/istiod/values.yaml'
  const values = (v: string): string => `pilot:\n  env:\n    ENABLE_PROXY_FIND_POD_BY_IP: ${v}\n`
  it('is silent on "off" (istiod parses the variable with strconv.ParseBool and keeps its default)', () => {
    expect(of(run(FILE, values('"off"'), '1.26.4'), id)).toEqual([])
    expect(of(run(FILE, values('"OFF"'), '1.25'), id)).toEqual([])
  })
  it('still reports "false" with a message that names false, not off, as the value that turns it off', () => {
    const text = values('"false"')
    const found = of(run(FILE, text, '1.26.4'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'ENABLE_PROXY_FIND_POD_BY_IP'), severity: 'notice' })])
    expect(found[0]!.message).toContain('unless set to false')
    expect(found[0]!.message).not.toMatch(/unless set to off/)
  })
})

describe('audit 14 r14d #3: vhost.domainName on 1.25 only matters where a patch selects virtual hosts', () => {
  const id = 'istio-1.26-envoyfilter-vhost-domain-name'
  const FILE = 'mesh/envoyfilter-vhost.yaml'
  const ef = (applyTo: string): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: vhost
  namespace: istio-system
spec:
  configPatches:
  - applyTo: ${applyTo}
    match:
      context: SIDECAR_OUTBOUND
      routeConfiguration:
        vhost:
          domainName: reviews.example.com
    patch:
      operation: MERGE
      value:
        response_headers_to_add: []
`
  it('is silent on a ROUTE_CONFIGURATION patch at 1.25 (no release reads vhost for it; 1.25 accepts the field)', () => {
    expect(of(run(FILE, ef('ROUTE_CONFIGURATION'), '1.25'), id)).toEqual([])
  })
  it('reports a VIRTUAL_HOST patch at 1.25 on the patch, and every patch at 1.24 (the CRD rejects the field)', () => {
    const vh = ef('VIRTUAL_HOST')
    const at125 = of(run(FILE, vh, '1.25'), id)
    expect(at125).toEqual([expect.objectContaining({ file: FILE, line: lineOf(vh, 'applyTo: VIRTUAL_HOST'), severity: 'error' })])
    expect(at125[0]!.message).toMatch(/1\.25 accepts the field but ignores it/)
    const rc = ef('ROUTE_CONFIGURATION')
    const at124 = of(run(FILE, rc, '1.24'), id)
    expect(at124).toEqual([expect.objectContaining({ file: FILE, line: lineOf(rc, 'domainName'), severity: 'error' })])
    expect(at124[0]!.message).toMatch(/CRDs of 1\.24 and older reject the field/)
    expect(of(run(FILE, vh, '1.26'), id)).toEqual([])
  })
})

describe('audit 14 r14d #4: credentialNames/tlsCertificates next to another certificate source are not a 1.27 feature', () => {
  const id = 'istio-1.27-gateway-multiple-certificates'
  const FILE = 'mesh/gateway.yaml'
  const gw = (tls: string): string => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: web
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["web.example.com"]
    tls:
      mode: SIMPLE
${tls}`
  it('is silent where credentialName (or a certificate file, or the other list) is set too: 1.27 accepts only one source', () => {
    for (const tls of [
      '      credentialName: web-rsa\n      credentialNames: [web-rsa, web-ecdsa]\n',
      '      serverCertificate: /etc/certs/rsa.pem\n      privateKey: /etc/certs/rsa.key\n      tlsCertificates:\n      - {serverCertificate: /etc/certs/ec.pem, privateKey: /etc/certs/ec.key}\n',
      '      credentialNames: [web-rsa]\n      tlsCertificates:\n      - {serverCertificate: /etc/certs/ec.pem, privateKey: /etc/certs/ec.key}\n',
    ]) {
      expect(of(run(FILE, gw(tls), '1.26'), id)).toEqual([])
    }
  })
  it('still reports credentialNames or tlsCertificates as the only certificate source before 1.27', () => {
    const names = gw('      credentialNames: [web-rsa, web-ecdsa]\n')
    expect(of(run(FILE, names, '1.26'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(names, 'credentialNames'), severity: 'error' })])
    const certs = gw('      tlsCertificates:\n      - {serverCertificate: /etc/certs/rsa.pem, privateKey: /etc/certs/rsa.key}\n')
    expect(of(run(FILE, certs, '1.25'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(certs, 'tlsCertificates'), severity: 'error' })])
    expect(of(run(FILE, names, '1.27'), id)).toEqual([])
  })
})

describe('audit 14 r14d #5: a Passthrough listener never reads certificateRefs, on any release', () => {
  const id = 'istio-1.27-gateway-multiple-certificates'
  const FILE = 'mesh/k8s-gateway.yaml'
  const gw = (mode: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: istio-ingress
spec:
  gatewayClassName: istio
  listeners:
  - name: tls
    port: 443
    protocol: TLS
    hostname: web.example.com
    tls:
${mode}      certificateRefs:
      - name: web-rsa
      - name: web-ecdsa
`
  it('is silent on a Passthrough listener with two certificateRefs', () => {
    expect(of(run(FILE, gw('      mode: Passthrough\n'), '1.26'), id)).toEqual([])
  })
  it('still reports two certificateRefs on a terminating listener (mode Terminate or unset) before 1.27', () => {
    for (const mode of ['      mode: Terminate\n', '']) {
      const text = gw(mode)
      expect(of(run(FILE, text, '1.26'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'name: web-ecdsa'), severity: 'error' })])
    }
  })
})
