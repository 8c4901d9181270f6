// Catalog path patterns (`spec.http[].mirrors`, `$trafficPolicy.tls`) resolved against plain YAML values.
import { splitCatalogPath, WORKLOAD_KINDS } from '../../knowledge/catalog.js'
import { isObject } from '../../manifests/recognise.js'

export type Step =
  | { kind: 'key'; key: string }
  | { kind: 'anyKey' }
  | { kind: 'anyItem' }
  | { kind: 'item'; index: number }

export type PathPattern = readonly Step[]

/** A path to one concrete value: map keys and sequence indexes. */
export type ConcretePath = (string | number)[]

/** The four places a DestinationRule traffic policy lives. */
const TRAFFIC_POLICY_PREFIXES = [
  'spec.trafficPolicy',
  'spec.trafficPolicy.portLevelSettings[]',
  'spec.subsets[].trafficPolicy',
  'spec.subsets[].trafficPolicy.portLevelSettings[]'
]

const POD_TEMPLATE_BY_KIND: Record<string, string> = {
  Pod: '',
  CronJob: 'spec.jobTemplate.spec.template'
}
const DEFAULT_POD_TEMPLATE = 'spec.template'

/** Workload kinds whose pod template (or own spec, for Pod) is checked by `$podSpec` / `$podMetadata` paths. */
export { WORKLOAD_KINDS }

/** Where the pod template of a workload kind sits ('' = the object itself, for Pod). */
export function podTemplatePath(kind: string): string {
  return POD_TEMPLATE_BY_KIND[kind] ?? DEFAULT_POD_TEMPLATE
}

/** Expands `$trafficPolicy` / `$podSpec` / `$podMetadata` for one kind; paths without macros come back unchanged. */
export function expandMacros(path: string, kind: string): string[] {
  if (path.startsWith('$trafficPolicy')) return TRAFFIC_POLICY_PREFIXES.map((p) => p + path.slice('$trafficPolicy'.length))
  const template = podTemplatePath(kind)
  const join = (base: string, rest: string): string => [base, rest].filter((s) => s !== '').join('.')
  if (path.startsWith('$podSpec')) return [join(join(template, 'spec'), path.slice('$podSpec'.length).replace(/^\./, ''))]
  if (path.startsWith('$podMetadata')) return [join(join(template, 'metadata'), path.slice('$podMetadata'.length).replace(/^\./, ''))]
  return [path]
}

export function compilePath(path: string): PathPattern {
  if (path === '') return []
  const steps: Step[] = []
  for (const segment of splitCatalogPath(path)) {
    const m = /^(\["[^"]+"\]|[^[]+)((?:\[\d*\])*)$/.exec(segment)
    if (!m) throw new Error(`bad catalog path segment "${segment}" in "${path}"`)
    const [, head, brackets] = m
    if (head === '*') steps.push({ kind: 'anyKey' })
    else steps.push({ kind: 'key', key: head.startsWith('["') ? head.slice(2, -2) : head })
    for (const b of brackets.match(/\[\d*\]/g) ?? []) {
      steps.push(b === '[]' ? { kind: 'anyItem' } : { kind: 'item', index: Number(b.slice(1, -1)) })
    }
  }
  return steps
}

const hasOwn = Object.prototype.hasOwnProperty

/** A YAML map (a plain object; not a list, not null): the manifests layer's test. */
export { isObject as isMap }

/** The value at a path of map keys (each read as a string), or undefined. */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value
  for (const step of path) {
    const key = String(step)
    if (!isObject(current) || !hasOwn.call(current, key)) return undefined
    current = current[key]
  }
  return current
}

/** Every concrete path the pattern reaches in `value` (present keys count even when their value is null; `passes` refuses null). */
export function resolvePath(value: unknown, pattern: PathPattern, prefix: ConcretePath = []): { path: ConcretePath; value: unknown }[] {
  const out: { path: ConcretePath; value: unknown }[] = []
  // One path stack for the whole walk, copied only for a match: most patterns miss on their first steps.
  resolveInto(value, pattern, 0, prefix.slice(), out)
  return out
}

function resolveInto(current: unknown, pattern: PathPattern, i: number, path: ConcretePath, out: { path: ConcretePath; value: unknown }[]): void {
  if (i === pattern.length) {
    out.push({ path: path.slice(), value: current })
    return
  }
  if (typeof current !== 'object' || current === null) return
  const step = pattern[i]
  switch (step.kind) {
    case 'key': {
      if (Array.isArray(current) || !hasOwn.call(current, step.key)) return
      path.push(step.key)
      resolveInto((current as Record<string, unknown>)[step.key], pattern, i + 1, path, out)
      path.pop()
      return
    }
    case 'anyKey':
      if (Array.isArray(current)) return
      for (const key of Object.keys(current)) {
        path.push(key)
        resolveInto((current as Record<string, unknown>)[key], pattern, i + 1, path, out)
        path.pop()
      }
      return
    case 'anyItem':
      if (!Array.isArray(current)) return
      for (let index = 0; index < current.length; index++) {
        path.push(index)
        resolveInto(current[index], pattern, i + 1, path, out)
        path.pop()
      }
      return
    case 'item':
      if (!Array.isArray(current) || step.index >= current.length) return
      path.push(step.index)
      resolveInto(current[step.index], pattern, i + 1, path, out)
      path.pop()
      return
  }
}

/** Values are compared as text so YAML `true` and `"true"` match alike. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

export interface ValuePredicate {
  values?: ReadonlySet<string>
  pattern?: RegExp
  /** `typeof` names the value must have (helmValue `valueTypes`), checked before the text comparison. */
  types?: ReadonlySet<string>
}

/** True when the value passes the test; with no test every present value passes. */
export function passes(value: unknown, test: ValuePredicate): boolean {
  // A key written with a null value sets nothing: the API server prunes null from custom resources (and a built-in
  // type decodes it as unset), protobuf JSON reads it as unset, and Helm drops the key from the merged values.
  if (value === null) return false
  if (test.types && !test.types.has(typeof value)) return false
  if (!test.values && !test.pattern) return true
  const text = scalarText(value)
  if (text === undefined) return false
  if (test.values && !test.values.has(text)) return false
  if (test.pattern && !test.pattern.test(text)) return false
  return true
}
