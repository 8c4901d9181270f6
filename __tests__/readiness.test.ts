// Readiness mode in parts: which releases a run compares, the mode from the event, the issue body (links,
// escaping, size) and the issue bookkeeping against the fake GitHub (who owns an issue, what is left alone).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { finding, result } from '../__fixtures__/report.js'
import { createGitHubClient } from '../src/github/client.js'
import { parseRelease } from '../src/knowledge/versions.js'
import { UsageError } from '../src/model.js'
import { syncReadinessIssue, type IssueSyncInput } from '../src/readiness/issue.js'
import { permalink } from '../src/report/links.js'
import { hashOf, linkContextOf, READINESS_MARKER, readinessHash, renderLinkedReport, renderReadinessBody, type RepoLinks } from '../src/readiness/report.js'
import { actionMode, parseLabels, readinessFailOn, readinessVersions } from '../src/readiness/run.js'
import { startFakeGitHub, type FakeGitHub } from '../scripts/fake-github.mjs'

const detected = (version: string) => ({ version, file: 'clusters/istio/istiod.yaml', line: 21, how: 'Flux HelmRelease spec.chart.spec.version (chart istiod)' })

describe('readinessVersions', () => {
  it('auto and next: the minor after the release detected today, which is `from`', () => {
    for (const input of ['auto', 'next', '']) {
      expect(readinessVersions(input, 'auto', detected('1.28.1'))).toEqual({
        target: '1.29',
        targetOrigin: `the minor after 1.28.1 (target-version ${input || 'auto'})`,
        from: '1.28.1',
        fromOrigin: 'clusters/istio/istiod.yaml:21 (Flux HelmRelease spec.chart.spec.version (chart istiod))'
      })
    }
  })

  it('latest, an explicit release, an explicit from', () => {
    expect(readinessVersions('latest', 'auto', detected('1.26'))).toMatchObject({ target: '1.31', targetOrigin: 'input (latest)', from: '1.26' })
    expect(readinessVersions('1.30.0', '1.27', detected('1.26'))).toEqual({ target: '1.30.0', targetOrigin: 'input', from: '1.27', fromOrigin: 'input' })
    expect(readinessVersions('1.30', 'auto', undefined)).toEqual({ target: '1.30', targetOrigin: 'input' })
  })

  it('next on the newest known release stays there and says so', () => {
    expect(readinessVersions('next', 'auto', detected('1.31.2'))).toMatchObject({ target: '1.31', targetOrigin: '1.31 is the newest release istio-compat knows', from: '1.31.2' })
  })

  it('next without a detected release, or a detected release it does not know, is a usage error naming the place', () => {
    expect(() => readinessVersions('next', 'auto', undefined)).toThrow(UsageError)
    expect(() => readinessVersions('next', 'auto', undefined)).toThrow(/no Istio version was found in the repository; set from-version/)
    expect(() => readinessVersions('next', 'auto', detected('1.12.0'))).toThrow(/from-version auto: clusters\/istio\/istiod\.yaml:21 names Istio 1\.12\.0/)
  })
})

describe('mode, labels and the gate', () => {
  it('auto is readiness on schedule and workflow_dispatch only', () => {
    const events = ['schedule', 'workflow_dispatch', 'pull_request', 'pull_request_target', 'push', 'merge_group']
    expect(events.map((e) => actionMode('auto', e))).toEqual(['readiness', 'readiness', 'pr', 'pr', 'pr', 'pr'])
    expect(events.map((e) => actionMode('', e))).toEqual(['readiness', 'readiness', 'pr', 'pr', 'pr', 'pr'])
    expect(actionMode('readiness', 'push')).toBe('readiness')
    expect(actionMode(' PR ', 'schedule')).toBe('pr')
    expect(() => actionMode('issue', 'schedule')).toThrow(/mode must be auto, pr or readiness, not "issue"/)
  })

  it('labels split on commas and new lines; none given means istio-compat', () => {
    expect(parseLabels('istio-compat, upgrade\nplatform ,istio-compat')).toEqual(['istio-compat', 'upgrade', 'platform'])
    expect(parseLabels(' ')).toEqual(['istio-compat'])
  })

  it('the gate is never unless fail-on is given', () => {
    expect([readinessFailOn(''), readinessFailOn(' '), readinessFailOn('error'), readinessFailOn('Warning')]).toEqual(['never', 'never', 'error', 'warning'])
    expect(() => readinessFailOn('errors')).toThrow(/fail-on "errors" is not one of/)
  })
})

const LINKS: RepoLinks = { serverUrl: 'https://ghes.example/', owner: 'octo', repo: 'mesh', sha: 'c'.repeat(40), branch: 'main' }

describe('the issue body', () => {
  it('links each location at the checked commit, encodes odd paths, and keeps hostile text inert', () => {
    expect(permalink(linkContextOf(LINKS), 'apps/my app/#1.yaml', 3, 5)).toBe(`https://ghes.example/octo/mesh/blob/${'c'.repeat(40)}/apps/my%20app/%231.yaml#L3-L5`)
    const hostile = finding({
      file: 'apps/x.yaml',
      line: 7,
      rule: 'unknown-field',
      message: 'Field [click](javascript:alert(1)) <img src=x> @alice `code`',
      fix: { description: 'Rename @bob to <b>x</b>', edits: [] },
      source: 'https://istio.io/notes/(1.28) (https://github.com/istio/istio/issues/1)'
    })
    const md = renderLinkedReport(result({ findings: [hostile] }), LINKS)
    expect(md).toContain(`(https://ghes.example/octo/mesh/blob/${'c'.repeat(40)}/apps/x.yaml#L7)`)
    expect(md).not.toMatch(/[^\\]\]\(javascript:/)
    expect(md).not.toContain('<img')
    expect(md).not.toContain('<b>')
    expect(md).not.toMatch(/@alice|@bob/)
    // The source URL cannot close its link early.
    expect(md).toMatch(/\]\(<?https:\/\/istio\.io\/notes\/(%28|\()1\.28(%29|\))>?\)/)
    expect(md).toMatch(/\*\*Fix:\*\* Rename @\u200Dbob/)
  })

  it('fits the size budget by leaving findings out, and says so', () => {
    const many = Array.from({ length: 400 }, (_, i) => finding({ file: `apps/f${String(i).padStart(3, '0')}.yaml`, line: 1, rule: 'unknown-field', message: `Field f${i} ${'x'.repeat(200)}` }))
    const md = renderLinkedReport(result({ findings: many }), LINKS, 20_000)
    expect(md.length).toBeLessThanOrEqual(20_000)
    expect(md).toContain('apps/f000.yaml#L1)')
    expect(md).not.toContain('apps/f399.yaml#L1)')
    expect(md).toContain("left out to fit GitHub's size limit")
  })

  it('the hash ignores lines and the commit, and follows findings, fixes, severities and releases', () => {
    const f = (extra = {}) => finding({ file: 'a.yaml', line: 3, rule: 'r', message: 'm', ...extra })
    const base = readinessHash(result({ findings: [f()] }))
    expect(readinessHash(result({ findings: [f({ line: 9, endLine: 12 })], changes: { source: 'paths', files: [] } }))).toBe(base)
    expect(readinessHash(result({ findings: [f({ severity: 'warning' })] }))).not.toBe(base)
    expect(readinessHash(result({ findings: [f({ message: 'n' })] }))).not.toBe(base)
    expect(readinessHash(result({ findings: [f(), f({ line: 5 })] }))).not.toBe(base)
    expect(readinessHash(result({ findings: [f()], target: { release: parseRelease('1.29'), origin: 'input' } }))).not.toBe(base)
    const body = renderReadinessBody(result({ findings: [f()] }), LINKS)
    expect(body.startsWith(`${READINESS_MARKER}\n`)).toBe(true)
    expect(hashOf(body)).toBe(base)
  })
})

describe('syncReadinessIssue against the fake GitHub', () => {
  let fake: FakeGitHub
  beforeAll(async () => {
    fake = await startFakeGitHub()
  })
  afterAll(async () => {
    await fake?.close()
  })
  const client = (token = 'bot-token') => createGitHubClient({ token, baseUrl: fake.url, pacing: { writeMs: 0, notificationMs: 0 }, retryUnitMs: 5, retries: 0, maskToken: false })
  const log = { info: () => {}, warning: () => {} }
  const input = (over: Partial<IssueSyncInput>): IssueSyncInput => ({
    octokit: client(),
    repo: { owner: 'octo', repo: 'mesh' },
    title: 'Istio upgrade readiness',
    labels: ['istio-compat', 'platform'],
    hasFindings: true,
    body: `${READINESS_MARKER}\n<!-- istio-compat:readiness-hash ${'1'.repeat(16)} -->\nreport`,
    hash: '1'.repeat(16),
    closeNote: 'clean',
    log,
    ...over
  })
  // GraphQL's `viewer` question is a POST that writes nothing.
  const writes = (from: number) => fake.requests.slice(from).filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => `${r.method} ${r.path}`)

  it('a clean branch without an issue writes nothing; findings open one with every label', async () => {
    let seen = fake.requests.length
    expect(await syncReadinessIssue(input({ hasFindings: false }))).toEqual({ action: 'none' })
    expect(writes(seen)).toEqual([])
    seen = fake.requests.length
    const created = await syncReadinessIssue(input({}))
    expect(created).toMatchObject({ action: 'created', number: expect.any(Number), url: expect.stringContaining('/octo/mesh/issues/') })
    expect(writes(seen)).toEqual(['POST /repos/octo/mesh/issues'])
    expect(fake.issueList().find((i) => i.number === created.number)!.labels.map((l) => l.name)).toEqual(['istio-compat', 'platform'])
  })

  it('a new title alone is an edit; the same title and hash are not', async () => {
    let seen = fake.requests.length
    expect((await syncReadinessIssue(input({ title: 'Istio 1.29 readiness' }))).action).toBe('updated')
    expect(writes(seen)).toHaveLength(1)
    seen = fake.requests.length
    expect((await syncReadinessIssue(input({ title: 'Istio 1.29 readiness' }))).action).toBe('unchanged')
    expect(writes(seen)).toEqual([])
  })

  it('an issue someone closed as not planned stays closed', async () => {
    const [ours] = fake.issueList().filter((i) => i.body?.startsWith(READINESS_MARKER) && i.user.login === 'github-actions[bot]')
    await client().rest.issues.update({ owner: 'octo', repo: 'mesh', issue_number: ours.number, state: 'closed', state_reason: 'not_planned' })
    const seen = fake.requests.length
    expect(await syncReadinessIssue(input({ hash: '2'.repeat(16) }))).toEqual({ action: 'none', number: ours.number, url: expect.any(String) })
    expect(writes(seen)).toEqual([])
    expect(fake.issueList().find((i) => i.number === ours.number)!.state).toBe('closed')
  })

  it('with a token whose login is known (a PAT), a marked issue of another bot is not ours: a new one is opened', async () => {
    const seen = fake.requests.length
    const outcome = await syncReadinessIssue(input({ octokit: client('pat-token'), hash: '3'.repeat(16) }))
    expect(outcome.action).toBe('created')
    expect(fake.issueList().find((i) => i.number === outcome.number)!.user.login).toBe('mesh-bot')
    expect(writes(seen)).toEqual(['POST /repos/octo/mesh/issues'])
    expect(fake.validationErrors).toEqual([])
    expect(fake.crashes).toEqual([])
  })
  it('with a GitHub App installation token, its own issue is found through GraphQL viewer and another bot\'s marked issue is left alone', async () => {
    const other = fake.addIssue({ title: 'Istio upgrade readiness', body: `${READINESS_MARKER}\nrenovate's copy`, labels: ['istio-compat'], login: 'renovate[bot]', type: 'Bot' })
    // First run with the app token: nothing of the app's yet, so an issue of its own is opened (a GITHUB_TOKEN
    // unsure of itself would have taken any marked bot issue for its own).
    let seen = fake.requests.length
    const created = await syncReadinessIssue(input({ octokit: client('app-token'), hash: '4'.repeat(16) }))
    expect(created.action).toBe('created')
    expect(fake.issueList().find((i) => i.number === created.number)!.user.login).toBe('mesh-checks[bot]')
    expect(fake.requests.slice(seen).filter((r) => r.path === '/graphql' || r.path === '/user').map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql'])
    // Re-run with new findings: the app's issue is edited, renovate's is not touched.
    seen = fake.requests.length
    const again = await syncReadinessIssue(input({ octokit: client('app-token'), hash: '5'.repeat(16), body: `${READINESS_MARKER}\n<!-- istio-compat:readiness-hash ${'5'.repeat(16)} -->\nreport` }))
    expect(again).toMatchObject({ action: 'updated', number: created.number })
    expect(writes(seen)).toEqual([`PATCH /repos/octo/mesh/issues/${created.number}`])
    expect(fake.issueList().find((i) => i.number === other)!.body).toBe(`${READINESS_MARKER}\nrenovate's copy`)
    // With app-slug given, no question is asked at all.
    seen = fake.requests.length
    expect((await syncReadinessIssue(input({ octokit: client('app-token'), hash: '5'.repeat(16), login: 'mesh-checks[bot]' }))).action).toBe('unchanged')
    expect(writes(seen)).toEqual([])
    expect(fake.requests.slice(seen).map((r) => r.path)).not.toContain('/graphql')
    expect(fake.crashes).toEqual([])
  })
})
