// Mechanical fixes as one-line edits: rename a key, replace a value, replace a substring.
import type { Fix } from '../../model.js'
import type { FixSpec } from '../../knowledge/catalog.js'
import type { PosNode } from '../../manifests/types.js'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Requotes `to` the way `from` was written, so the edit keeps valid YAML. */
function quoteLike(quote: string, to: string): string {
  if (quote === '"') return `"${to.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
  if (quote === "'") return `'${to.replace(/'/g, "''")}'`
  // A plain scalar that would need quoting (e.g. contains ': ' or starts with a special character) gets double quotes.
  return /^[\w./-][\w./:@-]*$/.test(to) && !/:\s/.test(to) ? to : `"${to.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function singleLineScalar(node: PosNode | undefined): (PosNode & { kind: 'scalar' }) | undefined {
  return node?.kind === 'scalar' && node.line === node.endLine && node.style !== 'literal' && node.style !== 'folded' ? node : undefined
}

/** The key `text` (plain or quoted, followed by a colon) on a line: its column and quote; undefined unless there exactly once. */
function findKey(line: string, text: string): { start: number; quote: string } | undefined {
  const re = new RegExp(`(^|[\\s{,?-])(["']?)${escapeRegExp(text)}\\2(\\s*:)`, 'g')
  const matches = [...line.matchAll(re)]
  if (matches.length !== 1) return undefined
  const m = matches[0]
  return { start: m.index + m[1].length, quote: m[2] }
}

/** The line with the key `text` that `findKey` found there renamed to `to`, in the same quotes. */
function replaceKey(line: string, key: { start: number; quote: string }, text: string, to: string): string {
  const end = key.start + key.quote.length * 2 + text.length
  return line.slice(0, key.start) + quoteLike(key.quote, to) + line.slice(end)
}

/**
 * Whether the block mapping holding the key at `keyLine` (starting at column `col`) already has the key `to`:
 * the lines around it whose key starts at the same column, up to the first line indented less.
 */
function hasSiblingKey(lines: readonly string[], keyLine: number, col: number, to: string): boolean {
  const sibling = new RegExp(`^[\\s-]*(["']?)${escapeRegExp(to)}\\1\\s*:`)
  // A key that opens a list item (`- key:`) has no siblings above it.
  const opensItem = /^\s*-/.test(lines[keyLine - 1] ?? '')
  for (const step of opensItem ? [1] : [-1, 1]) {
    for (let n = keyLine + step; n >= 1 && n <= lines.length; n += step) {
      const text = lines[n - 1]
      if (text.trim() === '' || text.trimStart().startsWith('#')) continue
      const lead = text.length - text.trimStart().length
      // Where the line's key starts, after its indentation and any list dashes.
      const start = text.length - text.replace(/^[\s-]*/, '').length
      if (step > 0 && lead < col) break
      if (start === col && sibling.test(text)) return true
      // Going up, the line that opens the list item (`- key:`) or a line indented less ends the mapping.
      if (step < 0 && (lead < col || (start === col && /^\s*-/.test(text)))) break
    }
  }
  return false
}

/** Replaces the value `text` (plain or quoted) where it stands as a whole scalar on the line (last such place). */
function replaceValue(line: string, text: string, to: string): string | undefined {
  const re = new RegExp(`(:\\s+|-\\s+|[\\[,{]\\s*|^\\s*)(["']?)${escapeRegExp(text)}\\2(?=\\s*(?:#.*)?$|\\s*[,\\]}])`, 'g')
  const matches = [...line.matchAll(re)]
  if (matches.length === 0) return undefined
  const m = matches[matches.length - 1]
  const start = m.index + m[1].length
  const end = start + m[2].length * 2 + text.length
  return line.slice(0, start) + quoteLike(m[2], to) + line.slice(end)
}

function describe(spec: FixSpec, from: string): string {
  if (spec.description) return spec.description
  switch (spec.type) {
    case 'renameKey':
      return `Rename ${from} to ${spec.to}`
    case 'replaceValue':
      return `Replace ${from} with ${spec.to}`
    case 'replaceText':
      return `Replace ${spec.from} with ${spec.to}`
  }
}

/**
 * The one-line edit a fix spec makes at a hit, or undefined when the text is not where it is expected
 * (flow style, escapes, multi-line scalars): a fix must never guess.
 */
export function buildFix(spec: FixSpec, hit: { line: number; keyNode?: PosNode; valueNode?: PosNode }, lines: readonly string[]): Fix | undefined {
  switch (spec.type) {
    case 'renameKey': {
      const key = singleLineScalar(hit.keyNode)
      if (!key) return undefined
      const line = lines[key.line - 1]
      if (line === undefined) return undefined
      // A map key is followed by a colon; an env list `name:` value is a plain value.
      const found = findKey(line, key.text)
      // Renaming onto a key the same mapping already has would write a duplicate key: no fix then.
      if (found && hasSiblingKey(lines, key.line, found.start, spec.to)) return undefined
      const edited = found ? replaceKey(line, found, key.text, spec.to) : replaceValue(line, key.text, spec.to)
      return edited !== undefined && edited !== line ? { description: describe(spec, key.text), edits: [{ startLine: key.line, endLine: key.line, replacement: edited }] } : undefined
    }
    case 'replaceValue': {
      const value = singleLineScalar(hit.valueNode)
      if (!value) return undefined
      const line = lines[value.line - 1]
      if (line === undefined) return undefined
      const edited = replaceValue(line, value.text, spec.to)
      return edited !== undefined && edited !== line ? { description: describe(spec, value.text), edits: [{ startLine: value.line, endLine: value.line, replacement: edited }] } : undefined
    }
    case 'replaceText': {
      const node = hit.valueNode
      if (!node) return undefined
      for (let n = node.line; n <= node.endLine; n++) {
        const line = lines[n - 1]
        if (line === undefined || !line.includes(spec.from)) continue
        const edited = line.split(spec.from).join(spec.to)
        return { description: describe(spec, spec.from), edits: [{ startLine: n, endLine: n, replacement: edited }] }
      }
      return undefined
    }
  }
}

/** The file line that literally holds `needle` within a node's lines (multi-line scalars), else the node's first line. */
export function lineHolding(node: PosNode, needle: string | undefined, lines: readonly string[]): number {
  if (needle === undefined) return node.line
  for (let n = node.line; n <= node.endLine; n++) if (lines[n - 1]?.includes(needle)) return n
  return node.line
}
