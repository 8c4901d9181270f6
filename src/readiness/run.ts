// Readiness mode: on a schedule (or by hand), the whole default branch is checked against the next release and
// the findings are kept in one issue. The job succeeds unless `fail-on` is set explicitly.
import * as core from '@actions/core'
import { isGitRepository, resolveCommit } from '../changes/git.js'
import { apiSnapshot, repoSizeOnce } from '../changes/api.js'
import { wholeFileSources, workTreeSnapshot } from '../changes/snapshots.js'
import type { RepoConfig } from '../config.js'
import { gate, parseFailOn, type FailOn } from '../gate.js'
import { createGitHubClient, type GitHubClient } from '../github/client.js'
import { context } from '../github/context.js'
import { httpStatus, isPermissionError, tokenKindOf } from '../github/pulls.js'
import type { DetectedVersion } from '../knowledge/detect.js'
import { KNOWN_MINORS, LATEST_MINOR, parseRelease } from '../knowledge/versions.js'
import { UsageError } from '../model.js'
import { chooseVersion, DEFAULT_PATTERNS, detectInSnapshot, pathMatcher, runAnalysis, type Snapshot, type Sources } from '../pipeline.js'
import type { AnalysisResult } from '../result.js'
import { allRules } from '../analyze/index.js'
import { actionOutputs, reportDir, writeReportFiles } from '../report/outputs.js'
import { codeSpan, escapeMarkdown } from '../report/escape.js'
import { actionsWorkflowOutput, STEP_SUMMARY_BUDGET } from '../report/workflow.js'
import { syncReadinessIssue, type IssueSyncOutcome } from './issue.js'
import { readinessHash, renderLinkedReport, renderReadinessBody, type RepoLinks } from './report.js'

export type ActionMode = 'pr' | 'readiness'

/** Events without a pull request that a readiness check is meant for. */
const READINESS_EVENTS = new Set(['schedule', 'workflow_dispatch'])

/** The `mode` input: `pr`, `readiness`, or `auto`/empty = readiness on schedule and workflow_dispatch, else pr. */
export function actionMode(input: string, eventName: string): ActionMode {
  const v = input.trim().toLowerCase()
  if (v === 'pr' || v === 'readiness') return v
  if (v === '' || v === 'auto') return READINESS_EVENTS.has(eventName) ? 'readiness' : 'pr'
  throw new UsageError(`mode must be auto, pr or readiness, not "${input}"`)
}

export const DEFAULT_ISSUE_TITLE = 'Istio upgrade readiness'
export const DEFAULT_ISSUE_LABEL = 'istio-compat'

/** Labels from a comma- or newline-separated input; the first identifies our issue. */
export function parseLabels(input: string): string[] {
  const labels = [...new Set(input.split(/[,\n]/).map((l) => l.trim()).filter(Boolean))]
  return labels.length ? labels : [DEFAULT_ISSUE_LABEL]
}

/** The gate in readiness mode: `never` unless the workflow sets fail-on itself. */
export function readinessFailOn(raw: string): FailOn {
  return raw.trim() === '' ? 'never' : parseFailOn(raw)
}

export interface ReadinessVersions {
  target: string
  targetOrigin: string
  from?: string
  fromOrigin?: string
}

/**
 * Releases of a readiness run. The mesh runs `from` today (detected unless given); the target is `next` (the
 * minor after it; also what `auto` means here), `latest`, or an explicit release.
 */
export function readinessVersions(targetInput: string, fromInput: string, detected: DetectedVersion | undefined): ReadinessVersions {
  const targetRaw = targetInput.trim() || 'auto'
  const fromRaw = fromInput.trim() || 'auto'
  let from: string | undefined
  let fromOrigin: string | undefined
  if (fromRaw !== 'auto') {
    from = parseRelease(fromRaw).version
    fromOrigin = 'input'
  } else if (detected) {
    const choice = chooseVersion('auto', detected, 'from-version')!
    from = choice.release.version
    fromOrigin = choice.origin
  }
  if (targetRaw === 'auto' || targetRaw === 'next') {
    if (!from) throw new UsageError(`target-version ${targetRaw} means the minor after the release run today, but no Istio version was found in the repository; set from-version (e.g. 1.28) or target-version (e.g. latest)`)
    const minor = parseRelease(from).minor
    const next = KNOWN_MINORS[KNOWN_MINORS.indexOf(minor as (typeof KNOWN_MINORS)[number]) + 1]
    if (!next) return { target: LATEST_MINOR, targetOrigin: `${minor} is the newest release istio-compat knows`, from, ...(fromOrigin ? { fromOrigin } : {}) }
    return { target: next, targetOrigin: `the minor after ${from} (target-version ${targetRaw})`, from, ...(fromOrigin ? { fromOrigin } : {}) }
  }
  const target = parseRelease(targetRaw).version
  return { target, targetOrigin: targetRaw === 'latest' ? 'input (latest)' : 'input', ...(from ? { from } : {}), ...(fromOrigin ? { fromOrigin } : {}) }
}

export interface ReadinessInputs {
  target: string
  from: string
  kubernetesVersion: string
  paths: string[]
  token: string
  config: RepoConfig
  /** `<slug>[bot]` from the `app-slug` input: the login the readiness issue is written as. */
  appLogin?: string
}

const log = { info: core.info, warning: core.warning, debug: core.debug }

/** The checked-out branch when there is a checkout, else the event's commit through the API. */
function branchSnapshot(workspace: string, octokit: GitHubClient | undefined, repo: { owner: string; repo: string }): { snapshot: Snapshot; sha: string } {
  const { sha } = context
  if (isGitRepository(workspace)) return { snapshot: workTreeSnapshot(workspace), sha: resolveCommit(workspace, 'HEAD') ?? sha ?? '' }
  if (octokit && sha) {
    core.info('istio-compat: no git checkout in the workspace; reading the branch through the API')
    return { snapshot: apiSnapshot(octokit, repo.owner, repo.repo, sha, { log: (m) => core.info(`istio-compat: ${m}`), repoSizeKiB: repoSizeOnce(octokit, repo.owner, repo.repo) }), sha }
  }
  return { snapshot: workTreeSnapshot(workspace), sha: sha ?? '' }
}

export interface ReadinessOutcome {
  result: AnalysisResult
  issue?: IssueSyncOutcome
}

export async function runReadiness(inputs: ReadinessInputs, workspace: string): Promise<ReadinessOutcome> {
  const failOn = readinessFailOn(core.getInput('fail-on'))
  const title = core.getInput('issue-title').trim() || DEFAULT_ISSUE_TITLE
  const labels = parseLabels(core.getInput('issue-labels'))
  const { owner, repo } = context.repo
  const octokit = inputs.token ? createGitHubClient({ token: inputs.token, log }) : undefined
  const tokenKind = tokenKindOf(inputs.token)
  const patterns = inputs.paths.length ? inputs.paths : DEFAULT_PATTERNS
  const matches = pathMatcher(patterns, inputs.config.ignore)

  const { snapshot, sha } = branchSnapshot(workspace, octokit, { owner, repo })
  const versions = readinessVersions(inputs.target, inputs.from, (await detectInSnapshot(snapshot, matches, undefined)).detection.chosen)
  const sources: Sources = await wholeFileSources(snapshot, pathMatcher(patterns))
  const result = await runAnalysis(sources, {
    target: versions.target,
    ...(versions.from ? { from: versions.from } : {}),
    ...(inputs.kubernetesVersion ? { kubernetesVersion: inputs.kubernetesVersion } : {}),
    paths: patterns,
    config: inputs.config
  })
  // Say where the releases came from rather than "input": the detection and the next-minor rule chose them.
  result.target.origin = versions.targetOrigin
  if (result.from && versions.fromOrigin) result.from.origin = versions.fromOrigin
  core.info(`istio-compat: readiness of the branch: Istio ${result.from ? `${result.from.release.version} → ` : ''}${result.target.release.version}, ${result.documentsChecked} document(s) checked, ${result.findings.length} finding(s)`)

  const files = await writeReportFiles(result, reportDir(), { rules: allRules() })
  const { ref, runId, serverUrl } = context
  const links: RepoLinks = {
    serverUrl: serverUrl || 'https://github.com',
    owner,
    repo,
    sha,
    ...(ref?.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {}),
    ...(runId ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` } : {})
  }
  // A few lines of YAML under each finding: the head texts of the files with findings.
  const blobs = await snapshot.read([...new Set(result.findings.map((f) => f.file))])
  const fileText = (path: string) => (blobs.has(path) ? new TextDecoder().decode(blobs.get(path)) : undefined)
  const outcome: ReadinessOutcome = { result }
  const notes: string[] = []
  // The issue speaks for the default branch: a run dispatched on another branch only reports in the job summary.
  const defaultBranch = (context.payload as { repository?: { default_branch?: string } }).repository?.default_branch
  const otherBranch = defaultBranch && links.branch && links.branch !== defaultBranch ? links.branch : undefined
  if (!octokit) notes.push('No github-token was given, so the readiness issue was not updated.')
  else if (otherBranch) notes.push(`This run checked the branch ${codeSpan(otherBranch)}, not the default branch ${codeSpan(defaultBranch!)}, so the readiness issue was left as it is.`)
  else {
    // Files that could not be checked (chart templates) alone do not keep an issue open: only findings do.
    const hasFindings = result.findings.some((f) => !f.suppressed)
    const hash = readinessHash(result)
    try {
      outcome.issue = await syncReadinessIssue({
        octokit,
        repo: { owner, repo },
        title,
        labels,
        hasFindings,
        body: renderReadinessBody(result, links, hash, fileText),
        hash,
        ...(inputs.appLogin ? { login: inputs.appLogin } : {}),
        ...(tokenKind ? { tokenKind } : {}),
        closeNote: `istio-compat found nothing to fix for Istio ${result.target.release.version} on ${links.branch ? `\`${links.branch}\` ` : ''}at ${sha.slice(0, 12)}; closing. This issue is reopened if findings come back.`,
        log
      })
      core.info(`istio-compat: readiness issue ${outcome.issue.number ? `#${outcome.issue.number} ` : ''}${outcome.issue.action}`)
    } catch (error) {
      const message = `${httpStatus(error) ? `HTTP ${httpStatus(error)}: ` : ''}${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`
      const [before, after] = isPermissionError(error)
        ? ['GitHub refused to write the readiness issue (', '); the job needs `permissions: issues: write`.']
        : ['Updating the readiness issue failed (', ').']
      core.warning(`${before}${message}${after}`)
      notes.push(`${before}${escapeMarkdown(message)}${after}`)
    }
  }
  for (const [name, value] of Object.entries(actionOutputs(result, files))) core.setOutput(name, value)
  core.setOutput('issue', outcome.issue?.number !== undefined ? String(outcome.issue.number) : '')
  const summary = renderLinkedReport(result, links, STEP_SUMMARY_BUDGET, { fileText, measure: 'bytes' })
  actionsWorkflowOutput().stepSummary(notes.length ? `${notes.map((n) => `> ${n}`).join('\n')}\n\n${summary}` : summary)

  const verdict = gate(result.findings, failOn)
  if (verdict.exitCode !== 0) core.setFailed(`istio-compat: ${verdict.message}`)
  else core.info(`istio-compat: ${verdict.message}${failOn === 'never' ? ' Readiness runs do not fail unless fail-on is set.' : ''}`)
  return outcome
}
