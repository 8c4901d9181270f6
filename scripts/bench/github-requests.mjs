// GitHub API requests per PR size and finding count, counted on the local fake server (scripts/fake-github.mjs),
// against the minimum: ceil(files/100) list calls + 1 review + at most 1 summary upsert.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const PR_FILES = [10, 300, 3000]
export const FINDINGS = [0, 40, 200]

export const minimumRequests = (files) => Math.ceil(files / 100) + 1 + 1

/** What the section needs from branch `github`; until it is merged the section says what is missing. */
const NEEDED = ['scripts/fake-github.mjs', 'src/report/publish.ts', 'src/github/client.ts', 'src/github/pulls.ts']

const OWNER = 'octo'
const REPO = 'mesh'
const FILE_LINES = 20

/** One added manifest of FILE_LINES lines, so every line is commentable. */
function fileText(i) {
  const lines = ['apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata:', `  name: web-${i}`, '  namespace: shop', 'spec:', '  hosts:', `  - web-${i}.shop.svc.cluster.local`, '  http:', '  - route:', '    - destination:', `        host: web-${i}.shop.svc.cluster.local`, '        subset: v1', '      weight: 90', '    - destination:', `        host: web-${i}.shop.svc.cluster.local`, '        subset: v2', '      weight: 10', '    timeout: 5s', '    retries: {attempts: 3}']
  return lines.slice(0, FILE_LINES).join('\n') + '\n'
}

/** A PR of `count` added files, as pulls.listFiles returns it (built directly: git is not what is measured). */
function builtPull(count) {
  const headText = {}
  const files = []
  for (let i = 0; i < count; i++) {
    const filename = `apps/team-${i % 17}/vs-${i}.yaml`
    const text = fileText(i)
    headText[filename] = text
    const body = text.replace(/\n$/, '').split('\n')
    files.push({
      sha: i.toString(16).padStart(40, '0'),
      filename,
      status: 'added',
      additions: body.length,
      deletions: 0,
      changes: body.length,
      blob_url: `https://github.example/${OWNER}/${REPO}/blob/head/${filename}`,
      raw_url: `https://github.example/${OWNER}/${REPO}/raw/head/${filename}`,
      contents_url: `https://api.github.example/repos/${OWNER}/${REPO}/contents/${filename}`,
      patch: `@@ -0,0 +1,${body.length} @@\n${body.map((l) => `+${l}`).join('\n')}`
    })
  }
  return { baseSha: 'b'.repeat(40), headSha: 'a'.repeat(40), files, headText }
}

/** `count` findings spread over the files, each on its own added line. */
function findingsFor(files, count) {
  return Array.from({ length: count }, (_, i) => ({
    rule: `bench-rule-${i % 5}`,
    severity: ['error', 'warning', 'notice'][i % 3],
    message: `Synthetic finding ${i} for the request-count benchmark.`,
    file: files[i % files.length].path,
    line: 1 + (Math.floor(i / files.length) % FILE_LINES),
    resource: { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', name: `web-${i % files.length}` },
    path: 'spec.http[0].timeout'
  }))
}

/** A short name for a recorded request: method and route with ids taken out. */
function routeOf(r) {
  const p = r.path.replace(/\/repos\/[^/]+\/[^/]+/, '').replace(/\/\d+/g, '/:n')
  const names = {
    'GET /pulls/:n/files': 'list files',
    'GET /user': 'whoami',
    'GET /pulls/:n': 'get pull',
    'GET /pulls/:n/comments': 'list review comments',
    'GET /pulls/:n/reviews': 'list reviews',
    'GET /issues/:n/comments': 'list issue comments',
    'POST /pulls/:n/reviews': 'create review',
    'POST /issues/:n/comments': 'create comment',
    'PATCH /issues/comments/:n': 'update comment',
    'DELETE /issues/comments/:n': 'delete comment',
    'DELETE /pulls/comments/:n': 'delete review comment'
  }
  const key = `${r.method} ${p}`
  return names[key] ?? key
}

function breakdown(requests) {
  const counts = new Map()
  for (const r of requests) counts.set(routeOf(r), (counts.get(routeOf(r)) ?? 0) + 1)
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ')
}

/** The action's API work for one run: list the PR's files, then publish the findings (review + sticky summary). */
async function oneRun(gh, fake, pullNumber, findingCount, target) {
  const before = fake.requests.length
  const octokit = gh.createGitHubClient({ token: 'bot-token', baseUrl: fake.url, pacing: { writeMs: 0, notificationMs: 0 }, retries: 0, maskToken: false })
  const pull = { owner: OWNER, repo: REPO, pullNumber }
  const files = await gh.listPullFiles(octokit, pull)
  const headSha = fake.pulls.get(pullNumber).headSha
  const result = {
    target: { release: target, origin: 'input' },
    versionBump: false,
    changes: { source: 'github', headSha, files },
    resources: [],
    findings: findingsFor(files, findingCount),
    notChecked: [],
    documentsChecked: files.length
  }
  const quiet = { info: () => {}, warning: () => {} }
  const outcome = await gh.publish(result, {
    mode: 'review',
    suggestions: true,
    owner: OWNER,
    repo: REPO,
    pullNumber,
    octokit,
    headText: (path) => fake.pulls.get(pullNumber).headText[path],
    log: quiet,
    workflow: { command: () => {}, stepSummary: () => true }
  })
  const requests = fake.requests.slice(before)
  return { requests: requests.length, breakdown: breakdown(requests), channel: outcome.channel, inline: outcome.inline.posted, kept: outcome.inline.kept, summary: outcome.summaryComment?.action ?? 'none', failed: requests.filter((r) => r.status >= 400).map((r) => `${routeOf(r)} ${r.status}`) }
}

export async function measureRequests(root, buildBenchBundle) {
  const missing = NEEDED.filter((p) => !existsSync(join(root, p)))
  if (missing.length) return { pending: `needs ${missing.join(', ')} from branch github (not merged into main yet)` }
  const gh = await import(pathToFileURL(await buildBenchBundle(root, 'github')).href)
  const { startFakeGitHub } = await import(pathToFileURL(join(root, 'scripts/fake-github.mjs')).href)
  const target = gh.parseRelease('1.28')
  const rows = []
  for (const files of PR_FILES) {
    const built = builtPull(files)
    for (const findings of FINDINGS) {
      const fake = await startFakeGitHub({ owner: OWNER, repo: REPO })
      try {
        const pullNumber = 7
        fake.setPull(pullNumber, built)
        const first = await oneRun(gh, fake, pullNumber, findings, target)
        const rerun = await oneRun(gh, fake, pullNumber, findings, target)
        rows.push({ files, findings, first, rerun, validationErrors: fake.validationErrors.length })
      } finally {
        await fake.close()
      }
    }
  }
  return { rows }
}
