// The bundled action (dist/index.js) against a pull request that plants links in the checkout, run as the runner
// runs it with the fake GitHub: nothing outside the workspace is read or written, and inputs that match nothing say so.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { pullFromStates, runnerEnv, startFakeGitHub, type BuiltPull, type FakeGitHub } from '../scripts/fake-github.mjs'

const PULL = 9
const CONFIG = '.github/istio-compat.yml'
let built: BuiltPull
let fake: FakeGitHub
let temp: string

const VS = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\nspec:\n  hosts: [web]\n'

beforeAll(async () => {
  built = pullFromStates({ 'apps/vs.yaml': VS }, { 'apps/vs.yaml': VS.replace('web]', 'web, web.shop]'), 'apps/broken.yaml': 'a: [1\n' }, { keepRepo: true })
  fake = await startFakeGitHub()
  fake.setPull(PULL, built)
  temp = mkdtempSync(join(tmpdir(), 'istio-compat-hostile-action-'))
})

afterAll(async () => {
  await fake?.close()
  if (built?.dir) rmSync(built.dir, { recursive: true, force: true })
  if (temp) rmSync(temp, { recursive: true, force: true })
})

function runAction(name: string, inputs: Record<string, string>, options: { runnerTemp?: boolean } = {}) {
  const dir = join(temp, name)
  rmSync(dir, { recursive: true, force: true })
  const { env, outputFile } = runnerEnv({
    fake,
    pullNumber: PULL,
    baseSha: built.baseSha,
    headSha: built.headSha,
    dir,
    workspace: built.dir as string,
    inputs: { 'target-version': '1.28', 'from-version': '1.26', 'fail-on': 'error', comment: 'off', suggestions: 'true', config: CONFIG, paths: '**/*.yaml\n**/*.yml', 'github-token': 'bot-token', ...inputs }
  })
  const childEnv: Record<string, string | undefined> = { ...env }
  if (options.runnerTemp === false) delete childEnv.RUNNER_TEMP
  return new Promise<{ code: number | null; stdout: string; outputs: string; runnerTemp: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env: childEnv as NodeJS.ProcessEnv, cwd: built.dir })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, outputs: readFileSync(outputFile, 'utf8'), runnerTemp: env.RUNNER_TEMP as string }))
  })
}

/** The value of one output in GITHUB_OUTPUT's heredoc format. */
function output(text: string, name: string): string | undefined {
  return new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(text)?.[2]
}

function withConfigLink(target: string, run: () => Promise<void>): () => Promise<void> {
  return async () => {
    const path = join(built.dir as string, CONFIG)
    mkdirSync(join(built.dir as string, '.github'), { recursive: true })
    symlinkSync(target, path)
    try {
      await run()
    } finally {
      rmSync(path, { force: true })
    }
  }
}

describe('the action on a PR that plants links', () => {
  it('fails with a clear error on a config linked to /dev/zero instead of reading it without end', withConfigLink('/dev/zero', async () => {
    const r = await runAction('zero', {})
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`::error::config ${CONFIG} is a symbolic link; istio-compat reads only regular files of the repository`)
  }))

  it('does not echo a file outside the workspace that the config links to', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'istio-compat-outside-'))
    writeFileSync(join(outside, 'credentials'), 'aws_secret_access_key: AKIAEXAMPLE\n')
    try {
      await withConfigLink(join(outside, 'credentials'), async () => {
        const r = await runAction('outside', {})
        expect(r.code).toBe(1)
        expect(r.stdout).toContain(`::error::config ${CONFIG} is a symbolic link`)
        expect(r.stdout).not.toContain('aws_secret_access_key')
        expect(r.stdout).not.toContain('AKIAEXAMPLE')
      })()
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('replaces a link at the report name in RUNNER_TEMP instead of writing through it', async () => {
    const victim = join(temp, 'victim.txt')
    writeFileSync(victim, 'keep me\n')
    const dir = join(temp, 'planted')
    rmSync(dir, { recursive: true, force: true })
    // runnerEnv recreates the run folder; plant the link in RUNNER_TEMP after it does, before the action starts.
    const runner = join(dir, 'runner-temp')
    mkdirSync(runner, { recursive: true })
    symlinkSync(victim, join(runner, 'istio-compat-report.json'))
    const { env } = runnerEnv({
      fake, pullNumber: PULL, baseSha: built.baseSha, headSha: built.headSha, dir, workspace: built.dir as string,
      inputs: { 'target-version': '1.28', 'from-version': '1.26', 'fail-on': 'never', comment: 'off', suggestions: 'true', config: CONFIG, paths: '**/*.yaml', 'github-token': 'bot-token' }
    })
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, cwd: built.dir, stdio: 'ignore' }).on('close', resolve))
    expect(code).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n')
    expect(lstatSync(join(runner, 'istio-compat-report.json')).isFile()).toBe(true)
    expect(JSON.parse(readFileSync(join(runner, 'istio-compat-report.json'), 'utf8')).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['apps/broken.yaml:1'])
  })

  it('without RUNNER_TEMP writes its reports outside the workspace, never through a linked .istio-compat folder', async () => {
    const victim = mkdtempSync(join(tmpdir(), 'istio-compat-victim-'))
    const link = join(built.dir as string, '.istio-compat')
    symlinkSync(victim, link)
    try {
      const r = await runAction('no-runner-temp', { 'fail-on': 'never' }, { runnerTemp: false })
      expect(r.code).toBe(0)
      expect(readdirSync(victim)).toEqual([])
      const report = output(r.outputs, 'report') as string
      expect(relative(built.dir as string, report).startsWith('..')).toBe(true)
      expect(lstatSync(report).isFile()).toBe(true)
      expect(existsSync(output(r.outputs, 'sarif') as string)).toBe(true)
      rmSync(join(report, '..'), { recursive: true, force: true })
    } finally {
      rmSync(link, { force: true })
      rmSync(victim, { recursive: true, force: true })
    }
  })
})

describe('the action on inputs that match nothing', () => {
  it('paths that match no file of the repository stop the run with a clear error', async () => {
    const r = await runAction('no-match', { paths: 'deploy/**/*.yaml\nclusters/**' })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::paths: no file of the repository matches "deploy/**/*.yaml", "clusters/**"; patterns are minimatch globs relative to the repository root, e.g. "deploy/**/*.yaml"')
  })

  it('one pattern of several that matches nothing is a warning, and the rest is checked', async () => {
    const r = await runAction('some-match', { paths: 'apps/**/*.yaml\nclustrs/**' })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::warning::istio-compat: paths: "clustrs/**" matches no file of the repository')
    expect(r.stdout).toMatch(/::error file=apps\/broken\.yaml,line=1/)
  })

  it('suggestions: maybe fails the run naming the input', async () => {
    const r = await runAction('maybe', { suggestions: 'maybe' })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::suggestions must be true or false, not "maybe"')
  })
})
