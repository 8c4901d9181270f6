import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finding, result } from '../__fixtures__/report.js'
import { ENDPOINTS, WritePacer, apiBaseUrl, apiFetch, createGitHubClient, userAgent } from '../src/github/client.js'
import { Octokit } from '@octokit/core'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { changedFileFromDiffEntry } from '../src/github/pulls.js'
import { actionOutputs, writeReportFiles } from '../src/report/outputs.js'
import { pullFromStates } from '../scripts/fake-github.mjs'

describe('WritePacer', () => {
  afterEach(() => jest.useRealTimers())

  it('starts one write per interval, in order; retries skip the queue', async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const pacer = new WritePacer(1000)
    const started: string[] = []
    const job = (name: string) => () => void started.push(name)
    const all = Promise.all([pacer.key().schedule({}, job('a')), pacer.key().schedule({}, job('b')), pacer.key().schedule(job('c'))])
    await jest.advanceTimersByTimeAsync(0)
    expect(started).toEqual(['a'])
    await pacer.schedule({ weight: 0 }, job('retry'))
    expect(started).toEqual(['a', 'retry'])
    await jest.advanceTimersByTimeAsync(999)
    expect(started).toEqual(['a', 'retry'])
    await jest.advanceTimersByTimeAsync(1)
    expect(started).toEqual(['a', 'retry', 'b'])
    await jest.advanceTimersByTimeAsync(1000)
    await all
    expect(started).toEqual(['a', 'retry', 'b', 'c'])
  })
})

describe('createGitHubClient', () => {
  it('takes the API root from GITHUB_API_URL and falls back to github.com', () => {
    expect(apiBaseUrl({ GITHUB_API_URL: 'https://ghes.example.test/api/v3/' })).toBe('https://ghes.example.test/api/v3')
    expect(apiBaseUrl({})).toBe('https://api.github.com')
  })

  it('defines each REST method it calls with the route and defaults of @octokit/plugin-rest-endpoint-methods', () => {
    const full = new (Octokit.plugin(restEndpointMethods))().rest as unknown as Record<string, Record<string, { endpoint: { DEFAULTS: { method: string; url: string } } }>>
    const ours = createGitHubClient({ token: 't', baseUrl: 'http://127.0.0.1:9', maskToken: false }).rest as unknown as typeof full
    const methods = Object.entries(ENDPOINTS).flatMap(([scope, m]) => Object.keys(m).map((name) => [scope, name] as const))
    expect(methods.length).toBeGreaterThanOrEqual(16)
    for (const [scope, name] of methods) {
      const expected = full[scope]![name]!
      // A decorated method (renamed or deprecated parameters) is a wrapper without the request's `endpoint`.
      expect({ method: `${scope}.${name}`, endpoint: typeof expected.endpoint }).toEqual({ method: `${scope}.${name}`, endpoint: 'function' })
      const { method, url } = ours[scope]![name]!.endpoint.DEFAULTS
      expect(`${scope}.${name}: ${method} ${url}`).toBe(`${scope}.${name}: ${expected.endpoint.DEFAULTS.method} ${expected.endpoint.DEFAULTS.url}`)
    }
  })

  it('uses Node\'s fetch unless a proxy applies to the API host, and tags the User-Agent with the orchestration id', () => {
    const saved = { ...process.env }
    try {
      for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']) delete process.env[name]
      expect(apiFetch('https://api.github.com')).toBeUndefined()
      process.env['https_proxy'] = 'http://proxy.internal:3128'
      expect(typeof apiFetch('https://api.github.com')).toBe('function')
      // http_proxy is for http:// hosts; loopback and no_proxy hosts never go through a proxy.
      expect(apiFetch('http://ghes.internal/api/v3')).toBeUndefined()
      expect(apiFetch('https://127.0.0.1:8443')).toBeUndefined()
      process.env['no_proxy'] = 'github.com'
      expect(apiFetch('https://api.github.com')).toBeUndefined()
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      Object.assign(process.env, saved)
    }
    expect(userAgent({})).toBe('istio-compat')
    expect(userAgent({ ACTIONS_ORCHESTRATION_ID: ' run 7/x ' })).toBe('istio-compat actions_orchestration_id/run_7_x')
  })

  it('masks the token in Actions logs (::add-mask::) when asked', () => {
    const writes: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true))
    try {
      createGitHubClient({ token: 'ghs_secret123', baseUrl: 'http://127.0.0.1:9', maskToken: true })
      createGitHubClient({ token: 'ghs_other', baseUrl: 'http://127.0.0.1:9', maskToken: false })
    } finally {
      spy.mockRestore()
    }
    expect(writes.join('')).toContain('::add-mask::ghs_secret123')
    expect(writes.join('')).not.toContain('ghs_other')
  })
})

describe('changedFileFromDiffEntry', () => {
  it('reads renames, removals and missing patches from real git diffs', () => {
    const pull = pullFromStates(
      { 'a/old-name.yaml': 'kind: Gateway\nmetadata:\n  name: gw\nspec: {}\n', 'gone.yaml': 'a: 1\n', 'big.yaml': 'a: 1\n' },
      { 'a/old-name.yaml': null, 'a/new-name.yaml': 'kind: Gateway\nmetadata:\n  name: gw\nspec: {}\n', 'gone.yaml': null, 'big.yaml': 'a: 2\n' },
      { dropPatch: ['big.yaml'] }
    )
    const files = Object.fromEntries(pull.files.map((e) => [e.filename, changedFileFromDiffEntry(e)]))
    expect(files['a/new-name.yaml']).toMatchObject({ path: 'a/new-name.yaml', previousPath: 'a/old-name.yaml', status: 'renamed' })
    expect(files['a/new-name.yaml']!.patchMissing).toBeUndefined()
    expect(files['gone.yaml']).toMatchObject({ status: 'removed' })
    expect(files['gone.yaml']!.commentableLines.size).toBe(0)
    expect(files['big.yaml']).toMatchObject({ status: 'modified', patchMissing: true })
    expect(changedFileFromDiffEntry({ filename: 'x.yaml', status: 'changed', changes: 0 })).toMatchObject({ status: 'modified' })
  })
})

describe('action outputs', () => {
  it('writes the JSON report and SARIF and returns counts without suppressed findings', async () => {
    const r = result({ findings: [finding({ file: 'a.yaml', line: 2 }), finding({ file: 'a.yaml', line: 3, severity: 'notice' }), finding({ file: 'a.yaml', line: 4, suppressed: { reason: 'x', by: 'y' } })] })
    const dir = mkdtempSync(join(tmpdir(), 'outputs-'))
    const files = await writeReportFiles(r, join(dir, 'nested'))
    expect(actionOutputs(r, files)).toEqual({ errors: '1', warnings: '0', notices: '1', report: join(dir, 'nested', 'istio-compat-report.json'), sarif: join(dir, 'nested', 'istio-compat.sarif') })
    expect(JSON.parse(readFileSync(files.report, 'utf8')).findings[0]).toMatchObject({ file: 'a.yaml', line: 2 })
    expect(JSON.parse(readFileSync(files.sarif, 'utf8')).runs[0].results[1].locations[0].physicalLocation.region).toEqual({ startLine: 3, endLine: 3 })
  })
})
