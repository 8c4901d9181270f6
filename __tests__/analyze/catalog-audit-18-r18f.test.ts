// Audit 18 (r18f, census of 34 entries of 1.28–1.29): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-18-r18f.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

/** Findings on `changed` whose message matches `pattern`; `others` are files already in the repository. */
async function findings(changed: File, others: readonly File[], target: string, from: string | undefined, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis(
    { changes: added([changed]), head: snapshotOf([changed, ...others]), ...(others.length ? { base: snapshotOf(others) } : {}) },
    { target, ...(from ? { from } : {}), paths: [] },
  )
  return result.findings.filter((f) => f.file === changed.path && pattern.test(f.message))
}

const namespace = (labels: string): File => ({ path: 'ns/apps.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n${labels}` })
const INJECTION_OFF = namespace('    istio-injection: disabled\n')
const AMBIENT_NS = namespace('    istio.io/dataplane-mode: ambient\n')
const INJECTION_ON = namespace('    istio-injection: enabled\n')
const deployment = (annotations: string, namespaceName = 'apps'): File => ({
  path: 'apps/deploy.yaml',
  text:
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${namespaceName}\nspec:\n  selector:\n    matchLabels: {app: web}\n` +
    `  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n${annotations}    spec:\n      containers:\n      - name: web\n        image: web:1\n`,
})
const istiodEnv = (name: string, value: string): File => ({
  path: 'istio/iop.yaml',
  text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        ${name}: "${value}"\n`,
})

describe('istio-1.28.2-stats-eviction-interval-minute: only pods the injector gives a sidecar with the default flush interval', () => {
  const MINUTE = /statsEvictionInterval of a minute or more/
  const d = deployment('        sidecar.istio.io/statsEvictionInterval: 90s\n')
  it('errs at 1.28.1 on a pod of a namespace with injection on', async () => {
    expect(at(await findings(d, [INJECTION_ON], '1.28.1', undefined, MINUTE))).toEqual([`${d.path}:${lineOf(d.text, 'statsEvictionInterval')} error`])
  })
  it('says nothing when its Namespace has istio-injection=disabled or is ambient without injection labels', async () => {
    expect(at(await findings(d, [INJECTION_OFF], '1.28.1', undefined, MINUTE))).toEqual([])
    expect(at(await findings(d, [AMBIENT_NS], '1.28.1', undefined, MINUTE))).toEqual([])
  })
  it('with a custom statsFlushInterval, errs without claiming the value works from 1.28.2 (Envoy needs a multiple of the flush interval)', async () => {
    const flush = deployment('        sidecar.istio.io/statsEvictionInterval: 90s\n        sidecar.istio.io/statsFlushInterval: 20s\n')
    const found = await findings(flush, [], '1.28.1', undefined, MINUTE)
    expect(at(found)).toEqual([`${flush.path}:${lineOf(flush.text, 'statsEvictionInterval')} error`])
    expect(found[0]?.message).toMatch(/multiple of this pod's sidecar\.istio\.io\/statsFlushInterval/)
    expect(found[0]?.message).not.toMatch(/it works from 1\.28\.2/)
    const five = deployment('        sidecar.istio.io/statsEvictionInterval: 90s\n        sidecar.istio.io/statsFlushInterval: 5s\n')
    const plain = await findings(five, [], '1.28.1', undefined, MINUTE)
    expect(at(plain)).toEqual([`${five.path}:${lineOf(five.text, 'statsEvictionInterval')} error`])
    expect(plain[0]?.message).toMatch(/it works from 1\.28\.2/)
  })
})

describe('istio-1.29-annotation-control-characters: quiet where nothing injects', () => {
  const CTRL = /injection rejects the proxy resource annotation sidecar\.istio\.io\/proxyCPU/
  const d = deployment('        sidecar.istio.io/proxyCPU: |\n          100m\n')
  it('errs at 1.29 on a pod of a namespace with injection on', async () => {
    expect(at(await findings(d, [INJECTION_ON], '1.29', undefined, CTRL))).toEqual([`${d.path}:${lineOf(d.text, 'proxyCPU')} error`])
  })
  it('says nothing in a Namespace with istio-injection=disabled, or an ambient Namespace without injection labels', async () => {
    expect(at(await findings(d, [INJECTION_OFF], '1.29', undefined, CTRL))).toEqual([])
    expect(at(await findings(d, [AMBIENT_NS], '1.29', undefined, CTRL))).toEqual([])
  })
})

describe('istio-1.28-stats-annotations: no warning where nothing changes', () => {
  const READ = /statsEvictionInterval annotation is only read from Istio 1\.28/
  it('warns on an eviction interval before 1.28', async () => {
    const d = deployment('        sidecar.istio.io/statsEvictionInterval: 30s\n')
    expect(at(await findings(d, [], '1.27', undefined, READ))).toEqual([`${d.path}:${lineOf(d.text, 'statsEvictionInterval')} warning`])
  })
  it('says nothing on 0s (no eviction, as older proxies do) or in a Namespace with injection disabled', async () => {
    const zero = deployment('        sidecar.istio.io/statsEvictionInterval: 0s\n')
    expect(at(await findings(zero, [], '1.27', undefined, READ))).toEqual([])
    const d = deployment('        sidecar.istio.io/statsEvictionInterval: 30s\n')
    expect(at(await findings(d, [INJECTION_OFF], '1.27', undefined, READ))).toEqual([])
  })
})

describe('istio-1.29-stats-compression-annotation-removed: quiet in a Namespace nothing injects', () => {
  const GONE = /no longer reads sidecar\.istio\.io\/statsCompression/
  const d = deployment('        sidecar.istio.io/statsCompression: gzip\n')
  it('notes it at 1.29 with injection on, not with istio-injection=disabled', async () => {
    expect(at(await findings(d, [INJECTION_ON], '1.29', '1.28', GONE))).toEqual([`${d.path}:${lineOf(d.text, 'statsCompression')} notice`])
    expect(at(await findings(d, [INJECTION_OFF], '1.29', '1.28', GONE))).toEqual([])
  })
})

describe('Gateway API entries of 1.28 stay quiet where istiod reads no Gateway API (PILOT_ENABLE_GATEWAY_API=false)', () => {
  const off = istiodEnv('PILOT_ENABLE_GATEWAY_API', 'false')
  it('istio-1.28-gateway-api-bundle-1.4: warns on a 1.3 BackendTLSPolicy CRD, not when istiod reads no Gateway API', async () => {
    const crd: File = {
      path: 'crds/backendtls.yaml',
      text: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: backendtlspolicies.gateway.networking.k8s.io\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.3.0\nspec:\n  group: gateway.networking.k8s.io\n  names: {kind: BackendTLSPolicy, plural: backendtlspolicies}\n  scope: Namespaced\n  versions: []\n`,
    }
    const BUNDLE = /BackendTLSPolicy CRD from a Gateway API bundle older than 1\.4.*install the Gateway API 1\.4 CRDs/
    // a notice since round 38 (r38f): no file sets PILOT_ENABLE_ALPHA_GATEWAY_API=true, which 1.27 needed to read the policy
    expect(at(await findings(crd, [], '1.28', '1.27', BUNDLE))).toEqual([`${crd.path}:${lineOf(crd.text, 'bundle-version')} notice`])
    expect(at(await findings(crd, [off], '1.28', '1.27', BUNDLE))).toEqual([])
  })
  it('istio-1.28-waypoint-termination-grace: notes a waypoint, not when istiod deploys no Gateway API gateways', async () => {
    const wp: File = {
      path: 'mesh/waypoint.yaml',
      text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: apps\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n',
    }
    const GRACE = /waypoint Deployments use the Kubernetes default terminationGracePeriodSeconds/
    expect(at(await findings(wp, [], '1.28', '1.27', GRACE))).toEqual([`${wp.path}:${lineOf(wp.text, 'gatewayClassName')} notice`])
    expect(at(await findings(wp, [off], '1.28', '1.27', GRACE))).toEqual([])
  })
})

describe('ProxyConfig entries of 1.29 stay quiet on pods with injection disabled', () => {
  it('istio-1.29-access-log-flush', async () => {
    const FLUSH = /access log flushing/
    const on = deployment('        proxy.istio.io/config: |\n          fileFlushInterval: 5s\n')
    expect(at(await findings(on, [], '1.28', '1.27', FLUSH))).toEqual([`${on.path}:${lineOf(on.text, 'proxy.istio.io/config')} warning`])
    const off = deployment('        sidecar.istio.io/inject: "false"\n        proxy.istio.io/config: |\n          fileFlushInterval: 5s\n')
    expect(at(await findings(off, [], '1.28', '1.27', FLUSH))).toEqual([])
  })
  it('istio-1.29-global-downstream-max-connections-runtime-deprecated', async () => {
    const DEPR = /overload\.global_downstream_max_connections is deprecated/
    const cfg = '        proxy.istio.io/config: |\n          runtimeValues:\n            overload.global_downstream_max_connections: "5000"\n'
    const on = deployment(cfg)
    expect(at(await findings(on, [], '1.29', '1.28', DEPR))).toEqual([`${on.path}:${lineOf(on.text, 'proxy.istio.io/config')} notice`])
    const off = deployment('        sidecar.istio.io/inject: "false"\n' + cfg)
    expect(at(await findings(off, [], '1.29', '1.28', DEPR))).toEqual([])
  })
})

describe('istio-1.28-shadow-host-suffix: a mirror that copies no traffic changes nothing', () => {
  const SHADOW = /mirrored requests keep their original Host/
  const vs = (http: string): File => ({
    path: 'routes/vs.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  hosts: [web]\n  http:\n  - route:\n    - destination: {host: web}\n${http}`,
  })
  it('warns on a mirror with traffic, single or list', async () => {
    const one = vs('    mirror: {host: web-v2}\n    mirrorPercentage: {value: 50}\n')
    expect(at(await findings(one, [], '1.28', '1.27', SHADOW))).toEqual([`${one.path}:${lineOf(one.text, 'mirror:')} warning`])
    const list = vs('    mirrors:\n    - destination: {host: web-v2}\n      percentage: {value: 10}\n')
    expect(at(await findings(list, [], '1.28', '1.27', SHADOW))).toEqual([`${list.path}:${lineOf(list.text, '- destination: {host: web-v2}')} warning`])
  })
  it('says nothing on a mirror at 0 %', async () => {
    expect(at(await findings(vs('    mirror: {host: web-v2}\n    mirrorPercentage: {value: 0}\n'), [], '1.28', '1.27', SHADOW))).toEqual([])
    expect(at(await findings(vs('    mirrors:\n    - destination: {host: web-v2}\n      percentage: {value: 0.0}\n'), [], '1.28', '1.27', SHADOW))).toEqual([])
  })
})

describe('istio-1.28-h2-upgrade-pool-settings: maxConcurrentStreams 0 sets no HTTP/2 limit on any release', () => {
  // Round 30 (r30c) reworded the message: gRPC/http2 ports of an UPGRADE policy lost the limit too.
  const H2 = /maxConcurrentStreams was not applied where h2UpgradePolicy UPGRADE is set/
  const dr = (streams: string): File => ({
    path: 'routes/dr.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  host: web\n  trafficPolicy:\n    connectionPool:\n      http:\n        h2UpgradePolicy: UPGRADE\n        maxConcurrentStreams: ${streams}\n`,
  })
  it('warns on a real limit before 1.28, not on 0 (Istio applies it only when > 0)', async () => {
    const real = dr('100')
    expect(at(await findings(real, [], '1.27', undefined, H2))).toEqual([`${real.path}:${lineOf(real.text, 'maxConcurrentStreams')} warning`])
    expect(at(await findings(dr('0'), [], '1.27', undefined, H2))).toEqual([])
  })
})
