// Resolving YAML paths to nodes and lines in the position tree.
import type { MapEntry, MapNode, PosNode, YamlPath } from './types.js'

/** Follows an alias to its anchored node (one hop: anchors cannot point at aliases). */
export function deref(node: PosNode | null | undefined): PosNode | undefined {
  if (!node) return undefined
  return node.kind === 'alias' ? node.target : node
}

/** The entry of `key` in a map, including keys brought in by `<<` merges (own keys win, as in YAML). */
export function mapEntry(map: MapNode, key: string): MapEntry | undefined {
  for (const entry of map.entries) if (entry.key === key) return entry
  for (const entry of map.entries) {
    if (entry.key !== '<<') continue
    const source = deref(entry.value)
    const sources = source?.kind === 'seq' ? source.items.map(deref) : [source]
    for (const s of sources) {
      if (s?.kind !== 'map') continue
      const found = mapEntry(s, key)
      if (found) return found
    }
  }
  return undefined
}

/** The map entry whose key is the last element of `path` (so both key line and value are at hand). */
export function entryAt(root: PosNode | null | undefined, path: YamlPath): MapEntry | undefined {
  if (path.length === 0) return undefined
  const parent = deref(nodeAt(root, path.slice(0, -1)))
  const last = path[path.length - 1]
  if (parent?.kind !== 'map' || typeof last !== 'string') return undefined
  return mapEntry(parent, last)
}

export function nodeAt(root: PosNode | null | undefined, path: YamlPath): PosNode | undefined {
  let node = deref(root)
  for (const step of path) {
    if (!node) return undefined
    if (node.kind === 'map' && typeof step === 'string') node = deref(mapEntry(node, step)?.value)
    else if (node.kind === 'seq' && typeof step === 'number') node = deref(node.items[step])
    else return undefined
  }
  return node
}

/** The line a finding about `path` belongs on: the key's line for map entries, else the node's. */
export function lineOf(root: PosNode | null | undefined, path: YamlPath): { line: number; endLine: number } | undefined {
  const entry = entryAt(root, path)
  if (entry) {
    const end = entry.value ? Math.max(entry.value.endLine, entry.keyNode.line) : entry.keyNode.endLine
    return { line: entry.keyNode.line, endLine: end }
  }
  const node = nodeAt(root, path)
  return node ? { line: node.line, endLine: node.endLine } : undefined
}

export type Visitor = (node: PosNode, path: YamlPath, key: MapEntry | undefined) => void | 'skip'

/** Depth-first walk of own nodes; aliases are visited as aliases and never followed (alias bombs stay linear). */
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
    node.items.forEach((item, i) => {
      path.push(i)
      walkNode(item, visit, path, undefined)
      path.pop()
    })
  }
}

/** `spec.http[0].route` ⇄ ['spec', 'http', 0, 'route'] */
export function formatPath(path: YamlPath): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else out += out === '' ? step : /^[A-Za-z0-9_-]+$/.test(step) ? `.${step}` : `["${step.replace(/"/g, '\\"')}"]`
  }
  return out
}

export function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = []
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) out.push(m[1])
    else if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push(m[3].replace(/\\"/g, '"'))
  }
  return out
}
