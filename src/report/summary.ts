// The summary of a run in markdown: the sticky PR comment, the job step summary and the CLI's markdown format.
import type { ResourceChange } from '../manifests/types.js'
import { severityRank, type Finding, type Severity } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { codeSpan, escapeMarkdown } from './escape.js'
import { ruleDocsUrl } from './links.js'
import { countFindings } from './counts.js'

/** The hidden marker that identifies the sticky summary comment; it starts the body. */
export const SUMMARY_MARKER = '<!-- istio-compat:summary -->'
/** GitHub's limit for comment bodies ("Body is too long (maximum is 65536 characters)"). */
export const MAX_COMMENT_LENGTH = 65_536
/** Budget for the sticky comment: below the limit, leaving room for the marker and GitHub's own counting. */
export const SUMMARY_BUDGET = 60_000

export interface SummaryOptions {
  /** Findings that are commented inline on the diff (review mode). */
  inline?: ReadonlySet<Finding>
  /** Why a finding is not inline (review mode); findings in neither set are listed without a note. */
  offDiff?: ReadonlyMap<Finding, string>
  /** Extra sentences shown under the counts, e.g. why inline comments fell back to this summary. Plain text. */
  notes?: readonly string[]
  /** Start with the sticky marker (the PR comment); off for the step summary and the CLI. */
  marker?: boolean
  /** Maximum length in characters; tables are cut to fit, with a note saying how much was left out. */
  maxLength?: number
  /** The commit the findings are about. */
  headSha?: string
}

const ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', notice: 'ℹ️' }

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function location(file: string, line: number, endLine?: number): string {
  return codeSpan(endLine !== undefined && endLine > line ? `${file}:${line}-${endLine}` : `${file}:${line}`, { table: true })
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

interface Table {
  title?: string
  /** Collapsed in <details> with this summary line. */
  collapsed?: string
  header: string[]
  rows: string[]
  /** Lower is cut first when the body is too long. */
  priority: number
  /** What the rows are, for the "… N more" note. */
  noun: string
}

function renderTable(table: Table, limit: number): string {
  const shown = table.rows.slice(0, limit)
  const out: string[] = []
  if (table.collapsed) out.push(`<details><summary>${table.collapsed}</summary>`, '')
  else if (table.title) out.push(table.title, '')
  out.push(tableRow(table.header), tableRow(table.header.map(() => '---')), ...shown)
  if (shown.length < table.rows.length) {
    out.push('', `_… and ${plural(table.rows.length - shown.length, table.noun)} more, left out to fit GitHub's size limit; the job summary and the JSON report have all of them._`)
  }
  if (table.collapsed) out.push('', '</details>')
  return out.join('\n')
}

function resourceTitle(change: ResourceChange): { kind: string; name: string; file: string; line: number } {
  const doc = change.head ?? change.base
  const r = doc?.resource
  const name = r ? [r.namespace, r.name].filter(Boolean).join('/') : change.key
  return { kind: r?.kind ?? doc?.kind ?? 'document', name, file: doc?.file ?? '', line: doc?.line ?? 1 }
}

function findingsTable(result: AnalysisResult, options: SummaryOptions): Table | undefined {
  const active = result.findings.filter((f) => !f.suppressed && f.baselineState !== 'unchanged')
  if (active.length === 0) return undefined
  const sorted = [...active].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || a.line - b.line)
  const review = options.inline !== undefined || options.offDiff !== undefined
  const header = ['Severity', 'Location', 'Rule', 'Finding', ...(review ? ['On the diff'] : [])]
  const rows = sorted.map((f) => {
    const cells = [`${ICON[f.severity]} ${f.severity}`, location(f.file, f.line, f.endLine), `[${escapeMarkdown(f.rule)}](${ruleDocsUrl(f.rule)})`, escapeMarkdown(f.message)]
    if (review) cells.push(options.inline?.has(f) ? 'inline comment' : escapeMarkdown(options.offDiff?.get(f) ?? 'not commented'))
    return tableRow(cells)
  })
  return { title: '#### Findings', header, rows, priority: 3, noun: 'finding' }
}

// --- Baseline: findings already there before this PR (baselineState 'unchanged'), folded. ---
function existingTable(result: AnalysisResult): Table | undefined {
  const existing = result.findings.filter((f) => !f.suppressed && f.baselineState === 'unchanged')
  if (existing.length === 0) return undefined
  const gates = result.failOnExisting ? 'they fail the check: fail-on-existing is set' : 'not gating'
  return {
    collapsed: `${plural(existing.length, 'finding')} already there before this PR (${gates})`,
    header: ['Severity', 'Location', 'Rule', 'Finding'],
    rows: [...existing]
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || a.line - b.line)
      .map((f) => tableRow([`${ICON[f.severity]} ${f.severity}`, location(f.file, f.line, f.endLine), `[${escapeMarkdown(f.rule)}](${ruleDocsUrl(f.rule)})`, escapeMarkdown(f.message)])),
    priority: 1.5,
    noun: 'finding already there'
  }
}
// --- end baseline ---

function suppressedTable(result: AnalysisResult): Table | undefined {
  const suppressed = result.findings.filter((f) => f.suppressed)
  if (suppressed.length === 0) return undefined
  return {
    collapsed: `${plural(suppressed.length, 'suppressed finding')} (not gating)`,
    header: ['Location', 'Rule', 'Finding', 'Suppressed by'],
    rows: suppressed.map((f) =>
      tableRow([location(f.file, f.line, f.endLine), escapeMarkdown(f.rule), escapeMarkdown(f.message), escapeMarkdown(`${f.suppressed!.by}: ${f.suppressed!.reason}`)])
    ),
    priority: 1,
    noun: 'suppressed finding'
  }
}

function resourcesTable(result: AnalysisResult): Table | undefined {
  const changed = result.resources.filter((r) => r.status !== 'unchanged')
  if (changed.length === 0) return undefined
  const count = (status: ResourceChange['status']) => changed.filter((r) => r.status === status).length
  const order = { removed: 0, added: 1, changed: 2, unchanged: 3 }
  const rows = [...changed]
    .sort((a, b) => order[a.status] - order[b.status] || a.key.localeCompare(b.key))
    .map((change) => {
      const t = resourceTitle(change)
      return tableRow([change.status, escapeMarkdown(t.kind), codeSpan(t.name, { table: true }), location(t.file, t.line)])
    })
  return {
    collapsed: `Resources in this change: ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed`,
    header: ['Change', 'Kind', 'Name', 'File'],
    rows,
    priority: 0,
    noun: 'resource'
  }
}

function notCheckedTable(result: AnalysisResult): Table | undefined {
  if (result.notChecked.length === 0) return undefined
  return {
    title: '#### Not checked',
    header: ['File', 'Why'],
    rows: result.notChecked.map((n) => tableRow([codeSpan(n.file, { table: true }), escapeMarkdown(n.reason)])),
    priority: 2,
    noun: 'file'
  }
}

// Release versions passed parseRelease (digits, dots, a pre-release tag): safe to print as they are.
function versionsTable(result: AnalysisResult): string {
  const rows = [tableRow(['Target', `Istio ${result.target.release.version}`, escapeMarkdown(result.target.origin)])]
  if (result.from) rows.push(tableRow(['From', `Istio ${result.from.release.version}`, escapeMarkdown(result.from.origin)]))
  else rows.push(tableRow(['From', 'not known', 'only changes up to the target release are checked']))
  if (result.kubernetesVersion) rows.push(tableRow(['Kubernetes', escapeMarkdown(result.kubernetesVersion), 'input']))
  return [tableRow(['', 'Release', 'Chosen by']), tableRow(['---', '---', '---']), ...rows].join('\n')
}

/** Files a config `targets:` entry sent to other releases than the top-level ones. */
function fileTargetsTable(result: AnalysisResult): Table | undefined {
  const entries = Object.entries(result.targetsByFile ?? {})
  if (entries.length === 0) return undefined
  return {
    collapsed: `${plural(entries.length, 'file')} checked against other releases (config targets)`,
    header: ['File', 'Target', 'From', 'Chosen by'],
    rows: entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, t]) => tableRow([codeSpan(file, { table: true }), `Istio ${t.target.release.version}`, t.from ? `Istio ${t.from.release.version}` : 'not known', escapeMarkdown(t.target.origin)])),
    priority: 0.5,
    noun: 'file'
  }
}

function headline(result: AnalysisResult): string {
  const to = result.target.release.version
  return result.from ? `### istio-compat: Istio ${result.from.release.version} → ${to}` : `### istio-compat: Istio ${to}`
}

function countsLine(result: AnalysisResult): string {
  const c = countFindings(result.findings)
  const notes = [...(c.suppressed > 0 ? [`${c.suppressed} suppressed`] : []), ...(c.existing > 0 ? [`${c.existing} already there before this PR`] : [])]
  const suppressed = notes.length ? ` (${notes.join(', ')})` : ''
  if (c.errors + c.warnings + c.notices === 0) return `✅ No ${c.existing > 0 ? 'new ' : ''}findings${suppressed} in ${plural(result.documentsChecked, 'YAML document')}.`
  return `${ICON.error} ${plural(c.errors, 'error')} · ${ICON.warning} ${plural(c.warnings, 'warning')} · ${ICON.notice} ${plural(c.notices, 'notice')}${suppressed} in ${plural(result.documentsChecked, 'YAML document')}.`
}

export function renderSummary(result: AnalysisResult, options: SummaryOptions = {}): string {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY
  const head: string[] = []
  if (options.marker) head.push(SUMMARY_MARKER)
  head.push(headline(result), '', countsLine(result))
  if (result.versionBump) head.push('', 'This PR changes the Istio version, so every manifest in the repository was checked, not only the changed ones.')
  for (const note of options.notes ?? []) head.push('', escapeMarkdown(note))
  head.push('', versionsTable(result))

  const tables = [findingsTable(result, options), notCheckedTable(result), existingTable(result), suppressedTable(result), fileTargetsTable(result), resourcesTable(result)].filter((t): t is Table => t !== undefined)
  const footer = `<sub>${options.headSha ? `Checked at ${codeSpan(options.headSha.slice(0, 12))}. ` : ''}Each rule is explained in its docs page.</sub>`

  const limits = tables.map((t) => t.rows.length)
  const render = () => [head.join('\n'), ...tables.map((t, i) => renderTable(t, limits[i]!)), footer].join('\n\n')
  let body = render()
  // Cut the least important table first: the most rows that still fit (binary search), then the next table.
  for (const i of tables.map((_, i) => i).sort((a, b) => tables[a]!.priority - tables[b]!.priority)) {
    if (body.length <= maxLength) break
    let fits = 0
    let tooMany = limits[i]!
    while (tooMany - fits > 1) {
      const mid = Math.floor((fits + tooMany) / 2)
      limits[i] = mid
      if (render().length <= maxLength) fits = mid
      else tooMany = mid
    }
    limits[i] = fits
    body = render()
  }
  if (body.length > maxLength) {
    const note = "\n\n_The summary was cut to fit GitHub's size limit._"
    body = body.slice(0, Math.max(0, maxLength - note.length)).replace(/\n[^\n]*$/, '') + note
  }
  return body
}
