// The GitHub Action: read the PR, run the engine, report, gate.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isGitRepository, resolveCommit } from './changes/git.js'
import { gitSources, wholeFileSources, workTreeSnapshot } from './changes/snapshots.js'
import { apiSnapshot, repoSizeOnce } from './changes/api.js'
import { EMPTY_CONFIG, parseConfig, type RepoConfig } from './config.js'
import { gate, parseFailOn, type FailOn } from './gate.js'
import { createGitHubClient, type GitHubClient } from './github/client.js'
import { listPullFiles } from './github/pulls.js'
import { DEFAULT_PATTERNS, pathMatcher, runAnalysis, type Sources } from './pipeline.js'
import { UsageError } from './model.js'
import { allRules } from './analyze/index.js'
import { actionOutputs, writeReportFiles } from './report/outputs.js'
import { publish } from './report/publish.js'
import { actionMode, runReadiness } from './readiness/run.js'
import type { AnalysisResult } from './result.js'

export interface ActionInputs {
  target: string
  from: string
  kubernetesVersion: string
  gatewayApiChannel: string
  paths: string[]
  failOn: FailOn
  /** Findings already there before the PR gate too. */
  failOnExisting: boolean
  comment: 'review' | 'summary' | 'off'
  suggestions: boolean
  configPath: string
  token: string
}

export function readInputs(): ActionInputs {
  const failOn = parseFailOn(core.getInput('fail-on') || 'error')
  const comment = core.getInput('comment') || 'review'
  const failOnExisting = booleanInput('fail-on-existing', false)
  if (!['review', 'summary', 'off'].includes(comment)) throw new UsageError(`comment must be review, summary or off, not "${comment}"`)
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  return {
    target: core.getInput('target-version') || 'auto',
    from: core.getInput('from-version') || 'auto',
    kubernetesVersion: core.getInput('kubernetes-version'),
    gatewayApiChannel: core.getInput('gateway-api-channel'),
    paths: core.getMultilineInput('paths').map((p) => p.trim()).filter(Boolean),
    failOn,
    failOnExisting,
    comment: comment as ActionInputs['comment'],
    suggestions: (core.getInput('suggestions') || 'true').toLowerCase() !== 'false',
    configPath: core.getInput('config') || '.github/istio-compat.yml',
    token
  }
}

/** true/false as the YAML 1.2 core schema spells them (like core.getBooleanInput); empty = the default. */
function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim()
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UsageError(`${name} must be true or false, not "${value}"`)
}

/** The commits a run compares, from the event that started it. */
export interface EventRefs {
  pullNumber?: number
  baseSha?: string
  headSha?: string
  /** A PR from a fork under `pull_request`: the token is read-only, writes are not even tried. */
  fromFork?: boolean
}

export function eventRefs(context: typeof github.context): EventRefs {
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
    if (actionMode(core.getInput('mode'), github.context.eventName) === 'readiness') {
      const config = loadRepoConfig(workspace, inputs.configPath)
      await runReadiness({ target: inputs.target, from: inputs.from, kubernetesVersion: inputs.kubernetesVersion, paths: inputs.paths, token: inputs.token, config }, workspace)
      return
    }
    const refs = eventRefs(github.context)
    const { owner, repo } = github.context.repo
    const octokit = inputs.token ? createGitHubClient({ token: inputs.token, log: actionLog }) : undefined
    const config = loadRepoConfig(workspace, inputs.configPath)
    const sources = await buildSources(workspace, refs, inputs, octokit, { owner, repo })
    core.info(`istio-compat: ${sources.changes.files.length} changed file(s) read from ${sources.changes.source}`)
    const result = await runAnalysis(sources, {
      target: inputs.target,
      from: inputs.from,
      ...(inputs.kubernetesVersion ? { kubernetesVersion: inputs.kubernetesVersion } : {}),
      ...(inputs.gatewayApiChannel ? { gatewayApiChannel: inputs.gatewayApiChannel } : {}),
      paths: inputs.paths.length ? inputs.paths : DEFAULT_PATTERNS,
      config,
      failOnExisting: inputs.failOnExisting
    })
    core.info(`istio-compat: Istio ${result.from ? `${result.from.release.version} → ` : ''}${result.target.release.version}, ${result.documentsChecked} document(s) checked, ${result.findings.length} finding(s)${result.baseline ? `, ${result.findings.filter((f) => f.baselineState === 'unchanged').length} of them already there before this PR (base checked against Istio ${result.baseline.target.version})` : ''}`)

    // The SARIF names every rule with its description and default level, as code scanning lists them.
    const files = await writeReportFiles(result, process.env.RUNNER_TEMP || join(workspace, '.istio-compat'), { rules: allRules() })
    for (const [name, value] of Object.entries(actionOutputs(result, files))) core.setOutput(name, value)

    const headTexts = await readFindingFiles(sources, result)
    const outcome = await publish(result, {
      mode: inputs.comment,
      suggestions: inputs.suggestions,
      owner,
      repo,
      ...(refs.pullNumber ? { pullNumber: refs.pullNumber } : {}),
      ...(octokit ? { octokit } : {}),
      headText: (path) => headTexts.get(path),
      log: actionLog,
      ...(refs.fromFork ? { readOnly: true } : {})
    })
    core.info(`istio-compat: findings published as ${outcome.channel}${outcome.fallback ? ` (${outcome.fallback})` : ''}`)

    const verdict = gate(result.findings, inputs.failOn, { failOnExisting: inputs.failOnExisting })
    if (verdict.exitCode !== 0) core.setFailed(`istio-compat: ${verdict.message}`)
    else core.info(`istio-compat: ${verdict.message}`)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

const actionLog = { info: core.info, warning: core.warning, debug: core.debug }

function loadRepoConfig(workspace: string, path: string): RepoConfig {
  let text: string
  try {
    text = readFileSync(join(workspace, path), 'utf8')
  } catch {
    return EMPTY_CONFIG
  }
  return parseConfig(text, path)
}

/**
 * The workspace checkout when it holds both commits (fetch-depth: 0), else the REST API (pulls.listFiles,
 * the contents of each file or, for many files, the commit's tarball), else — outside a pull request — every matching file of the work tree.
 */
async function buildSources(workspace: string, refs: EventRefs, inputs: ActionInputs, octokit: GitHubClient | undefined, repo: { owner: string; repo: string }): Promise<Sources> {
  if (isGitRepository(workspace) && refs.baseSha && refs.headSha && resolveCommit(workspace, refs.baseSha) && resolveCommit(workspace, refs.headSha)) {
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

/** Head texts of the files with findings, for suggestions. */
async function readFindingFiles(sources: Sources, result: AnalysisResult): Promise<Map<string, string>> {
  const paths = [...new Set(result.findings.filter((f) => f.fix).map((f) => f.file))]
  const blobs = await sources.head.read(paths)
  return new Map([...blobs].map(([path, data]) => [path, new TextDecoder().decode(data)]))
}
