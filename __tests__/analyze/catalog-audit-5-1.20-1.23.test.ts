// The defects the fifth audit (census of the 1.20–1.23 entries round 4 did not sample) found
// (docs/audit/catalog-audit-5-1.20-1.23.md): each test fails on the entry as it was before the fix and asserts the
// file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const VALUES = 'istio/istiod/values.yaml'

describe('audit 5 1.20–1.23 #2: VERIFY_CERTIFICATE_AT_CLIENT on by default (1.21)', () => {
  const id = 'istio-1.21-verify-certificate-at-client'
  const dr = (name: string, host: string): string => `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: ${name}
spec:
  host: ${host}
  trafficPolicy:
    tls:
      mode: SIMPLE
`
  it('is only a warning for a public upstream, whose certificate the OS CA bundle already trusts', () => {
    const text = dr('googleapis', 'www.googleapis.com')
    const found = of(run('mesh/dr.yaml', text, '1.21', '1.20'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/dr.yaml', line: lineOf(text, 'mode: SIMPLE'), severity: 'warning', rule: 'default-changed' })])
    expect(found[0].message).toMatch(/public upstream keeps working/)
  })

  it('stays an error for an in-cluster upstream, whose certificate comes from a private CA', () => {
    for (const host of ['db.data.svc.cluster.local', 'db.data.svc', 'db', 'ldap.corp.internal']) {
      const text = dr('internal', host)
      const found = of(run('mesh/dr.yaml', text, '1.21', '1.20'), id)
      expect(found).toEqual([expect.objectContaining({ file: 'mesh/dr.yaml', line: lineOf(text, 'mode: SIMPLE'), severity: 'error' })])
    }
  })
})

describe('audit 5 1.20–1.23 #5: ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING (typo in the 1.22 notes)', () => {
  const id = 'istio-1.22-enhanced-resource-scoping-typo'
  // selectors in the same values: without any, scoping changes nothing and the false finding is a notice (audit 34 r34a)
  const values = (v: string): string => `pilot:\n  env:\n    ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "${v}"\nmeshConfig:\n  discoverySelectors:\n  - matchLabels: {istio-discovery: enabled}\n`
  it('is a notice when the typo asks for the 1.22 default (true): nothing changes', () => {
    const text = values('true')
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'ENABLE_AUTO_ENHANCED'), severity: 'notice', rule: 'no-effect' })])
  })

  it('is a warning, not an error, when the typo tries to switch scoping off', () => {
    const text = values('false')
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'ENABLE_AUTO_ENHANCED'), severity: 'warning' })])
    expect(found[0].message).toMatch(/false does not switch enhanced resource scoping off/)
    expect(found[0].fix?.edits[0].replacement).toContain('ENABLE_ENHANCED_RESOURCE_SCOPING')
  })
})

describe('audit 5 1.20–1.23 #6: targetRefs on an EnvoyFilter (1.22)', () => {
  const id = 'istio-1.22-policy-target-refs'
  const text = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: ef
spec:
  targetRefs:
  - kind: Gateway
    group: gateway.networking.k8s.io
    name: gw
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: ADD
      value: {name: x}
`
  it('does not tell an EnvoyFilter to use a single targetRef it never had', () => {
    const found = of(run('mesh/ef.yaml', text, '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, 'targetRefs:'), severity: 'error' })])
    expect(found[0].message).not.toMatch(/use the single targetRef/)
    expect(found[0].message).toMatch(/workloadSelector/)
  })
})

describe('audit 5 1.20–1.23 #9: Stackdriver provider removed (1.23)', () => {
  const id = 'istio-1.23-stackdriver-provider-removed'
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    extensionProviders:
    - name: stackdriver
      stackdriver: {}
`
  it('is a warning: only telemetry stops, traffic is unaffected', () => {
    const found = of(run('istio/mesh.yaml', text, '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'istio/mesh.yaml', line: lineOf(text, 'stackdriver: {}'), severity: 'warning', rule: 'removed-feature' })])
  })
})

describe('audit 5 1.20–1.23 #11: sidecar startup probe (1.20)', () => {
  const id = 'istio-1.20-sidecar-startup-probe'
  it('stays quiet on the documented opt-out (startup probe off, old readiness values)', () => {
    const text = `global:
  proxy:
    readinessInitialDelaySeconds: 1
    readinessPeriodSeconds: 2
    readinessFailureThreshold: 30
    startupProbe:
      enabled: false
`
    expect(of(run(VALUES, text, '1.20', '1.19'), id)).toEqual([])
  })

  it('stays quiet on values equal to the new defaults', () => {
    const text = `global:
  proxy:
    readinessInitialDelaySeconds: 0
    readinessPeriodSeconds: 15
    readinessFailureThreshold: 4
    startupProbe:
      enabled: true
      failureThreshold: 600
`
    expect(of(run(VALUES, text, '1.20', '1.19'), id)).toEqual([])
  })

  it('reports a startup probe switched off while readiness keeps the new 15s cadence', () => {
    const text = `global:
  proxy:
    startupProbe:
      enabled: false
`
    const found = of(run(VALUES, text, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'enabled: false'), severity: 'warning', rule: 'default-changed' })])
    expect(found[0].message).toMatch(/readinessPeriodSeconds 2/)
  })

  it('reports a readiness value that differs from the new defaults, on its line', () => {
    const text = `global:
  proxy:
    readinessPeriodSeconds: 5
`
    const found = of(run(VALUES, text, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'readinessPeriodSeconds'), severity: 'warning' })])
  })

  it('reads the pod annotations the same way', () => {
    const pod = (period: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
        readiness.status.sidecar.istio.io/periodSeconds: "${period}"
    spec:
      containers: [{name: web, image: web}]
`
    expect(of(run('app/web.yaml', pod('15'), '1.20', '1.19'), id)).toEqual([])
    const text = pod('2')
    expect(of(run('app/web.yaml', text, '1.20', '1.19'), id)).toEqual([expect.objectContaining({ file: 'app/web.yaml', line: lineOf(text, 'periodSeconds'), severity: 'warning' })])
  })
})

describe('audit 5 1.20–1.23 #12: Envoy filter ordering (1.20)', () => {
  const id = 'istio-1.20-envoy-filter-order'
  const text = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: ratelimit
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    match:
      context: SIDECAR_INBOUND
      listener:
        filterChain:
          filter:
            name: envoy.filters.network.http_connection_manager
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.http.local_ratelimit
  - applyTo: NETWORK_FILTER
    match:
      context: GATEWAY
      listener:
        filterChain:
          filter:
            name: istio.stats
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.network.rbac
`
  it('reports only the network filter patch: the HTTP filter order did not change', () => {
    const found = of(run('mesh/ef.yaml', text, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, 'applyTo: NETWORK_FILTER'), severity: 'warning', rule: 'behaviour-changed' })])
  })

  it('stays quiet on an HTTP filter inserted on inbound listeners', () => {
    const httpOnly = text.slice(0, text.indexOf('  - applyTo: NETWORK_FILTER'))
    expect(of(run('mesh/ef.yaml', httpOnly, '1.20', '1.19'), id)).toEqual([])
  })
})

describe('audit 5 1.20–1.23 #14: PILOT_ENABLE_INBOUND_PASSTHROUGH removed in 1.22, not 1.21', () => {
  const values = (v: string): string => `pilot:\n  env:\n    PILOT_ENABLE_INBOUND_PASSTHROUGH: "${v}"\n`
  it('stays quiet on 1.21, whose charts still read the variable', () => {
    for (const v of ['false', 'true']) expect(run(VALUES, values(v), '1.21').filter((f) => /inbound-passthrough/.test(f.entryId))).toEqual([])
  })

  it('warns on 1.22 when false asked for the localhost binding', () => {
    const text = values('false')
    const found = of(run(VALUES, text, '1.22'), 'istio-1.22-inbound-passthrough-flag-removed')
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'PILOT_ENABLE_INBOUND_PASSTHROUGH'), severity: 'warning', rule: 'removed-feature' })])
    expect(found[0].message).toMatch(/inboundTrafficPolicy\.mode: LOCALHOST/)
  })

  it('is only a notice when it repeated the default (true)', () => {
    const text = values('true')
    const found = of(run(VALUES, text, '1.22'), 'istio-1.22-inbound-passthrough-flag-removed')
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'PILOT_ENABLE_INBOUND_PASSTHROUGH'), severity: 'notice' })])
  })
})

describe('audit 5 1.20–1.23 #38: includeHeadersInCheck next to includeRequestHeadersInCheck', () => {
  const id = 'istio-1.22-ext-authz-include-headers-deprecated'
  const provider = (extra: string): string => `meshConfig:
  extensionProviders:
  - name: authz
    envoyExtAuthzHttp:
      service: authz.auth.svc.cluster.local
      port: 8000
      includeHeadersInCheck: ["x-a"]
${extra}`
  it('offers no rename that would write a duplicate key', () => {
    const text = provider('      includeRequestHeadersInCheck: ["x-b"]\n')
    const found = of(run(VALUES, text, '1.22'), id)
    // Since audit 8 (m8c) the both-keys case is judged per provider, so it is reported on the provider's
    // envoyExtAuthzHttp block that holds both keys.
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'envoyExtAuthzHttp'), severity: 'notice', rule: 'deprecated' })])
    expect(found[0].fix).toBeUndefined()
  })

  it('still offers the rename when the new key is absent', () => {
    const text = provider('')
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'includeHeadersInCheck') })])
    expect(found[0].fix?.edits[0].replacement).toContain('includeRequestHeadersInCheck: ["x-a"]')
  })
})
