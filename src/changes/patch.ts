// Unified diff hunks → the head lines a review comment may target.

export interface PatchLines {
  /** Head line → index of the hunk that contains it (added and context lines). */
  commentableLines: Map<number, number>
  addedLines: Set<number>
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** Reads the hunks of one file's unified diff; lines before the first hunk (headers) are ignored. */
export function parsePatch(patch: string): PatchLines {
  const commentableLines = new Map<number, number>()
  const addedLines = new Set<number>()
  let hunk = -1
  let line = 0
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw)
    if (header) {
      hunk++
      line = Number(header[1])
      continue
    }
    if (hunk < 0 || raw.startsWith('\\')) continue
    const marker = raw[0]
    if (marker === '+') {
      commentableLines.set(line, hunk)
      addedLines.add(line)
      line++
    } else if (marker === ' ') {
      commentableLines.set(line, hunk)
      line++
    }
    // '-' lines exist only on the base side.
  }
  return { commentableLines, addedLines }
}
