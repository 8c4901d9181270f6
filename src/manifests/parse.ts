// A file of the PR → its YAML documents with positions, recognised; bad input becomes `parse` findings.
// The file is read the way kubectl reads it (docs/yaml.md): bytes as UTF-8 (or UTF-16 with a BOM), documents split
// at `---` lines, each read by go-yaml v2's rules; what kubectl refuses is a `parse` error on that document.
import type { Finding } from '../model.js'
import { recognise, type RecogniseContext } from './recognise.js'
import type { ManifestDocument, ManifestFile } from './types.js'
import { LineCursor, lineAt, lineStarts, parseDocument, parseStream, splitDocuments, YamlError, type DuplicateKey, type ParsedDocument } from './yaml.js'

/** Default size limit: manifests are small, generated bundles of this size are not the PR's intent. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024
/** @deprecated the default limit; the limit in force is ParseFileOptions.maxFileBytes. */
export const MAX_FILE_BYTES = DEFAULT_MAX_FILE_BYTES
export const PARSE_RULE = 'parse'
export const DUPLICATE_KEY_RULE = 'duplicate-key'

export interface ParseFileOptions {
  /** Files above this many bytes are skipped with a warning (config `maxFileSize`, input `max-file-size`). */
  maxFileBytes?: number
}

/** A Go/Helm template action on one line: `{{ .Values.x }}`, `{{- if … }}`, `{{ include "x" . }}`. */
const TEMPLATE_ACTION = /\{\{-?[^{}]*-?\}\}/
/** Quoted spans of a line, removed before looking for template actions (quoted templates are data). */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g
/** Characters libyaml refuses anywhere in its input, comments included ("control characters are not allowed"). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g

/** Bytes scanned for NUL to tell binary files (git does the same). */
const BINARY_PROBE = 8000

export function parseManifestFile(path: string, content: string | Uint8Array, options: ParseFileOptions = {}): ManifestFile {
  try {
    return readManifestFile(path, content, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
  } catch (error) {
    // A bug of ours must cost this file only, never the run for the other files: say so, and go on.
    const message = `istio-compat could not read this file (${(error as Error)?.message ?? String(error)}); it was not checked. Please report this.`
    return { path, lines: [], documents: [], problems: [{ rule: PARSE_RULE, severity: 'error', message, file: path, line: 1 }] }
  }
}

/** "4 MiB" for the messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`
  return `${n} bytes`
}

/** Where a byte problem sits: a text line, and what to say. */
interface BadSpot {
  line: number
  message: string
}

function readManifestFile(path: string, content: string | Uint8Array, maxBytes: number): ManifestFile {
  const problems: Finding[] = []
  const problem = (severity: Finding['severity'], line: number, message: string, rule = PARSE_RULE): void => {
    problems.push({ rule, severity, message, file: path, line })
  }
  const skipped = (severity: Finding['severity'], message: string): ManifestFile => {
    problem(severity, 1, message)
    return { path, lines: [], documents: [], problems }
  }
  const tooBig = (size: string): ManifestFile =>
    skipped('warning', `File is ${size}, above the size limit of ${formatBytes(maxBytes)} (${maxBytes} bytes); it was not checked. Raise the limit (input max-file-size, config maxFileSize or --max-file-size) to check it.`)

  let text: string
  let badBytes: BadSpot[] = []
  if (typeof content === 'string') {
    if (content.length > maxBytes) return tooBig(`${content.length} characters`)
    const nul = content.indexOf('\0')
    if (nul !== -1 && nul < BINARY_PROBE) return skipped('warning', 'Binary file (it holds NUL bytes, which kubectl refuses too); it was not checked.')
    text = content
  } else {
    if (content.byteLength > maxBytes) return tooBig(`${content.byteLength} bytes`)
    const utf16 = content.length >= 2 && ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff))
    if (utf16) {
      // go-yaml reads UTF-16 with a byte order mark; so does the checker.
      text = new TextDecoder(content[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(content)
    } else {
      if (content.subarray(0, BINARY_PROBE).includes(0)) return skipped('warning', 'Binary file (it holds NUL bytes, which kubectl refuses too); it was not checked.')
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(content)
      } catch {
        text = new TextDecoder('utf-8').decode(content)
        badBytes = invalidUtf8(content)
      }
    }
  }
  // The decoders drop a leading BOM; a string may still carry one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const starts = lineStarts(text)
  // Split eagerly: a lazy getter on the result measured 25% slower over the whole parse (V8 and accessor objects).
  const lines = splitLines(text)
  const cursor = new LineCursor(starts)
  const bad = badBytes.concat(controlCharacters(text, starts))
  if (badBytes.length && bad.length > badBytes.length) bad.sort((a, b) => a.line - b.line)

  const documents: ManifestDocument[] = []
  const templateLines: number[] = []
  const ctx: RecogniseContext = {
    text,
    starts,
    onEmbeddedError: (line, message) => problem('error', line, message),
    onDuplicateKey: (duplicate, where) => problem('warning', duplicate.node.line, duplicateMessage(duplicate, where), DUPLICATE_KEY_RULE)
  }
  const mayHaveTemplates = text.includes('{{')
  let index = 0
  let badAt = 0
  const add = (parsed: ParsedDocument): void => {
    for (const duplicate of parsed.duplicates) problem('warning', duplicate.node.line, duplicateMessage(duplicate), DUPLICATE_KEY_RULE)
    const root = parsed.root as NonNullable<ParsedDocument['root']>
    documents.push(recognise({ file: path, index: index++, line: root.line, endLine: root.endLine, root, value: parsed.value, kind: 'unknown', embedded: [] }, ctx))
  }
  const broken = (startLine: number, endLine: number, line: number, message: string): void => {
    const templateLine = mayHaveTemplates ? firstTemplateLine(lines, startLine, endLine) : undefined
    if (templateLine !== undefined) templateLines.push(templateLine)
    else problem('error', line, `${message}; the document at lines ${firstContentLine(lines, startLine, endLine)}-${lastContentLine(lines, startLine, endLine)} was not checked.`)
    index++ // a broken document keeps its slot, so the documents after it keep their identity
  }

  const json = jsonStream(text)
  const split = json ? undefined : splitDocuments(text)
  if (split?.whole && bad.length === 0) {
    // The common file: YAML's own document splitting is kubectl's, so one parse reads every document.
    let whole: (ParsedDocument | null)[] | undefined
    try {
      whole = parseStream(text, { cursor })
    } catch (error) {
      if (!(error instanceof YamlError)) throw error
    }
    if (whole) {
      for (const parsed of whole) if (parsed !== null && parsed.root !== null) add(parsed)
      return finish()
    }
  }
  // Otherwise document by document, so that a broken one costs only itself.
  const chunks: Chunk[] = json ?? (split as Chunk[])
  for (const chunk of chunks) {
    const startLine = cursor.line(chunk.start)
    const endLine = chunk.end > chunk.start ? cursor.line(chunk.end - 1) : startLine
    while (badAt < bad.length && bad[badAt].line < startLine) badAt++
    if (chunk.error) {
      broken(startLine, endLine, lineAt(starts, chunk.errorOffset), `Invalid YAML: ${chunk.error}`)
      continue
    }
    if (badAt < bad.length && bad[badAt].line <= endLine) {
      const spot = bad[badAt]
      problem('error', spot.line, `${spot.message}; kubectl refuses the file, and the document at lines ${firstContentLine(lines, startLine, endLine)}-${lastContentLine(lines, startLine, endLine)} was not checked.`)
      index++
      continue
    }
    let parsed: ParsedDocument | null
    try {
      parsed = parseDocument(text.slice(chunk.start, chunk.end), { offset: chunk.start, cursor })
    } catch (error) {
      if (!(error instanceof YamlError)) throw error
      const last = lastContentLine(lines, startLine, endLine)
      // At the end of input (unclosed bracket or quote) js-yaml points past the document: use its last line.
      broken(startLine, endLine, Math.max(startLine, Math.min(lineAt(starts, error.fileOffset), last)), `Invalid YAML: ${error.message}`)
      continue
    }
    if (parsed === null || parsed.root === null) continue // `---` with nothing after it is no document worth an index
    if (chunk.value !== undefined) parsed.value = chunk.value
    add(parsed)
  }
  return finish()

  function finish(): ManifestFile {
    if (templateLines.length) {
      const n = templateLines.length
      let first = templateLines[0]
      for (const l of templateLines) if (l < first) first = l
      problem('notice', first, `Helm template syntax ({{ }}) breaks the YAML of ${n === 1 ? 'a document' : `${n} documents`} of this file: ${n === 1 ? 'it is a chart template' : 'they are chart templates'}, not ${n === 1 ? 'a manifest' : 'manifests'}, and ${n === 1 ? 'was' : 'were'} not checked; check the rendered output instead.`)
    }
    return { path, lines, lineStarts: starts, documents, problems }
  }
}

function duplicateMessage(d: DuplicateKey, where?: string): string {
  const key = d.key.length > 60 ? `${d.key.slice(0, 60)}…` : d.key
  const inText = where ? ` in ${where}` : ''
  const reader = where ? 'istiod and kubectl keep' : 'kubectl keeps'
  if (d.sameText) return `Key "${key}"${inText} is written twice in one mapping (first on line ${d.first.line}): ${reader} the value of line ${d.node.line}, while kustomize and Flux refuse the file.`
  return `Keys on lines ${d.first.line} and ${d.node.line}${inText} are the same key "${key}" under YAML 1.1: ${reader} the value of line ${d.node.line}; kustomize and Flux read them as two different keys.`
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (text.includes('\r')) for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1)
  return lines
}

/** Lines (of the decoded text) holding bytes that are not UTF-8; kubectl refuses them. */
function invalidUtf8(bytes: Uint8Array): BadSpot[] {
  const out: BadSpot[] = []
  let line = 1
  let lastLine = 0
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]
    if (b === 10) line++
    let need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    let ok = need >= 0 && i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false
    if (ok && need === 2) {
      const cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6)
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) ok = false
    } else if (ok && need === 3) {
      const cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12)
      if (cp < 0x10000 || cp > 0x10ffff) ok = false
    }
    if (!ok) {
      if (line !== lastLine) out.push({ line, message: `Invalid UTF-8: byte 0x${b.toString(16).toUpperCase().padStart(2, '0')} on line ${line} is not UTF-8 text (saved in another encoding?)` })
      lastLine = line
      need = 0
    }
    i += need + 1
  }
  return out
}

/** Lines holding a control character libyaml refuses anywhere in its input (comments too). */
function controlCharacters(text: string, starts: readonly number[]): BadSpot[] {
  const out: BadSpot[] = []
  CONTROL.lastIndex = 0
  let m: RegExpExecArray | null
  let lastLine = 0
  while ((m = CONTROL.exec(text)) !== null) {
    const line = lineAt(starts, m.index)
    if (line !== lastLine) out.push({ line, message: `Control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} on line ${line}, which YAML does not allow` })
    lastLine = line
  }
  return out
}

interface Chunk {
  start: number
  end: number
  error?: string
  errorOffset: number
  /** The value of a JSON document, read by JSON's rules (kubectl decodes a stream that starts with `{` as JSON). */
  value?: unknown
}

/**
 * kubectl reads a file whose first non-blank character is `{` as a stream of JSON values, and falls back to YAML
 * when that fails on the first value (k8s.io/apimachinery YAMLOrJSONDecoder). The JSON documents, when every value
 * of the file is JSON; undefined to read the file as YAML.
 */
function jsonStream(text: string): Chunk[] | undefined {
  let i = 0
  while (i < text.length && /\s/.test(text[i])) i++
  if (text.charCodeAt(i) !== 123) return undefined
  const out: Chunk[] = []
  while (i < text.length) {
    const end = jsonValueEnd(text, i)
    if (end < 0) return undefined
    let value: unknown
    try {
      value = JSON.parse(text.slice(i, end))
    } catch {
      return undefined
    }
    out.push({ start: i, end, errorOffset: i, value })
    i = end
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  return out.length > 1 ? out : undefined
}

/** End of the JSON object or array starting at `i` (brackets counted outside strings), or -1. */
function jsonValueEnd(text: string, i: number): number {
  const open = text.charCodeAt(i)
  if (open !== 123 && open !== 91) return -1
  let depth = 0
  for (let k = i; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c === 34) {
      for (k++; k < text.length && text.charCodeAt(k) !== 34; k++) if (text.charCodeAt(k) === 92) k++
    } else if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) {
      if (--depth === 0) return k + 1
    }
  }
  return -1
}

/** First line in [from, to] with a template action outside quotes and comments. */
function firstTemplateLine(lines: readonly string[], from: number, to: number): number | undefined {
  for (let l = from; l <= to && l <= lines.length; l++) {
    const line = lines[l - 1]
    if (!line.includes('{{')) continue
    const bare = line.replace(QUOTED, '""')
    const hash = bare.search(/(^|\s)#/)
    if (TEMPLATE_ACTION.test(hash === -1 ? bare : bare.slice(0, hash))) return l
  }
  return undefined
}

function isContent(line: string): boolean {
  const t = line.trim()
  return t !== '' && !t.startsWith('#') && !t.startsWith('%') && !/^(?:---|\.\.\.)(?:\s|$)/.test(t)
}

/** The last line of a chunk that is not blank, a comment or a marker. */
function lastContentLine(lines: readonly string[], from: number, to: number): number {
  for (let l = Math.min(to, lines.length); l > from; l--) if (isContent(lines[l - 1])) return l
  return from
}

function firstContentLine(lines: readonly string[], from: number, to: number): number {
  for (let l = from; l <= to && l <= lines.length; l++) if (isContent(lines[l - 1])) return l
  return from
}
