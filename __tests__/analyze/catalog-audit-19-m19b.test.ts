// Audit 19 (m19b, measurement of 12 sampled entries of 1.22-1.24): the ❌ fixed, pinned to file and line.
// See docs/audit/catalog-audit-19-m19b.md.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('audit 19 m19b #5: the istio-cni log level moves to cni.logging.level in 1.23 (top-level logging.level only from 1.24)', () => {
  const id = 'istio-1.23-cni-log-level-deprecated'
  const VALUES = 'istio-cni/values.yaml'
  it('advises cni.logging.level, which the 1.23 chart reads, not the top-level logging.level', () => {
    const text = 'cni:\n  logLevel: warn\n'
    for (const target of ['1.23', '1.24']) {
      const found = of(run(VALUES, text, target), id)
      expect(at(found)).toEqual([`${VALUES}:${lineOf(text, 'logLevel')} warning`])
      expect(found[0]!.message).toMatch(/set cni\.logging\.level \(or global\.logging\.level\)/)
    }
  })
  it('on 1.23 a top-level logging.level next to it is no replacement: still a warning, saying why', () => {
    const text = 'cni:\n  logLevel: warn\nlogging:\n  level: info\n'
    const found = of(run(VALUES, text, '1.23'), id)
    expect(at(found)).toEqual([`${VALUES}:${lineOf(text, 'logLevel')} warning`])
    expect(found[0]!.message).toMatch(/does not read the top-level logging\.level/)
    expect(found[0]!.message).not.toMatch(/already set here/)
  })
  it('from 1.24 the top-level logging.level is read, so the same file only gets the notice', () => {
    const text = 'cni:\n  logLevel: warn\nlogging:\n  level: info\n'
    const found = of(run(VALUES, text, '1.24'), id)
    expect(at(found)).toEqual([`${VALUES}:${lineOf(text, 'logLevel')} notice`])
    expect(found[0]!.message).toMatch(/logging\.level, which it reads instead, is already set here/)
  })
  it('cni.logging.level next to it is the replacement on 1.23 too: a notice, whatever else is set', () => {
    for (const text of ['cni:\n  logLevel: warn\n  logging:\n    level: info\n', 'cni:\n  logLevel: warn\n  logging:\n    level: info\nlogging:\n  level: warn\n']) {
      const found = of(run(VALUES, text, '1.23'), id)
      expect(at(found)).toEqual([`${VALUES}:${lineOf(text, 'logLevel')} notice`])
      expect(found[0]!.message).toMatch(/cni\.logging\.level, which it reads instead/)
    }
  })
  it('says nothing before 1.23, where logLevel is read', () => {
    expect(of(run(VALUES, 'cni:\n  logLevel: warn\n', '1.22'), id)).toEqual([])
  })
})

describe('audit 19 m19b #6: use-waypoint-namespace is a no-op next to use-waypoint: none', () => {
  const id = 'istio-1.23-use-waypoint-namespace-label'
  const service = (useWaypoint: string): string => `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
  labels:
    istio.io/use-waypoint: ${useWaypoint}
    istio.io/use-waypoint-namespace: mesh-infra
spec:
  ports:
  - port: 80
`
  it('stays quiet when the object opts out of waypoints (no waypoint is looked up on any release)', () => {
    expect(of(run('apps/svc.yaml', service('none'), '1.22'), id)).toEqual([])
  })
  it('still warns on a named waypoint in another namespace', () => {
    const text = service('wp')
    expect(at(of(run('apps/svc.yaml', text, '1.22'), id))).toEqual([`apps/svc.yaml:${lineOf(text, 'use-waypoint-namespace')} warning`])
  })
  it('stays quiet on a Namespace that opts out too, and warns on one that names a waypoint', () => {
    const ns = (useWaypoint: string): string => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/use-waypoint: ${useWaypoint}
    istio.io/use-waypoint-namespace: mesh-infra
`
    expect(of(run('apps/ns.yaml', ns('none'), '1.22'), id)).toEqual([])
    expect(at(of(run('apps/ns.yaml', ns('wp'), '1.22'), id))).toEqual([`apps/ns.yaml:${lineOf(ns('wp'), 'use-waypoint-namespace')} warning`])
  })
})

describe('audit 19 m19b #10: the peer-metadata suggestion only where the field keeps its name', () => {
  const id = 'istio-1.24-telemetry-cel-attributes'
  const telemetry = (expr: string): string => `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: mesh-default
  namespace: istio-system
spec:
  metrics:
  - providers:
    - name: prometheus
    overrides:
    - match:
        metric: REQUEST_COUNT
      tagOverrides:
        peer:
          value: '${expr}'
`
  it('offers no suggestion for workload_name (1.24 calls it workload), and says the fields changed', () => {
    const text = telemetry('filter_state["wasm.downstream_peer"].workload_name')
    const found = of(run('mesh/telemetry.yaml', text, '1.24'), id)
    expect(at(found)).toEqual([`mesh/telemetry.yaml:${lineOf(text, 'workload_name')} warning`])
    expect(found[0]!.fix).toBeUndefined()
    expect(found[0]!.message).toMatch(/workload_name becomes workload/)
  })
  it('offers no suggestion for cluster_id on the upstream peer either', () => {
    const text = telemetry('filter_state["wasm.upstream_peer"].cluster_id')
    const found = of(run('mesh/telemetry.yaml', text, '1.24'), id)
    expect(at(found)).toEqual([`mesh/telemetry.yaml:${lineOf(text, 'cluster_id')} warning`])
    expect(found[0]!.fix).toBeUndefined()
  })
  it('keeps the suggestion for namespace, a field both shapes share', () => {
    const text = telemetry('filter_state["wasm.downstream_peer"].namespace')
    const found = of(run('mesh/telemetry.yaml', text, '1.24'), id)
    const line = lineOf(text, 'wasm.downstream_peer')
    expect(at(found)).toEqual([`mesh/telemetry.yaml:${line} warning`])
    expect(found[0]!.fix?.edits).toEqual([expect.objectContaining({ startLine: line, replacement: `          value: 'filter_state.downstream_peer.namespace'` })])
  })
})
