// Hostile repositories and the CLI as a new user runs it: links, odd file names, inputs with typos.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitSources, workTreeSnapshot } from '../src/changes/snapshots.js'
import { main } from '../src/cli/main.js'
import { CONFIG_MAX_BYTES, loadRepoConfig } from '../src/config.js'
import { checkFromNotNewer, parseAppSlug, parseBoolean, parseChoice, parseVersionInput, unmatchedPatterns } from '../src/inputs.js'
import { tokenKindOf } from '../src/github/pulls.js'
import { readInputs } from '../src/main.js'
import { UsageError } from '../src/model.js'
import { runAnalysis } from '../src/pipeline.js'
import { REPORT_FILE, SARIF_FILE, writeReportFiles } from '../src/report/outputs.js'
import type { AnalysisResult } from '../src/result.js'
import { makeRepo } from './support/gitrepo.js'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))

function tempDir(prefix = 'istio-compat-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function dirWith(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true })
    writeFileSync(join(dir, p), c)
  }
  return dir
}

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, (s) => out.push(s), (s) => err.push(s))
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** The files and lines of a JSON report's findings, as `file:line rule`. */
function findingsOf(json: string): string[] {
  return (JSON.parse(json).findings as { file: string; line: number; rule: string }[]).map((f) => `${f.file}:${f.line} ${f.rule}`)
}

const BROKEN = 'a: [1\n' // a parse error on line 1 of whichever file holds it
const CONFIG = '.github/istio-compat.yml'

describe('the config file is read only as a regular file inside the repository', () => {
  it('refuses a config that is a link to /dev/zero, at once and without reading it', () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n' })
    mkdirSync(join(dir, '.github'))
    symlinkSync('/dev/zero', join(dir, CONFIG))
    expect(() => loadRepoConfig(dir)).toThrow(new UsageError(`config ${CONFIG} is a symbolic link; istio-compat reads only regular files of the repository`))
  })

  it('refuses a config that links to a file outside the workspace, and never echoes what that file holds', async () => {
    const outside = dirWith({ 'secret.yml': 'aws_secret_access_key: hunter2\n' })
    const dir = dirWith({ 'a.yaml': 'a: 1\n' })
    mkdirSync(join(dir, '.github'))
    symlinkSync(join(outside, 'secret.yml'), join(dir, CONFIG))
    const r = await cli(['check', '--repo', dir, '--target', '1.28'])
    expect(r.code).toBe(2)
    expect(r.err).toBe(`istio-compat: config ${CONFIG} is a symbolic link; istio-compat reads only regular files of the repository`)
    expect(r.err + r.out).not.toContain('aws_secret_access_key')
  })

  it('refuses a config reached through a linked directory (.github -> outside)', () => {
    const outside = dirWith({ 'istio-compat.yml': 'leaked_key: 1\n' })
    const dir = dirWith({ 'a.yaml': 'a: 1\n' })
    symlinkSync(outside, join(dir, '.github'))
    expect(() => loadRepoConfig(dir)).toThrow(`config ${CONFIG} is a symbolic link (.github)`)
  })

  it('refuses a config path outside the repository, a directory, and a file over the size cap, each with a clear message', () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n', 'big.yml': `ignore:\n${'  - "x/**"\n'.repeat(Math.ceil(CONFIG_MAX_BYTES / 10))}` })
    mkdirSync(join(dir, 'conf.d'))
    expect(() => loadRepoConfig(dir, '../x.yml', { explicit: true })).toThrow(`config ../x.yml is outside the repository (${dir}); give a path inside it`)
    expect(() => loadRepoConfig(dir, 'conf.d', { explicit: true })).toThrow('config conf.d is a directory, not a file')
    expect(() => loadRepoConfig(dir, '.', { explicit: true })).toThrow('config . is a directory, not a file')
    expect(() => loadRepoConfig(dir, 'big.yml', { explicit: true })).toThrow(new RegExp(`^config big\\.yml is \\d+ bytes, more than the limit of ${CONFIG_MAX_BYTES} bytes$`))
    expect(() => loadRepoConfig(dir, 'missing.yml', { explicit: true })).toThrow('config missing.yml does not exist')
    // The default path may be absent: no config.
    expect(loadRepoConfig(dir)).toEqual({ rules: {}, ignore: [], targets: [] })
  })

  it('the CLI reports a config that is a directory as a usage error (exit 2)', async () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n', 'conf/x': '' })
    const r = await cli(['check', '--repo', dir, '--target', '1.28', '--config', 'conf'])
    expect(r.code).toBe(2)
    expect(r.err).toBe('istio-compat: config conf is a directory, not a file')
  })
})

describe('the work tree is read without following links', () => {
  it('lists and reads only regular files: links to /dev/zero, to files outside and to directories are skipped', async () => {
    const outside = dirWith({ 'secret.yaml': 'token: abc\n', 'sub/x.yaml': 'b: 2\n' })
    const dir = dirWith({ 'a.yaml': 'a: 1\n' })
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'))
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'secret.yaml'))
    symlinkSync(join(outside, 'sub'), join(dir, 'sub'))
    const snapshot = workTreeSnapshot(dir)
    expect(await snapshot.list()).toEqual(['a.yaml'])
    const read = await snapshot.read(['a.yaml', 'zero.yaml', 'secret.yaml', 'sub/x.yaml', '../x.yaml'])
    expect([...read.keys()]).toEqual(['a.yaml'])
  })
})

describe('report files never follow a link', () => {
  const result = { target: { release: { version: '1.28' } }, findings: [], changes: { files: [] }, resources: [], notChecked: [], documentsChecked: 0, versionBump: false } as unknown as AnalysisResult

  it('replaces a link planted at the report name instead of writing through it', async () => {
    const victim = dirWith({ 'victim.txt': 'keep me\n' })
    const dir = tempDir()
    symlinkSync(join(victim, 'victim.txt'), join(dir, REPORT_FILE))
    symlinkSync(join(victim, 'victim.txt'), join(dir, SARIF_FILE))
    const files = await writeReportFiles(result, dir)
    expect(readFileSync(join(victim, 'victim.txt'), 'utf8')).toBe('keep me\n')
    expect(lstatSync(files.report).isFile()).toBe(true)
    expect(JSON.parse(readFileSync(files.report, 'utf8')).findings).toEqual([])
    expect(lstatSync(files.sarif).isFile()).toBe(true)
    expect(readdirSync(dir).sort()).toEqual([SARIF_FILE, REPORT_FILE].sort())
  })

  it('refuses a report folder that is a link', async () => {
    const victim = tempDir()
    const dir = tempDir()
    symlinkSync(victim, join(dir, 'reports'))
    await expect(writeReportFiles(result, join(dir, 'reports'))).rejects.toThrow('is a symbolic link; report files are written only into a real directory')
    expect(readdirSync(victim)).toEqual([])
  })
})

describe('file names git and the CLI must take as they are', () => {
  it('checks a file whose name holds a newline in git mode (--base), with its line', async () => {
    const repo = makeRepo({ 'ok.yaml': 'a: 1\n' }, { 'ok.yaml': 'a: 1\n', 'odd\nname.yaml': BROKEN, 'dir/x.yaml': BROKEN })
    cleanups.push(repo.cleanup)
    const sources = gitSources(repo.dir, 'main', 'pr')
    const result = await runAnalysis(sources, { target: '1.28', paths: [] })
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['dir/x.yaml:1 parse', 'odd\nname.yaml:1 parse'])
  })

  it('takes [x].yaml, {a,b}.yaml and !x.yaml as file names, not globs, and names after -- as files', async () => {
    const dir = dirWith({ '[x].yaml': BROKEN, 'x.yaml': BROKEN, '{a,b}.yaml': BROKEN, 'a.yaml': BROKEN, 'b.yaml': BROKEN, '!x.yaml': BROKEN, '-v.yaml': BROKEN })
    const run = async (...paths: string[]) => findingsOf((await cli(['check', '--repo', dir, '--target', '1.28', '--format', 'json', '--', ...paths])).out)
    expect(await run('[x].yaml')).toEqual(['[x].yaml:1 parse'])
    expect(await run('{a,b}.yaml')).toEqual(['{a,b}.yaml:1 parse'])
    expect(await run('!x.yaml', 'a.yaml')).toEqual(['!x.yaml:1 parse', 'a.yaml:1 parse'])
    expect(await run('-v.yaml')).toEqual(['-v.yaml:1 parse'])
  })

  it('still takes a quoted glob that names no file as a pattern', async () => {
    const dir = dirWith({ 'apps/a.yaml': BROKEN, 'apps/b.yml': 'a: 1\n', 'other/c.yaml': BROKEN })
    const r = await cli(['check', '--repo', dir, '--target', '1.28', '--format', 'json', 'apps/*.yaml'])
    expect(findingsOf(r.out)).toEqual(['apps/a.yaml:1 parse'])
  })
})

describe('the CLI as a new user runs it', () => {
  const cwd = process.cwd()
  afterEach(() => process.chdir(cwd))
  let dir: string
  beforeEach(() => {
    dir = dirWith({ 'mesh/broken.yaml': BROKEN, 'mesh/ok.yaml': 'a: 1\n', 'top.yaml': 'a: 1\n' })
  })

  it('check . and check ./ check the whole folder', async () => {
    process.chdir(dir)
    for (const path of ['.', './']) {
      const r = await cli(['check', path, '--target', '1.28', '--format', 'json'])
      expect(r.err).toBe('')
      expect(r.code).toBe(1)
      expect(findingsOf(r.out)).toEqual(['mesh/broken.yaml:1 parse'])
    }
  })

  it('a directory with a trailing slash, ./-relative files and absolute paths inside the repository work', async () => {
    process.chdir(dir)
    for (const path of ['mesh/', './mesh/broken.yaml', join(dir, 'mesh'), join(dir, 'mesh/broken.yaml')]) {
      const r = await cli(['check', path, '--target', '1.28', '--format', 'json'])
      expect({ path, code: r.code, err: r.err, findings: findingsOf(r.out) }).toEqual({ path, code: 1, err: '', findings: ['mesh/broken.yaml:1 parse'] })
    }
  })

  it('an absolute path outside the repository and a path that does not exist are usage errors (exit 2)', async () => {
    const other = dirWith({ 'x.yaml': 'a: 1\n' })
    const outside = await cli(['check', '--repo', dir, '--target', '1.28', join(other, 'x.yaml')])
    expect(outside.code).toBe(2)
    expect(outside.err).toBe(`istio-compat: ${join(other, 'x.yaml')} is outside the repository ${dir} (set --repo to check another repository)`)
    const missing = await cli(['check', '--repo', dir, '--target', '1.28', 'mesh/brokn.yaml', 'mesh/ok.yaml'])
    expect(missing.code).toBe(2)
    expect(missing.err).toBe(`istio-compat: mesh/brokn.yaml does not exist in ${dir}`)
  })

  it('--from auto without --base is a usage error', async () => {
    const r = await cli(['check', '--repo', dir, '--target', '1.28', '--from', 'auto'])
    expect(r.code).toBe(2)
    expect(r.err).toBe('istio-compat: --from auto reads the release from the base commit, so it needs --base REF; without --base give the release, e.g. --from 1.26')
  })

  it('a misspelt option gets a suggestion, a file name that looks like an option is told to go after --', async () => {
    const typo = await cli(['check', '--repo', dir, '--taget', '1.28'])
    expect(typo.code).toBe(2)
    expect(typo.err).toBe("istio-compat: Unknown option '--taget'; did you mean --target?")
    const dash = await cli(['check', '--repo', dir, '--target', '1.28', '-x.yaml'])
    expect(dash.code).toBe(2)
    expect(dash.err).toMatch(/put file names after --, e\.g\. istio-compat check --target 1\.28 -- -x/)
    const command = await cli(['chek', '--repo', dir])
    expect(command.err).toMatch(/^istio-compat: unknown command "chek"; did you mean "check"\?/)
  })

  it('keywords in any case; a from-release newer than the target is an error', async () => {
    const r = await cli(['check', '--repo', dir, '--target', '1.28', '--format', 'JSON', '--fail-on', 'Never', 'mesh'])
    expect(r.code).toBe(0)
    expect(findingsOf(r.out)).toEqual(['mesh/broken.yaml:1 parse'])
    const swapped = await cli(['check', '--repo', dir, '--target', '1.26', '--from', '1.28'])
    expect(swapped.code).toBe(2)
    expect(swapped.err).toBe('istio-compat: --from 1.28 is newer than --target 1.26; --from is the release the mesh runs today and --target the one it moves to (were they swapped?)')
    const format = await cli(['check', '--repo', dir, '--target', '1.28', '--format', 'xml'])
    expect(format.err).toBe('istio-compat: --format must be text, json, sarif or markdown, not "xml"')
  })
})

describe('action inputs are validated alike', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
  })
  const setInputs = (inputs: Record<string, string>) => {
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v
  }

  it('suggestions: maybe is an error naming the input; case does not matter for keywords', () => {
    setInputs({ suggestions: 'maybe' })
    expect(() => readInputs()).toThrow(new UsageError('suggestions must be true or false, not "maybe"'))
    setInputs({ suggestions: 'FALSE', comment: 'Summary', 'target-version': 'AUTO', 'from-version': 'V1.26', 'fail-on': 'Warning' })
    expect(readInputs()).toMatchObject({ suggestions: false, comment: 'summary', target: 'auto', from: 'v1.26', failOn: 'warning' })
  })

  it('a from-version newer than the target-version is an error; a bare minor against its own patch is not', () => {
    setInputs({ 'target-version': '1.26', 'from-version': '1.28.1' })
    expect(() => readInputs()).toThrow('from-version 1.28.1 is newer than target-version 1.26')
    setInputs({ 'target-version': '1.28.1', 'from-version': '1.28' })
    expect(readInputs()).toMatchObject({ target: '1.28.1', from: '1.28' })
    setInputs({ 'target-version': '1.28.1', 'from-version': '1.28.2' })
    expect(() => readInputs()).toThrow('from-version 1.28.2 is newer than target-version 1.28.1')
  })

  it('a release that does not exist and a comment mode with a typo name the input', () => {
    setInputs({ 'target-version': '1.19' })
    expect(() => readInputs()).toThrow(/^target-version: Istio 1\.19 is not a release istio-compat knows/)
    setInputs({ 'target-version': '1.28', comment: 'reviews' })
    expect(() => readInputs()).toThrow('comment must be review, summary or off, not "reviews"')
  })

  it('app-slug: a slug (or <slug>[bot]) becomes the bot login; anything else is an error naming the input', () => {
    setInputs({ 'target-version': '1.28', 'from-version': 'auto', comment: 'review', suggestions: 'true', 'app-slug': 'Mesh-Checks' })
    expect(readInputs()).toMatchObject({ appLogin: 'mesh-checks[bot]' })
    setInputs({ 'app-slug': ' mesh-checks[bot] ' })
    expect(readInputs()).toMatchObject({ appLogin: 'mesh-checks[bot]' })
    setInputs({ 'app-slug': '' })
    expect(readInputs().appLogin).toBeUndefined()
    setInputs({ 'app-slug': 'mesh checks' })
    expect(() => readInputs()).toThrow(new UsageError('app-slug must be a GitHub App\'s slug (letters, digits and hyphens, e.g. my-app), not "mesh checks"'))
    expect(() => parseAppSlug('app-slug', '-x')).toThrow(UsageError)
    setInputs({ 'app-slug': '' })
  })

  it('token kinds by prefix: ghs_ is an installation token, PAT / OAuth / user-to-server tokens act as a person', () => {
    expect(tokenKindOf('ghs_abc')).toBe('installation')
    expect(['ghp_abc', 'github_pat_abc', 'gho_abc', 'ghu_abc'].map(tokenKindOf)).toEqual(['user', 'user', 'user', 'user'])
    expect(tokenKindOf('0123456789abcdef0123456789abcdef01234567')).toBeUndefined()
  })

  it('shared validators: choices, booleans, versions, patterns that match nothing', () => {
    expect(parseChoice('--format', ' Text ', ['text', 'json'] as const)).toBe('text')
    expect(() => parseBoolean('suggestions', 'yes')).toThrow('suggestions must be true or false, not "yes"')
    expect(parseVersionInput('--target', 'Latest')).toBe('latest')
    expect(() => checkFromNotNewer('--from', '1.29', '--target', 'latest')).not.toThrow()
    expect(unmatchedPatterns(['apps/**/*.yaml', 'clustrs/**', '!apps/x.yaml'], ['apps/a/b.yaml', 'clusters/c.yaml'])).toEqual(['clustrs/**'])
  })
})
