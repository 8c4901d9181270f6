// Round 19 measurement (m19d), the one ❌: istio-1.28-inferencepool-v1alpha2-removed reported the v1alpha2
// InferencePool itself as an error ("routes to it fail") also when every route naming it is served by another
// controller's Gateway (kgateway, a GKE inference gateway): Istio routes nothing to such a pool, in 1.27 or in 1.28.
// The entry's HTTPRoute match already skipped those routes (istioRoutes); the pool match now does the same.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { added, analyzeAdded, snapshotOf, type File } from '../support/snapshot.js'

const NOT_READ = /1\.28 reads InferencePool only at inference\.networking\.k8s\.io\/v1/

const pool: File = {
  path: 'llm/pool.yaml',
  text: 'apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: llama\n  namespace: llm\nspec:\n  targetPortNumber: 8000\n  selector: {app: vllm}\n  extensionRef:\n    name: llama-epp\n'
}
const gateway = (name: string, className: string): File => ({
  path: `gateways/${name}.yaml`,
  text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: llm\nspec:\n  gatewayClassName: ${className}\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n`
})
const route = (name: string, parent: string, poolName = 'llama'): File => ({
  path: `llm/route-${name}.yaml`,
  text: `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ${name}\n  namespace: llm\nspec:\n  parentRefs:\n  - {name: ${parent}}\n  rules:\n  - backendRefs:\n    - group: inference.networking.x-k8s.io\n      kind: InferencePool\n      name: ${poolName}\n`
})

const poolFindings = (fs: readonly Finding[]): string[] => at(fs.filter((f) => f.file === pool.path && NOT_READ.test(f.message)))
// A notice since round 37 (m37a): no file here turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on.
const poolLine = `${pool.path}:${lineOf(pool.text, 'apiVersion:')} notice`

describe('catalog audit 19 (m19d): the v1alpha2 InferencePool error only for pools Istio routes to', () => {
  it('reports the pool when a route of an Istio Gateway names it, or when no analysed route names it', async () => {
    expect(poolFindings((await analyzeAdded([pool, route('chat', 'inference'), gateway('inference', 'istio')], '1.28', '1.27')).findings)).toEqual([poolLine])
    expect(poolFindings((await analyzeAdded([pool], '1.28', '1.27')).findings)).toEqual([poolLine])
    // A route naming another pool says nothing about this one.
    expect(poolFindings((await analyzeAdded([pool, route('chat', 'inference', 'other'), gateway('inference', 'kgateway')], '1.28', '1.27')).findings)).toEqual([poolLine])
  })

  it('is silent on a pool that only routes of another controller\'s Gateway name (the route finding is gone too)', async () => {
    const r = route('chat', 'inference')
    const result = await analyzeAdded([pool, r, gateway('inference', 'kgateway')], '1.28', '1.27')
    expect(poolFindings(result.findings)).toEqual([])
    expect(result.findings.filter((f) => f.file === r.path && /x-k8s\.io group is no longer read/.test(f.message))).toEqual([])
  })

  it('still reports when one of the routes naming the pool is served by an Istio Gateway', async () => {
    const files = [pool, route('chat', 'inference'), gateway('inference', 'kgateway'), route('batch', 'mesh-gw'), gateway('mesh-gw', 'istio')]
    expect(poolFindings((await analyzeAdded(files, '1.28', '1.27')).findings)).toEqual([poolLine])
  })

  it('reads the routes and Gateways of untouched files on a pull request that changes only the pool', async () => {
    const files = [pool, route('chat', 'inference'), gateway('inference', 'kgateway')]
    const result = await runAnalysis({ changes: added([pool]), head: snapshotOf(files) }, { target: '1.28', from: '1.27', paths: [pool.path], contextPaths: ['**/*.yaml'] })
    expect(poolFindings(result.findings)).toEqual([])
    const istio = [pool, route('chat', 'inference'), gateway('inference', 'istio')]
    const kept = await runAnalysis({ changes: added([pool]), head: snapshotOf(istio) }, { target: '1.28', from: '1.27', paths: [pool.path], contextPaths: ['**/*.yaml'] })
    expect(poolFindings(kept.findings)).toEqual([poolLine])
  })
})
