// Nineteenth audit, m19a's ❌ the coordinator fixed: an empty discovery selector (`{}`) selects every namespace
// (istio/istio pkg/kube/namespace/filter.go), so the 1.22 scoping of config by discoverySelectors hides nothing there.
import { describe, expect, it } from '@jest/globals'
import { CATALOG, validateCatalog } from '../../src/knowledge/catalog.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const ID = 'istio-1.22-enhanced-resource-scoping'
const values = (selectors: string[]): string => ['meshConfig:', '  discoverySelectors:', ...selectors, ''].join('\n')

describe('istio-1.22-enhanced-resource-scoping and empty selectors', () => {
  it('warns on selectors that leave namespaces out', () => {
    const text = values(['  - matchLabels:', '      istio-discovery: enabled'])
    expect(at(of(run('istiod-values.yaml', text, '1.22', '1.21'), ID))).toEqual([`istiod-values.yaml:${lineOf(text, 'discoverySelectors')} warning`])
  })

  it('says nothing when one selector is empty ({} or null): every namespace is selected', () => {
    expect(of(run('istiod-values.yaml', values(['  - {}']), '1.22', '1.21'), ID)).toEqual([])
    expect(of(run('istiod-values.yaml', values(['  - matchLabels:', '      istio-discovery: enabled', '  - {}']), '1.22', '1.21'), ID)).toEqual([])
    expect(of(run('istiod-values.yaml', values(['  - null']), '1.22', '1.21'), ID)).toEqual([])
  })

  it('is a condition the catalog validates: empty must be true and takes no value test', () => {
    const releases = CATALOG.map((r) => ({ ...r, entries: [...r.entries] }))
    const base = releases[releases.length - 1]!.entries[0]!
    releases[releases.length - 1]!.entries.push({ ...base, id: 'm19-bad', match: [{ type: 'meshConfig', paths: ['discoverySelectors'], where: [{ path: 'discoverySelectors[]', empty: true, values: ['x'] }] }] } as never)
    expect(validateCatalog(releases).join('\n')).toMatch(/empty must be true and takes no value test/)
    expect(validateCatalog(CATALOG)).toEqual([])
  })
})
