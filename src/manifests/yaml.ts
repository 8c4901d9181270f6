// YAML text → position tree + plain value, read the way kubectl reads it (docs/yaml.md): js-yaml 5's event parser
// (src/manifests/js-yaml-parser.ts, patched to go-yaml v2's syntax) and one tree pass that builds the plain value
// with go-yaml v2's YAML 1.1 scalars, last-wins duplicate keys and positional `<<` merges.
import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml'
import { parseEvents as parseEventsPatched } from './js-yaml-parser.js'
import type { AliasNode, MapEntry, MapNode, PosNode, ScalarNode, ScalarStyleName, SeqNode } from './types.js'

const parseEvents = parseEventsPatched as (input: string, options: { maxDepth: number; firstDocument?: boolean }) => Event[]

/**
 * Nesting allowed. go-yaml stops at 10,000 levels; js-yaml's parser recurses per level, so the limit here is
 * lower (no manifest nests a tenth as deep; CRD schemas nest a few dozen levels).
 */
export const MAX_DEPTH = 1000
/** The longest implicit key libyaml accepts: its `:` must come within 1024 characters of the key's start. */
export const MAX_SIMPLE_KEY = 1024

/** Maps offsets of the parsed text to offsets and lines of the file it came from. */
export interface SourceMap {
  offset(local: number): number
  line(fileOffset: number): number
}

export interface ParsedYaml {
  root: PosNode | null
  value: unknown
}

/** A key written twice in one mapping: kubectl keeps the last value; kustomize and Flux refuse the file. */
export interface DuplicateKey {
  key: string
  /** The later key (the one whose value counts) and the first one. */
  node: PosNode
  first: PosNode
  /** Both keys are spelled alike, which go-yaml v3 (kustomize, Flux) refuses; false for `yes` vs `true`. */
  sameText: boolean
}

export interface ParsedDocument extends ParsedYaml {
  duplicates: DuplicateKey[]
}

export class YamlError extends Error {
  constructor(message: string, readonly fileOffset: number) {
    super(message)
  }
}

/** Work done by the line lookups, for the linear-time tests: lines stepped over plus binary-search probes. */
export const lineWork = { steps: 0 }

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
    lineWork.steps++
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

/**
 * Offset → line for offsets that arrive almost in order (the event stream is in source order): a cursor that steps
 * from the previous answer costs O(1) per lookup; a jump of more than a few lines is a binary search, so that
 * documents parsed one after another in a big file never walk from line 1 again.
 */
export class LineCursor {
  private index = 0
  constructor(private readonly starts: readonly number[]) {}

  line(offset: number): number {
    const starts = this.starts
    let i = this.index
    if (offset < starts[i]) {
      if (i < 64 || offset < starts[i - 64]) return (this.index = lineAt(starts, offset) - 1) + 1
      do {
        i--
        lineWork.steps++
      } while (offset < starts[i])
    } else {
      const last = starts.length - 1
      if (i + 64 <= last && starts[i + 64] <= offset) return (this.index = lineAt(starts, offset) - 1) + 1
      while (i < last && starts[i + 1] <= offset) {
        i++
        lineWork.steps++
      }
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

export interface ParseOptions {
  /** Added to every offset: where `text` starts in the file. */
  offset?: number
  /** Line starts of the file `text` belongs to (default: of `text` itself). */
  starts?: readonly number[]
  /** A cursor over `starts` shared by the documents of one file (they come in order). */
  cursor?: LineCursor
}

/**
 * The first document of `text`, as go-yaml v2's Unmarshal reads it (what kubectl does with each `---` chunk, and
 * istiod with the mesh config): a `...`, a directive or a `---` ends it and nothing after it is read. Null when the
 * text holds no document. Throws YamlError with the file offset of the first problem.
 */
export function parseDocument(text: string, options: ParseOptions = {}): ParsedDocument | null {
  const offset = options.offset ?? 0
  let events: Event[]
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH, firstDocument: true })
  } catch (error) {
    throw asYamlError(error, offset, text.length)
  }
  if (events.length === 0) return null
  const builder = new TreeBuilder(text, offset, options.cursor ?? new LineCursor(options.starts ?? lineStarts(text)))
  return builder.build(events)[0] ?? null
}

/**
 * Every document of a text in one parse, for texts where YAML's own document splitting is kubectl's: no line that
 * starts with `...` or `%`, and no content on a `---` line (splitDocuments says so). One entry per document, null
 * for an empty one. Throws on the first problem; the caller then reads the text chunk by chunk.
 */
export function parseStream(text: string, options: ParseOptions = {}): (ParsedDocument | null)[] {
  const offset = options.offset ?? 0
  let events: Event[]
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH })
  } catch (error) {
    throw asYamlError(error, offset, text.length)
  }
  return new TreeBuilder(text, offset, options.cursor ?? new LineCursor(options.starts ?? lineStarts(text))).build(events)
}

/**
 * Every document of `text` as kubectl reads a file: one document per `---` chunk (splitDocuments), each read by
 * parseDocument; empty chunks give nothing. Throws the first problem (parseManifestFile reports them per document).
 */
export function parseYaml(text: string, options: ParseOptions = {}): ParsedDocument[] {
  const offset = options.offset ?? 0
  const cursor = options.cursor ?? new LineCursor(options.starts ?? lineStarts(text))
  const out: ParsedDocument[] = []
  for (const chunk of splitDocuments(text)) {
    if (chunk.error) throw new YamlError(chunk.error, chunk.errorOffset + offset)
    const doc = parseDocument(text.slice(chunk.start, chunk.end), { offset: offset + chunk.start, cursor })
    if (doc) out.push(doc)
  }
  return out
}

export interface DocumentChunk {
  /** File offsets of the chunk's text, end exclusive (the `---` lines around it excluded). */
  start: number
  end: number
  /** A `---` line with content after it (`--- {a: 1}`, `--- !tag`): kubectl refuses the file. */
  error?: string
  errorOffset: number
}

/**
 * kubectl's document splitter (k8s.io/apimachinery's YAMLReader): a line that starts with `---` separates
 * documents whatever the YAML around it; after the dashes only blanks or a comment may follow. Lines end at `\n`
 * only (a lone `\r` does not end one, as in its line reader).
 */
export function splitDocuments(text: string): DocumentChunk[] & { whole: boolean } {
  const chunks = [] as unknown as DocumentChunk[] & { whole: boolean }
  chunks.whole = true
  let chunkStart = 0
  let pendingError: string | undefined
  let pendingErrorAt = 0
  let lineStart = 0
  while (lineStart <= text.length) {
    let next = text.indexOf('\n', lineStart)
    if (next === -1) next = text.length
    const first = text.charCodeAt(lineStart)
    if ((first === 46 && text.startsWith('...', lineStart)) || first === 37 || (first === 0xfeff && lineStart > 0)) chunks.whole = false
    else if (first === 45 && text.startsWith('---', lineStart)) {
      const rest = text.slice(lineStart + 3, next).trim()
      if (lineStart > chunkStart || pendingError) chunks.push({ start: chunkStart, end: lineStart, errorOffset: pendingErrorAt, ...(pendingError ? { error: pendingError } : {}) })
      pendingError = undefined
      if (rest !== '' && rest[0] !== '#') {
        chunks.whole = false
        pendingError = `content after the document marker on the same line (\`--- ${rest.length > 40 ? `${rest.slice(0, 40)}…` : rest}\`), which kubectl refuses`
        pendingErrorAt = lineStart
      }
      chunkStart = next + 1
    }
    lineStart = next + 1
  }
  if (chunkStart < text.length || pendingError) chunks.push({ start: Math.min(chunkStart, text.length), end: text.length, errorOffset: pendingErrorAt, ...(pendingError ? { error: pendingError } : {}) })
  return chunks
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
const LIMIT_MESSAGES: [RegExp, string][] = [[/maxDepth/, `nesting deeper than ${MAX_DEPTH} levels`]]

function asYamlError(error: unknown, offset: number, length: number): YamlError {
  if (error instanceof RangeError) return new YamlError(`nesting too deep to read`, offset)
  const e = error as { reason?: string; message?: string; mark?: { position?: number } }
  let reason = e.reason ?? e.message?.split('\n')[0] ?? String(error)
  for (const [pattern, message] of LIMIT_MESSAGES) if (pattern.test(reason)) reason = message
  const at = typeof e.mark?.position === 'number' ? Math.min(e.mark.position, length) : 0
  return new YamlError(reason, at + offset)
}

// ---------------------------------------------------------------------------------------------------------------
// YAML 1.1 scalars as go-yaml v2 resolves them (resolve.go), and keys as sigs.k8s.io/yaml turns them into strings.

const TAG = 'tag:yaml.org,2002:'
type Kind = 'null' | 'bool' | 'int' | 'float' | 'str' | 'timestamp'

/** First characters that may make a plain scalar something other than a string (go-yaml's resolve table). */
const HINT = new Uint8Array(128)
for (const c of '+-') HINT[c.charCodeAt(0)] = 1
for (const c of '0123456789') HINT[c.charCodeAt(0)] = 2
for (const c of 'yYnNtTfFoO~') HINT[c.charCodeAt(0)] = 3
HINT['.'.charCodeAt(0)] = 4

const WORDS = new Map<string, [Kind, unknown]>()
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(w, ['bool', true])
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(w, ['bool', false])
for (const w of ['', '~', 'null', 'Null', 'NULL']) WORDS.set(w, ['null', null])
for (const w of ['.nan', '.NaN', '.NAN']) WORDS.set(w, ['float', NaN])
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(w, ['float', Infinity])
for (const w of ['-.inf', '-.Inf', '-.INF']) WORDS.set(w, ['float', -Infinity])

const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/** The kind of the last resolve() result, and the exact digits of a big integer (keys need them). */
let resolvedKind: Kind = 'str'
let resolvedDigits = ''

/** Go's strconv.ParseInt(s, 0, 64), then ParseUint: the integer, or undefined. */
function goInt(s: string): number | undefined {
  const m = GO_INT.exec(s)
  if (!m) return undefined
  const body = m[2]
  if (body.length <= 15 && (body.length === 1 || body.charCodeAt(0) !== 48)) {
    const n = Number(body)
    resolvedDigits = ''
    return m[1] === '-' ? (n === 0 ? 0 : -n) : n
  }
  const lead = body.charCodeAt(1) | 32
  const big = BigInt(body.charCodeAt(0) !== 48 || lead === 120 || lead === 111 || lead === 98 ? body : `0o${body.slice(1) || '0'}`)
  const signed = m[1] === '-' ? -big : big
  if (signed < INT64_MIN || signed > UINT64_MAX || (m[1] !== '' && signed > INT64_MAX)) return undefined
  resolvedDigits = signed.toString()
  return Number(signed)
}

/** go-yaml v2's resolve("", text) for a plain scalar: its value; resolvedKind says what it is. */
function resolve(text: string, explicit = ''): unknown {
  const c = text.length === 0 ? -1 : text.charCodeAt(0)
  const hint = c === -1 ? 3 : c < 128 ? HINT[c] : 0
  resolvedKind = 'str'
  if (hint === 0) return text
  const word = WORDS.get(text)
  if (word) {
    resolvedKind = word[0]
    return word[1]
  }
  if (hint === 4) {
    if (DOT_FLOAT.test(text)) {
      resolvedKind = 'float'
      return Number(text)
    }
  } else if (hint !== 3) {
    if ((explicit === '' || explicit === 'timestamp') && isTimestamp(text)) {
      resolvedKind = 'timestamp'
      return text
    }
    const plain = text.includes('_') ? text.replace(/_/g, '') : text
    const int = goInt(plain)
    if (int !== undefined) {
      resolvedKind = 'int'
      return int
    }
    if (YAML_FLOAT.test(plain)) {
      const f = Number(plain)
      if (Number.isFinite(f)) {
        resolvedKind = 'float'
        return f
      }
    }
    const bin = /^(-?)0b([-+]?[01]+)$/.exec(plain)
    if (bin) {
      const digits = bin[1] === '-' ? (bin[2].startsWith('-') || bin[2].startsWith('+') ? undefined : `-${bin[2]}`) : bin[2]
      if (digits !== undefined) {
        const big = digits.startsWith('-') ? -BigInt(`0b${digits.slice(1)}`) : BigInt(`0b${digits.replace('+', '')}`)
        if (big >= INT64_MIN && big <= INT64_MAX) {
          resolvedKind = 'int'
          resolvedDigits = big.toString()
          return Number(big)
        }
      }
    }
  }
  return text
}

/** go-yaml v2 tries time.Parse with a few layouts, all starting `YYYY-`. */
function isTimestamp(s: string): boolean {
  if (s.length < 8 || s.charCodeAt(4) !== 45) return false
  return /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/.test(s)
}

/** A tag as written (`!!int`, `!<tag:…>`, `!Ref`, `!`) → the full tag go-yaml compares. */
function fullTag(written: string): string {
  if (written.startsWith('!!')) return TAG + written.slice(2)
  if (written.startsWith('!<') && written.endsWith('>')) return written.slice(2, -1)
  return written
}

const RESOLVABLE = new Set(['str', 'bool', 'int', 'float', 'null', 'timestamp'])

/** A scalar with an explicit tag, as go-yaml v2 decodes it; throws a message when the text does not fit the tag. */
function resolveTagged(written: string, text: string): unknown {
  const tag = fullTag(written)
  const short = tag.startsWith(TAG) ? tag.slice(TAG.length) : ''
  if (short === 'binary') {
    const b64 = text.replace(/[\r\n]/g, '')
    if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new TagError('!!binary value contains invalid base64 data')
    resolvedKind = 'str'
    return Buffer.from(b64, 'base64').toString('utf8')
  }
  if (!RESOLVABLE.has(short)) {
    resolvedKind = 'str'
    return text
  }
  if (short === 'str') {
    resolvedKind = 'str'
    return text
  }
  const value = resolve(text, short)
  if (resolvedKind === short) return value
  if (short === 'float' && resolvedKind === 'int') {
    resolvedKind = 'float'
    return value
  }
  throw new TagError(`cannot decode !!${resolvedKind} \`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\` as a !!${short}`)
}

class TagError extends Error {}

/** sigs.k8s.io/yaml turns a float key into strconv.FormatFloat(f, 'g', -1, 32). */
function goFloatKey(f: number): string {
  if (Number.isNaN(f)) return '.nan'
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf'
  const f32 = Math.fround(f)
  if (f32 === 0) return Object.is(f32, -0) ? '-0' : '0'
  let e = ''
  for (let p = 1; p <= 9; p++) {
    e = f32.toExponential(p - 1)
    if (Math.fround(Number(e)) === f32) break
  }
  const [mantissa, expText] = e.split('e')
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace(/^-/, '').replace('.', '')
  const exp = Number(expText)
  let out: string
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp)
    out = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`
  } else if (exp >= 0) {
    const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
    const frac = digits.slice(exp + 1)
    out = frac ? `${int}.${frac}` : int
  } else {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`
  }
  return negative ? `-${out}` : out
}

/** The string key sigs.k8s.io/yaml makes of a resolved key, or an error message. */
function keyString(value: unknown, kind: Kind, text: string): string | KeyProblem {
  switch (kind) {
    case 'str':
    case 'timestamp':
      return kind === 'timestamp' ? text : (value as string)
    case 'bool':
      return value ? 'true' : 'false'
    case 'int':
      return Number.isSafeInteger(value) ? String(value) : resolvedDigits || String(value)
    case 'float':
      return goFloatKey(value as number)
    case 'null':
      return { problem: 'a null key (`~`, `null` or nothing before the `:`), which kubectl refuses' }
  }
}

interface KeyProblem {
  problem: string
}

/** go-yaml v2's alias ratio (decode.go allowedAliasRatio): how much of a document may come from aliases. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99
  if (decodeCount >= 4_000_000) return 0.1
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000)
}

// ---------------------------------------------------------------------------------------------------------------

interface Frame {
  node: MapNode | SeqNode
  /** Text offset (local) where the collection's last child ended. */
  end: number
  /** The key waiting for its value (maps only), as kubectl's string, and whether it is a `<<` merge. */
  key: string | undefined
  keyNode: PosNode | undefined
  merge: boolean
  /** Nodes go-yaml decodes for this collection (aliases expanded); the alias-ratio guard counts them. */
  size: number
  anchor: string | undefined
  /** The plain value under construction: an object for a map, an array for a sequence. */
  value: Record<string, unknown> | unknown[]
  /** Keys that a `<<` merge set and no explicit key has set since (an explicit key there is no duplicate). */
  merged: Set<string> | undefined
  /** Entry index per key, built at the first duplicate; indexes of entries a later duplicate made dead. */
  index: Map<string, number> | undefined
  dead: number[] | undefined
}

interface Anchor {
  node: PosNode
  /** Decode size once the anchored node is complete; -1 while it is still open. */
  size: number
  value: unknown
}

const hasOwn = Object.prototype.hasOwnProperty

function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  else object[key] = value
}

/**
 * Builds the position tree of one document's event stream and, in the same pass, its plain value as go-yaml v2
 * decodes it and sigs.k8s.io/yaml turns it into JSON.
 */
class TreeBuilder {
  private docValue: unknown = undefined
  private readonly stack: Frame[] = []
  /** The innermost open collection (the stack's last frame), kept apart to save a lookup per node. */
  private top: Frame | undefined = undefined
  private readonly anchors = new Map<string, Anchor>()
  private docRoot: PosNode | null = null
  private decodeCount = 1
  private aliasCount = 0
  /** Where a scalar resolved to ±Inf or NaN (JSON has no such number): checked on the final value. */
  private nonFinite = -1
  private duplicates: DuplicateKey[] = []
  /** Local offset where the last placed node ended: where an empty (null) scalar is placed. */
  private cursor = 0

  constructor(private readonly text: string, private readonly offset: number, private readonly lines: LineCursor) {}

  /** One entry per document of the stream: null for an empty one. */
  build(events: Event[]): (ParsedDocument | null)[] {
    const out: (ParsedDocument | null)[] = []
    let open = false
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]
      switch (ev.type) {
        case EVENT_ID.DOCUMENT:
          if (open) out.push(this.endDocument())
          open = true
          break
        case EVENT_ID.SCALAR:
          this.scalar(ev)
          break
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          this.open(ev.type === EVENT_ID.MAPPING, ev.start, ev.style === COLLECTION_STYLE.FLOW, ev.anchorStart, ev.anchorEnd)
          break
        case EVENT_ID.ALIAS:
          this.alias(ev.anchorStart, ev.anchorEnd)
          break
        case EVENT_ID.POP:
          // The document's own POP finds an empty stack.
          if (this.top !== undefined) this.close()
          break
      }
    }
    if (open) out.push(this.endDocument())
    return out
  }

  private endDocument(): ParsedDocument | null {
    const root = this.docRoot
    const value = this.docValue
    const duplicates = this.duplicates
    const nonFinite = this.nonFinite
    this.docRoot = null
    this.docValue = undefined
    this.duplicates = []
    this.nonFinite = -1
    this.decodeCount = 1
    this.aliasCount = 0
    // Anchors do not reach across documents.
    if (this.anchors.size) this.anchors.clear()
    if (root === null) return null
    if (nonFinite >= 0 && hasNonFinite(value)) throw this.error('a number JSON cannot hold (`.inf` or `.nan`), which kubectl refuses', nonFinite)
    return { root, value, duplicates }
  }

  private error(message: string, local: number): YamlError {
    return new YamlError(message, local + this.offset)
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
    const tag = ev.tagStart >= 0 ? text.slice(ev.tagStart, ev.tagEnd) : undefined
    const node: ScalarNode = {
      kind: 'scalar',
      text: value,
      style,
      tag,
      start: start + this.offset,
      end: end + this.offset,
      line,
      endLine: end - 1 > start ? this.lines.line(end - 1 + this.offset) : line
    }
    if (end > this.cursor) this.cursor = end
    // go-yaml resolves an untagged plain scalar (YAML 1.1); quoted and block scalars are strings.
    let plain: unknown = value
    resolvedKind = 'str'
    if (tag !== undefined) {
      try {
        plain = resolveTagged(tag, value)
      } catch (error) {
        if (error instanceof TagError) throw this.error(error.message, ev.tagStart)
        throw error
      }
    } else if (style === 'plain') {
      plain = resolve(value)
    }
    const kind = resolvedKind as Kind
    if (kind === 'float' && !Number.isFinite(plain) && this.nonFinite < 0) this.nonFinite = start
    if (ev.anchorStart >= 0) this.anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { node, size: 1, value: plain })
    const frame = this.top
    if (frame !== undefined && frame.node.kind === 'map' && frame.keyNode === undefined) {
      this.key(frame, node, plain, kind, value, ev.tagStart >= 0 ? ev.tagStart : ev.anchorStart >= 0 ? ev.anchorStart - 1 : style === 'single' || style === 'double' ? start - 1 : start, end + (style === 'single' || style === 'double' ? 1 : 0))
      return
    }
    this.decodeCount++
    this.place(node, end, 1, plain)
  }

  /** A scalar (or an alias to one) in key position: kubectl's string for it, merge keys, the simple-key length. */
  private key(frame: Frame, node: PosNode, plain: unknown, kind: Kind, text: string, keyStart: number, keyEnd: number, count = true): void {
    frame.end = keyEnd
    frame.keyNode = node
    if (node.kind === 'scalar' && text === '<<' && node.style === 'plain' && (node.tag === undefined || fullTag(node.tag) === `${TAG}merge`)) {
      frame.merge = true
      frame.key = '<<'
      return
    }
    if (keyEnd - keyStart > MAX_SIMPLE_KEY - 24) this.checkSimpleKey(keyStart, keyEnd)
    const key = keyString(plain, kind, text)
    if (typeof key !== 'string') throw this.error(key.problem, node.start - this.offset)
    frame.merge = false
    frame.key = key
    if (count) this.decodeCount++
    frame.size++
  }

  /** libyaml: an implicit key's `:` must come within 1024 characters of where the key starts. */
  private checkSimpleKey(keyStart: number, keyEnd: number): void {
    const text = this.text
    let i = keyEnd
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++
    if (text.charCodeAt(i) !== 58) return
    let j = keyStart - 1
    while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--
    if (j >= 0 && text.charCodeAt(j) === 63) return // `? key`: an explicit key has no length limit
    let length = i - keyStart
    if (length > MAX_SIMPLE_KEY) for (let k = keyStart; k < i; k++) if ((text.charCodeAt(k) & 0xfc00) === 0xdc00) length--
    if (length > MAX_SIMPLE_KEY) throw this.error(`a key longer than ${MAX_SIMPLE_KEY} characters, which kubectl refuses`, keyStart)
  }

  private open(isMap: boolean, start: number, flow: boolean, anchorStart: number, anchorEnd: number): void {
    const top = this.top
    if (top !== undefined && top.node.kind === 'map' && top.keyNode === undefined) throw this.error(`a ${isMap ? 'mapping' : 'sequence'} used as a key, which kubectl refuses`, start)
    const at = start + this.offset
    const line = this.lines.line(at)
    const node: MapNode | SeqNode = isMap
      ? { kind: 'map', flow, entries: [], start: at, end: at, line, endLine: line }
      : { kind: 'seq', flow, items: [], start: at, end: at, line, endLine: line }
    let anchor: string | undefined
    if (anchorStart >= 0) {
      anchor = this.text.slice(anchorStart, anchorEnd)
      this.anchors.set(anchor, { node, size: -1, value: undefined })
    }
    if (start > this.cursor) this.cursor = start
    const frame: Frame = { node, end: start, key: undefined, keyNode: undefined, merge: false, size: 1, anchor, value: isMap ? {} : [], merged: undefined, index: undefined, dead: undefined }
    this.decodeCount++
    // A sequence merged with `<<` is not decoded as a node itself, only its maps are.
    if (!isMap && top !== undefined && top.merge) {
      frame.size = 0
      this.decodeCount--
    }
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
    if (frame.dead !== undefined && node.kind === 'map') {
      const dead = new Set(frame.dead)
      node.entries = node.entries.filter((_, i) => !dead.has(i))
    }
    if (frame.anchor !== undefined) {
      const anchor = this.anchors.get(frame.anchor)
      if (anchor && anchor.node === node) {
        anchor.size = frame.size
        anchor.value = frame.value
      }
    }
    if (end > this.cursor) this.cursor = end
    this.place(node, end, frame.size, frame.value)
  }

  // Anchor and alias offsets exclude the `&` and `*` sigils: the name is text[anchorStart, anchorEnd).
  private alias(anchorStart: number, anchorEnd: number): void {
    const name = this.text.slice(anchorStart, anchorEnd)
    const anchor = this.anchors.get(name)
    const start = anchorStart - 1
    if (!anchor) throw this.error(`alias *${name} refers to no anchor before it in this document`, start)
    // A recursive alias makes the plain value circular: every consumer that walks it would never stop.
    if (anchor.size < 0) throw this.error(`alias *${name} refers to a node that contains it (a recursive structure)`, start)
    this.decodeCount += 1 + anchor.size
    this.aliasCount += anchor.size
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw this.error('aliases make up most of this document (excessive aliasing, an alias bomb), which kubectl refuses', start)
    }
    const line = this.lines.line(start + this.offset)
    const node: AliasNode = { kind: 'alias', anchor: name, target: anchor.node, start: start + this.offset, end: anchorEnd + this.offset, line, endLine: line }
    if (anchorEnd > this.cursor) this.cursor = anchorEnd
    const frame = this.top
    if (frame !== undefined && frame.node.kind === 'map' && frame.keyNode === undefined) {
      // An alias as a key: the key is what the anchored scalar resolves to.
      const target = anchor.node
      if (target.kind !== 'scalar') throw this.error(`alias *${name} used as a key stands for a ${target.kind === 'map' ? 'mapping' : 'sequence'}, which kubectl refuses`, start)
      let value: unknown = target.text
      resolvedKind = 'str'
      if (target.tag !== undefined) value = resolveTagged(target.tag, target.text)
      else if (target.style === 'plain') value = resolve(target.text)
      this.key(frame, node, value, resolvedKind, target.text, start, anchorEnd, false)
      frame.size += anchor.size
      return
    }
    this.place(node, anchorEnd, 1 + anchor.size, anchor.value)
  }

  private place(node: PosNode, end: number, size: number, value: unknown): void {
    const frame = this.top
    if (frame === undefined) {
      this.docRoot = node
      this.docValue = value
      return
    }
    frame.end = end
    const parent = frame.node
    if (parent.kind === 'seq') {
      frame.size += size
      parent.items.push(node)
      ;(frame.value as unknown[]).push(value)
      return
    }
    const keyNode = frame.keyNode as PosNode
    const key = frame.key as string
    parent.entries.push({ key, keyNode, value: node })
    frame.key = undefined
    frame.keyNode = undefined
    if (frame.merge) {
      frame.merge = false
      // A merge key is not decoded; its value is (a merged sequence counted only its maps, see open()).
      frame.size += node.kind === 'seq' ? size - 1 : size
      this.merge(frame, node, value)
      return
    }
    frame.size += size
    const object = frame.value as Record<string, unknown>
    if (hasOwn.call(object, key)) {
      if (frame.merged?.has(key)) frame.merged.delete(key)
      else this.duplicate(frame, key, keyNode)
    }
    if (frame.index !== undefined) frame.index.set(key, parent.entries.length - 1)
    setKey(object, key, value)
  }

  private duplicate(frame: Frame, key: string, keyNode: PosNode): void {
    const entries = (frame.node as MapNode).entries
    if (frame.index === undefined) {
      frame.index = new Map()
      for (let i = 0; i < entries.length - 1; i++) if (!isMergeKey(entries[i])) frame.index.set(entries[i].key, i)
    }
    const i = frame.index.get(key)
    if (i === undefined) return
    const first = entries[i].keyNode
    ;(frame.dead ??= []).push(i)
    const sameText = first.kind === 'scalar' && keyNode.kind === 'scalar' && first.text === keyNode.text
    this.duplicates.push({ key, node: keyNode, first, sameText })
  }

  /** go-yaml v2 merges in place: the merged keys override keys before the `<<`, later keys override them. */
  private merge(frame: Frame, node: PosNode, value: unknown): void {
    const sources: unknown[] = []
    const target = node.kind === 'alias' ? node.target : node
    if (target?.kind === 'map') sources.push(value)
    else if (node.kind === 'seq') {
      // Earlier maps of the list win: apply from the last one.
      const items = value as unknown[]
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i]
        const itemTarget = item.kind === 'alias' ? item.target : item
        if (itemTarget?.kind !== 'map') throw this.error('a `<<` merge needs a mapping or a list of mappings', item.start - this.offset)
        sources.push(items[i])
      }
    } else {
      throw this.error('a `<<` merge needs a mapping or a list of mappings', node.start - this.offset)
    }
    const object = frame.value as Record<string, unknown>
    const merged = (frame.merged ??= new Set())
    for (const source of sources) {
      const map = source as Record<string, unknown>
      for (const key in map) {
        if (!hasOwn.call(map, key)) continue
        setKey(object, key, map[key])
        merged.add(key)
      }
    }
  }
}

function isMergeKey(entry: MapEntry): boolean {
  return entry.key === '<<' && entry.keyNode.kind === 'scalar' && entry.keyNode.style === 'plain'
}

/** Whether a plain value holds ±Inf or NaN anywhere (only called when a scalar resolved to one). */
function hasNonFinite(value: unknown): boolean {
  const stack: unknown[] = [value]
  const seen = new Set<unknown>()
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return true
    } else if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v)
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child)
    }
  }
  return false
}

function isSpace(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9
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
