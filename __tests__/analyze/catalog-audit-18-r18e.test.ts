// Audit 18 (r18e, census of 34 entries of 1.27–1.28): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-18-r18e.md.
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

const istiodEnv = (env: string): File => ({
  path: 'istio/iop.yaml',
  text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n${env}`,
})
const gatewayApiOff = istiodEnv('        PILOT_ENABLE_GATEWAY_API: "false"\n')
const alphaOff = istiodEnv('        PILOT_ENABLE_ALPHA_GATEWAY_API: "false"\n')

describe('Gateway API arms of 1.27/1.28 entries: quiet where istiod reads no Gateway API (PILOT_ENABLE_GATEWAY_API=false)', () => {
  const gateway: File = {
    path: 'gw/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: apps\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: rsa-cert\n      - name: ecdsa-cert\n`,
  }
  const listenerSet: File = {
    path: 'gw/listenerset.yaml',
    text: `apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: ls\n  namespace: apps\nspec:\n  parentRef:\n    name: gw\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: a.example.com\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n`,
  }
  const policyV1: File = {
    path: 'gw/btls-v1.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: apps\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: api\n  validation:\n    hostname: api.example.com\n    wellKnownCACertificates: System\n`,
  }
  const policyAlpha = (target: string): File => ({
    path: 'gw/btls-alpha.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1alpha3\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: apps\nspec:\n  targetRefs:\n${target}  validation:\n    hostname: api.example.com\n    wellKnownCACertificates: System\n`,
  })
  const sectionName = policyAlpha('  - group: ""\n    kind: Service\n    name: api\n    sectionName: https\n')
  const serviceEntry = policyAlpha('  - group: networking.istio.io\n    kind: ServiceEntry\n    name: api\n')
  const poolV1: File = {
    path: 'ai/pool.yaml',
    text: `apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: pool\n  namespace: ai\nspec:\n  targetPorts:\n  - number: 8000\n  - number: 8001\n  selector:\n    matchLabels: {app: vllm}\n  endpointPickerRef:\n    name: epp\n    port: {number: 9002}\n`,
  }
  const poolAlpha: File = {
    path: 'ai/pool-alpha.yaml',
    text: `apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: pool\n  namespace: ai\nspec:\n  targetPortNumber: 8000\n  selector: {app: vllm}\n  extensionRef:\n    name: epp\n`,
  }
  const cases: [string, File, string, string, RegExp, number][] = [
    ['istio-1.27-gateway-multiple-certificates', gateway, '1.26', '1.25', /several certificates for one Gateway server or listener/, lineOf(gateway.text, 'ecdsa-cert')],
    ['istio-1.27.4-xlistenerset-tls-secrets', listenerSet, '1.27.3', '1.27.1', /refuse the TLS certificateRefs of XListenerSet listeners/, lineOf(listenerSet.text, 'certificateRefs')],
    ['istio-1.28-backend-tls-policy-v1', policyV1, '1.27', '1.26', /reads BackendTLSPolicy at gateway\.networking\.k8s\.io\/v1 only from 1\.28/, 1],
    ['istio-1.28-backend-tls-policy-v1alpha3-removed', sectionName, '1.28', '1.27', /no longer serves v1alpha3/, 1],
    ['istio-1.28-backend-tls-policy-section-name', sectionName, '1.27', '1.26', /sectionName \(TLS for one Service port\)/, lineOf(sectionName.text, 'sectionName')],
    ['istio-1.28-backend-tls-policy-serviceentry-target', serviceEntry, '1.27', '1.26', /can target a ServiceEntry only from Istio 1\.28/, lineOf(serviceEntry.text, 'kind: ServiceEntry')],
    ['istio-1.28-inferencepool-v1', poolV1, '1.27', '1.26', /reads InferencePool at inference\.networking\.k8s\.io\/v1 only from 1\.28/, 1],
    ['istio-1.28.1-inferencepool-multiple-target-ports', poolV1, '1.28.0', '1.27', /more than one targetPort/, lineOf(poolV1.text, 'number: 8001')],
    ['istio-1.28-inferencepool-v1alpha2-removed', poolAlpha, '1.28', '1.27', /reads InferencePool only at inference\.networking\.k8s\.io\/v1/, 1],
  ]
  for (const [id, file, target, from, pattern, line] of cases) {
    it(`${id}: ${target} reports ${file.path}:${line}, and nothing with PILOT_ENABLE_GATEWAY_API=false in another file`, async () => {
      const [sev] = at(await findings([file], target, from, pattern)).map((s) => s.split(' ')[1])
      expect(at(await findings([file], target, from, pattern))).toEqual([`${file.path}:${line} ${sev}`])
      expect(sev).toMatch(/^(error|notice)$/)
      expect(at(await findings([file, gatewayApiOff], target, from, pattern))).toEqual([])
    })
  }
  it('istio-1.28-backend-tls-policy-serviceentry-target: nothing with the alpha Gateway API switched off (1.27 reads no v1alpha3 policy, 1.28 none at all)', async () => {
    const p = /can target a ServiceEntry only from Istio 1\.28/
    expect(at(await findings([serviceEntry, alphaOff], '1.27', '1.26', p))).toEqual([])
  })
  it('trip: PILOT_ENABLE_GATEWAY_API=true keeps the findings', async () => {
    const on = istiodEnv('        PILOT_ENABLE_GATEWAY_API: "true"\n')
    expect(at(await findings([gateway, on], '1.26', '1.25', /several certificates/))).toEqual([`${gateway.path}:${lineOf(gateway.text, 'ecdsa-cert')} error`])
    expect(at(await findings([policyV1, on], '1.27', '1.26', /only from 1\.28/))).toEqual([`${policyV1.path}:1 error`])
  })
})

describe('istio-1.27-telemetry-label-disables-mtls: quiet where auto mTLS is off mesh-wide', () => {
  const LABEL = /also turned mTLS off/
  const values = istiodEnv('        PILOT_ENDPOINT_TELEMETRY_LABEL: "false"\n')
  const noAuto: File = {
    path: 'istio/mesh.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  meshConfig:\n    enableAutoMtls: false\n`,
  }
  it('errs before 1.27 on PILOT_ENDPOINT_TELEMETRY_LABEL=false', async () => {
    expect(at(await findings([values], '1.26', '1.25', LABEL))).toEqual([`${values.path}:${lineOf(values.text, 'PILOT_ENDPOINT_TELEMETRY_LABEL')} error`])
  })
  it('says nothing when meshConfig.enableAutoMtls is false in another file (only auto mTLS reads the endpoint tlsMode metadata)', async () => {
    expect(at(await findings([values, noAuto], '1.26', '1.25', LABEL))).toEqual([])
  })
  it('trip: enableAutoMtls true keeps the error', async () => {
    const auto: File = { path: noAuto.path, text: noAuto.text.replace('enableAutoMtls: false', 'enableAutoMtls: true') }
    expect(at(await findings([values, auto], '1.26', '1.25', LABEL))).toEqual([`${values.path}:${lineOf(values.text, 'PILOT_ENDPOINT_TELEMETRY_LABEL')} error`])
  })
})

describe('istio-1.27-plugged-ca-crl: quiet where istiod builds no CA of its own (Kubernetes signs through the RA)', () => {
  const CRL = /certificate revocation list in ca-crl\.pem/
  const secret: File = {
    path: 'istio/cacerts.yaml',
    text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\n  namespace: istio-system\nstringData:\n  ca-cert.pem: x\n  ca-key.pem: x\n  root-cert.pem: x\n  cert-chain.pem: x\n  ca-crl.pem: x\n',
  }
  const values = (env: string): File => ({ path: 'istiod/values.yaml', text: `pilot:\n  env:\n${env}` })
  it('warns before 1.27 on a cacerts Secret with ca-crl.pem', async () => {
    expect(at(await findings([secret], '1.26', '1.25', CRL))).toEqual([`${secret.path}:${lineOf(secret.text, 'ca-crl.pem')} warning`])
  })
  it('says nothing with EXTERNAL_CA=ISTIOD_RA_KUBERNETES_API and a k8s.io/ cert provider in another file', async () => {
    expect(at(await findings([secret, values('    EXTERNAL_CA: ISTIOD_RA_KUBERNETES_API\n    PILOT_CERT_PROVIDER: k8s.io/example.com/signer\n')], '1.26', '1.25', CRL))).toEqual([])
  })
  it('trip: EXTERNAL_CA alone keeps the warning (istiod still builds its CA from cacerts)', async () => {
    expect(at(await findings([secret, values('    EXTERNAL_CA: ISTIOD_RA_KUBERNETES_API\n')], '1.26', '1.25', CRL))).toEqual([`${secret.path}:${lineOf(secret.text, 'ca-crl.pem')} warning`])
  })
})

describe('istio-1.27.4-nftables-tproxy-empty-inbound-ports: only pods the injector processes', () => {
  const NFT = /TPROXY interception with an empty traffic\.sidecar\.istio\.io\/includeInboundPorts/
  const deployment = (o: { namespace?: string; hostNetwork?: boolean } = {}): File => ({
    path: 'apps/deploy.yaml',
    text:
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${o.namespace ?? 'apps'}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n      annotations:\n        sidecar.istio.io/interceptionMode: TPROXY\n        traffic.sidecar.istio.io/includeInboundPorts: ""\n    spec:\n` +
      (o.hostNetwork ? '      hostNetwork: true\n' : '') + `      containers:\n      - name: web\n        image: nginx\n`,
  })
  const namespace = (labels: string): File => ({ path: 'apps/ns.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n${labels}` })
  it('notes an injected TPROXY pod at 1.27.3', async () => {
    const d = deployment()
    expect(at(await findings([d], '1.27.3', '1.27.1', NFT))).toEqual([`${d.path}:${lineOf(d.text, 'includeInboundPorts')} notice`])
  })
  it('says nothing on hostNetwork pods and in the namespaces injection ignores', async () => {
    expect(at(await findings([deployment({ hostNetwork: true })], '1.27.3', '1.27.1', NFT))).toEqual([])
    expect(at(await findings([deployment({ namespace: 'kube-system' })], '1.27.3', '1.27.1', NFT))).toEqual([])
  })
  it('says nothing when the pod\'s own Namespace disables injection or is ambient without injection labels', async () => {
    expect(at(await findings([deployment(), namespace('    istio-injection: disabled\n')], '1.27.3', '1.27.1', NFT))).toEqual([])
    expect(at(await findings([deployment(), namespace('    istio.io/dataplane-mode: ambient\n')], '1.27.3', '1.27.1', NFT))).toEqual([])
  })
  it('trip: a namespace that only starts like an ignored one, or an injection-enabled Namespace, keeps the notice', async () => {
    const d = deployment({ namespace: 'kube-system-apps' })
    expect(at(await findings([d], '1.27.3', '1.27.1', NFT))).toEqual([`${d.path}:${lineOf(d.text, 'includeInboundPorts')} notice`])
    const e = deployment()
    expect(at(await findings([e, namespace('    istio-injection: enabled\n')], '1.27.3', '1.27.1', NFT))).toEqual([`${e.path}:${lineOf(e.text, 'includeInboundPorts')} notice`])
  })
})

describe('traffic-distribution annotation on a Service: moot when spec.trafficDistribution holds a value Istio knows (the field wins)', () => {
  const service = (annotation: string, spec?: string): File => ({
    path: 'apps/svc.yaml',
    text:
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: apps\n  annotations:\n    networking.istio.io/traffic-distribution: ${annotation}\nspec:\n  selector: {app: api}\n` +
      (spec ? `  trafficDistribution: ${spec}\n` : '') + `  ports:\n  - port: 80\n`,
  })
  const SAME = /honours the traffic distribution PreferSame(Zone|Node) only from 1\.27/
  const CLOSE = /PreferClose no longer takes the subzone/
  it('istio-1.27-traffic-distribution-same-node-zone: warns on the annotation alone, not when spec.trafficDistribution is PreferClose', async () => {
    const alone = service('PreferSameZone')
    expect(at(await findings([alone], '1.26', '1.25', SAME))).toEqual([`${alone.path}:${lineOf(alone.text, 'traffic-distribution:')} warning`])
    const both = service('PreferSameNode', 'PreferClose')
    expect(at(await findings([both], '1.26', '1.25', SAME))).toEqual([])
  })
  it('trip: an unknown spec value does not win in 1.27 (the annotation is read), so the warning stays', async () => {
    const d = service('PreferSameZone', 'SomethingElse')
    expect(at(await findings([d], '1.26', '1.25', SAME))).toEqual([`${d.path}:${lineOf(d.text, 'traffic-distribution:')} warning`])
  })
  // Round 31 (m31e): the 1.27 notes name spec.trafficDistribution only, so the entry reports the field, not the annotation.
  it('istio-1.27-prefer-close-ignores-subzone: silent on the PreferClose annotation, notes spec.trafficDistribution PreferClose', async () => {
    expect(at(await findings([service('PreferClose')], '1.27', '1.26', CLOSE))).toEqual([])
    expect(at(await findings([service('PreferClose', 'PreferSameNode')], '1.27', '1.26', CLOSE))).toEqual([])
    const spec = service('PreferSameZone', 'PreferClose')
    expect(at(await findings([spec], '1.27', '1.26', CLOSE))).toEqual([`${spec.path}:${lineOf(spec.text, 'trafficDistribution: PreferClose')} notice`])
  })
})

describe('istio-1.27.4-envoyfilter-gatewayclass-target: an EnvoyFilter in istio-system is not in the root namespace when meshConfig.rootNamespace names another', () => {
  const GC = /targeting the istio-waypoint GatewayClass reaches the waypoints only from Istio 1\.27\.4/
  const filter: File = {
    path: 'istio/ef.yaml',
    text: 'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: wp\n  namespace: istio-system\nspec:\n  targetRefs:\n  - kind: GatewayClass\n    group: gateway.networking.k8s.io\n    name: istio-waypoint\n  configPatches: []\n',
  }
  const mesh = (root: string): File => ({ path: 'istio/mesh.yaml', text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  meshConfig:\n    rootNamespace: ${root}\n` })
  it('warns at 1.27.3 on the root-namespace filter', async () => {
    expect(at(await findings([filter], '1.27.3', '1.26', GC))).toEqual([`${filter.path}:${lineOf(filter.text, 'kind: GatewayClass')} warning`])
  })
  it('says nothing when meshConfig.rootNamespace is another namespace (the filter never targets waypoints by class)', async () => {
    expect(at(await findings([filter, mesh('istio-config')], '1.27.3', '1.26', GC))).toEqual([])
  })
  it('trip: rootNamespace istio-system keeps the warning', async () => {
    expect(at(await findings([filter, mesh('istio-system')], '1.27.3', '1.26', GC))).toEqual([`${filter.path}:${lineOf(filter.text, 'kind: GatewayClass')} warning`])
  })
})
