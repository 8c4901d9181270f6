import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { CATALOG, catalogEntries, validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { KNOWN_MINORS } from '../../src/knowledge/versions.js'

/** data/catalog/SOURCES: path → page URL (the committed list; tests never read ../shared). */
function committedSources(): Map<string, string> {
  const text = readFileSync(new URL('../../data/catalog/SOURCES', import.meta.url), 'utf8')
  return new Map(text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]))
}

describe('catalog data', () => {
  const sources = committedSources()

  it('passes validation with every source listed in data/catalog/SOURCES', () => {
    expect(validateCatalog(CATALOG, new Set(sources.keys()))).toEqual([])
  })

  it('has one file per known minor, each with entries and a Kubernetes range', () => {
    expect(CATALOG.map((r) => r.release)).toEqual([...KNOWN_MINORS])
    for (const release of CATALOG) {
      expect(release.entries.length).toBeGreaterThan(0)
      expect(Number(release.kubernetes.min.split('.')[1])).toBeLessThanOrEqual(Number(release.kubernetes.max.split('.')[1]))
    }
  })

  it('points every source URL at the page SOURCES lists for its file', () => {
    const all = [...CATALOG.flatMap((r) => r.sources), ...catalogEntries().flatMap((e) => e.sources)]
    for (const s of all) expect(s.url.startsWith(sources.get(s.path) ?? '<unlisted>')).toBe(true)
  })

  it('fails when an entry has no upstream source', () => {
    const broken: CatalogRelease[] = CATALOG.map((r) => ({ ...r, entries: r.entries.map((e, i) => (r.release === '1.28' && i === 0 ? { ...e, sources: [] } : e)) }))
    expect(validateCatalog(broken, new Set(sources.keys()))).toEqual([expect.stringMatching(/^catalog 1\.28 istio-1\.28-[a-z0-9.-]+: no upstream source$/)])
  })

  it('fails when a source path is not in the SOURCES list', () => {
    const listed = new Set(sources.keys())
    listed.delete('releases/1.27/upgrade-notes/index.md')
    const problems = validateCatalog(CATALOG, listed)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.includes('releases/1.27/upgrade-notes/index.md is not in data/catalog/SOURCES'))).toBe(true)
  })

  it('fails on a duplicate id, a since outside its file and a bad path', () => {
    const [first, second] = CATALOG[8].entries
    const broken = CATALOG.map((r) =>
      r.release === '1.28'
        ? { ...r, entries: [...r.entries, { ...second, id: first.id }, { ...first, id: 'istio-1.27-misplaced', since: '1.27' }, { ...first, id: 'istio-1.28-bad-path', match: [{ type: 'field' as const, kinds: ['X'], paths: ['spec..x'] }] }] }
        : r
    )
    const problems = validateCatalog(broken)
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('duplicate id'),
      expect.stringContaining('does not belong in the 1.28 file'),
      expect.stringContaining('bad path segment')
    ]))
  })

  it('keeps the identifiers the code reads, not the upstream typos', () => {
    const typo = catalogEntries().find((e) => e.id === 'istio-1.27-native-side-annotation-typo')
    expect(typo?.fix).toEqual({ type: 'renameKey', to: 'sidecar.istio.io/nativeSidecar' })
    const shadow = catalogEntries().find((e) => e.id === 'istio-1.28-shadow-host-suffix')
    expect(shadow?.message).toContain('keep their original Host')
  })

  it('records patch-level changes at their patch', () => {
    expect(catalogEntries().find((e) => e.id === 'istio-1.28.1-inferencepool-multiple-target-ports')?.since).toBe('1.28.1')
    expect(catalogEntries().find((e) => e.id === 'istio-1.30.2-authz-trust-domains')?.since).toBe('1.30.2')
  })
})
