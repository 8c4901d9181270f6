// `istio-compat check`: the engine on a local git diff or on paths, for pre-commit hooks and other CI systems.
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { isGitRepository, resolveCommit } from '../changes/git.js'
import { gitSnapshot, gitSources, wholeFileSources, workTreeSnapshot } from '../changes/snapshots.js'
import { parseConfig, EMPTY_CONFIG } from '../config.js'
import { runAnalysis, pathMatcher, DEFAULT_PATTERNS, type Sources } from '../pipeline.js'
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
  -h, --help           this help

Paths are files, directories or glob patterns; without --base every matching file is checked whole.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.`

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
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
        help: { type: 'boolean', short: 'h' }
      }
    })
    if (values.help) {
      out(USAGE)
      return 0
    }
    const [command, ...paths] = positionals
    if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"\n\n${USAGE}` : USAGE)
    const format = values.format as Format
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`)
    const failOn = values['fail-on']
    if (!['error', 'warning', 'notice', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning, notice or never, not "${failOn}"`)

    const repo = resolve(values.repo)
    const config = loadConfig(repo, values.config)
    const sources = await buildSources(repo, values.base, values.head, paths)
    const result = await runAnalysis(sources, {
      target: values.target,
      ...(values.from ? { from: values.from } : {}),
      ...(values.kubernetes ? { kubernetesVersion: values.kubernetes } : {}),
      ...(values['gateway-api-channel'] ? { gatewayApiChannel: values['gateway-api-channel'] } : {}),
      paths: paths.length ? paths.map(toPattern) : DEFAULT_PATTERNS,
      config,
      ...(values['fail-on-existing'] ? { failOnExisting: true } : {})
    })
    out(renderReport(result, format, { rules: allRules() }))
    return gate(result.findings, failOn as FailOn, { failOnExisting: values['fail-on-existing'] === true }).exitCode
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      err(`istio-compat: ${error.message}`)
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

function loadConfig(repo: string, file: string | undefined) {
  const path = resolve(repo, file ?? '.github/istio-compat.yml')
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    if (file) throw new UsageError(`cannot read config ${file}`)
    return EMPTY_CONFIG
  }
  return parseConfig(text, file ?? '.github/istio-compat.yml')
}

/** A directory argument means everything YAML below it. */
function toPattern(path: string): string {
  const p = path.replace(/^\.\//, '').replace(/\/$/, '')
  if (/[*?[{]/.test(p) || /\.ya?ml$/.test(p)) return p
  return `${p}/**/*.{yaml,yml}`
}

async function buildSources(repo: string, base: string | undefined, head: string | undefined, paths: string[]): Promise<Sources> {
  if (base) {
    if (!isGitRepository(repo)) throw new UsageError(`--base needs a git repository; ${repo} is not one`)
    return gitSources(repo, base, head ?? 'HEAD')
  }
  let snapshot = workTreeSnapshot(repo)
  if (head) {
    const sha = resolveCommit(repo, head)
    if (!sha) throw new UsageError(`--head ${head} is not a commit in ${repo}`)
    snapshot = gitSnapshot(repo, sha)
  }
  // Without a base every matching file counts as added: the whole file is checked.
  const matches = pathMatcher(paths.length ? paths.map(toPattern) : DEFAULT_PATTERNS)
  const sources = await wholeFileSources(snapshot, matches)
  if (sources.changes.files.length === 0) throw new UsageError(`no file matches ${paths.length ? paths.join(', ') : DEFAULT_PATTERNS.join(', ')} in ${repo}`)
  return sources
}

