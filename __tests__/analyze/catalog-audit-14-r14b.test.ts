// The defects the fourteenth audit (census, helper r14b) found (docs/audit/catalog-audit-14-r14b.md): each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { validateCatalog, CATALOG } from '../../src/knowledge/catalog.js'
import { lineOf, of, run } from '../support/catalog-run.js'

describe('audit 14 r14b: istio.io/gateway-name selectors (1.24) are graded by what the selector drives', () => {
  const id = 'istio-1.24-gateway-name-label-removed'
  const FILE = 'mesh/selector.yaml'
  const policy = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: a
  namespace: default
spec:
  selector:
    matchLabels:
      istio.io/gateway-name: appb
  action: ALLOW
`
  const monitor = `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: p
spec:
  selector:
    matchExpressions:
      - { key: istio.io/gateway-name, operator: Exists }
  podMetricsEndpoints:
    - port: metrics
`
  it('is a warning on a policy selector (gateways created on 1.24 or later lack the label)', () => {
    expect(of(run(FILE, policy, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(policy, 'istio.io/gateway-name'), severity: 'warning' })])
  })
  it('is only a warning on a monitoring selector (telemetry, not traffic, is affected)', () => {
    const found = of(run(FILE, monitor, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(monitor, 'istio.io/gateway-name'), severity: 'warning' })])
    expect(found[0]?.message).toMatch(/monitoring/)
  })
  it('rejects selectorKinds without on: selector', () => {
    const releases = CATALOG.map((r) => ({ ...r, entries: [...r.entries] }))
    const base = releases[releases.length - 1]!.entries[0]!
    releases[releases.length - 1]!.entries.push({ ...base, id: 'r14b-bad', match: [{ type: 'label', key: 'a/b', on: ['pod'], selectorKinds: ['Service'] }] } as never)
    expect(validateCatalog(releases).join('\n')).toMatch(/selectorKinds must be a non-empty list and needs on: selector/)
  })
})
