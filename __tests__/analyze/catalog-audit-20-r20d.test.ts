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
    expect(at(of(run('ls.yaml', text, '1.26'), ID))).toEqual([`ls.yaml:${lineOf(text, 'apiVersion: gateway.networking.x-k8s.io')} error`])
  })
  it('errs when the parent Gateway is not in the files (the class is unknown)', () => {
    expect(at(of(run('ls.yaml', listenerSet, '1.26'), ID))).toEqual(['ls.yaml:1 error'])
  })
  it('says nothing when the parent Gateway belongs to another controller: Istio never reads that XListenerSet', async () => {
    const ls: File = { path: 'ls.yaml', text: listenerSet }
    const gw = (cls: string): File => ({ path: 'gw.yaml', text: gateway(cls).replace(/^---\n/, '') })
    const xls = async (cls: string) => (await runAnalysis({ changes: added([ls]), head: snapshotOf([ls, gw(cls)]) }, { target: '1.26', paths: ['ls.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /experimental XListenerSet only from 1\.27/.test(f.message))
    expect(at(await xls('istio'))).toEqual(['ls.yaml:1 error'])
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
  it('errs on a pool an istio Gateway routes to (target 1.26)', async () => {
    expect(at(await found([route, gw('istio')]))).toEqual(['pool.yaml:1 error'])
  })
  it('says nothing on a pool only another controller routes to', async () => {
    expect(await found([route, gw('eg')])).toEqual([])
  })
  it('says nothing when istiod turns the inference extension or Gateway API off in another file', async () => {
    expect(await found([route, gw('istio'), values('ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "false"')])).toEqual([])
    expect(await found([route, gw('istio'), values('PILOT_ENABLE_GATEWAY_API: "false"')])).toEqual([])
  })
})
