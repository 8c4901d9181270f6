import { describe, expect, it } from '@jest/globals'
import { mergeOverlaps } from '../src/analyze/overlap.js'
import type { Finding } from '../src/model.js'

const at = (rule: string, line: number, extra: Partial<Finding> = {}): Finding => ({ rule, severity: 'error', message: rule, file: 'dr.yaml', line, ...extra })
const fix = { description: 'x', edits: [{ startLine: 1, endLine: 1, replacement: 'apiVersion: networking.istio.io/v1beta1' }] }

describe('mergeOverlaps', () => {
  it('keeps the catalog finding where the schema reports the same line, with the schema fix', () => {
    const out = mergeOverlaps([at('field-not-in-release', 9, { fix }), at('not-yet-available', 9, { source: 'notes' }), at('unknown-field', 13, { severity: 'warning' })])
    expect(out.map((f) => [f.rule, f.line])).toEqual([['not-yet-available', 9], ['unknown-field', 13]])
    expect(out[0].fix).toBe(fix)
    expect(out[0].source).toBe('notes')
  })

  it('keeps both when the lines or severities differ, or only one is suppressed', () => {
    expect(mergeOverlaps([at('field-not-in-release', 9), at('not-yet-available', 10)])).toHaveLength(2)
    expect(mergeOverlaps([at('enum-value-not-in-release', 21), at('not-yet-available', 21, { severity: 'warning' })])).toHaveLength(2)
    expect(mergeOverlaps([at('api-version-not-served', 1), at('removed-feature', 1, { suppressed: { reason: 'r', by: 'istio-compat.io/ignore' } })])).toHaveLength(2)
  })
})
