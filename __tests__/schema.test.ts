// Table-driven from the index: every consecutive release pair, the fields and apiVersions it adds
// (and drops) are caught on the release without them and pass on the release with them.
import { describe, expect, it } from '@jest/globals'
import { SCHEMA_RULES } from '../src/analyze/schema.js'
import {
  RELEASE_PAIRS,
  check,
  documentWithField,
  documentWithVersion,
  fieldChanges,
  versionChanges,
  where
} from './helpers/schema-cases.js'

const FILE = 'deploy/case.yaml'
/** The rules about the shape of a resource; stricter-validation may legitimately fire on generated documents. */
const SHAPE_RULES: string[] = [SCHEMA_RULES.apiVersionNotServed, SCHEMA_RULES.fieldNotInRelease, SCHEMA_RULES.enumValueNotInRelease, SCHEMA_RULES.unknownField]
const shape = (findings: ReturnType<typeof check>) => findings.filter((f) => SHAPE_RULES.includes(f.rule))

describe('fields added between consecutive releases', () => {
  it.each(RELEASE_PAIRS)('$prev → $next', (pair) => {
    const cases = fieldChanges(pair, 'added')
    expect(cases.length).toBeGreaterThan(0)
    for (const c of cases) {
      const doc = documentWithField(c.kind, c.version, c.node, pair.i)
      const label = `${c.kind.key} ${c.version.name} ${c.node.path}`
      const before = check(pair.prev, doc.text, FILE)
      expect([label, where(before, SCHEMA_RULES.fieldNotInRelease)]).toEqual([label, [{ rule: SCHEMA_RULES.fieldNotInRelease, file: FILE, line: doc.line, path: doc.path }]])
      expect(before.find((f) => f.rule === SCHEMA_RULES.fieldNotInRelease)?.message).toContain(`added in ${pair.next}`)
      expect([label, where(shape(check(pair.next, doc.text, FILE)))]).toEqual([label, []])
    }
  })
})

describe('fields removed between consecutive releases', () => {
  const pairs = RELEASE_PAIRS.filter((p) => fieldChanges(p, 'removed').length > 0)

  it('exist for Gateway API and Inference Extension pins only', () => {
    const kinds = new Set(pairs.flatMap((p) => fieldChanges(p, 'removed').map((c) => c.kind.family)))
    expect(kinds.has('istio')).toBe(false)
  })

  it.each(pairs)('$prev → $next', (pair) => {
    for (const c of fieldChanges(pair, 'removed')) {
      const doc = documentWithField(c.kind, c.version, c.node, pair.i - 1)
      const label = `${c.kind.key} ${c.version.name} ${c.node.path}`
      const after = check(pair.next, doc.text, FILE)
      expect([label, where(after, SCHEMA_RULES.fieldNotInRelease)]).toEqual([label, [{ rule: SCHEMA_RULES.fieldNotInRelease, file: FILE, line: doc.line, path: doc.path }]])
      expect(after.find((f) => f.rule === SCHEMA_RULES.fieldNotInRelease)?.message).toContain(`removed in ${pair.next}`)
      expect([label, where(shape(check(pair.prev, doc.text, FILE)))]).toEqual([label, []])
    }
  })
})

describe('apiVersions added between consecutive releases', () => {
  const withAdditions = RELEASE_PAIRS.filter((p) => versionChanges(p, 'added').length > 0)

  it('are missing only where no CRD gained a served version', () => {
    // Read off the CRDs: 1.21, 1.23-1.25 and 1.29 pin the same Gateway API / Inference versions
    // as their predecessor (or add only fields), and no Istio apiVersion arrived then.
    const without = RELEASE_PAIRS.filter((p) => !withAdditions.includes(p)).map((p) => `${p.prev}→${p.next}`)
    expect(without).toEqual(['1.20→1.21', '1.22→1.23', '1.23→1.24', '1.24→1.25', '1.28→1.29'])
  })

  it.each(withAdditions)('$prev → $next', (pair) => {
    for (const c of versionChanges(pair, 'added')) {
      const text = documentWithVersion(c.kind, c.version)
      const label = `${c.kind.key} ${c.version.name}`
      const before = check(pair.prev, text, FILE)
      expect([label, where(before, SCHEMA_RULES.apiVersionNotServed)]).toEqual([label, [{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }]])
      expect(before[0].message).toContain(`added in ${pair.next}`)
      expect([label, where(shape(check(pair.next, text, FILE)))]).toEqual([label, []])
    }
  })
})

describe('apiVersions dropped between consecutive releases', () => {
  const withRemovals = RELEASE_PAIRS.filter((p) => versionChanges(p, 'removed').length > 0)

  it.each(withRemovals)('$prev → $next', (pair) => {
    for (const c of versionChanges(pair, 'removed')) {
      const text = documentWithVersion(c.kind, c.version)
      const label = `${c.kind.key} ${c.version.name}`
      const after = check(pair.next, text, FILE)
      expect([label, where(after, SCHEMA_RULES.apiVersionNotServed)]).toEqual([label, [{ rule: SCHEMA_RULES.apiVersionNotServed, file: FILE, line: 1, path: 'apiVersion' }]])
      expect(after[0].message).toContain(`removed in ${pair.next}`)
      expect([label, where(shape(check(pair.prev, text, FILE)))]).toEqual([label, []])
    }
  })
})
