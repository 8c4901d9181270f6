// YAML text → position tree + plain value, with js-yaml 5's event stream (exact offsets, one pass).
import {
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  constructFromEvents,
  getScalarValue,
  mergeTag,
  parseEvents,
  type Event
} from 'js-yaml'
import type { MapNode, PosNode, ScalarNode, ScalarStyleName, SeqNode } from './types.js'

/** Kubernetes' YAML merges `<<` keys; js-yaml 5 only does when told. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag)
/** Alias nodes allowed per document: real manifests use a handful; a billion-laughs file uses dozens. */
export const MAX_ALIASES = 50
const MAX_DEPTH = 200

/** Maps offsets of the parsed text to offsets and lines of the file it came from. */
export interface SourceMap {
  offset(local: number): number
  line(fileOffset: number): number
}

export interface ParsedYaml {
  root: PosNode | null
  value: unknown
}

export class YamlError extends Error {
  constructor(message: string, readonly fileOffset: number) {
    super(message)
  }
}

/** Start offset of every line of `text`; the basis of offset → line lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  let i = text.indexOf('\n')
  while (i !== -1) {
    starts.push(i + 1)
    i = text.indexOf('\n', i + 1)
  }
  return starts
}

/** 1-based line of an offset, by binary search over lineStarts. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

const STYLE_NAMES: Record<number, ScalarStyleName> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded'
}

interface Frame {
  node: MapNode | SeqNode
  pendingKey?: { key: string; node: PosNode }
}

/**
 * Parses every document of `text` (which must not be split further by the caller) into position trees.
 * Throws YamlError with the file offset of the first problem.
 */
export function parseYamlDocuments(text: string, map: SourceMap): ParsedYaml[] {
  let events: Event[]
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH })
  } catch (error) {
    throw asYamlError(error, map)
  }
  const roots = buildTrees(text, events, map)
  let values: unknown[]
  try {
    values = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: MAX_ALIASES, maxTotalMergeKeys: 10_000 })
  } catch (error) {
    throw asYamlError(error, map)
  }
  return roots.map((root, i) => ({ root, value: values[i] }))
}

function asYamlError(error: unknown, map: SourceMap): YamlError {
  const e = error as { reason?: string; message?: string; mark?: { position?: number } }
  const reason = e.reason ?? e.message?.split('\n')[0] ?? String(error)
  const at = typeof e.mark?.position === 'number' ? map.offset(e.mark.position) : map.offset(0)
  return new YamlError(reason, at)
}

function buildTrees(text: string, events: Event[], map: SourceMap): (PosNode | null)[] {
  const roots: (PosNode | null)[] = []
  const stack: Frame[] = []
  let anchors = new Map<string, PosNode>()
  let docRoot: PosNode | null = null
  let inDocument = false
  // End offsets in `text` (not the file): a flow collection's closing bracket is searched there.
  const localEnd = new WeakMap<PosNode, number>()

  const place = (node: PosNode, keyText: string | undefined): void => {
    const frame = stack.at(-1)
    if (!frame) {
      docRoot = node
      return
    }
    const parent = frame.node
    if (parent.kind === 'seq') {
      parent.items.push(node)
    } else if (frame.pendingKey === undefined) {
      frame.pendingKey = { key: keyText ?? '<complex>', node }
    } else {
      parent.entries.push({ key: frame.pendingKey.key, keyNode: frame.pendingKey.node, value: node })
      frame.pendingKey = undefined
    }
  }

  const remember = (anchorStart: number, anchorEnd: number, node: PosNode): void => {
    if (anchorStart >= 0) anchors.set(text.slice(anchorStart + 1, anchorEnd), node)
  }

  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        if (inDocument) roots.push(docRoot)
        inDocument = true
        docRoot = null
        anchors = new Map()
        break
      case EVENT_ID.SCALAR: {
        const start = map.offset(ev.valueStart)
        const end = map.offset(ev.valueEnd)
        const value = ev.fast ? text.slice(ev.valueStart, ev.valueEnd) : getScalarValue(text, ev)
        const node: ScalarNode = {
          kind: 'scalar',
          text: value,
          style: STYLE_NAMES[ev.style] ?? 'plain',
          start,
          end,
          line: map.line(start),
          endLine: map.line(Math.max(start, end - 1))
        }
        if (ev.tagStart >= 0) node.tag = text.slice(ev.tagStart, ev.tagEnd)
        remember(ev.anchorStart, ev.anchorEnd, node)
        localEnd.set(node, ev.valueEnd)
        place(node, value)
        break
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = map.offset(ev.start)
        const base = { start, end: start, line: map.line(start), endLine: map.line(start), flow: ev.style === COLLECTION_STYLE.FLOW }
        const node: MapNode | SeqNode = ev.type === EVENT_ID.MAPPING ? { kind: 'map', entries: [], ...base } : { kind: 'seq', items: [], ...base }
        remember(ev.anchorStart, ev.anchorEnd, node)
        localEnd.set(node, ev.start)
        place(node, undefined)
        stack.push({ node })
        break
      }
      case EVENT_ID.ALIAS: {
        const anchor = text.slice(ev.anchorStart + 1, ev.anchorEnd)
        const start = map.offset(ev.anchorStart)
        const end = map.offset(ev.anchorEnd)
        const line = map.line(start)
        const node: PosNode = { kind: 'alias', anchor, target: anchors.get(anchor), start, end, line, endLine: line }
        localEnd.set(node, ev.anchorEnd)
        place(node, undefined)
        break
      }
      case EVENT_ID.POP: {
        const frame = stack.pop()
        if (frame) closeCollection(frame.node, text, map, localEnd)
        break
      }
    }
  }
  if (inDocument) roots.push(docRoot)
  return roots
}

/** A collection ends where its last child ends (a flow collection at its closing bracket). */
function closeCollection(node: MapNode | SeqNode, text: string, map: SourceMap, localEnd: WeakMap<PosNode, number>): void {
  const last = node.kind === 'map' ? node.entries.at(-1)?.value ?? node.entries.at(-1)?.keyNode : node.items.at(-1)
  let end = (last && localEnd.get(last)) ?? localEnd.get(node) ?? 0
  if (node.flow) {
    const close = text.indexOf(node.kind === 'map' ? '}' : ']', end)
    if (close !== -1) end = close + 1
  }
  localEnd.set(node, end)
  node.end = Math.max(node.start, map.offset(end))
  node.endLine = map.line(Math.max(node.start, node.end - 1))
}
