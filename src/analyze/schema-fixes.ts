// Mechanical edits for schema findings (whole-line replacements) and the typo suggestion behind them.
import type { MapEntry, PosNode } from '../manifests/types.js'
import type { Fix } from '../model.js'

/** Replaces a scalar's text on its own line when it occurs there exactly once. */
export function replaceValueFix(lines: readonly string[] | undefined, node: PosNode, oldText: string, newText: string, description: string): Fix | undefined {
  if (node.line !== node.endLine) return undefined
  const line = lines?.[node.line - 1]
  if (line === undefined || line.split(oldText).length !== 2) return undefined
  return { description, edits: [{ startLine: node.line, endLine: node.line, replacement: line.replace(oldText, newText) }] }
}

/** Renames a map key on its own line, when the key text occurs there exactly once. */
export function replaceKeyFix(lines: readonly string[] | undefined, e: MapEntry, name: string): Fix | undefined {
  const node = e.keyNode
  if (node.line !== node.endLine) return undefined
  const line = lines?.[node.line - 1]
  if (line === undefined) return undefined
  const re = new RegExp(`(^|[\\s{,'"-])${e.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=['"]?\\s*:)`, 'g')
  const hits = [...line.matchAll(re)]
  if (hits.length !== 1) return undefined
  const at = (hits[0].index as number) + hits[0][1].length
  return { description: `Rename ${e.key} to ${name}`, edits: [{ startLine: node.line, endLine: node.line, replacement: line.slice(0, at) + name + line.slice(at + e.key.length) }] }
}

/**
 * The candidate nearest to `name` when close enough to be a typo. Unlike src/closest.ts, a tie gives no
 * answer and a swap of two letters counts once: this name becomes a rename fix, and a wrong one is worse than none.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase()
  const limit = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3
  let best: string | undefined
  let bestScore = Infinity
  let tie = false
  for (const c of candidates) {
    const score = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), limit)
    if (score > limit) continue
    if (score < bestScore) {
      best = c
      bestScore = score
      tie = false
    } else if (score === bestScore) tie = true
  }
  return tie ? undefined : best
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}
