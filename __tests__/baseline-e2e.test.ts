// The gate counts what the PR causes: dist/index.js as the Actions runner starts it, against the fake GitHub,
// on Renovate-style PRs that change nothing but the Istio chart version of a repository with old problems.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pullFromStates, runnerEnv, startFakeGitHub, type BuiltPull, type FakeGitHub } from '../scripts/fake-github.mjs'

/** The istiod HelmRelease; the Lightstep provider (removed in 1.27), the default tracer, sits three lines above the chart version. */
function helmRelease(version: string, lightstep: boolean): string {
  const provider = lightstep
    ? '        - name: tracing\n          lightstep: { address: "collector.example.com:443", accessToken: token }\n'
    : '        - name: tracing\n          opentelemetry: { service: otel.observability.svc.cluster.local, port: 4317 }\n'
  return `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  values:
    meshConfig:
      defaultProviders: { tracing: [tracing] }
      extensionProviders:
${provider}  chart:
    spec:
      version: ${version}
      chart: istiod
      sourceRef: { kind: HelmRepository, name: istio }
`
}

/** Problems the repository had long before the bump: Istio 1.26 already rejects the enum value (line 31). */
const OLD_PROBLEMS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews]
  http:
    - route:
        - destination:
            host: reviews
            port: {number: 9080}
          weight: 100
      timeout: 5s
      corsPolicy:
        allowOrigin: ["*"]
      mirrorPercent: 50
  tcp:
    - match: [{port: 7000}]
  htpp: []
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBINN
`

/** Files that have nothing to do with Istio and that no YAML reader accepts. */
const UNPARSABLE = {
  'lint/yamllint.yaml': 'extends: default\nrules:\n  line-length: {max: 120\n  truthy: disable\n',
  'apps/shop/serviceaccount.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: shop: x\n'
}

function bump(lightstep: boolean): BuiltPull {
  const base = { 'clusters/istiod.yaml': helmRelease('1.26.3', lightstep), 'apps/shop/reviews.yaml': OLD_PROBLEMS, ...UNPARSABLE }
  return pullFromStates(base, { 'clusters/istiod.yaml': helmRelease('1.28.1', lightstep) }, { keepRepo: true })
}

const QUIET = 8
const BREAKING = 9
let fake: FakeGitHub
let temp: string
const pulls = new Map<number, BuiltPull>()

beforeAll(async () => {
  fake = await startFakeGitHub()
  for (const [number, lightstep] of [[QUIET, false], [BREAKING, true]] as const) {
    const built = bump(lightstep)
    pulls.set(number, built)
    fake.setPull(number, built)
  }
  temp = mkdtempSync(join(tmpdir(), 'istio-compat-baseline-'))
})

afterAll(async () => {
  await fake?.close()
  for (const built of pulls.values()) if (built.dir) rmSync(built.dir, { recursive: true, force: true })
  if (temp) rmSync(temp, { recursive: true, force: true })
})

interface RunResult {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

function runAction(name: string, pull: number, inputs: Record<string, string> = {}, options: { workspace?: string } = {}): Promise<RunResult> {
  const built = pulls.get(pull)!
  const dir = join(temp, name)
  rmSync(dir, { recursive: true, force: true })
  const workspace = options.workspace ?? (built.dir as string)
  const { env, outputFile, summaryFile } = runnerEnv({
    fake,
    pullNumber: pull,
    baseSha: built.baseSha,
    headSha: built.headSha,
    dir,
    workspace,
    inputs: { 'target-version': 'auto', 'from-version': 'auto', 'fail-on': 'error', comment: 'review', 'github-token': 'bot-token', ...inputs }
  })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, cwd: workspace })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') }))
  })
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]
  return out
}

interface ReportFinding {
  file: string
  line: number
  rule: string
  baselineState?: string
}

function report(run: RunResult): { counts: Record<string, number>; baseline?: { target: string }; findings: ReportFinding[] } {
  return JSON.parse(readFileSync(run.outputs.report, 'utf8'))
}

const where = (f: ReportFinding) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`
const reviewPosts = (pull: number) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/repos/octo/mesh/pulls/${pull}/reviews`)

/** What the PR did not cause, on both PRs: the old validation problems and the two unreadable files. */
const ALREADY_THERE = [
  'apps/shop/reviews.yaml:20 unknown-field unchanged',
  'apps/shop/reviews.yaml:31 enum-value-not-in-release unchanged',
  'apps/shop/serviceaccount.yaml:5 parse unchanged',
  'lint/yamllint.yaml:4 parse unchanged'
]

describe('a version-only bump of the Istio charts', () => {
  it('passes and comments nothing inline when the bump breaks nothing, though the repository has old errors and unreadable files', async () => {
    const run = await runAction('quiet', QUIET)
    expect(fake.validationErrors).toEqual([])
    expect(fake.crashes).toEqual([])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('1.26.3 → 1.28.1')
    expect(run.stdout).toMatch(/4 finding\(s\) already there before this change do not count/)

    const json = report(run)
    expect(json.findings.map(where).sort()).toEqual(ALREADY_THERE)
    expect(json.counts).toMatchObject({ errors: 0, warnings: 0, notices: 0, new: 0, existing: 4 })
    expect(json.baseline?.target).toBe('1.26.3')
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', notices: '0' })

    // No inline comment: no review at all (nothing new to say on the diff).
    expect(reviewPosts(QUIET)).toEqual([])
    expect(fake.reviewComments(QUIET)).toEqual([])
    // The old findings are listed, folded, in the summary comment and the step summary.
    const sticky = fake.issueComments(QUIET).filter((c) => c.body.startsWith('<!-- istio-compat:summary -->'))
    expect(sticky).toHaveLength(1)
    expect(sticky[0].body).toContain('<details><summary>4 findings already there before this PR (not gating)</summary>')
    expect(sticky[0].body).toContain('`apps/shop/reviews.yaml:31`')
    expect(sticky[0].body).toContain('### ✅ istio-compat: ready for the upgrade to Istio 1.28.1')
    expect(sticky[0].body).toMatch(/No new findings in \d+ YAML documents \(4 already there before this PR\)/)
    expect(run.summary).toContain('4 findings already there before this PR (not gating)')

    // SARIF carries code scanning's baselineState.
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'))
    const results = sarif.runs[0].results as { baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]
    expect(results.map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine} ${r.baselineState}`).sort()).toEqual([
      'apps/shop/reviews.yaml:20 unchanged',
      'apps/shop/reviews.yaml:31 unchanged',
      'apps/shop/serviceaccount.yaml:5 unchanged',
      'lint/yamllint.yaml:4 unchanged'
    ])
  })

  it('with fail-on-existing the old errors fail the check, still without inline comments', async () => {
    const run = await runAction('quiet-existing', QUIET, { 'fail-on-existing': 'true' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::istio-compat: 3 finding\(s\) at or above "error"/)
    expect(run.outputs).toMatchObject({ errors: '3', warnings: '1', notices: '0' })
    expect(report(run).counts).toMatchObject({ errors: 3, warnings: 1, new: 0, existing: 4 })
    expect(reviewPosts(QUIET)).toEqual([])
    expect(run.summary).toContain('4 findings already there before this PR (they fail the check: fail-on-existing is set)')
  })

  it('reads the same through the API when the checkout lacks the commits', async () => {
    const empty = mkdtempSync(join(temp, 'no-checkout-'))
    const run = await runAction('quiet-api', QUIET, { comment: 'off' }, { workspace: empty })
    expect(run.stdout).toContain('reading the pull request through the API')
    expect(run.code).toBe(0)
    expect(report(run).findings.map(where).sort()).toEqual(ALREADY_THERE)
    // Nothing new, so no annotation either.
    expect(run.stdout).not.toMatch(/^::(error|warning|notice) file=/m)
  })

  it('fails exactly what the bump breaks: one inline comment on the provider Istio 1.27 removed', async () => {
    const run = await runAction('breaking', BREAKING)
    expect(fake.validationErrors).toEqual([])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::istio-compat: 1 finding\(s\) at or above "error" \(fail-on\); the most severe is error\. 4 finding\(s\) already there/)

    const json = report(run)
    expect(json.findings.map(where).sort()).toEqual(['clusters/istiod.yaml:12 removed-feature new', ...ALREADY_THERE].sort())
    expect(json.counts).toMatchObject({ errors: 1, warnings: 0, notices: 0, new: 1, existing: 4 })
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '0', notices: '0' })

    const posts = reviewPosts(BREAKING)
    expect(posts).toHaveLength(1)
    const comments = posts[0].body.comments as { path: string; line: number; body: string }[]
    expect(comments.map((c) => `${c.path}:${c.line}`)).toEqual(['clusters/istiod.yaml:12'])
    expect(comments[0].body).toContain('removed-feature')
    expect(comments[0].body).toContain('Lightstep')
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'))
    expect(sarif.runs[0].results.filter((r: { baselineState: string }) => r.baselineState === 'new').map((r: { ruleId: string }) => r.ruleId)).toEqual(['removed-feature'])
  })

  it('no request of any run above was answered 422', () => {
    expect(fake.requests.filter((r) => r.status === 422).map((r) => `${r.method} ${r.path}`)).toEqual([])
  })
})
