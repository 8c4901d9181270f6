// GitHub API requests per PR size and finding count: the shipped action (dist/index.js) run as the Actions runner
// runs it, against the local fake GitHub (scripts/fake-github.mjs), which records every request. Compared with the
// minimum: ceil(files/100) list calls + 1 review + at most 1 summary upsert.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const PR_FILES = [10, 300, 3000]
export const FINDINGS = [0, 40, 200]

export const minimumRequests = (files) => Math.ceil(files / 100) + 1 + 1

/** With a checkout holding both commits git gives the file list, so the floor is the two writes. */
export const minimumFor = (mode, files) => (mode === 'checkout' ? 2 : minimumRequests(files))

const NEEDED = ['scripts/fake-github.mjs', 'dist/index.js']
const PULL = 7

/** One VirtualService; with `typo` its route carries `timeoutt`, which the schema analyzer reports once (with a fix). */
function virtualService(i, typo) {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    `  name: web-${i}`,
    '  namespace: shop',
    'spec:',
    '  hosts:',
    `  - web-${i}.shop.svc.cluster.local`,
    '  http:',
    '  - route:',
    '    - destination:',
    `        host: web-${i}.shop.svc.cluster.local`,
    `    ${typo ? 'timeoutt' : 'timeout'}: 5s`
  ].join('\n') + '\n'
}

/** `files` added manifests holding `findings` problems in all, spread round-robin (a file holds several when needed). */
function headState(files, findings) {
  const perFile = Math.max(1, Math.ceil(findings / files))
  const head = {}
  let doc = 0
  for (let d = 0; d < perFile; d++) {
    for (let f = 0; f < files; f++) {
      const path = `apps/team-${f % 17}/vs-${f}.yaml`
      head[path] = (head[path] ? `${head[path]}---\n` : '') + virtualService(doc, doc < findings)
      doc++
    }
  }
  return head
}

function runAction(root, harness, fake, built, dir, workspace) {
  const { env, outputFile } = harness.runnerEnv({
    fake, pullNumber: PULL, baseSha: built.baseSha, headSha: built.headSha, dir, workspace,
    inputs: {
      'target-version': '1.28', 'from-version': '1.26', 'fail-on': 'never', comment: 'review', suggestions: 'true',
      config: '.github/istio-compat.yml', paths: '**/*.yaml', 'github-token': 'bot-token'
    }
  })
  const before = fake.requests.length
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    // The fake lives in this process: the child must run asynchronously so the fake can answer it.
    const child = spawn(process.execPath, [join(root, 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      const outputs = Object.fromEntries([...readFileSync(outputFile, 'utf8').matchAll(/^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1], m[3]]))
      const requests = fake.requests.slice(before)
      const findings = ['errors', 'warnings', 'notices'].reduce((n, k) => n + Number(outputs[k] ?? 0), 0)
      if (code !== 0) reject(new Error(`dist/index.js exited with ${code}:\n${out.slice(-2000)}`))
      else resolve({ ms: performance.now() - t0, requests: requests.length, breakdown: breakdown(requests), findings, failed: requests.filter((r) => r.status >= 400).map((r) => `${routeOf(r)} ${r.status}`) })
    })
  })
}

/** A short name for a recorded request: its route with owner, repo and ids taken out. */
function routeOf(r) {
  if (r.path.startsWith('/_codeload/')) return 'archive download'
  const p = r.path.replace(/\/repos\/[^/]+\/[^/]+/, '').replace(/\/contents\/.*/, '/contents/:path').replace(/[0-9a-f]{40}/g, ':sha').replace(/\/\d+/g, '/:n')
  const names = {
    'GET ': 'repo info',
    'GET /git/trees/:sha': 'git tree',
    'GET /tarball/:sha': 'tarball',
    'GET /pulls/:n/files': 'list files',
    'GET /user': 'whoami',
    'GET /pulls/:n': 'get pull',
    'GET /contents/:path': 'read file',
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

/**
 * For each PR size and finding count, two workspaces: a checkout holding both commits (the recommended
 * `fetch-depth: 0`; the diff comes from git) and an empty one (the action reads the PR through the API).
 * Each runs twice on the same PR: the first run posts, the re-run finds everything already there.
 */
export async function measureRequests(root, log = () => {}) {
  const missing = NEEDED.filter((p) => !existsSync(join(root, p)))
  if (missing.length) return { pending: `needs ${missing.join(', ')}` }
  const harness = await import(pathToFileURL(join(root, 'scripts/fake-github.mjs')).href)
  const { pullFromStates, startFakeGitHub } = harness
  const temp = mkdtempSync(join(tmpdir(), 'istio-compat-requests-'))
  const rows = []
  try {
    for (const files of PR_FILES) {
      for (const findings of FINDINGS) {
        const built = pullFromStates({ 'README.md': '# mesh\n' }, headState(files, findings), { keepRepo: true })
        try {
          for (const mode of ['checkout', 'api']) {
            log(`  ${files} files, ${findings} findings, ${mode}`)
            const fake = await startFakeGitHub()
            try {
              fake.setPull(PULL, built)
              const workspace = mode === 'checkout' ? built.dir : join(temp, 'empty')
              mkdirSync(workspace, { recursive: true })
              const first = await runAction(root, harness, fake, built, join(temp, `${files}-${findings}-${mode}-1`), workspace)
              const rerun = await runAction(root, harness, fake, built, join(temp, `${files}-${findings}-${mode}-2`), workspace)
              rows.push({ files, findings, mode, first, rerun, validationErrors: fake.validationErrors.length })
            } finally {
              await fake.close()
            }
          }
        } finally {
          rmSync(built.dir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
  return { rows }
}
