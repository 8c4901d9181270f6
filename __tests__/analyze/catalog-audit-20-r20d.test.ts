// Twentieth audit (census), r20d's ❌ fixes. Each test fails on the entry as it was before the fix.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { runAnalysis } from '../../src/pipeline.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


const listenerSet = [
  'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
  'kind: XListenerSet',
  'metadata:',
  '  name: ls',
  '  namespace: default',
  'spec:',
  '  parentRef:',
  '    name: gw',
  '    kind: Gateway',
  '    group: gateway.networking.k8s.io',
  '  listeners:',
  '  - name: http',
  '    port: 8080',
  '    protocol: HTTP',
  ''
].join('\n')
const gateway = (cls: string): string => ['---', 'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata:', '  name: gw', '  namespace: default', 'spec:', `  gatewayClassName: ${cls}`, '  listeners:', '  - name: http', '    port: 80', '    protocol: HTTP', ''].join('\n')

describe('istio-1.27-xlistenerset: only XListenerSets Istio would serve', () => {
  const ID = 'istio-1.27-xlistenerset'
  it('errs on an XListenerSet whose parent is an istio Gateway (target 1.26)', () => {
    const text = listenerSet + gateway('istio')
    expect(at(of(run('ls.yaml', text, '1.26'), ID))).toEqual([`ls.yaml:${lineOf(text, 'apiVersion: gateway.networking.x-k8s.io')} notice`]) // a notice since round 40: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
  })
  it('errs when the parent Gateway is not in the files (the class is unknown)', () => {
    expect(at(of(run('ls.yaml', listenerSet, '1.26'), ID))).toEqual(['ls.yaml:1 notice']) // a notice since round 40: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
  })
  it('says nothing when the parent Gateway belongs to another controller: Istio never reads that XListenerSet', async () => {
    const ls: File = { path: 'ls.yaml', text: listenerSet }
    const gw = (cls: string): File => ({ path: 'gw.yaml', text: gateway(cls).replace(/^---\n/, '') })
    const xls = async (cls: string) => (await runAnalysis({ changes: added([ls]), head: snapshotOf([ls, gw(cls)]) }, { target: '1.26', paths: ['ls.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /experimental XListenerSet only from 1\.27/.test(f.message))
    expect(at(await xls('istio'))).toEqual(['ls.yaml:1 notice']) // a notice since round 40: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    expect(await xls('eg')).toEqual([])
  })
  it('says nothing when istiod turns Gateway API or its alpha APIs off in another file', async () => {
    const ls: File = { path: 'ls.yaml', text: listenerSet }
    const values = (v: string): File => ({ path: 'istiod-values.yaml', text: `pilot:\n  env:\n    ${v}\n` })
    const xls = async (v: string) => (await runAnalysis({ changes: added([ls]), head: snapshotOf([ls, values(v)]) }, { target: '1.26', paths: ['ls.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /experimental XListenerSet only from 1\.27/.test(f.message))
    expect(await xls('PILOT_ENABLE_ALPHA_GATEWAY_API: "false"')).toEqual([])
    expect(await xls('PILOT_ENABLE_GATEWAY_API: "false"')).toEqual([])
    expect(at(await xls('PILOT_ENABLE_ALPHA_GATEWAY_API: "true"'))).toEqual(['ls.yaml:1 error'])
  })
})

describe('istio-1.27-inferencepool-v1alpha2: pools Istio would never read', () => {
  const pool: File = { path: 'pool.yaml', text: 'apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: llm\n  namespace: ai\nspec:\n  targetPortNumber: 8000\n  selector:\n    app: vllm\n  extensionRef:\n    name: epp\n' }
  const route: File = { path: 'route.yaml', text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: llm\n  namespace: ai\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - group: inference.networking.x-k8s.io\n      kind: InferencePool\n      name: llm\n' }
  const gw = (cls: string): File => ({ path: 'gw.yaml', text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: ai\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n` })
  const values = (v: string): File => ({ path: 'istiod-values.yaml', text: `pilot:\n  env:\n    ${v}\n` })
  const found = async (files: File[]) => (await runAnalysis({ changes: added([pool]), head: snapshotOf([pool, ...files]) }, { target: '1.26', paths: ['pool.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /reads InferencePool \(inference\.networking\.x-k8s\.io\/v1alpha2\) only from 1\.27/.test(f.message))
  // Round 38 (r38d): the flag is off by default, so the error needs a file that turns it on; without one it is a notice.
  it('errs on a pool an istio Gateway routes to where a file turns the flag on (target 1.26)', async () => {
    expect(at(await found([route, gw('istio'), values('ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"')]))).toEqual(['pool.yaml:1 error'])
    expect(at(await found([route, gw('istio')]))).toEqual(['pool.yaml:1 notice'])
  })
  it('says nothing on a pool only another controller routes to', async () => {
    expect(await found([route, gw('eg')])).toEqual([])
  })
  it('says nothing when istiod turns the inference extension or Gateway API off in another file', async () => {
    expect(await found([route, gw('istio'), values('ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "false"')])).toEqual([])
    expect(await found([route, gw('istio'), values('PILOT_ENABLE_GATEWAY_API: "false"')])).toEqual([])
  })
})

// The injector skips a pod whose sidecar.istio.io/inject label or annotation is any non-empty value other than
// y/yes/true/on, in any case (istio/istio pkg/kube/inject/inject.go injectRequired), not only "false".
describe('native sidecar entries: every inject value the injector reads as "do not inject"', () => {
  const deployment = (meta: string, annotation = ''): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  template:', '    metadata:', meta, annotation,
    '    spec:', '      containers:', '      - name: app', '        image: app:1', '      - name: istio-proxy', '        image: auto', ''
  ].filter((l) => l !== '').join('\n')
  const NATIVE = 'istio-1.27-native-sidecars'
  const TYPO = 'istio-1.27-native-side-annotation-typo'
  it('still warns on a pod the injector processes (inject "true", or no inject setting)', () => {
    for (const meta of ['      labels:\n        sidecar.istio.io/inject: "true"', '      labels:\n        app: web']) {
      const text = deployment(meta)
      expect(at(of(run('web.yaml', text, '1.27', '1.26'), NATIVE))).toEqual([`web.yaml:${lineOf(text, '- name: istio-proxy')} warning`])
    }
    const typo = deployment('      annotations:\n        sidecar.istio.io/native-side: "false"')
    expect(at(of(run('web.yaml', typo, '1.27', '1.26'), TYPO))).toEqual([`web.yaml:${lineOf(typo, 'native-side')} warning`])
  })
  it('says nothing on a pod labelled or annotated "False", "no" or "off"', () => {
    for (const v of ['"False"', '"no"', '"off"', '"disabled"']) {
      expect(of(run('web.yaml', deployment(`      labels:\n        sidecar.istio.io/inject: ${v}`), '1.27', '1.26'), NATIVE)).toEqual([])
      expect(of(run('web.yaml', deployment(`      annotations:\n        sidecar.istio.io/inject: ${v}`), '1.27', '1.26'), NATIVE)).toEqual([])
      expect(of(run('web.yaml', deployment(`      annotations:\n        sidecar.istio.io/inject: ${v}\n        sidecar.istio.io/native-side: "false"`), '1.27', '1.26'), TYPO)).toEqual([])
    }
  })
})

// Istio deploys (and so customises) only a Gateway it manages: not with the deployment controller or Gateway API off,
// and not for a Gateway whose address is a Hostname (a manual deployment; istio/istio pilot/pkg/config/kube/gateway IsManaged).
describe('istio-1.26-gateway-deployment-customisation: only Gateways Istio deploys', () => {
  const gw = (extra = ''): File => ({ path: 'gw.yaml', text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: edge\nspec:\n  gatewayClassName: istio\n${extra}  infrastructure:\n    parametersRef:\n      group: ""\n      kind: ConfigMap\n      name: gw-options\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n` })
  const values = (v: string): File => ({ path: 'istiod-values.yaml', text: `pilot:\n  env:\n    ${v}\n` })
  const found = async (g: File, files: File[] = []) => (await runAnalysis({ changes: added([g]), head: snapshotOf([g, ...files]) }, { target: '1.25', paths: ['gw.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /spec\.infrastructure\.parametersRef is only supported from Istio 1\.26/.test(f.message))
  it('warns on a Gateway Istio deploys (target 1.25)', async () => {
    const g = gw()
    expect(at(await found(g))).toEqual([`gw.yaml:${lineOf(g.text, 'parametersRef:')} warning`])
    const ip = gw('  addresses:\n  - type: IPAddress\n    value: 10.0.0.1\n')
    expect(at(await found(ip))).toEqual([`gw.yaml:${lineOf(ip.text, 'parametersRef:')} warning`])
  })
  it('says nothing on a manually deployed Gateway (Hostname address)', async () => {
    expect(await found(gw('  addresses:\n  - type: Hostname\n    value: my-gw.edge.svc.cluster.local\n'))).toEqual([])
  })
  it('says nothing when istiod deploys no Gateways or reads no Gateway API (another file)', async () => {
    expect(await found(gw(), [values('PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER: "false"')])).toEqual([])
    expect(await found(gw(), [values('PILOT_ENABLE_GATEWAY_API: "false"')])).toEqual([])
  })
})

// With Gateway API off istiod reads no InferencePool under either flag name, so the misspelt flag changes nothing.
describe('istio-1.27-inference-extension-flag-typo: Gateway API off in another file', () => {
  const typo: File = { path: 'istiod-values.yaml', text: 'pilot:\n  env:\n    SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: "true"\n' }
  const found = async (files: File[]) => (await runAnalysis({ changes: added([typo]), head: snapshotOf([typo, ...files]) }, { target: '1.27', paths: ['istiod-values.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /SUPPORT_GATEWAY_API_INFERENCE_EXTENSION/.test(f.message))
  it('errs when nothing else turns the extension on', async () => {
    expect(at(await found([]))).toEqual([`istiod-values.yaml:${lineOf(typo.text, 'SUPPORT_')} error`])
  })
  it('says nothing when PILOT_ENABLE_GATEWAY_API is false in another file', async () => {
    expect(await found([{ path: 'gwapi-off.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: x\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_GATEWAY_API: "false"\n' }])).toEqual([])
  })
})
