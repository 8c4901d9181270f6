// A small block-YAML writer for the benchmark corpus: varied but always valid styles, like hand-written manifests.

const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./@:-]*$/
const LOOKS_TYPED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._:eE+-]*|\.inf|\.nan)$/i

/** Quotes a string scalar only when YAML would read it as something else, in the style `rand` picks. */
export function scalar(value, rand) {
  if (value === null) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const s = String(value)
  const mustQuote = s === '' || !PLAIN_SAFE.test(s) || LOOKS_TYPED.test(s) || s.includes(': ') || s.includes(' #')
  if (!mustQuote && rand() < 0.85) return s
  if (!s.includes("'") && !s.includes('\\') && rand() < 0.5) return `'${s}'`
  return JSON.stringify(s)
}

/** A multi-line string as a literal block (`|`), its lines indented under the key. */
class Block {
  constructor(text) {
    this.text = text
  }
}
export const block = (text) => new Block(text)

/** A comment line placed before the next key of a map. */
class Comment {
  constructor(text) {
    this.text = text
  }
}
export const comment = (text) => new Comment(text)

/**
 * Writes `value` (plain objects, arrays, scalars, block()) as block YAML. Short scalar lists may come out in
 * flow style and sequences under a key are indented one way or the other, as in real repositories.
 */
export function toYaml(value, rand, indent = 0) {
  const lines = []
  writeMap(value, indent, lines, rand)
  return lines.join('\n') + '\n'
}

function isScalar(v) {
  return v === null || typeof v !== 'object'
}

function writeMap(obj, indent, lines, rand) {
  const pad = ' '.repeat(indent)
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue
    if (v instanceof Comment) {
      lines.push(`${pad}# ${v.text}`)
      continue
    }
    const k = scalar(key, () => 0)
    if (v instanceof Block) {
      lines.push(`${pad}${k}: |`)
      for (const l of v.text.replace(/\n$/, '').split('\n')) lines.push(l === '' ? '' : `${pad}  ${l}`)
    } else if (isScalar(v)) {
      lines.push(`${pad}${k}: ${scalar(v, rand)}`)
    } else if (Array.isArray(v)) {
      if (v.length === 0) lines.push(`${pad}${k}: []`)
      else if (v.length <= 4 && v.every(isScalar) && v.every((x) => String(x).length < 30) && rand() < 0.3) {
        lines.push(`${pad}${k}: [${v.map((x) => scalar(x, () => 1)).join(', ')}]`)
      } else {
        lines.push(`${pad}${k}:`)
        writeSeq(v, rand() < 0.6 ? indent : indent + 2, lines, rand)
      }
    } else if (Object.keys(v).length === 0) {
      lines.push(`${pad}${k}: {}`)
    } else {
      lines.push(`${pad}${k}:`)
      writeMap(v, indent + 2, lines, rand)
    }
  }
}

function writeSeq(items, indent, lines, rand) {
  const pad = ' '.repeat(indent)
  for (const item of items) {
    if (isScalar(item)) {
      lines.push(`${pad}- ${scalar(item, rand)}`)
    } else if (Array.isArray(item)) {
      lines.push(`${pad}-`)
      writeSeq(item, indent + 2, lines, rand)
    } else {
      // The first key shares the dash line; the rest align under it.
      const sub = []
      writeMap(item, indent + 2, sub, rand)
      if (sub.length === 0) lines.push(`${pad}- {}`)
      else {
        const firstContent = sub.findIndex((l) => !l.trimStart().startsWith('#'))
        for (let i = 0; i < sub.length; i++) {
          lines.push(i === firstContent ? `${pad}- ${sub[i].slice(indent + 2)}` : sub[i])
        }
      }
    }
  }
}
