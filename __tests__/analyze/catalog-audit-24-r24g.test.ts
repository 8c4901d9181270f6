// Audit 24 (r24g, census of its share of the 1.30/1.31 entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-24-r24g.md.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.30-retry-budget-fixes: the top-level budget only matters for subsets that have no budget of their own', () => {
  const ID = 'istio-1.30-retry-budget-fixes'
  const dr = (subsetPolicy: string): string =>
    `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: apps\nspec:\n  host: reviews\n  trafficPolicy:\n    retryBudget: {minRetryConcurrency: 3, percent: 20}\n  subsets:\n  - name: v1\n    labels: {version: v1}\n    trafficPolicy:\n      ${subsetPolicy}\n`

  it('reports only the subset budget when every subset policy carries its own (the top-level one was never the one used there)', () => {
    const text = dr('retryBudget: {percent: 10}')
    const found = of(run('dr.yaml', text, '1.29.2', '1.29.1'), ID)
    expect(at(found)).toEqual([`dr.yaml:${lineOf(text, 'retryBudget: {percent: 10}')} warning`])
  })

  it('still reports the top-level budget when a subset policy has no budget (it was dropped there before the fix)', () => {
    const text = dr('connectionPool: {http: {http2MaxRequests: 1000}}')
    const found = of(run('dr.yaml', text, '1.30', '1.29.1'), ID)
    expect(at(found)).toEqual([`dr.yaml:${lineOf(text, 'retryBudget: {minRetryConcurrency')} warning`])
    expect(of(run('dr.yaml', text, '1.30', '1.29.2'), ID)).toEqual([])
  })
})

describe('istio-1.30-agentgateway: a GatewayClass of that name that another controller owns is not Istio\'s', () => {
  const gw: File = { path: 'gw/gateway.yaml', text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ai\n  namespace: edge\nspec:\n  gatewayClassName: istio-agentgateway\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n' }
  const cls = (controller: string): File => ({ path: 'gw/class.yaml', text: `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: istio-agentgateway\nspec:\n  controllerName: ${controller}\n` })
  const AG = /istio-agentgateway GatewayClass/

  it('errs on 1.29 without such a class, and with the class owned by an istio.io controller', async () => {
    const want = [`${gw.path}:${lineOf(gw.text, 'gatewayClassName')} error`]
    expect(at((await analyzeAdded([gw], '1.29', '1.28')).findings.filter((f) => AG.test(f.message)))).toEqual(want)
    expect(at((await analyzeAdded([gw, cls('istio.io/agentgateway-controller')], '1.29', '1.28')).findings.filter((f) => AG.test(f.message)))).toEqual(want)
  })

  it('says nothing when the repository defines the class for another controller', async () => {
    expect((await analyzeAdded([gw, cls('agentgateway.dev/agentgateway')], '1.29', '1.28')).findings.filter((f) => AG.test(f.message))).toEqual([])
  })
})
