// Every CEL rule istio-compat evaluates, on the real schema path it guards: a value the rule rejects is
// reported on its line, a value it accepts is not. Plus the OpenAPI keywords and Go durations.
import { describe, expect, it } from '@jest/globals'
import { SCHEMA_RULES } from '../src/analyze/schema.js'
import { celRuleId, keywordEvaluator, parseDuration } from '../src/analyze/schema-validation.js'
import { schemaNodes, type CompiledKind, type CompiledVersion, type SchemaRule } from '../src/knowledge/schema-index.js'
import { catalog, check, documentWithValue } from './helpers/schema-cases.js'

const FILE = 'mesh/rules.yaml'

/** Rejected and accepted values (JSON, written as flow YAML) per evaluator id. */
const SAMPLES: Record<string, { fail: unknown; pass: unknown }> = {
  'duration-at-least-1ms': { fail: '500us', pass: '1s' },
  'no-wildcard-in-label-value': { fail: 'web*', pass: 'web' },
  'no-wildcard-in-label-key': { fail: { 'app*': 'web' }, pass: { app: 'web' } },
  'no-empty-label-key': { fail: { '': 'web' }, pass: { app: 'web' } },
  'no-cross-namespace-target': { fail: 'other', pass: '' },
  'port-1-65535': { fail: 0, pass: 8080 },
  'port-keys-1-65535': { fail: { 70000: { mode: 'DISABLE' } }, pass: { 8080: { mode: 'DISABLE' } } },
  'port-name-valid': { fail: { 'bad_name!': 80 }, pass: { http: 80 } },
  'address-or-network': { fail: { labels: { zone: 'a' } }, pass: { address: '10.0.0.1' } },
  'uds-no-ports': { fail: { address: 'unix:///var/run/app.sock', ports: { http: 80 } }, pass: { address: 'unix:///var/run/app.sock' } },
  'uds-not-dir': { fail: 'unix:///var/run/', pass: 'unix:///var/run/app.sock' },
  'uds-absolute': { fail: 'unix://relative/app.sock', pass: 'unix:///abs/app.sock' },
  'host-not-wildcard': { fail: '*', pass: 'api.example.com' },
  'unique-port-numbers': { fail: [{ number: 80, name: 'a' }, { number: 80, name: 'b' }], pass: [{ number: 80, name: 'a' }, { number: 81, name: 'b' }] },
  'none-resolution-no-endpoints': { fail: { hosts: ['a.example.com'], endpoints: [{ address: '10.0.0.1' }] }, pass: { hosts: ['a.example.com'], resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }] } },
  'dns-round-robin-one-endpoint': {
    fail: { hosts: ['a.example.com'], resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.com' }, { address: 'b.example.com' }] },
    pass: { hosts: ['a.example.com'], resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.com' }] }
  },
  'cidr-needs-static-or-none': { fail: { hosts: ['a.example.com'], addresses: ['10.0.0.0/24'], resolution: 'DNS' }, pass: { hosts: ['a.example.com'], addresses: ['10.0.0.0/24'], resolution: 'STATIC' } },
  'port-level-mtls-needs-selector': { fail: { portLevelMtls: { 8080: { mode: 'DISABLE' } } }, pass: { selector: { matchLabels: { app: 'a' } }, portLevelMtls: { 8080: { mode: 'DISABLE' } } } },
  'service-accounts-exclusive': { fail: { serviceAccounts: ['sa'], principals: ['p'] }, pass: { serviceAccounts: ['sa'] } },
  'tag-override-remove-no-value': { fail: { operation: 'REMOVE', value: 'x' }, pass: { operation: 'REMOVE' } },
  'tag-override-upsert-value': { fail: { operation: 'UPSERT', value: '' }, pass: { operation: 'UPSERT', value: 'x' } },
  'probe-scheme': { fail: 'FTP', pass: 'HTTPS' },
  'jwks-uri-http': { fail: 'ftp://example.com/jwks', pass: 'https://example.com/jwks' },
  'waypoint-match-needs-waypoint-context': { fail: { context: 'WAYPOINT' }, pass: { context: 'WAYPOINT', waypoint: { portNumber: 8080 } } },
  'wildcard-alone': { fail: ['*', 'x-a'], pass: ['*'] },
  'one-cors-filter': { fail: [{ type: 'CORS', cors: {} }, { type: 'CORS', cors: {} }], pass: [{ type: 'CORS', cors: {} }] },
  'cors-filter-needs-cors': { fail: { type: 'CORS' }, pass: { type: 'CORS', cors: {} } },
  'cors-only-for-cors-filter': { fail: { type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'a', value: 'b' }] }, cors: {} }, pass: { type: 'CORS', cors: {} } },
  'mirror-percent-or-fraction': { fail: { backendRef: { name: 'm' }, percent: 10, fraction: { numerator: 1 } }, pass: { backendRef: { name: 'm' }, percent: 10 } },
  'unique-rule-names': { fail: [{ name: 'a' }, { name: 'a' }], pass: [{ name: 'a' }, { name: 'b' }] },
  'listener-tls-required': { fail: [{ name: 'h', port: 443, protocol: 'HTTPS' }], pass: [{ name: 'h', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'c' }] } }] },
  'hostname-not-ip': { fail: ['10.0.0.1'], pass: ['db.example.com'] },
  'hostname-rfc1123': { fail: ['Bad_Host'], pass: ['db.example.com'] },
  'hostname-wildcard-first-label': { fail: ['db.*.com'], pass: ['*.example.com'] },
  'label-key-prefix-length': { fail: { [`${'a'.repeat(253)}/x`]: 'v' }, pass: { 'example.com/x': 'v' } },
  'target-kinds': { fail: { group: 'apps', kind: 'Deployment', name: 'web' }, pass: { group: '', kind: 'Service', name: 'web' } },
  'keys-match': { fail: { 'bad key!': 'v' }, pass: { app: 'v' } }
}

/** Values for the fields of "at most one of" rules. */
const FIELD_VALUES: Record<string, unknown> = {
  selector: { matchLabels: { app: 'a' } },
  targetRef: { group: '', kind: 'Service', name: 'a' },
  targetRefs: [{ group: '', kind: 'Service', name: 'a' }],
  workloadSelector: { labels: { app: 'a' } },
  endpoints: [{ address: '10.0.0.1' }],
  credentialName: 'a',
  credentialNames: ['a'],
  tlsCertificates: [{ serverCertificate: '/c.pem', privateKey: '/k.pem' }],
  jwksUri: 'https://example.com/jwks',
  jwks_uri: 'https://example.com/jwks',
  jwks: '{}'
}

function samplesFor(id: string): { fail: unknown; pass: unknown } {
  if (!id.startsWith('at-most-one:')) return SAMPLES[id]
  const names = id.slice('at-most-one:'.length).split(',')
  const [a, b] = names
  return { fail: { [a]: FIELD_VALUES[a], [b]: FIELD_VALUES[b] }, pass: { [a]: FIELD_VALUES[a] } }
}

interface Site {
  kind: CompiledKind
  version: CompiledVersion
  rule: SchemaRule
  release: string
}

/** One place per CEL text where the rule applies: the schema path, a release applying it, a version served there. */
function celSites(): Map<string, Site[]> {
  const byId = new Map<string, Site[]>()
  const seenText = new Set<string>()
  for (const kind of catalog.kinds.values()) {
    for (const schema of kind.schemas) {
      for (const node of schemaNodes(schema.root)) {
        for (const rule of node.rules ?? []) {
          if (rule.kind !== 'cel' || rule.path === '' || seenText.has(rule.value as string)) continue
          const id = celRuleId(rule.value as string)
          if (!id) continue
          const t = catalog.releases.findIndex((_, i) => rule.mask & (1 << i) && [...kind.versions.values()].some((v) => v.schema === schema && v.served & (1 << i)))
          if (t < 0) continue
          seenText.add(rule.value as string)
          const version = [...kind.versions.values()].find((v) => v.schema === schema && v.served & (1 << t)) as CompiledVersion
          byId.set(id, [...(byId.get(id) ?? []), { kind, version, rule, release: catalog.releases[t] }])
        }
      }
    }
  }
  return byId
}

const sites = celSites()
const cases = [...sites].flatMap(([id, list]) => list.map((site) => ({ id, site, label: `${id} on ${site.kind.kind} ${site.rule.path} (${site.release})` })))

describe('CEL rules on their schema paths', () => {
  it('has samples for every CEL rule istio-compat evaluates', () => {
    expect([...sites.keys()].filter((id) => !samplesFor(id))).toEqual([])
    expect(cases.length).toBeGreaterThan(40)
  })

  it.each(cases)('$label', ({ id, site }) => {
    const { fail, pass } = samplesFor(id)
    const bad = documentWithValue(site.kind, site.version, site.rule.path, JSON.stringify(fail))
    const hits = check(site.release, bad.text, FILE).filter((f) => f.rule === SCHEMA_RULES.stricterValidation && f.message.includes(site.rule.message as string))
    expect(hits.map((f) => ({ file: f.file, line: f.line, under: f.path?.startsWith(bad.path) }))).toContainEqual({ file: FILE, line: bad.line, under: true })
    const good = documentWithValue(site.kind, site.version, site.rule.path, JSON.stringify(pass))
    const misses = check(site.release, good.text, FILE).filter((f) => f.rule === SCHEMA_RULES.stricterValidation && f.message.includes(site.rule.message as string))
    expect(misses.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([])
  })
})

describe('OpenAPI keywords', () => {
  it.each([
    ['maxLength', 3, 'abcd', 'abc'],
    ['minLength', 1, '', 'a'],
    ['maxItems', 2, [1, 2, 3], [1, 2]],
    ['minItems', 1, [], [1]],
    ['maxProperties', 1, { a: 1, b: 2 }, { a: 1 }],
    ['minimum', 1, 0, 1],
    ['maximum', 100, 101, 100],
    ['pattern', '^[a-z]+$', 'A1', 'abc'],
    ['required', 'issuer', { jwksUri: 'x' }, { issuer: 'x' }],
    ['oneOf', ['a', 'b'], { a: 1, b: 2 }, { a: 1 }],
    ['listType', ['set'], [1, 1], [1, 2]],
    ['listType', ['map', 'name'], [{ name: 'a' }, { name: 'a' }], [{ name: 'a' }, { name: 'b' }]]
  ] as const)('%s %j rejects %j and accepts %j', (kind, limit, bad, good) => {
    const evaluate = keywordEvaluator(kind, limit)!
    expect(evaluate(bad)).toBeDefined()
    expect(evaluate(good)).toBeUndefined()
  })

  it('counts characters, not UTF-16 units, for string lengths', () => {
    expect(keywordEvaluator('maxLength', 2)!('😀😀')).toBeUndefined()
  })

  it('leaves values of another type alone (int-or-string, wrong types)', () => {
    expect(keywordEvaluator('maximum', 10)!('99')).toBeUndefined()
    expect(keywordEvaluator('maxLength', 1)!(12345)).toBeUndefined()
  })
})

describe('Go durations', () => {
  it.each([
    ['1ms', 1], ['500us', 0.5], ['1.5s', 1500], ['1h30m', 5_400_000], ['0', 0], ['0s', 0], ['-1s', -1000]
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBeCloseTo(ms))

  it.each(['', '5', 'abc', '1d', '1.5'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeUndefined())
})
