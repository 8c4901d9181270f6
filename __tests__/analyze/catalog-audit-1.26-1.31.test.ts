// The defects the audit of the 1.26–1.31 catalog entries (docs/audit/catalog-audit-1.26-1.31.md) found: each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { CATALOG, validateCatalog } from '../../src/knowledge/catalog.js'
import { run, of } from '../support/catalog-run.js'
import { analyzeAdded } from '../support/snapshot.js'

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
      // a notice since audit 12 (r12d): native nftables is a mesh-wide value set elsewhere, so the finding is conditional
      expect(of(run('app.yaml', deploy, target), id)).toEqual([expect.objectContaining({ file: 'app.yaml', line, severity: 'notice', rule: 'not-yet-available' })])
    }
    expect(of(run('app.yaml', deploy, '1.27.4'), id)).toEqual([])
  })

  it('validates introduced: only on added, behaviour-changed and default-changed entries, and before since', () => {
    const broken = CATALOG.map((r) => r.release !== '1.27' ? r : {
      ...r,
      entries: r.entries.map((e) => e.id === id ? { ...e, introduced: '1.28' } : e.id === 'istio-1.27-plugged-ca-crl' ? { ...e, change: 'removed' as const, introduced: '1.26' } : e)
    })
    expect(validateCatalog(broken)).toEqual(expect.arrayContaining([
      expect.stringContaining(`${id}: introduced must name an earlier release than since`),
      expect.stringContaining('istio-1.27-plugged-ca-crl: introduced only applies to added, behaviour-changed and default-changed entries')
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
    match:
      listener:
        listenerFilter: envoy.filters.listener.tls_inspector
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
  // A cross-object check since audit 11 (m11c): the pairing runs over the whole analysis.
  const notices = async (text: string, target: string) => {
    const files = [{ path: 'gw.yaml', text }]
    const result = await analyzeAdded(files, target)
    return result.findings.filter((f) => f.message.includes('got no routes') || f.message.includes('bind address'))
  }
  it('is quiet when the HTTP server with a bind address listens on another port', async () => {
    expect(await notices(gateway(80), '1.28.0')).toEqual([])
  })

  it('reports the server that reuses the port number, on its number line', async () => {
    expect(id).toBe('istio-1.27.4-https-http-same-port-bind')
    const text = gateway(443)
    const found = await notices(text, '1.28.0')
    expect(found).toEqual([expect.objectContaining({ file: 'gw.yaml', line: lineOf(text, 'number: 443', 2), severity: 'notice' })])
    expect(found[0].message).toContain('port 443')
    expect(await notices(text, '1.28.1')).toEqual([])
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
    // Audit 5 split the entry: a ~ before a namespace is rejected (error), ~/<host> is accepted but excludes nothing
    // (warning, istio-1.31-sidecar-egress-host-exclusions).
    for (const [host, entry, severity] of [['~istio-system/*', id, 'error'], ['~/foo.example.com', 'istio-1.31-sidecar-egress-host-exclusions', 'warning']]) {
      const text = sidecar(host)
      // Round 24: the ~/<host> warning sits on its egress listener (an exclusion needs an import in the same listener).
      const line = entry === id ? lineOf(text, host) : lineOf(text, '- hosts:')
      expect(of(run('sidecar.yaml', text, '1.30'), entry)).toEqual([
        expect.objectContaining({ file: 'sidecar.yaml', line, severity, rule: 'not-yet-available' })
      ])
      expect(of(run('sidecar.yaml', text, '1.31'), entry)).toEqual([])
    }
  })
})

// The gaps of the audit ("Manifest-detectable changes that nothing reports", G1–G5): each is reported on its line
// on the side of the boundary where the defect is, and not on the other side.

describe('audit 1.26–1.31 G1: ReferenceGrant spec.to entries of the same kind (only the last counted before 1.30)', () => {
  const id = 'istio-1.30-referencegrant-to-same-kind'
  const grant = (secondKind: string) => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: allow-gateway-secrets
  namespace: certs
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: Gateway
    namespace: istio-ingress
  to:
  - group: ""
    kind: Secret
    name: first-cert
  - group: ""
    kind: ${secondKind}
    name: second
`
  it('reports the second Secret entry on its kind line on 1.26 – 1.29 (no 1.28.x or 1.29.x backport)', () => {
    const text = grant('Secret')
    const line = lineOf(text, 'kind: Secret', 2)
    for (const target of ['1.26', '1.28.10', '1.29', '1.29.8']) {
      const found = of(run('grant.yaml', text, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'grant.yaml', line, severity: 'error', rule: 'not-yet-available' })])
      expect(found[0].message).toContain('earlier Secret entry')
    }
  })

  it('is quiet from 1.30, before the krt controller of 1.26 (its grants added up), and for entries of different kinds', () => {
    const text = grant('Secret')
    for (const target of ['1.30', '1.30.0', '1.31', '1.25', '1.22']) expect(of(run('grant.yaml', text, target), id)).toEqual([])
    expect(of(run('grant.yaml', grant('Service'), '1.29'), id)).toEqual([])
  })
})

describe('audit 1.26–1.31 G2: ambient.istio.io/bypass-inbound-capture broke inbound HBONE before 1.29', () => {
  const id = 'istio-1.29-bypass-inbound-capture-hbone'
  const deploy = (value: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress
spec:
  template:
    metadata:
      labels:
        istio.io/dataplane-mode: ambient
      annotations:
        ambient.istio.io/bypass-inbound-capture: "${value}"
    spec:
      containers:
      - name: app
        image: app
`
  it('reports the annotation line on 1.24 – 1.28 (no 1.28.x backport)', () => {
    const text = deploy('true')
    for (const target of ['1.24', '1.26', '1.28', '1.28.10']) {
      expect(of(run('ingress.yaml', text, target), id)).toEqual([
        expect.objectContaining({ file: 'ingress.yaml', line: lineOf(text, 'bypass-inbound-capture'), severity: 'error', rule: 'not-yet-available' })
      ])
    }
  })

  it('is quiet from 1.29, before 1.24 (the annotation did not exist; another entry says so) and when it is false', () => {
    for (const target of ['1.29', '1.29.0', '1.31', '1.23']) expect(of(run('ingress.yaml', deploy('true'), target), id)).toEqual([])
    expect(of(run('ingress.yaml', deploy('false'), '1.28'), id)).toEqual([])
  })
})

describe('audit 1.26–1.31 G3: gateway chart replicaCount 0 rendered without replicas before 1.26', () => {
  const id = 'istio-1.26-gateway-replica-count-zero'
  const release = (values: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-ingress
  namespace: istio-ingress
spec:
  chart:
    spec:
      chart: gateway
      version: 1.25.5
  values:
${values.replace(/^/gm, '    ')}
`
  it('reports replicaCount: 0 with autoscaling off on 1.25.5 and older (1.25.5 is the last 1.25 chart)', () => {
    const text = release('replicaCount: 0\nautoscaling:\n  enabled: false\n')
    for (const target of ['1.20', '1.25', '1.25.5']) {
      expect(of(run('gw.yaml', text, target), id)).toEqual([expect.objectContaining({ file: 'gw.yaml', line: lineOf(text, 'replicaCount'), severity: 'warning' })])
    }
  })

  it('is quiet from 1.26.0, with autoscaling on (the chart default; replicas is left to the HPA) and for other counts', () => {
    expect(of(run('gw.yaml', release('replicaCount: 0\nautoscaling:\n  enabled: false\n'), '1.26.0'), id)).toEqual([])
    expect(of(run('gw.yaml', release('replicaCount: 0\n'), '1.25'), id)).toEqual([])
    expect(of(run('gw.yaml', release('replicaCount: 2\nautoscaling:\n  enabled: false\n'), '1.25'), id)).toEqual([])
  })
})

describe('audit 1.26–1.31 G4: istioctl ignored tag on IstioOperator gateway components before 1.26', () => {
  const id = 'istio-1.26-iop-gateway-component-tag'
  const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  tag: 1.25.2
  components:
    ingressGateways:
    - name: istio-ingressgateway
      enabled: true
      tag: 1.25.2-distroless
    egressGateways:
    - name: istio-egressgateway
      enabled: true
      hub: example.com/istio
`
  it('reports the ingress gateway tag line before 1.26, naming the value', () => {
    const found = of(run('iop.yaml', iop, '1.25'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(iop, 'tag: 1.25.2-distroless'), severity: 'warning', rule: 'not-yet-available' })])
    expect(found[0].message).toContain('1.25.2-distroless')
  })

  it('is quiet from 1.26 and on the install-wide spec.tag', () => {
    expect(of(run('iop.yaml', iop, '1.26'), id)).toEqual([])
    const plain = iop.replace('      tag: 1.25.2-distroless\n', '')
    expect(of(run('iop.yaml', plain, '1.25'), id)).toEqual([])
  })
})

// Second audit (docs/audit/catalog-audit-2-1.26-1.31.md): 25 entries neither earlier audit had sampled.
describe('audit 2 (1.26–1.31) #18: BackendTLSPolicy v1alpha3 keeps working with the Gateway API 1.4 experimental CRDs', () => {
  const id = 'istio-1.28-backend-tls-policy-v1alpha3-removed'
  const policy = `apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata:
  name: btp
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: svc
  validation:
    hostname: svc.example.com
    wellKnownCACertificates: System
`
  it('is a notice that names both channels, not an error that says the policy stops applying', () => {
    for (const target of ['1.28', '1.30']) {
      const found = of(run('btp.yaml', policy, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'btp.yaml', line: lineOf(policy, 'apiVersion'), severity: 'notice', rule: 'removed-feature' })])
      expect(found[0].message).toContain('experimental channel still does')
      expect(found[0].message).not.toContain('stop applying')
    }
  })

  it('is quiet before 1.28 and on the v1 policy', () => {
    expect(of(run('btp.yaml', policy, '1.27'), id)).toEqual([])
    expect(of(run('btp.yaml', policy.replace('v1alpha3', 'v1'), '1.28'), id)).toEqual([])
  })
})

describe('audit 2 (1.26–1.31) #24: ENABLE_XDS_API_GENERATOR_AUTH set to false is not told that clients are rejected', () => {
  const id = 'istio-1.30.4-xds-api-generator-auth'
  const iop = (value: string) => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: cp
spec:
  values:
    pilot:
      env:
        ENABLE_XDS_API_GENERATOR_AUTH: "${value}"
`
  it('reports a notice on true, whose message holds; false (the opt-out, nothing changes) is quiet since round 8', () => {
    expect(of(run('iop.yaml', iop('false'), '1.30.4', '1.30.3'), id)).toEqual([])
    for (const value of ['true']) {
      const text = iop(value)
      const found = of(run('iop.yaml', text, '1.30.4', '1.30.3'), id)
      expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, 'ENABLE_XDS_API_GENERATOR_AUTH'), severity: 'notice', rule: 'default-changed' })])
      expect(found[0].message).not.toMatch(/are rejected;/)
      expect(found[0].message).toContain('only the value false keeps the old open access')
    }
  })

  it('is quiet without an upgrade across 1.30.4', () => {
    expect(of(run('iop.yaml', iop('true'), '1.30.3', '1.30.2'), id)).toEqual([])
    expect(of(run('iop.yaml', iop('true'), '1.30.5', '1.30.4'), id)).toEqual([])
  })
})
