// YAML text → position tree + plain value, from one js-yaml 5 event stream (exact offsets, one pass).
import {
  CORE_SCHEMA,
  EVENT_ID,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  getScalarValue,
  mapTag,
  mergeTag,
  parseEvents,
  seqTag,
  type Event
} from 'js-yaml'
import type { AliasNode, MapNode, PosNode, ScalarNode, ScalarStyleName, SeqNode } from './types.js'

/** Tags nobody defined (`!Ref x`, `--- !shop`, `!!binary`) read as the plain value under them, as kubectl does. */
function anyTag(prefix: string) {
  const identify = (): boolean => false
  return [
    defineScalarTag(prefix, { matchByTagPrefix: true, resolve: (source) => source, identify }),
    defineSequenceTag(prefix, { matchByTagPrefix: true, create: seqTag.create, addItem: seqTag.addItem, identify }),
    defineMappingTag(prefix, { matchByTagPrefix: true, create: mapTag.create, addPair: mapTag.addPair, has: mapTag.has, keys: mapTag.keys, get: mapTag.get, identify })
  ]
}

/** Kubernetes' YAML merges `<<` keys; js-yaml 5 only does when told. Known tags match exactly before any prefix. */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag, anyTag('!'), anyTag('tag:'))
/** Alias nodes allowed per document: real manifests use a handful; a billion-laughs file uses dozens. */
export const MAX_ALIASES = 50
/** Nesting allowed (js-yaml's default is 100; CRD schemas nest deeper than most manifests, never this deep). */
export const MAX_DEPTH = 200
/**
 * Nodes a document may gain through aliases. 50 aliases still allow 2^25 nodes (`&b [*a, *a]` chains), and any
 * consumer walking the plain value would pay for every one of them.
 */
export const MAX_ALIAS_EXPANSION = 100_000
const MAX_TOTAL_MERGE_KEYS = 10_000

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

/**
 * Offset → line for offsets that arrive almost in order (the event stream is in source order): a cursor
 * that steps from the previous answer costs O(1) per lookup where a binary search costs O(log n).
 */
export class LineCursor {
  private index = 0
  constructor(private readonly starts: readonly number[]) {}

  line(offset: number): number {
    const starts = this.starts
    let i = this.index
    if (offset < starts[i]) {
      if (offset < starts[i] - 4096) return (this.index = lineAt(starts, offset) - 1) + 1
      do i--
      while (offset < starts[i])
    } else {
      const last = starts.length - 1
      while (i < last && starts[i + 1] <= offset) i++
    }
    this.index = i
    return i + 1
  }
}

const STYLE_NAMES: Record<number, ScalarStyleName> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded'
}

/** Plain keys that the core schema reads as null, booleans or numbers; js-yaml turns them into String(value). */
const NON_STRING_PLAIN = new Set(['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'])

export interface ParseOptions {
  /** Added to every offset: where `text` starts in the file. */
  offset?: number
  /** Line starts of the file `text` belongs to (default: of `text` itself). */
  starts?: readonly number[]
}

/**
 * Parses every document of `text` into position trees and plain values (empty documents give a null root).
 * Throws YamlError with the file offset of the first problem: syntax, duplicate keys, alias limits.
 */
export function parseYaml(text: string, options: ParseOptions = {}): ParsedYaml[] {
  const offset = options.offset ?? 0
  let events: Event[]
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH })
  } catch (error) {
    throw asYamlError(error, offset, text.length)
  }
  const builder = new TreeBuilder(text, offset, options.starts ?? lineStarts(text))
  const roots = builder.build(events)
  const values = builder.values
  if (builder.slowDocuments.length) {
    // Documents with tags, anchors, merge keys, complex or duplicate keys: js-yaml constructs those (and raises
    // its errors for them), all in one call so its merge-key budget spans the text as it would have.
    const slow = builder.slowDocuments
    let slice: Event[] = []
    for (const [from, to] of slow) slice = slice.concat(events.slice(from, to))
    let constructed: unknown[]
    try {
      constructed = constructFromEvents(slice, { source: text, schema: SCHEMA, maxAliases: MAX_ALIASES, maxTotalMergeKeys: MAX_TOTAL_MERGE_KEYS })
    } catch (error) {
      throw asYamlError(error, offset, text.length)
    }
    for (let i = 0; i < slow.length; i++) values[slow[i][2]] = constructed[i]
  }
  const out: ParsedYaml[] = new Array(roots.length)
  for (let i = 0; i < roots.length; i++) out[i] = { root: roots[i], value: values[i] }
  return out
}

/**
 * Compatibility form of parseYaml for text embedded elsewhere: nodes are built in `text`'s own coordinates
 * and then moved by `map` (one pass over the usually small tree).
 */
export function parseYamlDocuments(text: string, map: SourceMap): ParsedYaml[] {
  let docs: ParsedYaml[]
  try {
    docs = parseYaml(text)
  } catch (error) {
    if (error instanceof YamlError) throw new YamlError(error.message, map.offset(Math.min(error.fileOffset, Math.max(0, text.length - 1))))
    throw error
  }
  for (const doc of docs) {
    forEachNode(doc.root, (node) => {
      const start = map.offset(node.start)
      const end = node.end > node.start ? map.offset(node.end - 1) + 1 : start
      node.start = start
      node.end = end
      node.line = map.line(start)
      node.endLine = map.line(Math.max(start, end - 1))
    })
  }
  return docs
}

/** Every own node of a tree, keys included, each once; aliases are not followed. */
export function forEachNode(root: PosNode | null | undefined, visit: (node: PosNode) => void): void {
  if (!root) return
  const stack: PosNode[] = [root]
  while (stack.length) {
    const node = stack.pop() as PosNode
    visit(node)
    if (node.kind === 'map') {
      for (const e of node.entries) {
        stack.push(e.keyNode)
        if (e.value) stack.push(e.value)
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item)
    }
  }
}

/** js-yaml's limit messages name its options; say what the limit is for instead. */
const LIMIT_MESSAGES: [RegExp, string][] = [
  [/maxAliases/, `more than ${MAX_ALIASES} aliases in one document (a guard against alias bombs)`],
  [/maxDepth/, `nesting deeper than ${MAX_DEPTH} levels`],
  [/maxTotalMergeKeys/, `more than ${MAX_TOTAL_MERGE_KEYS} keys merged with <<`]
]

function asYamlError(error: unknown, offset: number, length: number): YamlError {
  const e = error as { reason?: string; message?: string; mark?: { position?: number } }
  let reason = e.reason ?? e.message?.split('\n')[0] ?? String(error)
  for (const [pattern, message] of LIMIT_MESSAGES) if (pattern.test(reason)) reason = message
  const at = typeof e.mark?.position === 'number' ? Math.min(e.mark.position, length) : 0
  return new YamlError(reason, at + offset)
}

interface Frame {
  node: MapNode | SeqNode
  /** Text offset (local) where the collection's last child ended. */
  end: number
  /** The key waiting for its value (maps only). */
  key: string | undefined
  keyNode: PosNode | undefined
  /** Nodes in this collection once aliases are expanded; guards against alias bombs. */
  size: number
  anchor: string | undefined
  /** The plain value under construction: an object for a map, an array for a sequence. */
  value: Record<string, unknown> | unknown[]
}

interface Anchor {
  node: PosNode
  /** Expanded size once the anchored node is complete; -1 while it is still open. */
  size: number
}

const hasOwn = Object.prototype.hasOwnProperty

/**
 * Builds the position trees of an event stream (one per document), and in the same pass the plain value of every
 * document that needs none of js-yaml's constructor features (tags, anchors, aliases, merge keys, complex keys):
 * the common manifest. The others are listed in slowDocuments for constructFromEvents.
 */
class TreeBuilder {
  /** Plain value per document; undefined for the slow ones until parseYaml fills them in. */
  readonly values: unknown[] = []
  /** [first event, end event, document index] of each document js-yaml must construct. */
  readonly slowDocuments: [number, number, number][] = []
  private docValue: unknown = undefined
  private slow = false
  private readonly lines: LineCursor
  private readonly stack: Frame[] = []
  /** The innermost open collection (the stack's last frame), kept apart to save a lookup per node. */
  private top: Frame | undefined = undefined
  private readonly anchors = new Map<string, Anchor>()
  private docRoot: PosNode | null = null
  private docSize = 0
  /** Local offset where the last placed node ended: where an empty (null) scalar is placed. */
  private cursor = 0

  constructor(private readonly text: string, private readonly offset: number, starts: readonly number[]) {
    this.lines = new LineCursor(starts)
  }

  build(events: Event[]): (PosNode | null)[] {
    const roots: (PosNode | null)[] = []
    let docStart = -1
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]
      switch (ev.type) {
        case EVENT_ID.DOCUMENT:
          if (docStart >= 0) roots.push(this.endDocument(docStart, i))
          docStart = i
          break
        case EVENT_ID.SCALAR:
          this.scalar(ev)
          break
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          if (ev.tagStart >= 0) this.slow = true
          this.open(ev.type === EVENT_ID.MAPPING, ev.start, ev.style === COLLECTION_STYLE.FLOW, ev.anchorStart, ev.anchorEnd)
          break
        case EVENT_ID.ALIAS:
          this.slow = true
          this.alias(ev.anchorStart, ev.anchorEnd)
          break
        case EVENT_ID.POP:
          // The document's own POP finds an empty stack.
          if (this.top !== undefined) this.close()
          break
      }
    }
    if (docStart >= 0) roots.push(this.endDocument(docStart, events.length))
    return roots
  }

  private endDocument(from: number, to: number): PosNode | null {
    const root = this.docRoot
    this.docRoot = null
    if (this.slow) {
      this.slowDocuments.push([from, to, this.values.length])
      this.values.push(undefined)
    } else {
      this.values.push(this.docValue)
    }
    this.docValue = undefined
    this.slow = false
    // Anchors do not reach across documents.
    if (this.anchors.size) this.anchors.clear()
    this.docSize = 0
    return root
  }

  private scalar(ev: Extract<Event, { type: typeof EVENT_ID.SCALAR }>): void {
    const text = this.text
    let start = ev.valueStart
    let end = ev.valueEnd
    let value: string
    if (start < 0) {
      // A document that is only `---` has an empty untagged scalar for a root: no document at all.
      if (this.top === undefined && ev.tagStart < 0 && ev.anchorStart < 0) {
        this.docValue = null
        return
      }
      // An empty (null) value has no offsets: place it after its tag or anchor, else where the previous node ended.
      start = end = ev.tagEnd >= 0 ? Math.max(ev.tagEnd, ev.anchorEnd) : ev.anchorEnd >= 0 ? ev.anchorEnd : this.cursor
      value = ''
    } else {
      value = ev.fast ? text.slice(start, end) : getScalarValue(text, ev)
    }
    const style = STYLE_NAMES[ev.style] ?? 'plain'
    if (style === 'literal' || style === 'folded') {
      // js-yaml's range of a block scalar runs over its trailing blank lines; they are layout, and line edits
      // must keep them: the scalar ends with its last non-blank line (terminator excluded).
      let last = end - 1
      while (last >= start && isSpace(text.charCodeAt(last))) last--
      if (last >= start) {
        end = text.indexOf('\n', last)
        if (end === -1) end = text.length
        if (text.charCodeAt(end - 1) === 13) end--
      } else if (start > 0 && text.charCodeAt(start - 1) === 10) {
        // An all-blank block sits at the end of its header line (`mesh: |`), not on the line after it.
        start = end = text.charCodeAt(start - 2) === 13 ? start - 2 : start - 1
      } else {
        end = start
      }
    }
    const line = this.lines.line(start + this.offset)
    const node: ScalarNode = {
      kind: 'scalar',
      text: value,
      style,
      tag: ev.tagStart >= 0 ? text.slice(ev.tagStart, ev.tagEnd) : undefined,
      start: start + this.offset,
      end: end + this.offset,
      line,
      endLine: end - 1 > start ? this.lines.line(end - 1 + this.offset) : line
    }
    if (ev.anchorStart >= 0) {
      this.anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { node, size: 1 })
      this.slow = true
    }
    if (ev.tagStart >= 0) this.slow = true
    if (end > this.cursor) this.cursor = end
    // A plain scalar may stand for null, a boolean or a number; a key is stored as the string of that value.
    let plain: unknown = value
    if (style === 'plain' && mayNotBeString(value)) {
      const resolved = SCHEMA.resolveImplicitScalarTag(value)
      if (resolved.tag.tagName === MERGE_TAG) this.slow = true
      plain = resolved.value
    }
    const frame = this.top
    const isKey = frame !== undefined && frame.node.kind === 'map' && frame.keyNode === undefined
    this.place(node, end, 1, isKey ? (plain === value || ev.tagStart >= 0 ? value : String(plain)) : undefined, plain)
  }

  private open(isMap: boolean, start: number, flow: boolean, anchorStart: number, anchorEnd: number): void {
    const at = start + this.offset
    const line = this.lines.line(at)
    const node: MapNode | SeqNode = isMap
      ? { kind: 'map', flow, entries: [], start: at, end: at, line, endLine: line }
      : { kind: 'seq', flow, items: [], start: at, end: at, line, endLine: line }
    let anchor: string | undefined
    if (anchorStart >= 0) {
      anchor = this.text.slice(anchorStart, anchorEnd)
      this.anchors.set(anchor, { node, size: -1 })
    }
    if (start > this.cursor) this.cursor = start
    const frame: Frame = { node, end: start, key: undefined, keyNode: undefined, size: 1, anchor, value: isMap ? {} : [] }
    this.stack.push(frame)
    this.top = frame
  }

  private close(): void {
    const frame = this.stack.pop() as Frame
    this.top = this.stack[this.stack.length - 1]
    const node = frame.node
    let end = frame.end
    // A flow collection ends at its closing bracket, which may sit lines below its last item.
    if (node.flow) end = closingBracket(this.text, end === node.start - this.offset ? end + 1 : end, node.kind === 'map' ? 125 : 93)
    node.end = end + this.offset
    node.endLine = end > node.start - this.offset ? this.lines.line(end - 1 + this.offset) : node.line
    if (frame.anchor !== undefined) {
      const anchor = this.anchors.get(frame.anchor)
      if (anchor && anchor.node === node) anchor.size = frame.size
    }
    if (end > this.cursor) this.cursor = end
    this.place(node, end, frame.size, undefined, frame.value)
  }

  // Anchor and alias offsets exclude the `&` and `*` sigils: the name is text[anchorStart, anchorEnd).
  private alias(anchorStart: number, anchorEnd: number): void {
    const name = this.text.slice(anchorStart, anchorEnd)
    const anchor = this.anchors.get(name)
    const start = anchorStart - 1 + this.offset
    // A recursive alias makes the plain value circular: every consumer that walks it would never stop.
    if (anchor && anchor.size < 0) throw new YamlError(`alias *${name} refers to a node that contains it (a recursive structure)`, start)
    const expanded = anchor ? anchor.size : 1
    this.docSize += expanded - 1
    if (this.docSize > MAX_ALIAS_EXPANSION) throw new YamlError(`aliases expand this document by more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb)`, start)
    const line = this.lines.line(start)
    const node: AliasNode = { kind: 'alias', anchor: name, target: anchor?.node, start, end: anchorEnd + this.offset, line, endLine: line }
    if (anchorEnd > this.cursor) this.cursor = anchorEnd
    this.place(node, anchorEnd, expanded, undefined, undefined)
  }

  private place(node: PosNode, end: number, size: number, keyText: string | undefined, value: unknown): void {
    const frame = this.top
    if (frame === undefined) {
      this.docRoot = node
      this.docValue = value
      return
    }
    frame.end = end
    frame.size += size
    const parent = frame.node
    if (parent.kind === 'seq') {
      parent.items.push(node)
      ;(frame.value as unknown[]).push(value)
    } else if (frame.keyNode === undefined) {
      if (keyText === undefined) {
        frame.key = '<complex>'
        this.slow = true
      } else {
        frame.key = keyText
      }
      frame.keyNode = node
    } else {
      const key = frame.key as string
      parent.entries.push({ key, keyNode: frame.keyNode, value: node })
      const object = frame.value as Record<string, unknown>
      // A duplicate key is js-yaml's error to raise; `__proto__` needs defineProperty: both go the slow way.
      if ((object[key] !== undefined && hasOwn.call(object, key)) || key === '__proto__') this.slow = true
      else object[key] = value
      frame.key = undefined
      frame.keyNode = undefined
    }
  }
}

function isSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9
}

const MERGE_TAG = 'tag:yaml.org,2002:merge'

/**
 * Whether the core schema (plus `<<`) might read a plain scalar as something other than a string: only the empty
 * scalar, digits, signs, dots, `<<` and the null/bool words (~, n, N, t, T, f, F) can.
 */
function mayNotBeString(text: string): boolean {
  if (text.length === 0) return true
  const c = text.charCodeAt(0)
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return true
  if (c === 60) return text === '<<'
  return text.length <= 5 && (c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) && NON_STRING_PLAIN.has(text)
}

/**
 * Offset just past the bracket that closes a flow collection, scanning from where its last child ended.
 * Only blanks, commas, `:`, `?` and comments may stand in between; a comment may itself hold a bracket.
 */
function closingBracket(text: string, from: number, bracket: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === bracket) return i + 1
    if (c === 35 /* # */) {
      const nl = text.indexOf('\n', i)
      if (nl === -1) break
      i = nl
    }
  }
  return from
}
