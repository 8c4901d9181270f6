// A file of the PR → its YAML documents with positions, recognised; bad input becomes `parse` findings.
import type { Finding } from '../model.js'
import { recognise, type RecogniseContext } from './recognise.js'
import type { ManifestDocument, ManifestFile, PosNode } from './types.js'
import { lineAt, lineStarts, parseYaml, YamlError, type ParsedYaml } from './yaml.js'

/** Files above this size are skipped with a notice: manifests are small, generated bundles are not the PR's intent. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024
export const PARSE_RULE = 'parse'

/** A Go/Helm template action on one line: `{{ .Values.x }}`, `{{- if … }}`, `{{ include "x" . }}`. */
const TEMPLATE_ACTION = /\{\{-?[^{}]*-?\}\}/
/**
 * An action only Helm writes (chart objects, its functions, control flow). Prometheus (`{{ $labels.x }}`) and
 * Argo CD ApplicationSet (`{{ .path.basename }}`) templates in plain scalars are data of valid manifests.
 */
const HELM_ACTION = /\{\{-?\s*(?:[^{}]*\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|(?:include|template|tpl|toYaml|required|default|if|range|with|define|end|else)\b)/
/** Quoted spans of a line, removed before looking for template actions (quoted templates are data). */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g

/** Splits at document markers (`---`, `...`) at column 0; YAML forbids them inside any scalar. */
const DOC_MARKER = /^(?:---|\.\.\.)(?:[ \t\r]|$)/

/** Bytes scanned for NUL to tell binary files (git does the same). */
const BINARY_PROBE = 8000

export function parseManifestFile(path: string, content: string | Uint8Array): ManifestFile {
  try {
    return readManifestFile(path, content)
  } catch (error) {
    // A bug of ours must cost this file only, never the run for the other files: say so, and go on.
    const message = `istio-compat could not read this file (${(error as Error)?.message ?? String(error)}); it was not checked. Please report this.`
    return { path, lines: [], documents: [], problems: [{ rule: PARSE_RULE, severity: 'error', message, file: path, line: 1 }] }
  }
}

function readManifestFile(path: string, content: string | Uint8Array): ManifestFile {
  const problems: Finding[] = []
  const problem = (severity: Finding['severity'], line: number, message: string): void => {
    problems.push({ rule: PARSE_RULE, severity, message, file: path, line })
  }
  const skipped = (message: string): ManifestFile => {
    problem('notice', 1, message)
    return { path, lines: [], documents: [], problems }
  }

  let text: string
  if (typeof content === 'string') {
    if (content.length > MAX_FILE_BYTES) return skipped(`File is ${content.length} characters, above the ${MAX_FILE_BYTES}-byte limit; it was not checked.`)
    const nul = content.indexOf('\0')
    if (nul !== -1 && nul < BINARY_PROBE) return skipped('Binary file (it contains NUL bytes); it was not checked.')
    text = content
  } else {
    if (content.byteLength > MAX_FILE_BYTES) return skipped(`File is ${content.byteLength} bytes, above the ${MAX_FILE_BYTES}-byte limit; it was not checked.`)
    if (content.subarray(0, BINARY_PROBE).includes(0)) return skipped('Binary file (it contains NUL bytes); it was not checked.')
    text = new TextDecoder('utf-8').decode(content)
  }
  // TextDecoder already drops a UTF-8 BOM; a string may still carry one.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const starts = lineStarts(text)
  // Split eagerly: a lazy getter on the result measured 25% slower over the whole parse (V8 and accessor objects).
  const lines = splitLines(text)

  const documents: ManifestDocument[] = []
  const templateLines: number[] = []
  const ctx: RecogniseContext = { text, starts, onEmbeddedError: (line, message) => problem('error', line, message) }
  const mayHaveTemplates = text.includes('{{')
  let index = 0
  const add = (parsed: ParsedYaml): void => {
    const root = parsed.root
    if (root === null) return // `---` with nothing after it is no document worth an index
    const templateLine = mayHaveTemplates ? plainTemplateLine(root) : undefined
    if (templateLine !== undefined) {
      templateLines.push(templateLine)
      index++
      return
    }
    documents.push(recognise({ file: path, index: index++, line: root.line, endLine: root.endLine, root, value: parsed.value, kind: 'unknown', embedded: [] }, ctx))
  }

  let whole: ParsedYaml[] | undefined
  try {
    whole = parseYaml(text, { starts })
  } catch (error) {
    if (!(error instanceof YamlError)) throw error
  }
  if (whole) {
    for (const parsed of whole) add(parsed)
  } else {
    // One broken document must cost only itself: parse document by document.
    for (const chunk of splitDocuments(text, starts)) {
      let parsed: ParsedYaml[]
      try {
        parsed = parseYaml(chunk.text, { offset: chunk.start, starts })
      } catch (error) {
        if (!(error instanceof YamlError)) throw error
        const templateLine = mayHaveTemplates ? firstTemplateLine(lines, chunk.startLine, chunk.endLine) : undefined
        if (templateLine !== undefined) {
          templateLines.push(templateLine)
        } else {
          const last = lastContentLine(lines, chunk.startLine, chunk.endLine)
          // At the end of input (unclosed bracket or quote) js-yaml points past the document: use its last line.
          const line = Math.max(chunk.startLine, Math.min(lineAt(starts, error.fileOffset), last))
          problem('error', line, `Invalid YAML: ${error.message}; the document at lines ${firstContentLine(lines, chunk.startLine, chunk.endLine)}-${last} was not checked.`)
        }
        index++ // a broken document keeps its slot, so the documents after it keep their identity
        continue
      }
      for (const p of parsed) add(p)
    }
  }
  if (templateLines.length) {
    const n = templateLines.length
    problem('notice', Math.min(...templateLines), `Helm template syntax ({{ }}): ${n === 1 ? 'a document' : `${n} documents`} of this file ${n === 1 ? 'is a chart template' : 'are chart templates'}, not manifests, and ${n === 1 ? 'was' : 'were'} not checked; check the rendered output instead.`)
  }
  return { path, lines, lineStarts: starts, documents, problems }
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (text.includes('\r')) for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1)
  return lines
}

/**
 * The line of a template action in a plain scalar or key of a document that parsed: `name: app-{{ .Values.x }}`
 * is a chart template, while templates in quoted or block scalars are data (Istio injection templates,
 * Argo CD ApplicationSet, Prometheus rules).
 */
function plainTemplateLine(root: PosNode): number | undefined {
  const stack: PosNode[] = [root]
  while (stack.length) {
    const node = stack.pop() as PosNode
    if (node.kind === 'scalar') {
      if (node.style === 'plain' && node.text.includes('{{') && HELM_ACTION.test(node.text)) return node.line
    } else if (node.kind === 'map') {
      for (const e of node.entries) {
        stack.push(e.keyNode)
        if (e.value) stack.push(e.value)
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item)
    }
  }
  return undefined
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

interface Chunk {
  text: string
  start: number
  startLine: number
  endLine: number
}

/**
 * One chunk per document, so that a broken document costs only itself. A chunk holding only directives,
 * comments or blank lines is joined to the next one (directives belong to the document after them).
 */
function splitDocuments(text: string, starts: readonly number[]): Chunk[] {
  const chunks: Chunk[] = []
  let chunkStartLine = 1
  let hasContent = false
  const flush = (endLineExclusive: number): void => {
    if (!hasContent) return
    const start = starts[chunkStartLine - 1]
    const end = endLineExclusive - 1 < starts.length ? starts[endLineExclusive - 1] : text.length
    chunks.push({ text: text.slice(start, end), start, startLine: chunkStartLine, endLine: endLineExclusive - 1 })
    chunkStartLine = endLineExclusive
    hasContent = false
  }
  for (let i = 0; i < starts.length; i++) {
    const lineStart = starts[i]
    const lineEnd = i + 1 < starts.length ? starts[i + 1] : text.length
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '')
    if (DOC_MARKER.test(line)) {
      // `...` ends a document: the next one starts after it. `---` starts one: it opens the new chunk.
      flush(line.startsWith('.') ? i + 2 : i + 1)
      if (line.startsWith('.')) chunkStartLine = i + 2
      // The marker line itself may carry content (`--- !tag` or `--- {a: 1}`).
      else if (/\S/.test(line.slice(3).replace(/(^|\s)#.*$/, ''))) hasContent = true
      continue
    }
    if (!hasContent && /^\s*[^\s#%]/.test(line)) hasContent = true
  }
  flush(starts.length + 1)
  return chunks
}

function isContent(line: string): boolean {
  const t = line.trim()
  return t !== '' && !t.startsWith('#') && !t.startsWith('%') && !DOC_MARKER.test(t)
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
