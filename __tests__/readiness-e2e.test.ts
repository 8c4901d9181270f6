// Readiness mode end to end: dist/index.js started by a `schedule` event, as the runner does, against the fake
// GitHub. Runs on one repository whose default branch moves: findings → same findings → other findings →
// clean → findings again, asserting one issue kept up to date, and no write when nothing changed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readTree, runnerEnv, startFakeGitHub, type FakeGitHub, type FakeIssue, type RecordedRequest } from '../scripts/fake-github.mjs'

const MARKER = '<!-- istio-compat:readiness -->'
let fake: FakeGitHub
let temp: string
let repoDir: string

const EXAMPLE = readTree(join(process.cwd(), 'examples/gitops/head'))
const ISTIOD = 'clusters/prod/istio-system/istiod.yaml'
/** The line of the example's control-plane HelmRelease (chart base) that names 1.28.1: what `auto` detects. */
const ISTIOD_VERSION_LINE = EXAMPLE[ISTIOD].split('\n').findIndex((l) => l.includes('version: 1.28.1')) + 1
/** The example with its Telemetry typo fixed: fewer findings. */
const FIXED = { ...EXAMPLE, 'apps/shop/telemetry.yaml': EXAMPLE['apps/shop/telemetry.yaml'].replace('randomSamplingPercent:', 'randomSamplingPercentage:') }
const CLEAN: Record<string, string> = {
  'clusters/istiod.yaml': ['apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: istiod', '  namespace: istio-system', 'spec:', '  interval: 30m', '  chart:', '    spec:', '      chart: istiod', '      version: 1.28.1', '      sourceRef: { kind: HelmRepository, name: istio }', ''].join('\n')
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repoDir, '-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' }).trim()
}

/** Replaces the work tree with `tree`, commits it on main and returns the commit. */
function commitState(tree: Record<string, string>, message: string): string {
  for (const name of readdirSync(repoDir)) if (name !== '.git') rmSync(join(repoDir, name), { recursive: true, force: true })
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(repoDir, path)), { recursive: true })
    writeFileSync(join(repoDir, path), content)
  }
  git('add', '-A')
  git('commit', '-q', '--allow-empty', '-m', message)
  return git('rev-parse', 'HEAD')
}

beforeAll(async () => {
  fake = await startFakeGitHub()
  temp = mkdtempSync(join(tmpdir(), 'istio-compat-readiness-'))
  repoDir = join(temp, 'repo')
  mkdirSync(repoDir)
  git('init', '-q', '-b', 'main')
})

afterAll(async () => {
  await fake?.close()
  if (temp) rmSync(temp, { recursive: true, force: true })
})

interface RunResult {
  code: number | null
  log: string
  outputs: Record<string, string>
  summary: string
  /** Requests this run made. */
  requests: RecordedRequest[]
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]
  return out
}

/** dist/index.js on a schedule event at `sha`; inputs are action.yml's defaults plus `inputs`. */
function runScheduled(name: string, sha: string, inputs: Record<string, string> = {}, event: 'schedule' | 'workflow_dispatch' = 'schedule', ref = 'refs/heads/main'): Promise<RunResult> {
  const dir = join(temp, name)
  const seen = fake.requests.length
  const { env, outputFile, summaryFile } = runnerEnv({
    fake,
    headSha: sha,
    dir,
    workspace: repoDir,
    event,
    ref,
    inputs: {
      'target-version': 'auto',
      'from-version': 'auto',
      'fail-on': '',
      comment: 'review',
      suggestions: 'true',
      config: '.github/istio-compat.yml',
      paths: '**/*.yaml\n**/*.yml',
      'github-token': 'bot-token',
      mode: 'auto',
      'issue-title': 'Istio upgrade readiness',
      'issue-labels': 'istio-compat',
      ...inputs
    }
  })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, cwd: repoDir })
    let log = ''
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({ code, log, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), requests: fake.requests.slice(seen) })
    )
  })
}

const ours = (): FakeIssue[] => fake.issueList().filter((i) => i.user.login === 'github-actions[bot]' && (i.body ?? '').startsWith(MARKER))
// GraphQL's `viewer` question (who the token is) is a POST that writes nothing.
const writes = (run: RunResult) => run.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => `${r.method} ${r.path}`)

describe('readiness mode (schedule event): one issue kept up to date', () => {
  let issueNumber = 0
  let firstSha = ''
  let foreign: number[] = []

  it('run 1, findings: opens one issue with the linked report, the job succeeds', async () => {
    // Someone else's issues with our label, one even with our marker: never touched.
    foreign = [
      fake.addIssue({ title: 'Istio upgrade readiness', body: `${MARKER}\ncopied by hand`, labels: ['istio-compat'], login: 'alice' }),
      fake.addIssue({ title: 'Upgrade notes', body: 'plans', labels: ['istio-compat'], login: 'renovate[bot]', type: 'Bot' })
    ]
    firstSha = commitState(EXAMPLE, 'example')
    const run = await runScheduled('run1', firstSha)
    expect({ code: run.code, log: run.code === 0 ? '' : run.log }).toEqual({ code: 0, log: '' })
    expect(fake.validationErrors).toEqual([])
    expect(fake.crashes).toEqual([])
    expect(writes(run)).toEqual(['POST /repos/octo/mesh/issues'])
    expect(ours()).toHaveLength(1)
    const issue = ours()[0]
    issueNumber = issue.number
    expect(run.outputs.issue).toBe(String(issueNumber))
    expect(issue.state).toBe('open')
    expect(issue.title).toBe('Istio upgrade readiness')
    expect(issue.labels.map((l) => l.name)).toEqual(['istio-compat'])
    const body = issue.body ?? ''
    // Target: the minor after the release detected today, and where that came from.
    expect(ISTIOD_VERSION_LINE).toBe(21)
    expect(body).toMatch(/Istio 1\.29/)
    expect(body).toContain('Istio 1.28.1')
    expect(body).toContain(`${ISTIOD}:${ISTIOD_VERSION_LINE}`)
    // Every location a permalink at the checked commit, with its fix and its upstream source.
    const blob = `${fake.origin}/octo/mesh/blob/${firstSha}`
    expect(body).toContain(`(${blob}/apps/shop/telemetry.yaml#L10)`)
    expect(body).toContain(`(${blob}/${ISTIOD}#L54-L56)`)
    expect(body).toContain(`(${blob}/apps/shop/traffic.yaml#L9-L10)`)
    // After each location: its fix and the upstream note it rests on, before the next location.
    const after = (anchor: string) => body.slice(body.indexOf(anchor), body.indexOf(`(${blob}/`, body.indexOf(anchor) + anchor.length))
    expect(after('telemetry.yaml#L10)')).toMatch(/\*\*Fix:\*\* Rename[^\n]*randomSamplingPercentage/)
    expect(after('traffic.yaml#L9-L10)')).toMatch(/(\*\*Upstream:\*\*|Source:) \[[^\]]+\]\(https:\/\/istio\.io\/[^)\s]+\)/)
    expect(body).toMatch(/not checked/i)
    expect(body).toContain('charts/shop-extras/templates/peerauth.yaml')
    // The job summary has the same report.
    expect(run.summary).toContain(`(${blob}/apps/shop/telemetry.yaml#L10)`)
    // The foreign issues are as they were.
    expect(fake.issueList().filter((i) => foreign.includes(i.number)).map((i) => [i.number, i.body, i.state, i.commentBodies.length])).toEqual([
      [foreign[0], `${MARKER}\ncopied by hand`, 'open', 0],
      [foreign[1], 'plans', 'open', 0]
    ])
  })

  it('run 2, the same findings: nothing is written', async () => {
    const run = await runScheduled('run2', firstSha)
    expect(run.code).toBe(0)
    expect(writes(run)).toEqual([])
    expect(run.log).toContain(`readiness issue #${issueNumber} unchanged`)
  })

  it('run 3, a new commit that only moves lines: still nothing written (the hash leaves lines out)', async () => {
    const moved = { ...EXAMPLE, 'apps/shop/telemetry.yaml': `# moved down by one line\n${EXAMPLE['apps/shop/telemetry.yaml']}` }
    const sha = commitState(moved, 'comment')
    const run = await runScheduled('run3', sha, {}, 'workflow_dispatch')
    expect(run.code).toBe(0)
    expect(writes(run)).toEqual([])
    expect(ours()[0].body).toContain(`${firstSha}/apps/shop/telemetry.yaml#L10)`)
  })

  it('run 4, other findings (and 105 look-alike issues of others in front): the same issue is edited, none created', async () => {
    // More than a page of labelled issues with our marker, newer than ours and not ours: pagination reaches ours.
    for (let i = 0; i < 105; i++) fake.addIssue({ title: `look-alike ${i}`, body: `${MARKER}\nnot ours`, labels: ['istio-compat'], login: 'mallory' })
    const sha = commitState(FIXED, 'fix the typo')
    const run = await runScheduled('run4', sha)
    expect(run.code).toBe(0)
    expect(writes(run)).toEqual([`PATCH /repos/octo/mesh/issues/${issueNumber}`])
    expect(run.requests.filter((r) => r.method === 'GET' && r.path === '/repos/octo/mesh/issues').map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
    expect(ours().map((i) => i.number)).toEqual([issueNumber])
    const body = ours()[0].body ?? ''
    expect(body).not.toContain('telemetry.yaml#L')
    expect(body).toContain(`${fake.origin}/octo/mesh/blob/${sha}/${ISTIOD}#L54-L56`)
    expect(fake.issueList().filter((i) => i.user.login === 'mallory' && (i.body !== `${MARKER}\nnot ours` || i.state !== 'open'))).toEqual([])
  })

  it('run 5, a clean branch: the issue is closed with a short comment', async () => {
    const sha = commitState(CLEAN, 'clean')
    const run = await runScheduled('run5', sha)
    expect(run.code).toBe(0)
    expect(writes(run)).toEqual([`POST /repos/octo/mesh/issues/${issueNumber}/comments`, `PATCH /repos/octo/mesh/issues/${issueNumber}`])
    const [issue] = ours()
    expect({ number: issue.number, state: issue.state, reason: issue.state_reason }).toEqual({ number: issueNumber, state: 'closed', reason: 'completed' })
    expect(issue.commentBodies).toEqual([expect.stringContaining(`found nothing to fix for Istio 1.29 on \`main\` at ${sha.slice(0, 12)}`)])
    // Clean again: nothing to do.
    const again = await runScheduled('run5b', sha)
    expect(writes(again)).toEqual([])
  })

  it('run 6, findings again: the same issue is reopened with the new report', async () => {
    const sha = commitState(EXAMPLE, 'regression')
    const run = await runScheduled('run6', sha)
    expect(run.code).toBe(0)
    expect(writes(run)).toEqual([`PATCH /repos/octo/mesh/issues/${issueNumber}`])
    const reopen = run.requests.find((r) => r.method === 'PATCH')!.body
    expect({ state: reopen.state, reason: reopen.state_reason }).toEqual({ state: 'open', reason: 'reopened' })
    const all = ours()
    expect(all.map((i) => [i.number, i.state])).toEqual([[issueNumber, 'open']])
    expect(all[0].body).toContain(`${fake.origin}/octo/mesh/blob/${sha}/apps/shop/telemetry.yaml#L10)`)
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/repos/octo/mesh/issues')).toHaveLength(1)
    expect(fake.validationErrors).toEqual([])
    expect(fake.crashes).toEqual([])
  })

  it('dispatched on another branch: the job summary has the report, the issue is left alone', async () => {
    const run = await runScheduled('branch', commitState(FIXED, 'on a feature branch'), {}, 'workflow_dispatch', 'refs/heads/feature')
    expect(run.code).toBe(0)
    expect(writes(run)).toEqual([])
    expect(run.summary).toMatch(/^> This run checked the branch `feature`, not the default branch `main`, so the readiness issue was left as it is\./)
    expect(run.summary).toContain(`${ISTIOD}#L54-L56)`)
    git('reset', '-q', '--hard', 'HEAD~1')
  })

  it('fail-on set explicitly makes a readiness run fail on its findings', async () => {
    const run = await runScheduled('failon', git('rev-parse', 'HEAD'), { 'fail-on': 'error' })
    expect(run.code).toBe(1)
    expect(run.log).toContain('::error::istio-compat:')
    expect(writes(run)).toEqual([])
  })

  it('without issues: write the job still succeeds, and says what permission is missing', async () => {
    const run = await runScheduled('noissues', commitState(FIXED, 'fix the typo again'), { 'github-token': 'no-issues-token' })
    expect(run.code).toBe(0)
    expect(run.log).toMatch(/::warning::GitHub refused to write the readiness issue \(HTTP 403[^\n]*`permissions: issues: write`/)
    expect(run.summary).toMatch(/^> GitHub refused to write the readiness issue \(HTTP 403[^\n]*`permissions: issues: write`/)
    expect(run.summary).toContain(`${ISTIOD}#L54-L56)`)
    expect(ours()[0].state).toBe('open')
  })
})
