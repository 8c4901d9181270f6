// What a reader sees: the summary and review comments of three pull requests, posted through the fake GitHub
// and rendered by a GFM renderer (micromark with its GFM extension: tables, autolinks, raw HTML as GitHub
// passes <details>). Checked: every source and location is a link, no table (so nothing wider than GitHub's
// ~880 px column), no backslash before the project's own prose, identical findings once with their places.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { gitChangeSet } from '../src/changes/git.js'
import { gitSnapshot } from '../src/changes/snapshots.js'
import { createGitHubClient } from '../src/github/client.js'
import { DEFAULT_PATTERNS, runAnalysis } from '../src/pipeline.js'
import { publish, type PublishOutcome } from '../src/report/publish.js'
import { pullFromStates, readTree, startFakeGitHub, type BuiltPull, type FakeGitHub } from '../scripts/fake-github.mjs'

const PR = 5

function render(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}

interface Posted {
  fake: FakeGitHub
  built: BuiltPull
  outcome: PublishOutcome
  summary: string
  stepSummary: string
  reviewBody: string
  comments: { path: string; line: number | null; body: string }[]
  commands: string[]
}

const cleanup: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanup.splice(0)) await c()
})

async function post(base: Record<string, string>, head: Record<string, string | null>, target = 'auto', from = 'auto'): Promise<Posted> {
  const built = pullFromStates(base, head, { keepRepo: true })
  cleanup.push(() => rmSync(built.dir as string, { recursive: true, force: true }))
  const changes = gitChangeSet(built.dir as string, built.baseSha, built.headSha)
  const result = await runAnalysis({ changes, head: gitSnapshot(built.dir as string, built.headSha), base: gitSnapshot(built.dir as string, changes.baseRef as string) }, { target, from, paths: DEFAULT_PATTERNS })
  const fake = await startFakeGitHub()
  cleanup.push(() => fake.close())
  fake.setPull(PR, built)
  const octokit = createGitHubClient({ token: 'bot-token', baseUrl: fake.url, pacing: { writeMs: 0, notificationMs: 0 }, retryUnitMs: 5, maskToken: false })
  const commands: string[] = []
  let stepSummary = ''
  const outcome = await publish(result, {
    mode: 'review',
    suggestions: true,
    owner: fake.owner,
    repo: fake.repo,
    pullNumber: PR,
    octokit,
    headText: (p) => built.headText[p],
    log: { info: () => {}, warning: () => {} },
    workflow: { command: (l) => void commands.push(l), stepSummary: (md) => ((stepSummary = md), true) },
    failOn: 'error',
    gateFails: true,
    links: { serverUrl: fake.origin, repository: 'octo/mesh', runUrl: `${fake.origin}/octo/mesh/actions/runs/1` }
  })
  expect(fake.requests.filter((r) => r.status === 422)).toEqual([])
  expect(fake.validationErrors).toEqual([])
  return {
    fake,
    built,
    outcome,
    summary: fake.issueComments(PR)[0]?.body ?? '',
    stepSummary,
    reviewBody: fake.reviews(PR)[0]?.body ?? '',
    comments: fake.reviewComments(PR).map((c) => ({ path: c.path, line: c.line, body: c.body })),
    commands
  }
}

/** The Markdown without code: code spans and fenced blocks (manifest text and identifiers live there). */
function proseOf(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '').replace(/(`+)[\s\S]*?\1/g, '')
}

/** Checks that hold for any rendered summary or comment. */
function expectReadable(markdown: string, what: string): string {
  const html = render(markdown)
  // No table at all, so nothing is wider than GitHub's column (the 880 px of the desktop layout, or a phone's 390).
  expect({ what, tables: (html.match(/<table/g) ?? []).length }).toEqual({ what, tables: 0 })
  // Every location (`file:line`) is inside a link.
  const codes = [...html.matchAll(/(<a href="[^"]+">)?<code>([^<]*\.ya?ml:\d+(?:-\d+)?)<\/code>/g)]
  for (const m of codes) expect({ what, location: m[2], linked: m[1] !== undefined }).toEqual({ what, location: m[2], linked: true })
  // Every source is a link; no URL is left as dead text.
  const text = html.replace(/<[^>]+>/g, '')
  expect({ what, deadUrls: text.match(/https?:\/\/\S+/g) ?? [] }).toEqual({ what, deadUrls: [] })
  for (const source of html.split('Source: ').slice(1)) expect(source.startsWith('<a href="https://')).toBe(true)
  // No backslash before a character of the project's own prose (the fixtures' manifests hold no Markdown).
  expect({ what, backslashes: proseOf(markdown).match(/\\./g) ?? [] }).toEqual({ what, backslashes: [] })
  return html
}

describe('the review as GitHub renders it', () => {
  it('the README example: summary, review body and an inline comment', async () => {
    const base = readTree(join(process.cwd(), 'examples/gitops/base'))
    const headTree = readTree(join(process.cwd(), 'examples/gitops/head'))
    const head: Record<string, string | null> = { ...headTree }
    for (const path of Object.keys(base)) if (!(path in headTree)) head[path] = null
    const p = await post(base, head)
    const html = expectReadable(p.summary, 'summary')
    expectReadable(p.reviewBody, 'review body')
    expectReadable(p.stepSummary, 'step summary')
    for (const c of p.comments) expectReadable(c.body, `comment ${c.path}:${c.line}`)
    expect(html).toContain('<h3>❌ istio-compat: 3 errors block the upgrade to Istio 1.28.1</h3>')
    // The review body links the summary comment.
    const sticky = p.fake.issueComments(PR)[0]!
    expect(render(p.reviewBody)).toContain(`<a href="${sticky.html_url}">summary</a>`)
    // Sources are links with a readable title.
    const native = p.comments.find((c) => c.path === 'apps/shop/checkout.yaml')!
    expect(render(native.body)).toMatch(/Source: <a href="https:\/\/istio\.io\/latest\/news\/releases\/1\.27\.x\/announcing-1\.27\/[a-z-]+\/#[a-z-]+">Istio 1\.27 (upgrade|change) notes › [A-Z][^<]+<\/a>/)
    expect(render(native.body)).toContain('<code>sidecar.istio.io/nativeSidecar</code>')
    // The off-diff InferencePool error carries its context: resource, path, source, the YAML line; and an annotation.
    expect(html).toMatch(/<a href="[^"]+\/blob\/[0-9a-f]{40}\/apps\/inference\/pool\.yaml#L1"><code>apps\/inference\/pool\.yaml:1<\/code><\/a> · InferencePool <code>inference\/llama<\/code>/)
    expect(html).toContain('1 ▶ apiVersion: inference.networking.x-k8s.io/v1alpha2')
    expect(p.commands.some((c) => c.startsWith('::error file=apps/inference/pool.yaml,line=1,'))).toBe(true)
    // The release detection points at its file, at the head and the base commit.
    expect(html).toMatch(/both read from <a href="[^"]+\/blob\/[0-9a-f]{40}\/clusters\/prod\/istio-system\/istiod\.yaml#L21"><code>clusters\/prod\/istio-system\/istiod\.yaml:21<\/code><\/a>/)
    expect(html).toMatch(/<a href="[^"]+\/commit\/[0-9a-f]{40}"><code>[0-9a-f]{7}<\/code><\/a>/)
  })

  it('a PR with 60 identical findings: one item with its 60 locations, a few threads, readable', async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 60; i++) {
      const n = String(i).padStart(2, '0')
      head[`mesh/svc-${n}-dr.yaml`] = `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: svc-${n}\n  namespace: shop\nspec:\n  host: svc-${n}\n  trafficPolicy:\n    retryBudget:\n      percent: 10\n`
    }
    const p = await post({ 'README.md': 'mesh\n' }, head, '1.26', '1.26')
    const html = expectReadable(p.summary, 'summary')
    for (const c of p.comments) expectReadable(c.body, `comment ${c.path}:${c.line}`)
    const findings = p.fake.issueComments(PR)[0]!.body
    // The message once; all 60 places as links, folded.
    const message = /<li>\s*(?:<p>)?<a href="[^"]+"><code>[^<]+<\/code><\/a> · <strong>60×<\/strong> DestinationRule · (.+)\n/.exec(html)
    expect(message).not.toBeNull()
    expect(html.split(message![1]!).length - 1).toBe(1)
    expect(html).toContain('<summary>60 locations (5 commented inline)</summary>')
    for (let i = 0; i < 60; i++) expect(html).toMatch(new RegExp(`<a href="[^"]+"><code>mesh/svc-${String(i).padStart(2, '0')}-dr\\.yaml:9(-10)?</code></a>`))
    expect(p.comments).toHaveLength(5)
    expect(findings.length).toBeLessThan(20_000)
  })

  it('a version bump whose error sits in a file the PR did not touch: full context off the diff, an annotation with file and line', async () => {
    const release = (version: string) =>
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: ${version}\n  values:\n    pilot:\n      env: { ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true" }\n    meshConfig:\n      extensionProviders:\n      - name: lightstep\n        lightstep:\n          address: ingest.lightstep.com:443\n          accessToken: secret\n      defaultProviders: { tracing: [lightstep] }\n`
    const pool = readFileSync(join(process.cwd(), 'examples/gitops/base/apps/inference/pool.yaml'), 'utf8')
    const base = { 'clusters/istiod.yaml': release('1.26.8'), 'apps/pool.yaml': pool }
    const p = await post(base, { 'clusters/istiod.yaml': release('1.28.1') })
    const html = expectReadable(p.summary, 'summary')
    expectReadable(p.stepSummary, 'step summary')
    for (const c of p.comments) expectReadable(c.body, `comment ${c.path}:${c.line}`)
    expect(html).toContain('❌ istio-compat:')
    expect(html).toContain('block the upgrade to Istio 1.28.1')
    // The pool file is not in the PR: a permalink to its lines, its resource, YAML path, source and snippet.
    expect(html).toMatch(/<a href="[^"]+\/blob\/[0-9a-f]{40}\/apps\/pool\.yaml#L1"><code>apps\/pool\.yaml:1<\/code><\/a> · InferencePool <code>inference\/llama<\/code> · <a href="[^"]+removed-feature\.md"><code>removed-feature<\/code><\/a> · <em>file not changed by this PR<\/em>/)
    expect(html).toMatch(/at <code>apiVersion<\/code> · Source: <a href="https:\/\/istio\.io\/[^"]+">Istio 1\.28 upgrade notes/)
    expect(html).toContain('<pre><code class="language-yaml">1 ▶ apiVersion: inference.networking.x-k8s.io/v1alpha2')
    expect(p.commands.some((c) => c.startsWith('::error file=apps/pool.yaml,line=1,') && c.includes('Source%3A') === false && c.includes('Source: https://istio.io/'))).toBe(true)
    expect(p.comments.every((c) => c.path !== 'apps/pool.yaml')).toBe(true)
  })
})
