// The defects the second audit of the 1.20–1.25 catalog entries found (docs/audit/catalog-audit-2-1.20-1.25.md,
// 25 entries no earlier audit had sampled): each test fails on the entry as it was before the fix and asserts the
// file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

describe('audit 2 1.20–1.25 #B12: empty prefix matches in a VirtualService', () => {
  const id = 'istio-1.22-empty-prefix-match-rejected'
  const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - match:
    - uri:
        prefix: ""
    route:
    - destination:
        host: reviews
  - match:
    - method:
        prefix: ""
    - withoutHeaders:
        x-debug:
          prefix: ""
    - queryParams:
        q:
          prefix: ""
    - headers:
        x-user:
          prefix: ""
    route:
    - destination:
        host: reviews
`
  it('leaves an empty uri prefix alone (the webhook accepts it) and reports method, withoutHeaders, queryParams and headers', () => {
    const found = of(run('mesh/vs.yaml', vs, '1.22'), id)
    const lines = found.map((f) => f.line).sort((a, b) => a - b)
    const lineAfter = (needle: string): number => lineOf(vs, needle) + 1
    expect(found.every((f) => f.file === 'mesh/vs.yaml' && f.severity === 'error')).toBe(true)
    expect(lines).toEqual([lineAfter('method:'), lineAfter('x-debug:'), lineAfter('q:'), lineAfter('x-user:')])
    expect(lines).not.toContain(lineAfter('uri:'))
    expect(found[0].message).toMatch(/empty uri prefix stays valid/)
  })

  it('stays quiet before 1.22', () => {
    expect(of(run('mesh/vs.yaml', vs, '1.21'), id)).toEqual([])
  })
})

describe('audit 2 1.20–1.25 #B15: outlierLogPath is not a ProxyConfig field', () => {
  const id = 'istio-1.23-outlier-log-path'
  const mesh = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    defaultConfig:
      outlierLogPath: /dev/stdout
`
  it('says the field does nothing on 1.23 and later too (it never existed in ProxyConfig) and names the chart value', () => {
    for (const target of ['1.22', '1.23', '1.25']) {
      const found = of(run('istio/mesh.yaml', mesh, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'istio/mesh.yaml', line: lineOf(mesh, 'outlierLogPath'), severity: 'warning', rule: 'no-effect' })])
      expect(found[0].message).toMatch(/global\.proxy\.outlierLogPath/)
      expect(found[0].message).not.toMatch(/only exists from/)
    }
  })
})

describe('audit 2 1.20–1.25 #B7: ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING on 1.25+', () => {
  const typo = 'istio-1.22-enhanced-resource-scoping-typo'
  const removed = 'istio-1.25-scoping-and-target-port-opt-outs-removed'
  const istiod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.24.0
        env:
        - name: ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING
          value: "false"
`
  it('keeps the rename to ENABLE_ENHANCED_RESOURCE_SCOPING before 1.25, where that variable is read', () => {
    const found = run('istio/istiod.yaml', istiod, '1.24')
    expect(of(found, typo)).toEqual([
      expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(istiod, 'ENABLE_AUTO_ENHANCED'), severity: 'notice', rule: 'no-effect' }) // warning since audit 5 (false: scoping stays on); a notice since audit 34 r34a: no discoverySelectors in the repository, so scoping changes nothing
    ])
    expect(of(found, typo)[0].fix?.edits).toEqual([expect.objectContaining({ replacement: '        - name: ENABLE_ENHANCED_RESOURCE_SCOPING' })])
    expect(of(found, removed)).toEqual([])
  })

  it('from 1.25 no longer suggests renaming to a variable 1.25 deleted: says to remove the setting', () => {
    for (const target of ['1.25', '1.28']) {
      const found = run('istio/istiod.yaml', istiod, target)
      expect(of(found, typo)).toEqual([])
      const gone = of(found, removed)
      expect(gone).toEqual([expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(istiod, 'ENABLE_AUTO_ENHANCED'), rule: 'removed-feature' })])
      expect(gone[0].message).toMatch(/remove the setting/)
      expect(gone[0].fix).toBeUndefined()
    }
  })
})

describe('audit 2 1.20–1.25 nits', () => {
  it('#B13 METRICS_LOCALHOST_ACCESS_ONLY in proxyMetadata is not called an istiod-only variable', () => {
    const mesh = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    defaultConfig:
      proxyMetadata:
        METRICS_LOCALHOST_ACCESS_ONLY: "true"
`
    const found = of(run('istio/mesh.yaml', mesh, '1.21'), 'istio-1.22-new-istiod-env')
    expect(found).toEqual([expect.objectContaining({ file: 'istio/mesh.yaml', line: lineOf(mesh, 'METRICS_LOCALHOST'), severity: 'warning' })]) // warning since audit 9 (c9b): an ignored setting
    expect(found[0].message).toMatch(/proxies/)
  })

  it('#B2 minimumRingSize is not said to be deprecated "since 1.20"', () => {
    const dr = `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: r
spec:
  host: a
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpHeaderName: x
        minimumRingSize: 1024
`
    const found = of(run('mesh/dr.yaml', dr, '1.20'), 'istio-1.20-consistent-hash-minimum-ring-size-deprecated')
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/dr.yaml', line: lineOf(dr, 'minimumRingSize'), severity: 'notice' })])
    expect(found[0].message).not.toMatch(/since Istio 1\.20/)
  })
})
