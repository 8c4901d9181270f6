// Static evaluation of the validations the schema index records: OpenAPI limits and the CEL rules
// we can decide exactly from a manifest. Anything we cannot decide yields no verdict (never a guess).
import { isIP } from 'node:net'
import type { RuleKind } from '../knowledge/schema-index.js'

/** What broke: a short description, and the child (key or index) to point at when it is not the node itself. */
export interface Violation {
  detail: string
  at?: string | number
}

/** undefined = the value passes, or the rule cannot be decided statically. */
export type Evaluator = (self: unknown) => Violation | undefined

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
/** CEL has(): the field is set (a YAML null is pruned before validation). */
const has = (o: Obj, k: string): boolean => o[k] !== undefined && o[k] !== null
const chars = (s: string): number => Array.from(s).length

// ---------------------------------------------------------------------------------------------
// OpenAPI keywords

/** The evaluator of an OpenAPI keyword rule; undefined for kinds that need CEL or cannot be checked. */
export function keywordEvaluator(kind: RuleKind, limit: unknown): Evaluator | undefined {
  switch (kind) {
    case 'maxLength':
      return (v) => (typeof v === 'string' && chars(v) > (limit as number) ? { detail: `is longer than ${limit as number} characters` } : undefined)
    case 'minLength':
      return (v) => (typeof v === 'string' && chars(v) < (limit as number) ? { detail: limit === 1 ? 'must not be empty' : `is shorter than ${limit as number} characters` } : undefined)
    case 'maxItems':
      return (v) => (Array.isArray(v) && v.length > (limit as number) ? { detail: `has ${v.length} items, more than ${limit as number}`, at: limit as number } : undefined)
    case 'minItems':
      return (v) => (Array.isArray(v) && v.length < (limit as number) ? { detail: `has ${v.length} items, fewer than ${limit as number}` } : undefined)
    case 'maxProperties':
      return (v) => (isObj(v) && Object.keys(v).length > (limit as number) ? { detail: `has ${Object.keys(v).length} entries, more than ${limit as number}` } : undefined)
    case 'minProperties':
      return (v) => (isObj(v) && Object.keys(v).length < (limit as number) ? { detail: `has ${Object.keys(v).length} entries, fewer than ${limit as number}` } : undefined)
    case 'minimum':
      return (v) => (typeof v === 'number' && v < (limit as number) ? { detail: `is ${v}, below the minimum ${limit as number}` } : undefined)
    case 'maximum':
      return (v) => (typeof v === 'number' && v > (limit as number) ? { detail: `is ${v}, above the maximum ${limit as number}` } : undefined)
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      // OpenAPI v3.0 booleans that modify minimum/maximum; not recorded on their own in practice.
      return undefined
    case 'pattern': {
      let re: RegExp
      try {
        re = new RegExp(limit as string)
      } catch {
        return undefined
      }
      return (v) => (typeof v === 'string' && !re.test(v) ? { detail: `does not match the pattern ${limit as string}` } : undefined)
    }
    case 'required':
      return (v) => (isObj(v) && !has(v, limit as string) ? { detail: `lacks the required field ${limit as string}` } : undefined)
    case 'oneOf': {
      const names = limit as string[]
      return (v) => {
        if (!isObj(v)) return undefined
        const set = names.filter((n) => has(v, n))
        return set.length > 1 ? { detail: `sets ${set.join(' and ')}, but at most one of ${names.join(', ')} is allowed`, at: set[1] } : undefined
      }
    }
    case 'listType': {
      const [type, ...keys] = limit as string[]
      return (v) => {
        if (!Array.isArray(v)) return undefined
        const seen = new Set<string>()
        for (let i = 0; i < v.length; i++) {
          const item = v[i]
          let id: string
          if (type === 'set') id = JSON.stringify(item)
          else {
            // Items missing a key may be defaulted by the server: undecidable here.
            if (!isObj(item) || keys.some((k) => !has(item, k))) return undefined
            id = JSON.stringify(keys.map((k) => item[k]))
          }
          if (seen.has(id)) return { detail: type === 'set' ? `repeats the item ${JSON.stringify(item)}` : `repeats an item with the same ${keys.join('/')}`, at: i }
          seen.add(id)
        }
        return undefined
      }
    }
    case 'cel':
      return celEvaluator(limit as string)
  }
}

// ---------------------------------------------------------------------------------------------
// CEL rules, by their normalised text (see normaliseCel in scripts/generate-schema-index.mjs)

export interface CelEvaluator {
  /** Rewrites of one rule share an id, so "added in" names the first release of any of them. */
  id: string
  texts: string[]
  check: Evaluator
}

/** Go duration (as CEL's duration() parses it) in milliseconds, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 }
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text)
  if (!m) return text === '0' ? 0 : undefined
  let total = 0
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g
  let part: RegExpExecArray | null
  while ((part = re.exec(text)) !== null) total += Number(part[1]) * units[part[2]]
  return m[1] === '-' ? -total : total
}

const str = (v: unknown): v is string => typeof v === 'string'
const fail = (detail: string, at?: string | number): Violation => (at === undefined ? { detail } : { detail, at })

/** k8s-style `[self.group, self.kind] in [[…]]` lists, parsed from the rule text. */
function groupKindListEvaluator(text: string): Evaluator | undefined {
  const m = /^\[self\.group,self\.kind\]in\[((?:\["[^"]*","[^"]*"\],?)+)\]$/.exec(text)
  if (!m) return undefined
  const pairs = [...m[1].matchAll(/\["([^"]*)","([^"]*)"\]/g)].map((p) => `${p[1]}/${p[2]}`)
  return (v) => {
    // An unset group or kind makes CEL fail with "no such key"; we do not claim what the server says then.
    if (!isObj(v) || !str(v.group) || !str(v.kind)) return undefined
    return pairs.includes(`${v.group}/${v.kind}`) ? undefined : fail(`refers to ${v.group || 'core'}/${v.kind}, which this release does not accept as a target`, 'kind')
  }
}

/** `(has(self.a)?1:0)+(has(self.b)?1:0)…<=1`: at most one of the fields. */
function atMostOneEvaluator(text: string): Evaluator | undefined {
  if (!/^(?:\(has\(self\.\w+\)\?1:0\)\+)+\(has\(self\.\w+\)\?1:0\)<=1$/.test(text)) return undefined
  const names = [...text.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1])
  return (v) => {
    if (!isObj(v)) return undefined
    const set = names.filter((n) => has(v, n))
    return set.length > 1 ? fail(`sets both ${set.join(' and ')}`, set[1]) : undefined
  }
}

/** `self.all(key, key.matches(r"""…"""))` over map keys. */
function keysMatchEvaluator(text: string): Evaluator | undefined {
  const m = /^self\.all\(key,key\.matches\(r"""(.*)"""\)\)$/.exec(text)
  if (!m) return undefined
  let re: RegExp
  try {
    re = new RegExp(m[1])
  } catch {
    return undefined
  }
  return (v) => {
    if (!isObj(v)) return undefined
    const bad = Object.keys(v).find((k) => !re.test(k))
    return bad === undefined ? undefined : fail(`has the key ${JSON.stringify(bad)}`, bad)
  }
}

const LABEL_NAME = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/
const DNS1123 = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/

const udsNoPorts: Evaluator = (v) => (isObj(v) && str(v.address) && v.address.startsWith('unix://') && has(v, 'ports') ? fail('sets ports on a unix domain socket address', 'ports') : undefined)
const noneResolutionNoEndpoints: Evaluator = (v) => {
  if (!isObj(v) || !has(v, 'endpoints')) return undefined
  const resolution = has(v, 'resolution') ? v.resolution : 'NONE'
  return resolution === 'NONE' ? fail('sets endpoints while resolution is NONE (or unset)', 'endpoints') : undefined
}
const cidrNeedsStaticOrNone: Evaluator = (v) => {
  if (!isObj(v) || !Array.isArray(v.addresses) || !v.addresses.some((a) => str(a) && a.includes('/'))) return undefined
  const resolution = has(v, 'resolution') ? v.resolution : 'NONE'
  return resolution === 'STATIC' || resolution === 'NONE' ? undefined : fail(`uses a CIDR address with resolution ${String(resolution)}`, 'addresses')
}
const portLevelMtlsNeedsSelector: Evaluator = (v) => {
  if (!isObj(v) || !has(v, 'portLevelMtls')) return undefined
  const labels = isObj(v.selector) && isObj(v.selector.matchLabels) ? v.selector.matchLabels : {}
  return Object.keys(labels).length > 0 ? undefined : fail('sets portLevelMtls without a selector with matchLabels', 'portLevelMtls')
}
const tagOverrideUpsertNeedsValue: Evaluator = (v) => {
  // An unset value makes CEL fail with "no such key": left undecided.
  if (!isObj(v) || (has(v, 'operation') ? v.operation : '') !== 'UPSERT' || !str(v.value)) return undefined
  return v.value === '' ? fail('has operation UPSERT with an empty value', 'value') : undefined
}
const uniqueNames: Evaluator = (v) => {
  if (!Array.isArray(v)) return undefined
  const seen = new Set<unknown>()
  for (let i = 0; i < v.length; i++) {
    const item = v[i]
    if (!isObj(item) || !has(item, 'name')) continue
    if (seen.has(item.name)) return fail(`repeats the name ${JSON.stringify(item.name)}`, i)
    seen.add(item.name)
  }
  return undefined
}
const uniqueBy = (field: string, what: string): Evaluator => (v) => {
  if (!Array.isArray(v) || !v.every((item) => isObj(item) && has(item, field))) return undefined
  const seen = new Set<string>()
  for (let i = 0; i < v.length; i++) {
    const key = JSON.stringify((v[i] as Obj)[field])
    if (seen.has(key)) return fail(`repeats the ${what} ${key}`, i)
    seen.add(key)
  }
  return undefined
}
const wildcardOnlyAlone: Evaluator = (v) => (Array.isArray(v) && v.includes('*') && v.length > 1 ? fail('lists "*" together with other values') : undefined)
const hostnames = (test: (h: string) => boolean, what: string): Evaluator => (v) => {
  if (!Array.isArray(v)) return undefined
  const i = v.findIndex((h) => str(h) && !test(h))
  return i === -1 ? undefined : fail(`has ${what} ${JSON.stringify(v[i])}`, i)
}

export const CEL_EVALUATORS: readonly CelEvaluator[] = [
  {
    id: 'duration-at-least-1ms',
    texts: ['duration(self)>=duration("1ms")'],
    check: (v) => {
      const ms = str(v) ? parseDuration(v) : undefined
      return ms !== undefined && ms < 1 ? fail(`is ${v as string}, shorter than 1ms`) : undefined
    }
  },
  { id: 'no-wildcard-in-label-value', texts: ['!self.contains("*")'], check: (v) => (str(v) && v.includes('*') ? fail(`contains a wildcard (${JSON.stringify(v)})`) : undefined) },
  {
    id: 'no-wildcard-in-label-key',
    texts: ['self.all(key,!key.contains("*"))'],
    check: (v) => {
      const bad = isObj(v) ? Object.keys(v).find((k) => k.includes('*')) : undefined
      return bad === undefined ? undefined : fail(`has the wildcard key ${JSON.stringify(bad)}`, bad)
    }
  },
  {
    id: 'no-empty-label-key',
    texts: ['self.all(key,key.size()!=0)'],
    check: (v) => (isObj(v) && Object.keys(v).includes('') ? fail('has an empty key', '') : undefined)
  },
  { id: 'no-cross-namespace-target', texts: ['self.size()==0'], check: (v) => (str(v) && v.length > 0 ? fail(`names the namespace ${JSON.stringify(v)}`) : undefined) },
  {
    id: 'port-1-65535',
    texts: ['0<self&&self<=65535'],
    check: (v) => (typeof v === 'number' && !(v > 0 && v <= 65535) ? fail(`is ${v}, outside 1-65535`) : undefined)
  },
  {
    id: 'port-keys-1-65535',
    texts: ['self.all(key,0<int(key)&&int(key)<=65535)'],
    check: (v) => {
      if (!isObj(v)) return undefined
      // int() of a non-number fails in CEL: undecided, so only numeric keys are judged.
      const bad = Object.keys(v).find((k) => /^-?\d+$/.test(k) && !(Number(k) > 0 && Number(k) <= 65535))
      return bad === undefined ? undefined : fail(`has the port ${bad}, outside 1-65535`, bad)
    }
  },
  {
    id: 'port-name-valid',
    texts: ['self.all(key,size(key)<63&&key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))'],
    check: (v) => {
      const bad = isObj(v) ? Object.keys(v).find((k) => !(chars(k) < 63 && LABEL_NAME.test(k))) : undefined
      return bad === undefined ? undefined : fail(`has the port name ${JSON.stringify(bad)}`, bad)
    }
  },
  { id: 'address-or-network', texts: ['has(self.address)||has(self.network)'], check: (v) => (isObj(v) && !has(v, 'address') && !has(v, 'network') ? fail('sets neither address nor network') : undefined) },
  {
    id: 'uds-no-ports',
    texts: ['(has(self.address)&&self.address.startsWith("unix://"))?!has(self.ports):true', '(has(self.address)?self.address:"").startsWith("unix://")?!has(self.ports):true'],
    check: udsNoPorts
  },
  { id: 'uds-not-dir', texts: ['self.startsWith("unix://")?!self.endsWith("/"):true'], check: (v) => (str(v) && v.startsWith('unix://') && v.endsWith('/') ? fail(`is a directory socket path (${v})`) : undefined) },
  {
    id: 'uds-absolute',
    texts: ['self.startsWith("unix://")?(self.substring(7,8)=="/"||self.substring(7,8)=="@"):true'],
    // "unix://" alone makes substring() fail: left undecided.
    check: (v) => (str(v) && v.startsWith('unix://') && v.length > 7 && v[7] !== '/' && v[7] !== '@' ? fail(`is not an absolute or abstract socket path (${v})`) : undefined)
  },
  { id: 'host-not-wildcard', texts: ['self!="*"'], check: (v) => (v === '*' ? fail('is "*"') : undefined) },
  { id: 'unique-port-numbers', texts: ['self.all(l1,self.exists_one(l2,l1.number==l2.number))'], check: uniqueBy('number', 'port number') },
  {
    id: 'none-resolution-no-endpoints',
    texts: ['(!has(self.resolution)||self.resolution=="NONE")?!has(self.endpoints):true', '((has(self.resolution)?self.resolution:"NONE")=="NONE")?!has(self.endpoints):true'],
    check: noneResolutionNoEndpoints
  },
  {
    id: 'dns-round-robin-one-endpoint',
    texts: ['(has(self.resolution)&&self.resolution=="DNS_ROUND_ROBIN")?(!has(self.endpoints)||size(self.endpoints)==1):true'],
    check: (v) => (isObj(v) && v.resolution === 'DNS_ROUND_ROBIN' && Array.isArray(v.endpoints) && v.endpoints.length !== 1 ? fail(`has ${v.endpoints.length} endpoints with resolution DNS_ROUND_ROBIN`, 'endpoints') : undefined)
  },
  {
    id: 'dns-round-robin-one-endpoint',
    texts: ['((has(self.resolution)?self.resolution:"")=="DNS_ROUND_ROBIN")?((has(self.endpoints)?self.endpoints:[]).size()<=1):true'],
    check: (v) => (isObj(v) && v.resolution === 'DNS_ROUND_ROBIN' && Array.isArray(v.endpoints) && v.endpoints.length > 1 ? fail(`has ${v.endpoints.length} endpoints with resolution DNS_ROUND_ROBIN`, 'endpoints') : undefined)
  },
  {
    id: 'cidr-needs-static-or-none',
    texts: [
      '!(has(self.addresses)&&self.addresses.exists(k,k.contains("/"))&&(has(self.resolution)&&self.resolution!="STATIC"&&self.resolution!="NONE"))',
      '!((has(self.addresses)?self.addresses:[]).exists(k,k.contains("/"))&&!((has(self.resolution)?self.resolution:"NONE")in["STATIC","NONE"]))'
    ],
    check: cidrNeedsStaticOrNone
  },
  {
    id: 'port-level-mtls-needs-selector',
    texts: [
      '(has(self.selector)&&has(self.selector.matchLabels)&&self.selector.matchLabels.size()>0)||!has(self.portLevelMtls)',
      'has(self.portLevelMtls)?(((has(self.selector)&&has(self.selector.matchLabels))?self.selector.matchLabels:{}).size()>0):true'
    ],
    check: portLevelMtlsNeedsSelector
  },
  {
    id: 'service-accounts-exclusive',
    texts: ['(has(self.serviceAccounts)||has(self.notServiceAccounts))?(!has(self.principals)&&!has(self.notPrincipals)&&!has(self.namespaces)&&!has(self.notNamespaces)):true'],
    check: (v) => {
      if (!isObj(v) || !(has(v, 'serviceAccounts') || has(v, 'notServiceAccounts'))) return undefined
      const other = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].find((k) => has(v, k))
      return other ? fail(`combines serviceAccounts with ${other}`, other) : undefined
    }
  },
  {
    id: 'tag-override-remove-no-value',
    texts: ['((has(self.operation)?self.operation:"")=="REMOVE")?!has(self.value):true'],
    check: (v) => (isObj(v) && v.operation === 'REMOVE' && has(v, 'value') ? fail('sets a value with operation REMOVE', 'value') : undefined)
  },
  {
    id: 'tag-override-upsert-value',
    texts: ['((has(self.operation)?self.operation:"")=="UPSERT")?self.value!="":true', '((has(self.operation)?self.operation:"")=="UPSERT")?(self.value!=""):true'],
    check: tagOverrideUpsertNeedsValue
  },
  { id: 'probe-scheme', texts: ['self in["","HTTP","HTTPS"]'], check: (v) => (str(v) && !['', 'HTTP', 'HTTPS'].includes(v) ? fail(`is ${JSON.stringify(v)}, not HTTP or HTTPS`) : undefined) },
  {
    id: 'jwks-uri-http',
    texts: ['url(self).getScheme()in["http","https"]'],
    check: (v) => {
      if (!str(v)) return undefined
      const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v)
      // Without a scheme url() may fail to parse; only a parsed, wrong scheme is a verdict.
      return m && !['http', 'https'].includes(m[1]) ? fail(`uses the scheme ${m[1]}`) : undefined
    }
  },
  {
    id: 'waypoint-match-needs-waypoint-context',
    texts: ['has(self.context)?((self.context=="WAYPOINT")?has(self.waypoint):!has(self.waypoint)):!has(self.waypoint)'],
    check: (v) => {
      if (!isObj(v)) return undefined
      const waypointContext = v.context === 'WAYPOINT'
      if (waypointContext && !has(v, 'waypoint')) return fail('has context WAYPOINT without a waypoint match', 'context')
      if (!waypointContext && has(v, 'waypoint')) return fail('sets a waypoint match outside context WAYPOINT', 'waypoint')
      return undefined
    }
  },
  { id: 'wildcard-alone', texts: ['!("*" in self&&self.size()>1)'], check: wildcardOnlyAlone },
  {
    id: 'one-cors-filter',
    texts: ['self.filter(f,f.type=="CORS").size()<=1'],
    check: (v) => {
      if (!Array.isArray(v)) return undefined
      const cors = v.flatMap((f, i) => (isObj(f) && f.type === 'CORS' ? [i] : []))
      return cors.length > 1 ? fail('has more than one CORS filter', cors[1]) : undefined
    }
  },
  { id: 'cors-filter-needs-cors', texts: ['!(!has(self.cors)&&self.type=="CORS")'], check: (v) => (isObj(v) && v.type === 'CORS' && !has(v, 'cors') ? fail('has type CORS without cors', 'type') : undefined) },
  { id: 'cors-only-for-cors-filter', texts: ['!(has(self.cors)&&self.type!="CORS")'], check: (v) => (isObj(v) && str(v.type) && v.type !== 'CORS' && has(v, 'cors') ? fail(`sets cors on a ${v.type} filter`, 'cors') : undefined) },
  { id: 'mirror-percent-or-fraction', texts: ['!(has(self.percent)&&has(self.fraction))'], check: (v) => (isObj(v) && has(v, 'percent') && has(v, 'fraction') ? fail('sets both percent and fraction', 'fraction') : undefined) },
  { id: 'unique-rule-names', texts: ['self.all(l1,!has(l1.name)||self.exists_one(l2,has(l2.name)&&l1.name==l2.name))'], check: uniqueNames },
  {
    id: 'listener-tls-required',
    texts: ['self.all(l,l.protocol in["HTTPS","TLS"]?has(l.tls):true)'],
    check: (v) => {
      if (!Array.isArray(v)) return undefined
      const i = v.findIndex((l) => isObj(l) && (l.protocol === 'HTTPS' || l.protocol === 'TLS') && !has(l, 'tls'))
      return i === -1 ? undefined : fail(`has a ${(v[i] as Obj).protocol as string} listener without tls`, i)
    }
  },
  { id: 'hostname-not-ip', texts: ['self.all(h,!isIP(h))'], check: hostnames((h) => isIP(h) === 0, 'the IP address') },
  {
    id: 'hostname-rfc1123',
    texts: ['self.all(h,!h.contains("*")?h.matches("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$"):true)'],
    check: hostnames((h) => h.includes('*') || DNS1123.test(h), 'the invalid hostname')
  },
  {
    id: 'hostname-wildcard-first-label',
    texts: ['self.all(h,h.contains("*")?(h.startsWith("*.")&&h.substring(2).matches("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$")):true)'],
    check: hostnames((h) => !h.includes('*') || (h.startsWith('*.') && DNS1123.test(h.slice(2))), 'the invalid wildcard hostname')
  },
  {
    id: 'label-key-prefix-length',
    texts: ['self.all(key,key.split("/")[0].size()<253)'],
    check: (v) => {
      const bad = isObj(v) ? Object.keys(v).find((k) => chars(k.split('/')[0]) >= 253) : undefined
      return bad === undefined ? undefined : fail('has a key whose prefix is 253 characters or longer', bad)
    }
  }
]

const celByText = new Map<string, CelEvaluator>()
for (const e of CEL_EVALUATORS) for (const t of e.texts) celByText.set(t, e)

/** The evaluator id of a CEL text (shared by its rewrites), or undefined when we cannot evaluate it. */
export function celRuleId(text: string): string | undefined {
  const known = celByText.get(text)
  if (known) return known.id
  if (groupKindListEvaluator(text)) return 'target-kinds'
  if (atMostOneEvaluator(text)) return `at-most-one:${[...text.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1]).sort().join(',')}`
  if (keysMatchEvaluator(text)) return 'keys-match'
  return undefined
}

export function celEvaluator(text: string): Evaluator | undefined {
  return celByText.get(text)?.check ?? groupKindListEvaluator(text) ?? atMostOneEvaluator(text) ?? keysMatchEvaluator(text)
}
