// Round 30 census, share r30e (docs/audit/catalog-audit-30-r30e.md).
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string | undefined, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

// kinds 39/4: Istio keys a ReferenceGrant `to` entry by its group AND kind (normalizeReference → GVK,
// pilot/pkg/config/kube/gateway/references_collection.go); an InferencePool entry of the other API group is another
// key (or no kind Istio reads), so it cannot overwrite the entry before it.
describe('istio-1.30-referencegrant-to-same-kind: InferencePool entries of two API groups', () => {
  const MSG = /only the last spec\.to entry of each kind/
  const grant = (groupA: string, groupB: string): File => ({
    path: 'backend/grant.yaml',
    text:
      'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: g\n  namespace: backend\nspec:\n  from:\n' +
      '  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}\n  to:\n' +
      `  - {group: ${groupA}, kind: InferencePool, name: a}\n  - {group: ${groupB}, kind: InferencePool, name: b}\n`
  })

  it('stays quiet when the two InferencePool entries name different API groups', async () => {
    const f = grant('inference.networking.k8s.io', 'inference.networking.x-k8s.io')
    expect(await findings([f], '1.29', '1.28', f.path, MSG)).toEqual([])
  })

  it('still errs on two InferencePool entries of the same group', async () => {
    const f = grant('inference.networking.k8s.io', 'inference.networking.k8s.io')
    expect(at(await findings([f], '1.29', '1.28', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'name: b}')} error`])
  })

  it('still errs on a Service entry followed by a named Service entry', async () => {
    const f: File = {
      path: 'backend/grant.yaml',
      text:
        'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: g\n  namespace: backend\nspec:\n  from:\n' +
        '  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}\n  to:\n  - {group: "", kind: Service}\n  - {group: "", kind: Service, name: a}\n'
    }
    expect(at(await findings([f], '1.29', '1.28', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'name: a}')} error`])
  })
})

// kind 41: a GatewayClass named istio-agentgateway-waypoint whose controllerName is Istio's own 1.31 agentgateway
// waypoint controller is served by no controller before 1.31, so it keeps nothing working there.
describe('istio-1.31-agentgateway-waypoint: GatewayClass opt-out only for another controller', () => {
  const MSG = /istio-agentgateway-waypoint GatewayClass only exists from Istio 1\.31/
  const gw: File = {
    path: 'app/waypoint.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: wp\n  namespace: app\nspec:\n  gatewayClassName: istio-agentgateway-waypoint\n  listeners:\n  - {name: mesh, port: 15008, protocol: HBONE}\n'
  }
  const klass = (controller: string): File => ({
    path: 'infra/class.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: istio-agentgateway-waypoint\nspec:\n  controllerName: ${controller}\n`
  })

  it('errs on 1.30 although the repository writes the class with Istio 1.31 controller name', async () => {
    expect(at(await findings([gw, klass('istio.io/agentgateway-waypoint-controller')], '1.30', '1.29', gw.path, MSG))).toEqual([
      `${gw.path}:${lineOf(gw.text, 'gatewayClassName')} error`
    ])
  })

  it('stays quiet where the class of that name belongs to another controller', async () => {
    expect(await findings([gw, klass('agentgateway.dev/agentgateway')], '1.30', '1.29', gw.path, MSG)).toEqual([])
  })
})

// kind 40: istioctl install of 1.24–1.29 validates an IstioOperator's meshConfig with mesh.ApplyMeshConfigDefaults
// (operator/pkg/apis/validation/validation.go), which fails on the unknown enum name: the install stops, istiod never
// "runs on the defaults" as the Helm/ConfigMap message says.
describe('istio-1.30-allow-any-dynamic-dns-mode: the IstioOperator arm says the install is refused', () => {
  const iop: File = {
    path: 'istio/iop.yaml',
    text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\n  namespace: istio-system\nspec:\n  meshConfig:\n    outboundTrafficPolicy:\n      mode: ALLOW_ANY_DYNAMIC_DNS\n'
  }
  const values: File = { path: 'istio/values.yaml', text: 'meshConfig:\n  outboundTrafficPolicy:\n    mode: ALLOW_ANY_DYNAMIC_DNS\n' }

  it('an IstioOperator on 1.29 gets the refused-install message, not the runs-on-defaults one', async () => {
    const found = await findings([iop], '1.29', undefined, iop.path, /ALLOW_ANY_DYNAMIC_DNS is unknown to the MeshConfig API/)
    expect(at(found)).toEqual([`${iop.path}:${lineOf(iop.text, 'mode:')} error`])
    expect(found[0].message).toMatch(/refuses this IstioOperator/)
    expect(found[0].message).not.toMatch(/runs on the defaults/)
  })

  it('Helm values on 1.29 keep the istiod message', async () => {
    const found = await findings([values], '1.29', undefined, values.path, /ALLOW_ANY_DYNAMIC_DNS is unknown to the MeshConfig API/)
    expect(at(found)).toEqual([`${values.path}:${lineOf(values.text, 'mode:')} error`])
    expect(found[0].message).toMatch(/runs on the defaults/)
  })
})

// kinds 28/42: a spec.tls.frontend.perPort entry only configures the HTTPS listeners on its own port (Gateway API
// TLSPortConfig); one for a port no listener uses changes nothing on any release.
describe('istio-1.31-allow-insecure-fallback: perPort entries only for a port a listener uses', () => {
  const MSG = /AllowInsecureFallback only from 1\.31/
  const gw = (perPort: number): File => ({
    path: 'infra/gateway.yaml',
    text:
      'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n  namespace: infra\nspec:\n  gatewayClassName: istio\n' +
      `  tls:\n    frontend:\n      perPort:\n      - port: ${perPort}\n        tls:\n          validation:\n            mode: AllowInsecureFallback\n` +
      '            caCertificateRefs:\n            - {group: "", kind: ConfigMap, name: ca}\n' +
      '  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs: [{name: cert}]\n'
  })

  it('stays quiet for a perPort entry of a port no listener uses', async () => {
    const f = gw(8443)
    expect(await findings([f], '1.30', '1.29', f.path, MSG)).toEqual([])
  })

  it('still errs for a perPort entry of the HTTPS listener port', async () => {
    const f = gw(443)
    expect(at(await findings([f], '1.30', '1.29', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, '- port: 443')} error`])
  })
})
