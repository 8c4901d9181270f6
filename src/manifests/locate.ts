// Resolving YAML paths to nodes and lines in the position tree.
import type { MapEntry, MapNode, PosNode, ScalarNode, YamlPath } from './types.js'

/** Follows an alias to its anchored node (one hop: anchors cannot point at aliases). */
export function deref(node: PosNode | null | undefined): PosNode | undefined {
  if (!node) return undefined
  return node.kind === 'alias' ? node.target : node
}

/** A `<<` entry merges only as a plain, untagged key: a quoted "<<" is an ordinary key (as in js-yaml). */
function isMergeEntry(entry: MapEntry): boolean {
  return entry.key === '<<' && entry.keyNode.kind === 'scalar' && entry.keyNode.style === 'plain' && (entry.keyNode.tag === undefined || entry.keyNode.tag === '!!merge')
}

/** The maps a `<<` entry merges, in precedence order (`<<: [*a, *b]`: keys of a win over b). */
function mergeSources(entry: MapEntry): MapNode[] {
  const source = deref(entry.value)
  const out: MapNode[] = []
  if (source?.kind === 'map') out.push(source)
  else if (source?.kind === 'seq') for (const item of source.items) {
    const s = deref(item)
    if (s?.kind === 'map') out.push(s)
  }
  return out
}

/**
 * The entry of `key` in a map, including keys brought in by `<<` merges, as kubectl (go-yaml v2) decodes them:
 * a merge applies where it stands, so it overrides own keys before it and later own keys override it; within one
 * `<<: [*a, *b]` the first map wins. A merged entry's nodes are those of the anchored map.
 */
export function mapEntry(map: MapNode, key: string, depth = 0): MapEntry | undefined {
  let own: MapEntry | undefined
  let hasMerge = false
  for (const entry of map.entries) {
    if (isMergeEntry(entry)) hasMerge = true
    else if (entry.key === key && own === undefined) own = entry
  }
  // Own keys are unique (a duplicate's first entry is dropped when the tree is built).
  if (!hasMerge || key === '<<') return own
  let found: MapEntry | undefined
  for (const entry of map.entries) {
    if (!isMergeEntry(entry)) {
      if (entry === own) found = own
      continue
    }
    // The depth bound stops a map that merges itself through an alias cycle.
    if (depth > 50) continue
    for (const source of mergeSources(entry)) {
      const inner = mapEntry(source, key, depth + 1)
      if (inner) {
        found = inner
        break
      }
    }
  }
  return found
}

/** Every effective entry of a map, own and merged, with mapEntry's precedence (merges apply where they stand). */
export function mergedEntries(map: MapNode, depth = 0): MapEntry[] {
  if (!map.entries.some(isMergeEntry)) return map.entries
  const byKey = new Map<string, MapEntry>()
  for (const entry of map.entries) {
    if (!isMergeEntry(entry)) {
      byKey.set(entry.key, entry)
      continue
    }
    if (depth > 50) continue
    const merged = new Map<string, MapEntry>()
    for (const source of mergeSources(entry)) for (const e of mergedEntries(source, depth + 1)) if (!merged.has(e.key)) merged.set(e.key, e)
    for (const [k, e] of merged) byKey.set(k, e)
  }
  return [...byKey.values()]
}

/** The map entry whose key is the last element of `path` (so both key line and value are at hand). */
export function entryAt(root: PosNode | null | undefined, path: YamlPath): MapEntry | undefined {
  if (path.length === 0) return undefined
  const parent = nodeAt(root, path.slice(0, -1))
  const last = path[path.length - 1]
  if (parent?.kind !== 'map') return undefined
  return mapEntry(parent, String(last))
}

/** The node at `path`, following aliases and merge keys. Numbers index sequences; in a map they are keys. */
export function nodeAt(root: PosNode | null | undefined, path: YamlPath): PosNode | undefined {
  let node = deref(root)
  for (const step of path) {
    if (!node) return undefined
    if (node.kind === 'map') node = deref(mapEntry(node, String(step))?.value)
    else if (node.kind === 'seq' && typeof step === 'number') node = deref(node.items[step])
    else return undefined
  }
  return node
}

/**
 * The lines a finding about `path` covers: from the key's line to the end of its value (a map entry), or the
 * node's own lines (a sequence item, the root).
 */
export function lineOf(root: PosNode | null | undefined, path: YamlPath): { line: number; endLine: number } | undefined {
  const entry = entryAt(root, path)
  if (entry) {
    const end = entry.value ? Math.max(entry.value.endLine, entry.keyNode.endLine) : entry.keyNode.endLine
    return { line: entry.keyNode.line, endLine: end }
  }
  const node = nodeAt(root, path)
  return node ? { line: node.line, endLine: node.endLine } : undefined
}

export interface ValueRange {
  /** 1-based lines of the value as written (a block scalar: its content lines, not the `|` header). */
  line: number
  endLine: number
  /** File offsets, end exclusive; a quoted scalar's range includes its quotes. */
  start: number
  end: number
}

/**
 * Where the scalar at `path` is written, so a rule can build an edit. Undefined when the path does not end
 * at a scalar written there: a collection, an alias or a merged key (editing the anchor would change every
 * use of it), an empty plain value, or YAML embedded without exact offsets.
 */
export function valueRange(root: PosNode | null | undefined, path: YamlPath): ValueRange | undefined {
  const node = ownNodeAt(root, path)
  if (node?.kind !== 'scalar' || node.start < 0) return undefined
  if (node.style === 'plain' && node.end === node.start) return undefined
  const quote = node.style === 'single' || node.style === 'double' ? 1 : 0
  return { line: node.line, endLine: node.endLine, start: node.start - quote, end: node.end + quote }
}

/** The node written at `path` in this tree, not reached through an alias or a merge. */
export function ownNodeAt(root: PosNode | null | undefined, path: YamlPath): PosNode | undefined {
  let node: PosNode | undefined = root ?? undefined
  for (const step of path) {
    if (!node) return undefined
    if (node.kind === 'map') {
      const key = String(step)
      node = node.entries.find((e) => e.key === key && !isMergeEntry(e))?.value ?? undefined
    } else if (node.kind === 'seq' && typeof step === 'number') node = node.items[step]
    else return undefined
  }
  return node?.kind === 'alias' ? undefined : node
}

/** The scalar at `path` (after aliases and merges), or undefined. */
export function scalarAt(root: PosNode | null | undefined, path: YamlPath): ScalarNode | undefined {
  const node = nodeAt(root, path)
  return node?.kind === 'scalar' ? node : undefined
}

export type Visitor = (node: PosNode, path: YamlPath, key: MapEntry | undefined) => void | 'skip'

/**
 * Depth-first walk of own nodes in source order; aliases are visited as aliases and never followed, and
 * merged keys are not visited (they are walked where their anchor is written), so alias bombs stay linear.
 */
export function walk(root: PosNode | null | undefined, visit: Visitor, path: (string | number)[] = []): void {
  if (!root) return
  walkNode(root, visit, path, undefined)
}

function walkNode(node: PosNode, visit: Visitor, path: (string | number)[], entry: MapEntry | undefined): void {
  if (visit(node, path, entry) === 'skip') return
  if (node.kind === 'map') {
    for (const e of node.entries) {
      if (!e.value) continue
      path.push(e.key)
      walkNode(e.value, visit, path, e)
      path.pop()
    }
  } else if (node.kind === 'seq') {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i)
      walkNode(node.items[i], visit, path, undefined)
      path.pop()
    }
  }
}

const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/

/** `spec.http[0].route` ⇄ ['spec', 'http', 0, 'route']; keys with other characters are written `["a.b/c"]`. */
export function formatPath(path: YamlPath): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else if (SIMPLE_KEY.test(step)) out += out === '' ? step : `.${step}`
    else out += `["${step.replace(/[\\"]/g, (c) => `\\${c}`)}"]`
  }
  return out
}

export function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = []
  const re = /\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) out.push(m[1].replace(/\\(.)/g, '$1'))
    else if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push(m[3])
  }
  return out
}
