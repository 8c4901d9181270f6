// Every case of the kubectl reference set (__fixtures__/yaml-parity, copied from ../shared/yaml-parity by
// scripts/import-yaml-parity.mjs): the checker accepts exactly what kubectl accepts, and the values the analyzers
// see are the documents kubectl decodes. docs/yaml.md says how; EXCEPTIONS lists where it knowingly differs.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PARITY_FIXTURES, parityFiles, paritySourceExists } from '../../scripts/import-yaml-parity.mjs'
import { parseManifestFile } from '../../src/manifests/parse.js'

interface Expected {
  what: string
  category: string
  kubectl: { ok: true; documents: unknown[] } | { ok: false; error: string }
}

const EXPECTED = JSON.parse(readFileSync(join(PARITY_FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>
const CASES = Object.keys(EXPECTED).sort()

/**
 * Cases where the checker knowingly reads differently from kubectl, with the reason (also in docs/yaml.md).
 * At most five; none today.
 */
const EXCEPTIONS: Record<string, string> = {}

/** JSON with sorted keys: kubectl's documents went through JSON, so compare as JSON (numbers as doubles). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v
  )
}

/**
 * The checker's verdict on a file: accepted when no `parse` finding was made (a duplicate-key warning is not one:
 * kubectl reads the file), with the values of its documents. kubectl drops documents that decode to null.
 */
function checker(name: string): { ok: boolean; documents: unknown[]; problems: string[] } {
  const bytes = new Uint8Array(readFileSync(join(PARITY_FIXTURES, 'cases', name)))
  const file = parseManifestFile(`cases/${name}`, bytes)
  const parse = file.problems.filter((p) => p.rule === 'parse')
  return { ok: parse.length === 0, documents: file.documents.map((d) => d.value).filter((v) => v !== null), problems: parse.map((p) => `${p.file}:${p.line} ${p.message}`) }
}

describe('YAML parity with kubectl (231 reference cases)', () => {
  it('has the whole reference set and at most five documented exceptions', () => {
    expect(CASES.length).toBe(231)
    expect(Object.keys(EXCEPTIONS).length).toBeLessThanOrEqual(5)
    for (const name of Object.keys(EXCEPTIONS)) expect(CASES).toContain(name)
  })

  it.each(CASES.filter((name) => !(name in EXCEPTIONS)))('%s', (name) => {
    const expected = EXPECTED[name].kubectl
    const ours = checker(name)
    // The verdict: kubectl applies the file, or refuses it.
    expect({ ok: ours.ok, problems: ours.problems }).toEqual(expected.ok ? { ok: true, problems: [] } : { ok: false, problems: expect.arrayContaining([expect.stringMatching(new RegExp(`^cases/${name.replace(/\./g, '\\.')}:\\d+ `))]) })
    // The values: the documents kubectl decodes, as the analyzers see them.
    if (expected.ok) expect(canonical(ours.documents)).toBe(canonical(expected.documents))
  })

  it('counts the cases where the verdict matches and where the values match', () => {
    let verdicts = 0
    let values = 0
    let accepted = 0
    for (const name of CASES) {
      const expected = EXPECTED[name].kubectl
      const ours = checker(name)
      if (ours.ok === expected.ok) verdicts++
      if (expected.ok) {
        accepted++
        if (ours.ok && canonical(ours.documents) === canonical(expected.documents)) values++
      }
    }
    const excepted = Object.keys(EXCEPTIONS).length
    expect(verdicts).toBeGreaterThanOrEqual(CASES.length - excepted)
    expect(values).toBeGreaterThanOrEqual(accepted - excepted)
  })

  it('reports a refused file on a line of the file, and reads the good documents around a bad one', () => {
    const file = parseManifestFile('cases/219.yaml', new Uint8Array(readFileSync(join(PARITY_FIXTURES, 'cases', '219-misc-multi-doc-good-bad-good.yaml'))))
    const text = readFileSync(join(PARITY_FIXTURES, 'cases', '219-misc-multi-doc-good-bad-good.yaml'), 'utf8')
    expect(file.problems).toHaveLength(1)
    expect(file.problems[0].line).toBeGreaterThan(1)
    expect(file.problems[0].line).toBeLessThanOrEqual(text.split('\n').length)
    expect(file.documents).toHaveLength(2)
  })

  // Only where the source set is (the lead's machine, CI with ../shared); the cases above always run.
  if (paritySourceExists()) it('is the reference set of ../shared/yaml-parity, byte for byte (rerun scripts/import-yaml-parity.mjs)', () => {
    for (const [rel, bytes] of parityFiles()) expect(Buffer.compare(readFileSync(join(PARITY_FIXTURES, rel)), bytes)).toBe(0)
  })
})
