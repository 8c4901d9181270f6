// Audit 16 (r16b, census of 29 entries of 1.22–1.24): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16b.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const GN = 'istio-1.24-gateway-name-label-removed'
const netpol = (operator: string, values = ''): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: istio-ingress\nspec:\n  podSelector:\n    matchExpressions:\n    - key: istio.io/gateway-name\n      operator: ${operator}\n${values}  policyTypes: [Ingress]\n  ingress: []\n`

describe(`${GN}: selectors that pick the pods WITHOUT the label`, () => {
  it('warns on an In / Exists expression (gateways created on 1.24 or later lack the label)', () => {
    const exists = netpol('Exists')
    const f = of(run('np.yaml', exists, '1.24', '1.23'), GN)
    expect(f.map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(exists, 'key: istio.io/gateway-name')} warning`])
    const inList = netpol('In', '      values: [ingress]\n')
    expect(of(run('np.yaml', inList, '1.24', '1.23'), GN).map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(inList, 'key: istio.io/gateway-name')} warning`])
  })
  it('says nothing on DoesNotExist / NotIn (such a selector selects more pods from 1.24, never none)', () => {
    expect(of(run('np.yaml', netpol('DoesNotExist'), '1.24', '1.23'), GN)).toEqual([])
    expect(of(run('np.yaml', netpol('NotIn', '      values: [ingress]\n'), '1.24', '1.23'), GN)).toEqual([])
  })
})

const CNI = 'istio-1.23-cni-log-level-deprecated'
const cniRelease = (level: string): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.23.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n    cni:\n      logLevel: ${level}\n`

describe(`${CNI}: the chart's old default`, () => {
  it('warns on a logLevel other than debug (that level is dropped)', () => {
    const t = cniRelease('warn')
    expect(of(run('hr.yaml', t, '1.23', '1.22'), CNI).map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(t, 'logLevel')} warning`])
  })
  it('gives only a notice on logLevel: debug, the default of the older charts (nothing the user chose is lost)', () => {
    const t = cniRelease('debug')
    const f = of(run('hr.yaml', t, '1.23', '1.22'), CNI)
    expect(f.map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(t, 'logLevel')} notice`])
    expect(f[0]?.message).toMatch(/already its default/)
  })
})

const NATIVE = 'istio-1.24-native-sidecar-annotation'
const deployment = (extra: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n${extra}    spec:\n      containers:\n      - name: web\n        image: nginx\n`

describe(`${NATIVE}: pods that get no sidecar at all`, () => {
  it('warns on an injected pod before 1.24', () => {
    const t = deployment('')
    expect(of(run('d.yaml', t, '1.23'), NATIVE).map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(t, 'nativeSidecar')} warning`])
  })
  it('says nothing when the pod opts out of injection (annotation or label): no sidecar, native or not, on any release', () => {
    expect(of(run('d.yaml', deployment('        sidecar.istio.io/inject: "false"\n'), '1.23'), NATIVE)).toEqual([])
    expect(of(run('d.yaml', deployment('      labels:\n        sidecar.istio.io/inject: "false"\n'), '1.23'), NATIVE)).toEqual([])
  })
})

const WF = 'istio-1.23-waypoint-for-on-gatewayclass'
const gatewayClass = (controller: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: my-waypoint\n  labels:\n    istio.io/waypoint-for: workload\nspec:\n  controllerName: ${controller}\n`

describe(`${WF}: GatewayClasses of other controllers`, () => {
  it('warns on a GatewayClass of Istio\'s mesh controller before 1.23', () => {
    const t = gatewayClass('istio.io/mesh-controller')
    expect(of(run('gc.yaml', t, '1.22'), WF).map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(t, 'waypoint-for')} warning`])
  })
  it('says nothing on a GatewayClass of another controller (it never makes waypoints)', () => {
    expect(of(run('gc.yaml', gatewayClass('istio.io/gateway-controller'), '1.22'), WF)).toEqual([])
    expect(of(run('gc.yaml', gatewayClass('example.com/other'), '1.22'), WF)).toEqual([])
  })
})
