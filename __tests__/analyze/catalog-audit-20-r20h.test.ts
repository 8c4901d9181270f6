// The defects the twentieth audit (census, helper r20h) found (docs/audit/catalog-audit-20-r20h.md): each test fails
// on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

/** Like runWithRepository, with a from release and the settle step that applies mesh-wide opt-outs (unlessRepository). */
function runWithRepository(path: string, text: string, target: string, from: string): Finding[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), from: parseFromRelease(from), files: [file] }
  const findings = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const all = [...findings, ...(catalogAnalyzer.checkRepository?.(ctx, file.documents) ?? [])]
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(all, ctx) : all
}

const probe = (fs: Finding[]): Finding[] => fs.filter((f) => /startup probe/.test(f.message))

describe('audit 20 r20h: istio-1.20-sidecar-startup-probe is quiet where no probe is injected (status port 0)', () => {
  const id = 'istio-1.20-sidecar-startup-probe'
  const FILE = 'apps/shop.yaml'
  const pod = (extra: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  template:
    metadata:
      annotations:
${extra}        readiness.status.sidecar.istio.io/periodSeconds: "5"
    spec:
      containers:
      - name: app
        image: nginx
`
  it('still warns on a readiness annotation of an injected pod (trip)', () => {
    const text = pod('')
    expect(of(run(FILE, text, '1.20', '1.19'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'periodSeconds'), severity: 'warning' }),
    ])
  })
  it('says nothing when the pod sets status.sidecar.istio.io/port "0" (the injector adds no startup or readiness probe then)', () => {
    const text = pod('        status.sidecar.istio.io/port: "0"\n')
    expect(of(run(FILE, text, '1.20', '1.19'), id)).toEqual([])
  })
  const VALUES = 'istio/istiod-values.yaml'
  it('still warns on an explicit readinessPeriodSeconds in the istiod values (trip)', () => {
    const text = 'global:\n  proxy:\n    readinessPeriodSeconds: 5\n'
    expect(of(run(VALUES, text, '1.20', '1.19'), id)).toEqual([
      expect.objectContaining({ file: VALUES, line: lineOf(text, 'readinessPeriodSeconds'), severity: 'warning' }),
    ])
  })
  it('says nothing when the istiod values set global.proxy.statusPort 0 (no probes are injected at all)', () => {
    const trip = 'global:\n  proxy:\n    readinessPeriodSeconds: 5\n'
    expect(probe(runWithRepository(VALUES, trip, '1.20', '1.19'))).toEqual([
      expect.objectContaining({ file: VALUES, line: lineOf(trip, 'readinessPeriodSeconds'), severity: 'warning' }),
    ])
    const text = 'global:\n  proxy:\n    statusPort: 0\n    readinessPeriodSeconds: 5\n'
    expect(probe(runWithRepository(VALUES, text, '1.20', '1.19'))).toEqual([])
    const off = 'global:\n  proxy:\n    statusPort: 0\n    startupProbe:\n      enabled: false\n'
    expect(probe(runWithRepository(VALUES, off, '1.20', '1.19'))).toEqual([])
  })
})

describe('audit 20 r20h: istio-1.31-sidecar-egress-host-exclusions needs an entry the exclusion subtracts from', () => {
  const id = 'istio-1.31-sidecar-egress-host-exclusions'
  const FILE = 'mesh/sidecar.yaml'
  const sidecar = (hosts: string[]): string => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: shop
spec:
  egress:
  - hosts:
${hosts.map((h) => `    - "${h}"`).join('\n')}
`
  it('warns on ~/host next to */* before 1.31, saying the other entries keep importing (trip)', () => {
    const text = sidecar(['*/*', '~/foo.example.com'])
    const found = of(run(FILE, text, '1.30', '1.29'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, '- hosts:'), severity: 'warning' })])
    expect(found[0].message).toMatch(/the hosts that the listener's other entries import stay imported/)
    expect(of(run(FILE, text, '1.31', '1.30'), id)).toEqual([])
  })
  it('says nothing when the Sidecar imports nothing but exclusions (nothing is imported on either side)', () => {
    const text = sidecar(['~/foo.example.com'])
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([])
  })
})

describe('audit 20 r20h: istio-1.31-waypoint-canary is quiet when the canary is the primary waypoint itself', () => {
  const id = 'istio-1.31-waypoint-canary'
  const FILE = 'mesh/reviews-svc.yaml'
  const svc = (labels: string): string => `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
  labels:
${labels}
  annotations:
    istio.io/use-waypoint-canary-weight: "20"
spec:
  ports:
  - port: 9080
`
  it('warns before 1.31 on a canary that names another waypoint (trip)', () => {
    const text = svc('    istio.io/use-waypoint: wp-v1\n    istio.io/use-waypoint-canary: wp-v2')
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'use-waypoint-canary:'), severity: 'warning' }),
    ])
  })
  it('says nothing when the canary names the primary waypoint (all traffic goes to it on every release)', () => {
    const text = svc('    istio.io/use-waypoint: wp-v1\n    istio.io/use-waypoint-canary: wp-v1')
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([])
  })
  it('still warns when the same name lives in another namespace (istio.io/use-waypoint-canary-namespace)', () => {
    const text = svc('    istio.io/use-waypoint: wp-v1\n    istio.io/use-waypoint-canary: wp-v1\n    istio.io/use-waypoint-canary-namespace: canary')
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'use-waypoint-canary:'), severity: 'warning' }),
    ])
    const other = svc('    istio.io/use-waypoint: wp-v1\n    istio.io/use-waypoint-namespace: infra\n    istio.io/use-waypoint-canary: wp-v1')
    expect(of(run(FILE, other, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(other, 'use-waypoint-canary:'), severity: 'warning' }),
    ])
  })
})

describe('audit 20 r20h: istio-1.31-tcproute-v1alpha2 says nothing of a TCPRoute only another controller serves', () => {
  const id = 'istio-1.31-tcproute-v1alpha2'
  const FILE = 'routes/db.yaml'
  const route = (className: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: infra
spec:
  gatewayClassName: ${className}
  listeners:
  - name: pg
    port: 5432
    protocol: TCP
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: db
  namespace: infra
spec:
  parentRefs:
  - name: edge
  rules:
  - backendRefs:
    - name: db
      port: 5432
`
  const found = (text: string) => {
    const file = parseManifestFile(FILE, text)
    const ctx: AnalysisContext = { target: parseRelease('1.31'), from: parseFromRelease('1.30'), files: [file] }
    const all = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
    return (catalogAnalyzer.settle ? catalogAnalyzer.settle(all, ctx) : all).filter((f) => /TCPRoute at gateway\.networking\.k8s\.io\/v1/.test(f.message))
  }
  it('reports the v1alpha2 TCPRoute of an istio Gateway (trip)', () => {
    const text = route('istio')
    expect(found(text)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'v1alpha2'), severity: 'notice' })])
  })
  it('says nothing when its only parent is a Gateway of another controller (Istio never reads the route)', () => {
    expect(found(route('eg'))).toEqual([])
  })
  void id
})

describe('audit 20 r20h: istio-1.31-allow-insecure-fallback skips istio-remote Gateways (istiod programs no proxy for them)', () => {
  const id = 'istio-1.31-allow-insecure-fallback'
  const FILE = 'gateways/mtls.yaml'
  const gw = (className: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: mtls
  namespace: infra
spec:
  gatewayClassName: ${className}
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
  tls:
    frontend:
      default:
        validation:
          mode: AllowInsecureFallback
          caCertificateRefs:
          - kind: ConfigMap
            name: client-ca
`
  it('errs on a class istio Gateway before 1.31 (trip)', () => {
    const text = gw('istio')
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'AllowInsecureFallback'), severity: 'error' })])
  })
  it('says nothing on an istio-remote Gateway', () => {
    expect(of(run(FILE, gw('istio-remote'), '1.30', '1.29'), id)).toEqual([])
  })
})

describe('audit 20 r20h: istio-1.20-custom-network-filters-removed does not claim a rejection for patches limited by proxyVersion', () => {
  const id = 'istio-1.20-custom-network-filters-removed'
  const FILE = 'mesh/sni-filter.yaml'
  const ef = (proxy: string): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: sni
  namespace: istio-system
spec:
  configPatches:
  - applyTo: NETWORK_FILTER
    match:
      context: GATEWAY
${proxy}      listener:
        filterChain:
          filter:
            name: envoy.filters.network.tcp_proxy
    patch:
      operation: INSERT_BEFORE
      value:
        name: forward_downstream_sni
        typed_config:
          "@type": type.googleapis.com/udpa.type.v1.TypedStruct
          type_url: type.googleapis.com/istio.envoy.config.filter.network.forward_downstream_sni.v2alpha1.Config
`
  it('keeps the rejection message for a patch every proxy gets (trip)', () => {
    const text = ef('')
    const found = of(run(FILE, text, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'name: forward_downstream_sni'), severity: 'error' })])
    expect(found[0].message).toMatch(/rejected by Envoy/)
  })
  it('says that proxies the proxyVersion does not match never get the filter', () => {
    const text = ef("      proxy:\n        proxyVersion: '^1\\\\.19.*'\n")
    const found = of(run(FILE, text, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'name: forward_downstream_sni'), severity: 'error' })])
    expect(found[0].message).toMatch(/proxyVersion/)
    expect(found[0].message).not.toMatch(/is rejected by Envoy/)
  })
})
