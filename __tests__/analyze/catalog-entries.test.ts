// Every catalog entry, every match: a manifest that trips it (finding on the exact file and line), the same
// manifest on the other side of the version boundary, and a variant without the matched thing.
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import { crossObjectFindings } from '../../src/analyze/catalog/cross-object.js'
import { compilePlan, includedIn, planFor } from '../../src/analyze/catalog/plan.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { CATALOG, catalogEntries, type CatalogEntry, type Match } from '../../src/knowledge/catalog.js'
import { LATEST_MINOR, parseRelease, type Release } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { buildCase, buildWrongHolderCase, PATTERN_SAMPLES, type CatalogCase } from '../support/catalog-cases.js'

/** Istio 1.19 is not a supported target, but it is the release the 1.20 changes are measured from. */
const ISTIO_1_19: Release = { version: '1.19', minor: '1.19', major: 1, minorNumber: 19, patch: null }

function release(v: string): Release {
  return v === '1.19' ? ISTIO_1_19 : parseRelease(v)
}

/** The release just before a change: '1.28' → '1.27', '1.28.1' → '1.28.0'. */
function before(v: string): string {
  const [maj, min, patch] = v.split('.').map(Number)
  return patch === undefined || patch === 0 ? `${maj}.${min - 1}` : `${maj}.${min}.${patch - 1}`
}

interface Versions {
  target: string
  from?: string
}

/** Findings of the whole catalog, or (with `only`) of a catalog reduced to one entry holding one match. */
function findings(c: CatalogCase, v: Versions, only?: { entry: CatalogEntry; match: Match }) {
  const file = parseManifestFile(c.file, c.text)
  expect(file.problems).toEqual([])
  // A match limited to some Gateway API channels is tried on the first of them.
  const channel = only?.match.type === 'resource' ? only.match.channels?.[0] : undefined
  const ctx: AnalysisContext = { target: release(v.target), ...(v.from ? { from: release(v.from) } : {}), files: [file], ...(channel ? { gatewayApiChannel: channel } : {}) }
  const plan = only
    ? compilePlan(ctx.target, ctx.from, CATALOG.map((r) => ({ ...r, entries: r.entries.filter((e) => e.id === only.entry.id).map((e) => ({ ...e, match: [only.match] })) })))
    : undefined
  // Cross-object matches pair documents: the repository step reports them.
  return [...file.documents.flatMap((doc) => catalogFindings(doc, ctx, plan)), ...crossObjectFindings([file], plan ?? planFor(ctx.target, ctx.from))]
}

const RULE: Record<CatalogEntry['change'], string> = {
  added: 'not-yet-available', removed: 'removed-feature', deprecated: 'deprecated', 'no-effect': 'no-effect',
  'default-changed': 'default-changed', 'behaviour-changed': 'behaviour-changed'
}

/** Versions that must trip the entry, and versions on the other side of its boundary. */
function versionsOf(e: CatalogEntry): { trip: Versions[]; quiet: Versions[] } {
  const releases = [e.since, ...(e.backports ?? [])]
  // The release just before each boundary, unless a backport to an earlier minor already carries the change
  // (COMPLIANCE_POLICY: since 1.21, backported to 1.20.4, so a bare 1.20 target has it and only 1.20.3 lacks it).
  const without = releases.map(before).filter((t) => !includedIn(release(t), releases))
  switch (e.change) {
    case 'removed':
    case 'deprecated':
      return { trip: releases.map((r) => ({ target: r })), quiet: [...without.map((t) => ({ target: t })), ...(e.until ? [{ target: e.until }] : [])] }
    case 'added':
      // The minor before a change can carry it as a backport (1.29 = newest 1.29 patch, which has 1.29.3): not a trip.
      // A fixed defect that first shipped in `introduced`: older targets never had it.
      return {
        trip: without.filter((t) => e.introduced === undefined || includedIn(release(t), [e.introduced])).map((t) => ({ target: t })),
        quiet: [...releases.map((r) => ({ target: r })), ...(e.introduced ? [{ target: before(e.introduced) }] : [])]
      }
    case 'no-effect':
      return { trip: [{ target: e.until ? before(e.until) : LATEST_MINOR }, { target: e.since }], quiet: e.until ? [{ target: e.until }] : [] }
    default: {
      // An upgrade from a release that already has the change as a backport (1.29 = newest 1.29 patch, which has
      // 1.29.1) is no change; it stays quiet.
      const upgrades = releases.map((r) => ({ from: before(r), target: r }))
      const carried = upgrades.filter((v) => includedIn(release(v.from), releases))
      return {
        trip: upgrades.filter((v) => !carried.includes(v)),
        quiet: [
          ...carried,
          { from: e.since, target: e.since }, { target: e.since }, { from: before(e.since), target: before(e.since) },
          // Reverted later: an upgrade across both sees no change; a revert means nothing to meshes older than the change it undoes.
          ...(e.until ? [{ from: before(e.since), target: e.until }] : []),
          ...(e.reverts ? [{ from: before(e.reverts), target: e.since }] : [])
        ]
      }
    }
  }
}

/**
 * The entry's versions narrowed to the targets a match reports on: a match-level `until` (the target from which it
 * reports nothing) and `since` (the first target it reports on) make the targets outside quiet ones. A no-effect
 * entry whose match ends before the entry's own trip targets trips at the release before that `until`.
 */
function withinMatch(v: { trip: Versions[]; quiet: Versions[] }, match: Match): { trip: Versions[]; quiet: Versions[]; outside: Versions[] } {
  const inside = (t: string) => (match.until === undefined || release(t).minorNumber < release(match.until).minorNumber) && (match.since === undefined || release(t).minorNumber >= release(match.since).minorNumber)
  const trip = v.trip.filter((x) => inside(x.target))
  return {
    // A match with its own `since` keeps the entry's `from` (a default flip only reports across it).
    trip: trip.length > 0 || match.until === undefined ? trip : [{ target: before(match.until), ...(match.since && v.trip[0]?.from ? { from: v.trip[0].from } : {}) }],
    quiet: v.quiet,
    // Outside the match's own range a sibling match of the entry may report the same manifest (a notice from the
    // release where a warning stops): only this match alone must stay quiet there.
    outside: [...v.trip.filter((x) => !inside(x.target)), ...(match.since ? [{ target: before(match.since) }] : [])]
  }
}

describe('catalog entries', () => {
  const entries = catalogEntries()

  it('has a sample for every pattern', () => {
    const patterns = entries.flatMap((e) => e.match.flatMap((m) => ['pattern' in m && m.pattern !== undefined ? [m.pattern] : [], ...('where' in m ? (m.where ?? []).map((c) => (c.pattern !== undefined ? [c.pattern] : [])) : [])].flat()))
    for (const p of patterns) expect(PATTERN_SAMPLES[p]).toBeDefined()
  })

  for (const entry of entries) {
    describe(entry.id, () => {
      const versions = versionsOf(entry)
      entry.match.forEach((match, i) => {
        const { trip, quiet, outside } = withinMatch(versions, match)
        const label = `match ${i} (${match.type})`
        it(`${label} trips at ${trip.map((v) => (v.from ? `${v.from}→${v.target}` : v.target)).join(', ')}`, () => {
          const c = buildCase(entry, match)
          for (const v of trip) {
            // Other matches of the same entry may also hit the manifest (e.g. the chart of a HelmRelease); this one is on c.line.
            // A match that needs a repository setting stands beside a sibling on the same line (settle keeps one of them),
            // whichever of the two this is: the hit of this match's severity is the one to look at.
            const here = findings(c, v).filter((f) => f.entryId === entry.id && f.finding.line === c.line)
            const hit = here.find((f) => f.finding.severity === (match.severity ?? entry.severity)) ?? here[0]
            expect(hit).toBeDefined()
            expect(hit?.finding).toEqual(expect.objectContaining({ file: c.file, line: c.line, rule: RULE[entry.change], severity: match.severity ?? entry.severity }))
            expect(hit?.finding.source).toContain(entry.sources[0].url)
          }
        })
        if (quiet.length > 0) {
          it(`${label} stays quiet at ${quiet.map((v) => (v.from ? `${v.from}→${v.target}` : v.target)).join(', ')}`, () => {
            const c = buildCase(entry, match)
            for (const v of quiet) expect(findings(c, v).filter((f) => f.entryId === entry.id)).toEqual([])
            for (const v of quiet) expect(findings(c, v, { entry, match })).toEqual([])
          })
        }
        if (outside.length > 0) {
          it(`${label} alone stays quiet outside its own since/until at ${outside.map((v) => v.target).join(', ')}`, () => {
            const c = buildCase(entry, match)
            for (const v of outside) expect(findings(c, v, { entry, match })).toEqual([])
          })
        }
        if ('where' in match && match.where?.length) {
          it(`${label} stays quiet when its conditions do not hold`, () => {
            const c = buildCase(entry, match, false, true)
            for (const v of trip) expect(findings(c, v, { entry, match })).toEqual([])
          })
        }
        const wrongHolder = buildWrongHolderCase(match)
        if (wrongHolder) {
          it(`${label} stays quiet on an object the key is not read from`, () => {
            for (const v of trip) expect(findings(wrongHolder, v, { entry, match })).toEqual([])
          })
        }
        it(`${label} stays quiet without the matched thing`, () => {
          const c = buildCase(entry, match, true)
          for (const v of trip) expect(findings(c, v, { entry, match })).toEqual([])
        })
      })
    })
  }
})
