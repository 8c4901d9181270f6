// Audit 14 (r14e, census of 29 entries of 1.27–1.29): the ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-14-r14e.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function analyse(files: readonly File[], target: string, from?: string): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings
}

describe('InferencePool entries of 1.28: quiet when istiod has the inference extension turned off (nothing reads any pool)', () => {
  const OFF: File = { path: 'platform/istiod/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "false"\n' }
  const ON: File = { path: 'platform/istiod/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"\n' }
  const alpha: File = {
    path: 'inference/pool.yaml',
    text: 'apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: p\n  namespace: default\nspec:\n  targetPortNumber: 8000\n  selector:\n    app: vllm\n  extensionRef:\n    name: epp\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: default\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - group: inference.networking.x-k8s.io\n      kind: InferencePool\n      name: p\n',
  }
  const v1: File = {
    path: 'inference/pool.yaml',
    text: 'apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: p\n  namespace: default\nspec:\n  targetPorts:\n  - number: 8000\n  - number: 8001\n  selector:\n    matchLabels:\n      app: vllm\n  endpointPickerRef:\n    name: epp\n    port:\n      number: 9002\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: default\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - group: inference.networking.k8s.io\n      kind: InferencePool\n      name: p\n',
  }
  const pools = (fs: readonly Finding[], file: File) => fs.filter((f) => f.file === file.path && /^(Istio 1\.28 reads InferencePool|Istio reads InferencePool at|HTTPRoute backendRefs to InferencePool|An InferencePool with more than one targetPort|Istio reads InferencePools only where)/.test(f.message))

  it('v1alpha2 pool and its route: errors at 1.27→1.28 with the extension on, notices alone, nothing with it off', async () => {
    const expected = [`${alpha.path}:1 error`, `${alpha.path}:${lineOf(alpha.text, '- group: inference.networking.x-k8s.io')} error`]
    // notices since round 37 (m37a) where no file turns the extension on
    expect(at(pools(await analyse([alpha], '1.28', '1.27'), alpha))).toEqual(expected.map((e) => e.replace(/error$/, 'notice')))
    expect(at(pools(await analyse([alpha, ON], '1.28', '1.27'), alpha))).toEqual(expected)
    expect(at(pools(await analyse([alpha, OFF], '1.28', '1.27'), alpha))).toEqual([])
  })
  it('v1 pool with two targetPorts: errors at 1.27 and 1.28.0 with the extension on, a notice alone, nothing with it off', async () => {
    const on27 = at(pools(await analyse([v1, ON], '1.27'), v1))
    expect(on27).toEqual(([`${v1.path}:1 error`, `${v1.path}:${lineOf(v1.text, '- group: inference.networking.k8s.io')} error`]))
    // a notice since round 37 (m37a) where no file turns the extension on; an error with it
    expect(at(pools(await analyse([v1], '1.28.0'), v1))).toEqual([`${v1.path}:${lineOf(v1.text, '- number: 8001')} notice`])
    expect(at(pools(await analyse([v1, ON], '1.28.0'), v1))).toEqual([`${v1.path}:${lineOf(v1.text, '- number: 8001')} error`])
    expect(at(pools(await analyse([v1, OFF], '1.27'), v1))).toEqual([])
    expect(at(pools(await analyse([v1, OFF], '1.28.0'), v1))).toEqual([])
  })
})

describe('istio-1.28-backend-tls-policy-section-name: quiet when istiod does not read alpha Gateway API kinds at all', () => {
  const policy: File = {
    path: 'gw/backend-tls.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1alpha3\nkind: BackendTLSPolicy\nmetadata:\n  name: tls\n  namespace: default\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: api\n    sectionName: https\n  validation:\n    hostname: api.example.com\n    wellKnownCACertificates: System\n',
  }
  const env = (value: string): File => ({ path: 'platform/istiod/istiod-values.yaml', text: `pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "${value}"\n` })
  const sectionName = (fs: readonly Finding[]) => fs.filter((f) => f.file === policy.path && /targetRefs\[\]\.sectionName/.test(f.message))
  it('errors at 1.27 alone and with the alpha API on', async () => {
    const expected = [`${policy.path}:${lineOf(policy.text, 'sectionName: https')} error`]
    // a notice since round 38 (r38e) where no file turns the alpha flag on
    expect(at(sectionName(await analyse([policy], '1.27')))).toEqual([`${policy.path}:${lineOf(policy.text, 'sectionName: https')} notice`])
    expect(at(sectionName(await analyse([policy, env('true')], '1.27')))).toEqual(expected)
  })
  it('is silent at 1.27 when PILOT_ENABLE_ALPHA_GATEWAY_API is false in another file (the policy is not read at all)', async () => {
    expect(sectionName(await analyse([policy, env('false')], '1.27'))).toEqual([])
  })
})

describe('sidecar annotations on a pod whose injection is turned off: no sidecar reads them, so nothing is reported', () => {
  const FILE = 'apps/web.yaml'
  const deployment = (labels: string, annotations: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n${labels}      annotations:\n${annotations}    spec:\n      containers:\n      - name: web\n        image: web\n`
  const ANN = '        sidecar.istio.io/statsEvictionInterval: 90s\n        sidecar.istio.io/statsFlushInterval: 10s\n        sidecar.istio.io/statsCompression: gzip\n        traffic.sidecar.istio.io/includeInboundPorts: ""\n        sidecar.istio.io/interceptionMode: TPROXY\n'
  const ids = ['istio-1.28.2-stats-eviction-interval-minute', 'istio-1.28-stats-annotations', 'istio-1.29-stats-compression-annotation-removed', 'istio-1.27.4-nftables-tproxy-empty-inbound-ports']
  const mine = (text: string, target: string, from?: string) => ids.flatMap((id) => of(run(FILE, text, target, from), id))
  const injected = deployment('', ANN)
  it('reports them on an injected pod (1.27 from 1.26, 1.28.0 from 1.27, 1.29 from 1.28)', () => {
    expect(at(mine(injected, '1.27', '1.26'))).toEqual([`${FILE}:${lineOf(injected, 'statsEvictionInterval')} warning`, `${FILE}:${lineOf(injected, 'statsFlushInterval')} warning`])
    expect(at(mine(injected, '1.28.0', '1.27'))).toEqual([`${FILE}:${lineOf(injected, 'statsEvictionInterval')} error`, `${FILE}:${lineOf(injected, 'includeInboundPorts')} notice`])
    expect(at(mine(injected, '1.29', '1.28'))).toEqual([`${FILE}:${lineOf(injected, 'statsCompression: gzip')} notice`])
    expect(mine(injected, '1.27', '1.26').map((f) => f.message)).toEqual([
      expect.stringContaining('The sidecar.istio.io/statsEvictionInterval annotation is only read from Istio 1.28'),
      expect.stringContaining('The sidecar.istio.io/statsFlushInterval annotation is only read from Istio 1.28'),
    ])
  })
  for (const [how, labels, annotations] of [
    ['label', '        sidecar.istio.io/inject: "false"\n', ANN],
    ['annotation', '', `${ANN}        sidecar.istio.io/inject: "false"\n`],
  ] as const) {
    const text = deployment(labels, annotations)
    it(`is silent when the ${how} sidecar.istio.io/inject is "false"`, () => {
      for (const [target, from] of [['1.27', '1.26'], ['1.28.0', '1.27'], ['1.29', '1.28']] as const) expect(mine(text, target, from)).toEqual([])
    })
  }
  it('statsCompression annotation: silent at 1.29 when the pod turns compression off in proxy.istio.io/config (its stats do change: they stop being compressed, but not because of this annotation)', () => {
    const text = deployment('', `${ANN}        proxy.istio.io/config: |\n          statsCompression: false\n`)
    expect(of(run(FILE, text, '1.29', '1.28'), 'istio-1.29-stats-compression-annotation-removed')).toEqual([])
  })
  it('ProxyConfig options in proxy.istio.io/config: silent with the sidecar.istio.io/inject: "false" annotation', () => {
    const cfg = '        proxy.istio.io/config: |\n          statsCompression: true\n          proxyHeaders:\n            xForwardedHost:\n              enabled: true\n'
    const on = deployment('', cfg)
    expect(at(of(run(FILE, on, '1.27', '1.26'), 'istio-1.28-x-forwarded-headers'))).toEqual([`${FILE}:${lineOf(on, 'proxy.istio.io/config')} warning`])
    expect(at(of(run(FILE, on, '1.28', '1.27'), 'istio-1.29-stats-compression-option'))).toEqual([`${FILE}:${lineOf(on, 'proxy.istio.io/config')} warning`])
    const off = deployment('', `${cfg}        sidecar.istio.io/inject: "false"\n`)
    expect(of(run(FILE, off, '1.27', '1.26'), 'istio-1.28-x-forwarded-headers')).toEqual([])
    expect(of(run(FILE, off, '1.28', '1.27'), 'istio-1.29-stats-compression-option')).toEqual([])
  })
})

describe('proxyConfig matches: a $labels condition sees the labels of the pod that carries proxy.istio.io/config', () => {
  const FILE = 'apps/api.yaml'
  const pod = (labels: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: apps\n  labels:\n    app: api\n${labels}  annotations:\n    proxy.istio.io/config: |\n      statsCompression: true\n      proxyHeaders:\n        xForwardedPort:\n          enabled: true\nspec:\n  containers:\n  - name: api\n    image: api\n`
  it('warns on an injected pod and is silent with the label sidecar.istio.io/inject: "false"', () => {
    const on = pod('')
    expect(at(of(run(FILE, on, '1.27', '1.26'), 'istio-1.28-x-forwarded-headers'))).toEqual([`${FILE}:${lineOf(on, 'proxy.istio.io/config')} warning`])
    expect(at(of(run(FILE, on, '1.28', '1.27'), 'istio-1.29-stats-compression-option'))).toEqual([`${FILE}:${lineOf(on, 'proxy.istio.io/config')} warning`])
    const off = pod('    sidecar.istio.io/inject: "false"\n')
    expect(of(run(FILE, off, '1.27', '1.26'), 'istio-1.28-x-forwarded-headers')).toEqual([])
    expect(of(run(FILE, off, '1.28', '1.27'), 'istio-1.29-stats-compression-option')).toEqual([])
  })
  it('a MeshConfig defaultConfig has no pod labels: the absent condition holds there', () => {
    const mesh = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultConfig:\n      proxyHeaders:\n        xForwardedHost:\n          enabled: true\n'
    expect(of(run('mesh/istio.yaml', mesh, '1.27', '1.26'), 'istio-1.28-x-forwarded-headers').map((f) => f.severity)).toEqual(['warning'])
  })
})
