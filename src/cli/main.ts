// `istio-compat check`: the engine on a local git diff or on paths, for pre-commit hooks and other CI systems.
import { isAbsolute, resolve } from 'node:path'
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs'
import { parseArgs } from 'node:util'
import { escape } from 'minimatch'
import { gitTopLevel, resolveCommit, workTreeTop } from '../changes/git.js'
import { gitSnapshot, gitSources, wholeFileSources, workTreeSnapshot } from '../changes/snapshots.js'
import { DEFAULT_CONFIG_PATH, loadRepoConfig, parseSize } from '../config.js'
import { closest } from '../closest.js'
import { insideRoot } from '../files.js'
import { checkFromNotNewer, parseChoice, parseVersionInput } from '../inputs.js'
import { parseFromRelease } from '../knowledge/versions.js'
import { runAnalysis, pathMatcher, DEFAULT_PATTERNS, type Snapshot, type Sources } from '../pipeline.js'
import { FORMATS, renderReport, type Format } from '../report/formats.js'
import { UsageError } from '../model.js'
import { gate, type FailOn } from '../gate.js'
import { allRules } from '../analyze/index.js'

const USAGE = `Usage: istio-compat check [paths...] --target V [options]

Checks Istio configuration against a target Istio release.

  -t, --target V       Istio release to check against: 1.28, 1.28.1, 1.31.0-rc.0, latest, auto (default auto)
  -f, --from V         release the mesh runs today; reports every change between it and the target
  -k, --kubernetes V   cluster version, checked against the target's supported range
      --gateway-api-channel C
                       Gateway API CRD channel the cluster runs: experimental (default: every field of either
                       channel is accepted) or standard (fields only the experimental channel has are reported)
  -b, --base REF       compare with this git ref (merge-base...head) instead of checking whole files
      --head REF       git ref of the head state (default: the work tree, or HEAD with --base)
  -C, --repo DIR       repository root (default: .)
      --format F       text, json, sarif or markdown (default text)
      --fail-on L      error, warning, notice or never (default error)
      --fail-on-existing
                       with --base, findings already there before the change fail too (default: only new ones)
  -c, --config FILE    repository config (default .github/istio-compat.yml when present)
      --max-file-size N  skip (with a warning) files above this size, e.g. 8MiB (default 4MiB)
  -h, --help           this help

Paths are files or directories of the repository (relative to --repo, or absolute), or quoted glob patterns
such as 'apps/**/*.yaml'; a file or directory that exists is always taken as it is named, never as a pattern.
Put file names after -- (check --target 1.28 -- "$@"), so none is read as an option. Without --base every
matching file is checked whole. The rest of the repository's YAML is read as context, as on a pull request that
touches only the named paths: an opt-out or the other half of a cross-object pair there counts, nothing is
reported on it.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.`

const OPTIONS = {
  target: { type: 'string', short: 't', default: 'auto' },
  from: { type: 'string', short: 'f' },
  kubernetes: { type: 'string', short: 'k' },
  'gateway-api-channel': { type: 'string' },
  base: { type: 'string', short: 'b' },
  head: { type: 'string' },
  repo: { type: 'string', short: 'C', default: '.' },
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
  'fail-on-existing': { type: 'boolean', default: false },
  config: { type: 'string', short: 'c' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
    if (values.help) {
      out(USAGE)
      return 0
    }
    const [command, ...paths] = positionals
    if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"${closest(command, ['check'], 2) ? '; did you mean "check"?' : ''}\n\n${USAGE}` : USAGE)
    const format = parseChoice('--format', values.format, FORMATS) as Format
    const failOn = parseChoice('--fail-on', values['fail-on'], ['error', 'warning', 'notice', 'never'] as const)
    const target = parseVersionInput('--target', values.target)
    const from = values.from === undefined ? undefined : parseVersionInput('--from', values.from, parseFromRelease)
    if (from === 'auto' && !values.base) throw new UsageError('--from auto reads the release from the base commit, so it needs --base REF; without --base give the release, e.g. --from 1.26')
    checkFromNotNewer('--from', from, '--target', target)

    const repo = resolve(values.repo)
    if (!isDirectory(repo)) throw new UsageError(`--repo ${values.repo} is not a directory`)
    const config = loadRepoConfig(repo, values.config ?? DEFAULT_CONFIG_PATH, { explicit: values.config !== undefined, allowOutside: values.config !== undefined })
    const { sources, patterns } = await buildSources(repo, values.base, values.head, paths)
    const result = await runAnalysis(sources, {
      target,
      ...(from ? { from } : {}),
      ...(values.kubernetes ? { kubernetesVersion: values.kubernetes } : {}),
      ...(values['gateway-api-channel'] ? { gatewayApiChannel: values['gateway-api-channel'] } : {}),
      ...(values['max-file-size'] ? { maxFileBytes: parseSize(values['max-file-size'], '--max-file-size') } : {}),
      paths: patterns,
      // Named paths are checked as a pull request touching only them would be: the rest of the repository is context.
      ...(DEFAULT_PATTERNS.every((p) => patterns.includes(p)) ? {} : { contextPaths: DEFAULT_PATTERNS }),
      config,
      ...(values['fail-on-existing'] ? { failOnExisting: true } : {})
    })
    out(renderReport(result, format, { rules: allRules() }))
    return gate(result.findings, failOn as FailOn, { failOnExisting: values['fail-on-existing'] === true }).exitCode
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      err(`istio-compat: ${isParseArgsError(error) ? optionMessage(error.message) : (error as Error).message}`)
      return 2
    }
    throw error
  }
}

/** node:util parseArgs rejects unknown options and missing values with ERR_PARSE_ARGS_* errors: usage errors too (by code: the error may come from another realm). */
function isParseArgsError(error: unknown): error is Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

/** An unknown option: "did you mean --target?" when it is a typo, else how to pass a file name that starts with "-". */
function optionMessage(message: string): string {
  const m = /^Unknown option '(-{1,2})([^']*)'/.exec(message)
  if (!m) return message
  const near = m[1] === '--' ? closest(m[2], Object.keys(OPTIONS), 2) : undefined
  if (near) return `Unknown option '${m[1]}${m[2]}'; did you mean --${near}?`
  return `Unknown option '${m[1]}${m[2]}'; if it is a file name, put file names after --, e.g. istio-compat check --target 1.28 -- ${m[1]}${m[2]}`
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** A path as a minimatch pattern that matches exactly it: every glob character escaped, braces and commas too. */
function literal(path: string): string {
  return escape(path).replace(/[{},]/g, (c) => `\\${c}`)
}

const YAML_BELOW = '/**/*.{yaml,yml}'
const GLOB = /[*?[\]{}]/

/**
 * The patterns of the paths named on the command line. A path that exists (in the work tree, or in the head commit)
 * is taken literally — `[x].yaml`, `{a,b}.yaml` and `!x.yaml` are file names — and a directory means the YAML
 * below it; `.`, `./` and absolute paths inside the repository work. A path that exists nowhere is a usage error,
 * unless it is a glob pattern (quoted, so the shell left it alone).
 */
async function pathPatterns(repo: string, cwd: string, args: readonly string[], snapshot: Snapshot): Promise<string[]> {
  if (args.length === 0) return DEFAULT_PATTERNS
  const realRepo = realpathSync(repo)
  const realCwd = realpathSync(cwd)
  let listed: string[] | undefined
  const patterns: string[] = []
  for (const arg of args) {
    if (arg === '') throw new UsageError('an empty path was given')
    const candidates = isAbsolute(arg) ? [arg] : [resolve(cwd, arg), resolve(realCwd, arg)]
    const rel = candidates.map((c) => insideRoot(repo, c) ?? insideRoot(realRepo, c)).find((r) => r !== undefined)
    if (rel === undefined) throw new UsageError(`${arg} is outside the repository ${repo} (set --repo to check another repository)`)
    if (rel === '') {
      patterns.push(...DEFAULT_PATTERNS)
      continue
    }
    let stats: Stats | undefined
    try {
      stats = lstatSync(resolve(realRepo, rel))
    } catch {
      stats = undefined
    }
    if (stats?.isSymbolicLink()) throw new UsageError(`${arg} is a symbolic link; istio-compat checks only regular files of the repository`)
    if (stats?.isDirectory()) {
      patterns.push(literal(rel) + YAML_BELOW)
      continue
    }
    if (stats?.isFile()) {
      patterns.push(literal(rel))
      continue
    }
    listed ??= await snapshot.list()
    if (listed.includes(rel)) patterns.push(literal(rel))
    else if (listed.some((f) => f.startsWith(`${rel}/`))) patterns.push(literal(rel) + YAML_BELOW)
    else if (GLOB.test(rel) && !rel.startsWith('!')) patterns.push(rel)
    else throw new UsageError(`${arg} does not exist${stats ? ' as a file or directory' : ''} in ${repo}`)
  }
  return patterns
}

async function buildSources(repo: string, base: string | undefined, head: string | undefined, paths: string[]): Promise<{ sources: Sources; patterns: string[] }> {
  if (base) {
    const top = workTreeTop(repo)
    if (top === undefined) throw new UsageError(`--base needs a git repository; ${repo} is not one`)
    const sources = gitSources(repo, base, head ?? 'HEAD')
    // git names files from the top of the work tree, which --repo may be below.
    return { sources, patterns: await pathPatterns(top, repo, paths, sources.head) }
  }
  let snapshot = workTreeSnapshot(repo)
  if (head) {
    const sha = resolveCommit(repo, head)
    if (!sha) throw new UsageError(`--head ${head} is not a commit in ${repo}`)
    snapshot = gitSnapshot(repo, sha)
  }
  // Without a base every matching file counts as added: the whole file is checked.
  const patterns = await pathPatterns(head ? (gitTopLevel(repo) ?? repo) : repo, repo, paths, snapshot)
  const sources = await wholeFileSources(snapshot, pathMatcher(patterns))
  if (sources.changes.files.length === 0) throw new UsageError(`no file matches ${paths.length ? paths.join(', ') : DEFAULT_PATTERNS.join(', ')} in ${repo}`)
  return { sources, patterns }
}
