import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allRules } from '../src/analyze/index.js'
import type { AnalysisContext, Analyzer } from '../src/analyze/types.js'
import { gitChangeSet } from '../src/changes/git.js'
import { gitSnapshot } from '../src/changes/snapshots.js'
import { main } from '../src/cli/main.js'
import { parseConfig } from '../src/config.js'
import { includesChange } from '../src/knowledge/versions.js'
import type { ManifestDocument } from '../src/manifests/types.js'
import type { Finding } from '../src/model.js'
import { runAnalysis, type Snapshot, type Sources } from '../src/pipeline.js'
import { makeRepo, type TempRepo } from './support/gitrepo.js'

const CONFIG = '.github/istio-compat.yml'
const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))

/** A tiny analyzer: one finding per resource naming the releases it was checked against, one per repository check. */
const releasesOf = (ctx: AnalysisContext) => `target ${ctx.target.version}, from ${ctx.from?.version ?? '-'}, kubernetes ${ctx.kubernetesVersion ?? '-'}`
const PROBE: Analyzer = {
  meta: [
    { id: 'probe-resource', description: 'test', defaultSeverity: 'error' },
    { id: 'probe-removed-in-1-28', description: 'test', defaultSeverity: 'warning' },
    { id: 'probe-repository', description: 'test', defaultSeverity: 'notice' }
  ],
  check(doc: ManifestDocument, ctx: AnalysisContext) {
    if (doc.kind !== 'resource') return []
    const findings: Finding[] = [{ rule: 'probe-resource', severity: 'error', message: releasesOf(ctx), file: doc.file, line: doc.line }]
    if (includesChange(ctx.target, '1.28')) findings.push({ rule: 'probe-removed-in-1-28', severity: 'warning' as const, message: 'gone in 1.28', file: doc.file, line: doc.line + 1 })
    return findings
  },
  checkRepository(ctx: AnalysisContext) {
    return [{ rule: 'probe-repository', severity: 'notice' as const, message: releasesOf(ctx), file: CONFIG, line: 1 }]
  }
}
const KNOWN = allRules([PROBE]).map((r) => r.id)

function resource(name: string, annotations: string[] = []): string {
  return ['apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', `  name: ${name}`, ...(annotations.length ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []), 'spec:', `  host: ${name}`, ''].join('\n')
}

/** Every file of `tree` counts as added (no base), as for the CLI with plain paths. */
function sourcesOf(tree: Record<string, string>): Sources {
  const head: Snapshot = {
    list: async () => Object.keys(tree),
    read: async (paths) => new Map(paths.filter((p) => p in tree).map((p) => [p, new TextEncoder().encode(tree[p])]))
  }
  const files = Object.keys(tree).map((path) => ({ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }))
  return { changes: { source: 'paths', files }, head }
}

async function analyse(tree: Record<string, string>, configText: string, options: { target?: string; from?: string; kubernetesVersion?: string } = {}) {
  const config = parseConfig(configText, CONFIG, KNOWN)
  return runAnalysis(sourcesOf(tree), { target: options.target ?? '1.28', paths: [], config, analyzers: [PROBE], ...(options.from ? { from: options.from } : {}), ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}) })
}

const summary = (findings: { rule: string; severity: string; file: string; line: number; suppressed?: unknown }[]) =>
  findings.filter((f) => f.rule !== 'probe-repository').map((f) => [f.file, f.line, f.rule, f.severity, f.suppressed ? 'suppressed' : ''])

describe('rules: severity overrides and off', () => {
  it('changes the severity of one rule and drops the findings of a rule switched off', async () => {
    const tree = { 'apps/a.yaml': resource('a') }
    const plain = await analyse(tree, '')
    expect(summary(plain.findings)).toEqual([
      ['apps/a.yaml', 1, 'probe-resource', 'error', ''],
      ['apps/a.yaml', 2, 'probe-removed-in-1-28', 'warning', '']
    ])
    const tuned = await analyse(tree, 'rules:\n  probe-resource: notice\n  probe-removed-in-1-28: off\n')
    expect(summary(tuned.findings)).toEqual([['apps/a.yaml', 1, 'probe-resource', 'notice', '']])
  })
})

describe('ignore', () => {
  it('never reads ignored files, broken or not', async () => {
    const tree = { 'apps/a.yaml': resource('a'), 'vendor/chart/broken.yaml': 'a: [1\n', 'vendor/b.yaml': resource('b'), 'apps/.tmp/c.yaml': resource('c') }
    const result = await analyse(tree, 'ignore:\n  - "vendor/**"\n  - "**/.tmp/**"\nrules:\n  probe-removed-in-1-28: off\n')
    expect(summary(result.findings)).toEqual([['apps/a.yaml', 1, 'probe-resource', 'error', '']])
    expect(result.documentsChecked).toBe(1)
  })
})

describe('per-path targets', () => {
  const tree = {
    'clusters/legacy/dr.yaml': resource('legacy'),
    'clusters/legacy/sandbox/dr.yaml': resource('sandbox'),
    'clusters/eu/dr.yaml': resource('eu'),
    'apps/dr.yaml': resource('apps')
  }
  const configText = [
    'targets:',
    '  - paths: ["clusters/legacy/**", "!clusters/legacy/sandbox/**"]',
    '    target: "1.24"',
    '    from: "1.22"',
    '    kubernetes: "1.29"',
    '  - paths: ["clusters/eu/**"]',
    '    target: "1.28"',
    '    from: "1.26"',
    ''
  ].join('\n')

  it('checks two folders against different releases; unmatched files use the inputs', async () => {
    const result = await analyse(tree, configText, { from: '1.26', kubernetesVersion: '1.33' })
    expect(result.findings.filter((f) => f.rule !== 'probe-repository').map((f) => [f.file, f.line, f.rule, f.message])).toEqual([
      ['apps/dr.yaml', 1, 'probe-resource', 'target 1.28, from 1.26, kubernetes 1.33'],
      ['apps/dr.yaml', 2, 'probe-removed-in-1-28', 'gone in 1.28'],
      ['clusters/eu/dr.yaml', 1, 'probe-resource', 'target 1.28, from 1.26, kubernetes -'],
      ['clusters/eu/dr.yaml', 2, 'probe-removed-in-1-28', 'gone in 1.28'],
      // first match wins: 1.24 has no 1.28 change, and the entry does not inherit the inputs' from/kubernetes
      ['clusters/legacy/dr.yaml', 1, 'probe-resource', 'target 1.24, from 1.22, kubernetes 1.29'],
      // excluded from the legacy entry by "!", matched by no other: the inputs
      ['clusters/legacy/sandbox/dr.yaml', 1, 'probe-resource', 'target 1.28, from 1.26, kubernetes 1.33'],
      ['clusters/legacy/sandbox/dr.yaml', 2, 'probe-removed-in-1-28', 'gone in 1.28']
    ])
    expect(result.target.release.version).toBe('1.28')
    expect(result.from?.release.version).toBe('1.26')
  })

  it('runs repository checks once per distinct set of releases', async () => {
    const result = await analyse(tree, configText, { from: '1.26', kubernetesVersion: '1.33' })
    expect(result.findings.filter((f) => f.rule === 'probe-repository').map((f) => [f.file, f.line, f.message]).sort()).toEqual([
      [CONFIG, 1, 'target 1.24, from 1.22, kubernetes 1.29'],
      [CONFIG, 1, 'target 1.28, from 1.26, kubernetes -'],
      [CONFIG, 1, 'target 1.28, from 1.26, kubernetes 1.33']
    ])
  })

  it('records which files used which release, with the config line of the entry', async () => {
    const result = await analyse(tree, configText, { from: '1.26' })
    const byFile = Object.fromEntries(Object.entries(result.targetsByFile ?? {}).map(([file, t]) => [file, [t.target.release.version, t.from?.release.version, t.kubernetesVersion, t.target.origin]]))
    expect(byFile).toEqual({
      'clusters/legacy/dr.yaml': ['1.24', '1.22', '1.29', `${CONFIG}:2 (targets)`],
      'clusters/eu/dr.yaml': ['1.28', '1.26', undefined, `${CONFIG}:6 (targets)`]
    })
  })

  it('leaves targetsByFile out when no entry matched', async () => {
    const result = await analyse({ 'apps/dr.yaml': resource('apps') }, configText)
    expect(result.targetsByFile).toBeUndefined()
    expect(summary(result.findings)).toEqual([
      ['apps/dr.yaml', 1, 'probe-resource', 'error', ''],
      ['apps/dr.yaml', 2, 'probe-removed-in-1-28', 'warning', '']
    ])
  })
})

describe('suppressions in the pipeline', () => {
  it('marks suppressed findings, keeps them, and reports a suppression without reason on its line', async () => {
    const tree = {
      'apps/a.yaml': resource('a', ['istio-compat.io/ignore: "probe-resource,probe-removed-in-1-28: accepted until the 1.29 upgrade"']),
      'apps/b.yaml': resource('b', ['istio-compat.io/ignore: probe-resource'])
    }
    const result = await analyse(tree, 'rules:\n  suppression-without-reason: error\n')
    expect(summary(result.findings)).toEqual([
      ['apps/a.yaml', 1, 'probe-resource', 'error', 'suppressed'],
      ['apps/a.yaml', 2, 'probe-removed-in-1-28', 'warning', 'suppressed'],
      ['apps/b.yaml', 1, 'probe-resource', 'error', ''],
      ['apps/b.yaml', 2, 'probe-removed-in-1-28', 'warning', ''],
      // the config raised the suppression rule to error
      ['apps/b.yaml', 6, 'suppression-without-reason', 'error', '']
    ])
    expect(result.findings.find((f) => f.file === 'apps/a.yaml')?.suppressed).toEqual({ reason: 'accepted until the 1.29 upgrade', by: 'istio-compat.io/ignore' })
  })

  it('reports broken suppressions only on resources the PR adds or changes', async () => {
    const unchanged = resource('old', ['istio-compat.io/ignore: probe-resource'])
    const repo: TempRepo = makeRepo({ 'old.yaml': unchanged, 'new.yaml': resource('new') }, { 'old.yaml': unchanged, 'new.yaml': resource('new', ['istio-compat.io/ignore: probe-resource']) })
    cleanups.push(repo.cleanup)
    const changes = gitChangeSet(repo.dir, repo.baseSha, repo.headSha)
    const result = await runAnalysis(
      { changes, head: gitSnapshot(repo.dir, repo.headSha), base: gitSnapshot(repo.dir, changes.baseRef as string) },
      { target: '1.28', paths: [], analyzers: [PROBE] }
    )
    expect(result.findings.filter((f) => f.rule.startsWith('suppression')).map((f) => [f.file, f.line, f.rule])).toEqual([['new.yaml', 6, 'suppression-without-reason']])
  })
})

describe('the CLI gate ignores suppressed findings', () => {
  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'istio-compat-config-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true })
      writeFileSync(join(dir, p), c)
    }
    return dir
  }
  async function cli(args: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await main(args, (s) => out.push(s), (s) => err.push(s))
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  // A mesh ConfigMap whose embedded MeshConfig never closes a flow sequence: a `parse` error inside a resource's document.
  const meshConfigMap = (annotation?: string) =>
    ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: istio', '  namespace: istio-system', ...(annotation ? ['  annotations:', `    ${annotation}`] : []), 'data:', '  mesh: |', '    trustDomain: a', '    trustDomainAliases: [b', '  meshNetworks: "{}"', ''].join('\n')

  it('exits 1 on the unsuppressed error and 0 once it is suppressed with a reason', async () => {
    const broken = dirWith({ 'mesh/istio.yaml': meshConfigMap() })
    const before = await cli(['check', 'mesh', '--repo', broken, '--target', '1.28', '--format', 'json'])
    expect(before.code).toBe(1)
    expect(JSON.parse(before.out).findings.map((f: { file: string; line: number; rule: string }) => [f.file, f.line, f.rule])).toEqual([['mesh/istio.yaml', 9, 'parse']])

    const suppressed = dirWith({ 'mesh/istio.yaml': meshConfigMap('istio-compat.io/ignore: "parse: the mesh config is templated at deploy time"') })
    const after = await cli(['check', 'mesh', '--repo', suppressed, '--target', '1.28', '--format', 'json'])
    expect(after.code).toBe(0)
    expect(JSON.parse(after.out).findings).toEqual([
      expect.objectContaining({ file: 'mesh/istio.yaml', line: 11, rule: 'parse', severity: 'error', suppressed: { reason: 'the mesh config is templated at deploy time', by: 'istio-compat.io/ignore' } })
    ])
  })

  it('gates on a suppression without reason at --fail-on warning, and reads the config given with --config', async () => {
    const dir = dirWith({ 'mesh/istio.yaml': meshConfigMap('istio-compat.io/ignore: parse'), 'ci/compat.yml': 'rules:\n  parse: notice\n' })
    const r = await cli(['check', 'mesh', '--repo', dir, '--target', '1.28', '--fail-on', 'warning', '--config', 'ci/compat.yml'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('mesh/istio.yaml:7: warning [suppression-without-reason]')
    expect(r.out).toContain('mesh/istio.yaml:11: notice [parse]')
  })

  it('reports a config error in targets with file and line', async () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n', '.github/istio-compat.yml': 'targets:\n  - paths: [a.yaml]\n    target: "1.18"\n' })
    const r = await cli(['check', '--repo', dir, '--target', '1.28'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('.github/istio-compat.yml:3: targets[0].target: Istio 1.18 is not a release istio-compat knows')
  })
})
