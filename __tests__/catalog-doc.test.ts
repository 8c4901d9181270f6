// docs/catalog.md states how many catalog entries each release file holds: the table must match the data.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { countsTable, renderDoc } from '../scripts/render-catalog-doc.mjs'
import { CATALOG } from '../src/knowledge/catalog.js'

describe('docs/catalog.md', () => {
  const text = readFileSync('docs/catalog.md', 'utf8')

  it('has the entry counts of the current catalog (update: node scripts/render-catalog-doc.mjs)', () => {
    expect(renderDoc(text)).toBe(text)
  })

  it('counts every entry of every release', () => {
    const table = countsTable()
    for (const r of CATALOG) expect(table).toContain(`| ${r.release} | ${r.entries.length} |`)
    const total = CATALOG.reduce((n, r) => n + r.entries.length, 0)
    expect(table).toContain(`| **all** | **${total}** |`)
  })
})
