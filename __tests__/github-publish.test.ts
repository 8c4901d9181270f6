// The report layer against the fake GitHub (scripts/fake-github.mjs): real HTTP, real Octokit plugins.
import { BASE_STATE, HEAD_CHANGES, finding, result } from '../__fixtures__/report.js'
import { gate } from '../src/gate.js'
import { apiBaseUrl, createGitHubClient, GITHUB_API_VERSION, type GitHubClient } from '../src/github/client.js'
import { listPullFiles } from '../src/github/pulls.js'
import type { Finding } from '../src/model.js'
import { publish, REVIEW_MARKER, type PublishOptions } from '../src/report/publish.js'
import { fingerprintOf } from '../src/report/review.js'
import { SUMMARY_MARKER } from '../src/report/summary.js'
import type { AnalysisResult } from '../src/result.js'
import { diffLines, pullFromStates, startFakeGitHub, type BuiltPull, type FakeGitHub, type FakeOptions } from '../scripts/fake-github.mjs'

const PR = 7
const VS = 'mesh/virtualservice.yaml'
const DR = 'mesh/destinationrule.yaml'

interface Harness {
  fake: FakeGitHub
  built: BuiltPull
  logs: string[]
  commands: string[]
  stepSummaries: string[]
  client(token?: string): GitHubClient
  analyse(findings: Finding[], extra?: Partial<AnalysisResult>): Promise<AnalysisResult>
  run(result: AnalysisResult, extra?: Partial<PublishOptions>): ReturnType<typeof publish>
}

const open: FakeGitHub[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()))
})

async function harness(options: FakeOptions = {}, built = pullFromStates(BASE_STATE, HEAD_CHANGES)): Promise<Harness> {
  const fake = await startFakeGitHub(options)
  open.push(fake)
  fake.setPull(PR, built)
  const logs: string[] = []
  const commands: string[] = []
  const stepSummaries: string[] = []
  const log = { info: (m: string) => void logs.push(`info: ${m}`), warning: (m: string) => void logs.push(`warning: ${m}`), debug: (m: string) => void logs.push(`debug: ${m}`) }
  const h: Harness = {
    fake,
    built,
    logs,
    commands,
    stepSummaries,
    client: (token = 'bot-token') => createGitHubClient({ token, baseUrl: fake.url, log, pacing: { writeMs: 0, notificationMs: 0 }, retryUnitMs: 5, maskToken: false }),
    async analyse(findings, extra = {}) {
      // The change set comes from the fake's pulls.listFiles, as in a run without a git checkout.
      const files = await listPullFiles(h.client(), { owner: fake.owner, repo: fake.repo, pullNumber: PR })
      const headSha = fake.pulls.get(PR)!.headSha
      return result({ findings, changes: { source: 'github', headSha, files }, ...extra })
    },
    run(res, extra = {}) {
      const pull = fake.pulls.get(PR)!
      return publish(res, {
        mode: 'review',
        suggestions: true,
        owner: fake.owner,
        repo: fake.repo,
        pullNumber: PR,
        octokit: h.client(),
        headText: (p) => pull.headText[p],
        log,
        workflow: { command: (line) => void commands.push(line), stepSummary: (md) => (stepSummaries.push(md), true) },
        ...extra
      })
    }
  }
  return h
}

const apiVersionFinding = () =>
  finding({
    file: VS,
    line: 1,
    rule: 'api-version-removed',
    message: 'networking.istio.io/v1alpha3 is not served by Istio 1.28.',
    resource: { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' },
    path: 'apiVersion',
    fix: { description: 'Use networking.istio.io/v1.', edits: [{ startLine: 1, endLine: 1, replacement: 'apiVersion: networking.istio.io/v1' }] }
  })
const retriesFinding = () => finding({ file: VS, line: 14, endLine: 16, rule: 'retry-policy-default', severity: 'warning', message: 'Retry behaviour changed in 1.27.', path: 'spec.http[0].retries' })
const drFinding = () => finding({ file: DR, line: 1, rule: 'api-version-deprecated', severity: 'warning', message: 'networking.istio.io/v1beta1 is deprecated.' })
const offDiffFinding = () => finding({ file: VS, line: 7, rule: 'hosts-short-name', severity: 'notice', message: 'Short host name.' })
const unchangedFileFinding = () => finding({ file: 'mesh/unchanged.yaml', line: 1, rule: 'peer-auth-v1beta1', message: 'security.istio.io/v1beta1 is not served.' })

/** Every inline comment GitHub received must be on a RIGHT line of one hunk: otherwise it would have answered 422. */
function expectOnlyDiffLines(h: Harness) {
  for (const request of h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'))) {
    for (const c of request.body.comments ?? []) {
      const patch = h.fake.pulls.get(PR)!.files.find((f) => f.filename === c.path)?.patch
      expect(patch).toBeDefined()
      const { right } = diffLines(patch!)
      expect({ path: c.path, line: c.line, inDiff: right.has(c.line) }).toEqual({ path: c.path, line: c.line, inDiff: true })
      if (c.start_line !== undefined) expect(right.get(c.start_line)).toBe(right.get(c.line))
    }
  }
}

function expectCleanTraffic(h: Harness) {
  expect(h.fake.crashes).toEqual([])
  expect(h.fake.validationErrors).toEqual([])
  expect(h.fake.requests.filter((r) => r.status === 422)).toEqual([])
  expect(new Set(h.fake.requests.map((r) => r.apiVersion))).toEqual(new Set([GITHUB_API_VERSION]))
  expect(h.logs.join('\n')).not.toMatch(/bot-token|pat-token|fork-token/)
}

describe('publish: review mode against the fake GitHub', () => {
  it('happy path: one COMMENT review on the analysed head, inline comments with a suggestion, one sticky summary', async () => {
    const h = await harness()
    const res = await h.analyse([apiVersionFinding(), retriesFinding(), drFinding(), offDiffFinding(), unchangedFileFinding()], { versionBump: true })
    const outcome = await h.run(res)

    // The two findings outside the diff are also annotated (file and line), so the Checks tab points at them.
    expect(outcome).toMatchObject({ channel: 'review', inline: { posted: 3, kept: 0, removed: 0 }, summaryComment: { action: 'created' }, annotations: 2, stepSummary: true })
    expect(h.commands).toEqual([
      expect.stringMatching(/^::error file=mesh\/unchanged\.yaml,line=1,title=istio-compat peer-auth-v1beta1::/),
      expect.stringMatching(/^::notice file=mesh\/virtualservice\.yaml,line=7,title=istio-compat hosts-short-name::/)
    ])
    const reviews = h.fake.reviews(PR)
    expect(reviews).toHaveLength(1)
    expect(reviews[0]).toMatchObject({ id: outcome.reviewId, state: 'COMMENTED', commit_id: h.built.headSha })
    expect(reviews[0]!.body.startsWith(REVIEW_MARKER)).toBe(true)
    const comments = h.fake.reviewComments(PR).map((c) => ({ path: c.path, start_line: c.start_line, line: c.line, side: c.side }))
    expect(comments).toEqual([
      { path: VS, start_line: null, line: 1, side: 'RIGHT' },
      { path: DR, start_line: null, line: 1, side: 'RIGHT' },
      { path: VS, start_line: 14, line: 16, side: 'RIGHT' }
    ])
    const suggestion = h.fake.reviewComments(PR).find((c) => c.line === 1 && c.path === VS)!
    expect(suggestion.body).toContain('```suggestion\napiVersion: networking.istio.io/v1\n```')
    expect(fingerprintOf(suggestion.body)).toMatch(/^[0-9a-f]{16}$/)

    const [sticky] = h.fake.issueComments(PR)
    expect(sticky!.body.startsWith(SUMMARY_MARKER)).toBe(true)
    expect(sticky!.body).toContain('- `mesh/virtualservice.yaml:7` · [`hosts-short-name`]')
    expect(sticky!.body).toContain('· _outside the diff_')
    expect(sticky!.body).toContain('- `mesh/unchanged.yaml:1` · [`peer-auth-v1beta1`]')
    expect(sticky!.body).toContain('· _file not changed by this PR_')
    expect(sticky!.body).toContain('This PR changes the Istio version')
    // The review body says what to do and links the summary.
    expect(reviews[0]!.body).toContain(`❌ 2 errors block the upgrade to Istio 1.28 ([summary](${h.fake.origin}/octo/mesh/pull/${PR}#issuecomment-${sticky!.id})). 3 comments below; 2 more findings outside them are only in the summary.`)
    expect(h.stepSummaries[0]).toContain('`mesh/unchanged.yaml:1`')
    expectOnlyDiffLines(h)
    expectCleanTraffic(h)
  })

  it('never sends a line outside the diff, so GitHub never answers 422', async () => {
    const h = await harness()
    const offDiff = [2, 5, 6, 7, 8, 9, 10, 17, 40].map((line) => finding({ file: VS, line, rule: `r${line}` }))
    const crossing = finding({ file: VS, line: 4, endLine: 11, rule: 'cross', fix: { description: 'x', edits: [{ startLine: 4, endLine: 11, replacement: 'a: 1' }] } })
    const removedFile = finding({ file: 'mesh/gateway-old.yaml', line: 1, rule: 'gone' })
    const outcome = await h.run(await h.analyse([...offDiff, crossing, removedFile, retriesFinding()]))
    expect(outcome.inline.rejected).toBeUndefined()
    // Lines 2 and 4 are context lines of hunk 0: commentable. The rest is not.
    expect(h.fake.reviewComments(PR).map((c) => [c.path, c.start_line, c.line])).toEqual([
      [VS, null, 2],
      [VS, null, 4],
      [VS, 14, 16]
    ])
    expectOnlyDiffLines(h)
    expectCleanTraffic(h)
    // The harness itself would have refused: the same comment on line 7 gets the whole review rejected.
    const direct = await fetch(`${h.fake.url}/repos/octo/mesh/pulls/${PR}/reviews`, {
      method: 'POST',
      headers: { authorization: 'token bot-token', 'x-github-api-version': GITHUB_API_VERSION },
      body: JSON.stringify({ event: 'COMMENT', body: 'x', comments: [{ path: VS, line: 16, body: 'ok' }, { path: VS, line: 7, body: 'off' }] })
    })
    expect(direct.status).toBe(422)
    expect(((await direct.json()) as { errors: string[] }).errors).toContain('Pull request review thread line must be part of the diff')
    expect(h.fake.reviews(PR)).toHaveLength(1)
  })

  it('a 422 anyway (head moved after the analysis): reads the file list, probes, and never posts a review that only carries an error', async () => {
    const h = await harness()
    const res = await h.analyse([apiVersionFinding(), retriesFinding()])
    // A push lands between analysis and posting: the analysed commit is no longer the head.
    h.fake.setPull(PR, pullFromStates(BASE_STATE, { ...HEAD_CHANGES, 'mesh/extra.yaml': 'a: 1\n' }))
    const outcome = await h.run(res)
    expect(outcome.channel).toBe('review')
    expect(outcome.inline.posted).toBe(0)
    expect(outcome.inline.rejected).toMatch(/HTTP 422/)
    const reviewPosts = h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'))
    // The review, the same comments after reading the file list, then one pending-review probe per comment.
    expect(reviewPosts.map((r) => [r.status, r.body.event ?? 'PENDING', (r.body.comments ?? []).length])).toEqual([
      [422, 'COMMENT', 2],
      [422, 'COMMENT', 2],
      [422, 'PENDING', 1],
      [422, 'PENDING', 1]
    ])
    expect(h.fake.reviews(PR)).toEqual([])
    expect(h.fake.reviewComments(PR)).toEqual([])
    const sticky = h.fake.issueComments(PR)[0]!.body
    expect(sticky).toContain('GitHub refused 2 inline comments')
    expect(sticky).toContain('`mesh/virtualservice.yaml:14-16`')
    expect(sticky).not.toContain('Unprocessable')
    expect(h.logs.some((l) => l.startsWith('warning: GitHub rejected'))).toBe(true)
    expect(h.fake.validationErrors).toEqual([])
  })

  it('a file without a patch among three (a checkout cannot know) costs only that file its inline comment', async () => {
    const three = { ...HEAD_CHANGES, 'mesh/third.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: third\n' }
    const h = await harness({}, pullFromStates(BASE_STATE, three, { dropPatch: [DR] }))
    // The diff as a checkout's git gives it: every file has its hunks.
    const full = pullFromStates(BASE_STATE, three)
    const { filesOf } = await import('../__fixtures__/report.js')
    const res = result({ findings: [retriesFinding(), drFinding(), finding({ file: 'mesh/third.yaml', line: 4, rule: 'third', severity: 'notice' })], changes: { source: 'git', baseRef: h.built.baseSha, headSha: h.built.headSha, files: filesOf(full) } })
    const outcome = await h.run(res)
    // One 422 (GitHub's view was unknowable), then the file list, then the two comments it allows.
    expect(h.fake.requests.filter((r) => r.status === 422)).toHaveLength(1)
    expect(outcome).toMatchObject({ inline: { posted: 2 }, fileListRead: true })
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`, 'mesh/third.yaml:4'])
    expect(h.fake.reviews(PR)).toHaveLength(1)
    const sticky = h.fake.issueComments(PR)[0]!.body
    expect(sticky).toContain('- `mesh/destinationrule.yaml:1` · [`api-version-deprecated`]')
    expect(sticky).toContain('_diff not available_')
  })

  it('a large file in a checkout: the file list is read before posting, so GitHub never answers 422', async () => {
    const big = Array.from({ length: 1200 }, (_, i) => `  k${i}: v${i}`).join('\n')
    const state = { ...HEAD_CHANGES, 'mesh/big.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${big}\n` }
    const h = await harness({}, pullFromStates(BASE_STATE, state))
    expect(h.built.files.find((f) => f.filename === 'mesh/big.yaml')!.patch).toBeUndefined()
    const { filesOf } = await import('../__fixtures__/report.js')
    const full = filesOf(pullFromStates(BASE_STATE, state, { largeDiffChanges: Infinity }))
    const res = result({ findings: [retriesFinding(), finding({ file: 'mesh/big.yaml', line: 7, rule: 'big' })], changes: { source: 'git', baseRef: h.built.baseSha, headSha: h.built.headSha, files: full } })
    const outcome = await h.run(res)
    expect(outcome).toMatchObject({ inline: { posted: 1 }, fileListRead: true })
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`])
    expect(h.fake.issueComments(PR)[0]!.body).toContain('- `mesh/big.yaml:7` · [`big`]')
    expectCleanTraffic(h)
  })

  it('a second 422 still posts the comments GitHub accepts, found with pending reviews that notify nobody', async () => {
    const h = await harness()
    const res = await h.analyse([apiVersionFinding(), retriesFinding(), drFinding()])
    // GitHub refuses a line its own patch shows: the file list does not explain it, so the run probes.
    h.fake.refuseLine(DR, 1)
    const outcome = await h.run(res)
    expect(outcome.inline).toMatchObject({ posted: 2, dropped: 1 })
    expect(h.fake.reviews(PR).map((r) => r.state)).toEqual(['COMMENTED'])
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`).sort()).toEqual([`${VS}:1`, `${VS}:16`])
    const posts = h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'))
    // The review, the retry after the file list, then probes: the half holding DR:1, and DR:1 alone.
    expect(posts.filter((r) => r.status === 422).length).toBe(4)
    expect(posts.at(-1)).toMatchObject({ status: 200, body: { event: 'COMMENT' } })
    const sticky = h.fake.issueComments(PR)[0]!.body
    expect(sticky).toContain('GitHub refused 1 inline comment')
    expect(sticky).toContain('- `mesh/destinationrule.yaml:1` · [`api-version-deprecated`]')
  })

  it('clears a stray pending review of its own ("one pending review per pull request") and posts', async () => {
    const h = await harness()
    const pending = await fetch(`${h.fake.url}/repos/octo/mesh/pulls/${PR}/reviews`, { method: 'POST', headers: { authorization: 'token bot-token', 'x-github-api-version': GITHUB_API_VERSION }, body: JSON.stringify({ body: 'draft' }) })
    expect(pending.status).toBe(200)
    const outcome = await h.run(await h.analyse([retriesFinding()]))
    expect(outcome.inline).toMatchObject({ posted: 1 })
    expect(h.fake.reviews(PR).map((r) => r.state)).toEqual(['COMMENTED'])
    expect(h.fake.requests.filter((r) => r.method === 'DELETE' && /\/reviews\/\d+$/.test(r.path))).toHaveLength(1)
  })

  it('three runs: no duplicates, outdated own comments deleted, human comments untouched', async () => {
    const h = await harness()
    const human = h.client('human-token')
    const run1 = await h.run(await h.analyse([apiVersionFinding(), retriesFinding(), drFinding()]))
    expect(run1.inline.posted).toBe(3)
    const ownIds = Object.fromEntries(h.fake.reviewComments(PR).map((c) => [`${c.path}:${c.line}`, c.id]))

    // A reviewer answers the apiVersion comment and leaves comments of their own, one mimicking our markers.
    // (Methods the action does not call go through octokit.request: its client defines only the ones it calls.)
    const reply = await human.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', { owner: 'octo', repo: 'mesh', pull_number: PR, comment_id: ownIds[`${VS}:1`]!, body: 'We will fix it.' })
    const own = await human.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', { owner: 'octo', repo: 'mesh', pull_number: PR, commit_id: h.built.headSha, path: DR, line: 2, side: 'RIGHT', body: 'nit\n<!-- istio-compat:fp=0123456789abcdef -->' })
    const humanSticky = await human.rest.issues.createComment({ owner: 'octo', repo: 'mesh', issue_number: PR, body: `${SUMMARY_MARKER}\nquoted by a human` })

    // Run 2: same head, same findings.
    const run2 = await h.run(await h.analyse([apiVersionFinding(), retriesFinding(), drFinding()]))
    expect(run2).toMatchObject({ inline: { posted: 0, kept: 3, removed: 0 }, summaryComment: { id: run1.summaryComment!.id, action: 'unchanged' } })
    expect(run2.reviewId).toBeUndefined()
    expect(run2.superseded).toBeUndefined()

    // Run 3: a push fixes the apiVersion and the DestinationRule.
    const fixed = pullFromStates(BASE_STATE, {
      ...HEAD_CHANGES,
      [VS]: HEAD_CHANGES[VS]!.replace('v1alpha3', 'v1'),
      [DR]: HEAD_CHANGES[DR]!.replace('v1beta1', 'v1')
    })
    h.fake.setPull(PR, fixed)
    const run3 = await h.run(await h.analyse([retriesFinding()]))
    expect(run3).toMatchObject({ inline: { posted: 0, kept: 1, removed: 1 }, summaryComment: { id: run1.summaryComment!.id, action: 'updated' }, superseded: 1 })

    const left = h.fake.reviewComments(PR)
    expect(left.map((c) => c.id).sort()).toEqual([ownIds[`${VS}:1`], ownIds[`${VS}:16`], reply.data.id, own.data.id].sort())
    expect(left.find((c) => c.id === own.data.id)!.body).toBe('nit\n<!-- istio-compat:fp=0123456789abcdef -->')
    // Deleted: exactly our DestinationRule comment. Never a write on anything of alice's. (Run 1 put the new
    // threads' links into its summary; run 3 updates it.)
    const writes = h.fake.requests.filter((r) => r.method === 'DELETE' || r.method === 'PATCH')
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/octo/mesh/issues/comments/${run1.summaryComment!.id}`,
      `PATCH /repos/octo/mesh/issues/comments/${run1.summaryComment!.id}`,
      `DELETE /repos/octo/mesh/pulls/comments/${ownIds[`${DR}:1`]}`
    ])
    // The review of run 1 now says it is superseded; it is edited once, not on every later run.
    const ours = h.fake.reviews(PR).filter((r) => r.user.login === 'github-actions[bot]')
    expect(ours[0]!.body).toMatch(/\*\*Superseded\*\* by a later run on `[0-9a-f]{7}`: ✅ ready for the upgrade to Istio 1\.28\./)
    const puts = h.fake.requests.filter((r) => r.method === 'PUT')
    expect(puts).toHaveLength(1)
    await h.run(await h.analyse([retriesFinding()]))
    expect(h.fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1)
    const issueComments = h.fake.issueComments(PR)
    expect(issueComments.map((c) => c.user.login)).toEqual(['github-actions[bot]', 'alice'])
    expect(issueComments[1]!.id).toBe(humanSticky.data.id)
    expect(issueComments[1]!.body).toBe(`${SUMMARY_MARKER}\nquoted by a human`)
    expect(h.fake.reviews(PR).filter((r) => r.user.login === 'github-actions[bot]')).toHaveLength(1)
    expectCleanTraffic(h)
  })

  it("another bot's comments carrying our markers survive three runs, and GET /user is never asked", async () => {
    const h = await harness()
    const other = h.client('other-bot-token')
    await h.run(await h.analyse([apiVersionFinding(), retriesFinding(), drFinding()]))
    const ours = h.fake.reviewComments(PR).find((c) => c.path === DR)!
    // The other bot copies our comment, fingerprint and all, and our sticky marker.
    const copy = await other.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', { owner: 'octo', repo: 'mesh', pull_number: PR, commit_id: h.built.headSha, path: DR, line: 1, side: 'RIGHT', body: ours.body })
    const sticky = await other.rest.issues.createComment({ owner: 'octo', repo: 'mesh', issue_number: PR, body: `${SUMMARY_MARKER}\nnot istio-compat` })
    await h.run(await h.analyse([apiVersionFinding(), retriesFinding(), drFinding()]))
    // Run 3 on a push that fixes the DestinationRule: our copy goes, theirs stays.
    h.fake.setPull(PR, pullFromStates(BASE_STATE, { ...HEAD_CHANGES, [DR]: HEAD_CHANGES[DR]!.replace('v1beta1', 'v1') }))
    const run3 = await h.run(await h.analyse([apiVersionFinding(), retriesFinding()]))
    expect(run3.inline.removed).toBe(1)
    expect(h.fake.reviewComments(PR).some((c) => c.id === ours.id)).toBe(false)
    expect(h.fake.reviewComments(PR).find((c) => c.id === copy.data.id)?.body).toBe(ours.body)
    expect(h.fake.issueComments(PR).find((c) => c.id === sticky.data.id)?.body).toBe(`${SUMMARY_MARKER}\nnot istio-compat`)
    const touched = h.fake.requests.filter((r) => r.method !== 'GET' && r.login === 'github-actions[bot]' && (r.path.endsWith(`/${copy.data.id}`) || r.path.endsWith(`/${sticky.data.id}`)))
    expect(touched).toEqual([])
    expect(h.fake.issueComments(PR).filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1)
    expect(h.fake.requests.filter((r) => r.path === '/user' && r.login === 'github-actions[bot]')).toEqual([])
    expectCleanTraffic(h)
  })

  it('identifies itself through GET /user when the token allows it (PAT)', async () => {
    const h = await harness()
    await h.run(await h.analyse([retriesFinding()]), { octokit: h.client('pat-token') })
    expect(h.fake.reviewComments(PR)[0]!.user.login).toBe('mesh-bot')
    const again = await h.run(await h.analyse([retriesFinding()]), { octokit: h.client('pat-token') })
    expect(again.inline).toMatchObject({ posted: 0, kept: 1 })
    expect(again.summaryComment?.action).toBe('unchanged')
  })

  it('a GITHUB_TOKEN never asks who it is (GET /user, GraphQL viewer): its comments are github-actions[bot]\'s; 6 requests on a first run', async () => {
    const h = await harness()
    const whoami = () => h.fake.requests.filter((r) => r.path === '/user' || r.path === '/graphql').length
    const routes = () => h.fake.requests.map((r) => `${r.method} ${r.path.replace(/\/repos\/octo\/mesh/, '')}`).filter((r) => !r.includes('/files'))
    await h.run(await h.analyse([retriesFinding()]), { tokenKind: 'installation' })
    expect(whoami()).toBe(0)
    // The summary first, so the review body can link it; then the review's comments, whose thread addresses
    // go into the summary.
    const review = h.fake.reviews(PR)[0]!
    const sticky = h.fake.issueComments(PR)[0]!
    expect(routes()).toEqual([
      'GET /pulls/7/comments',
      'GET /issues/7/comments',
      'POST /issues/7/comments',
      'POST /pulls/7/reviews',
      `GET /pulls/7/reviews/${review.id}/comments`,
      `PATCH /issues/comments/${sticky.id}`
    ])
    await h.run(await h.analyse([retriesFinding()]), { tokenKind: 'installation' })
    expect(whoami()).toBe(0)
    expect(h.fake.reviews(PR)).toHaveLength(1)
    expect(h.fake.issueComments(PR)).toHaveLength(1)
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`])
  })

  it('a re-run that posts a new comment writes the review first, then the summary once (it knows the summary address)', async () => {
    const h = await harness()
    await h.run(await h.analyse([retriesFinding()]), { tokenKind: 'installation' })
    const sticky = h.fake.issueComments(PR)[0]!
    const from = h.fake.requests.length
    const run2 = await h.run(await h.analyse([retriesFinding(), apiVersionFinding()]), { tokenKind: 'installation' })
    expect(run2.inline).toMatchObject({ posted: 1, kept: 1 })
    const routes = h.fake.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/\/repos\/octo\/mesh/, '')}`).filter((r) => !r.includes('/files'))
    expect(routes).toEqual([
      'GET /pulls/7/comments',
      'GET /issues/7/comments',
      'POST /pulls/7/reviews',
      `GET /pulls/7/reviews/${run2.reviewId}/comments`,
      `PATCH /issues/comments/${sticky.id}`,
      expect.stringMatching(/^PUT \/pulls\/7\/reviews\/\d+$/)
    ])
    const review = h.fake.reviews(PR).find((r) => r.id === run2.reviewId)!
    expect(review.body).toContain(`(${sticky.html_url})`)
    const [apiVersion, retries] = [h.fake.reviewComments(PR).find((c) => c.line === 1)!, h.fake.reviewComments(PR).find((c) => c.line === 16)!]
    expect(h.fake.issueComments(PR)[0]!.body).toContain(`[\`${VS}:1\`](${apiVersion.html_url})`)
    expect(h.fake.issueComments(PR)[0]!.body).toContain(`[\`${VS}:14-16\`](${retries.html_url})`)
  })
})

describe('publish: identity with a GitHub App installation token', () => {
  const APP = 'app-token'
  const appRun = (h: Harness, findings: Finding[], extra: Partial<PublishOptions> = {}) => h.analyse(findings).then((res) => h.run(res, { octokit: h.client(APP), tokenKind: 'installation', ...extra }))
  const ask = (h: Harness) => h.fake.requests.filter((r) => r.path === '/graphql' || r.path === '/user').map((r) => `${r.method} ${r.path} ${r.status}`)

  it('first run + re-run: one summary, no duplicate inline comments; the re-run asks GraphQL viewer once, never GET /user', async () => {
    const h = await harness()
    const run1 = await appRun(h, [drFinding(), retriesFinding()])
    expect(run1).toMatchObject({ channel: 'review', inline: { posted: 2 }, summaryComment: { action: 'created' } })
    // The first run had nothing to recognise: no question.
    expect(ask(h)).toEqual([])
    expect(h.fake.reviewComments(PR).map((c) => `${c.user.login} ${c.path}:${c.line}`)).toEqual([`mesh-checks[bot] ${DR}:1`, `mesh-checks[bot] ${VS}:16`])
    const run2 = await appRun(h, [drFinding(), retriesFinding()])
    expect(run2).toMatchObject({ inline: { posted: 0, kept: 2, removed: 0 }, summaryComment: { id: run1.summaryComment!.id, action: 'unchanged' } })
    expect(run2.reviewId).toBeUndefined()
    expect(ask(h)).toEqual(['POST /graphql 200'])
    expect(h.fake.issueComments(PR).filter((c) => c.body.startsWith(SUMMARY_MARKER)).map((c) => c.user.login)).toEqual(['mesh-checks[bot]'])
    expect(h.fake.reviewComments(PR)).toHaveLength(2)
    expect(h.fake.reviews(PR)).toHaveLength(1)
    // A third run after a push that fixes the DestinationRule: our comment on it goes, the one on line 16 stays.
    h.fake.setPull(PR, pullFromStates(BASE_STATE, { ...HEAD_CHANGES, [DR]: HEAD_CHANGES[DR]!.replace('v1beta1', 'v1') }))
    const run3 = await appRun(h, [retriesFinding()])
    expect(run3).toMatchObject({ inline: { posted: 0, kept: 1, removed: 1 }, summaryComment: { id: run1.summaryComment!.id, action: 'updated' } })
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`])
    expectCleanTraffic(h)
  })

  it("another bot carrying our markers is still not us: its copies stay, ours are recognised", async () => {
    const h = await harness()
    await appRun(h, [drFinding(), retriesFinding()])
    const ours = h.fake.reviewComments(PR).find((c) => c.path === DR)!
    const other = h.client('other-bot-token')
    const copy = await other.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', { owner: 'octo', repo: 'mesh', pull_number: PR, commit_id: h.built.headSha, path: DR, line: 1, side: 'RIGHT', body: ours.body })
    const sticky = await other.rest.issues.createComment({ owner: 'octo', repo: 'mesh', issue_number: PR, body: `${SUMMARY_MARKER}\nnot istio-compat` })
    const human = h.client('human-token')
    await human.rest.issues.createComment({ owner: 'octo', repo: 'mesh', issue_number: PR, body: `${SUMMARY_MARKER}\nquoted by a person` })
    h.fake.setPull(PR, pullFromStates(BASE_STATE, { ...HEAD_CHANGES, [DR]: HEAD_CHANGES[DR]!.replace('v1beta1', 'v1') }))
    const run2 = await appRun(h, [retriesFinding()])
    expect(run2.inline).toMatchObject({ posted: 0, kept: 1, removed: 1 })
    expect(h.fake.reviewComments(PR).find((c) => c.id === copy.data.id)).toMatchObject({ path: DR, line: 1, body: ours.body, user: { login: 'renovate[bot]' } })
    expect(h.fake.reviewComments(PR).some((c) => c.id === ours.id)).toBe(false)
    expect(h.fake.issueComments(PR).find((c) => c.id === sticky.data.id)?.body).toBe(`${SUMMARY_MARKER}\nnot istio-compat`)
    // Nothing of the other bot's or the person's was written to; our one summary was updated.
    const foreign = new Set([copy.data.id, sticky.data.id])
    expect(h.fake.requests.filter((r) => r.method !== 'GET' && [...foreign].some((id) => r.path.endsWith(`/${id}`)))).toEqual([])
    expect(h.fake.issueComments(PR).filter((c) => c.user.login === 'mesh-checks[bot]')).toHaveLength(1)
    expect(ask(h)).toEqual(['POST /graphql 200'])
    expectCleanTraffic(h)
  })

  it('a viewer login without the [bot] suffix still names our bot', async () => {
    const h = await harness({ tokens: { 'app-token': { login: 'mesh-checks[bot]', type: 'Bot', installation: true, viewerLogin: 'mesh-checks' } } })
    await appRun(h, [retriesFinding()])
    const run2 = await appRun(h, [retriesFinding()])
    expect(run2).toMatchObject({ inline: { posted: 0, kept: 1 }, summaryComment: { action: 'unchanged' } })
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`])
    expect(h.fake.issueComments(PR)).toHaveLength(1)
  })

  it('the app-slug input names our bot up front: no question at all', async () => {
    const h = await harness()
    await appRun(h, [retriesFinding()], { login: 'mesh-checks[bot]' })
    const run2 = await appRun(h, [retriesFinding(), apiVersionFinding()], { login: 'mesh-checks[bot]' })
    expect(run2.inline).toMatchObject({ posted: 1, kept: 1 })
    expect(ask(h)).toEqual([])
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`, `${VS}:1`])
    expect(h.fake.issueComments(PR)).toHaveLength(1)
  })

  it('when GitHub does not answer who we are, the run goes on, warns once, and touches no other bot\'s comment', async () => {
    const h = await harness()
    await appRun(h, [retriesFinding()])
    h.fake.failNext({ path: '/graphql', status: 403 })
    const run2 = await appRun(h, [retriesFinding()])
    expect(run2.channel).toBe('review')
    expect(h.logs.filter((l) => l.includes('set the app-slug input'))).toHaveLength(1)
    // Not knowing, it could not recognise its own comments: the earlier ones are left alone, never deleted.
    expect(h.fake.reviewComments(PR).filter((c) => c.path === VS && c.line === 16).map((c) => c.user.login)).toEqual(['mesh-checks[bot]', 'mesh-checks[bot]'])
    expect(h.fake.requests.filter((r) => r.method === 'DELETE')).toEqual([])
  })

  it('GitHub Enterprise Server: GraphQL is asked at /api/graphql, next to the /api/v3 REST root', async () => {
    const h = await harness({ prefix: '/api/v3' })
    await appRun(h, [retriesFinding()])
    const run2 = await appRun(h, [retriesFinding()])
    expect(run2).toMatchObject({ inline: { posted: 0, kept: 1 }, summaryComment: { action: 'unchanged' } })
    // The fake answers GraphQL only at /api/graphql: a 200 means the client found it there.
    expect(ask(h)).toEqual(['POST /graphql 200'])
    expect(h.fake.reviewComments(PR).map((c) => `${c.path}:${c.line}`)).toEqual([`${VS}:16`])
    expect(h.fake.issueComments(PR)).toHaveLength(1)
    expectCleanTraffic(h)
  })

  it('a first run learns its login from the comment it creates: a 422 that rewrites the summary finds it, no second summary', async () => {
    // The head moves after the analysis: GitHub refuses the review, the summary is rewritten.
    const h = await harness()
    const res = await h.analyse([apiVersionFinding(), retriesFinding()])
    h.fake.setPull(PR, pullFromStates(BASE_STATE, { ...HEAD_CHANGES, [VS]: HEAD_CHANGES[VS]!.replace('v1alpha3', 'v1').replace(/retries:/, 'retries:\n      # moved') }))
    const outcome = await h.run(res, { octokit: h.client(APP), tokenKind: 'installation' })
    expect(outcome.inline.rejected).toMatch(/HTTP 422/)
    expect(outcome.summaryComment?.action).toBe('created')
    expect(h.fake.issueComments(PR).map((c) => c.user.login)).toEqual(['mesh-checks[bot]'])
    expect(ask(h)).toEqual([])
  })
})

describe('publish: thread links', () => {
  it('the summary links each new inline comment to its thread (html_url), and a re-run keeps the same links without a write', async () => {
    const h = await harness()
    const links = { serverUrl: new URL(h.fake.url).origin }
    const run1 = await h.run(await h.analyse([apiVersionFinding(), drFinding(), offDiffFinding()]), { links })
    const byLine = (path: string, line: number) => h.fake.reviewComments(PR).find((c) => c.path === path && c.line === line)!
    const vs = byLine(VS, 1)
    const dr = byLine(DR, 1)
    expect(vs.html_url).toMatch(/\/pull\/7#discussion_r\d+$/)
    const sticky = () => h.fake.issueComments(PR)[0]!.body
    expect(sticky()).toContain(`[\`${VS}:1\`](${vs.html_url}) 💬`)
    expect(sticky()).toContain(`[\`${DR}:1\`](${dr.html_url}) 💬`)
    expect(sticky()).not.toContain('/files#diff-')
    // The finding outside the diff keeps its permalink to the head line.
    expect(sticky()).toContain(`[\`${VS}:7\`](`)
    expect(sticky()).toMatch(new RegExp(`\\[\`${VS.replace(/\./g, '\\.')}:7\`\\]\\([^)]*/blob/${h.built.headSha}/`))
    expect(h.stepSummaries.at(-1)).toContain(`(${vs.html_url})`)
    expect(run1.summaryComment?.action).toBe('created')

    const writes = () => h.fake.requests.filter((r) => r.method !== 'GET').length
    const before = writes()
    const run2 = await h.run(await h.analyse([apiVersionFinding(), drFinding(), offDiffFinding()]), { links })
    expect(run2).toMatchObject({ inline: { posted: 0, kept: 2 }, summaryComment: { action: 'unchanged' } })
    expect(writes()).toBe(before)
    expect(h.stepSummaries.at(-1)).toContain(`(${dr.html_url})`)
  })

  it("when the review's comments cannot be read, the summary keeps the Files-changed links and the run goes on", async () => {
    const h = await harness()
    h.fake.failNext({ method: 'GET', path: /\/reviews\/\d+\/comments$/, status: 404 })
    const run = await h.run(await h.analyse([apiVersionFinding()]), { links: { serverUrl: new URL(h.fake.url).origin } })
    expect(run).toMatchObject({ channel: 'review', inline: { posted: 1 }, summaryComment: { action: 'created' } })
    expect(h.fake.issueComments(PR)[0]!.body).toMatch(new RegExp(`\\[\`${VS.replace(/\./g, '\\.')}:1\`\\]\\([^)]*/pull/7/files#diff-[0-9a-f]{64}R1\\)`))
    expect(h.logs.some((l) => l.includes("Could not read the new review's comments"))).toBe(true)
  })
})

describe('publish: fallbacks', () => {
  it('403 from a read-only token (fork PR): annotations + step summary, and the gate still fails', async () => {
    const h = await harness()
    const findings = [apiVersionFinding(), retriesFinding(), offDiffFinding()]
    const outcome = await h.run(await h.analyse(findings), { octokit: h.client('fork-token') })
    expect(outcome.channel).toBe('annotations')
    expect(outcome.fallback).toMatch(/HTTP 403.*Resource not accessible by integration/)
    expect(outcome.annotations).toBe(3)
    expect(h.commands).toEqual([
      expect.stringMatching(/^::error file=mesh\/virtualservice\.yaml,line=1,title=istio-compat api-version-removed::networking\.istio\.io\/v1alpha3 is not served/),
      expect.stringMatching(/^::warning file=mesh\/virtualservice\.yaml,line=14,endLine=16,title=istio-compat retry-policy-default::/),
      expect.stringMatching(/^::notice file=mesh\/virtualservice\.yaml,line=7,title=istio-compat hosts-short-name::/)
    ])
    expect(h.stepSummaries).toHaveLength(1)
    expect(h.stepSummaries[0]).toContain('GitHub refused to write to the pull request')
    expect(h.stepSummaries[0]).toContain('`mesh/virtualservice.yaml:7`')
    // Off the diff or not, each finding carries its context in the step summary: fix and YAML lines.
    expect(h.stepSummaries[0]).toContain('**Fix:** Use `networking.istio.io/v1`.')
    expect(h.stepSummaries[0]).toContain('1 ▶ apiVersion: networking.istio.io/v1alpha3')
    expect(h.fake.reviewComments(PR)).toEqual([])
    expect(h.fake.issueComments(PR)).toEqual([])
    expect(gate(findings, 'error').exitCode).toBe(1)
    expect(h.logs.join('\n')).not.toContain('fork-token')
  })

  it('readOnly (fork detected from the event): no write is even tried; the cap leaves a slot for the gate\'s own error', async () => {
    const h = await harness()
    const many = Array.from({ length: 13 }, (_, i) => finding({ file: DR, line: (i % 10) + 1, rule: `rule-${i}` }))
    const before = h.fake.requests.length
    const outcome = await h.run(await h.analyse(many), { readOnly: true, gateFails: true })
    expect(h.fake.requests.slice(before + 1).filter((r) => r.method !== 'GET')).toEqual([])
    // GitHub keeps the first ten errors of a step; core.setFailed's ::error:: comes last and must be one of them.
    expect(outcome).toMatchObject({ channel: 'annotations', annotations: 9 })
    expect(h.commands.every((c) => c.startsWith('::error file=mesh/destinationrule.yaml,line='))).toBe(true)
    expect(h.stepSummaries[0]).toContain('4 more findings are not annotated and only listed in this summary')
    expect(h.stepSummaries[0]!.split('\n').filter((l) => l.startsWith('- `mesh/destinationrule.yaml:'))).toHaveLength(13)
    const without = await h.run(await h.analyse(many), { readOnly: true, gateFails: false })
    expect(without.annotations).toBe(10)
  })

  it('summary mode: one sticky comment with every finding, no review', async () => {
    const h = await harness()
    const outcome = await h.run(await h.analyse([apiVersionFinding(), offDiffFinding()]), { mode: 'summary' })
    expect(outcome).toMatchObject({ channel: 'summary', summaryComment: { action: 'created' } })
    expect(h.fake.requests.filter((r) => r.path.includes('/reviews') || r.path.includes('/pulls/7/comments'))).toEqual([])
    const body = h.fake.issueComments(PR)[0]!.body
    expect(body).toContain('#### 🛑 1 error\n\n- `mesh/virtualservice.yaml:1` · VirtualService `bookinfo/reviews` · [`api-version-removed`]')
    expect(body).toContain('<details><summary>ℹ️ 1 notice</summary>\n\n- `mesh/virtualservice.yaml:7` · [`hosts-short-name`]')
  })

  it('off mode and runs without a pull request touch no API', async () => {
    const h = await harness()
    const res = await h.analyse([apiVersionFinding()])
    const before = h.fake.requests.length
    expect((await h.run(res, { mode: 'off' })).channel).toBe('annotations')
    // merge_group and push runs have no pull request number.
    const outcome = await publish(res, { mode: 'review', suggestions: true, owner: 'octo', repo: 'mesh', octokit: h.client(), headText: () => undefined, log: { info: () => {}, warning: () => {} }, workflow: { command: (l) => void h.commands.push(l), stepSummary: () => true } })
    expect(outcome.fallback).toMatch(/not for a pull request/)
    expect(h.fake.requests.length).toBe(before)
    expect(h.commands.filter((c) => c.startsWith('::error file=mesh/virtualservice.yaml,line=1,'))).toHaveLength(2)
  })

  it('a clean PR without an earlier summary gets no comment', async () => {
    const h = await harness()
    const outcome = await h.run(await h.analyse([]))
    expect(outcome.summaryComment).toBeUndefined()
    expect(h.fake.issueComments(PR)).toEqual([])
    expect(h.fake.reviews(PR)).toEqual([])
  })
})

describe('publish: transient failures', () => {
  it('retries a 502 on createReview and posts exactly one review', async () => {
    const h = await harness()
    h.fake.failNext({ method: 'POST', path: /\/reviews$/, status: 502 })
    const outcome = await h.run(await h.analyse([retriesFinding()]))
    expect(outcome.inline.posted).toBe(1)
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews')).map((r) => r.status)).toEqual([502, 200])
    expect(h.fake.reviews(PR)).toHaveLength(1)
  })

  it('does not post the review again when GitHub created it before answering 502', async () => {
    const h = await harness()
    h.fake.failNext({ method: 'POST', path: /\/reviews$/, status: 502, after: true })
    const outcome = await h.run(await h.analyse([retriesFinding()]))
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews')).map((r) => r.status)).toEqual([502])
    expect(h.fake.reviews(PR)).toHaveLength(1)
    expect(h.fake.reviewComments(PR)).toHaveLength(1)
    expect(outcome.reviewId).toBe(h.fake.reviews(PR)[0].id)
    expect(outcome.inline.posted).toBe(1)
    expect(outcome.channel).toBe('review')
    expect(h.logs.some((l) => /had created it; not sending it again/.test(l))).toBe(true)
  })

  it('does not post the summary comment twice when GitHub created it before answering 502', async () => {
    const h = await harness()
    h.fake.failNext({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, after: true })
    const outcome = await h.run(await h.analyse([retriesFinding()]))
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments')).map((r) => r.status)).toEqual([502])
    expect(h.fake.issueComments(PR)).toHaveLength(1)
    expect(outcome.summaryComment).toEqual({ id: h.fake.issueComments(PR)[0].id, action: 'created' })
  })

  it('sends the summary comment again when a 502 came before anything was created, and gives up after the retries', async () => {
    const h = await harness()
    h.fake.failNext({ method: 'POST', path: /\/issues\/7\/comments$/, status: 503 })
    expect((await h.run(await h.analyse([retriesFinding()]))).summaryComment?.action).toBe('created')
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments')).map((r) => r.status)).toEqual([503, 201])
    expect(h.fake.issueComments(PR)).toHaveLength(1)

    // A server that keeps failing: 1 + 3 attempts, then the findings go to annotations.
    const g = await harness()
    g.fake.failNext({ method: 'POST', path: /\/issues\/7\/comments$/, status: 500, times: 10 })
    const outcome = await g.run(await g.analyse([retriesFinding()]))
    expect(g.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments'))).toHaveLength(4)
    expect(g.fake.issueComments(PR)).toEqual([])
    expect(outcome.channel).toBe('annotations')
    expect(outcome.fallback).toMatch(/HTTP 500/)
  })

  it('waits out a secondary rate limit (403 + retry-after) on the sticky comment', async () => {
    const h = await harness()
    h.fake.failNext({ method: 'POST', path: /\/issues\/7\/comments$/, status: 'secondary', retryAfter: 1 })
    const outcome = await h.run(await h.analyse([retriesFinding()]))
    expect(outcome.summaryComment?.action).toBe('created')
    expect(h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments')).map((r) => r.status)).toEqual([403, 201])
    expect(h.fake.issueComments(PR)).toHaveLength(1)
    expect(h.logs.some((l) => /secondary rate limit/.test(l))).toBe(true)
  })

  it('waits out a primary rate limit (429, x-ratelimit-remaining: 0) on a read', async () => {
    const h = await harness()
    h.fake.failNext({ method: 'GET', path: /\/pulls\/7\/comments$/, status: 429, retryAfter: 1 })
    const outcome = await h.run(await h.analyse([retriesFinding()]))
    expect(outcome.channel).toBe('review')
    const reads = h.fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pulls/7/comments')).map((r) => r.status)
    expect(reads[0]).toBe(429)
    expect(reads.at(-1)).toBe(200)
    expect(h.fake.reviews(PR)).toHaveLength(1)
  })
})

describe('GitHub API reads and GHES', () => {
  it('paginates pulls.listFiles over 250 files (100 per page, Link headers) and comments on file 240', async () => {
    const base: Record<string, string> = {}
    const head: Record<string, string> = {}
    for (let i = 0; i < 250; i++) {
      const name = `apps/app-${String(i).padStart(3, '0')}.yaml`
      base[name] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i}\ndata:\n  a: "1"\n`
      head[name] = base[name]!.replace('a: "1"', 'a: "2"')
    }
    const h = await harness({}, pullFromStates(base, head))
    const files = await listPullFiles(h.client(), { owner: 'octo', repo: 'mesh', pullNumber: PR })
    expect(files).toHaveLength(250)
    expect(files[239]).toMatchObject({ path: 'apps/app-239.yaml', status: 'modified' })
    expect([...files[239]!.addedLines]).toEqual([6])
    const pages = h.fake.requests.filter((r) => r.path.endsWith('/pulls/7/files'))
    expect(pages.map((r) => [r.query['page'] ?? '1', r.query['per_page']])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100']
    ])
    const outcome = await h.run(result({ findings: [finding({ file: 'apps/app-239.yaml', line: 6 })], changes: { source: 'github', headSha: h.built.headSha, files } }))
    expect(outcome.inline.posted).toBe(1)
    expect(h.fake.reviewComments(PR)[0]).toMatchObject({ path: 'apps/app-239.yaml', line: 6 })
    expectCleanTraffic(h)
  })

  it('marks files whose patch GitHub left out, and keeps their findings in the summary', async () => {
    const h = await harness({}, pullFromStates(BASE_STATE, HEAD_CHANGES, { dropPatch: [VS] }))
    const res = await h.analyse([retriesFinding()])
    expect(res.changes.files.find((f) => f.path === VS)).toMatchObject({ patchMissing: true })
    const outcome = await h.run(res)
    expect(outcome.inline.posted).toBe(0)
    expect(h.fake.issueComments(PR)[0]!.body).toContain('· _diff not available_')
    expect(h.fake.requests.filter((r) => r.path.endsWith('/reviews'))).toEqual([])
  })

  it('GitHub Enterprise Server: the base URL comes from GITHUB_API_URL, /api/v3 prefix, GHES OpenAPI description', async () => {
    const h = await harness({ prefix: '/api/v3' })
    expect(h.fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    expect(apiBaseUrl({ GITHUB_API_URL: `${h.fake.url}/` })).toBe(h.fake.url)
    const saved = process.env['GITHUB_API_URL']
    process.env['GITHUB_API_URL'] = h.fake.url
    try {
      const octokit = createGitHubClient({ token: 'bot-token', pacing: { writeMs: 0, notificationMs: 0 }, retryUnitMs: 5, maskToken: false })
      const outcome = await h.run(await h.analyse([retriesFinding(), offDiffFinding()]), { octokit })
      expect(outcome).toMatchObject({ channel: 'review', inline: { posted: 1 }, summaryComment: { action: 'created' } })
    } finally {
      if (saved === undefined) delete process.env['GITHUB_API_URL']
      else process.env['GITHUB_API_URL'] = saved
    }
    expect(h.fake.requests.length).toBeGreaterThan(4)
    expect(h.fake.requests.every((r) => r.status !== 404)).toBe(true)
    expectCleanTraffic(h)
  })
})
