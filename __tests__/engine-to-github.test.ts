// The real engine on the bundled example, published to the fake GitHub: git and GitHub agree on the diff,
// nothing off-diff is sent, and every suggestion GitHub would apply leaves valid YAML.
import { loadAll } from 'js-yaml'
import { join } from 'node:path'
import { gitChangeSet } from '../src/changes/git.js'
import { gitSnapshot } from '../src/changes/snapshots.js'
import { createGitHubClient } from '../src/github/client.js'
import { listPullFiles } from '../src/github/pulls.js'
import { DEFAULT_PATTERNS, runAnalysis } from '../src/pipeline.js'
import { publish } from '../src/report/publish.js'
import { textLines } from '../src/report/suggestion.js'
import { diffLines, pullFromStates, readTree, startFakeGitHub } from '../scripts/fake-github.mjs'
import { makeExampleRepo, type TempRepo } from './support/gitrepo.js'

let repo: TempRepo
afterAll(() => repo?.cleanup())

it('publishes the example PR: inline where GitHub allows, a working suggestion, the rest in the summary', async () => {
  repo = makeExampleRepo(process.cwd())
  const changes = gitChangeSet(repo.dir, repo.baseSha, repo.headSha)
  const result = await runAnalysis(
    { changes, head: gitSnapshot(repo.dir, repo.headSha), base: gitSnapshot(repo.dir, changes.baseRef as string) },
    { target: 'auto', from: 'auto', paths: DEFAULT_PATTERNS }
  )
  const typo = result.findings.find((f) => f.file === 'apps/shop/telemetry.yaml')
  expect(typo).toMatchObject({ line: 10, rule: 'unknown-field', fix: { edits: [{ startLine: 10, endLine: 10 }] } })

  // The same PR on the fake GitHub, built from the same two trees.
  const base = readTree(join(process.cwd(), 'examples/gitops/base'))
  const headTree = readTree(join(process.cwd(), 'examples/gitops/head'))
  const head: Record<string, string | null> = { ...headTree }
  for (const path of Object.keys(base)) if (!(path in headTree)) head[path] = null
  const built = pullFromStates(base, head)
  const fake = await startFakeGitHub()
  try {
    fake.setPull(3, built)
    const octokit = createGitHubClient({ token: 'bot-token', baseUrl: fake.url, pacing: { writeMs: 0, notificationMs: 0 }, retryUnitMs: 5, maskToken: false })
    const fromGitHub = await listPullFiles(octokit, { owner: 'octo', repo: 'mesh', pullNumber: 3 })
    // git (the action's source) and pulls.listFiles (the API's) give the same commentable lines.
    const lines = (files: typeof fromGitHub) => Object.fromEntries(files.map((f) => [f.path, [...f.commentableLines.entries()]]))
    expect(lines(fromGitHub)).toEqual(lines(changes.files))

    const logs: string[] = []
    const outcome = await publish(
      { ...result, changes: { ...result.changes, headSha: built.headSha } },
      {
        mode: 'review',
        suggestions: true,
        owner: 'octo',
        repo: 'mesh',
        pullNumber: 3,
        octokit,
        headText: (p) => built.headText[p],
        log: { info: (m) => void logs.push(m), warning: (m) => void logs.push(m) },
        workflow: { command: () => {}, stepSummary: () => true }
      }
    )
    expect(outcome.channel).toBe('review')
    expect(fake.validationErrors).toEqual([])
    // GET /user is refused to GITHUB_TOKEN (403) and only tells us who we are; nothing else may fail.
    expect(fake.requests.filter((r) => r.status >= 400 && r.path !== '/user')).toEqual([])

    const comments = fake.reviewComments(3)
    for (const c of comments) {
      const { right } = diffLines(built.files.find((f) => f.filename === c.path)!.patch!)
      expect([c.path, c.line, right.has(c.line!)]).toEqual([c.path, c.line, true])
    }
    const suggested = comments.find((c) => c.path === 'apps/shop/telemetry.yaml' && c.line === 10)!
    const block = /```suggestion\n([\s\S]*?)\n```/.exec(suggested.body)![1]!
    const fixed = textLines(built.headText['apps/shop/telemetry.yaml']!)
    fixed.splice(9, 1, ...block.split('\n'))
    const [telemetry] = loadAll(fixed.join('\n')) as { spec: { tracing: { randomSamplingPercentage: number }[] } }[]
    expect(telemetry!.spec.tracing[0]!.randomSamplingPercentage).toBe(10)

    // Whatever could not be inline is in the sticky summary with its place.
    const summary = fake.issueComments(3)[0]!.body
    const inline = new Set(comments.map((c) => `${c.path}:${c.line}`))
    for (const f of result.findings.filter((x) => !x.suppressed && !inline.has(`${x.file}:${x.endLine ?? x.line}`) && !inline.has(`${x.file}:${x.line}`))) {
      expect(summary).toContain(`\`${f.file}:${f.line}`)
    }
  } finally {
    await fake.close()
  }
})
