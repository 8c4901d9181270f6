// The conventions of a published action: the pre-commit manifest, the release workflow and its tagging script,
// Dependabot, the changelog and the example workflows, checked against what pre-commit and GitHub read.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { changelogSection, release, ReleaseError } from '../scripts/release.mjs'
import { actionMode } from '../src/readiness/run.js'

const read = (path: string) => readFileSync(path, 'utf8')
const pkg = JSON.parse(read('package.json'))

/** 1-based line of `needle` in `path` (for failure messages that name the place). */
function lineOf(path: string, needle: string): number {
  return read(path).split('\n').findIndex((l) => l.includes(needle)) + 1
}

// The keys and languages pre-commit 4.6.2 accepts in a hook manifest (pre_commit.clientlib.MANIFEST_HOOK_DICT,
// pre_commit.all_languages); `pre-commit validate-manifest .pre-commit-hooks.yaml` agrees with this file.
const PRE_COMMIT_KEYS = ['id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'require_serial', 'stages', 'verbose', 'minimum_pre_commit_version']
const PRE_COMMIT_LANGUAGES = ['conda', 'coursier', 'dart', 'docker', 'docker_image', 'dotnet', 'fail', 'golang', 'haskell', 'julia', 'lua', 'node', 'perl', 'pygrep', 'python', 'r', 'ruby', 'rust', 'swift', 'unsupported', 'unsupported_script', 'system', 'script']

// Workflow syntax for GitHub Actions: the keys a workflow, a job and a step may have.
const WORKFLOW_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']
const JOB_KEYS = ['name', 'needs', 'permissions', 'if', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets']
const STEP_KEYS = ['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes']
const PERMISSION_SCOPES = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses']

const WORKFLOWS = [
  ...readdirSync('.github/workflows').map((f) => join('.github/workflows', f)),
  ...readdirSync('examples/workflows').map((f) => join('examples/workflows', f))
].filter((f) => /\.ya?ml$/.test(f))

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  [key: string]: unknown
}
interface Workflow {
  on: Record<string, any>
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[]; [key: string]: unknown }>
  [key: string]: unknown
}

const workflow = (path: string) => load(read(path)) as Workflow

describe('.pre-commit-hooks.yaml', () => {
  const hooks = load(read('.pre-commit-hooks.yaml')) as Record<string, any>[]

  it('is a list of hooks with the keys and languages pre-commit accepts', () => {
    expect(Array.isArray(hooks)).toBe(true)
    expect(hooks.map((h) => h.id)).toEqual(['istio-compat'])
    for (const hook of hooks) {
      const line = lineOf('.pre-commit-hooks.yaml', `id: ${hook.id}`)
      expect({ line, unknown: Object.keys(hook).filter((k) => !PRE_COMMIT_KEYS.includes(k)) }).toEqual({ line, unknown: [] })
      expect({ line, missing: ['id', 'name', 'entry', 'language'].filter((k) => typeof hook[k] !== 'string' || hook[k] === '') }).toEqual({ line, missing: [] })
      expect(PRE_COMMIT_LANGUAGES).toContain(hook.language)
      if (hook.files !== undefined) expect(() => new RegExp(hook.files)).not.toThrow()
    }
  })

  it('runs the package bin that npm pack ships, and ends its args with -- before the file names', () => {
    const [hook] = hooks
    expect(hook.language).toBe('node')
    const [bin, subcommand] = hook.entry.split(' ')
    expect({ bin, subcommand, target: pkg.bin[bin] }).toEqual({ bin: 'istio-compat', subcommand: 'check', target: 'dist/cli.js' })
    // language: node installs the package (npm pack): its `files` must carry the bin.
    expect(pkg.files.some((f: string) => pkg.bin[bin] === f || pkg.bin[bin].startsWith(`${f}/`))).toBe(true)
    expect(hook.args.at(-1)).toBe('--')
    expect(hook.types).toEqual(['yaml'])
    expect(hook.pass_filenames ?? true).toBe(true)
  })

  it('as pre-commit runs it (entry + args + file names), checks a file whose name starts with a dash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'istio-compat-hook-'))
    try {
      const text = read('examples/gitops/head/apps/shop/telemetry.yaml')
      writeFileSync(join(dir, '-telemetry.yaml'), text)
      writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n')
      const [, ...rest] = hooks[0].entry.split(' ')
      const run = spawnSync(process.execPath, [join(process.cwd(), pkg.bin['istio-compat']), ...rest, ...hooks[0].args, '-telemetry.yaml', 'ok.yaml'], { cwd: dir, encoding: 'utf8' })
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' })
      const typoLine = text.split('\n').findIndex((l) => l.includes('randomSamplingPercent:')) + 1
      expect(run.stdout).toContain(`-telemetry.yaml:${typoLine}: warning [unknown-field]`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('workflows (.github/workflows and examples/workflows)', () => {
  it.each(WORKFLOWS.map((f) => [f]))('%s uses only the keys GitHub Actions reads, pinned actions and no inputs spliced into scripts', (path) => {
    const wf = workflow(path)
    expect({ path, unknown: Object.keys(wf).filter((k) => !WORKFLOW_KEYS.includes(k)) }).toEqual({ path, unknown: [] })
    for (const scope of [wf.permissions ?? {}, ...Object.values(wf.jobs).map((j) => j.permissions ?? {})]) {
      expect({ path, scopes: Object.keys(scope).filter((k) => !PERMISSION_SCOPES.includes(k)) }).toEqual({ path, scopes: [] })
      expect({ path, values: Object.values(scope).filter((v) => !['read', 'write', 'none'].includes(v)) }).toEqual({ path, values: [] })
    }
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect({ path, job: name, unknown: Object.keys(job).filter((k) => !JOB_KEYS.includes(k)) }).toEqual({ path, job: name, unknown: [] })
      for (const step of job.steps) {
        const line = lineOf(path, step.uses ?? String(step.run).split('\n')[0])
        expect({ path, line, unknown: Object.keys(step).filter((k) => !STEP_KEYS.includes(k)), oneOf: ('uses' in step ? 1 : 0) + ('run' in step ? 1 : 0) }).toEqual({ path, line, unknown: [], oneOf: 1 })
        if (step.uses && !step.uses.startsWith('./')) expect({ path, line, uses: step.uses }).toEqual({ path, line, uses: expect.stringMatching(/^[\w.-]+\/[\w./-]+@v\d+$/) })
        // Expressions in a script are spliced in before the shell sees them (script injection): pass them via env.
        if (step.run) expect({ path, line, expressions: String(step.run).match(/\$\{\{[^}]*\}\}/g) ?? [] }).toEqual({ path, line, expressions: [] })
      }
    }
  })

  it('the pull request workflows cancel the previous run of the same PR; the readiness one queues', () => {
    for (const path of ['examples/workflows/istio-compat.yml', '.github/workflows/istio-compat.yml']) {
      const wf = workflow(path)
      expect({ path, mode: actionMode('auto', 'pull_request') }).toEqual({ path, mode: 'pr' })
      expect({ path, concurrency: wf.concurrency }).toEqual({ path, concurrency: { group: expect.stringContaining('${{ github.event.pull_request.number || github.ref }}'), 'cancel-in-progress': true } })
      expect({ path, permissions: wf.permissions }).toEqual({ path, permissions: { contents: 'read', 'pull-requests': 'write' } })
    }
    const readiness = workflow('examples/workflows/istio-compat-readiness.yml')
    expect(Object.keys(readiness.on).map((event) => actionMode('auto', event))).toEqual(['readiness', 'readiness'])
    expect(readiness.permissions).toEqual({ contents: 'read', issues: 'write' })
    expect(readiness.concurrency).toEqual({ group: 'istio-compat-readiness', 'cancel-in-progress': false })
  })
})

describe('release', () => {
  const path = '.github/workflows/release.yml'
  const wf = workflow(path)
  const job = wf.jobs.release
  const runs = job.steps.map((s) => String(s.run ?? ''))
  const at = (needle: string) => {
    const i = runs.findIndex((r) => r.includes(needle))
    expect({ path, needle, found: i >= 0 }).toEqual({ path, needle, found: true })
    return i
  }

  it('is started by hand with a version, from main, and may write contents in that job only', () => {
    expect(wf.on.workflow_dispatch.inputs.version).toMatchObject({ required: true, type: 'string' })
    expect(job.if).toBe("github.ref == 'refs/heads/main'")
    expect(wf.permissions).toEqual({ contents: 'read' })
    expect(job.permissions).toEqual({ contents: 'write' })
    expect(wf.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false })
  })

  it('tests, builds and checks dist/ before it tags, then publishes the release from the tag', () => {
    expect(job.steps[0]).toMatchObject({ uses: 'actions/checkout@v5', with: { 'fetch-depth': 0 } })
    const order = [at('npm ci'), at('npm run typecheck'), at('npm test'), at('npm run package'), at('git status --porcelain -- dist'), at('node scripts/release.mjs'), at('gh release create')]
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const tagging = job.steps[at('node scripts/release.mjs')]
    expect(tagging.env).toEqual({ VERSION: '${{ inputs.version }}' })
    expect(pkg.scripts.test).toBeDefined()
    expect(pkg.scripts.package).toBeDefined()
  })

  describe('scripts/release.mjs', () => {
    const temp = mkdtempSync(join(tmpdir(), 'istio-compat-release-'))
    afterAll(() => rmSync(temp, { recursive: true, force: true }))
    const repo = join(temp, 'repo')
    const remote = join(temp, 'remote.git')
    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim()
    const commit = (version: string, changelog: string) => {
      writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'x', version }))
      writeFileSync(join(repo, 'CHANGELOG.md'), changelog)
      git(repo, 'add', '-A')
      git(repo, 'commit', '-qm', version)
      return git(repo, 'rev-parse', 'HEAD')
    }
    const remoteTag = (tag: string) => git(remote, 'rev-parse', `${tag}^{commit}`)

    it('tags vX.Y.Z, moves vX along, and refuses a tag that would lie', () => {
      execFileSync('git', ['init', '-q', '--bare', remote])
      execFileSync('git', ['init', '-q', '-b', 'main', repo])
      git(repo, 'remote', 'add', 'origin', remote)
      const first = commit('1.2.3', '# Changelog\n\n## [1.2.3]\n\n- First.\n')
      expect(release({ cwd: repo, version: '1.2.3' })).toEqual({ tag: 'v1.2.3', major: 'v1', commit: first })
      expect([remoteTag('v1.2.3'), remoteTag('v1')]).toEqual([first, first])

      const notes = join(temp, 'notes.md')
      const second = commit('1.3.0', '# Changelog\n\n## [1.3.0]\n\n- Second.\n\n## [1.2.3]\n\n- First.\n')
      expect(release({ cwd: repo, version: '1.3.0', notes })).toEqual({ tag: 'v1.3.0', major: 'v1', commit: second })
      expect([remoteTag('v1.2.3'), remoteTag('v1.3.0'), remoteTag('v1')]).toEqual([first, second, second])
      expect(read(notes)).toBe('- Second.\n')

      expect(() => release({ cwd: repo, version: '1.3.0' })).toThrow(new ReleaseError('v1.3.0 exists already; a release tag is never moved'))
      expect(() => release({ cwd: repo, version: '1.4.0' })).toThrow(/package.json says 1.3.0, not 1.4.0/)
      expect(() => release({ cwd: repo, version: 'v1.4' })).toThrow(/expected X.Y.Z/)
      commit('1.4.0', '# Changelog\n\n## [1.3.0]\n')
      expect(() => release({ cwd: repo, version: '1.4.0' })).toThrow(/CHANGELOG.md has no "## \[1.4.0\]" section/)
      writeFileSync(join(repo, 'CHANGELOG.md'), '## [1.4.0]\n- dirty\n')
      expect(() => release({ cwd: repo, version: '1.4.0' })).toThrow(/uncommitted changes/)
      expect(remoteTag('v1')).toBe(second)
    })
  })
})

describe('CHANGELOG.md', () => {
  it('has an Unreleased section and one for the version in package.json', () => {
    const text = read('CHANGELOG.md')
    expect(lineOf('CHANGELOG.md', '## [Unreleased]')).toBeGreaterThan(0)
    expect({ version: pkg.version, section: (changelogSection(text, pkg.version) ?? '').length > 0 }).toEqual({ version: pkg.version, section: true })
  })
})

describe('.github/dependabot.yml', () => {
  const config = load(read('.github/dependabot.yml')) as { version: number; updates: Record<string, any>[] }
  const UPDATE_KEYS = ['package-ecosystem', 'directory', 'directories', 'schedule', 'allow', 'assignees', 'commit-message', 'groups', 'ignore', 'insecure-external-code-execution', 'labels', 'milestone', 'open-pull-requests-limit', 'pull-request-branch-name', 'rebase-strategy', 'registries', 'reviewers', 'target-branch', 'vendor', 'versioning-strategy', 'cooldown']

  it('is version 2 and updates npm and the actions of the workflows, weekly', () => {
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => [u['package-ecosystem'], u.directory, u.schedule.interval])).toEqual([
      ['npm', '/', 'weekly'],
      ['github-actions', '/', 'weekly']
    ])
    for (const update of config.updates) {
      const line = lineOf('.github/dependabot.yml', `package-ecosystem: ${update['package-ecosystem']}`)
      expect({ line, unknown: Object.keys(update).filter((k) => !UPDATE_KEYS.includes(k)) }).toEqual({ line, unknown: [] })
    }
  })
})
