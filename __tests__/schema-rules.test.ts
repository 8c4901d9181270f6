// Hand-written cases of each schema rule: the release-note examples, validations that got stricter,
// typos with suggestions, fixes that apply cleanly, and the places that must stay silent.
import { describe, expect, it } from '@jest/globals'
import { SCHEMA_RULES, SCHEMA_RULE_META, nearestName, schemaAnalyzer } from '../src/analyze/schema.js'
import type { Finding } from '../src/model.js'
import { check, checkText, where } from './helpers/schema-cases.js'

const FILE = 'clusters/prod/mesh.yaml'

/** 1-based line of the only line of `text` containing `marker`. */
function lineOf(text: string, marker: string): number {
  const lines = text.split('\n')
  const hits = lines.flatMap((l, i) => (l.includes(marker) ? [i + 1] : []))
  if (hits.length !== 1) throw new Error(`marker ${JSON.stringify(marker)} found ${hits.length} times`)
  return hits[0]
}

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule)
}

/** The text after applying a finding's fix (edits replace whole lines). */
function applyFix(text: string, finding: Finding): string {
  const lines = text.split('\n')
  for (const e of [...(finding.fix?.edits ?? [])].sort((a, b) => b.startLine - a.startLine)) lines.splice(e.startLine - 1, e.endLine - e.startLine + 1, ...e.replacement.split('\n'))
  return lines.join('\n')
}

describe('meta', () => {
  it('declares the five rules, kebab-case, with their severities', () => {
    expect(SCHEMA_RULE_META.map((m) => [m.id, m.defaultSeverity])).toEqual([
      ['api-version-not-served', 'error'],
      ['field-not-in-release', 'error'],
      ['enum-value-not-in-release', 'error'],
      ['stricter-validation', 'error'],
      ['unknown-field', 'warning']
    ])
    expect(schemaAnalyzer.meta).toBe(SCHEMA_RULE_META)
  })
})

describe('api-version-not-served', () => {
  const dr = yaml(
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  host: reviews',
    '  trafficPolicy:',
    '    tls:',
    '      mode: ISTIO_MUTUAL'
  )

  it('flags networking.istio.io/v1 before 1.22 and rewrites it to v1beta1', () => {
    const { findings, file } = checkText('1.21', dr, FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }])
    expect(findings[0].message).toContain('added in 1.22')
    expect(findings[0].fix?.edits).toEqual([{ startLine: 1, endLine: 1, replacement: 'apiVersion: networking.istio.io/v1beta1' }])
    expect(file.lines[0]).toBe('apiVersion: networking.istio.io/v1')
    expect(check('1.21', applyFix(dr, findings[0]), FILE)).toEqual([])
    expect(check('1.22', dr, FILE)).toEqual([])
  })

  it('keeps the quoting of the apiVersion in the fix', () => {
    const quoted = dr.replace('apiVersion: networking.istio.io/v1', 'apiVersion: "networking.istio.io/v1"  # moved to v1')
    const [f] = check('1.20', quoted, FILE)
    expect(f.fix?.edits).toEqual([{ startLine: 1, endLine: 1, replacement: 'apiVersion: "networking.istio.io/v1beta1"  # moved to v1' }])
  })

  it('still checks the fields against the schema the fix moves to', () => {
    const withCaCrl = dr.replace('      mode: ISTIO_MUTUAL', '      mode: ISTIO_MUTUAL\n      caCrl: /etc/crl.pem')
    expect(where(check('1.21', withCaCrl, FILE))).toEqual([
      { rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' },
      { rule: SCHEMA_RULES.fieldNotInRelease, file: FILE, line: lineOf(withCaCrl, 'caCrl'), path: 'spec.trafficPolicy.tls.caCrl' }
    ])
  })

  const tlsRoute = yaml(
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: TLSRoute',
    'metadata:',
    '  name: passthrough',
    'spec:',
    '  parentRefs:',
    '  - name: edge',
    '  hostnames:',
    '  - db.example.com',
    '  rules:',
    '  - backendRefs:',
    '    - name: db',
    '      port: 5432'
  )

  it('flags TLSRoute v1 before the Gateway API that Istio 1.30 pins, without offering an experimental-only version', () => {
    const findings = check('1.29', tlsRoute, FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }])
    expect(findings[0].message).toContain('Gateway API v1.4.1')
    expect(findings[0].message).toContain('added in 1.30 (Gateway API v1.5.1)')
    expect(findings[0].message).toContain('experimental channel')
    expect(findings[0].fix).toBeUndefined()
    expect(check('1.30', tlsRoute, FILE)).toEqual([])
  })

  it('accepts an apiVersion only the experimental channel serves', () => {
    expect(check('1.29', tlsRoute.replace('gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1alpha2'), FILE)).toEqual([])
  })

  const pool = (apiVersion: string) => yaml(
    `apiVersion: ${apiVersion}`,
    'kind: InferencePool',
    'metadata:',
    '  name: llama',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: llama'
  )

  it('flags InferencePool inference.networking.k8s.io/v1 before 1.28, naming the v1alpha2 API of 1.27', () => {
    const findings = check('1.27', pool('inference.networking.k8s.io/v1'), FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }])
    expect(findings[0].message).toContain('inference.networking.x-k8s.io/v1alpha2')
    expect(findings[0].fix).toBeUndefined()
  })

  it('says Istio before 1.27 has no Inference Extension', () => {
    const [f] = check('1.26', pool('inference.networking.k8s.io/v1'), FILE)
    expect(f.message).toContain('does not support the Gateway API Inference Extension')
  })

  it('flags the x-k8s.io v1alpha2 InferencePool after Istio 1.31 dropped it', () => {
    const findings = check('1.31', pool('inference.networking.x-k8s.io/v1alpha2'), FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }])
    expect(findings[0].message).toContain('removed in 1.31')
    expect(findings[0].message).toContain('inference.networking.k8s.io/v1')
  })

  it('flags an apiVersion no release serves and lists the known ones', () => {
    const findings = check('1.28', dr.replace('networking.istio.io/v1', 'networking.istio.io/v2'), FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }])
    expect(findings[0].message).toContain('networking.istio.io/v1beta1')
  })
})

describe('field-not-in-release', () => {
  it('flags DestinationRule trafficPolicy.retryBudget before 1.27 on the key line, spanning its block', () => {
    const text = yaml(
      'apiVersion: networking.istio.io/v1beta1',
      'kind: DestinationRule',
      'metadata:',
      '  name: ratings',
      'spec:',
      '  host: ratings',
      '  trafficPolicy:',
      '    retryBudget:',
      '      percent: 20',
      '      minRetryConcurrency: 3'
    )
    const findings = check('1.26', text, FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.fieldNotInRelease, file: FILE, line: 8, path: 'spec.trafficPolicy.retryBudget' }])
    expect(findings[0]).toMatchObject({ endLine: 10, severity: 'error', resource: { kind: 'DestinationRule', name: 'ratings' } })
    expect(findings[0].message).toContain('added in 1.27')
    expect(findings[0].source).toBe('https://github.com/istio/istio/blob/1.27.9/manifests/charts/base/files/crd-all.gen.yaml')
    expect(check('1.27', text, FILE)).toEqual([])
  })

  it('flags Gateway tls.caCertCredentialName before 1.28', () => {
    const text = yaml(
      'apiVersion: networking.istio.io/v1',
      'kind: Gateway',
      'metadata:',
      '  name: ingress',
      'spec:',
      '  selector:',
      '    istio: ingressgateway',
      '  servers:',
      '  - port: {number: 443, name: https, protocol: HTTPS}',
      '    hosts: ["*.example.com"]',
      '    tls:',
      '      mode: MUTUAL',
      '      credentialName: example-cert',
      '      caCertCredentialName: example-ca'
    )
    expect(where(check('1.27', text, FILE))).toEqual([{ rule: SCHEMA_RULES.fieldNotInRelease, file: FILE, line: 14, path: 'spec.servers[0].tls.caCertCredentialName' }])
    expect(check('1.28', text, FILE)).toEqual([])
  })

  it('flags a field of a Gateway API kind that the pinned Gateway API lacks', () => {
    const text = yaml(
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata:',
      '  name: edge',
      'spec:',
      '  gatewayClassName: istio',
      '  infrastructure:',
      '    parametersRef:',
      '      group: ""',
      '      kind: ConfigMap',
      '      name: edge-options',
      '  listeners:',
      '  - name: http',
      '    port: 80',
      '    protocol: HTTP'
    )
    const findings = check('1.21', text, FILE)
    expect(where(findings)).toEqual([{ rule: SCHEMA_RULES.fieldNotInRelease, file: FILE, line: 8, path: 'spec.infrastructure.parametersRef' }])
    expect(findings[0].message).toContain('Istio 1.21 (Gateway API v1.0.0)')
    expect(findings[0].message).toContain('added in 1.22 (Gateway API v1.1.0)')
    expect(findings[0].source).toBe('https://github.com/kubernetes-sigs/gateway-api/tree/v1.1.0/config/crd (pinned by Istio 1.22)')
    expect(check('1.22', text, FILE)).toEqual([])
  })
})

describe('enum-value-not-in-release', () => {
  const cases = [
    { value: 'DYNAMIC_DNS', since: '1.28', text: yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: api', 'spec:', '  hosts: ["*.api.example.com"]', '  ports:', '  - {number: 443, name: tls, protocol: TLS}', '  resolution: DYNAMIC_DNS'), path: 'spec.resolution' },
    { value: 'FAIL_RELOAD', since: '1.27', text: yaml('apiVersion: extensions.istio.io/v1alpha1', 'kind: WasmPlugin', 'metadata:', '  name: auth', 'spec:', '  url: oci://example.com/auth:1', '  failStrategy: FAIL_RELOAD'), path: 'spec.failStrategy' },
    { value: 'WAYPOINT', since: '1.29', text: yaml('apiVersion: networking.istio.io/v1alpha3', 'kind: EnvoyFilter', 'metadata:', '  name: wp', 'spec:', '  configPatches:', '  - applyTo: HTTP_FILTER', '    match:', '      context: WAYPOINT', '      waypoint:', '        portNumber: 8080', '    patch:', '      operation: MERGE', '      value: {}'), path: 'spec.configPatches[0].match.context' }
  ]

  it.each(cases)('flags $value before $since on its line', ({ value, since, text, path }) => {
    const before = `1.${Number(since.split('.')[1]) - 1}`
    const findings = check(before, text, FILE)
    const enums = only(findings, SCHEMA_RULES.enumValueNotInRelease)
    expect(where(enums)).toEqual([{ rule: SCHEMA_RULES.enumValueNotInRelease, file: FILE, line: lineOf(text, `: ${value}`), path }])
    expect(enums[0].message).toContain(`added in ${since}`)
    expect(where(check(since, text, FILE))).toEqual([])
  })

  it('suggests the nearest value for a value no release accepts', () => {
    const text = cases[0].text.replace('DYNAMIC_DNS', 'DNS_ROUND_ROBBIN')
    const [f] = check('1.28', text, FILE)
    expect(where([f])).toEqual([{ rule: SCHEMA_RULES.enumValueNotInRelease, file: FILE, line: 9, path: 'spec.resolution' }])
    expect(f.message).toContain('did you mean DNS_ROUND_ROBIN?')
  })

  it('stays quiet on a value of a list that a later schema replaced by a pattern (BackendTLSPolicy wellKnownCACertificates, Gateway API v1.5)', () => {
    const text = yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: BackendTLSPolicy', 'metadata:', '  name: p', 'spec:', '  targetRefs:', '  - {group: "", kind: Service, name: svc}', '  validation:', '    hostname: svc.example.com', '    wellKnownCACertificates: System')
    for (const target of ['1.29', '1.30', '1.31']) expect(only(check(target, text, FILE), SCHEMA_RULES.enumValueNotInRelease)).toEqual([])
  })
})

describe('stricter-validation', () => {
  const se = (...spec: string[]) => yaml('apiVersion: networking.istio.io/v1beta1', 'kind: ServiceEntry', 'metadata:', '  name: external', 'spec:', ...spec)
  const policy = (kind: string, ...spec: string[]) => yaml('apiVersion: security.istio.io/v1', `kind: ${kind}`, 'metadata:', '  name: p', 'spec:', ...spec)

  // rejectedIn: a release whose validation rejects the document; acceptedIn: one without that validation.
  const cases: { name: string; text: string; marker: string; path: string; rejectedIn: string; acceptedIn: string; says: string }[] = [
    {
      name: 'VirtualService timeout below 1ms (CEL duration rule, 1.23)',
      text: yaml('apiVersion: networking.istio.io/v1beta1', 'kind: VirtualService', 'metadata:', '  name: vs', 'spec:', '  hosts: [reviews]', '  http:', '  - route:', '    - destination: {host: reviews}', '    timeout: 500us'),
      marker: 'timeout: 500us', path: 'spec.http[0].timeout', rejectedIn: '1.23', acceptedIn: '1.22', says: 'added in 1.23'
    },
    {
      name: 'ServiceEntry host "*" (1.24)',
      text: se('  hosts:', '  - "*"', '  ports:', '  - {number: 80, name: http, protocol: HTTP}'),
      marker: '- "*"', path: 'spec.hosts[0]', rejectedIn: '1.24', acceptedIn: '1.23', says: 'hostname cannot be wildcard'
    },
    {
      name: 'ServiceEntry port number above 65535 (1.24)',
      text: se('  hosts: [db.example.com]', '  ports:', '  - name: db', '    number: 70000'),
      marker: 'number: 70000', path: 'spec.ports[0].number', rejectedIn: '1.24', acceptedIn: '1.23', says: 'port must be between 1-65535'
    },
    {
      name: 'ServiceEntry with both workloadSelector and endpoints (1.24), on the endpoints key',
      text: se('  hosts: [db.example.com]', '  resolution: STATIC', '  workloadSelector:', '    labels: {app: db}', '  endpoints:', '  - address: 10.0.0.1'),
      marker: '  endpoints:', path: 'spec.endpoints', rejectedIn: '1.24', acceptedIn: '1.23', says: 'only one of WorkloadSelector or Endpoints'
    },
    {
      name: 'ServiceEntry resolution NONE with endpoints (1.24)',
      text: se('  hosts: [db.example.com]', '  resolution: NONE', '  endpoints:', '  - address: 10.0.0.1'),
      marker: '  endpoints:', path: 'spec.endpoints', rejectedIn: '1.25', acceptedIn: '1.23', says: 'added in 1.24'
    },
    {
      name: 'ServiceEntry DNS_ROUND_ROBIN with two endpoints (1.24)',
      text: se('  hosts: [db.example.com]', '  resolution: DNS_ROUND_ROBIN', '  endpoints:', '  - address: a.example.com', '  - address: b.example.com'),
      marker: '  endpoints:', path: 'spec.endpoints', rejectedIn: '1.28', acceptedIn: '1.23', says: 'added in 1.24'
    },
    {
      name: 'ServiceEntry CIDR address with DNS resolution (1.24)',
      text: se('  hosts: [db.example.com]', '  addresses: [10.0.0.0/24]', '  resolution: DNS'),
      marker: 'addresses:', path: 'spec.addresses', rejectedIn: '1.24', acceptedIn: '1.23', says: 'CIDR addresses are allowed only'
    },
    {
      name: 'ServiceEntry endpoint with neither address nor network (1.23)',
      text: se('  hosts: [db.example.com]', '  endpoints:', '  - labels: {zone: a}'),
      marker: '- labels', path: 'spec.endpoints[0]', rejectedIn: '1.23', acceptedIn: '1.22', says: 'Address is required'
    },
    {
      name: 'AuthorizationPolicy with selector and targetRef (1.24)',
      text: policy('AuthorizationPolicy', '  selector:', '    matchLabels: {app: web}', '  targetRef:', '    kind: Gateway', '    group: gateway.networking.k8s.io', '    name: edge'),
      marker: 'targetRef:', path: 'spec.targetRef', rejectedIn: '1.24', acceptedIn: '1.23', says: 'only one of targetRefs or selector'
    },
    {
      name: 'selector label key with a wildcard (1.23)',
      text: policy('AuthorizationPolicy', '  selector:', '    matchLabels:', '      "app*": web'),
      marker: '"app*"', path: 'spec.selector.matchLabels["app*"]', rejectedIn: '1.23', acceptedIn: '1.22', says: 'wildcard not allowed in label key'
    },
    {
      name: 'selector label value longer than 63 characters (maxLength, 1.23)',
      text: policy('AuthorizationPolicy', '  selector:', '    matchLabels:', `      app: ${'w'.repeat(64)}`),
      marker: 'app: www', path: 'spec.selector.matchLabels.app', rejectedIn: '1.23', acceptedIn: '1.22', says: 'longer than 63 characters'
    },
    {
      name: 'RequestAuthentication jwtRule without issuer (required until 1.26)',
      text: policy('RequestAuthentication', '  jwtRules:', '  - jwksUri: https://example.com/jwks.json'),
      marker: '- jwksUri', path: 'spec.jwtRules[0]', rejectedIn: '1.26', acceptedIn: '1.27', says: 'dropped in 1.27'
    },
    {
      name: 'RequestAuthentication jwksUri with a non-http scheme (1.23)',
      text: policy('RequestAuthentication', '  jwtRules:', '  - issuer: example', '    jwksUri: ftp://example.com/jwks.json'),
      marker: 'jwksUri:', path: 'spec.jwtRules[0].jwksUri', rejectedIn: '1.23', acceptedIn: '1.22', says: 'url must have scheme'
    },
    {
      name: 'RequestAuthentication with jwksUri and jwks (1.23)',
      text: policy('RequestAuthentication', '  jwtRules:', '  - issuer: example', '    jwksUri: https://example.com/jwks.json', '    jwks: "{}"'),
      marker: 'jwks: "{}"', path: 'spec.jwtRules[0].jwks', rejectedIn: '1.23', acceptedIn: '1.22', says: 'only one of jwks or jwksUri'
    },
    {
      name: 'PeerAuthentication portLevelMtls without a selector (1.23)',
      text: policy('PeerAuthentication', '  portLevelMtls:', '    "8080": {mode: DISABLE}').replace('security.istio.io/v1', 'security.istio.io/v1beta1'),
      marker: 'portLevelMtls', path: 'spec.portLevelMtls', rejectedIn: '1.23', acceptedIn: '1.22', says: 'portLevelMtls requires selector'
    },
    {
      name: 'Telemetry sampling above 100% (maximum, 1.21)',
      text: yaml('apiVersion: telemetry.istio.io/v1alpha1', 'kind: Telemetry', 'metadata:', '  name: t', 'spec:', '  tracing:', '  - randomSamplingPercentage: 150'),
      marker: 'randomSamplingPercentage', path: 'spec.tracing[0].randomSamplingPercentage', rejectedIn: '1.21', acceptedIn: '1.20', says: 'above the maximum 100'
    },
    {
      name: 'WasmPlugin targeting a ServiceEntry while 1.23 only allows Service and Gateway',
      text: yaml('apiVersion: extensions.istio.io/v1alpha1', 'kind: WasmPlugin', 'metadata:', '  name: w', 'spec:', '  url: oci://example.com/w:1', '  targetRefs:', '  - group: networking.istio.io', '    kind: ServiceEntry', '    name: api'),
      marker: 'kind: ServiceEntry', path: 'spec.targetRefs[0].kind', rejectedIn: '1.23', acceptedIn: '1.24', says: 'dropped in 1.25'
    },
    {
      name: 'WasmPlugin targetRef kind not matching the kind pattern (1.23)',
      text: yaml('apiVersion: extensions.istio.io/v1alpha1', 'kind: WasmPlugin', 'metadata:', '  name: w', 'spec:', '  url: oci://example.com/w:1', '  targetRef:', '    group: ""', '    kind: my kind', '    name: api'),
      // 1.25 dropped the kind whitelist of 1.23-1.24, which rejects this too; the pattern stays.
      marker: 'kind: my kind', path: 'spec.targetRef.kind', rejectedIn: '1.25', acceptedIn: '1.22', says: 'added in 1.23'
    },
    {
      name: 'DestinationRule warmup aggression 0 (minimum 1 in 1.24-1.28)',
      text: yaml('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: d', 'spec:', '  host: d', '  trafficPolicy:', '    loadBalancer:', '      simple: LEAST_REQUEST', '      warmup:', '        duration: 30s', '        aggression: 0'),
      marker: 'aggression: 0', path: 'spec.trafficPolicy.loadBalancer.warmup.aggression', rejectedIn: '1.28', acceptedIn: '1.29', says: 'dropped in 1.29'
    },
    {
      name: 'Gateway server TLS with credentialName and credentialNames (1.26)',
      text: yaml('apiVersion: networking.istio.io/v1', 'kind: Gateway', 'metadata:', '  name: g', 'spec:', '  servers:', '  - port: {number: 443, name: https, protocol: HTTPS}', '    hosts: ["*"]', '    tls:', '      mode: SIMPLE', '      credentialName: a', '      credentialNames: [b]'),
      marker: 'credentialNames', path: 'spec.servers[0].tls.credentialNames', rejectedIn: '1.26', acceptedIn: '1.25', says: 'only one of credentialName or credentialNames'
    },
    {
      name: 'EnvoyFilter waypoint match outside the WAYPOINT context (1.29)',
      text: yaml('apiVersion: networking.istio.io/v1alpha3', 'kind: EnvoyFilter', 'metadata:', '  name: e', 'spec:', '  configPatches:', '  - applyTo: HTTP_FILTER', '    match:', '      context: SIDECAR_INBOUND', '      waypoint:', '        portNumber: 8080', '    patch: {operation: MERGE, value: {}}'),
      marker: '      waypoint:', path: 'spec.configPatches[0].match.waypoint', rejectedIn: '1.29', acceptedIn: '1.28', says: 'only support waypointMatch'
    },
    {
      name: 'HTTPRoute retry codes repeated (list-type set, Gateway API v1.6 in 1.31)',
      text: yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata:', '  name: r', 'spec:', '  rules:', '  - retry:', '      attempts: 2', '      codes:', '      - 503', '      - 503 # again'),
      marker: '503 # again', path: 'spec.rules[0].retry.codes[1]', rejectedIn: '1.31', acceptedIn: '1.30', says: 'repeats the item 503'
    },
    {
      name: 'HTTPRoute CORS filter listing "*" with other origins (Gateway API v1.4.1 in 1.28)',
      text: yaml('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata:', '  name: r', 'spec:', '  rules:', '  - filters:', '    - type: CORS', '      cors:', '        allowOrigins:', '        - "*"', '        - https://example.com'),
      // Before 1.28 the origins had to be URLs, so "*" fails another (older) validation there; 1.25 has no CORS filter.
      marker: 'allowOrigins', path: 'spec.rules[0].filters[0].cors.allowOrigins', rejectedIn: '1.28', acceptedIn: '1.25', says: 'AllowOrigins cannot contain'
    }
  ]

  it.each(cases)('$name', ({ text, marker, path, rejectedIn, acceptedIn, says }) => {
    const rejected = only(check(rejectedIn, text, FILE), SCHEMA_RULES.stricterValidation)
    expect(where(rejected)).toEqual([{ rule: SCHEMA_RULES.stricterValidation, file: FILE, line: lineOf(text, marker), path }])
    expect(rejected[0].message).toContain(says)
    expect(rejected[0].message).toContain(`Istio ${rejectedIn}`)
    expect(where(only(check(acceptedIn, text, FILE), SCHEMA_RULES.stricterValidation))).toEqual([])
  })

  it('does not evaluate a CEL rule it cannot decide (a targetRef without group)', () => {
    const text = yaml('apiVersion: extensions.istio.io/v1alpha1', 'kind: WasmPlugin', 'metadata:', '  name: w', 'spec:', '  url: oci://example.com/w:1', '  targetRef:', '    kind: ServiceEntry', '    name: api')
    expect(check('1.23', text, FILE)).toEqual([])
  })
})

describe('unknown-field', () => {
  const se = yaml(
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    '  name: api',
    'spec:',
    '  hsots:',
    '  - api.example.com',
    '  ports:',
    '  - number: 443',
    '    name: https',
    '    protocl: HTTPS',
    '  resolution: DNS'
  )

  it('flags typos as warnings with the nearest field name and a rename fix', () => {
    const findings = check('1.28', se, FILE)
    expect(where(findings)).toEqual([
      { rule: SCHEMA_RULES.unknownField, file: FILE, line: 6, path: 'spec.hsots' },
      { rule: SCHEMA_RULES.unknownField, file: FILE, line: 11, path: 'spec.ports[0].protocl' }
    ])
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning'])
    expect(findings[0].message).toContain('did you mean hosts?')
    expect(findings[0].fix?.edits).toEqual([{ startLine: 6, endLine: 6, replacement: '  hosts:' }])
    expect(findings[1].fix?.edits).toEqual([{ startLine: 11, endLine: 11, replacement: '    protocol: HTTPS' }])
    const fixed = findings.reduce((text, f) => applyFix(text, f), se)
    expect(check('1.28', fixed, FILE)).toEqual([])
  })

  it('flags a typo of a top-level key', () => {
    const findings = check('1.28', se.replace('spec:', 'sepc:'), FILE)
    expect(where(findings)).toEqual([
      // ServiceEntry requires spec from 1.24 on: reported on the document's first line.
      { rule: SCHEMA_RULES.stricterValidation, file: FILE, line: 1, path: '' },
      { rule: SCHEMA_RULES.unknownField, file: FILE, line: 5, path: 'sepc' }
    ])
    expect(findings[0].message).toContain('ServiceEntry lacks the required field spec')
    expect(findings[1].message).toContain('did you mean spec?')
  })

  it('gives no suggestion and no fix when nothing is close', () => {
    const findings = check('1.28', se.replace('  hsots:', '  somethingElse:'), FILE)
    expect(where(findings, SCHEMA_RULES.unknownField)[0]).toEqual({ rule: SCHEMA_RULES.unknownField, file: FILE, line: 6, path: 'spec.somethingElse' })
    expect(findings[0].message).not.toContain('did you mean')
    expect(findings[0].fix).toBeUndefined()
  })

  it('is silent inside preserve-unknown-fields objects, maps, metadata and status', () => {
    const text = yaml(
      'apiVersion: networking.istio.io/v1alpha3',
      'kind: EnvoyFilter',
      'metadata:',
      '  name: lua',
      '  labels: {anything: goes}',
      '  annotations: {whatever: here}',
      '  someField: ignored',
      'spec:',
      '  workloadSelector:',
      '    labels:',
      '      app.kubernetes.io/name: web',
      '  configPatches:',
      '  - applyTo: HTTP_FILTER',
      '    match:',
      '      context: SIDECAR_INBOUND',
      '    patch:',
      '      operation: INSERT_BEFORE',
      '      value:',
      '        name: envoy.filters.http.lua',
      '        typed_config:',
      '          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
      '          inlineCode: "function envoy_on_request(h) end"',
      'status:',
      '  anything: at all'
    )
    expect(check('1.28', text, FILE)).toEqual([])
    const wasm = yaml('apiVersion: extensions.istio.io/v1alpha1', 'kind: WasmPlugin', 'metadata:', '  name: w', 'spec:', '  url: oci://example.com/w:1', '  pluginConfig:', '    anyKey: {nested: [1, 2]}')
    expect(check('1.28', wasm, FILE)).toEqual([])
  })
})

describe('scope and robustness', () => {
  it('ignores kinds outside the index (core workloads, IstioOperator)', () => {
    const text = yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec: {replicaz: 3}',
      '---',
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      'spec: {profile: minimal, anything: 1}'
    )
    expect(check('1.24', text, FILE)).toEqual([])
  })

  it('puts findings of later documents on their own lines', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      '---',
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      'metadata: {name: default}',
      'spec:',
      '  mtls: {mode: STRICT}'
    )
    expect(where(check('1.21', text, FILE))).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 5, path: 'apiVersion' }])
  })

  it('checks keys merged in with << and does not follow aliases', () => {
    const text = yaml(
      'apiVersion: networking.istio.io/v1',
      'kind: VirtualService',
      'metadata: {name: vs}',
      'spec:',
      '  hosts: [reviews]',
      '  http:',
      '  - &base',
      '    route:',
      '    - destination: {host: reviews}',
      '    retrys: {attempts: 3}',
      '  - <<: *base',
      '    name: second',
      '  - *base'
    )
    const findings = check('1.28', text, FILE)
    const lines = where(findings).map((f) => [f.rule, f.line, f.path])
    expect(lines).toEqual([
      [SCHEMA_RULES.unknownField, 10, 'spec.http[0].retrys'],
      [SCHEMA_RULES.unknownField, 10, 'spec.http[1].retrys']
    ])
  })

  it('survives documents that are not maps and values of the wrong type', () => {
    const text = yaml(
      '- just a list',
      '---',
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      'metadata: {name: x}',
      'spec:',
      '  hosts: api.example.com',
      '  ports: {number: 443}',
      '  resolution: [DNS]',
      '  endpoints: 7'
    )
    expect(() => check('1.28', text, FILE)).not.toThrow()
  })
})

describe('helpers', () => {
  it('suggests the closest name only when it is close and unambiguous', () => {
    expect(nearestName('hsots', ['hosts', 'ports', 'location'])).toBe('hosts')
    expect(nearestName('Hosts', ['hosts', 'ports'])).toBe('hosts')
    expect(nearestName('trafficPolcy', ['trafficPolicy', 'host'])).toBe('trafficPolicy')
    expect(nearestName('zzz', ['hosts', 'ports'])).toBeUndefined()
    // 'pors' is one edit from both ports and pods: no guess.
    expect(nearestName('pors', ['ports', 'pods'])).toBeUndefined()
  })
})
