#!/usr/bin/env node
// Regenerates the generated sections of README.md: the review the bot posts on the bundled example PR,
// the CLI output on it, the rules table and the supported releases table. Everything comes from running the
// bundled dist/ (the action against the local fake GitHub, the CLI on the same git repository) and from the
// committed data files, so the README shows what the code does today.
//
//   node scripts/render-readme.mjs           rewrite README.md
//   node scripts/render-readme.mjs --check   exit 1 naming the stale sections (README.md untouched)
//   node scripts/render-readme.mjs --stdout  print the regenerated README.md
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { pullFromStates, readTree, runnerEnv, startFakeGitHub } from './fake-github.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const README = join(root, 'README.md')
const PULL = 42
/** Fixed commit dates make the example's commit ids, and so the README, the same on every machine. */
const COMMIT_DATE = '2026-11-20T09:00:00Z'
/** How many inline comments are shown open; the rest are collapsed. */
const SHOWN_OPEN = 3

// ---------------------------------------------------------------------------------------------------------
// Running the product

/** The example PR as a git repository: examples/gitops/base, then examples/gitops/head on top. */
function buildExamplePull() {
  const base = readTree(join(root, 'examples/gitops/base'))
  const headTree = readTree(join(root, 'examples/gitops/head'))
  const head = { ...headTree }
  for (const path of Object.keys(base)) if (!(path in headTree)) head[path] = null
  Object.assign(process.env, { GIT_AUTHOR_DATE: COMMIT_DATE, GIT_COMMITTER_DATE: COMMIT_DATE })
  return pullFromStates(base, head, { keepRepo: true })
}

/** Starts dist/index.js the way the Actions runner does, for a pull_request event, against `fake`. */
function runAction(fake, built, temp) {
  // The inputs are action.yml's defaults: this is what a user gets from the workflow in the README.
  const { env } = runnerEnv({
    fake, pullNumber: PULL, baseSha: built.baseSha, headSha: built.headSha, dir: temp, workspace: built.dir,
    inputs: { ...actionDefaults(), 'github-token': 'bot-token' }
  })
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/index.js')], { env, cwd: built.dir })
    let log = ''
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, log }))
  })
}

/** Every input with the default action.yml declares (the runner passes them the same way). */
function actionDefaults() {
  const { inputs } = load(readFileSync(join(root, 'action.yml'), 'utf8'))
  const env = {}
  for (const [name, input] of Object.entries(inputs)) {
    const value = String(input.default ?? '')
    if (!value.startsWith('${{')) env[name] = value
  }
  return env
}

function runCli(dir, args) {
  try {
    // A clean environment: inside GitHub Actions the GITHUB_* variables would change the docs links.
    return execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--repo', dir, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } })
  } catch (error) {
    // Exit code 1: findings at or above --fail-on, which the example has on purpose.
    if (error.status === 1) return error.stdout
    throw error
  }
}

/** Everything the generated sections are made of. */
async function collect() {
  const built = buildExamplePull()
  const temp = mkdtempSync(join(tmpdir(), 'istio-compat-readme-'))
  const fake = await startFakeGitHub()
  try {
    fake.setPull(PULL, built)
    const run = await runAction(fake, built, temp)
    if (fake.validationErrors.length || fake.crashes.length) throw new Error(`the fake GitHub saw bad requests: ${[...fake.validationErrors, ...fake.crashes].join('; ')}`)
    const reviews = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/pulls/${PULL}/reviews`))
    const summary = fake.issueComments(PULL).find((c) => c.body.startsWith('<!-- istio-compat:summary -->'))
    if (reviews.length !== 1 || !summary) throw new Error(`the action did not post one review and one summary (exit ${run.code}):\n${run.log}`)
    const range = ['--base', built.baseSha, '--head', built.headSha, '--target', 'auto', '--from', 'auto']
    // Links point at the fake's random port: show them as they would read on github.com.
    const onGitHub = (value) => JSON.parse(JSON.stringify(value).split(fake.origin).join('https://github.com'))
    return {
      exitCode: run.code,
      review: onGitHub(reviews[0].body),
      summary: onGitHub(summary.body),
      headText: built.headText,
      cliText: runCli(built.dir, range).trimEnd(),
      report: JSON.parse(runCli(built.dir, [...range, '--format', 'json'])),
      sarif: JSON.parse(runCli(built.dir, [...range, '--format', 'sarif'])),
      latest: JSON.parse(runCli(built.dir, ['--target', 'latest', '--format', 'json'])).target.release
    }
  } finally {
    await fake.close()
    rmSync(temp, { recursive: true, force: true })
    rmSync(built.dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

const quote = (markdown) =>
  markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')

function fence(text, info) {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length))
  const f = '`'.repeat(longest + 1)
  return `${f}${info}\n${text}\n${f}`
}

/** One inline comment as the PR page shows it: the commented lines, then the comment. */
function inlineComment(comment, headText) {
  const first = comment.start_line ?? comment.line
  const lines = headText[comment.path].split('\n').slice(first - 1, comment.line)
  const where = first === comment.line ? `line ${comment.line}` : `lines ${first}–${comment.line}`
  return [`**\`${comment.path}\`**, ${where}:`, '', fence(lines.join('\n'), 'yaml'), '', quote(comment.body)].join('\n')
}

function exampleSection(data) {
  const comments = data.review.comments
  // Open: every comment with a suggestion, then the first ones without, up to SHOWN_OPEN.
  const withSuggestion = comments.filter((c) => c.body.includes('```suggestion'))
  const open = [...withSuggestion, ...comments.filter((c) => !withSuggestion.includes(c))].slice(0, Math.max(SHOWN_OPEN, withSuggestion.length))
  const collapsed = comments.filter((c) => !open.includes(c))
  const out = [
    '<!-- Generated by scripts/render-readme.mjs: dist/index.js run on the example PR against scripts/fake-github.mjs. Do not edit by hand. -->',
    '',
    `The bundled example is a Flux repository ([\`examples/gitops/base\`](examples/gitops/base)) and a pull request on it ([\`examples/gitops/head\`](examples/gitops/head)) that bumps the Istio charts from ${data.report.from.release} to ${data.report.target.release} and, on the way, adds a retry budget, a wildcard egress ServiceEntry, a Telemetry resource, an AuthorizationPolicy with broken YAML, a Helm chart template and a Kyverno policy. Below is what the action posted on that PR with the default inputs, unedited: ${data.report.counts.errors} errors, ${data.report.counts.warnings} warnings and ${data.report.counts.notices} notices, so the job failed (exit code ${data.exitCode}).`,
    '',
    '#### The review',
    '',
    `One review with ${comments.length} inline comments. Its body:`,
    '',
    quote(data.review.body),
    '',
    `${open.length} of the inline comments, the ones with a suggested change first (GitHub renders the \`suggestion\` block as a diff with a "Commit suggestion" button):`,
    ''
  ]
  for (const c of open) out.push(inlineComment(c, data.headText), '')
  if (collapsed.length) {
    out.push(`<details><summary>The other ${collapsed.length} inline comments</summary>`, '')
    for (const c of collapsed) out.push(inlineComment(c, data.headText), '')
    out.push('</details>', '')
  }
  out.push('#### The sticky summary comment', '', 'One comment that every later run edits in place; it lists every finding, also those that could not be commented inline:', '', quote(data.summary))
  return out.join('\n')
}

function cliSection(data) {
  return ['```console', '$ istio-compat check --base main --target auto --from auto', data.cliText, '```'].join('\n')
}

const SEVERITY = { error: 'error', warning: 'warning', note: 'notice' }

function rulesSection(data) {
  const rules = data.sarif.runs[0].tool.driver.rules
  // A SARIF without rule metadata comes from a dist/ older than the source.
  if (rules.some((r) => !r.defaultConfiguration)) throw new Error('dist/cli.js does not describe its rules in SARIF; rebuild it with npm run package')
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${SEVERITY[r.defaultConfiguration.level]} | ${r.shortDescription.text.replace(/\|/g, '\\|')} |`)
  return ['| Rule | Default severity | What it reports |', '| --- | --- | --- |', ...rows].join('\n')
}

function releasesSection(data) {
  const index = JSON.parse(readFileSync(join(root, 'data/schema-index.json'), 'utf8'))
  const files = readdirSync(join(root, 'data/catalog')).filter((f) => /^\d+\.\d+\.json$/.test(f))
  const releases = files.map((f) => JSON.parse(readFileSync(join(root, 'data/catalog', f), 'utf8')))
  releases.sort((a, b) => Number(a.release.split('.')[1]) - Number(b.release.split('.')[1]))
  const code = (v) => (v ? `\`${v}\`` : '—')
  const rows = releases.map((r) => {
    const pin = index.pins[r.release] ?? {}
    const name = r.release === data.latest ? `**${r.release}** (\`latest\`)` : r.release
    const compat = r.compatibilityVersions.length ? r.compatibilityVersions.join(', ') : '—'
    return `| ${name} | ${r.kubernetes.min} – ${r.kubernetes.max} | ${r.entries.length} | ${code(pin.istio)} | ${code(pin.gatewayApi)} | ${code(pin.inference)} | ${compat} |`
  })
  return [
    '| Istio | Kubernetes | Catalog entries | CRDs read from | Gateway API | Inference Extension | `compatibilityVersion` values |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

/** The generated sections, by marker name. */
export async function renderSections() {
  const data = await collect()
  return { example: exampleSection(data), cli: cliSection(data), rules: rulesSection(data), releases: releasesSection(data) }
}

/** README text with each `<!-- name:start -->…<!-- name:end -->` section replaced. */
export function replaceSections(readme, sections) {
  let out = readme
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const from = out.indexOf(start)
    const to = out.indexOf(end)
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`)
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`
  }
  return out
}

async function main() {
  const mode = process.argv[2] ?? '--write'
  const readme = readFileSync(README, 'utf8')
  const sections = await renderSections()
  const next = replaceSections(readme, sections)
  if (mode === '--stdout') process.stdout.write(next)
  else if (mode === '--check') {
    const stale = Object.keys(sections).filter((name) => replaceSections(readme, { [name]: sections[name] }) !== readme)
    if (stale.length) {
      process.stderr.write(`README.md is stale in: ${stale.join(', ')}; run node scripts/render-readme.mjs\n`)
      process.exitCode = 1
    }
  } else if (mode === '--write') {
    if (next !== readme) writeFileSync(README, next)
  } else {
    process.stderr.write('usage: node scripts/render-readme.mjs [--write|--check|--stdout]\n')
    process.exitCode = 2
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
