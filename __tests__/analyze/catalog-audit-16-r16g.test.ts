// Audit 16 (r16g, census of 23 entries of 1.30/1.31): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16g.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { lineOf, of, run } from '../support/catalog-run.js'

const at = (fs: readonly Finding[]) => fs.map((f) => [f.file, f.line, f.severity])

describe('istio-1.31-waypoint-canary: only a canary label with a non-zero weight changes anything', () => {
  const id = 'istio-1.31-waypoint-canary'
  const service = (labels: string, annotations: string) => `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: default
  labels:
    istio.io/use-waypoint: reviews-wp
${labels}
  annotations:
    team: a
${annotations}
spec:
  ports:
  - port: 80
`
  it('warns on a Service with a canary label and a weight of 10 before 1.31', () => {
    const text = service('    istio.io/use-waypoint-canary: reviews-wp-v2', '    istio.io/use-waypoint-canary-weight: "10"')
    const found = of(run('svc.yaml', text, '1.30', '1.29'), id)
    expect(at(found)).toEqual([['svc.yaml', lineOf(text, 'use-waypoint-canary:'), 'warning']])
    expect(found[0]?.message).toMatch(/non-zero/)
    expect(of(run('svc.yaml', text, '1.31', '1.30'), id)).toEqual([])
  })
  it('is quiet on a canary label without a weight (the weight defaults to 0, so 1.31 sends the canary nothing)', () => {
    const text = service('    istio.io/use-waypoint-canary: reviews-wp-v2\n    istio.io/use-waypoint-canary-namespace: other', '')
    expect(of(run('svc.yaml', text, '1.30', '1.29'), id)).toEqual([])
  })
  it('is quiet on a weight of 0, on an out-of-range weight, and on a weight without a canary label', () => {
    const zero = service('    istio.io/use-waypoint-canary: reviews-wp-v2', '    istio.io/use-waypoint-canary-weight: "0"')
    const big = service('    istio.io/use-waypoint-canary: reviews-wp-v2', '    istio.io/use-waypoint-canary-weight: "150"')
    const alone = service('', '    istio.io/use-waypoint-canary-weight: "10"')
    for (const text of [zero, big, alone]) expect(of(run('svc.yaml', text, '1.30', '1.29'), id)).toEqual([])
  })
  it('warns on a ServiceEntry and a Namespace with both', () => {
    const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ext
  namespace: default
  labels:
    istio.io/use-waypoint-canary: wp2
  annotations:
    istio.io/use-waypoint-canary-weight: "100"
spec:
  hosts: [ext.example.com]
`
    expect(at(of(run('se.yaml', se, '1.30', '1.29'), id))).toEqual([['se.yaml', lineOf(se, 'use-waypoint-canary:'), 'warning']])
    const ns = `apiVersion: v1
kind: Namespace
metadata:
  name: default
  labels:
    istio.io/use-waypoint: wp1
    istio.io/use-waypoint-canary: wp2
  annotations:
    istio.io/use-waypoint-canary-weight: "5"
`
    expect(at(of(run('ns.yaml', ns, '1.30', '1.29'), id))).toEqual([['ns.yaml', lineOf(ns, 'use-waypoint-canary:'), 'warning']])
    // Round 40 (r40g): a canary with no primary waypoint is ignored on 1.31 too (it only splits the primary's traffic).
    const alone = ns.replace('    istio.io/use-waypoint: wp1\n', '')
    expect(of(run('ns.yaml', alone, '1.30', '1.29'), id)).toEqual([])
  })
})

describe('istio-1.31-sidecar-egress-exclusions: only a ~namespace/host entry is new in 1.31', () => {
  const id = 'istio-1.31-sidecar-egress-exclusions'
  const sidecar = (host: string) => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: app
spec:
  egress:
  - hosts:
    - "*/*"
    - "${host}"
`
  it('errs on ~ns1/* before 1.31 and is quiet from 1.31', () => {
    const text = sidecar('~ns1/*')
    expect(at(of(run('sc.yaml', text, '1.30', '1.29'), id))).toEqual([['sc.yaml', lineOf(text, '~ns1/*'), 'error']])
    expect(of(run('sc.yaml', text, '1.31', '1.30'), id)).toEqual([])
  })
  it('is quiet on entries every release rejects (no slash, not a namespace name) and on ~/host (another entry)', () => {
    for (const host of ['~ns1', '~*/foo.com', '~Ns1/*', '~/foo.com']) expect(of(run('sc.yaml', sidecar(host), '1.30', '1.29'), id)).toEqual([])
  })
})

describe('istio-1.31-meshconfig-fields: an empty defaultTrafficPolicy block sets no baseline', () => {
  const id = 'istio-1.31-meshconfig-fields'
  const iop = (dtp: string) => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: istio
  namespace: istio-system
spec:
  meshConfig:
    defaultTrafficPolicy:
${dtp}
`
  it('warns on a baseline with a real setting before 1.31', () => {
    const text = iop('      connectionPool:\n        tcp:\n          maxConnections: 100\n      outlierDetection:\n        consecutive5xxErrors: 5')
    const found = of(run('iop.yaml', text, '1.30', '1.29'), id)
    expect(at(found)).toEqual([
      ['iop.yaml', lineOf(text, 'connectionPool'), 'warning'],
      ['iop.yaml', lineOf(text, 'outlierDetection'), 'warning'],
    ])
    expect(of(run('iop.yaml', text, '1.31', '1.30'), id)).toEqual([])
  })
  it('is quiet on empty blocks (no baseline, 1.31 behaves as before)', () => {
    for (const dtp of ['      connectionPool: {}', '      connectionPool:\n        tcp: {}\n        http: {}', '      outlierDetection: {}']) {
      expect(of(run('iop.yaml', iop(dtp), '1.30', '1.29'), id)).toEqual([])
    }
  })
})
