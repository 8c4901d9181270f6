// A file of the PR → its YAML documents with positions, recognised; bad input becomes `parse` findings.
import type { Finding } from '../model.js'
import { recognise } from './recognise.js'
import type { ManifestDocument, ManifestFile } from './types.js'
import { lineAt, lineStarts, parseYamlDocuments, YamlError, type SourceMap } from './yaml.js'

/** Files above this size are skipped with a notice: manifests are small, generated bundles are not the PR's intent. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024
export const PARSE_RULE = 'parse'

/** A Helm/Go template action; such a file is a chart template, not a manifest. */
const TEMPLATE_ACTION = /\{\{-?\s*(?:[.$]|if\b|else\b|end\b|range\b|with\b|include\b|template\b|define\b|toYaml\b|tpl\b|\/\*|-?\s*\}\})/

/** Splits at document markers (`---`, `...`) at column 0; YAML forbids them inside any scalar. */
const DOC_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/

export function parseManifestFile(path: string, content: string | Uint8Array): ManifestFile {
  const problems: Finding[] = []
  const problem = (severity: Finding['severity'], line: number, message: string): void => {
    problems.push({ rule: PARSE_RULE, severity, message, file: path, line })
  }

  let text: string
  if (typeof content === 'string') {
    text = content
  } else {
    if (content.byteLength > MAX_FILE_BYTES) {
      problem('notice', 1, `File is ${content.byteLength} bytes, above the ${MAX_FILE_BYTES}-byte limit; it was not checked.`)
      return { path, lines: [], documents: [], problems }
    }
    if (content.subarray(0, 8000).includes(0)) {
      problem('notice', 1, 'Binary file; it was not checked.')
      return { path, lines: [], documents: [], problems }
    }
    text = new TextDecoder('utf-8').decode(content)
  }
  if (text.length > MAX_FILE_BYTES) {
    problem('notice', 1, `File is ${text.length} characters, above the ${MAX_FILE_BYTES} limit; it was not checked.`)
    return { path, lines: [], documents: [], problems }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lines = text.split(/\r?\n/)

  const templateLine = findTemplateLine(lines)
  if (templateLine) {
    problem('notice', templateLine, 'Helm template syntax ({{ }}): the file is a chart template, not a manifest, and was not checked; check the rendered output instead.')
    return { path, lines, documents: [], problems }
  }

  const starts = lineStarts(text)
  const identity: SourceMap = { offset: (o) => o, line: (o) => lineAt(starts, o) }
  const documents: ManifestDocument[] = []
  const recogniseContext = { text, starts, onEmbeddedError: (line: number, message: string) => problem('error', line, message) }
  for (const chunk of splitDocuments(text, starts)) {
    const chunkMap: SourceMap = { offset: (o) => o + chunk.start, line: identity.line }
    try {
      for (const parsed of parseYamlDocuments(chunk.text, chunkMap)) {
        if (parsed.root === null) continue
        documents.push(recognise({
          file: path,
          index: documents.length,
          line: parsed.root.line,
          endLine: lastContentLine(lines, parsed.root.endLine, chunk.endLine),
          root: parsed.root,
          value: parsed.value,
          kind: 'unknown',
          embedded: []
        }, recogniseContext))
      }
    } catch (error) {
      if (!(error instanceof YamlError)) throw error
      // js-yaml may point just past the chunk (at the next marker) for unterminated input.
      const line = Math.min(identity.line(error.fileOffset), lastContentLine(lines, chunk.startLine, chunk.endLine))
      problem('error', line, `Invalid YAML: ${error.message}; the document at lines ${chunk.startLine}-${chunk.endLine} was not checked.`)
    }
  }
  return { path, lines, documents, problems }
}

function findTemplateLine(lines: readonly string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (l.includes('{{') && !/^\s*#/.test(l) && TEMPLATE_ACTION.test(l)) return i + 1
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
      flush(i + 1)
      // The marker line itself may carry content (`--- !tag` or `--- {a: 1}`).
      if (line.startsWith('---') && /\S/.test(line.slice(3).replace(/#.*$/, ''))) hasContent = true
      continue
    }
    if (!hasContent && /^\s*[^\s#%]/.test(line)) hasContent = true
  }
  flush(starts.length + 1)
  return chunks
}

/** The last line of a document that is not blank or a comment (trailing comments belong to the next one). */
function lastContentLine(lines: readonly string[], nodeEndLine: number, chunkEndLine: number): number {
  let end = Math.max(nodeEndLine, 1)
  for (let l = Math.min(chunkEndLine, lines.length); l > end; l--) {
    const t = lines[l - 1].trim()
    if (t !== '' && !t.startsWith('#') && t !== '---' && t !== '...') return l
  }
  return end
}
