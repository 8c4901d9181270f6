// The committed schema index (data/schema-index.json, built by scripts/generate-schema-index.mjs),
// typed and compiled into lookup trees whose release sets are bitmasks over `releases`.
import indexData from '../../data/schema-index.json' with { type: 'json' }

export type SchemaFamily = 'istio' | 'gateway-api' | 'inference'

export interface ReleasePin {
  /** istio/istio tag whose CRDs represent the minor, e.g. 1.28.10 */
  istio: string
  istioCrdFile: string | null
  /** Gateway API release the Istio release pins (go.mod), e.g. v1.4.1 */
  gatewayApi: string
  /** Inference Extension version pinned, or null when the release does not use it. */
  inference: string | null
}

/** A field tree node: 0 = leaf present whenever its parent is; a string = leaf with its own release range. */
export type TreeNodeData = 0 | string | TreeObjectData
export interface TreeObjectData {
  /** Release range when it differs from the parent's. */
  '@r'?: string
  /** Unknown keys are accepted (x-kubernetes-preserve-unknown-fields, additionalProperties: true). */
  '@open'?: 1
  /** Allowed values; 0 = whenever the node exists, else the value's own range. */
  '@enum'?: Record<string, 0 | string>
  /** Gateway API: releases in which the node exists only in the experimental channel (the standard one serves the apiVersion). */
  '@x'?: string
  /** Gateway API: per enum value, the releases in which only the experimental channel allows it. */
  '@xenum'?: Record<string, string>
  [child: string]: TreeNodeData | Record<string, 0 | string> | 1 | undefined
}

export type RuleKind = 'required' | 'maxLength' | 'minLength' | 'maxItems' | 'minItems' | 'maxProperties' | 'minProperties'
  | 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'pattern' | 'listType' | 'oneOf' | 'cel'

export interface RuleData {
  kind: RuleKind
  /** The limit, the required field name, the pattern, the normalised CEL text, or the field names of a oneOf. */
  value: unknown
  /** Releases that apply the rule. */
  releases: string
  /** The API server's message (CEL rules). */
  message?: string
  /** Schema paths the rule sits on ('' = the object itself). */
  paths: string[]
}

export interface SchemaData {
  releases: string
  tree: TreeNodeData
  rules: RuleData[]
}

export interface KindData {
  family: SchemaFamily
  versions: Record<string, { served: string; standard?: string; schema: number }>
  schemas: SchemaData[]
}

export interface SchemaIndexData {
  formatVersion: number
  releases: string[]
  pins: Record<string, ReleasePin>
  kinds: Record<string, KindData>
}

export const SCHEMA_INDEX = indexData as unknown as SchemaIndexData

// ---------------------------------------------------------------------------------------------

export interface SchemaRule {
  kind: RuleKind
  value: unknown
  message?: string
  /** Releases that apply the rule (bitmask over the index's releases). */
  mask: number
  /** The schema path the rule sits on. */
  path: string
}

export interface SchemaNode {
  /** Flattened schema path: dotted, '[]' for items, '*' for map values; '' for the object itself. */
  path: string
  /** Releases having this node. */
  mask: number
  props?: Map<string, SchemaNode>
  items?: SchemaNode
  values?: SchemaNode
  open: boolean
  /** Allowed values → releases allowing them. */
  enumValues?: Map<string, number>
  rules?: SchemaRule[]
  /** Gateway API: releases in which only the experimental channel has this node (0: both channels wherever it exists). */
  experimental: number
  /** Gateway API: enum value → releases in which only the experimental channel allows it. */
  experimentalValues?: Map<string, number>
}

export interface CompiledSchema {
  /** Releases in which some member apiVersion of this schema is served. */
  mask: number
  root: SchemaNode
  /** The apiVersions sharing this schema. */
  versions: string[]
}

export interface CompiledVersion {
  name: string
  served: number
  /** Releases whose standard channel serves it (Gateway API); equals served elsewhere. */
  standard: number
  schema: CompiledSchema
}

export interface CompiledKind {
  /** group/Kind, e.g. networking.istio.io/DestinationRule */
  key: string
  group: string
  kind: string
  family: SchemaFamily
  /** Newest apiVersion first (the index's order). */
  versions: Map<string, CompiledVersion>
  schemas: CompiledSchema[]
}

/** The index compiled for lookups; build once (compileSchemaIndex caches per data object). */
export class SchemaCatalog {
  readonly releases: readonly string[]
  readonly pins: Readonly<Record<string, ReleasePin>>
  readonly kinds = new Map<string, CompiledKind>()
  private readonly releasePosition = new Map<string, number>()
  /** apiVersion → kind name → kind (null: not in the index), filled as documents come. */
  private readonly lookup = new Map<string, Map<string, CompiledKind | null>>()

  constructor(readonly data: SchemaIndexData) {
    this.releases = data.releases
    this.pins = data.pins
    data.releases.forEach((r, i) => this.releasePosition.set(r, i))
    for (const [key, kind] of Object.entries(data.kinds)) this.kinds.set(key, compileKind(key, kind, data.releases))
  }

  /** Position of a minor ('1.28') in `releases`, or -1. */
  releaseIndex(minor: string): number {
    return this.releasePosition.get(minor) ?? -1
  }

  /** The kind of an object's apiVersion + kind name, or undefined when the index does not cover it. */
  kindOf(apiVersion: string, kind: string): CompiledKind | undefined {
    // Two map lookups, no string building: this runs for every document of a repository.
    let byKind = this.lookup.get(apiVersion)
    if (!byKind) {
      byKind = new Map()
      this.lookup.set(apiVersion, byKind)
    }
    let found = byKind.get(kind)
    if (found === undefined) {
      const slash = apiVersion.lastIndexOf('/')
      found = (slash > 0 && this.kinds.get(`${apiVersion.slice(0, slash)}/${kind}`)) || null
      byKind.set(kind, found)
    }
    return found ?? undefined
  }

  /** '1.22-1.31' for a mask. */
  formatMask(mask: number): string {
    return formatReleaseMask(mask, this.releases)
  }

  /** The releases of a mask, in order. */
  releasesOf(mask: number): string[] {
    return this.releases.filter((_, i) => mask & (1 << i))
  }
}

const compiled = new WeakMap<SchemaIndexData, SchemaCatalog>()

export function compileSchemaIndex(data: SchemaIndexData = SCHEMA_INDEX): SchemaCatalog {
  let catalog = compiled.get(data)
  if (!catalog) {
    catalog = new SchemaCatalog(data)
    compiled.set(data, catalog)
  }
  return catalog
}

/** '1.20-1.23,1.26' → bitmask over `releases`; '' → 0. */
export function parseReleaseRanges(ranges: string, releases: readonly string[]): number {
  let mask = 0
  if (ranges === '') return 0
  for (const run of ranges.split(',')) {
    const [first, last = first] = run.split('-')
    const a = releases.indexOf(first)
    const b = releases.indexOf(last)
    if (a < 0 || b < a) throw new Error(`schema index: bad release range "${run}"`)
    for (let i = a; i <= b; i++) mask |= 1 << i
  }
  return mask
}

export function formatReleaseMask(mask: number, releases: readonly string[]): string {
  const runs: string[] = []
  for (let i = 0; i < releases.length; i++) {
    if (!(mask & (1 << i))) continue
    let j = i
    while (j + 1 < releases.length && mask & (1 << (j + 1))) j++
    runs.push(i === j ? releases[i] : `${releases[i]}-${releases[j]}`)
    i = j
  }
  return runs.join(',')
}

/** 'a.b[].*' → ['a', 'b', '[]', '*'] */
export function schemaPathKeys(path: string): string[] {
  return path === '' ? [] : path.replace(/\[\]/g, '.[]').split('.').filter((k) => k !== '')
}

function compileKind(key: string, data: KindData, releases: readonly string[]): CompiledKind {
  const slash = key.lastIndexOf('/')
  const schemas: CompiledSchema[] = data.schemas.map((s) => {
    const mask = parseReleaseRanges(s.releases, releases)
    const root = compileTree(s.tree, mask, '', releases)
    attachRules(root, s.rules, releases)
    return { mask, root, versions: [] }
  })
  const versions = new Map<string, CompiledVersion>()
  for (const [name, v] of Object.entries(data.versions)) {
    const served = parseReleaseRanges(v.served, releases)
    const schema = schemas[v.schema]
    schema.versions.push(name)
    versions.set(name, { name, served, standard: v.standard === undefined ? served : parseReleaseRanges(v.standard, releases), schema })
  }
  return { key, group: key.slice(0, slash), kind: key.slice(slash + 1), family: data.family, versions, schemas }
}

/**
 * Every node gets every field, in one order: the walk reads them for every YAML node, and objects of one shape
 * keep those reads monomorphic.
 */
function schemaNode(path: string, mask: number, open: boolean): SchemaNode {
  return { path, mask, open, props: undefined, items: undefined, values: undefined, enumValues: undefined, rules: undefined, experimental: 0, experimentalValues: undefined }
}

function compileTree(data: TreeNodeData, parentMask: number, path: string, releases: readonly string[]): SchemaNode {
  if (data === 0) return schemaNode(path, parentMask, false)
  if (typeof data === 'string') return schemaNode(path, parseReleaseRanges(data, releases), false)
  const mask = data['@r'] === undefined ? parentMask : parseReleaseRanges(data['@r'], releases)
  const node = schemaNode(path, mask, data['@open'] === 1)
  if (data['@x'] !== undefined) node.experimental = parseReleaseRanges(data['@x'], releases)
  const xenum = data['@xenum']
  if (xenum) node.experimentalValues = new Map(Object.entries(xenum).map(([value, range]) => [value, parseReleaseRanges(range, releases)]))
  const enumData = data['@enum']
  if (enumData) {
    node.enumValues = new Map()
    for (const [value, range] of Object.entries(enumData)) node.enumValues.set(value, range === 0 ? mask : parseReleaseRanges(range, releases))
  }
  for (const [key, child] of Object.entries(data)) {
    if (key.startsWith('@') || child === undefined) continue
    const childData = child as TreeNodeData
    if (key === '[]') node.items = compileTree(childData, mask, `${path}[]`, releases)
    else if (key === '*') node.values = compileTree(childData, mask, path ? `${path}.*` : '*', releases)
    else {
      node.props ??= new Map()
      node.props.set(key, compileTree(childData, mask, path ? `${path}.${key}` : key, releases))
    }
  }
  return node
}

/** The node at a flattened schema path, or undefined. */
export function schemaNodeAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root
  for (const k of schemaPathKeys(path)) {
    if (!node) return undefined
    node = k === '[]' ? node.items : k === '*' ? node.values : node.props?.get(k)
  }
  return node
}

function attachRules(root: SchemaNode, rules: readonly RuleData[], releases: readonly string[]): void {
  for (const r of rules) {
    const mask = parseReleaseRanges(r.releases, releases)
    for (const path of r.paths) {
      const node = schemaNodeAt(root, path)
      if (!node) throw new Error(`schema index: rule on unknown path "${path}"`)
      const rule: SchemaRule = { kind: r.kind, value: r.value, mask, path }
      if (r.message !== undefined) rule.message = r.message
      ;(node.rules ??= []).push(rule)
    }
  }
}

/** Every node of a schema tree, depth first (for tests and tooling). */
export function* schemaNodes(root: SchemaNode): Generator<SchemaNode> {
  yield root
  if (root.props) for (const child of root.props.values()) yield* schemaNodes(child)
  if (root.items) yield* schemaNodes(root.items)
  if (root.values) yield* schemaNodes(root.values)
}
