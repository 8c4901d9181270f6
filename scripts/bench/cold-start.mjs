// Cold start of the shipped action: spawn `node dist/index.js` as the runner would for a pull_request event, and
// time it up to its first request to a loopback API server (and up to its exit, for runs that make none).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { median } from './measure.mjs'

const HEAD_SHA = 'a'.repeat(40)
const BASE_SHA = 'b'.repeat(40)

/** A loopback API that answers the read calls of a PR run with small, valid bodies and records arrival times. */
function startRecorder() {
  let onRequest = () => {}
  const server = createServer((req, res) => {
    onRequest(performance.now(), req.method, req.url)
    req.resume()
    req.on('end', () => {
      const url = req.url ?? ''
      let body = {}
      if (/\/pulls\/\d+\/files/.test(url) || /\/comments/.test(url) || /\/reviews/.test(url)) body = []
      else if (/\/pulls\/\d+$/.test(url)) body = { number: 7, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } }
      else if (/\/git\/trees\//.test(url)) body = { sha: HEAD_SHA, tree: [], truncated: false }
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}`,
      expect: (fn) => { onRequest = fn },
      close: () => new Promise((r) => server.close(r))
    }))
  })
}

function runOnce(root, api, dir) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'octo/mesh',
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKSPACE: join(dir, 'workspace'),
    GITHUB_SHA: HEAD_SHA,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    'INPUT_TARGET-VERSION': '1.28',
    'INPUT_FROM-VERSION': '1.26',
    'INPUT_FAIL-ON': 'never',
    INPUT_COMMENT: 'review',
    INPUT_SUGGESTIONS: 'true',
    'INPUT_GITHUB-TOKEN': 'ghs_bench0000000000000000000000000000',
    INPUT_PATHS: '**/*.yaml'
  }
  return new Promise((resolve, reject) => {
    let firstRequest
    let firstRoute
    let requests = 0
    api.expect((at, method, url) => {
      requests++
      firstRequest ??= at
      firstRoute ??= `${method} ${url.split('?')[0]}`
    })
    const t0 = performance.now()
    const child = spawn(process.execPath, [join(root, 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ firstRoute, firstRequestMs: firstRequest === undefined ? undefined : firstRequest - t0, exitMs: performance.now() - t0, requests, code, out })
    })
  })
}

function nodeBaseline() {
  return new Promise((resolve) => {
    const t0 = performance.now()
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', () => resolve(performance.now() - t0))
  })
}

export async function measureColdStart(root, runs = 10) {
  const dir = mkdtempSync(join(tmpdir(), 'istio-compat-cold-'))
  const api = await startRecorder()
  try {
    mkdirSync(join(dir, 'workspace'))
    writeFileSync(join(dir, 'workspace', 'vs.yaml'), 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\nspec:\n  hosts: [web]\n')
    writeFileSync(join(dir, 'event.json'), JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: HEAD_SHA, ref: 'feature' }, base: { sha: BASE_SHA, ref: 'main' } },
      repository: { name: 'mesh', owner: { login: 'octo' }, full_name: 'octo/mesh' }
    }))
    await runOnce(root, api, dir) // warms the page cache for dist/index.js
    const results = []
    const node = []
    for (let i = 0; i < runs; i++) {
      results.push(await runOnce(root, api, dir))
      node.push(await nodeBaseline())
    }
    const first = results.map((r) => r.firstRequestMs).filter((x) => x !== undefined)
    return {
      runs,
      firstRequestMs: first.length === runs ? median(first) : undefined,
      exitMs: median(results.map((r) => r.exitMs)),
      nodeMs: median(node),
      requests: results[0].requests,
      firstRoute: results[0].firstRoute,
      exitCode: results[0].code,
      output: results[0].out
    }
  } finally {
    await api.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Size of each shipped bundle, raw and gzipped. */
export function distSizes(root) {
  const dir = join(root, 'dist')
  return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((file) => {
    const path = join(dir, file)
    return { file: `dist/${file}`, bytes: statSync(path).size, gzip: gzipSync(readFileSync(path)).length }
  })
}
