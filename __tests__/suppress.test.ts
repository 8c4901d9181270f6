import { describe, expect, it } from '@jest/globals'
import { allRules } from '../src/analyze/index.js'
import { IST_CODES } from '../src/analyze/ist-codes.js'
import { applySuppressions, GALLEY_SUPPRESS_ANNOTATION, IGNORE_ANNOTATION } from '../src/analyze/suppress.js'
import { parseManifestFile } from '../src/manifests/parse.js'
import type { Finding } from '../src/model.js'

const FILE = 'apps/shop/traffic.yaml'
const RULES = ['parse', 'retry-budget-removed', 'tls-mode-renamed']

/** A DestinationRule document with the given annotation lines (already indented under annotations:). */
function destinationRule(name: string, annotations: string[]): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    ...(annotations.length ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    `  host: ${name}`,
    '  trafficPolicy:',
    '    retryBudget:',
    '      percent: 20'
  ].join('\n')
}

function finding(rule: string, line: number, file = FILE): Finding {
  return { rule, severity: 'error', message: `${rule} at ${line}`, file, line }
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1
}

describe('istio-compat.io/ignore', () => {
  const text = [destinationRule('a', [`${IGNORE_ANNOTATION}: "retry-budget-removed, tls-mode-renamed: retries are capped by the client library"`]), '---', destinationRule('b', [])].join('\n')
  const file = parseManifestFile(FILE, text)
  const [a, b] = file.documents

  it('suppresses the named rules inside its own document only, keeping the findings', () => {
    const retryA = lineOf(text, 'retryBudget:')
    const retryB = a.endLine + lineOf(destinationRule('b', []), 'retryBudget:') + 1
    expect(b.line).toBeLessThanOrEqual(retryB)
    const out = applySuppressions([finding('retry-budget-removed', retryA), finding('retry-budget-removed', retryB), finding('parse', retryA), finding('tls-mode-renamed', a.line)], file.documents, { knownRules: RULES })
    expect(out.map((f) => [f.rule, f.file, f.line, f.suppressed])).toEqual([
      ['retry-budget-removed', FILE, 11, { reason: 'retries are capped by the client library', by: IGNORE_ANNOTATION }],
      ['retry-budget-removed', FILE, 22, undefined],
      ['parse', FILE, 11, undefined],
      ['tls-mode-renamed', FILE, 1, { reason: 'retries are capped by the client library', by: IGNORE_ANNOTATION }]
    ])
    expect(retryA).toBe(11)
    expect(retryB).toBe(22)
  })

  it('does not touch findings of another file with the same lines', () => {
    const out = applySuppressions([finding('retry-budget-removed', 11, 'other.yaml')], file.documents, { knownRules: RULES })
    expect(out).toEqual([finding('retry-budget-removed', 11, 'other.yaml')])
  })
})

describe('suppressions without a reason', () => {
  const cases: [string, string, RegExp][] = [
    ['no colon', `${IGNORE_ANNOTATION}: retry-budget-removed`, /for retry-budget-removed gives no reason, so it suppresses nothing/],
    ['an empty reason', `${IGNORE_ANNOTATION}: "retry-budget-removed:   "`, /gives no reason/],
    ['no rule', `${IGNORE_ANNOTATION}: ": we know"`, /names no rule/],
    ['not a string', `${IGNORE_ANNOTATION}: [retry-budget-removed]`, /is not a string/]
  ]
  it.each(cases)('%s: reported on the annotation line as a warning, and suppresses nothing', (_name, annotation, message) => {
    const text = destinationRule('a', ['team: shop', annotation])
    const file = parseManifestFile(FILE, text)
    const out = applySuppressions([finding('retry-budget-removed', 12)], file.documents, { knownRules: RULES })
    expect(out).toEqual([
      finding('retry-budget-removed', 12),
      expect.objectContaining({ rule: 'suppression-without-reason', severity: 'warning', file: FILE, line: 8, endLine: 8, resource: { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', namespace: 'shop', name: 'a' } })
    ])
    expect(lineOf(text, IGNORE_ANNOTATION)).toBe(8)
    expect(out[1].message).toMatch(message)
  })

  it('is reported only for documents in scope', () => {
    const file = parseManifestFile(FILE, destinationRule('a', [`${IGNORE_ANNOTATION}: retry-budget-removed`]))
    expect(applySuppressions([], file.documents, { inScope: new Set() })).toEqual([])
    expect(applySuppressions([], file.documents, { inScope: new Set(file.documents) }).map((f) => [f.rule, f.line])).toEqual([['suppression-without-reason', 7]])
  })

  it('reports an unknown rule id with the closest known one, and still applies the known ids', () => {
    const text = destinationRule('a', [`${IGNORE_ANNOTATION}: >-`, '  retry-budget-remove, tls-mode-renamed:', '  pinned until the 1.29 rollout'])
    const file = parseManifestFile(FILE, text)
    const out = applySuppressions([finding('tls-mode-renamed', 14)], file.documents, { knownRules: RULES })
    expect(out.map((f) => [f.rule, f.line, f.endLine, f.suppressed?.reason])).toEqual([
      ['tls-mode-renamed', 14, undefined, 'pinned until the 1.29 rollout'],
      ['suppression-unknown-rule', 7, 9, undefined]
    ])
    expect(out[1].message).toContain('"retry-budget-remove" (did you mean "retry-budget-removed"?)')
  })
})

describe('galley.istio.io/analyze-suppress', () => {
  const codes = { 'retry-budget-removed': ['IST0135'], 'tls-mode-renamed': ['IST0102', 'IST0107'] }

  it('suppresses rules mapped to a listed IST code (mapping injected)', () => {
    const file = parseManifestFile(FILE, destinationRule('a', [`${GALLEY_SUPPRESS_ANNOTATION}: "IST0101, IST0107"`]))
    const out = applySuppressions([finding('retry-budget-removed', 11), finding('tls-mode-renamed', 11), finding('parse', 11)], file.documents, { istCodes: codes })
    expect(out.map((f) => [f.rule, f.line, f.suppressed])).toEqual([
      ['retry-budget-removed', 11, undefined],
      ['tls-mode-renamed', 11, { reason: `IST0107 is listed in ${GALLEY_SUPPRESS_ANNOTATION}`, by: GALLEY_SUPPRESS_ANNOTATION }],
      ['parse', 11, undefined]
    ])
  })

  it('with * suppresses every rule that has an IST code, and no other', () => {
    const file = parseManifestFile(FILE, destinationRule('a', [`${GALLEY_SUPPRESS_ANNOTATION}: "*"`]))
    const out = applySuppressions([finding('retry-budget-removed', 11), finding('parse', 11)], file.documents, { istCodes: codes })
    expect(out.map((f) => [f.rule, f.line, f.suppressed?.by])).toEqual([
      ['retry-budget-removed', 11, GALLEY_SUPPRESS_ANNOTATION],
      ['parse', 11, undefined]
    ])
  })

  it('prefers the reason of istio-compat.io/ignore when both apply', () => {
    const file = parseManifestFile(FILE, destinationRule('a', [`${GALLEY_SUPPRESS_ANNOTATION}: "*"`, `${IGNORE_ANNOTATION}: "tls-mode-renamed: migrated in #42"`]))
    const [out] = applySuppressions([finding('tls-mode-renamed', 12)], file.documents, { istCodes: codes })
    expect(out.suppressed).toEqual({ reason: 'migrated in #42', by: IGNORE_ANNOTATION })
  })

  it('suppresses nothing with the committed mapping for rules that have no IST code', () => {
    const file = parseManifestFile(FILE, destinationRule('a', [`${GALLEY_SUPPRESS_ANNOTATION}: "*"`]))
    const unmapped = allRules().map((r) => r.id).filter((id) => !(id in IST_CODES))
    const out = applySuppressions(unmapped.map((id) => finding(id, 11)), file.documents)
    expect(out.filter((f) => f.suppressed)).toEqual([])
    expect(out.map((f) => [f.file, f.line])).toEqual(unmapped.map(() => [FILE, 11]))
  })

  it('the committed mapping only names registered rules and real IST code shapes', () => {
    const ids = allRules().map((r) => r.id)
    for (const [rule, list] of Object.entries(IST_CODES)) {
      expect(ids).toContain(rule)
      for (const code of list) expect(code).toMatch(/^IST0[1-9]\d\d$/)
    }
  })
})
