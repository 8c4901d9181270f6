// Audit 20 (r20e, census of 34 entries of 1.27–1.28): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-20-r20e.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

async function findings(changed: readonly File[], target: string, from: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(changed), head: snapshotOf(changed) }, { target, from, paths: [] })
  return result.findings.filter((f) => pattern.test(f.message))
}

const gatewayOf = (className: string): File => ({
  path: 'gw/gateway.yaml',
  text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: ai\nspec:\n  gatewayClassName: ${className}\n  allowedListeners:\n    namespaces:\n      from: Same\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n`,
})
const route: File = {
  path: 'ai/route.yaml',
  text: `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: ai\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - group: inference.networking.k8s.io\n      kind: InferencePool\n      name: pool\n`,
}
const pool = (endpointPicker: string): File => ({
  path: 'ai/pool.yaml',
  text: `apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: pool\n  namespace: ai\nspec:\n  targetPorts:\n  - number: 8000\n  - number: 8001\n  selector:\n    matchLabels: {app: vllm}\n  endpointPickerRef:\n    name: epp\n${endpointPicker}`,
})
const poolV1 = pool('    port: {number: 9002}\n')
const poolRc = pool('    portNumber: 9002\n')

describe('v1 InferencePool entries: quiet on a pool only another controller\'s Gateways route to (istioRoutes)', () => {
  const cases: [string, File, string, string, RegExp, string][] = [
    ['istio-1.28-inferencepool-v1', poolV1, '1.27', '1.27', /only from 1\.28; 1\.27 knows only/, 'apiVersion'],
    ['istio-1.28.1-inferencepool-multiple-target-ports', poolV1, '1.28.0', '1.28.0', /more than one targetPort/, '- number: 8001'],
    ['istio-1.28-inferencepool-port-number-removed', poolRc, '1.28', '1.27', /replaced endpointPickerRef\.portNumber/, 'portNumber'],
  ]
  for (const [id, file, target, from, pattern, needle] of cases) {
    it(`${id}: reported on a pool an istio Gateway's route uses`, async () => {
      const found = await findings([file, route, gatewayOf('istio')], target, from, pattern)
      // the multiple-ports entry is a notice since round 37 (m37a): no file turns the inference extension on
      const severity = id === 'istio-1.28.1-inferencepool-multiple-target-ports' || id === 'istio-1.28-inferencepool-v1' ? 'notice' : 'error'
      expect(at(found.filter((f) => f.file === file.path))).toEqual([`${file.path}:${lineOf(file.text, needle)} ${severity}`])
    })
    it(`${id}: nothing when the only route to the pool hangs off a kgateway Gateway`, async () => {
      expect(await findings([file, route, gatewayOf('kgateway')], target, from, pattern)).toEqual([])
    })
  }
})

describe('istio-1.27.4-xlistenerset-tls-secrets: quiet on an XListenerSet whose parent Gateway another controller serves', () => {
  const listenerSet: File = {
    path: 'gw/listenerset.yaml',
    text: `apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: ls\n  namespace: ai\nspec:\n  parentRef:\n    name: gw\n    kind: Gateway\n    group: gateway.networking.k8s.io\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: a.example.com\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n`,
  }
  const pattern = /refuse the TLS certificateRefs of XListenerSet/
  it('errs under an istio Gateway on 1.27.3', async () => {
    expect(at(await findings([listenerSet, gatewayOf('istio')], '1.27.3', '1.27.3', pattern))).toEqual([`gw/listenerset.yaml:${lineOf(listenerSet.text, 'certificateRefs')} notice`])
  })
  it('says nothing under an envoy-gateway Gateway (Istio never reads that listener set)', async () => {
    expect(await findings([listenerSet, gatewayOf('envoy-gateway')], '1.27.3', '1.27.3', pattern)).toEqual([])
  })
  it('still errs when the parent Gateway is not among the files (its class is unknown)', async () => {
    expect(at(await findings([listenerSet], '1.27.3', '1.27.3', pattern))).toEqual([`gw/listenerset.yaml:${lineOf(listenerSet.text, 'certificateRefs')} notice`])
  })
})

describe('istio-1.27-plugged-ca-crl: quiet when istiod is told not to read ca-crl.pem (ENABLE_CA_CRL=false)', () => {
  const cacerts: File = {
    path: 'istio/cacerts.yaml',
    text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\n  namespace: istio-system\ntype: Opaque\ndata:\n  ca-cert.pem: Y2VydA==\n  ca-key.pem: a2V5\n  root-cert.pem: cm9vdA==\n  cert-chain.pem: Y2hhaW4=\n  ca-crl.pem: Y3Js\n',
  }
  const values = (value: string): File => ({ path: 'istio/istiod-values.yaml', text: `pilot:\n  env:\n    ENABLE_CA_CRL: "${value}"\n` })
  const pattern = /certificate revocation list/
  it('warns without the switch, and with it on', async () => {
    expect(at(await findings([cacerts], '1.26', '1.26', pattern))).toEqual([`istio/cacerts.yaml:${lineOf(cacerts.text, 'ca-crl.pem')} warning`])
    expect(at(await findings([cacerts, values('true')], '1.26', '1.26', pattern))).toEqual([`istio/cacerts.yaml:${lineOf(cacerts.text, 'ca-crl.pem')} warning`])
  })
  it('says nothing when another file turns CRL distribution off', async () => {
    expect(await findings([cacerts, values('false')], '1.26', '1.26', pattern)).toEqual([])
  })
})

describe('istio-1.28-backend-tls-policy-section-name: claims no per-port behaviour of 1.26/1.27 that no source states', () => {
  const policy: File = {
    path: 'gw/btls.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1alpha3\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: apps\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: api\n    sectionName: https\n  validation:\n    hostname: api.example.com\n    wellKnownCACertificates: System\n',
  }
  it('errs on 1.27 with a message that says only what the 1.28 change note supports', async () => {
    const found = await findings([policy], '1.27', '1.27', /sectionName/)
    expect(at(found)).toEqual([`gw/btls.yaml:${lineOf(policy.text, 'sectionName')} notice`])
    expect(found[0]!.message).not.toMatch(/every port/)
    expect(found[0]!.message).toMatch(/cannot limit the policy to the named port/)
  })
})

describe('istio-1.28-gateway-api-bundle-1.4: advice that holds on 1.28.0–1.28.5 (a newer bundle stops istiod there)', () => {
  const crd: File = {
    path: 'crds/backendtlspolicies.yaml',
    text: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: backendtlspolicies.gateway.networking.k8s.io\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.3.0\n    gateway.networking.k8s.io/channel: experimental\nspec:\n  group: gateway.networking.k8s.io\n',
  }
  it('warns on a 1.3 bundle at 1.28 and no longer says "or newer" unconditionally', async () => {
    const found = await findings([crd], '1.28.0', '1.27', /Gateway API 1\.4/)
    // a notice since round 38 (r38f): no file sets PILOT_ENABLE_ALPHA_GATEWAY_API=true, which 1.27 needed to read the policy
    expect(at(found)).toEqual([`crds/backendtlspolicies.yaml:${lineOf(crd.text, 'bundle-version')} notice`])
    expect(found[0]!.message).not.toMatch(/\(or newer\)/)
    expect(found[0]!.message).toMatch(/before 1\.28\.6 and 1\.29\.2 fails to start/)
  })
})

describe('istio-1.27.4-envoyfilter-gatewayclass-target: quiet where istiod runs no waypoints (PILOT_ENABLE_GATEWAY_API=false)', () => {
  const filter: File = {
    path: 'istio/waypoint-filter.yaml',
    text: 'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: wp\n  namespace: istio-system\nspec:\n  targetRefs:\n  - kind: GatewayClass\n    group: gateway.networking.k8s.io\n    name: istio-waypoint\n  configPatches:\n  - applyTo: HTTP_FILTER\n    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.filters.http.buffer\n',
  }
  const values: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API: "false"\n' }
  const pattern = /targeting the istio-waypoint GatewayClass/
  it('warns on 1.27.3', async () => {
    expect(at(await findings([filter], '1.27.3', '1.27.3', pattern))).toEqual([`istio/waypoint-filter.yaml:${lineOf(filter.text, '- kind: GatewayClass')} warning`])
  })
  it('says nothing when Gateway API support (and with it every waypoint) is off in another file', async () => {
    expect(await findings([filter, values], '1.27.3', '1.27.3', pattern)).toEqual([])
  })
})
