// `istioRoutes` on a catalog match: a route whose every parentRef names a Gateway of another controller (a Gateway
// in the analysed files whose class does not start with istio) gets nothing from a match about Istio's handling of
// routes. Round 17 (m17f #3): the 1.31 "500 without backendRefs" notice fired on a route of an Envoy Gateway.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added, analyzeAdded } from '../support/snapshot.js'

async function without500(files: readonly File[], changed?: readonly File[]): Promise<Finding[]> {
  const result = await runAnalysis(
    { changes: added(changed ?? files), head: snapshotOf(files) },
    { target: '1.31', from: '1.30', paths: changed ? changed.map((f) => f.path) : [], ...(changed ? { contextPaths: ['**/*.yaml'] } : {}) }
  )
  return result.findings.filter((f) => /without backendRefs with 500/.test(f.message))
}

const gateway = (name: string, className: string): File => ({
  path: `gateways/${name}.yaml`,
  text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: edge\nspec:\n  gatewayClassName: ${className}\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n`
})
const route = (parents: string): File => ({
  path: 'apps/route.yaml',
  text: `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  parentRefs:\n${parents}  rules:\n  - matches:\n    - path: {type: PathPrefix, value: /}\n`
})
const ref = (name: string, extra = '') => `  - {name: ${name}, namespace: edge${extra}}\n`

describe('istioRoutes (istio-1.31-httproute-without-backends-500)', () => {
  it('reports a route of an Istio Gateway, and one whose Gateway the files do not hold', async () => {
    const r = route(ref('public'))
    const line = `${r.path}:${lineOf(r.text, '- matches:')} notice`
    expect(at(await without500([r, gateway('public', 'istio')]))).toEqual([line])
    expect(at(await without500([r]))).toEqual([line])
  })

  it('is silent on a route whose every parent is a Gateway of another controller, also when that Gateway is in an untouched file', async () => {
    const r = route(ref('public'))
    expect(await without500([r, gateway('public', 'eg')])).toEqual([])
    expect(await without500([r, gateway('public', 'eg')], [r])).toEqual([])
  })

  it('still reports when one parent is Istio\'s, or a parent is a Service (mesh routing)', async () => {
    const mixed = route(ref('public') + ref('internal'))
    expect(at(await without500([mixed, gateway('public', 'eg'), gateway('internal', 'istio')]))).toHaveLength(1)
    const mesh = route(ref('public') + '  - {group: "", kind: Service, name: web}\n')
    expect(at(await without500([mesh, gateway('public', 'eg')]))).toHaveLength(1)
  })

  it('also narrows the 1.28 InferencePool backendRef group error to routes Istio serves', async () => {
    const pool = (parents: string): File => ({
      path: 'apps/llm-route.yaml',
      text: `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: llm\n  namespace: shop\nspec:\n  parentRefs:\n${parents}  rules:\n  - backendRefs:\n    - {group: inference.networking.x-k8s.io, kind: InferencePool, name: pool}\n`
    })
    const run = async (files: File[]) => {
      const result = await analyzeAdded(files, '1.28', '1.27')
      return at(result.findings.filter((f) => f.file === 'apps/llm-route.yaml' && /x-k8s\.io group is no longer read/.test(f.message)))
    }
    const r = pool(ref('public'))
    // a notice since round 37 (m37a): no file here turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on
    expect(await run([r, gateway('public', 'istio')])).toEqual([`${r.path}:${lineOf(r.text, 'group: inference')} notice`])
    expect(await run([r, gateway('public', 'kgateway')])).toEqual([])
  })

  it('validates: only true, only on field or resource matches of route kinds', () => {
    const release = (match: unknown): CatalogRelease =>
      ({ release: '1.31', entries: [{ id: 'istio-1.31-x', change: 'behaviour-changed', severity: 'notice', since: '1.31', message: 'A message long enough to pass the length check.', match: [match], sources: [{ path: 'releases/1.31/upgrade-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
    const problems = (match: unknown) => validateCatalog([release(match)]).filter((p) => /istioRoutes/.test(p))
    expect(problems({ type: 'field', kinds: ['HTTPRoute'], paths: ['spec.rules[]'], istioRoutes: true })).toEqual([])
    expect(problems({ type: 'field', kinds: ['Gateway'], paths: ['spec.listeners[]'], istioRoutes: true })).toHaveLength(1)
    expect(problems({ type: 'field', kinds: ['HTTPRoute'], paths: ['spec.rules[]'], istioRoutes: false })).toHaveLength(1)
  })
})
