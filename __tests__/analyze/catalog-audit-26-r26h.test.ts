// Round 26 census, share r26h (docs/audit/catalog-audit-26-r26h.md): each ❌ fixed, with the YAML that showed it.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.31-allow-insecure-fallback: only a Gateway that terminates TLS validates client certificates', () => {
  const id = 'istio-1.31-allow-insecure-fallback'
  const gw = (listeners: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: ingress
spec:
  gatewayClassName: istio
  listeners:
${listeners}  tls:
    frontend:
      default:
        validation:
          mode: AllowInsecureFallback
          caCertificateRefs:
          - {kind: ConfigMap, group: "", name: client-ca}
`
  it('is quiet on a Gateway whose listeners are all plain HTTP (no TLS handshake, nothing is validated)', () => {
    const text = gw('  - {name: http, port: 80, protocol: HTTP}\n')
    for (const target of ['1.28', '1.29', '1.30']) expect(of(run('gw.yaml', text, target), id)).toEqual([])
  })
  it('is quiet on a Gateway with only a TLS Passthrough listener (the gateway never sees the client certificate)', () => {
    const text = gw('  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}\n')
    expect(of(run('gw.yaml', text, '1.30'), id)).toEqual([])
  })
  it('still errs with an HTTPS listener, and with a TLS listener that terminates (certificateRefs)', () => {
    const https = gw('  - name: https\n    port: 443\n    protocol: HTTPS\n    tls: {certificateRefs: [{name: cert}]}\n')
    expect(at(of(run('gw.yaml', https, '1.30'), id))).toEqual([`gw.yaml:${lineOf(https, 'mode: AllowInsecureFallback')} error`])
    const tls = gw('  - name: tls\n    port: 8443\n    protocol: TLS\n    tls: {mode: Terminate, certificateRefs: [{name: cert}]}\n')
    expect(at(of(run('gw.yaml', tls, '1.29'), id))).toEqual([`gw.yaml:${lineOf(tls, 'mode: AllowInsecureFallback')} error`])
    expect(of(run('gw.yaml', https, '1.31'), id)).toEqual([])
  })
})
