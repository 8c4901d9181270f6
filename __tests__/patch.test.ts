import { parsePatch } from '../src/changes/patch.js'
import { pullFromStates } from '../scripts/fake-github.mjs'

const entries = (m: Map<number, number>) => [...m.entries()]

describe('parsePatch', () => {
  it('maps added and context lines of a hunk to the head side', () => {
    const patch = '@@ -1,3 +1,4 @@\n a: 1\n-b: 2\n+b: 3\n c: 3\n+d: 4'
    const { commentableLines, addedLines } = parsePatch(patch)
    expect(entries(commentableLines)).toEqual([[1, 0], [2, 0], [3, 0], [4, 0]])
    expect([...addedLines]).toEqual([2, 4])
  })

  it('numbers hunks and leaves the lines between them out', () => {
    const patch = ['@@ -2,2 +2,2 @@ metadata:', '   name: a', '-  x: 1', '+  x: 2', '@@ -20,1 +20,2 @@', ' spec:', '+  y: 1'].join('\n')
    const { commentableLines, addedLines } = parsePatch(patch)
    expect(entries(commentableLines)).toEqual([[2, 0], [3, 0], [20, 1], [21, 1]])
    expect(commentableLines.has(10)).toBe(false)
    expect([...addedLines]).toEqual([3, 21])
  })

  it('reads a new file and a deleted file', () => {
    expect(entries(parsePatch('@@ -0,0 +1,2 @@\n+a: 1\n+b: 2').commentableLines)).toEqual([[1, 0], [2, 0]])
    const removed = parsePatch('@@ -1,2 +0,0 @@\n-a: 1\n-b: 2')
    expect(removed.commentableLines.size).toBe(0)
    expect(removed.addedLines.size).toBe(0)
  })

  it('accepts a full git diff section with headers and a no-newline marker', () => {
    const patch = [
      'diff --git a/x.yaml b/x.yaml',
      'index 1111111..2222222 100644',
      '--- a/x.yaml',
      '+++ b/x.yaml',
      '@@ -1 +1 @@',
      '-a: 1',
      '\\ No newline at end of file',
      '+a: 2',
      '\\ No newline at end of file',
      ''
    ].join('\n')
    const { commentableLines, addedLines } = parsePatch(patch)
    expect(entries(commentableLines)).toEqual([[1, 0]])
    expect([...addedLines]).toEqual([1])
  })

  it('does not take content lines that look like headers for headers', () => {
    // Removed line "-- a" and added line "++ b" print as "--- a" and "+++ b" inside the hunk.
    const patch = ['@@ -5,2 +5,3 @@', '--- a', '+++ b', '+@@ -1 +1 @@', ' ---'].join('\n')
    const { commentableLines, addedLines } = parsePatch(patch)
    expect(entries(commentableLines)).toEqual([[5, 0], [6, 0], [7, 0]])
    expect([...addedLines]).toEqual([5, 6])
  })

  it('handles CRLF diffs and context lines whose leading space was stripped', () => {
    const patch = '@@ -1,3 +1,3 @@\r\n a: 1\r\n\r\n-b: 2\r\n+b: 3\r\n'
    const { commentableLines, addedLines } = parsePatch(patch)
    expect(entries(commentableLines)).toEqual([[1, 0], [2, 0], [3, 0]])
    expect([...addedLines]).toEqual([3])
  })

  it('agrees with git: every commentable line is the head line the diff shows', () => {
    const base: Record<string, string> = { 'm.yaml': Array.from({ length: 60 }, (_, i) => `key${i}: ${i}`).join('\n') + '\n' }
    const head = base['m.yaml']!.split('\n')
    head.splice(3, 1, 'key3: changed')
    head.splice(30, 2)
    head.splice(50, 0, 'inserted: 1', '---', '+++ x')
    const pull = pullFromStates(base, { 'm.yaml': head.join('\n') })
    const file = pull.files[0]!
    const headLines = pull.headText['m.yaml']!.split('\n')
    const { commentableLines, addedLines } = parsePatch(file.patch!)
    expect(new Set(commentableLines.values())).toEqual(new Set([0, 1, 2]))
    expect([...addedLines].sort((a, b) => a - b)).toEqual([4, 51, 52, 53])
    // Rebuild each hunk's RIGHT side from the patch and compare it with the head file line by line.
    let line = 0
    for (const row of file.patch!.split('\n')) {
      const header = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(row)
      if (header) line = Number(header[1])
      else if (row.startsWith('+') || row.startsWith(' ')) {
        expect(commentableLines.has(line)).toBe(true)
        expect(headLines[line - 1]).toBe(row.slice(1))
        line++
      }
    }
  })
})
