// Line edits on the head text for suggestions: splice the original lines, never re-serialise YAML.
import type { TextEdit } from '../model.js'
import { ownNodeAt, valueRange, type ValueRange } from './locate.js'
import type { ManifestFile, PosNode, YamlPath } from './types.js'

/**
 * Where a line's trailing comment starts (`#` after a blank, outside quotes), or the line's length.
 * Inside a block scalar `#` is content; callers that edit block content must not rely on this.
 */
export function commentStart(line: string): number {
  let quote = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) {
        // '' inside single quotes is an escaped quote; \" inside double quotes is escaped.
        if (quote === 39 && line.charCodeAt(i + 1) === 39) i++
        else quote = 0
      } else if (quote === 34 && c === 92) i++
      continue
    }
    if (c === 35 && (i === 0 || line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 9)) return i
    // A quote opens a quoted scalar only where a scalar may start (not inside a plain word like it's).
    if ((c === 34 || c === 39) && (i === 0 || /[\s:,[{\-?]/.test(line[i - 1]))) quote = c
  }
  return line.length
}

/**
 * Rewrites one line of the file: `from` → `to` in the line's content, keeping indentation and any trailing
 * comment. Undefined when the line does not exist, `from` is not in its content exactly once (a fix must not
 * guess; pass more context such as `mode: STRICT`), or nothing would change.
 */
export function replaceInLine(file: ManifestFile, line: number, from: string, to: string): TextEdit | undefined {
  const text = file.lines[line - 1]
  if (text === undefined || from === '' || from === to) return undefined
  const contentEnd = commentStart(text)
  const content = text.slice(0, contentEnd)
  const at = content.indexOf(from)
  if (at === -1 || content.indexOf(from, at + 1) !== -1) return undefined
  return { startLine: line, endLine: line, replacement: text.slice(0, at) + to + text.slice(at + from.length) }
}

/**
 * Replaces an exact range of the file (from valueRange) with `replacement`, as an edit of the whole lines the
 * range touches. Undefined without line offsets (a file not made by parseManifestFile) or for a stale range.
 */
export function replaceRange(file: ManifestFile, range: ValueRange, replacement: string): TextEdit | undefined {
  const starts = file.lineStarts
  const first = file.lines[range.line - 1]
  const last = file.lines[range.endLine - 1]
  if (!starts || first === undefined || last === undefined) return undefined
  const startColumn = range.start - starts[range.line - 1]
  const endColumn = range.end - starts[range.endLine - 1]
  if (startColumn < 0 || startColumn > first.length || endColumn < 0 || endColumn > last.length + 1) return undefined
  return { startLine: range.line, endLine: range.endLine, replacement: first.slice(0, startColumn) + replacement + last.slice(Math.min(endColumn, last.length)) }
}

/**
 * Replaces the scalar written at `path` with `yaml` (already YAML: quote it yourself when needed). Undefined
 * where valueRange is (collections, aliases, merged keys, empty values, embedded YAML without offsets) and for
 * block or multi-line scalars, whose header and indentation a one-line replacement would break.
 */
export function replaceValue(file: ManifestFile, root: PosNode | null | undefined, path: YamlPath, yaml: string): TextEdit | undefined {
  const node = ownNodeAt(root, path)
  if (node?.kind !== 'scalar' || node.style === 'literal' || node.style === 'folded') return undefined
  const range = valueRange(root, path)
  if (!range || range.line !== range.endLine) return undefined
  return replaceRange(file, range, yaml)
}
