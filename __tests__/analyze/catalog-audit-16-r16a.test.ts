// Audit 16 (r16a, census of 29 entries of 1.20–1.22): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16a.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const envoyFilter = (context: string, anchor: string, operation = 'INSERT_BEFORE'): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: extra
  namespace: istio-system
spec:
  configPatches:
  - applyTo: NETWORK_FILTER
    match:
      context: ${context}
      listener:
        filterChain:
          filter:
            name: ${anchor}
    patch:
      operation: ${operation}
      value:
        name: my.filter
`

describe('audit 16 r16a #9: Envoy filter ordering (1.20) only next to a filter Istio itself places', () => {
  const id = 'istio-1.20-envoy-filter-order'
  it('stays quiet when the anchor is a filter of the user (its place relative to that anchor does not change)', () => {
    expect(of(run('mesh/ef.yaml', envoyFilter('SIDECAR_INBOUND', 'envoy.filters.network.local_ratelimit'), '1.20', '1.19'), id)).toEqual([])
    expect(of(run('mesh/ef.yaml', envoyFilter('GATEWAY', 'envoy.filters.network.redis_proxy', 'INSERT_AFTER'), '1.20', '1.19'), id)).toEqual([])
  })
  it('still warns next to Istio\'s metadata exchange, RBAC and stats filters', () => {
    for (const [context, anchor] of [['SIDECAR_INBOUND', 'istio.metadata_exchange'], ['GATEWAY', 'envoy.filters.network.rbac'], ['GATEWAY', 'istio.stats']]) {
      const text = envoyFilter(context, anchor)
      expect(of(run('mesh/ef.yaml', text, '1.20', '1.19'), id)).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, '- applyTo: NETWORK_FILTER'), severity: 'warning' })])
    }
  })
})

describe('audit 16 r16a #19: enhanced resource scoping (1.22) not for an empty discoverySelectors list', () => {
  const id = 'istio-1.22-enhanced-resource-scoping'
  const VALUES = 'istio/istiod/values.yaml'
  it('stays quiet on discoverySelectors: [] (proto3: an empty repeated field is the same as omitted, so every namespace stays selected)', () => {
    expect(of(run(VALUES, 'meshConfig:\n  discoverySelectors: []\n', '1.22', '1.21'), id)).toEqual([])
  })
  it('still warns on a selector that leaves namespaces out', () => {
    const text = 'meshConfig:\n  discoverySelectors:\n  - matchLabels:\n      istio-discovery: enabled\n'
    expect(of(run(VALUES, text, '1.22', '1.21'), id)).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'discoverySelectors'), severity: 'warning' })])
  })
})
