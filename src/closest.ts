// "Did you mean …?": the known word nearest to a misspelt one, for config and suppression errors.

/**
 * Edit distance (insert, delete, substitute, and swap two neighbouring letters, the commonest typo: `tpye` is
 * one edit from `type`); two rows of memory.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1)
    }
    before = prev
    prev = row
  }
  return prev[b.length]
}

/** The candidate with the smallest edit distance to `word` (first one on ties), within `maxDistance`. */
export function closest(word: string, candidates: Iterable<string>, maxDistance = Infinity): string | undefined {
  let best: string | undefined
  let bestDistance = maxDistance + 1
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best
}
