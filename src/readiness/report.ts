// The body of the readiness issue: what would break on the target release, grouped by file, every location a
// permalink at the checked commit, with the fixes and the upstream notes the findings rest on.
import { createHash } from 'node:crypto'
import type { AnalysisResult } from '../result.js'
import { fingerprints } from '../report/fingerprint.js'
import { renderSummary } from '../report/summary.js'
import type { LinkContext } from '../report/links.js'

/** Starts the body of our issue; with the label and the author it tells our issue from anyone else's. */
export const READINESS_MARKER = '<!-- istio-compat:readiness -->'
/** GitHub refuses issue bodies over 65536 characters; stay below with room for the markers. */
export const ISSUE_BODY_BUDGET = 60_000

export interface RepoLinks {
  /** https://github.com, or the GHES host. */
  serverUrl: string
  owner: string
  repo: string
  /** The commit that was checked; every location links into it. */
  sha: string
  /** The branch it was on, for the text only. */
  branch?: string
  /** The workflow run, for the footer. */
  runUrl?: string
}

/** The link context of the checked commit: the summary renderer's permalinks (src/report/links.ts) point at it. */
export function linkContextOf(links: RepoLinks): LinkContext {
  return { serverUrl: links.serverUrl.replace(/\/+$/, ''), repository: `${links.owner}/${links.repo}`, headSha: links.sha, ...(links.runUrl ? { runUrl: links.runUrl } : {}) }
}

/**
 * The grouped, linked report of a whole-branch run: the PR summary's renderer (verdict, counts, releases, findings
 * by severity with every location a permalink at the checked commit, fixes, sources and a few lines of YAML).
 * Resources are left out: on a whole branch every resource would read as "added".
 */
export function renderLinkedReport(result: AnalysisResult, links: RepoLinks, maxLength = ISSUE_BODY_BUDGET, options: { fileText?: (path: string) => string | undefined; measure?: 'chars' | 'bytes' } = {}): string {
  return renderSummary(
    { ...result, resources: [] },
    {
      links: linkContextOf(links),
      maxLength,
      failOn: 'error',
      ...(options.measure ? { measure: options.measure } : {}),
      ...(options.fileText ? { fileText: options.fileText } : {})
    }
  )
}

/**
 * What the issue says, without where it says it: the findings' identities (not their lines, so an edit
 * elsewhere in a file does not rewrite the issue), severities, fixes, the releases and the files not checked.
 */
export function readinessHash(result: AnalysisResult): string {
  const target = result.target.release.version
  const prints = fingerprints(result.findings, target)
  const findings = result.findings.map((f) => [prints.get(f), f.severity, f.suppressed ? 'suppressed' : '', f.fix?.description ?? ''].join('|')).sort()
  const state = { target, from: result.from?.release.version ?? '', findings, notChecked: result.notChecked.map((n) => `${n.file}|${n.reason}`).sort() }
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16)
}

/** `<!-- istio-compat:readiness-hash abc… -->`: read back on the next run to skip a write that changes nothing. */
export function hashMarker(hash: string): string {
  return `<!-- istio-compat:readiness-hash ${hash} -->`
}

export function hashOf(body: string): string | undefined {
  return /<!-- istio-compat:readiness-hash ([0-9a-f]{16}) -->/.exec(body)?.[1]
}

export function isReadinessBody(body: string): boolean {
  return body.replace(/^\uFEFF/, '').startsWith(READINESS_MARKER)
}

/** The whole issue body: markers, a sentence on what this issue is, the linked report. */
export function renderReadinessBody(result: AnalysisResult, links: RepoLinks, hash = readinessHash(result), fileText?: (path: string) => string | undefined): string {
  const intro = `This issue is kept up to date by a scheduled istio-compat run: it is edited when the findings change, closed when the branch is clean and reopened when findings come back.`
  const prefix = [READINESS_MARKER, hashMarker(hash), intro].join('\n')
  return `${prefix}\n\n${renderLinkedReport(result, links, ISSUE_BODY_BUDGET - prefix.length - 2, fileText ? { fileText } : {})}`
}
