// Rewrites the generated entry counts in docs/catalog.md from data/catalog/<minor>.json.
// Usage: node scripts/render-catalog-doc.mjs [--check]   (--check exits 1 when the section is stale)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const DOC = join(root, 'docs/catalog.md')
const KINDS = ['added', 'removed', 'deprecated', 'no-effect', 'default-changed', 'behaviour-changed']
const START = '<!-- catalog-counts:start -->'
const END = '<!-- catalog-counts:end -->'

/** The counts table: one row per release file, one column per change kind, and the totals. */
export function countsTable(catalogDir = join(root, 'data/catalog')) {
  const files = readdirSync(catalogDir).filter((f) => /^\d+\.\d+\.json$/.test(f))
  const releases = files.map((f) => JSON.parse(readFileSync(join(catalogDir, f), 'utf8')))
  releases.sort((a, b) => Number(a.release.split('.')[1]) - Number(b.release.split('.')[1]))
  const total = Object.fromEntries(KINDS.map((k) => [k, 0]))
  let all = 0
  const rows = releases.map((r) => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, r.entries.filter((e) => e.change === k).length]))
    for (const k of KINDS) total[k] += counts[k]
    all += r.entries.length
    return `| ${r.release} | ${r.entries.length} | ${KINDS.map((k) => counts[k]).join(' | ')} |`
  })
  return [
    `| Release | Entries | ${KINDS.map((k) => `\`${k}\``).join(' | ')} |`,
    `| --- | ---: | ${KINDS.map(() => '---:').join(' | ')} |`,
    ...rows,
    `| **all** | **${all}** | ${KINDS.map((k) => `**${total[k]}**`).join(' | ')} |`
  ].join('\n')
}

export function renderDoc(text, table = countsTable()) {
  const a = text.indexOf(START)
  const b = text.indexOf(END)
  if (a < 0 || b < a) throw new Error(`docs/catalog.md has no ${START} … ${END} section`)
  return `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(DOC, 'utf8')
  const fresh = renderDoc(current)
  if (process.argv.includes('--check')) {
    if (fresh !== current) {
      console.error('docs/catalog.md entry counts are stale: run node scripts/render-catalog-doc.mjs')
      process.exit(1)
    }
    console.log('docs/catalog.md entry counts are up to date')
  } else {
    writeFileSync(DOC, fresh)
    console.log('wrote docs/catalog.md entry counts')
  }
}
