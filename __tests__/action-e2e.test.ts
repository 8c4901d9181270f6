// The bundled action, started the way the Actions runner starts it (INPUT_* env, an event file,
// GITHUB_API_URL), against the fake GitHub on 127.0.0.1: it reads the PR, analyses it and posts a review.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pullFromStates, readTree, runnerEnv, startFakeGitHub, type BuiltPull, type FakeGitHub } from '../scripts/fake-github.mjs'

const PULL = 7
/** A second pull request of the same change, reviewed with a GitHub App's installation token. */
const APP_PULL = 8
const APP_TOKEN = 'ghs_fakeAppInstallationToken0000000000000'
let built: BuiltPull
let fake: FakeGitHub
let temp: string

beforeAll(async () => {
  const base = readTree(join(process.cwd(), 'examples/gitops/base'))
  const headTree = readTree(join(process.cwd(), 'examples/gitops/head'))
  const head: Record<string, string | null> = { ...headTree }
  for (const path of Object.keys(base)) if (!(path in headTree)) head[path] = null
  built = pullFromStates(base, head, { keepRepo: true })
  // ghs_…: an installation token as actions/create-github-app-token hands it out, of the app "mesh-checks".
  fake = await startFakeGitHub({ tokens: { [APP_TOKEN]: { login: 'mesh-checks[bot]', type: 'Bot', installation: true } } })
  fake.setPull(PULL, built)
  fake.setPull(APP_PULL, built)
  temp = mkdtempSync(join(tmpdir(), 'istio-compat-runner-'))
})

afterAll(async () => {
  await fake?.close()
  if (built?.dir) rmSync(built.dir, { recursive: true, force: true })
  if (temp) rmSync(temp, { recursive: true, force: true })
})

interface RunResult {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Runs dist/index.js as the runner does; the fake lives in this process, so the child must not block it. */
function runAction(name: string, inputs: Record<string, string>, options: { workspace?: string; fork?: boolean; env?: Record<string, string>; pullNumber?: number } = {}): Promise<RunResult> {
  const dir = join(temp, name)
  rmSync(dir, { recursive: true, force: true })
  const { env, outputFile, summaryFile } = runnerEnv({
    fake,
    pullNumber: options.pullNumber ?? PULL,
    baseSha: built.baseSha,
    headSha: built.headSha,
    dir,
    workspace: options.workspace ?? (built.dir as string),
    fork: options.fork ?? false,
    inputs: {
      'target-version': 'auto',
      'from-version': 'auto',
      'fail-on': 'error',
      comment: 'review',
      suggestions: 'true',
      config: '.github/istio-compat.yml',
      paths: '**/*.yaml\n**/*.yml',
      'github-token': 'bot-token',
      ...inputs
    }
  })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env: { ...env, ...options.env }, cwd: options.workspace ?? built.dir })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({ code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') })
    })
  })
}

/** GITHUB_OUTPUT heredoc format: name<<DELIM\nvalue\nDELIM */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) out[m[1]] = m[3]
  return out
}

describe('dist/index.js as the Actions runner starts it', () => {
  it('reads the PR, posts one review with inline comments and a suggestion, and fails the check on errors', async () => {
    const run = await runAction('first', {})
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::istio-compat:')
    expect(fake.validationErrors).toEqual([])
    expect(fake.crashes).toEqual([])

    const reviews = fake.requests.filter((r) => r.method === 'POST' && r.path === `/repos/octo/mesh/pulls/${PULL}/reviews`)
    expect(reviews).toHaveLength(1)
    const review = reviews[0].body
    expect(review.event).toBe('COMMENT')
    expect(review.commit_id).toBe(built.headSha)
    const onLine = (path: string, line: number) => review.comments.find((c: { path: string; line: number }) => c.path === path && c.line === line)
    expect(onLine('apps/shop/authz.yaml', 14)?.body).toContain('parse')
    const typo = onLine('apps/shop/telemetry.yaml', 10)
    expect(typo?.body).toContain('```suggestion')
    expect(typo?.body).toContain('randomSamplingPercentage: 10.0')

    // Outputs as action.yml declares them, and the JSON report they point at.
    expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(1)
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'))
    expect(report.findings.some((f: { file: string; line: number }) => f.file === 'apps/shop/authz.yaml' && f.line === 14)).toBe(true)
    const sarif = JSON.parse(readFileSync(run.outputs.sarif, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(run.summary).toContain('istio-compat')

    // One sticky summary comment, and the token never printed.
    expect(fake.issueComments(PULL).filter((c) => c.body.includes('<!-- istio-compat:summary -->'))).toHaveLength(1)
    // `::add-mask::` is the runner's instruction to mask the value; the runner never shows that line.
    expect(run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain('bot-token')
  })

  it('a second run duplicates nothing', async () => {
    const before = fake.reviewComments(PULL).length
    const run = await runAction('second', {})
    expect(run.code).toBe(1)
    expect(fake.reviewComments(PULL)).toHaveLength(before)
    expect(fake.issueComments(PULL).filter((c) => c.body.includes('<!-- istio-compat:summary -->'))).toHaveLength(1)
    expect(fake.validationErrors).toEqual([])
  })

  it("with a GitHub App's installation token (ghs_), a re-run recognises its own comments: one summary, no duplicate inline comment", async () => {
    const sticky = () => fake.issueComments(APP_PULL).filter((c) => c.body.includes('<!-- istio-compat:summary -->'))
    const first = await runAction('app-first', { 'github-token': APP_TOKEN }, { pullNumber: APP_PULL })
    expect(first.code).toBe(1)
    const comments = fake.reviewComments(APP_PULL).map((c) => `${c.user.login} ${c.path}:${c.line}`)
    expect(comments).toContain('mesh-checks[bot] apps/shop/authz.yaml:14')
    expect(sticky().map((c) => c.user.login)).toEqual(['mesh-checks[bot]'])
    // The summary links the new threads where GitHub put them.
    const authz = fake.reviewComments(APP_PULL).find((c) => c.path === 'apps/shop/authz.yaml' && c.line === 14)!
    expect(sticky()[0]!.body).toContain(`](${authz.html_url})`)
    const from = fake.requests.length
    const second = await runAction('app-second', { 'github-token': APP_TOKEN }, { pullNumber: APP_PULL })
    expect(second.code).toBe(1)
    expect(fake.reviewComments(APP_PULL).map((c) => `${c.user.login} ${c.path}:${c.line}`)).toEqual(comments)
    expect(sticky()).toHaveLength(1)
    expect(fake.reviews(APP_PULL)).toHaveLength(1)
    // It asked GraphQL who it is (GitHub refuses GET /user to installation tokens), once.
    const asked = fake.requests.slice(from).filter((r) => r.path === '/graphql' || r.path === '/user').map((r) => `${r.method} ${r.path} ${r.status}`)
    expect(asked).toEqual(['POST /graphql 200'])
    expect(second.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain(APP_TOKEN)
    expect(fake.validationErrors).toEqual([])
    expect(fake.crashes).toEqual([])
  })

  it('a fork PR gets annotations and a step summary instead, and the gate still fails', async () => {
    const writesBefore = fake.requests.filter((r) => r.method !== 'GET').length
    const run = await runAction('fork', { 'github-token': 'fork-token' }, { fork: true })
    expect(run.code).toBe(1)
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore)
    expect(run.stdout).toMatch(/^::error file=apps\/shop\/authz\.yaml,line=14/m)
    expect(run.summary).toContain('apps/shop/authz.yaml')
    // The gate's own error annotation comes last and is within GitHub's ten errors of the step.
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors.length).toBeLessThanOrEqual(10)
    expect(errors.at(-1)).toMatch(/^::error::istio-compat:/)
  })

  it('without a checkout of both commits it reads the PR through the API, and finds what the checkout finds', async () => {
    const withCheckout = await runAction('checkout-off', { comment: 'off' })
    const empty = mkdtempSync(join(temp, 'no-checkout-'))
    const from = fake.requests.length
    const run = await runAction('api', { comment: 'off' }, { workspace: empty })
    expect(run.stdout).toContain('reading the pull request through the API')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error file=apps\/shop\/authz\.yaml,line=14/m)
    // The PR bumps Istio, so `auto` detection and the check read the whole repository at both commits; with
    // 10 files that is contents reads (a tarball pays from 20 files on, see api-snapshot.test.ts), each file
    // once per commit although detection, the analysis and the suggestions all ask.
    const routes = fake.requests.slice(from).map((r) => `${r.method} ${r.path}`)
    const reads = routes.filter((r) => r.includes('/contents/'))
    expect(reads.length).toBeGreaterThanOrEqual(10)
    expect(Math.max(...[...new Set(reads)].map((r) => reads.filter((x) => x === r).length))).toBe(2)
    expect(routes.filter((r) => r.includes('/tarball/'))).toEqual([])
    const findings = (r: RunResult) => JSON.parse(readFileSync(r.outputs.report, 'utf8')).findings.map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`)
    expect(findings(run)).toEqual(findings(withCheckout))
    expect(findings(run).length).toBeGreaterThan(5)
  })

  it('behind a proxy (http_proxy) every request goes through it, and the run finds what a direct run finds', async () => {
    // A CONNECT proxy on 127.0.0.1 that tunnels every connection to the fake. The API host is not a loopback address:
    // @actions/http-client never sends those through a proxy.
    const tunnels: string[] = []
    const proxy: Server = createServer((_req, res) => res.writeHead(405).end())
    proxy.on('connect', (req, socket, head) => {
      tunnels.push(req.url ?? '')
      const upstream = connect(Number(new URL(fake.url).port), '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
      upstream.on('error', () => socket.destroy())
      socket.on('error', () => upstream.destroy())
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    try {
      const direct = await runAction('direct', { comment: 'off' }, { workspace: mkdtempSync(join(temp, 'no-checkout-')) })
      const apiUrl = new URL(fake.url)
      apiUrl.hostname = 'api.github.test'
      const from = fake.requests.length
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
      const run = await runAction('proxied', { comment: 'off' }, { workspace: mkdtempSync(join(temp, 'no-checkout-')), env: { GITHUB_API_URL: apiUrl.href.replace(/\/$/, ''), http_proxy: proxyUrl, https_proxy: proxyUrl } })
      expect(run.stdout).toContain('reading the pull request through the API')
      expect(fake.requests.length - from).toBeGreaterThanOrEqual(10)
      expect(tunnels.length).toBeGreaterThanOrEqual(1)
      expect(new Set(tunnels)).toEqual(new Set([`api.github.test:${apiUrl.port}`]))
      const findings = (r: RunResult) => JSON.parse(readFileSync(r.outputs.report, 'utf8')).findings.map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`)
      expect(run.stdout).toMatch(/^::error file=apps\/shop\/authz\.yaml,line=14/m)
      expect(findings(run)).toEqual(findings(direct))
    } finally {
      await new Promise((resolve) => proxy.close(resolve))
    }
  })

  it('without a token the findings still reach annotations and the step summary', async () => {
    const requestsBefore = fake.requests.length
    const run = await runAction('no-token', { 'github-token': '' })
    expect(run.code).toBe(1)
    expect(fake.requests.length).toBe(requestsBefore)
    expect(run.stdout).toMatch(/^::error file=apps\/shop\/authz\.yaml,line=14/m)
    expect(run.summary).toContain('apps/shop/authz.yaml')
  })

  it('no request of any run above was answered 422', () => {
    expect(fake.requests.filter((r) => r.status === 422).map((r) => `${r.method} ${r.path}`)).toEqual([])
    expect(fake.requests.length).toBeGreaterThan(10)
  })

  it('an unknown target release is a clear error naming the supported ones', async () => {
    const run = await runAction('bad-version', { 'target-version': '2.0' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*2\.0.*supported releases are 1\.20/)
  })
})
