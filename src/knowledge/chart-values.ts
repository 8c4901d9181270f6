// What each Istio Helm chart version reads: the generated data/chart-values-index.json, compiled for lookups.
import type { Release } from './versions.js'
import INDEX from '../../data/chart-values-index.json' with { type: 'json' }

/** A tree of value paths: a node's own range under '', children by key; a leaf is its range string. */
type RangeTree = { [key: string]: string | RangeTree }

export interface ChartValuesIndexData {
  format: number
  charts: Record<string, {
    /** Release tags at which the chart changed, oldest first; ranges are indexes into this list. */
    tags: string[]
    reads: RangeTree
    open: Record<string, string>
    wrapper: Record<string, string>
    descope: Record<string, string>
    flattenGlobal: string
    fail: Record<string, string>
    moved: Record<string, string>
    schemaClosed?: string
    schemaAllowed?: Record<string, string>
  }>
}

export const CHART_VALUES_INDEX = INDEX as unknown as ChartValuesIndexData

/** Index intervals "0-3,7-" → membership test. */
function parseRanges(text: string | undefined): (i: number) => boolean {
  if (!text) return () => false
  const parts = text.split(',').map((p) => {
    const dash = p.indexOf('-')
    if (dash < 0) return [Number(p), Number(p)] as const
    const end = p.slice(dash + 1)
    return [Number(p.slice(0, dash)), end === '' ? Infinity : Number(end)] as const
  })
  return (i) => parts.some(([a, b]) => i >= a && i <= b)
}

interface PathNode {
  read: (i: number) => boolean
  children: Map<string, PathNode>
}

/** Compiled knowledge of one chart across its versions. */
export class ChartKnowledge {
  readonly tags: readonly string[]
  private readonly root: PathNode
  private readonly open: Map<string, (i: number) => boolean>
  private readonly wrapper: [string, (i: number) => boolean][]
  private readonly descope: [string, (i: number) => boolean][]
  private readonly flattenGlobal: (i: number) => boolean
  private readonly fail: Map<string, (i: number) => boolean>
  readonly moved: ReadonlyMap<string, string>
  private readonly schemaClosed: (i: number) => boolean
  private readonly schemaAllowed: Map<string, (i: number) => boolean>
  readonly hasSchema: boolean

  constructor(readonly name: string, data: ChartValuesIndexData['charts'][string]) {
    this.tags = data.tags
    const build = (tree: RangeTree | string): PathNode => {
      if (typeof tree === 'string') return { read: parseRanges(tree), children: new Map() }
      const node: PathNode = { read: parseRanges(typeof tree[''] === 'string' ? tree[''] : undefined), children: new Map() }
      for (const [k, v] of Object.entries(tree)) if (k !== '') node.children.set(k, build(v))
      return node
    }
    this.root = build(data.reads)
    this.root.read = () => true
    this.open = new Map(Object.entries(data.open).map(([k, v]) => [k, parseRanges(v)]))
    this.wrapper = Object.entries(data.wrapper).map(([k, v]) => [k, parseRanges(v)])
    this.descope = Object.entries(data.descope).map(([k, v]) => [k, parseRanges(v)])
    this.flattenGlobal = parseRanges(data.flattenGlobal)
    this.fail = new Map(Object.entries(data.fail).map(([k, v]) => [k, parseRanges(v)]))
    this.moved = new Map(Object.entries(data.moved))
    this.hasSchema = data.schemaClosed !== undefined
    this.schemaClosed = parseRanges(data.schemaClosed)
    this.schemaAllowed = new Map(Object.entries(data.schemaAllowed ?? {}).map(([k, v]) => [k, parseRanges(v)]))
  }

  /**
   * The chart version that a target release installs: the newest tag at or below the target (a bare minor
   * means its newest patch). A pre-release of a minor with no tag of its own reads as that minor's first tag.
   */
  versionFor(target: Release): number | undefined {
    let best: number | undefined
    for (let i = 0; i < this.tags.length; i++) {
      const t = parseTag(this.tags[i])
      if (compareTag(t, target) <= 0) best = i
    }
    if (target.pre !== undefined) {
      const sameMinor = this.tags.findIndex((t) => parseTag(t).minor === target.minorNumber && parseTag(t).major === target.major)
      if (sameMinor >= 0 && (best === undefined || parseTag(this.tags[best]).minor !== target.minorNumber)) best = sameMinor
    }
    return best
  }

  private node(path: readonly string[]): PathNode | undefined {
    let node: PathNode | undefined = this.root
    for (const k of path) {
      node = node.children.get(k)
      if (!node) return undefined
    }
    return node
  }

  /** The paths the user path stands for at version i (wrappers removed, descoped and flattened prefixes). */
  private candidates(path: readonly string[], i: number): string[][] {
    if (path.length === 0) return [[]]
    for (const [w, at] of this.wrapper) if (path[0] === w && at(i)) return this.candidates(path.slice(1), i)
    const out: string[][] = [[...path]]
    for (const [d, at] of this.descope) if (path[0] === d && at(i)) out.push(path.slice(1))
    if (path[0] === 'global' && this.flattenGlobal(i)) out.push(path.slice(1))
    return out
  }

  /** Whether the path is, or lies below, a subtree the version takes as a whole. */
  private openAt(path: readonly string[], i: number): boolean {
    for (let n = 1; n <= path.length; n++) if (this.open.get(path.slice(0, n).join('.'))?.(i)) return true
    return false
  }

  /**
   * What version i does with a user path: `fail` (the chart refuses to render), `open` (inside a free-form
   * subtree), `read` (with `more` when it has known children), `wrapper` (a wrapper key: look inside), `ignored`.
   */
  status(path: readonly string[], i: number): { kind: 'fail' | 'open' | 'read' | 'wrapper' | 'ignored'; more?: boolean } {
    if (path.length === 1 && this.wrapper.some(([w, at]) => w === path[0] && at(i))) return { kind: 'wrapper' }
    if (this.fail.get(path.join('.'))?.(i)) return { kind: 'fail' }
    let read = false
    let more = false
    for (const c of this.candidates(path, i)) {
      if (c.length === 0) return { kind: 'wrapper' }
      if (this.openAt(c, i)) return { kind: 'open' }
      const node = this.node(c)
      if (node?.read(i)) {
        read = true
        for (const child of node.children.values()) if (child.read(i)) more = true
      }
    }
    return read ? { kind: 'read', more } : { kind: 'ignored' }
  }

  /** Whether version i refuses to render when some value below `prefix` is set (a removed value under it). */
  failsBelow(prefix: readonly string[], i: number): boolean {
    const start = prefix.length === 0 ? '' : `${prefix.join('.')}.`
    for (const [k, at] of this.fail) if (k.startsWith(start) && at(i)) return true
    return false
  }

  /** Whether any version reads the path (or takes a subtree holding it). */
  readAt(path: readonly string[], i: number): boolean {
    const s = this.status(path, i).kind
    return s === 'read' || s === 'open' || s === 'wrapper'
  }

  /** The first version after i that reads the path, and the last one before i that did. */
  around(path: readonly string[], i: number): { later?: string; earlier?: string } {
    let later: string | undefined
    let earlier: string | undefined
    for (let j = i + 1; j < this.tags.length && later === undefined; j++) if (this.readAt(path, j)) later = this.tags[j]
    for (let j = i - 1; j >= 0 && earlier === undefined; j--) if (this.readAt(path, j)) earlier = this.tags[j]
    return { ...(later ? { later } : {}), ...(earlier ? { earlier } : {}) }
  }

  /** Whether any version of the chart reads this top-level key. */
  knowsTopLevel(key: string): boolean {
    return this.tags.some((_, i) => this.readAt([key], i))
  }

  /** Keys read at version i next to the last step of `path` (for "did you mean"). */
  siblings(path: readonly string[], i: number): string[] {
    const out = new Set<string>()
    for (const c of this.candidates(path, i)) {
      const parent = this.node(c.slice(0, -1))
      if (!parent) continue
      for (const [k, child] of parent.children) if (child.read(i)) out.add(k)
    }
    return [...out]
  }

  /** Whether some version's values schema lists the top-level key (an accepted key, read or not). */
  schemaDeclares(key: string): boolean {
    const allowed = this.schemaAllowed.get(key)
    return allowed !== undefined && this.tags.some((_, i) => allowed(i))
  }

  /** Gateway chart: whether the values schema of version i refuses the top-level key (Helm stops the install). */
  schemaRefuses(key: string, i: number): boolean {
    if (!this.schemaClosed(i)) return false
    return !(this.schemaAllowed.get(key)?.(i) ?? false)
  }
}

interface Tag {
  major: number
  minor: number
  patch: number
  pre?: string
}

function parseTag(tag: string): Tag {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(tag)
  if (!m) throw new Error(`bad chart tag ${tag}`)
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), ...(m[4] ? { pre: m[4] } : {}) }
}

/** Orders a chart tag against a target release (a bare minor = its newest patch). */
function compareTag(t: Tag, r: Release): number {
  if (t.major !== r.major) return t.major - r.major
  if (t.minor !== r.minorNumber) return t.minor - r.minorNumber
  const rp = r.patch ?? Number.MAX_SAFE_INTEGER
  if (t.patch !== rp) return t.patch - rp
  if (t.pre && !r.pre) return -1
  if (!t.pre && r.pre) return 1
  return (t.pre ?? '').localeCompare(r.pre ?? '', 'en', { numeric: true })
}

const compiled = new Map<string, ChartKnowledge>()

/** The compiled knowledge of one chart (istiod, base, cni, ztunnel, gateway), or undefined for other charts. */
export function chartKnowledge(chart: string, index: ChartValuesIndexData = CHART_VALUES_INDEX): ChartKnowledge | undefined {
  const data = index.charts[chart]
  if (!data) return undefined
  if (index !== CHART_VALUES_INDEX) return new ChartKnowledge(chart, data)
  let k = compiled.get(chart)
  if (!k) {
    k = new ChartKnowledge(chart, data)
    compiled.set(chart, k)
  }
  return k
}
