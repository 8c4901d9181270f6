// Detection over the two sides of a PR: a PR whose changed files name no version reads only the head whole, and
// the answer is the one reading both sides whole gives.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitChangeSet, resolveCommits } from '../src/changes/git.js'
import { parsePatch } from '../src/changes/patch.js'
import { gitSources } from '../src/changes/snapshots.js'
import { main } from '../src/cli/main.js'
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

  it('with both versions given, reads of the base only the changed and removed files and answers as reading everything', async () => {
    const repo = makeRepo(base, head)
    repos.push(repo)
    const run = await bothWays(repo, '1.28', '1.26')
    expect(run.fast.versionBump).toBe(false)
    // The head is read whole (detection and pairing context), the base only where the PR changed it.
    expect([...run.head.read].sort()).toEqual(['apps/a.yaml', 'apps/b.yaml', 'apps/new.yaml', 'istio/istiod.yaml'])
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

describe('git change set from one diff', () => {
  it('lists the same files, statuses and lines as separate --name-status and patch diffs (renames, binaries, modes, odd names)', () => {
    const body = Array.from({ length: 30 }, (_, i) => `k${i}: v${i}`).join('\n') + '\n'
    const repo = makeRepo(
      { 'a.yaml': body, 'old/name.yaml': body, 'gone.yaml': 'a: 1\n', 'bin.yaml': new Uint8Array([0, 1, 2]), 'mode.yaml': 'm: 1\n', 'tab\tname.yaml': 'x: 1\n' },
      { 'a.yaml': body.replace('k3: v3', 'k3: x').replace('k25: v25', 'k25: y'), 'new/name.yaml': body.replace('k10: v10', 'k10: z'), 'bin.yaml': new Uint8Array([0, 1, 3]), 'mode.yaml': 'm: 1\n', 'tab\tname.yaml': 'x: 2\n', 'ünï cödé.yaml': 'u: 1\n' }
    )
    repos.push(repo)
    chmodSync(join(repo.dir, 'mode.yaml'), 0o755)
    repo.git('commit', '-qam', 'mode')
    const head = repo.git('rev-parse', 'HEAD')
    const changes = gitChangeSet(repo.dir, repo.baseSha, head)
    // The reference: the two diffs of before, read the plain way.
    const g = (...args: string[]) => execFileSync('git', ['-c', 'core.quotePath=false', '-C', repo.dir, ...args]).toString()
    const common = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', repo.baseSha, head]
    const parts = g(...common, '--name-status', '-z').split('\0')
    const chunks = g(...common, '-U3').split(/^(?=diff --git )/m).filter((c) => c.startsWith('diff --git '))
    const expected: unknown[] = []
    for (let i = 0; i < parts.length - 1; ) {
      const code = parts[i++]
      const names = code[0] === 'R' || code[0] === 'C' ? [parts[i++], parts[i++]] : [parts[i++]]
      const chunk = chunks[expected.length]
      const binary = /^Binary files /m.test(chunk.split('\n@@')[0])
      const lines = binary ? { commentableLines: new Map(), addedLines: new Set() } : parsePatch(chunk)
      expected.push({ path: names.at(-1), ...(names.length === 2 ? { previousPath: names[0] } : {}), code: code[0], ...lines, ...(binary ? { patchMissing: true } : {}) })
    }
    const got = changes.files.map((f) => ({ path: f.path, ...(f.previousPath ? { previousPath: f.previousPath } : {}), code: { added: 'A', modified: 'M', removed: 'D', renamed: 'R' }[f.status as string] ?? f.status, commentableLines: f.commentableLines, addedLines: f.addedLines, ...(f.patchMissing ? { patchMissing: true } : {}) }))
    expect(got).toEqual(expected)
    expect(got.map((f) => f.path)).toEqual(['a.yaml', 'bin.yaml', 'gone.yaml', 'mode.yaml', 'new/name.yaml', 'tab\tname.yaml', 'ünï cödé.yaml'])
    const a = changes.files.find((f) => f.path === 'a.yaml')!
    expect([...a.addedLines]).toEqual([4, 26])
    expect(changes.files.find((f) => f.path === 'bin.yaml')?.patchMissing).toBe(true)
    // The lines are read on demand; a value set replaces them.
    a.addedLines = new Set([1])
    expect([...a.addedLines]).toEqual([1])
  })

  it('resolves both refs in one go, and each alone when one is not a commit', () => {
    const repo = makeRepo({ 'a.yaml': 'a: 1\n' }, { 'a.yaml': 'a: 2\n' })
    repos.push(repo)
    expect(resolveCommits(repo.dir, ['pr', 'main'])).toEqual([repo.headSha, repo.baseSha])
    expect(resolveCommits(repo.dir, ['pr', 'nope'])).toEqual([repo.headSha, undefined])
    // A file of the work tree is no revision.
    expect(resolveCommits(repo.dir, ['a.yaml', 'main'])).toEqual([undefined, repo.baseSha])
    expect(resolveCommits(repo.dir, ['--all', 'main'])).toEqual([undefined, repo.baseSha])
  })
})

describe('the CLI with --base', () => {
  const cli = async (args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await main(args, (s) => out.push(s), (s) => err.push(s))
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('outside a work tree (no repository, inside .git) says --base needs a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'istio-compat-norepo-'))
    repos.push({ dir, baseSha: '', headSha: '', git: () => '', cleanup: () => rmSync(dir, { recursive: true, force: true }) })
    writeFileSync(join(dir, 'a.yaml'), vs('a'))
    const none = await cli(['check', '--repo', dir, '--base', 'main', '--target', '1.28'])
    expect(none).toMatchObject({ code: 2, err: `istio-compat: --base needs a git repository; ${dir} is not one` })
    const repo = makeRepo({ 'a.yaml': vs('a') }, { 'a.yaml': vs('a', '\n    mirror: {host: m}') })
    repos.push(repo)
    const inGit = await cli(['check', '--repo', join(repo.dir, '.git'), '--base', 'main', '--target', '1.28'])
    expect(inGit).toMatchObject({ code: 2, err: `istio-compat: --base needs a git repository; ${join(repo.dir, '.git')} is not one` })
  })

  it('below the top of the work tree, names files from the top and reads paths given relative to --repo', async () => {
    const repo = makeRepo({ 'apps/a.yaml': vs('a') }, { 'apps/a.yaml': vs('a', '\n    mirror: {host: m}'), 'apps/b.yaml': vs('b', '\n    mirror: {host: m}') })
    repos.push(repo)
    mkdirSync(join(repo.dir, 'apps'), { recursive: true })
    const all = await cli(['check', '--repo', join(repo.dir, 'apps'), '--base', 'main', '--target', '1.28', '--from', '1.26', '--format', 'json', '--fail-on', 'never'])
    expect(JSON.parse(all.out).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['apps/a.yaml:11', 'apps/b.yaml:11'])
    const one = await cli(['check', '--repo', join(repo.dir, 'apps'), '--base', 'main', '--target', '1.28', '--from', '1.26', '--format', 'json', '--fail-on', 'never', 'b.yaml'])
    expect(JSON.parse(one.out).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['apps/b.yaml:11'])
  })
})

describe('pairing context when the base is not read whole', () => {
  /** An Istio Gateway with one HTTPS server (`credentialName` on line 14). */
  const gateway = (name: string, namespace: string, credential: string, hosts = `${name}.example.com`) =>
    `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  selector:\n    istio: ingress\n  servers:\n  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [${hosts}]\n    tls:\n      mode: SIMPLE\n      credentialName: ${credential}\n`
  const secretPairs = (r: { findings: { message: string; file: string; line: number; baselineState?: string }[] }) =>
    r.findings.filter((f) => f.message.includes('name the same Secret')).map((f) => `${f.file}:${f.line} ${f.baselineState}`)

  it('a pair the PR completes is new; a pair whose other half sits in an untouched file is unchanged (the base reads it from the head)', async () => {
    const first = gateway('first', 'apps', 'cert')
    const introduced = makeRepo({ 'apps/gateway.yaml': first, 'ingress/gateway.yaml': gateway('second', 'istio-ingress', 'istio-ingress/cert-2') }, { 'apps/gateway.yaml': first, 'ingress/gateway.yaml': gateway('second', 'istio-ingress', 'istio-ingress/cert') })
    repos.push(introduced)
    const a = await bothWays(introduced, '1.28.0', '1.28.0')
    expect(secretPairs(a.fast)).toEqual(['ingress/gateway.yaml:14 new'])
    expect([...a.base.read]).toEqual(['ingress/gateway.yaml'])
    const second = gateway('second', 'istio-ingress', 'istio-ingress/cert')
    const kept = makeRepo({ 'apps/gateway.yaml': first, 'ingress/gateway.yaml': second }, { 'apps/gateway.yaml': gateway('first', 'apps', 'cert', 'first.example.com, more.example.com'), 'ingress/gateway.yaml': second })
    repos.push(kept)
    const b = await bothWays(kept, '1.28.0', '1.28.0')
    expect(secretPairs(b.fast)).toEqual(['apps/gateway.yaml:14 unchanged'])
    expect([...b.base.read]).toEqual(['apps/gateway.yaml'])
  })
})
