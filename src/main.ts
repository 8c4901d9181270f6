// The GitHub Action: read the PR, run the engine, report, gate.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gitChangeSet, isGitRepository, resolveCommit } from './changes/git.js'
import { gitSnapshot, workTreeSnapshot } from './changes/snapshots.js'
import { EMPTY_CONFIG, parseConfig, type RepoConfig } from './config.js'
import { DEFAULT_PATTERNS, pathMatcher, runAnalysis, type Sources } from './pipeline.js'
import { UsageError, severityRank, type Severity } from './model.js'
import type { AnalysisResult } from './result.js'

export interface ActionInputs {
  target: string
  from: string
  kubernetesVersion: string
  paths: string[]
  failOn: Severity | 'never'
  comment: 'review' | 'summary' | 'off'
  suggestions: boolean
  configPath: string
  token: string
}

export function readInputs(): ActionInputs {
  const failOn = core.getInput('fail-on') || 'error'
  if (!['error', 'warning', 'notice', 'never'].includes(failOn)) throw new UsageError(`fail-on must be error, warning, notice or never, not "${failOn}"`)
  const comment = core.getInput('comment') || 'review'
  if (!['review', 'summary', 'off'].includes(comment)) throw new UsageError(`comment must be review, summary or off, not "${comment}"`)
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  return {
    target: core.getInput('target-version') || 'auto',
    from: core.getInput('from-version') || 'auto',
    kubernetesVersion: core.getInput('kubernetes-version'),
    paths: core.getMultilineInput('paths').map((p) => p.trim()).filter(Boolean),
    failOn: failOn as ActionInputs['failOn'],
    comment: comment as ActionInputs['comment'],
    suggestions: (core.getInput('suggestions') || 'true').toLowerCase() !== 'false',
    configPath: core.getInput('config') || '.github/istio-compat.yml',
    token
  }
}

/** The commits a run compares, from the event that started it. */
export interface EventRefs {
  pullNumber?: number
  baseSha?: string
  headSha?: string
}

export function eventRefs(context: typeof github.context): EventRefs {
  const payload = context.payload as Record<string, any>
  if (payload.pull_request) {
    return { pullNumber: payload.pull_request.number, baseSha: payload.pull_request.base?.sha, headSha: payload.pull_request.head?.sha }
  }
  if (payload.merge_group) return { baseSha: payload.merge_group.base_sha, headSha: payload.merge_group.head_sha }
  if (context.eventName === 'push' && payload.before && !/^0+$/.test(payload.before)) return { baseSha: payload.before, headSha: payload.after }
  return {}
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const refs = eventRefs(github.context)
    const config = loadRepoConfig(workspace, inputs.configPath)
    const sources = await buildSources(workspace, refs, inputs)
    core.info(`istio-compat: ${sources.changes.files.length} changed file(s) from ${sources.changes.source}`)
    const result = await runAnalysis(sources, {
      target: inputs.target,
      from: inputs.from,
      ...(inputs.kubernetesVersion ? { kubernetesVersion: inputs.kubernetesVersion } : {}),
      paths: inputs.paths.length ? inputs.paths : DEFAULT_PATTERNS,
      config
    })
    report(result)
    gate(result, inputs.failOn)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

function loadRepoConfig(workspace: string, path: string): RepoConfig {
  let text: string
  try {
    text = readFileSync(join(workspace, path), 'utf8')
  } catch {
    return EMPTY_CONFIG
  }
  return parseConfig(text, path)
}

async function buildSources(workspace: string, refs: EventRefs, inputs: ActionInputs): Promise<Sources> {
  if (isGitRepository(workspace) && refs.baseSha && refs.headSha && resolveCommit(workspace, refs.baseSha) && resolveCommit(workspace, refs.headSha)) {
    const changes = gitChangeSet(workspace, refs.baseSha, refs.headSha)
    return { changes, head: gitSnapshot(workspace, changes.headRef as string), base: gitSnapshot(workspace, changes.baseRef as string) }
  }
  // No comparable commits: check every matching file of the work tree.
  const snapshot = workTreeSnapshot(workspace)
  const matches = pathMatcher(inputs.paths.length ? inputs.paths : DEFAULT_PATTERNS)
  const files = (await snapshot.list()).filter(matches).map((path) => ({ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }))
  return { changes: { source: 'paths', files }, head: snapshot }
}

function report(result: AnalysisResult): void {
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s && !f.suppressed).length
  core.setOutput('errors', count('error'))
  core.setOutput('warnings', count('warning'))
  core.setOutput('notices', count('notice'))
  for (const f of result.findings) core.info(`${f.file}:${f.line}: ${f.severity} [${f.rule}] ${f.message}`)
}

function gate(result: AnalysisResult, failOn: ActionInputs['failOn']): void {
  if (failOn === 'never') return
  const failing = result.findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(failOn))
  if (failing.length) core.setFailed(`istio-compat: ${failing.length} finding(s) at or above ${failOn} for Istio ${result.target.release.version}`)
}
