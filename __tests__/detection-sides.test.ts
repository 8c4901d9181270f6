// Detection over the two sides of a PR: a PR whose changed files name no version reads neither side whole, and
// the answer is the one reading both sides whole gives.
import { afterAll, describe, expect, it } from '@jest/globals'
import { gitSources } from '../src/changes/snapshots.js'
import { runAnalysis, type Snapshot, type Sources } from '../src/pipeline.js'
import { renderReport } from '../src/report/formats.js'
import { makeRepo, type TempRepo } from './support/gitrepo.js'

const repos: TempRepo[] = []
afterAll(() => repos.forEach((r) => r.cleanup()))

/** A snapshot that records what is asked of it. */
function recording(snapshot: Snapshot) {
  const log = { listed: 0, read: new Set<string>() }
  const wrapped: Snapshot = {
    list: async () => {
      log.listed++
      return snapshot.list()
    },
    read: async (paths) => {
      for (const p of paths) log.read.add(p)
      return snapshot.read(paths)
    }
  }
  return { snapshot: wrapped, log }
}

/** The run as it is, and the run that reads both sides whole (the change set not known to be complete). */
async function bothWays(repo: TempRepo, target: string, from: string) {
  const sources = gitSources(repo.dir, repo.baseSha, repo.headSha)
  expect(sources.diffComplete).toBe(true)
  const head = recording(sources.head)
  const base = recording(sources.base as Snapshot)
  const fast = await runAnalysis({ ...sources, head: head.snapshot, base: base.snapshot }, { target, from, paths: [] })
  const plain = gitSources(repo.dir, repo.baseSha, repo.headSha)
  const full: Sources = { changes: plain.changes, head: plain.head, base: plain.base as Snapshot }
  const slow = await runAnalysis(full, { target, from, paths: [] })
  for (const format of ['json', 'text', 'sarif', 'markdown'] as const) expect(renderReport(fast, format)).toBe(renderReport(slow, format))
  return { fast, slow, head: head.log, base: base.log }
}

const vs = (name: string, extra = '') => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  hosts: [${name}]\n  http:\n  - route:\n    - destination: {host: ${name}}${extra}\n`
const release = (version: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: ${version}\n`
// A mirror: 1.28 changes the Host mirrored requests keep (a finding at line 11), so the base side is analysed too.
const withFinding = (name: string) => vs(name, '\n    mirror: {host: mirror}')

describe('detection of a PR that moves no version source', () => {
  const base = { 'istio/istiod.yaml': release('1.26.3'), 'apps/a.yaml': vs('a'), 'apps/b.yaml': vs('b'), 'apps/gone.yaml': vs('gone') }
  const head = { 'istio/istiod.yaml': release('1.26.3'), 'apps/a.yaml': withFinding('a'), 'apps/b.yaml': vs('b'), 'apps/new.yaml': withFinding('new') }

  it('with both versions given, reads only the changed files (head, and base of the changed and removed ones) and answers as reading everything', async () => {
    const repo = makeRepo(base, head)
    repos.push(repo)
    const run = await bothWays(repo, '1.28', '1.26')
    expect(run.fast.versionBump).toBe(false)
    expect([...run.head.read].sort()).toEqual(['apps/a.yaml', 'apps/new.yaml'])
    expect([...run.base.read].sort()).toEqual(['apps/a.yaml', 'apps/gone.yaml'])
    // The findings the comparison is about: apps/new.yaml's are new, and so are apps/a.yaml's (the PR added the line).
    expect(run.fast.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual(run.slow.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`))
    expect(run.fast.findings.length).toBeGreaterThan(0)
    expect(run.fast.findings.every((f) => f.file === 'apps/a.yaml' || f.file === 'apps/new.yaml')).toBe(true)
  })

  it('with auto versions, detects once (the head) and names the same versions and candidates', async () => {
    const repo = makeRepo(base, head)
    repos.push(repo)
    const run = await bothWays(repo, 'auto', 'auto')
    expect(run.fast.target.origin).toBe('istio/istiod.yaml:10 (Flux HelmRelease spec.chart.spec.version (chart istiod))')
    expect(run.fast.from?.release.version).toBe('1.26.3')
    expect(run.fast.versionCandidates?.map((c) => `${c.file}:${c.line} ${c.version}`)).toEqual(['istio/istiod.yaml:10 1.26.3'])
    expect(run.head.read.has('apps/b.yaml')).toBe(true)
    expect([...run.base.read].sort()).toEqual(['apps/a.yaml', 'apps/gone.yaml'])
  })

  it('with only from auto, the base version is the head detection', async () => {
    const repo = makeRepo(base, head)
    repos.push(repo)
    const run = await bothWays(repo, '1.28', 'auto')
    expect(run.fast.from?.origin).toBe('istio/istiod.yaml:10 (Flux HelmRelease spec.chart.spec.version (chart istiod))')
    expect([...run.base.read].sort()).toEqual(['apps/a.yaml', 'apps/gone.yaml'])
  })
})

describe('detection of a PR whose changed files may name a version', () => {
  it('a version bump with both versions given still widens the scope to the whole repository', async () => {
    const repo = makeRepo({ 'istio/istiod.yaml': release('1.26.3'), 'apps/a.yaml': withFinding('a') }, { 'istio/istiod.yaml': release('1.28.1'), 'apps/a.yaml': withFinding('a') })
    repos.push(repo)
    const run = await bothWays(repo, '1.28', '1.26')
    expect(run.fast.versionBump).toBe(true)
    expect(run.base.listed).toBeGreaterThan(0)
    expect(run.fast.findings.some((f) => f.file === 'apps/a.yaml' && f.line === 11)).toBe(true)
  })

  it('a removed install, a renamed one, and a changed file that only may name a version (global:) read both sides whole', async () => {
    const repo = makeRepo(
      { 'istio/istiod.yaml': release('1.26.3'), 'istio/old.yaml': release('1.27.0'), 'apps/a.yaml': vs('a'), 'apps/cfg.yaml': 'global:\n  x: 1\n' },
      { 'istio/moved.yaml': release('1.26.3'), 'apps/a.yaml': vs('a'), 'apps/cfg.yaml': 'global:\n  x: 2\n' }
    )
    repos.push(repo)
    const run = await bothWays(repo, 'auto', 'auto')
    expect(run.fast.target.origin).toBe('istio/moved.yaml:10 (Flux HelmRelease spec.chart.spec.version (chart istiod))')
    expect(run.base.read.has('apps/a.yaml')).toBe(true)
  })
})
