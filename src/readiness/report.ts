// The body of the readiness issue: what would break on the target release, grouped by file, every location a
// permalink at the checked commit, with the fixes and the upstream notes the findings rest on.
import { createHash } from 'node:crypto'
import { severityRank, type Finding, type Severity } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { countFindings } from '../report/counts.js'
import { codeSpan, escapeMarkdown } from '../report/escape.js'
import { fingerprints } from '../report/fingerprint.js'
import { ruleDocsUrl } from '../report/links.js'

/** Starts the body of our issue; with the label and the author it tells our issue from anyone else's. */
export const READINESS_MARKER = '<!-- istio-compat:readiness -->'
/** GitHub refuses issue bodies over 65536 characters; stay below with room for the markers. */
export const ISSUE_BODY_BUDGET = 60_000

const ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', notice: 'ℹ️' }

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** A link destination GitHub renders as one URL whatever it holds (spaces, parentheses, angle brackets). */
function safeUrl(url: string): string {
  return url.replace(/[\s()<>\\`"'[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** `https://host/owner/repo/blob/<sha>/<path>#L3-L5`: stays valid whatever happens to the branch later. */
export function permalink(links: RepoLinks, file: string, line: number, endLine?: number): string {
  const path = file.split('/').map(encodeURIComponent).join('/')
  const anchor = endLine !== undefined && endLine > line ? `#L${line}-L${endLine}` : `#L${line}`
  return `${links.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(links.owner)}/${encodeURIComponent(links.repo)}/blob/${links.sha}/${path}${anchor}`
}

/** An upstream source ("https://… (refs)") as a link plus its references as text. */
function sourceLink(source: string): string {
  const m = /^(https?:\/\/\S+)(.*)$/.exec(source.trim())
  if (!m) return escapeMarkdown(source)
  const rest = m[2]!.trim()
  return `[${escapeMarkdown(m[1]!.replace(/^https?:\/\//, ''))}](${safeUrl(m[1]!)})${rest ? ` ${escapeMarkdown(rest)}` : ''}`
}

function findingItem(f: Finding, links: RepoLinks): string {
  const where = f.endLine !== undefined && f.endLine > f.line ? `lines ${f.line}-${f.endLine}` : `line ${f.line}`
  const lines = [`- ${ICON[f.severity]} [${codeSpan(where)}](${permalink(links, f.file, f.line, f.endLine)}) [${escapeMarkdown(f.rule)}](${safeUrl(ruleDocsUrl(f.rule))}): ${escapeMarkdown(f.message)}`]
  if (f.fix) lines.push(`  - **Fix:** ${escapeMarkdown(f.fix.description)}`)
  if (f.source) lines.push(`  - **Upstream:** ${sourceLink(f.source)}`)
  return lines.join('\n')
}

/** The active findings grouped by file (files with errors first), each group a list of linked findings. */
function findingGroups(findings: readonly Finding[], links: RepoLinks): string[] {
  const byFile = new Map<string, Finding[]>()
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f])
  const worst = (fs: Finding[]) => Math.max(...fs.map((f) => severityRank(f.severity)))
  return [...byFile.entries()]
    .sort(([a, fa], [b, fb]) => worst(fb) - worst(fa) || a.localeCompare(b))
    .map(([file, fs]) => {
      const sorted = [...fs].sort((a, b) => a.line - b.line || severityRank(b.severity) - severityRank(a.severity))
      return [`##### [${codeSpan(file)}](${permalink(links, file, 1).replace(/#L1$/, '')})`, '', ...sorted.map((f) => findingItem(f, links))].join('\n')
    })
}

/** "file:12 (how)" with the place as code, else the origin as text. */
function originText(origin: string): string {
  const m = /^(\S+:\d+) \((.*)\)$/.exec(origin)
  return m ? `${codeSpan(m[1]!)}, ${escapeMarkdown(m[2]!)}` : escapeMarkdown(origin)
}

function versionsLine(result: AnalysisResult): string {
  const target = `Istio ${result.target.release.version} (${originText(result.target.origin)})`
  if (!result.from) return `Checked against ${target}.`
  return `Runs Istio ${result.from.release.version} today (${originText(result.from.origin)}); checked against ${target}.`
}

/**
 * The grouped, linked report of a whole-branch run. The narrow seam between readiness and the renderers:
 * everything readiness-specific (markers, state) is added around it by renderReadinessBody.
 */
export function renderLinkedReport(result: AnalysisResult, links: RepoLinks, maxLength = ISSUE_BODY_BUDGET): string {
  const active = result.findings.filter((f) => !f.suppressed)
  const c = countFindings(result.findings)
  const head = [
    result.from ? `### Istio ${result.from.release.version} → ${result.target.release.version}: upgrade readiness` : `### Istio ${result.target.release.version}: upgrade readiness`,
    '',
    versionsLine(result),
    '',
    active.length === 0
      ? `✅ No findings in ${plural(result.documentsChecked, 'YAML document')}.`
      : `${ICON.error} ${plural(c.errors, 'error')} · ${ICON.warning} ${plural(c.warnings, 'warning')} · ${ICON.notice} ${plural(c.notices, 'notice')}${c.suppressed ? ` (${c.suppressed} suppressed)` : ''} in ${plural(result.documentsChecked, 'YAML document')}.`
  ].join('\n')
  const groups = findingGroups(active, links)
  const notChecked = result.notChecked.length
    ? ['#### Not checked', '', ...result.notChecked.map((n) => `- ${codeSpan(n.file)}: ${escapeMarkdown(n.reason)}`)].join('\n')
    : ''
  const suppressed = result.findings.filter((f) => f.suppressed)
  const suppressedPart = suppressed.length
    ? [`<details><summary>${plural(suppressed.length, 'suppressed finding')}</summary>`, '', ...suppressed.map((f) => `- [${codeSpan(`${f.file}:${f.line}`)}](${permalink(links, f.file, f.line, f.endLine)}) ${escapeMarkdown(f.rule)}: ${escapeMarkdown(f.message)} (${escapeMarkdown(`${f.suppressed!.by}: ${f.suppressed!.reason}`)})`), '', '</details>'].join('\n')
    : ''
  const footer = `<sub>Checked ${links.branch ? `${codeSpan(links.branch)} ` : ''}at [${codeSpan(links.sha.slice(0, 12))}](${safeUrl(`${links.serverUrl.replace(/\/+$/, '')}/${links.owner}/${links.repo}/commit/${links.sha}`)})${links.runUrl ? ` by [this run](${safeUrl(links.runUrl)})` : ''}. Each rule is explained in its docs page.</sub>`

  const render = (shown: number) => {
    const parts = [head, ...(groups.length ? ['#### Findings', ...groups.slice(0, shown)] : [])]
    if (shown < groups.length) parts.push(`_… and ${plural(groups.length - shown, 'more file')} with findings, left out to fit GitHub's size limit; the job summary and the JSON report have all of them._`)
    return [...parts, notChecked, suppressedPart, footer].filter(Boolean).join('\n\n')
  }
  let body = render(groups.length)
  if (body.length <= maxLength) return body
  // The most files that still fit (binary search): whole files are left out, never half a file.
  let fits = 0
  let tooMany = groups.length
  while (tooMany - fits > 1) {
    const mid = Math.floor((fits + tooMany) / 2)
    if (render(mid).length <= maxLength) fits = mid
    else tooMany = mid
  }
  body = render(fits)
  return body.length > maxLength ? body.slice(0, maxLength) : body
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
export function renderReadinessBody(result: AnalysisResult, links: RepoLinks, hash = readinessHash(result)): string {
  const intro = `This issue is kept up to date by a scheduled istio-compat run: it is edited when the findings change, closed when the branch is clean and reopened when findings come back.`
  const prefix = [READINESS_MARKER, hashMarker(hash), intro].join('\n')
  return `${prefix}\n\n${renderLinkedReport(result, links, ISSUE_BODY_BUDGET - prefix.length - 2)}`
}
