// The defects the seventh audit (census of the 1.20–1.22 entries in /work/helpers/census7-c7a.txt) found
// (docs/audit/catalog-audit-7-c7a.md): each test fails on the entry as it was before the fix and asserts the file and
// line of what must (or must not) be reported; where a matcher was narrowed, a trip test keeps the still-wrong YAML.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const VALUES = 'istio/istiod/values.yaml'
const FALSE_OR_TRUE = ['false', 'true'] as const

const envoyFilter = (patch: string): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: sni
  namespace: istio-system
spec:
  configPatches:
${patch}`

describe('audit 7 c7a #1: custom network filters removed (1.20) only where a patch adds one', () => {
  const id = 'istio-1.20-custom-network-filters-removed'
  it('stays quiet on a REMOVE patch that only names the filter in its match (nothing is added, nothing is rejected)', () => {
    const text = envoyFilter(`  - applyTo: NETWORK_FILTER
    match:
      context: GATEWAY
      listener:
        filterChain:
          filter:
            name: forward_downstream_sni
    patch:
      operation: REMOVE
`)
    expect(of(run('mesh/ef.yaml', text, '1.20'), id)).toEqual([])
  })
  it('still errs on the filter a patch inserts, on its name line', () => {
    const text = envoyFilter(`  - applyTo: NETWORK_FILTER
    match:
      context: GATEWAY
      listener:
        filterChain:
          filter:
            name: envoy.filters.network.tcp_proxy
    patch:
      operation: INSERT_BEFORE
      value:
        name: forward_downstream_sni
`)
    expect(of(run('mesh/ef.yaml', text, '1.20'), id)).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, 'name: forward_downstream_sni'), severity: 'error' })])
  })
  it('errs on a filter inside an added filter chain', () => {
    const text = envoyFilter(`  - applyTo: FILTER_CHAIN
    match:
      context: GATEWAY
    patch:
      operation: ADD
      value:
        filters:
        - name: envoy.filters.network.sni_verifier
`)
    expect(of(run('mesh/ef.yaml', text, '1.20'), id)).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, 'sni_verifier'), severity: 'error' })])
  })
})

describe('audit 7 c7a #2, #6, #7, #10, #11, #13: env switches of a default flip report only the opt-out value', () => {
  const cases: [string, string, string, string][] = [
    ['istio-1.21-verify-certificate-at-client', 'VERIFY_CERTIFICATE_AT_CLIENT', '1.21', '1.20'],
    ['istio-1.21-externalname-alias', 'ENABLE_EXTERNAL_NAME_ALIAS', '1.22', '1.20'], // 1.22: on 1.21 the opt-out gets the 1.21.0 regression warning (audit 14 r14a)
    ['istio-1.21-auto-sni', 'ENABLE_AUTO_SNI', '1.21', '1.20'],
    ['istio-1.22-enhanced-resource-scoping', 'ENABLE_ENHANCED_RESOURCE_SCOPING', '1.22', '1.21'],
    ['istio-1.22-serviceentry-none-target-port', 'ENABLE_RESOLUTION_NONE_TARGET_PORT', '1.22', '1.21']
  ]
  for (const [id, name, target, from] of cases) {
    it(`${name}: "true" is the new default and changes nothing; "false" keeps the old behaviour (a notice)`, () => {
      const on = `pilot:\n  env:\n    ${name}: "true"\n`
      expect(of(run(VALUES, on, target, from), id)).toEqual([])
      const off = `pilot:\n  env:\n    ${name}: "false"\n`
      const found = of(run(VALUES, off, target, from), id)
      expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(off, name), severity: 'notice', rule: 'default-changed' })])
      expect(found[0].message).toContain(`${name} false keeps`)
    })
  }
  it('ISTIO_DELTA_XDS: "true" (the 1.22 default) is quiet, "false" is a notice that it keeps state-of-the-world xDS', () => {
    const id = 'istio-1.22-delta-xds'
    const text = (v: string): string => `meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      ISTIO_DELTA_XDS: "${v}"\n`
    expect(of(run(VALUES, text('true'), '1.22', '1.21'), id)).toEqual([])
    const found = of(run(VALUES, text('false'), '1.22', '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text('false'), 'ISTIO_DELTA_XDS'), severity: 'notice' })])
    expect(found[0].message).toMatch(/state-of-the-world/)
  })
})

describe('audit 7 c7a #3: VERIFY_CERT_AT_CLIENT typo (1.21) is a silently ignored variable, not a failure', () => {
  const id = 'istio-1.21-verify-cert-at-client-typo'
  for (const v of FALSE_OR_TRUE) {
    it(`"${v}": ${v === 'false' ? 'warning (verification stays on from 1.21)' : 'notice (verification is on by default anyway)'}, with the rename`, () => {
      const text = `pilot:\n  env:\n    VERIFY_CERT_AT_CLIENT: "${v}"\n`
      const found = of(run(VALUES, text, '1.22'), id)
      expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'VERIFY_CERT_AT_CLIENT'), severity: v === 'false' ? 'warning' : 'notice', rule: 'no-effect' })])
      expect(found[0].fix?.edits).toEqual([expect.objectContaining({ replacement: `    VERIFY_CERTIFICATE_AT_CLIENT: "${v}"` })])
    })
  }
})

describe('audit 7 c7a #4: waypoint service-account binding (1.22) only on waypoints', () => {
  const id = 'istio-1.22-waypoint-service-account-binding-removed'
  const gateway = (cls: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: reviews
  annotations:
    istio.io/for-service-account: reviews
spec:
  gatewayClassName: ${cls}
  listeners:
  - name: mesh
    port: 15008
    protocol: HBONE
`
  it('stays quiet on an ingress Gateway, which never read the annotation', () => {
    expect(of(run('gw/ingress.yaml', gateway('istio'), '1.22'), id)).toEqual([])
  })
  it('still errs on an istio-waypoint Gateway', () => {
    const text = gateway('istio-waypoint')
    expect(of(run('gw/waypoint.yaml', text, '1.22'), id)).toEqual([expect.objectContaining({ file: 'gw/waypoint.yaml', line: lineOf(text, 'istio.io/for-service-account'), severity: 'error' })])
  })
})

describe('audit 7 c7a #5: Envoy filter ordering (1.20) not for a filter anchored on the terminal filter', () => {
  const id = 'istio-1.20-envoy-filter-order'
  const patch = (anchor: string): string => envoyFilter(`  - applyTo: NETWORK_FILTER
    match:
      context: SIDECAR_INBOUND
      listener:
        filterChain:
          filter:
            name: ${anchor}
    patch:
      operation: INSERT_BEFORE
      value:
        name: my.filter
`)
  it('stays quiet before tcp_proxy, which stays last whatever order Istio gives its own filters', () => {
    expect(of(run('mesh/ef.yaml', patch('envoy.filters.network.tcp_proxy'), '1.20', '1.19'), id)).toEqual([])
  })
  it('still warns next to an Istio filter whose place moved (metadata exchange on inbound)', () => {
    const text = patch('istio.metadata_exchange')
    expect(of(run('mesh/ef.yaml', text, '1.20', '1.19'), id)).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, '- applyTo: NETWORK_FILTER'), severity: 'warning' })])
  })
})

describe('audit 7 c7a #9: default zipkin tracing removed (1.22) not when the chart names a tracer or keeps 1.21 behaviour', () => {
  const id = 'istio-1.22-default-zipkin-tracing-removed'
  it('stays quiet with global.proxy.tracer set next to meshConfig (the 1.22 chart still renders that tracer)', () => {
    const text = 'global:\n  proxy:\n    tracer: zipkin\nmeshConfig:\n  enableTracing: true\n'
    expect(of(run(VALUES, text, '1.22', '1.21'), id)).toEqual([])
  })
  it('stays quiet with compatibilityVersion 1.21 in an IstioOperator', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  compatibilityVersion: "1.21"\n  meshConfig:\n    enableTracing: true\n'
    expect(of(run('istio/iop.yaml', text, '1.22', '1.21'), id)).toEqual([])
  })
  it('still warns when tracing relies on the removed default', () => {
    const text = 'meshConfig:\n  enableTracing: true\n'
    expect(of(run(VALUES, text, '1.22', '1.21'), id)).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'enableTracing'), severity: 'warning' })])
  })
})

describe('audit 7 c7a #11: ServiceEntry resolution NONE targetPort (1.22) not when it equals the port', () => {
  const id = 'istio-1.22-serviceentry-none-target-port'
  const se = (target: number): string => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ext
spec:
  hosts: [ext.example.com]
  resolution: NONE
  ports:
  - number: 8080
    name: http
    protocol: HTTP
    targetPort: ${target}
`
  it('stays quiet on targetPort equal to the port number: traffic goes to the same port either way', () => {
    expect(of(run('mesh/se.yaml', se(8080), '1.22', '1.21'), id)).toEqual([])
  })
  it('still warns on a different targetPort', () => {
    const text = se(9090)
    expect(of(run('mesh/se.yaml', text, '1.22', '1.21'), id)).toEqual([expect.objectContaining({ file: 'mesh/se.yaml', line: lineOf(text, 'targetPort'), severity: 'warning' })])
  })
})

describe('audit 7 c7a #12: PILOT_ENABLE_INBOUND_PASSTHROUGH removed (1.22) not when its replacement is set alongside', () => {
  const id = 'istio-1.22-inbound-passthrough-flag-removed'
  it('stays quiet with meshConfig.inboundTrafficPolicy.mode in the same values', () => {
    const text = 'pilot:\n  env:\n    PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"\nmeshConfig:\n  inboundTrafficPolicy:\n    mode: LOCALHOST\n'
    expect(of(run(VALUES, text, '1.22', '1.21'), id)).toEqual([])
  })
  it('stays quiet with spec.meshConfig.inboundTrafficPolicy.mode in an IstioOperator', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  meshConfig:\n    inboundTrafficPolicy:\n      mode: LOCALHOST\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"\n'
    expect(of(run('istio/iop.yaml', text, '1.22', '1.21'), id)).toEqual([])
  })
  it('still warns on false without the replacement', () => {
    const text = 'pilot:\n  env:\n    PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"\n'
    expect(of(run(VALUES, text, '1.22', '1.21'), id)).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'PILOT_ENABLE_INBOUND_PASSTHROUGH'), severity: 'warning' })])
  })
})

describe('audit 7 c7a #8 (nit): BOOTSTRAP EnvoyFilter patches (1.21) are described as never applied, not as no longer applied', () => {
  it('says the patch is never applied from 1.21 and names the removed switch', () => {
    const text = envoyFilter(`  - applyTo: BOOTSTRAP
    patch:
      operation: MERGE
      value:
        stats_flush_interval: 10s
`)
    const found = of(run('mesh/ef.yaml', text, '1.21'), 'istio-1.21-bootstrap-xds-agent-removed')
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, 'applyTo: BOOTSTRAP'), severity: 'notice' })])
    // Audit 9 c9a: a notice, since without BOOTSTRAP_XDS_AGENT=true such a patch was never applied before 1.21 either.
    expect(found[0].message).toMatch(/from 1\.21 it is never applied/)
  })
})

describe('audit 7 c7a #21: enhanced resource scoping (1.22) not when the same values pin the switch or the 1.21 behaviour', () => {
  const id = 'istio-1.22-enhanced-resource-scoping'
  const selectors = 'meshConfig:\n  discoverySelectors:\n  - matchLabels:\n      istio-discovery: enabled\n'
  for (const v of ['false', 'true']) {
    it(`stays quiet with pilot.env ENABLE_ENHANCED_RESOURCE_SCOPING "${v}" next to it (${v === 'false' ? 'the old behaviour is kept' : 'the scoping was already on'})`, () => {
      const text = `pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: "${v}"\n${selectors}`
      expect(of(run(VALUES, text, '1.22', '1.21'), id).filter((f) => f.line === lineOf(text, 'discoverySelectors'))).toEqual([])
    })
  }
  it('stays quiet in an IstioOperator that sets the switch in components.pilot.k8s.env', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  components:\n    pilot:\n      k8s:\n        env:\n        - name: ENABLE_ENHANCED_RESOURCE_SCOPING\n          value: "false"\n  meshConfig:\n    discoverySelectors:\n    - matchLabels:\n        istio-discovery: enabled\n'
    expect(of(run('istio/iop.yaml', text, '1.22', '1.21'), id).filter((f) => f.line === lineOf(text, 'discoverySelectors'))).toEqual([])
  })
  it('still warns on discoverySelectors alone', () => {
    expect(of(run(VALUES, selectors, '1.22', '1.21'), id)).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(selectors, 'discoverySelectors'), severity: 'warning' })])
  })
})
