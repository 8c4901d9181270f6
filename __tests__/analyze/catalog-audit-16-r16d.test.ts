// Audit 16 (r16d, census of 29 entries of 1.26/1.27): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16d.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const at = (fs: readonly { file: string; line?: number; severity: string }[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

const gateway = (cls: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n  gatewayClassName: ${cls}\n  infrastructure:\n    parametersRef:\n      group: ""\n      kind: ConfigMap\n      name: gw-options\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: rsa\n      - name: ecdsa\n`

describe('Gateway API Gateways of another controller: Istio never reads them (kind 20)', () => {
  const P = 'gw.yaml'
  it('istio-1.26-gateway-deployment-customisation warns on an istio-class Gateway only', () => {
    const istio = gateway('istio')
    expect(at(of(run(P, istio, '1.25'), 'istio-1.26-gateway-deployment-customisation'))).toEqual([`${P}:${lineOf(istio, 'parametersRef')} warning`])
    expect(at(of(run(P, gateway('istio-waypoint'), '1.25'), 'istio-1.26-gateway-deployment-customisation'))).toHaveLength(1)
    expect(of(run(P, gateway('envoy-gateway'), '1.25'), 'istio-1.26-gateway-deployment-customisation')).toEqual([])
  })
  it('istio-1.27-gateway-multiple-certificates errs on an istio-class Gateway only', () => {
    const istio = gateway('istio')
    expect(at(of(run(P, istio, '1.26'), 'istio-1.27-gateway-multiple-certificates'))).toEqual([`${P}:${lineOf(istio, 'name: ecdsa')} error`])
    expect(of(run(P, gateway('cilium'), '1.26'), 'istio-1.27-gateway-multiple-certificates')).toEqual([])
    expect(of(run(P, istio, '1.27'), 'istio-1.27-gateway-multiple-certificates')).toEqual([])
  })
})
