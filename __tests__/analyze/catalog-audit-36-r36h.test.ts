// Thirty-sixth audit (census), helper r36h (docs/audit/catalog-audit-36-r36h.md): each test fails on the entry as it
// was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const TYPO = 'istio-1.22-enhanced-resource-scoping-typo'

/** istiod Helm values: the misspelt variable and the given discoverySelectors lines (none when empty). */
const values = (value: string, selectors: string[]): string =>
  ['pilot:', '  env:', `    ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "${value}"`, ...(selectors.length ? ['meshConfig:', '  discoverySelectors:', ...selectors] : []), ''].join('\n')

const at = (text: string, target: string, from: string): string[] =>
  of(run('values.yaml', text, target, from), TYPO).map((f) => `${f.file}:${f.line} ${f.severity}`)

describe(`${TYPO}: a discoverySelectors list that selects every namespace changes nothing`, () => {
  // An empty LabelSelector ({} or matchLabels: {}) selects every namespace (k8s LabelSelectorAsSelector returns
  // Everything), so enhanced resource scoping narrows nothing and the ignored variable changes nothing either;
  // istio-1.22-enhanced-resource-scoping itself already stays quiet on these lists.
  it('reports no warning for matchLabels: {}', () => {
    const text = values('false', ['  - matchLabels: {}'])
    expect(at(text, '1.22', '1.21').filter((s) => s.endsWith('warning'))).toEqual([])
  })

  it('reports no warning when one selector of the list is {}', () => {
    const text = values('false', ['  - matchLabels: {team: a}', '  - {}'])
    expect(at(text, '1.22', '1.21').filter((s) => s.endsWith('warning'))).toEqual([])
  })

  it('reports no warning before 1.22 for true next to a select-all selector', () => {
    const text = values('true', ['  - matchLabels: {}'])
    expect(at(text, '1.21', '1.20').filter((s) => s.endsWith('warning'))).toEqual([])
  })

  it('still warns where a real selector narrows the namespaces', () => {
    const text = values('false', ['  - matchLabels: {team: a}'])
    expect(at(text, '1.22', '1.21')).toEqual([`values.yaml:${lineOf(text, 'ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING')} warning`])
    const expr = values('false', ['  - matchExpressions: [{key: team, operator: Exists}]'])
    expect(at(expr, '1.22', '1.21')).toEqual([`values.yaml:${lineOf(expr, 'ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING')} warning`])
  })

  it('still gives the notice where no selectors are set', () => {
    const text = values('false', [])
    expect(at(text, '1.22', '1.21')).toEqual([`values.yaml:${lineOf(text, 'ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING')} notice`])
  })
})
