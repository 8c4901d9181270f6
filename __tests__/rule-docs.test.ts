import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { allRules } from '../src/analyze/index.js'

const pages = readdirSync('docs/rules').filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3))
const rules = allRules()

describe('docs/rules', () => {
  it('has a page for every rule', () => {
    const missing = rules.map((r) => r.id).filter((id) => !pages.includes(id))
    expect(missing).toEqual([])
  })

  it('has no page without a rule', () => {
    const ids = new Set(rules.map((r) => r.id))
    expect(pages.filter((p) => !ids.has(p))).toEqual([])
  })

  it.each(rules.map((r) => [r.id]))('%s: the page is titled with the id and says how to fix', (id) => {
    const text = readFileSync(`docs/rules/${id}.md`, 'utf8')
    expect(text.split('\n')[0]).toBe(`# ${id}`)
    expect(text).toMatch(/\*\*Fix/)
  })

  it('rule ids are unique and kebab-case', () => {
    const ids = rules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})
