// Turns a finding's fix into a GitHub suggested change, only when GitHub can apply it exactly.
import type { ChangedFile } from '../changes/types.js'
import type { TextEdit } from '../model.js'

export interface Suggestion {
  /** The head lines the suggestion replaces (1-based, inclusive); the review comment must cover exactly these. */
  startLine: number
  endLine: number
  /** The replacement text of those lines (no trailing newline); '' deletes them. */
  content: string
}

/** Suggestions longer than this are shown as a fix description only: a reviewer cannot check them at a glance. */
export const MAX_SUGGESTION_LINES = 40

/** Splits file text into lines the way GitHub numbers them (BOM and CR dropped). */
export function textLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** Lines of a replacement; the empty replacement removes the lines. */
function replacementLines(replacement: string): string[] {
  return replacement === '' ? [] : replacement.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
}

/**
 * The one suggestion that applies all `edits` at once, or undefined when GitHub could not apply it as the
 * edits mean it: edits overlap or leave the file, the block crosses a hunk or leaves the diff, it is too
 * long, or it changes nothing ("no changes were made to the code" is rejected by GitHub).
 */
export function buildSuggestion(edits: readonly TextEdit[], file: ChangedFile, headLines: readonly string[]): Suggestion | undefined {
  if (edits.length === 0) return undefined
  const sorted = [...edits].sort((a, b) => a.startLine - b.startLine)
  for (const [i, edit] of sorted.entries()) {
    if (!Number.isInteger(edit.startLine) || !Number.isInteger(edit.endLine)) return undefined
    if (edit.startLine < 1 || edit.endLine < edit.startLine || edit.endLine > headLines.length) return undefined
    if (i > 0 && edit.startLine <= sorted[i - 1]!.endLine) return undefined
  }
  const startLine = sorted[0]!.startLine
  const endLine = sorted.at(-1)!.endLine
  if (endLine - startLine + 1 > MAX_SUGGESTION_LINES) return undefined

  // GitHub anchors a multi-line comment to one hunk; every line of the range must be a RIGHT-side hunk line.
  const hunk = file.commentableLines.get(startLine)
  if (hunk === undefined) return undefined
  for (let line = startLine; line <= endLine; line++) {
    if (file.commentableLines.get(line) !== hunk) return undefined
  }

  const out: string[] = []
  let line = startLine
  for (const edit of sorted) {
    for (; line < edit.startLine; line++) out.push(headLines[line - 1]!)
    for (const l of replacementLines(edit.replacement)) out.push(l)
    line = edit.endLine + 1
  }
  const original = headLines.slice(startLine - 1, endLine)
  if (out.length === original.length && out.every((text, i) => text === original[i])) return undefined
  return { startLine, endLine, content: out.join('\n') }
}
