// A local stand-in for the GitHub REST API, strict where GitHub is strict: the test harness of the report layer.
// Plain JS so `npm start` (no TS build) and the jest suites can both use it. Types: fake-github.d.mts.
//
// - Pull requests are built with git from two states of a temp repository, so `patch` fields are real
//   unified diffs (pullFromStates).
// - createReview is all-or-nothing like GitHub: one comment outside the diff → 422 for the whole review.
// - Request bodies and query parameters are checked against GitHub's OpenAPI description
//   (@octokit/openapi); violations answer 422 and are kept in `validationErrors`.
// - Tokens are configurable (login, Bot or User, read-only like a fork PR's GITHUB_TOKEN).
// - Faults on demand: 5xx, secondary rate limit (403 + retry-after), primary rate limit (429).
// - State persists across runs; every request is recorded.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'

const require = createRequire(import.meta.url)
const DOCS = 'https://docs.github.com/rest'
const MAX_BODY = 65536
const MAX_FILES = 3000
/**
 * GitHub leaves `patch` out of the file list for large diffs (no documented threshold; seen missing at 2,081
 * changed lines, tsantalis/RefactoringMiner#1108) and then rejects review comments on the file. The fake does
 * the same from this many changed lines on.
 */
export const LARGE_DIFF_CHANGES = 1000

// ---------------------------------------------------------------------------------------------------------
// Diffs

/** Independent reading of one file's hunks (the product's parser is what is under test, so not reused). */
export function diffLines(patch) {
  const right = new Map() // head line -> hunk
  const left = new Map() // base line -> hunk
  const added = new Set()
  let hunk = -1
  let oldLine = 0
  let newLine = 0
  let oldLeft = 0
  let newLeft = 0
  for (const row of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(row)
    if (header && oldLeft <= 0 && newLeft <= 0) {
      hunk++
      oldLine = Number(header[1])
      oldLeft = header[2] === undefined ? 1 : Number(header[2])
      newLine = Number(header[3])
      newLeft = header[4] === undefined ? 1 : Number(header[4])
      continue
    }
    if (oldLeft <= 0 && newLeft <= 0) continue
    if (row.startsWith('+')) {
      right.set(newLine, hunk)
      added.add(newLine++)
      newLeft--
    } else if (row.startsWith('-')) {
      left.set(oldLine++, hunk)
      oldLeft--
    } else if (row.startsWith(' ')) {
      right.set(newLine++, hunk)
      left.set(oldLine++, hunk)
      newLeft--
      oldLeft--
    }
  }
  return { right, left, added }
}

function git(cwd, args, input) {
  return execFileSync('git', ['-c', 'core.quotePath=false', '-c', 'user.name=fake', '-c', 'user.email=fake@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' }
  })
}

function writeState(dir, files) {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path)
    if (content === null) {
      rmSync(full, { force: true })
      continue
    }
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}

const STATUS = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' }

/**
 * Builds a pull request from two states of a repository with git. `head` lists only what changes:
 * a path → new content, or null to delete it. `options.dropPatch` lists files whose `patch` GitHub leaves
 * out (large diffs). Returns the diff entries as `pulls.listFiles` shows them, both shas and the head text.
 */
export function pullFromStates(base, head, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fake-github-'))
  try {
    git(dir, ['init', '-q', '-b', 'main'])
    writeState(dir, base)
    git(dir, ['add', '-A'])
    git(dir, ['commit', '-q', '--allow-empty', '-m', 'base'])
    const baseSha = git(dir, ['rev-parse', 'HEAD']).trim()
    writeState(dir, head)
    git(dir, ['add', '-A'])
    git(dir, ['commit', '-q', '--allow-empty', '-m', 'head'])
    const headSha = git(dir, ['rev-parse', 'HEAD']).trim()

    const fields = git(dir, ['diff', '--name-status', '-z', '-M', baseSha, headSha]).split('\0').filter((f) => f !== '')
    const names = []
    for (let i = 0; i < fields.length; ) {
      const code = fields[i++]
      const status = STATUS[code[0]] ?? 'modified'
      if (code[0] === 'R' || code[0] === 'C') names.push({ status, previous: fields[i++], filename: fields[i++] })
      else names.push({ status, filename: fields[i++] })
    }
    const diff = git(dir, ['diff', '-M', '--no-color', '--no-ext-diff', '-U3', baseSha, headSha])
    const sections = diff.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '))
    if (sections.length !== names.length) throw new Error(`git diff gave ${sections.length} sections for ${names.length} files`)

    const blobs = new Map()
    for (const entry of git(dir, ['ls-tree', '-r', '-z', headSha]).split('\0').filter(Boolean)) {
      const tab = entry.indexOf('\t')
      blobs.set(entry.slice(tab + 1), entry.slice(0, tab).split(' ')[2])
    }
    const headText = {}
    const files = names.map((name, i) => {
      const section = sections[i]
      const at = section.search(/^@@ /m)
      let patch = at < 0 ? undefined : section.slice(at).replace(/\n$/, '')
      const binary = /^Binary files /m.test(section)
      let additions = 0
      let deletions = 0
      for (const row of (patch ?? '').split('\n')) {
        if (row.startsWith('+')) additions++
        else if (row.startsWith('-')) deletions++
      }
      if (options.dropPatch?.includes(name.filename) || additions + deletions >= (options.largeDiffChanges ?? LARGE_DIFF_CHANGES)) patch = undefined
      if (name.status !== 'removed') headText[name.filename] = readFileSync(join(dir, name.filename), 'utf8')
      return {
        sha: blobs.get(name.filename) ?? '0'.repeat(40),
        filename: name.filename,
        status: name.status,
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `https://example.invalid/blob/${headSha}/${encodeURI(name.filename)}`,
        raw_url: `https://example.invalid/raw/${headSha}/${encodeURI(name.filename)}`,
        contents_url: `https://example.invalid/contents/${encodeURI(name.filename)}?ref=${headSha}`,
        ...(patch !== undefined && !binary ? { patch } : {}),
        ...(name.previous ? { previous_filename: name.previous } : {})
      }
    })
    // Files the head state has, changed or not (a version-bump PR checks all of them).
    for (const path of blobs.keys()) if (!(path in headText)) headText[path] = readFileSync(join(dir, path), 'utf8')
    const baseText = {}
    for (const path of git(dir, ['ls-tree', '-r', '-z', '--name-only', baseSha]).split('\0').filter(Boolean)) {
      baseText[path] = git(dir, ['show', `${baseSha}:${path}`])
    }
    // What GitHub's tarball of each commit holds: git archive under <owner>-<repo>-<sha7>/.
    const archives = {}
    for (const sha of [baseSha, headSha]) {
      archives[sha] = execFileSync('git', ['archive', '--format=tar.gz', `--prefix=octo-mesh-${sha.slice(0, 7)}/`, sha], { cwd: dir, maxBuffer: 1 << 30 })
    }
    // keepRepo: the caller uses the repository as a workspace checkout (and removes it).
    return { baseSha, headSha, files, headText, baseText, archives, ...(options.keepRepo ? { dir } : {}) }
  } finally {
    if (!options.keepRepo) rmSync(dir, { recursive: true, force: true })
  }
}

/** Reads a directory tree into a { path: content } state for pullFromStates. */
export function readTree(root) {
  const out = {}
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else out[relative(root, full).split('\\').join('/')] = readFileSync(full, 'utf8')
    }
  }
  walk(root)
  return out
}

// ---------------------------------------------------------------------------------------------------------
// OpenAPI validation

const specs = new Map()

function loadSpec(name) {
  if (!specs.has(name)) specs.set(name, require(`@octokit/openapi/generated/${name}.json`))
  return specs.get(name)
}

function resolveRefs(spec, node, depth = 0) {
  if (depth > 40 || node === null || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map((n) => resolveRefs(spec, n, depth + 1))
  if (typeof node.$ref === 'string') {
    const target = node.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o?.[k], spec)
    return resolveRefs(spec, target, depth + 1)
  }
  const out = {}
  for (const [k, v] of Object.entries(node)) out[k] = k === 'example' || k === 'examples' ? undefined : resolveRefs(spec, v, depth + 1)
  // Ajv reads OpenAPI's `nullable` only next to a `type` (issue bodies have `nullable` beside `oneOf`).
  if (out.nullable !== undefined && out.type === undefined) {
    const nullable = out.nullable
    delete out.nullable
    if (nullable === true && (out.oneOf || out.anyOf)) return { anyOf: [{ ...out }, { type: 'null' }] }
  }
  return out
}

class OpenApiValidator {
  constructor(specName) {
    this.spec = loadSpec(specName)
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
    this.cache = new Map()
  }

  operation(template, method) {
    const key = `${method} ${template}`
    if (!this.cache.has(key)) {
      const op = this.spec.paths[template]?.[method.toLowerCase()]
      if (!op) throw new Error(`OpenAPI description has no ${key}`)
      const bodySchema = op.requestBody?.content?.['application/json']?.schema
      const parameters = (op.parameters ?? []).map((p) => resolveRefs(this.spec, p))
      this.cache.set(key, {
        operationId: op.operationId,
        bodyRequired: op.requestBody?.required === true,
        body: bodySchema ? this.ajv.compile(resolveRefs(this.spec, bodySchema)) : undefined,
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, check: this.ajv.compile(p.schema ?? {}), type: p.schema?.type }))
      })
    }
    return this.cache.get(key)
  }

  /** Problems of one request against its operation; [] when it conforms. */
  check(template, method, query, body) {
    const op = this.operation(template, method)
    const problems = []
    for (const [name, raw] of Object.entries(query)) {
      const param = op.query.find((p) => p.name === name)
      if (!param) {
        problems.push(`${op.operationId}: unknown query parameter ${name}`)
        continue
      }
      const value = param.type === 'integer' ? (/^-?\d+$/.test(raw) ? Number(raw) : raw) : param.type === 'boolean' ? raw === 'true' ? true : raw === 'false' ? false : raw : raw
      if (!param.check(value)) problems.push(`${op.operationId}: query ${name}=${raw}: ${this.ajv.errorsText(param.check.errors)}`)
    }
    for (const param of op.query) if (param.required && !(param.name in query)) problems.push(`${op.operationId}: missing query ${param.name}`)
    if (body === undefined) {
      if (op.bodyRequired) problems.push(`${op.operationId}: request body is required`)
    } else if (op.body && !op.body(body)) {
      problems.push(`${op.operationId}: body ${this.ajv.errorsText(op.body.errors, { dataVar: 'body' })}`)
    } else if (!op.body && method !== 'GET' && method !== 'DELETE') {
      problems.push(`${op.operationId}: takes no JSON body`)
    }
    return problems
  }
}

// ---------------------------------------------------------------------------------------------------------
// The server

class HttpError extends Error {
  constructor(status, message, extra = {}, headers = {}) {
    super(message)
    this.status = status
    this.extra = extra
    this.headers = headers
  }
}

const ROUTES = [
  ['GET', '/user', 'getUser'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}', 'getPull'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', 'listFiles'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', 'listReviewComments'],
  ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', 'createReviewComment'],
  ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', 'createReply'],
  ['PATCH', '/repos/{owner}/{repo}/pulls/comments/{comment_id}', 'updateReviewComment'],
  ['DELETE', '/repos/{owner}/{repo}/pulls/comments/{comment_id}', 'deleteReviewComment'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'listReviews'],
  ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', 'createReview'],
  ['DELETE', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', 'deletePendingReview'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments', 'listCommentsForReview'],
  ['PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', 'updateReview'],
  ['GET', '/repos/{owner}/{repo}/issues', 'listIssues'],
  ['POST', '/repos/{owner}/{repo}/issues', 'createIssue'],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}', 'getIssue'],
  ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', 'updateIssue'],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'listIssueComments'],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'createIssueComment'],
  ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', 'updateIssueComment'],
  ['DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', 'deleteIssueComment'],
  ['GET', '/repos/{owner}/{repo}/contents/{path}', 'getContent'],
  ['GET', '/repos/{owner}/{repo}', 'getRepo'],
  ['GET', '/repos/{owner}/{repo}/tarball/{ref}', 'getTarball'],
  ['GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', 'getTree']
].map(([method, template, handler]) => ({
  method,
  template,
  handler,
  regex: new RegExp(`^${template.replace(/\{path\}/, '(?<path>.+)').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`)
}))

export const DEFAULT_TOKENS = {
  // GITHUB_TOKEN: the installation token of the GitHub Actions app.
  'bot-token': { login: 'github-actions[bot]', type: 'Bot', installation: true },
  'fork-token': { login: 'github-actions[bot]', type: 'Bot', readOnly: true, installation: true },
  'pat-token': { login: 'mesh-bot', type: 'User', user: true },
  'human-token': { login: 'alice', type: 'User', user: true },
  // Another app's installation token (a different bot, e.g. one that quotes other bots' comments).
  'other-bot-token': { login: 'renovate[bot]', type: 'Bot', installation: true },
  // An installation token of the workflow's own GitHub App (actions/create-github-app-token): comments are the app's bot's.
  'app-token': { login: 'mesh-checks[bot]', type: 'Bot', installation: true },
  // GITHUB_TOKEN of a job whose permissions leave out issues: write.
  'no-issues-token': { login: 'github-actions[bot]', type: 'Bot', noIssues: true, installation: true }
}

let idCounter = 1000

export class FakeGitHub {
  constructor(options = {}) {
    this.prefix = (options.prefix ?? '').replace(/\/+$/, '')
    this.owner = options.owner ?? 'octo'
    this.repo = options.repo ?? 'mesh'
    this.tokens = { ...DEFAULT_TOKENS, ...(options.tokens ?? {}) }
    this.validator = new OpenApiValidator(options.spec ?? (this.prefix ? 'ghes-3.19' : 'api.github.com'))
    this.requests = []
    this.validationErrors = []
    this.crashes = []
    this.pulls = new Map()
    /** Issues (not pull requests) by number; numbers are shared with pulls, as on GitHub. */
    this.issues = new Map()
    /** The repository's labels by name (creating an issue with an unknown label creates it). */
    this.labels = new Map()
    this.faults = []
    this.refused = []
    /** One-time tokens of the codeload URLs handed out by tarball redirects. */
    this.codeloadTokens = new Set()
    /** What GET /repos/{owner}/{repo} says the repository's size is (KiB). */
    this.repoSizeKiB = options.repoSizeKiB ?? 64
    this.server = createServer((req, res) => void this.handle(req, res))
    this.url = ''
  }

  async listen(port = 0) {
    await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve))
    this.port = this.server.address().port
    this.origin = `http://127.0.0.1:${this.port}`
    this.url = `${this.origin}${this.prefix}`
    return this
  }

  close() {
    return new Promise((resolve) => {
      this.server.closeAllConnections?.()
      this.server.close(() => resolve())
    })
  }

  /** Opens (or pushes to) a pull request: built from two repository states, or from given diff entries. */
  setPull(number, pull) {
    const existing = this.pulls.get(number)
    const state = existing ?? { number, reviewComments: [], issueComments: [], reviews: [], commits: [] }
    state.baseSha = pull.baseSha
    state.headSha = pull.headSha
    state.files = pull.files
    state.headText = pull.headText ?? {}
    state.baseText = pull.baseText ?? {}
    state.archives = { ...(state.archives ?? {}), ...(pull.archives ?? {}) }
    state.commits.push(pull.headSha)
    state.diff = new Map(pull.files.map((f) => [f.filename, f.patch === undefined ? undefined : diffLines(f.patch)]))
    // A push makes comments on lines that left the diff outdated, as GitHub does (line becomes null).
    for (const c of state.reviewComments) {
      const lines = state.diff.get(c.path)
      if (c.line !== null && !(lines && (c.side === 'LEFT' ? lines.left : lines.right).has(c.line))) {
        c.line = null
        c.start_line = null
      } else if (c.line !== null) c.commit_id = pull.headSha
    }
    this.pulls.set(number, state)
    return state
  }

  /** The next `times` requests matching method/path get `status` instead of an answer. */
  failNext(fault) {
    this.faults.push({ times: 1, retryAfter: 1, ...fault })
  }

  reviewComments(number) {
    return this.pulls.get(number)?.reviewComments ?? []
  }
  issueComments(number) {
    return this.pulls.get(number)?.issueComments ?? []
  }
  reviews(number) {
    return this.pulls.get(number)?.reviews ?? []
  }

  // -- plumbing ---------------------------------------------------------------------------------------------

  async handle(req, res) {
    const url = new URL(req.url, this.origin)
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const raw = Buffer.concat(chunks).toString('utf8')
    const record = {
      method: req.method,
      path: url.pathname.startsWith(this.prefix) ? url.pathname.slice(this.prefix.length) : url.pathname,
      query: Object.fromEntries(url.searchParams),
      apiVersion: req.headers['x-github-api-version'],
      status: 0,
      body: undefined,
      login: undefined
    }
    this.requests.push(record)
    if (url.pathname.startsWith('/_codeload/')) return this.codeload(record, url, res)
    let status = 200
    let payload
    let headers = {}
    try {
      if (url.pathname === this.graphqlPath) {
        record.path = '/graphql'
        return this.graphql(record, raw, req, res)
      }
      if (this.prefix && !url.pathname.startsWith(`${this.prefix}/`)) throw new HttpError(404, 'Not Found')
      if (raw !== '') {
        try {
          record.body = JSON.parse(raw)
        } catch {
          throw new HttpError(400, 'Problems parsing JSON')
        }
      }
      const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
      const token = auth ? this.tokens[auth] : undefined
      if (!token) throw new HttpError(401, 'Bad credentials')
      record.login = token.login

      const fault = this.faults.find((f) => (!f.method || f.method === req.method) && (!f.path || (typeof f.path === 'string' ? record.path === f.path : f.path.test(record.path))))
      if (fault) {
        if (--fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1)
        if (!fault.after) throw this.faultError(fault)
      }

      const route = ROUTES.find((r) => r.method === req.method && r.regex.test(record.path))
      if (!route) throw new HttpError(404, 'Not Found')
      const params = Object.fromEntries(Object.entries(route.regex.exec(record.path).groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]))
      const problems = this.validator.check(route.template, req.method, record.query, record.body)
      if (problems.length > 0) {
        this.validationErrors.push(...problems)
        throw new HttpError(422, 'Invalid request.', { errors: problems })
      }
      if (route.handler !== 'getUser' && (params.owner !== this.owner || params.repo !== this.repo)) throw new HttpError(404, 'Not Found')
      if (req.method !== 'GET' && token.readOnly) throw new HttpError(403, 'Resource not accessible by integration')
      ;({ status = 200, payload, headers = {} } = (await this[route.handler](params, record.body ?? {}, token, url)) ?? {})
      // The write happened; the client only hears of a failure.
      if (fault?.after) throw this.faultError(fault)
    } catch (error) {
      // A bug in the fake must fail the test loudly, not hang the client: answer 500 and keep the error.
      const known = error instanceof HttpError ? error : new HttpError(500, `fake-github crashed: ${error?.stack ?? error}`)
      if (!(error instanceof HttpError)) this.crashes.push(known.message)
      status = known.status
      headers = known.headers
      payload = { message: known.message, documentation_url: DOCS, status: String(known.status), ...known.extra }
    }
    record.status = status
    const text = status === 204 || status === 302 ? '' : JSON.stringify(payload)
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28', ...headers })
    res.end(text)
  }

  /** Where GraphQL lives: /graphql on github.com, /api/graphql next to GHES's /api/v3 (as @octokit/graphql maps it). */
  get graphqlPath() {
    return this.prefix ? `${this.prefix.replace(/\/v3$/, '')}/graphql` : '/graphql'
  }

  /**
   * POST /graphql, `viewer { login }` only. GitHub answers it for every kind of token: an installation token's
   * viewer is its app's bot (`<app-slug>[bot]`, or `viewerLogin` to model an answer without the suffix). Errors
   * come back as HTTP 200 with `errors`, as GitHub sends them; other queries are a bug of the caller.
   */
  graphql(record, raw, req, res) {
    let status = 200
    let payload
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const token = auth ? this.tokens[auth] : undefined
    record.login = token?.login
    let query = ''
    try {
      record.body = raw === '' ? undefined : JSON.parse(raw)
      query = String(record.body?.query ?? '')
    } catch {
      status = 400
    }
    const fault = this.faults.find((f) => (!f.method || f.method === req.method) && f.path === '/graphql')
    if (fault) {
      if (--fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1)
      const error = this.faultError(fault)
      status = error.status
      payload = { message: error.message, documentation_url: DOCS }
    } else if (status === 400) payload = { message: 'Problems parsing JSON', documentation_url: DOCS }
    else if (req.method !== 'POST') (status = 404), (payload = { message: 'Not Found', documentation_url: DOCS })
    else if (!token) (status = 401), (payload = { message: 'Bad credentials', documentation_url: DOCS })
    else if (/^\s*(?:query\s*\w*\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) payload = { data: { viewer: { login: token.viewerLogin ?? token.login } } }
    else {
      this.crashes.push(`fake-github: unsupported GraphQL query ${JSON.stringify(query)}`)
      payload = { errors: [{ message: 'fake-github answers only { viewer { login } }' }] }
    }
    record.status = status
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(payload))
  }

  faultError(fault) {
    if (fault.status === 'secondary') {
      return new HttpError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {}, { 'retry-after': String(fault.retryAfter) })
    }
    if (fault.status === 429) {
      const reset = Math.ceil(Date.now() / 1000) + fault.retryAfter
      return new HttpError(429, 'API rate limit exceeded for installation.', {}, { 'retry-after': String(fault.retryAfter), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) })
    }
    return new HttpError(fault.status, fault.status >= 500 ? 'Server Error' : 'Injected fault')
  }

  pull(params) {
    const pull = this.pulls.get(Number(params.pull_number ?? params.issue_number))
    if (!pull) throw new HttpError(404, 'Not Found')
    return pull
  }

  /** Where issue comments of `issue_number` live: a pull request's conversation or an issue. */
  thread(params) {
    const number = Number(params.issue_number)
    const issue = this.issues.get(number)
    if (issue) return { number, issueComments: issue.comments, isIssue: true, issue }
    return this.pull(params)
  }

  user(token) {
    return { login: token.login, id: [...token.login].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1e7, 7), type: token.type ?? 'User' }
  }

  page(url, items) {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
    const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1)
    const last = Math.max(Math.ceil(items.length / perPage), 1)
    const link = (p, rel) => {
      const u = new URL(url)
      u.searchParams.set('page', String(p))
      u.searchParams.set('per_page', String(perPage))
      return `<${u.href}>; rel="${rel}"`
    }
    const links = []
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    return { payload: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} }
  }

  htmlUrl(pull, anchor) {
    return `${this.origin}/${this.owner}/${this.repo}/pull/${pull.number}${anchor}`
  }

  // -- endpoints --------------------------------------------------------------------------------------------

  getUser(_params, _body, token) {
    // Installation tokens (GITHUB_TOKEN, Apps) may not read /user.
    if (!token.user) throw new HttpError(403, 'Resource not accessible by integration')
    return { payload: this.user(token) }
  }

  getPull(params) {
    const pull = this.pull(params)
    const repo = { full_name: `${this.owner}/${this.repo}` }
    return { payload: { number: pull.number, state: 'open', changed_files: pull.files.length, head: { sha: pull.headSha, ref: 'feature', repo }, base: { sha: pull.baseSha, ref: 'main', repo } } }
  }

  listFiles(params, _body, _token, url) {
    return this.page(url, this.pull(params).files.slice(0, MAX_FILES))
  }

  listReviewComments(params, _body, _token, url) {
    return this.page(url, this.pull(params).reviewComments)
  }

  /** The comments of one review (GitHub lists a pending review's comments to its author only). */
  listCommentsForReview(params, _body, token, url) {
    const pull = this.pull(params)
    const review = pull.reviews.find((r) => r.id === Number(params.review_id) && (r.state !== 'PENDING' || r.user.login === token.login))
    if (!review) throw new HttpError(404, 'Not Found')
    return this.page(url, pull.reviewComments.filter((c) => c.pull_request_review_id === review.id))
  }

  listReviews(params, _body, token, url) {
    // Pending reviews are visible to their author only.
    return this.page(url, this.pull(params).reviews.filter((r) => r.state !== 'PENDING' || r.user.login === token.login))
  }

  listIssueComments(params, _body, _token, url) {
    return this.page(url, this.thread(params).issueComments)
  }

  // -- issues (GitHub: GET/POST /repos/{owner}/{repo}/issues, GET/PATCH .../issues/{issue_number}) -----------

  nextNumber() {
    return Math.max(0, ...this.pulls.keys(), ...this.issues.keys()) + 1
  }

  label(name) {
    if (!this.labels.has(name)) {
      const id = ++idCounter
      this.labels.set(name, { id, node_id: `LA_${id}`, url: `${this.url}/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null })
    }
    return this.labels.get(name)
  }

  /** The `issue` object GitHub returns; pull requests listed as issues carry `pull_request`. */
  issuePayload(issue) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}/issues/${issue.number}`
    return {
      id: issue.id,
      node_id: `I_${issue.id}`,
      url: base,
      repository_url: `${this.url}/repos/${this.owner}/${this.repo}`,
      labels_url: `${base}/labels{/name}`,
      comments_url: `${base}/comments`,
      events_url: `${base}/events`,
      html_url: `${this.origin}/${this.owner}/${this.repo}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.state_reason,
      title: issue.title,
      body: issue.body,
      user: issue.user,
      labels: issue.labels.map((name) => this.label(name)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: issue.comments.length,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.closed_at,
      author_association: issue.user.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
  }

  /** Issues the token may write; the GITHUB_TOKEN of a job without issues: write may not. */
  checkIssueWrite(token) {
    if (token.noIssues) throw new HttpError(403, 'Resource not accessible by integration')
  }

  checkIssueBody(body) {
    if ((body ?? '').length > MAX_BODY) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }] })
  }

  /** GitHub's list: open by default, `labels` must all match, `creator` by login, newest first by default; pull requests included. */
  listIssues(_params, _body, _token, url) {
    const q = url.searchParams
    const state = q.get('state') ?? 'open'
    const labels = (q.get('labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean)
    const creator = q.get('creator')
    const sort = q.get('sort') ?? 'created'
    const direction = q.get('direction') ?? 'desc'
    const pulls = [...this.pulls.values()].map((p) => ({
      id: 500000 + p.number, number: p.number, title: `Pull request ${p.number}`, body: '', state: 'open', state_reason: null, labels: [],
      user: { login: 'alice', id: 1, type: 'User' }, comments: p.issueComments, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', closed_at: null, pull: true
    }))
    const items = [...this.issues.values(), ...pulls]
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => labels.every((l) => i.labels.includes(l)))
      .filter((i) => !creator || i.user.login === creator)
      .sort((a, b) => {
        const key = sort === 'updated' ? 'updated_at' : 'created_at'
        const order = sort === 'comments' ? a.comments.length - b.comments.length : a[key].localeCompare(b[key]) || a.number - b.number
        return direction === 'asc' ? order : -order
      })
      .map((i) => ({ ...this.issuePayload(i), ...(i.pull ? { pull_request: { url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${i.number}` } } : {}) }))
    return this.page(url, items)
  }

  createIssue(_params, body, token) {
    this.checkIssueWrite(token)
    this.checkIssueBody(body.body)
    if (!body.title) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] })
    const number = this.nextNumber()
    const now = new Date(Date.now() + number).toISOString()
    const issue = {
      id: ++idCounter,
      number,
      title: String(body.title),
      body: body.body ?? null,
      state: 'open',
      state_reason: null,
      labels: [...new Set((body.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name)).filter(Boolean))],
      user: this.user(token),
      comments: [],
      created_at: now,
      updated_at: now,
      closed_at: null
    }
    for (const name of issue.labels) this.label(name)
    this.issues.set(number, issue)
    return { status: 201, payload: this.issuePayload(issue) }
  }

  issueAt(params) {
    const issue = this.issues.get(Number(params.issue_number))
    if (!issue) throw new HttpError(404, 'Not Found')
    return issue
  }

  getIssue(params) {
    return { payload: this.issuePayload(this.issueAt(params)) }
  }

  updateIssue(params, body, token) {
    const issue = this.issueAt(params)
    this.checkIssueWrite(token)
    if (body.body !== undefined) this.checkIssueBody(body.body)
    if (body.title !== undefined) issue.title = String(body.title)
    if (body.body !== undefined) issue.body = body.body
    if (body.labels !== undefined) issue.labels = [...new Set(body.labels.map((l) => (typeof l === 'string' ? l : l.name)).filter(Boolean))]
    if (body.state !== undefined && body.state !== issue.state) {
      issue.state = body.state
      issue.closed_at = body.state === 'closed' ? new Date().toISOString() : null
      issue.state_reason = body.state === 'closed' ? (body.state_reason ?? 'completed') : 'reopened'
    } else if (body.state_reason !== undefined && issue.state === 'closed') issue.state_reason = body.state_reason
    issue.updated_at = new Date().toISOString()
    return { payload: this.issuePayload(issue) }
  }

  /** Every issue (not pull requests), by number. */
  issueList() {
    return [...this.issues.values()].sort((a, b) => a.number - b.number).map((i) => ({ ...this.issuePayload(i), commentBodies: i.comments.map((c) => c.body) }))
  }

  /** Opens an issue as someone else (a human, another bot) would: for tests that it is never touched. */
  addIssue({ title, body, labels = [], login = 'alice', type = 'User', state = 'open' }) {
    const number = this.nextNumber()
    const now = new Date(Date.now() + number).toISOString()
    const issue = { id: ++idCounter, number, title, body, state, state_reason: state === 'closed' ? 'completed' : null, labels, user: this.user({ login, type }), comments: [], created_at: now, updated_at: now, closed_at: state === 'closed' ? now : null }
    for (const name of labels) this.label(name)
    this.issues.set(number, issue)
    return issue.number
  }

  /**
   * Lines GitHub refuses although the patch shows them (GitHub's own view can differ from any patch a client
   * reads, e.g. a diff recomputed after a force-push): `refuseLine(path, line)` makes the fake refuse them.
   */
  refuseLine(path, line) {
    this.refused.push({ path, line })
  }

  /** GitHub's rules for one review thread anchor; returns the error messages (empty when fine). */
  anchorProblems(pull, c) {
    const problems = []
    if (c.position !== undefined) return ['the fake supports line/side anchors only (position is closing down)']
    if (this.refused.some((r) => r.path === c.path && (r.line === c.line || r.line === c.start_line))) return ['Pull request review thread line must be part of the diff']
    const file = pull.files.find((f) => f.filename === c.path)
    if (!file) return ['Pull request review thread path is invalid']
    const lines = pull.diff.get(c.path)
    if (c.subject_type === 'file') return []
    if (!lines || c.line === undefined) return ['Pull request review thread line must be part of the diff', "Pull request review thread diff hunk can't be blank"]
    const side = (c.side ?? 'RIGHT') === 'LEFT' ? lines.left : lines.right
    const hunk = side.get(c.line)
    if (hunk === undefined) return ['Pull request review thread line must be part of the diff', "Pull request review thread diff hunk can't be blank"]
    if (c.start_line !== undefined) {
      const startSide = (c.start_side ?? c.side ?? 'RIGHT') === 'LEFT' ? lines.left : lines.right
      if (c.start_line >= c.line) problems.push('Pull request review thread start line must precede the end line')
      else if (startSide.get(c.start_line) !== hunk) problems.push('Pull request review thread start line must be part of the same hunk as the line.')
    }
    return problems
  }

  newReviewComment(pull, c, token, reviewId, commitId) {
    const id = ++idCounter
    const now = new Date().toISOString()
    return {
      id,
      node_id: `PRRC_${id}`,
      pull_request_review_id: reviewId,
      diff_hunk: '@@',
      path: c.path,
      commit_id: commitId,
      original_commit_id: commitId,
      user: this.user(token),
      body: c.body,
      created_at: now,
      updated_at: now,
      html_url: this.htmlUrl(pull, `#discussion_r${id}`),
      pull_request_url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${pull.number}`,
      author_association: token.type === 'Bot' ? 'NONE' : 'MEMBER',
      _links: {},
      line: c.line ?? null,
      original_line: c.line ?? null,
      start_line: c.start_line ?? null,
      original_start_line: c.start_line ?? null,
      side: c.side ?? 'RIGHT',
      start_side: c.start_line !== undefined ? (c.start_side ?? c.side ?? 'RIGHT') : null,
      subject_type: c.subject_type ?? 'line',
      ...(c.in_reply_to !== undefined ? { in_reply_to_id: c.in_reply_to } : {})
    }
  }

  createReview(params, body, token) {
    const pull = this.pull(params)
    const errors = []
    if (body.event === 'APPROVE' && token.type === 'Bot') throw new HttpError(422, 'Unprocessable Entity', { errors: ['GitHub Actions is not permitted to approve pull requests.'] })
    if (pull.reviews.some((r) => r.state === 'PENDING' && r.user.login === token.login)) {
      throw new HttpError(422, 'Unprocessable Entity', { errors: ['User can only have one pending review per pull request'] })
    }
    if ((body.event === 'COMMENT' || body.event === 'REQUEST_CHANGES') && !body.body) errors.push('Body is required')
    if ((body.body ?? '').length > MAX_BODY) errors.push(`Body is too long (maximum is ${MAX_BODY} characters)`)
    if (body.commit_id !== undefined && !pull.commits.includes(body.commit_id)) errors.push('Commit is not part of the pull request')
    if (body.commit_id !== undefined && body.commit_id !== pull.headSha && (body.comments ?? []).length > 0) errors.push('Pull request review thread line must be part of the diff')
    for (const c of body.comments ?? []) {
      errors.push(...this.anchorProblems(pull, c))
      if (c.body.length > MAX_BODY) errors.push(`Body is too long (maximum is ${MAX_BODY} characters)`)
    }
    // All or nothing, and GitHub does not say which comment was at fault.
    if (errors.length > 0) throw new HttpError(422, 'Unprocessable Entity', { errors: [...new Set(errors)] })
    const id = ++idCounter
    const commitId = body.commit_id ?? pull.headSha
    const review = {
      id,
      node_id: `PRR_${id}`,
      user: this.user(token),
      body: body.body ?? '',
      state: { COMMENT: 'COMMENTED', APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED' }[body.event] ?? 'PENDING',
      html_url: this.htmlUrl(pull, `#pullrequestreview-${id}`),
      pull_request_url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${pull.number}`,
      author_association: 'NONE',
      _links: {},
      commit_id: commitId,
      submitted_at: new Date().toISOString()
    }
    pull.reviews.push(review)
    for (const c of body.comments ?? []) pull.reviewComments.push(this.newReviewComment(pull, c, token, id, commitId))
    return { payload: review }
  }

  updateReview(params, body, token) {
    const pull = this.pull(params)
    const review = pull.reviews.find((r) => r.id === Number(params.review_id))
    if (!review) throw new HttpError(404, 'Not Found')
    // Only the author may edit a review.
    if (review.user.login !== token.login) throw new HttpError(403, 'Resource not accessible by integration')
    if (body.body.length > MAX_BODY) throw new HttpError(422, 'Unprocessable Entity', { errors: [`Body is too long (maximum is ${MAX_BODY} characters)`] })
    review.body = body.body
    return { payload: review }
  }

  deletePendingReview(params, _body, token) {
    const pull = this.pull(params)
    const review = pull.reviews.find((r) => r.id === Number(params.review_id) && r.user.login === token.login)
    if (!review) throw new HttpError(404, 'Not Found')
    if (review.state !== 'PENDING') throw new HttpError(422, 'Unprocessable Entity', { errors: ['Can not delete a non-pending pull request review'] })
    pull.reviews.splice(pull.reviews.indexOf(review), 1)
    pull.reviewComments = pull.reviewComments.filter((c) => c.pull_request_review_id !== review.id)
    return { payload: review }
  }

  createReviewComment(params, body, token) {
    const pull = this.pull(params)
    if (body.in_reply_to !== undefined) {
      const parent = pull.reviewComments.find((c) => c.id === Number(body.in_reply_to))
      if (!parent) throw new HttpError(404, 'Not Found')
      const reply = this.newReviewComment(pull, { path: parent.path, line: parent.line ?? undefined, side: parent.side, body: body.body, in_reply_to: parent.id }, token, parent.pull_request_review_id, parent.commit_id)
      pull.reviewComments.push(reply)
      return { status: 201, payload: reply }
    }
    const errors = this.anchorProblems(pull, body)
    if (errors.length > 0) throw new HttpError(422, 'Unprocessable Entity', { errors })
    const review = { id: ++idCounter, user: this.user(token), body: '', state: 'COMMENTED', commit_id: body.commit_id ?? pull.headSha }
    pull.reviews.push(review)
    const comment = this.newReviewComment(pull, body, token, review.id, review.commit_id)
    pull.reviewComments.push(comment)
    return { status: 201, payload: comment }
  }

  createReply(params, body, token) {
    return this.createReviewComment({ pull_number: params.pull_number }, { body: body.body, in_reply_to: Number(params.comment_id) }, token)
  }

  findReviewComment(params) {
    for (const pull of this.pulls.values()) {
      const comment = pull.reviewComments.find((c) => c.id === Number(params.comment_id))
      if (comment) return { pull, comment }
    }
    throw new HttpError(404, 'Not Found')
  }

  updateReviewComment(params, body) {
    const { comment } = this.findReviewComment(params)
    comment.body = body.body
    comment.updated_at = new Date().toISOString()
    return { payload: comment }
  }

  deleteReviewComment(params) {
    const { pull, comment } = this.findReviewComment(params)
    pull.reviewComments.splice(pull.reviewComments.indexOf(comment), 1)
    return { status: 204 }
  }

  createIssueComment(params, body, token) {
    const pull = this.thread(params)
    if (pull.isIssue) this.checkIssueWrite(token)
    if (body.body.length > MAX_BODY) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }] })
    const id = ++idCounter
    const now = new Date().toISOString()
    const comment = {
      id,
      node_id: `IC_${id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${id}`,
      html_url: pull.isIssue ? `${this.origin}/${this.owner}/${this.repo}/issues/${pull.number}#issuecomment-${id}` : this.htmlUrl(pull, `#issuecomment-${id}`),
      issue_url: `${this.url}/repos/${this.owner}/${this.repo}/issues/${pull.number}`,
      body: body.body,
      user: this.user(token),
      created_at: now,
      updated_at: now,
      author_association: token.type === 'Bot' ? 'NONE' : 'MEMBER'
    }
    pull.issueComments.push(comment)
    if (pull.isIssue) pull.issue.updated_at = now
    return { status: 201, payload: comment }
  }

  findIssueComment(params) {
    for (const pull of this.pulls.values()) {
      const comment = pull.issueComments.find((c) => c.id === Number(params.comment_id))
      if (comment) return { pull, comment }
    }
    for (const issue of this.issues.values()) {
      const comment = issue.comments.find((c) => c.id === Number(params.comment_id))
      if (comment) return { pull: { issueComments: issue.comments }, comment }
    }
    throw new HttpError(404, 'Not Found')
  }

  updateIssueComment(params, body) {
    const { comment } = this.findIssueComment(params)
    if (body.body.length > MAX_BODY) throw new HttpError(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` }] })
    comment.body = body.body
    comment.updated_at = new Date().toISOString()
    return { payload: comment }
  }

  deleteIssueComment(params) {
    const { pull, comment } = this.findIssueComment(params)
    pull.issueComments.splice(pull.issueComments.indexOf(comment), 1)
    return { status: 204 }
  }

  /** The files of a commit the fake knows: a pull's head or base; undefined for other refs. */
  textsAt(ref) {
    for (const p of this.pulls.values()) {
      if (!ref || p.headSha === ref) return p.headText
      if (p.baseSha === ref) return p.baseText
    }
    return undefined
  }

  getContent(params, _body, _token, url) {
    const text = this.textsAt(url.searchParams.get('ref'))?.[params.path]
    if (text === undefined) throw new HttpError(404, 'Not Found')
    return { payload: { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: params.path.split('/').pop(), path: params.path, content: Buffer.from(text).toString('base64'), sha: '0'.repeat(40) } }
  }
  getRepo() {
    return { payload: { id: 1, name: this.repo, full_name: `${this.owner}/${this.repo}`, private: false, default_branch: 'main', size: this.repoSizeKiB } }
  }

  getTree(params) {
    const texts = this.textsAt(params.tree_sha)
    if (!texts) throw new HttpError(404, 'Not Found')
    const tree = Object.keys(texts).sort().map((path) => ({ path, mode: '100644', type: 'blob', sha: '0'.repeat(40), size: Buffer.byteLength(texts[path]) }))
    return { payload: { sha: params.tree_sha, url: `${this.url}/repos/${this.owner}/${this.repo}/git/trees/${params.tree_sha}`, tree, truncated: false } }
  }

  /** As GitHub does: a redirect to codeload, whose URL carries a short-lived token instead of the header. */
  /** The tarball of a commit the fake knows (a pull's head or base), or undefined. */
  archiveAt(ref) {
    for (const p of this.pulls.values()) if (p.archives?.[ref]) return p.archives[ref]
    return undefined
  }

  getTarball(params) {
    if (!this.archiveAt(params.ref)) throw new HttpError(404, 'Not Found')
    const token = `t${++idCounter}`
    this.codeloadTokens.add(token)
    return { status: 302, payload: '', headers: { location: `${this.origin}/_codeload/${this.owner}/${this.repo}/legacy.tar.gz/${params.ref}?token=${token}` } }
  }

  /** The codeload side of a tarball download (outside the API: no Authorization, a one-time token in the URL). */
  codeload(record, url, res) {
    const ref = url.pathname.split('/').pop()
    const token = url.searchParams.get('token') ?? ''
    const bytes = this.archiveAt(ref)
    if (!this.codeloadTokens.delete(token) || !bytes) {
      record.status = 404
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('Not Found')
      return
    }
    record.status = 200
    res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': String(bytes.length), 'content-disposition': `attachment; filename=${this.owner}-${this.repo}-${ref.slice(0, 7)}.tar.gz` })
    res.end(bytes)
  }
}

/** Starts a fake on 127.0.0.1 (a free port unless given). */
export async function startFakeGitHub(options = {}) {
  return new FakeGitHub(options).listen(options.port ?? 0)
}

// `node scripts/fake-github.mjs --base DIR --head DIR [--port N] [--pull N] [--prefix /api/v3]`:
// serves one pull request built from two directory trees until interrupted; prints its settings as JSON.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2)
  const arg = (name, fallback) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : fallback
  }
  const baseDir = arg('base')
  const headDir = arg('head')
  if (!baseDir || !headDir) {
    process.stderr.write('usage: node scripts/fake-github.mjs --base DIR --head DIR [--port N] [--pull N] [--prefix /api/v3]\n')
    process.exit(2)
  }
  const base = readTree(baseDir)
  const headTree = readTree(headDir)
  const head = { ...headTree }
  for (const path of Object.keys(base)) if (!(path in headTree)) head[path] = null
  const pullNumber = Number(arg('pull', '1'))
  const fake = await startFakeGitHub({ port: Number(arg('port', '0')), prefix: arg('prefix', '') })
  const pull = fake.setPull(pullNumber, pullFromStates(base, head))
  process.stdout.write(`${JSON.stringify({ apiUrl: fake.url, owner: fake.owner, repo: fake.repo, pull: pullNumber, headSha: pull.headSha, baseSha: pull.baseSha, tokens: Object.keys(fake.tokens) })}\n`)
  const stop = () => void fake.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/**
 * The environment the Actions runner gives dist/index.js against `fake`: writes the event file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY into `dir` and returns them with the env. `inputs` are action input names (e.g.
 * 'target-version') → values. `event` is pull_request (default; `fork` makes the PR come from another
 * repository), or schedule / workflow_dispatch / push on `ref` at `headSha` (no pull request).
 */
export function runnerEnv({ fake, pullNumber, baseSha, headSha, dir, workspace, inputs = {}, fork = false, event = 'pull_request', ref = 'refs/heads/main' }) {
  mkdirSync(dir, { recursive: true })
  const repoFull = `${fake.owner}/${fake.repo}`
  const eventPath = join(dir, 'event.json')
  const repository = { name: fake.repo, owner: { login: fake.owner }, full_name: repoFull, default_branch: 'main' }
  const payload = event === 'pull_request' || event === 'pull_request_target'
    ? {
        action: 'synchronize',
        number: pullNumber,
        pull_request: {
          number: pullNumber,
          head: { sha: headSha, repo: { full_name: fork ? `fork-of-${fake.owner}/${fake.repo}` : repoFull } },
          base: { sha: baseSha, repo: { full_name: repoFull } }
        },
        repository
      }
    : event === 'schedule'
      ? { schedule: '17 6 * * 1', repository }
      : event === 'workflow_dispatch'
        ? { inputs: {}, ref, repository }
        : { ref, before: baseSha ?? '0'.repeat(40), after: headSha, repository }
  writeFileSync(eventPath, JSON.stringify(payload))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event,
    ...(event === 'pull_request' || event === 'pull_request_target' ? {} : { GITHUB_SHA: headSha, GITHUB_REF: ref, GITHUB_RUN_ID: '4242' }),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repoFull,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: fake.origin,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]))
  }
  return { env, outputFile, summaryFile }
}
