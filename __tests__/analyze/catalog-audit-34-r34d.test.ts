// Thirty-fourth audit (census), helper r34d (docs/audit/catalog-audit-34-r34d.md): no entry of this share was found
// wrong, so these tests pin the near misses the audit ran, each with file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const dr = (policy: string): string =>
  ['apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: a', 'spec:', '  host: a', '  trafficPolicy:', ...policy.split('\n').map((l) => `    ${l}`), ''].join('\n')

describe('istio-1.27.1-retry-budget-only-policy', () => {
  const id = 'istio-1.27.1-retry-budget-only-policy'
  const only = dr('retryBudget:\n  percent: 20')
  it('a policy that only holds retryBudget errs at 1.27.0 and not at 1.27.1', () => {
    expect(at(of(run('dr.yaml', only, '1.27.0', '1.26'), id))).toEqual([`dr.yaml:${lineOf(only, 'retryBudget')} error`])
    expect(of(run('dr.yaml', only, '1.27.1', '1.26'), id)).toEqual([])
  })
  it('a policy with another setting next to retryBudget passes 1.27.0 validation and gives nothing', () => {
    const both = dr('retryBudget:\n  percent: 20\nconnectionPool:\n  tcp:\n    maxConnections: 5')
    expect(of(run('dr.yaml', both, '1.27.0', '1.26'), id)).toEqual([])
  })
})

describe('istio-1.27-incomplete-cacerts-fails', () => {
  const id = 'istio-1.27-incomplete-cacerts-fails'
  const secret = (ns: string, keys: string[]): string =>
    ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: cacerts', `  namespace: ${ns}`, 'data:', ...keys.map((k) => `  ${k}: eA==`), ''].join('\n')
  it('a cacerts Secret without ca-cert.pem in istio-system errs from 1.26.1, not on 1.26.0', () => {
    const text = secret('istio-system', ['ca-key.pem', 'root-cert.pem', 'cert-chain.pem'])
    expect(at(of(run('s.yaml', text, '1.26.1', '1.25'), id))).toEqual([`s.yaml:${lineOf(text, 'name: cacerts')} error`])
    expect(of(run('s.yaml', text, '1.26.0', '1.25'), id)).toEqual([])
  })
  it('a complete bundle, or one in a gateway namespace istiod never reads, gives nothing', () => {
    expect(of(run('s.yaml', secret('istio-system', ['ca-cert.pem', 'ca-key.pem', 'root-cert.pem', 'cert-chain.pem']), '1.27', '1.26'), id)).toEqual([])
    expect(of(run('s.yaml', secret('istio-ingress', ['ca-key.pem']), '1.27', '1.26'), id)).toEqual([])
  })
})

describe('istio-1.27-virtualservice-mixed-case-hosts', () => {
  const id = 'istio-1.27-virtualservice-mixed-case-hosts'
  const vs = (gateways: string): string =>
    ['apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata:', '  name: v', 'spec:', '  hosts: [MyService, Api.example.com]', ...(gateways ? [`  gateways: ${gateways}`] : []), '  http: [{route: [{destination: {host: myservice}}]}]', ''].join('\n')
  it('a mixed-case short host warns before 1.27 for sidecars; a mixed-case external name does not', () => {
    const text = vs('')
    expect(at(of(run('vs.yaml', text, '1.26', '1.25'), id))).toEqual([`vs.yaml:${lineOf(text, 'hosts:')} warning`])
    expect(of(run('vs.yaml', text, '1.27', '1.26'), id)).toEqual([])
  })
  it('a VirtualService bound only to a gateway gives nothing', () => {
    expect(of(run('vs.yaml', vs('[istio-ingress/gw]'), '1.26', '1.25'), id)).toEqual([])
  })
})

describe('istio-1.27-envoyfilter-listener-filter-merge', () => {
  const id = 'istio-1.27-envoyfilter-listener-filter-merge'
  const ef = (operation: string): string =>
    ['apiVersion: networking.istio.io/v1alpha3', 'kind: EnvoyFilter', 'metadata:', '  name: e', 'spec:', '  configPatches:', '  - applyTo: LISTENER_FILTER', '    match:', '      context: SIDECAR_INBOUND', '      listener:', '        listenerFilter: envoy.filters.listener.tls_inspector', '    patch:', `      operation: ${operation}`, '      value: {name: x}', ''].join('\n')
  it('a MERGE warns before 1.27; a REMOVE, which older releases apply, gives nothing', () => {
    const merge = ef('MERGE')
    expect(at(of(run('ef.yaml', merge, '1.26', '1.25'), id))).toEqual([`ef.yaml:${lineOf(merge, '- applyTo')} warning`])
    expect(of(run('ef.yaml', merge, '1.27', '1.26'), id)).toEqual([])
    expect(of(run('ef.yaml', ef('REMOVE'), '1.26', '1.25'), id)).toEqual([])
  })
})
