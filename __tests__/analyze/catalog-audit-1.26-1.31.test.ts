// The defects the audit of the 1.26–1.31 catalog entries (docs/audit/catalog-audit-1.26-1.31.md) found: each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { CATALOG, validateCatalog } from '../../src/knowledge/catalog.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

function run(path: string, text: string, target: string, from?: string): { entryId: string; finding: Finding }[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: [file] }
  return file.documents.flatMap((d) => catalogFindings(d, ctx))
}

const of = (found: { entryId: string; finding: Finding }[], id: string): Finding[] => found.filter((f) => f.entryId === id).map((f) => f.finding)

function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0
  const i = text.split('\n').findIndex((l) => l.includes(needle) && ++seen === nth)
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

describe('audit 1.26–1.31 #15: nftables + TPROXY + empty includeInboundPorts needs native nftables (1.27+)', () => {
  const id = 'istio-1.27.4-nftables-tproxy-empty-inbound-ports'
  const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/interceptionMode: TPROXY
        traffic.sidecar.istio.io/includeInboundPorts: ""
    spec:
      containers:
      - name: app
        image: app
`
  it('is quiet on targets older than 1.27, which have no native nftables and so cannot hit the bug', () => {
    expect(of(run('app.yaml', deploy, '1.26'), id)).toEqual([])
    expect(of(run('app.yaml', deploy, '1.24'), id)).toEqual([])
  })

  it('still reports 1.27.0–1.27.3 and 1.28.0 on the annotation line', () => {
    const line = lineOf(deploy, 'includeInboundPorts')
    for (const target of ['1.27.3', '1.28.0']) {
      expect(of(run('app.yaml', deploy, target), id)).toEqual([expect.objectContaining({ file: 'app.yaml', line, severity: 'warning', rule: 'not-yet-available' })])
    }
    expect(of(run('app.yaml', deploy, '1.27.4'), id)).toEqual([])
  })

  it('validates introduced: only on added entries and before since', () => {
    const broken = CATALOG.map((r) => r.release !== '1.27' ? r : {
      ...r,
      entries: r.entries.map((e) => e.id === id ? { ...e, introduced: '1.28' } : e.id === 'istio-1.27-plugged-ca-crl' ? { ...e, change: 'removed' as const, introduced: '1.26' } : e)
    })
    expect(validateCatalog(broken)).toEqual(expect.arrayContaining([
      expect.stringContaining(`${id}: introduced must name an earlier release than since`),
      expect.stringContaining('istio-1.27-plugged-ca-crl: introduced only applies to added entries')
    ]))
  })
})

describe('audit 1.26–1.31 #14: EnvoyFilter MERGE on LISTENER_FILTER is judged per patch', () => {
  const id = 'istio-1.27-envoyfilter-listener-filter-merge'
  it('does not report a MERGE patch on another applyTo because some other patch targets LISTENER_FILTER', () => {
    const ef = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: ef
spec:
  configPatches:
  - applyTo: LISTENER_FILTER
    patch:
      operation: INSERT_FIRST
      value:
        name: envoy.filters.listener.tls_inspector
  - applyTo: HTTP_FILTER
    patch:
      operation: MERGE
      value:
        name: envoy.filters.http.router
`
    expect(of(run('ef.yaml', ef, '1.26'), id)).toEqual([])
  })

  it('reports the LISTENER_FILTER MERGE patch on its own line', () => {
    const ef = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: ef
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: INSERT_BEFORE
      value:
        name: x
  - applyTo: LISTENER_FILTER
    patch:
      operation: MERGE
      value:
        name: envoy.filters.listener.tls_inspector
`
    expect(of(run('ef.yaml', ef, '1.26'), id)).toEqual([
      expect.objectContaining({ file: 'ef.yaml', line: lineOf(ef, 'applyTo: LISTENER_FILTER'), severity: 'warning' })
    ])
    expect(of(run('ef.yaml', ef, '1.27'), id)).toEqual([])
  })
})

describe('audit 1.26–1.31 #17: HTTPS and HTTP servers with another bind must share a port', () => {
  const id = 'istio-1.27.4-https-http-same-port-bind'
  const gateway = (httpPort: number) => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts: ["*"]
    tls:
      mode: SIMPLE
      credentialName: cert
  - port:
      number: ${httpPort}
      name: http
      protocol: HTTP
    bind: 10.0.0.1
    hosts: ["*"]
`
  it('is quiet when the HTTP server with a bind address listens on another port', () => {
    expect(of(run('gw.yaml', gateway(80), '1.28.0'), id)).toEqual([])
  })

  it('reports the server that reuses the port number, on its number line', () => {
    const text = gateway(443)
    const found = of(run('gw.yaml', text, '1.28.0'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'gw.yaml', line: lineOf(text, 'number: 443', 2), severity: 'notice' })])
    expect(found[0].message).toContain('port 443')
    expect(of(run('gw.yaml', text, '1.28.1'), id)).toEqual([])
  })
})

describe('audit 1.26–1.31 #21: only maxConcurrentStreams depended on the HTTP/2 upgrade', () => {
  const id = 'istio-1.28-h2-upgrade-pool-settings'
  const dr = (setting: string) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: dr
spec:
  host: reviews
  trafficPolicy:
    connectionPool:
      http:
        h2UpgradePolicy: UPGRADE
        ${setting}
`
  it('does not report http2MaxRequests, a circuit-breaker threshold istiod always set', () => {
    expect(of(run('dr.yaml', dr('http2MaxRequests: 100'), '1.27'), id)).toEqual([])
  })

  it('reports maxConcurrentStreams on its line', () => {
    const text = dr('maxConcurrentStreams: 10')
    const found = of(run('dr.yaml', text, '1.27'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'dr.yaml', line: lineOf(text, 'maxConcurrentStreams'), severity: 'warning' })])
    expect(found[0].message).toContain('maxConcurrentStreams')
  })
})

describe('audit 1.26–1.31 #24: TLSRoute v1alpha2 keeps working with the Gateway API 1.5 experimental CRDs', () => {
  it('is a notice that names both channels, not an error that says TLS passthrough stops', () => {
    const route = `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata:
  name: r
spec:
  parentRefs:
  - name: gw
  rules:
  - backendRefs:
    - name: svc
      port: 443
`
    const found = of(run('route.yaml', route, '1.30'), 'istio-1.30-tlsroute-v1alpha-removed')
    expect(found).toEqual([expect.objectContaining({ file: 'route.yaml', line: 1, severity: 'notice', rule: 'removed-feature' })])
    expect(found[0].message).toContain('experimental channel still does')
    expect(found[0].message).not.toContain('stop working')
  })
})

describe('audit 1.26–1.31 #40: ~/* in Sidecar egress hosts is the old "no namespace" form', () => {
  const id = 'istio-1.31-sidecar-egress-exclusions'
  const sidecar = (host: string) => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
spec:
  egress:
  - hosts:
    - "./*"
    - "${host}"
`
  it('is quiet on ~/*, which every release accepts (it imports nothing)', () => {
    expect(of(run('sidecar.yaml', sidecar('~/*'), '1.30'), id)).toEqual([])
  })

  it('reports ~<namespace>/* and ~/<host> exclusions on their line before 1.31', () => {
    for (const host of ['~istio-system/*', '~/foo.example.com']) {
      const text = sidecar(host)
      expect(of(run('sidecar.yaml', text, '1.30'), id)).toEqual([
        expect.objectContaining({ file: 'sidecar.yaml', line: lineOf(text, host), severity: 'error', rule: 'not-yet-available' })
      ])
      expect(of(run('sidecar.yaml', text, '1.31'), id)).toEqual([])
    }
  })
})
