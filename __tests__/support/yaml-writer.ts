// Writes block YAML from plain values and records the line of every key and item it writes, so tests know
// where a key sits without asking the code under test.

export type Y = string | number | boolean | null | Y[] | { [key: string]: Y } | LiteralBlock

/** A value written as a literal block scalar (`key: |`) holding YAML, e.g. the MeshConfig in a ConfigMap. */
export class LiteralBlock {
  constructor(readonly inner: { [key: string]: Y }) {}
}

export interface Written {
  text: string
  /** Line (1-based) of each written key or item, by its path joined with '/' (embedded paths continue the outer one). */
  lineOf(path: readonly (string | number)[]): number
}

function isScalar(v: Y): v is string | number | boolean | null {
  return v === null || typeof v !== 'object'
}

function isEmpty(v: Y): boolean {
  return (Array.isArray(v) && v.length === 0) || (!isScalar(v) && !Array.isArray(v) && !(v instanceof LiteralBlock) && Object.keys(v).length === 0)
}

function scalar(v: Y): string {
  if (Array.isArray(v)) return '[]'
  if (v !== null && typeof v === 'object') return '{}'
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

function key(k: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(k) && !/^[\d.]+$/.test(k) && !['true', 'false', 'null', 'yes', 'no', 'on', 'off'].includes(k) ? k : JSON.stringify(k)
}

export function writeYaml(docs: { [key: string]: Y }[]): Written {
  const out: string[] = []
  const lines = new Map<string, number>()
  const rec = (path: readonly (string | number)[]): void => void lines.set(path.join('/'), out.length + 1)

  const entries = (map: { [key: string]: Y }, indent: number, path: (string | number)[], firstPrefix?: string): void => {
    let first = true
    for (const [k, v] of Object.entries(map)) {
      const prefix = first && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent)
      first = false
      const p = [...path, k]
      rec(p)
      if (v instanceof LiteralBlock) {
        out.push(`${prefix}${key(k)}: |`)
        entries(v.inner, indent + 2, p)
      } else if (isScalar(v) || isEmpty(v)) {
        out.push(`${prefix}${key(k)}: ${scalar(v)}`)
      } else if (Array.isArray(v)) {
        out.push(`${prefix}${key(k)}:`)
        items(v, indent, p)
      } else {
        out.push(`${prefix}${key(k)}:`)
        entries(v, indent + 2, p)
      }
    }
  }
  const items = (list: Y[], indent: number, path: (string | number)[]): void => {
    list.forEach((item, i) => {
      const p = [...path, i]
      const prefix = `${' '.repeat(indent)}- `
      rec(p)
      if (isScalar(item) || isEmpty(item) || item instanceof LiteralBlock) out.push(prefix + scalar(item as Y))
      else if (Array.isArray(item)) {
        out.push(prefix.trimEnd())
        items(item, indent + 2, p)
      } else entries(item, indent + 2, p, prefix)
    })
  }
  docs.forEach((doc, i) => {
    if (i > 0) out.push('---')
    entries(doc, 0, [])
  })
  return {
    text: out.join('\n') + '\n',
    lineOf(path) {
      const line = lines.get(path.join('/'))
      if (line === undefined) throw new Error(`nothing written at ${path.join('/')}`)
      return line
    }
  }
}
