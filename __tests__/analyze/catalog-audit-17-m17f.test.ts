// Audit 17 (m17f, measurement of 6 entries of 1.31): the ❌ fixed, pinned to file and line.
// See docs/audit/catalog-audit-17-m17f.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const tcpRoute = (rules: number): string => `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: db
  namespace: apps
spec:
  parentRefs:
  - name: gw
  rules:
${Array.from({ length: rules }, (_, i) => `  - backendRefs:\n    - name: db-${i}\n      port: ${5432 + i}\n`).join('')}`

describe('audit 17 m17f #5: TCPRoute v1alpha2 (1.31) suggests v1 only for a route v1 can hold', () => {
  const id = 'istio-1.31-tcproute-v1alpha2'
  const FILE = 'gateway/tcproute.yaml'
  it('offers no apiVersion suggestion for a route with two rules (Gateway API 1.6 TCPRoute v1 has rules maxItems 1)', () => {
    const text = tcpRoute(2)
    const found = of(run(FILE, text, '1.31', '1.30'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'apiVersion:'), severity: 'notice' })])
    expect(found[0].fix).toBeUndefined()
    expect(found[0].message).toMatch(/single rule/)
    expect(found[0].message).not.toMatch(/works with both/)
  })
  it('still offers v1 for a route with one rule', () => {
    const text = tcpRoute(1)
    const found = of(run(FILE, text, '1.31', '1.30'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'apiVersion:'), severity: 'notice' })])
    expect(found[0].fix?.edits).toEqual([expect.objectContaining({ startLine: 1, replacement: 'apiVersion: gateway.networking.k8s.io/v1' })])
  })
})
