// Sixth audit of the 1.27–1.28 catalog entries (docs/audit/catalog-audit-6-1.27-1.28.md): a fresh seeded sample.
// Each test below fails on the entry as it stood before this audit and passes on the fixed one; every expected
// finding is pinned to its file and line.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const OPT_OUTS = 'istio-1.27-retry-and-stats-opt-outs-removed'
const MIXED_CASE = 'istio-1.27-virtualservice-mixed-case-hosts'
const XFWD = 'istio-1.28-x-forwarded-headers'

const istiod = (env: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  selector:
    matchLabels: {app: istiod}
  template:
    metadata:
      labels: {app: istiod}
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.26.0
        env:
${env}`

describe('audit 6 1.27–1.28: fixes of the entries found wrong', () => {
  it(`${OPT_OUTS}: only an opt-out (false) is reported; the variables set to true, the default since 1.24, change nothing when they go away`, () => {
    const yaml = istiod(`        - name: ENABLE_INBOUND_RETRY_POLICY
          value: "true"
        - name: EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY
          value: "false"
`)
    const found = of(run('istio/istiod.yaml', yaml, '1.27', '1.26'), OPT_OUTS)
    expect(found.map((f) => [f.file, f.line])).toEqual([['istio/istiod.yaml', lineOf(yaml, 'EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY')]])
    const values = `meshConfig:
  defaultConfig:
    proxyMetadata:
      ENABLE_DEFERRED_STATS_CREATION: "1"
      BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS: "False"
`
    const proxy = of(run('istio/values.yaml', values, '1.27', '1.26'), OPT_OUTS)
    expect(proxy.map((f) => [f.file, f.line])).toEqual([['istio/values.yaml', lineOf(values, 'BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS')]])
  })

  it(`${MIXED_CASE}: a VirtualService bound only to gateways is quiet (the sidecar host selection fixed in 1.27 does not read it); mesh-bound ones still warn`, () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: edge
spec:
  hosts: ["Shop.example.com"]
  gateways: ["istio-system/public"]
  http:
  - route:
    - destination: {host: shop}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: internal
spec:
  hosts: ["Reviews"]
  http:
  - route:
    - destination: {host: reviews}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: both
spec:
  hosts: ["Ratings.bookinfo.svc.cluster.local"]
  gateways: ["istio-system/public", "mesh"]
  http:
  - route:
    - destination: {host: ratings}
`
    const found = of(run('routes/vs.yaml', yaml, '1.26'), MIXED_CASE)
    expect(found.map((f) => [f.file, f.line])).toEqual([
      ['routes/vs.yaml', lineOf(yaml, '"Reviews"')],
      ['routes/vs.yaml', lineOf(yaml, '"Ratings.bookinfo.svc.cluster.local"')]
    ])
  })

  it(`${XFWD}: enabled: false is what an older proxy does anyway, so only enabled: true is reported`, () => {
    const mesh = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    defaultConfig:
      proxyHeaders:
        xForwardedHost:
          enabled: false
        xForwardedPort:
          enabled: true
`
    const found = of(run('istio/mesh.yaml', mesh, '1.27'), XFWD)
    expect(found.map((f) => [f.file, f.line])).toEqual([['istio/mesh.yaml', lineOf(mesh, 'enabled: true')]])
  })
})
