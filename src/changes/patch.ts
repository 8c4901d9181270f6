// Unified-diff hunks → the head lines a review comment may target (GitHub `patch` fields and `git diff` output alike).

export interface PatchLines {
  /** RIGHT-side (head) lines inside a hunk — added and context lines — mapped to their 0-based hunk index. */
  commentableLines: Map<number, number>
  /** Head lines the diff adds. */
  addedLines: Set<number>
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * Reads the hunks of one file's unified diff. Accepts the bare hunks GitHub returns in `patch` and a full
 * `git diff` section (the `diff --git`, `index`, `---`/`+++` header lines are skipped). Hunk bodies are read
 * by their line counts, so content lines that look like headers (`+++`, `---`) are never misread.
 */
export function parsePatch(patch: string): PatchLines {
  const commentableLines = new Map<number, number>()
  const addedLines = new Set<number>()
  const rows = patch.split('\n')
  if (rows.at(-1) === '') rows.pop()

  let hunk = -1
  let oldLeft = 0
  let newLeft = 0
  let newLine = 0
  const startHunk = (row: string): void => {
    const header = HUNK_HEADER.exec(row)
    if (!header) return // file headers, `\ No newline` after the last hunk line, trailing noise
    hunk++
    oldLeft = header[2] === undefined ? 1 : Number(header[2])
    newLine = Number(header[3])
    newLeft = header[4] === undefined ? 1 : Number(header[4])
  }
  for (const raw of rows) {
    const row = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (oldLeft <= 0 && newLeft <= 0) {
      startHunk(row)
      continue
    }
    const marker = row[0]
    if (marker === '+') {
      commentableLines.set(newLine, hunk)
      addedLines.add(newLine)
      newLine++
      newLeft--
    } else if (marker === '-') {
      oldLeft--
    } else if (marker === ' ' || row === '') {
      // An empty row is a context line whose leading space was stripped by an editor or a mail client.
      commentableLines.set(newLine, hunk)
      newLine++
      newLeft--
      oldLeft--
    } else if (marker === '\\') {
      // "\ No newline at end of file" belongs to the line before it.
    } else {
      // Not a hunk line: the hunk header lied about its counts; stop reading this hunk.
      oldLeft = 0
      newLeft = 0
      startHunk(row)
    }
  }
  return { commentableLines, addedLines }
}
