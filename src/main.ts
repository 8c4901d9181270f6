// The GitHub Action: read the PR, run the engine, report, gate.
import * as core from '@actions/core'
import { hasCommits } from './changes/git.js'
import { gitSources, wholeFileSources, workTreeSnapshot } from './changes/snapshots.js'
import { apiSnapshot, repoSizeOnce } from './changes/api.js'
import { DEFAULT_CONFIG_PATH, loadRepoConfig, parseSize } from './config.js'
import { checkFromNotNewer, parseAppSlug, parseBoolean, parseChoice, parseVersionInput, unmatchedPatterns } from './inputs.js'
import { parseFromRelease } from './knowledge/versions.js'
import { gate, parseFailOn, type FailOn } from './gate.js'
import { createGitHubClient, type GitHubClient } from './github/client.js'
import { context, type ActionContext } from './github/context.js'
import { listPullFiles, tokenKindOf } from './github/pulls.js'
import { DEFAULT_PATTERNS, pathMatcher, runAnalysis, type Sources } from './pipeline.js'
import { UsageError } from './model.js'
import { allRules } from './analyze/index.js'
import { actionOutputs, reportDir, writeReportFiles } from './report/outputs.js'
import { publish } from './report/publish.js'
import { actionMode, runReadiness } from './readiness/run.js'
import { actionsLinkContext } from './report/links.js'
import type { AnalysisResult } from './result.js'

export interface ActionInputs {
  target: string
  from: string
  kubernetesVersion: string
  gatewayApiChannel: string
  maxFileBytes?: number
  paths: string[]
  failOn: FailOn
  /** Findings already there before the PR gate too. */
  failOnExisting: boolean
  comment: 'review' | 'summary' | 'off'
  suggestions: boolean
  configPath: string
  token: string
  /** The login of the GitHub App whose token is `token` (`app-slug` input: `<slug>[bot]`), when given. */
  appLogin?: string
  maxInline: number
  maxPerGroup: number
}

/** A count input: a whole number ≥ 0, or a clear error naming the input. */
function countInput(name: string, fallback: number): number {
  const raw = core.getInput(name).trim()
  if (raw === '') return fallback
  if (!/^\d+$/.test(raw)) throw new UsageError(`${name} must be a whole number (0 or more), not "${raw}"`)
  return Number(raw)
}

export function readInputs(): ActionInputs {
  const failOn = parseFailOn(core.getInput('fail-on') || 'error')
  const comment = parseChoice('comment', core.getInput('comment') || 'review', ['review', 'summary', 'off'] as const)
  const failOnExisting = parseBoolean('fail-on-existing', core.getInput('fail-on-existing') || 'false')
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const target = parseVersionInput('target-version', core.getInput('target-version') || 'auto')
  const from = parseVersionInput('from-version', core.getInput('from-version') || 'auto', parseFromRelease)
  checkFromNotNewer('from-version', from, 'target-version', target)
  const appLogin = parseAppSlug('app-slug', core.getInput('app-slug'))
  return {
    target,
    from,
    kubernetesVersion: core.getInput('kubernetes-version'),
    gatewayApiChannel: core.getInput('gateway-api-channel'),
    ...(core.getInput('max-file-size') ? { maxFileBytes: parseSize(core.getInput('max-file-size'), 'max-file-size') } : {}),
    paths: core.getMultilineInput('paths').map((p) => p.trim()).filter(Boolean),
    failOn,
    failOnExisting,
    comment,
    suggestions: parseBoolean('suggestions', core.getInput('suggestions') || 'true'),
    configPath: core.getInput('config') || DEFAULT_CONFIG_PATH,
    token,
    ...(appLogin ? { appLogin } : {}),
    maxInline: countInput('max-inline-comments', 30),
    maxPerGroup: countInput('max-comments-per-finding', 5)
  }
}

/** true/false as the YAML 1.2 core schema spells them (like core.getBooleanInput); empty = the default. */
/** The commits a run compares, from the event that started it. */
export interface EventRefs {
  pullNumber?: number
  baseSha?: string
  headSha?: string
  /** A PR from a fork under `pull_request`: the token is read-only, writes are not even tried. */
  fromFork?: boolean
}

export function eventRefs(context: Pick<ActionContext, 'payload' | 'eventName'>): EventRefs {
  const payload = context.payload as Record<string, any>
  if (payload.pull_request) {
    const pr = payload.pull_request
    const fromFork = context.eventName === 'pull_request' && !!pr.head?.repo && pr.head.repo.full_name !== pr.base?.repo?.full_name
    return { pullNumber: pr.number, baseSha: pr.base?.sha, headSha: pr.head?.sha, fromFork }
  }
  if (payload.merge_group) return { baseSha: payload.merge_group.base_sha, headSha: payload.merge_group.head_sha }
  if (context.eventName === 'push' && payload.before && !/^0+$/.test(payload.before)) return { baseSha: payload.before, headSha: payload.after }
  return {}
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    // schedule / workflow_dispatch (or mode: readiness): the whole branch, kept in one issue.
    if (actionMode(core.getInput('mode'), context.eventName ?? '') === 'readiness') {
      const config = loadRepoConfig(workspace, inputs.configPath)
      await runReadiness({ target: inputs.target, from: inputs.from, kubernetesVersion: inputs.kubernetesVersion, paths: inputs.paths, token: inputs.token, config, ...(inputs.appLogin ? { appLogin: inputs.appLogin } : {}) }, workspace)
      return
    }
    const refs = eventRefs(context)
    const { owner, repo } = context.repo
    const octokit = inputs.token ? createGitHubClient({ token: inputs.token, log: actionLog }) : undefined
    // A config other than the default was asked for: its absence is an error, not an empty config.
    const config = loadRepoConfig(workspace, inputs.configPath, { explicit: inputs.configPath !== DEFAULT_CONFIG_PATH })
    const sources = await buildSources(workspace, refs, inputs, octokit, { owner, repo })
    core.info(`istio-compat: ${sources.changes.files.length} changed file(s) read from ${sources.changes.source}`)
    // Patterns someone wrote (not the defaults) that match nothing are most likely a typo.
    if (inputs.paths.length && inputs.paths.join('\n') !== DEFAULT_PATTERNS.join('\n')) await checkPathsMatch(inputs.paths, sources)
    const result = await runAnalysis(sources, {
      target: inputs.target,
      from: inputs.from,
      ...(inputs.kubernetesVersion ? { kubernetesVersion: inputs.kubernetesVersion } : {}),
      ...(inputs.gatewayApiChannel ? { gatewayApiChannel: inputs.gatewayApiChannel } : {}),
      ...(inputs.maxFileBytes ? { maxFileBytes: inputs.maxFileBytes } : {}),
      paths: inputs.paths.length ? inputs.paths : DEFAULT_PATTERNS,
      config,
      failOnExisting: inputs.failOnExisting
    })
    core.info(`istio-compat: Istio ${result.from ? `${result.from.release.version} → ` : ''}${result.target.release.version}, ${result.documentsChecked} document(s) checked, ${result.findings.length} finding(s)${result.baseline ? `, ${result.findings.filter((f) => f.baselineState === 'unchanged').length} of them already there before this PR (base checked against Istio ${result.baseline.target.version})` : ''}`)

    // The SARIF names every rule with its description and default level, as code scanning lists them.
    const files = await writeReportFiles(result, reportDir(), { rules: allRules() })
    for (const [name, value] of Object.entries(actionOutputs(result, files))) core.setOutput(name, value)

    const headTexts = await readFindingFiles(sources, result)
    const verdict = gate(result.findings, inputs.failOn, { failOnExisting: inputs.failOnExisting })
    const tokenKind = tokenKindOf(inputs.token)
    const outcome = await publish(result, {
      mode: inputs.comment,
      suggestions: inputs.suggestions,
      owner,
      repo,
      ...(refs.pullNumber ? { pullNumber: refs.pullNumber } : {}),
      ...(octokit ? { octokit } : {}),
      headText: (path) => headTexts.get(path),
      log: actionLog,
      ...(refs.fromFork ? { readOnly: true } : {}),
      failOn: inputs.failOn,
      gateFails: verdict.exitCode !== 0,
      maxInline: inputs.maxInline,
      maxPerGroup: inputs.maxPerGroup,
      links: actionsLinkContext(),
      // An installation token (ghs_: the GITHUB_TOKEN or an app's) posts as a bot; a PAT as a person.
      ...(tokenKind ? { tokenKind } : {}),
      ...(inputs.appLogin ? { login: inputs.appLogin } : {})
    })
    core.info(`istio-compat: findings published as ${outcome.channel}${outcome.fallback ? ` (${outcome.fallback})` : ''}`)

    if (verdict.exitCode !== 0) core.setFailed(`istio-compat: ${verdict.message}`)
    else core.info(`istio-compat: ${verdict.message}`)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

/** `paths` set to patterns that match no file of the repository: each is named; when none matches, the run stops (it would check nothing). */
async function checkPathsMatch(paths: string[], sources: Sources): Promise<void> {
  const files = await sources.head.list()
  // No listing (an API error, an empty repository): nothing to tell a typo from.
  if (files.length === 0) return
  const unmatched = unmatchedPatterns(paths, files)
  const positive = paths.filter((p) => !p.startsWith('!'))
  if (positive.length > 0 && unmatched.length === positive.length) {
    throw new UsageError(`paths: no file of the repository matches ${unmatched.map((p) => `"${p}"`).join(', ')}; patterns are minimatch globs relative to the repository root, e.g. "deploy/**/*.yaml"`)
  }
  for (const p of unmatched) core.warning(`istio-compat: paths: "${p}" matches no file of the repository`)
}

const actionLog = { info: core.info, warning: core.warning, debug: core.debug }

/**
 * The workspace checkout when it holds both commits (fetch-depth: 0), else the REST API (pulls.listFiles,
 * the contents of each file or, for many files, the commit's tarball), else — outside a pull request — every matching file of the work tree.
 */
async function buildSources(workspace: string, refs: EventRefs, inputs: ActionInputs, octokit: GitHubClient | undefined, repo: { owner: string; repo: string }): Promise<Sources> {
  if (refs.baseSha && refs.headSha && hasCommits(workspace, [refs.baseSha, refs.headSha])) {
    return gitSources(workspace, refs.baseSha, refs.headSha)
  }
  if (octokit && refs.pullNumber && refs.headSha && refs.baseSha) {
    core.info('istio-compat: the checkout does not hold both commits (use fetch-depth: 0); reading the pull request through the API')
    const files = await listPullFiles(octokit, { ...repo, pullNumber: refs.pullNumber }, actionLog)
    // Many files (a version bump reads the whole repository) come from one archive per commit.
    const snapshotOptions = { log: (m: string) => core.info(`istio-compat: ${m}`), repoSizeKiB: repoSizeOnce(octokit, repo.owner, repo.repo) }
    return {
      changes: { source: 'github', baseRef: refs.baseSha, headRef: refs.headSha, headSha: refs.headSha, files },
      head: apiSnapshot(octokit, repo.owner, repo.repo, refs.headSha, snapshotOptions),
      base: apiSnapshot(octokit, repo.owner, repo.repo, refs.baseSha, snapshotOptions)
    }
  }
  return wholeFileSources(workTreeSnapshot(workspace), pathMatcher(inputs.paths.length ? inputs.paths : DEFAULT_PATTERNS))
}

/** Files whose head text the report reads (suggestions, and a few YAML lines under off-diff findings in the summary). */
const MAX_SNIPPET_FILES = 200

/** Head texts of the files with findings: all files with a fix, and up to MAX_SNIPPET_FILES others. */
async function readFindingFiles(sources: Sources, result: AnalysisResult): Promise<Map<string, string>> {
  const withFix = new Set(result.findings.filter((f) => f.fix).map((f) => f.file))
  const others = [...new Set(result.findings.filter((f) => !f.suppressed && !withFix.has(f.file)).map((f) => f.file))].slice(0, MAX_SNIPPET_FILES)
  const paths = [...withFix, ...others]
  const blobs = await sources.head.read(paths)
  return new Map([...blobs].map(([path, data]) => [path, new TextDecoder().decode(data)]))
}
