// The summary of a run in Markdown: the sticky PR comment, the job step summary and the CLI's markdown format.
// A function of (result, options) only: nothing here knows a pull request, so an issue or a job summary can
// reuse it (pass `links` to make places clickable, `fileText` for snippets of off-diff findings).
//
// Layout (verdict first, readable in a 390 px column, no tables):
//   headline with the verdict · non-zero counts · releases and where they were read · PR-level findings ·
//   errors (open) · warnings, notices (folded) · findings already on the base (folded) · suppressed, not
//   checked, file targets, resources (folded). Identical rule + message are one item with their locations.
import type { ResourceChange } from '../manifests/types.js'
import { severityRank, type Finding, type Severity } from '../model.js'
import type { AnalysisResult, VersionChoice } from '../result.js'
import { codeSpan, fencedBlock } from './escape.js'
import { commitUrl, permalink, ruleDocsUrl, type LinkContext } from './links.js'
import { countFindings } from './counts.js'
import { escapeInline, manifestText, prose, renderSource, truncate } from './prose.js'

/** The hidden marker that identifies the sticky summary comment; it starts the body. */
export const SUMMARY_MARKER = '<!-- istio-compat:summary -->'
/** GitHub's limit for comment bodies ("Body is too long (maximum is 65536 characters)"). */
export const MAX_COMMENT_LENGTH = 65_536
/** Budget for the sticky comment: below the limit, leaving room for the marker and GitHub's own counting. */
export const SUMMARY_BUDGET = 60_000

/** Findings about the cluster or the upgrade as a whole: shown under the headline, never on a line of a file. */
export const PR_LEVEL_RULES: ReadonlySet<string> = new Set(['kubernetes-version-unsupported', 'upgrade-path-unsupported'])

export function isPrLevel(finding: Finding): boolean {
  return PR_LEVEL_RULES.has(finding.rule)
}

/** Already on the base, not caused by this PR (baseline classification). */
export function isUnchanged(finding: Finding): boolean {
  return finding.baselineState === 'unchanged'
}

export interface SummaryOptions {
  /** Findings that are commented inline on the diff (review mode). */
  inline?: ReadonlySet<Finding>
  /** Why a finding is not inline (review mode). */
  offDiff?: ReadonlyMap<Finding, string>
  /** Sentences of the project shown under the counts (why inline comments fell back, annotation caps, …). */
  notes?: readonly string[]
  /** Start with the sticky marker (the PR comment); off for the step summary and the CLI. */
  marker?: boolean
  /** Maximum size; details are folded away first, findings last. */
  maxLength?: number
  /** How maxLength is counted: characters (comments) or UTF-8 bytes (the step summary's 1 MiB). */
  measure?: 'chars' | 'bytes'
  /** The commit the findings are about. */
  headSha?: string
  /** Makes locations, sources, the commit and the run links. */
  links?: LinkContext
  /** Head text of a file, for a few lines of YAML under each finding outside the diff. */
  fileText?: (path: string) => string | undefined
  /** The gate's threshold; the verdict says what blocks. Default 'error'. */
  failOn?: Severity | 'never'
}

const ICON: Record<Severity, string> = { error: '🛑', warning: '⚠️', notice: 'ℹ️' }
const TITLE: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' }
const INLINE_MARK = '💬'
/** Lines of YAML shown under a finding outside the diff. */
const SNIPPET_LINES = 5
const SNIPPET_WIDTH = 160
/** Resource rows shown one by one; more are shown as counts by kind. */
const RESOURCE_ROWS = 30

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function size(text: string, measure: 'chars' | 'bytes'): number {
  return measure === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length
}

/** Natural order: svc-2 before svc-10. The collator is made on first use: making one costs the action's start-up ~10 ms. */
let collator: Intl.Collator | undefined
export const naturalCompare = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })).compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)

function locationText(file: string, line: number, endLine?: number): string {
  return endLine !== undefined && endLine > line ? `${file}:${line}-${endLine}` : `${file}:${line}`
}

/** How compact the rendering is: each level drops more detail to fit a size limit; findings go last. */
interface Detail {
  snippets: boolean
  /** Locations listed per group (the rest counted). */
  locations: number
  /** Findings items listed per section (the rest counted). */
  items: number
  resources: boolean
  extras: boolean
}

const DETAIL_LEVELS: Detail[] = [
  { snippets: true, locations: Infinity, items: Infinity, resources: true, extras: true },
  { snippets: true, locations: Infinity, items: Infinity, resources: false, extras: true },
  { snippets: false, locations: Infinity, items: Infinity, resources: false, extras: true },
  { snippets: false, locations: 20, items: Infinity, resources: false, extras: false },
  { snippets: false, locations: 5, items: 200, resources: false, extras: false },
  { snippets: false, locations: 3, items: 60, resources: false, extras: false },
  { snippets: false, locations: 1, items: 20, resources: false, extras: false }
]

class SummaryRenderer {
  private readonly links: LinkContext
  private readonly failOn: Severity | 'never'
  constructor(
    private readonly result: AnalysisResult,
    private readonly options: SummaryOptions
  ) {
    this.links = { ...(options.links ?? {}), ...(options.headSha && !options.links?.headSha ? { headSha: options.headSha } : {}) }
    this.failOn = options.failOn ?? 'error'
  }

  // ---- pieces -------------------------------------------------------------------------------------------

  private isInline(f: Finding): boolean {
    return this.options.inline?.has(f) ?? false
  }

  /** A location as a link: the inline thread when there is one, else the exact lines at the head commit. */
  location(f: Finding): string {
    const text = codeSpan(truncate(locationText(f.file, f.line, f.endLine), 200))
    const thread = this.isInline(f) ? this.links.threads?.get(f) : undefined
    const url = thread ?? permalink(this.links, f.file, f.line, f.endLine)
    return url ? `[${text}](${url})${this.isInline(f) ? ` ${INLINE_MARK}` : ''}` : `${text}${this.isInline(f) ? ` ${INLINE_MARK}` : ''}`
  }

  private ruleLink(rule: string): string {
    return `[${codeSpan(rule)}](${ruleDocsUrl(rule)})`
  }

  private resourceText(f: Finding): string {
    const r = f.resource
    if (!r) return ''
    const name = [r.namespace, r.name].filter(Boolean).join('/')
    return `${escapeInline(truncate(r.kind, 80))}${name ? ` ${codeSpan(truncate(name, 120))}` : ''}`
  }

  private message(f: Finding): string {
    const r = f.resource
    return prose(f.message, [f.path, r?.apiVersion, r?.name, r && r.namespace && r.name ? `${r.namespace}/${r.name}` : undefined])
  }

  /** A few lines of the offending YAML at head (only for findings not shown on the diff). */
  private snippet(f: Finding): string | undefined {
    const text = this.options.fileText?.(f.file)
    if (text === undefined) return undefined
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    const first = Math.max(1, f.line - 1)
    const last = Math.min(lines.length, Math.max(f.endLine ?? f.line, f.line) + 1, first + SNIPPET_LINES - 1)
    if (first > lines.length) return undefined
    const width = String(last).length
    const shown = []
    for (let n = first; n <= last; n++) {
      // Bidi controls would make the code read differently from what it is: show them as code points.
      const line = truncate((lines[n - 1] ?? '').replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`), SNIPPET_WIDTH)
      shown.push(`${String(n).padStart(width)} ${n >= f.line && n <= (f.endLine ?? f.line) ? '▶' : ' '} ${line}`)
    }
    return fencedBlock(shown.join('\n'), 'yaml')
  }

  /** Resource, YAML path, fix and source: the context an inline comment would carry. */
  private context(f: Finding, detail: Detail, withSnippet: boolean): string[] {
    const facts: string[] = []
    if (f.path) facts.push(`at ${codeSpan(truncate(f.path, 200))}`)
    if (f.fix) facts.push(`**Fix:** ${prose(f.fix.description, [f.path])}`)
    const source = renderSource(f.source)
    if (source) facts.push(`Source: ${source}`)
    const out = facts.length ? [facts.join(' · ')] : []
    const snippet = withSnippet && detail.snippets ? this.snippet(f) : undefined
    if (snippet) out.push(snippet)
    return out
  }

  // ---- findings -----------------------------------------------------------------------------------------

  /** Identical severity + rule + message, in order of first appearance. */
  private groups(findings: readonly Finding[]): Finding[][] {
    const byKey = new Map<string, Finding[]>()
    for (const f of findings) {
      const key = `${f.severity}\u0000${f.rule}\u0000${f.message}`
      const group = byKey.get(key)
      if (group) group.push(f)
      else byKey.set(key, [f])
    }
    return [...byKey.values()]
  }

  /** One list item (a finding or a group of identical ones), as lines indented for the list. */
  private item(group: Finding[], detail: Detail, options: { context: boolean }): string[] {
    const f = group[0]!
    const indent = (lines: string[]) => lines.flatMap((l) => l.split('\n')).map((l) => (l === '' ? '' : `  ${l}`))
    if (group.length === 1) {
      const head = [this.location(f), this.resourceText(f), this.ruleLink(f.rule)].filter(Boolean).join(' · ')
      const offDiff = !this.isInline(f) && this.options.offDiff?.get(f)
      // <br>: the message on its own line even in a tight list (a plain newline would join the two lines).
      const lines = [`- ${head}${offDiff ? ` · _${escapeInline(offDiff)}_` : ''}<br>`, `  ${this.message(f)}`]
      if (options.context && !this.isInline(f)) {
        const context = this.context(f, detail, true)
        if (context.length) lines.push('', ...indent(context))
      }
      return lines
    }
    const kinds = new Set(group.map((g) => g.resource?.kind ?? ''))
    const kind = kinds.size === 1 && [...kinds][0] ? ` ${escapeInline(truncate([...kinds][0]!, 80))}` : ''
    const inline = group.filter((g) => this.isInline(g)).length
    const lines = [`- ${this.ruleLink(f.rule)} · **${group.length}×**${kind} · ${this.message(f)}`]
    if (options.context) {
      const context = this.context(f, detail, false)
      if (context.length) lines.push(`  ${context[0]}`)
    }
    const shown = group.slice(0, detail.locations)
    const rest = group.length - shown.length
    const summary = `${plural(group.length, 'location')}${inline ? ` (${inline} commented inline)` : ''}`
    lines.push('', `  <details><summary>${summary}</summary>`, '', `  ${shown.map((g) => this.location(g)).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`, '', '  </details>')
    return lines
  }

  private list(findings: readonly Finding[], detail: Detail, options: { context: boolean }): string {
    const groups = this.groups(findings)
    const shown = groups.slice(0, detail.items)
    const out = shown.flatMap((g) => [...this.item(g, detail, options), ''])
    const rest = groups.slice(shown.length).reduce((n, g) => n + g.length, 0)
    if (rest > 0) out.push(`- _… and ${plural(rest, 'more finding')}, left out to fit GitHub's size limit; the job summary and the JSON report list all of them._`, '')
    return out.join('\n').trimEnd()
  }

  private folded(summary: string, body: string): string {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
  }

  private severitySections(findings: readonly Finding[], detail: Detail): string[] {
    const out: string[] = []
    for (const severity of ['error', 'warning', 'notice'] as const) {
      const here = findings.filter((f) => f.severity === severity)
      if (here.length === 0) continue
      const title = `${ICON[severity]} ${plural(here.length, TITLE[severity])}`
      const body = this.list(here, detail, { context: true })
      out.push(severity === 'error' ? `#### ${title}\n\n${body}` : this.folded(title, body))
    }
    return out
  }

  // ---- head ---------------------------------------------------------------------------------------------

  /** Findings the gate counts: unsuppressed, and caused by the PR unless fail-on-existing is set. */
  private gating(): Finding[] {
    return this.result.findings.filter((f) => !f.suppressed && (this.result.failOnExisting === true || !isUnchanged(f)))
  }

  private count(findings: readonly Finding[]) {
    return countFindings(findings, { includeExisting: true })
  }

  private blocking(findings: readonly Finding[]): Finding[] {
    if (this.failOn === 'never') return []
    return findings.filter((f) => severityRank(f.severity) >= severityRank(this.failOn as Severity))
  }

  /** "❌ 4 errors block the upgrade to Istio 1.28.1" / "✅ compatible with Istio 1.28". */
  verdict(): string {
    return this.headline(this.gating()).replace(/^### (\S+) istio-compat: /, '$1 ')
  }

  private headline(gating: readonly Finding[]): string {
    const target = this.result.target.release.version
    const from = this.result.from?.release.version
    const blocking = this.blocking(gating)
    if (blocking.length > 0) {
      const c = this.count(blocking)
      const what = [c.errors && plural(c.errors, 'error'), c.warnings && plural(c.warnings, 'warning'), c.notices && plural(c.notices, 'notice')].filter(Boolean).join(' and ')
      const verb = blocking.length === 1 ? 'blocks' : 'block'
      return from && from !== target ? `### ❌ istio-compat: ${what} ${verb} the upgrade to Istio ${target}` : `### ❌ istio-compat: ${what} ${verb} the merge (Istio ${target})`
    }
    return from && from !== target ? `### ✅ istio-compat: ready for the upgrade to Istio ${target}` : `### ✅ istio-compat: compatible with Istio ${target}`
  }

  private countsLine(gating: readonly Finding[], unchanged: number): string {
    const c = this.count(gating)
    const blockingSeverities = new Set(this.blocking(gating).map((f) => f.severity))
    const part = (n: number, word: string, severity: Severity) => (n === 0 ? '' : blockingSeverities.has(severity) ? `**${plural(n, word)}**` : plural(n, word))
    const counts = [part(c.errors, 'error', 'error'), part(c.warnings, 'warning', 'warning'), part(c.notices, 'notice', 'notice')].filter(Boolean)
    const all = countFindings(this.result.findings)
    const existingNote = this.result.failOnExisting ? 'already there before this PR, counted: fail-on-existing' : 'already there before this PR'
    const extra = [unchanged ? `${unchanged} ${existingNote}` : '', all.suppressed ? `${all.suppressed} suppressed` : ''].filter(Boolean)
    const docs = plural(this.result.documentsChecked, 'YAML document')
    const findings = counts.length ? `${counts.join(', ')} in ${docs}` : `No new findings in ${docs}`
    const parts = [findings + (extra.length ? ` (${extra.join(', ')})` : '')]
    const sha = this.links.headSha
    if (sha) {
      const url = commitUrl(this.links, sha)
      parts.push(`checked at ${url ? `[${codeSpan(sha.slice(0, 7))}](${url})` : codeSpan(sha.slice(0, 12))}`)
    }
    if (this.links.runUrl) parts.push(`[job](${this.links.runUrl})`)
    if (this.links.summaryUrl && !this.options.marker) parts.push(`[PR summary](${this.links.summaryUrl})`)
    return parts.join(' · ')
  }

  /** "[`file:21`](…) (Flux HelmRelease …)" for a release read from a file, undefined for an input. */
  private origin(choice: VersionChoice, sha: string | undefined): { where: string; how?: string } | undefined {
    const m = /^(.+?):(\d+)(?:\s+\((.*)\))?$/.exec(choice.origin)
    if (!m) return undefined
    const [, file, line, how] = m
    const text = codeSpan(truncate(`${file}:${line}`, 200))
    const url = permalink(this.links, file!, Number(line), undefined, sha)
    return { where: url ? `[${text}](${url})` : text, ...(how ? { how: prose(how) } : {}) }
  }

  private release(choice: VersionChoice, sha: string | undefined): string {
    const o = this.origin(choice, sha)
    if (!o) return `Istio ${choice.release.version} (${choice.origin === 'input' ? 'input' : prose(choice.origin)})`
    return `Istio ${choice.release.version}, read from ${o.where}${o.how ? ` (${o.how})` : ''}`
  }

  private versionsLine(): string {
    const r = this.result
    const parts: string[] = []
    const baseSha = this.links.baseSha ?? this.links.headSha
    if (r.from && r.from.origin === r.target.origin && this.origin(r.target, this.links.headSha)) {
      // Both read from the same place (a version bump in one file): say it once, link both commits.
      const head = this.origin(r.target, this.links.headSha)!
      const base = this.origin(r.from, baseSha)!
      const baseLink = /\]\((.*)\)$/.exec(base.where)?.[1]
      parts.push(`Istio ${r.from.release.version}${baseLink ? ` ([base](${baseLink}))` : ''} → ${r.target.release.version}, both read from ${head.where}${head.how ? ` (${head.how})` : ''}`)
    } else {
      parts.push(`Target: ${this.release(r.target, this.links.headSha)}`)
      if (r.from) parts.push(`from: ${this.release(r.from, baseSha)}`)
      else parts.push('from: not known, so only changes up to the target release were checked')
    }
    if (r.kubernetesVersion) parts.push(`Kubernetes ${escapeInline(r.kubernetesVersion)}`)
    // Auto detection: the other sources it saw (the chosen one is the target), so a decoy or a stale file shows.
    const others = (r.versionCandidates ?? []).slice(1)
    if (others.length > 0) {
      const listed = others.slice(0, 3).map((d) => {
        const o = this.origin({ release: r.target.release, origin: `${d.file}:${d.line} (${d.how})` }, this.links.headSha)
        return `${codeSpan(truncate(d.version, 40))} at ${o ? `${o.where}${o.how ? ` (${o.how})` : ''}` : codeSpan(truncate(d.file, 200))}`
      })
      parts.push(`also named: ${listed.join('; ')}${others.length > 3 ? `; and ${others.length - 3} more` : ''}`)
    }
    return parts.join(' · ')
  }

  private prLevel(findings: readonly Finding[]): string | undefined {
    if (findings.length === 0) return undefined
    return findings.map((f) => {
      const source = renderSource(f.source)
      return `- ${ICON[f.severity]} ${this.message(f)} · ${this.ruleLink(f.rule)}${source ? ` · ${source}` : ''}`
    }).join('\n')
  }

  // ---- the rest -----------------------------------------------------------------------------------------

  private suppressed(detail: Detail): string | undefined {
    const suppressed = this.result.findings.filter((f) => f.suppressed)
    if (suppressed.length === 0) return undefined
    const shown = suppressed.slice(0, detail.items)
    const lines = shown.map((f) => `- ${this.location(f)} · ${this.ruleLink(f.rule)} · ${this.message(f)} · suppressed by ${manifestText(`${f.suppressed!.by}: ${f.suppressed!.reason}`)}`)
    if (shown.length < suppressed.length) lines.push(`- _… and ${suppressed.length - shown.length} more_`)
    return this.folded(`${plural(suppressed.length, 'suppressed finding')} (not gating)`, lines.join('\n'))
  }

  private notChecked(detail: Detail): string | undefined {
    const list = this.result.notChecked
    if (list.length === 0) return undefined
    const shown = list.slice(0, detail.items)
    const lines = shown.map((n) => {
      const url = permalink(this.links, n.file)
      const file = codeSpan(truncate(n.file, 200))
      return `- ${url ? `[${file}](${url})` : file}: ${prose(n.reason)}`
    })
    if (shown.length < list.length) lines.push(`- _… and ${list.length - shown.length} more_`)
    const body = lines.join('\n')
    return list.length <= 5 ? `#### ${plural(list.length, 'file')} not checked\n\n${body}` : this.folded(`${plural(list.length, 'file')} not checked`, body)
  }

  private fileTargets(): string | undefined {
    const entries = Object.entries(this.result.targetsByFile ?? {}).sort(([a], [b]) => naturalCompare(a, b))
    if (entries.length === 0) return undefined
    const lines = entries.map(([file, t]) => `- ${codeSpan(truncate(file, 200))}: Istio ${t.target.release.version}${t.from ? ` from ${t.from.release.version}` : ''} (${manifestText(t.target.origin)})`)
    return this.folded(`${plural(entries.length, 'file')} checked against other releases (config targets)`, lines.join('\n'))
  }

  private resources(): string | undefined {
    const withFinding = new Set(this.result.findings.map((f) => `${f.file}\u0000${f.resource?.kind ?? ''}\u0000${f.resource?.namespace ?? ''}\u0000${f.resource?.name ?? ''}`))
    // A finding without a resource (a parse error, say) marks every document of its file.
    const fileWithFinding = new Set(this.result.findings.filter((f) => !f.resource).map((f) => f.file))
    const mesh = new Set(['istio', 'istio-operator', 'gateway-api', 'inference'])
    const rows = this.result.resources
      .filter((r) => r.status !== 'unchanged')
      .map((change) => ({ change, doc: change.head ?? change.base }))
      .filter(({ doc }) => {
        if (!doc) return false
        const r = doc.resource
        return (doc.family !== undefined && mesh.has(doc.family)) || fileWithFinding.has(doc.file) || withFinding.has(`${doc.file}\u0000${r?.kind ?? ''}\u0000${r?.namespace ?? ''}\u0000${r?.name ?? ''}`)
      })
    if (rows.length === 0) return undefined
    const count = (status: ResourceChange['status']) => rows.filter((r) => r.change.status === status).length
    const counts = [`${count('added')} added`, `${count('changed')} changed`, `${count('removed')} removed`].filter((c) => !c.startsWith('0 ')).join(', ')
    const title = (doc: NonNullable<ResourceChange['head']>) => {
      const r = doc.resource
      return { kind: r?.kind ?? doc.kind, name: r ? [r.namespace, r.name].filter(Boolean).join('/') : `${doc.file}#${doc.index}` }
    }
    let body: string
    if (rows.length > RESOURCE_ROWS) {
      const byKind = new Map<string, Record<string, number>>()
      for (const { change, doc } of rows) {
        const k = title(doc!).kind
        const c = byKind.get(k) ?? {}
        c[change.status] = (c[change.status] ?? 0) + 1
        byKind.set(k, c)
      }
      body = [...byKind].sort(([a], [b]) => naturalCompare(a, b)).map(([kind, c]) => `- ${escapeInline(kind)}: ${Object.entries(c).map(([s, n]) => `${n} ${s}`).join(', ')}`).join('\n')
    } else {
      body = rows
        .map(({ change, doc }) => ({ change, doc: doc!, t: title(doc!) }))
        .sort((a, b) => naturalCompare(a.t.kind, b.t.kind) || naturalCompare(a.t.name, b.t.name))
        .map(({ change, doc, t }) => {
          const url = change.status === 'removed' ? undefined : permalink(this.links, doc.file, doc.line)
          const where = codeSpan(truncate(`${doc.file}:${doc.line}`, 200))
          return `- ${change.status} ${escapeInline(truncate(t.kind, 80))} ${codeSpan(truncate(t.name, 120))} · ${url ? `[${where}](${url})` : where}`
        })
        .join('\n')
    }
    return this.folded(`Istio resources in this change: ${counts}`, body)
  }

  render(detail: Detail): string {
    const active = this.result.findings.filter((f) => !f.suppressed)
    const unchanged = active.filter(isUnchanged)
    const gating = this.gating()
    const fresh = active.filter((f) => !isUnchanged(f))
    const prLevel = fresh.filter(isPrLevel)
    const located = fresh.filter((f) => !isPrLevel(f))

    const blocks: string[] = []
    const head = [this.headline(gating), '', this.countsLine(gating, unchanged.length), '', this.versionsLine()]
    if (this.options.marker) head.unshift(SUMMARY_MARKER)
    blocks.push(head.join('\n'))
    if (this.result.versionBump) blocks.push('> ℹ️ This PR changes the Istio version, so every manifest in the repository was checked, not only the changed files.')
    const pr = this.prLevel(prLevel)
    if (pr) blocks.push(pr)
    for (const note of this.options.notes ?? []) blocks.push(`> ${prose(note)}`)
    const sorted = [...located].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || Number(this.isInline(a)) - Number(this.isInline(b)) || naturalCompare(a.file, b.file) || a.line - b.line)
    for (const block of this.severitySections(sorted, detail)) blocks.push(block)
    if (unchanged.length) {
      const list = this.list([...unchanged].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || naturalCompare(a.file, b.file) || a.line - b.line), detail, { context: false })
      const why = this.result.failOnExisting ? 'they fail the check: fail-on-existing is set' : 'not gating'
      blocks.push(this.folded(`${plural(unchanged.length, 'finding')} already there before this PR (${why})`, list))
    }
    const notChecked = this.notChecked(detail)
    if (notChecked) blocks.push(notChecked)
    if (detail.extras) {
      for (const block of [this.suppressed(detail), this.fileTargets()]) if (block) blocks.push(block)
    }
    if (detail.resources) {
      const resources = this.resources()
      if (resources) blocks.push(resources)
    }
    const legend = this.options.inline && this.options.inline.size > 0 ? `${INLINE_MARK} = commented inline on the diff. ` : ''
    blocks.push(`<sub>${legend}Each rule links to its docs page.</sub>`)
    return blocks.join('\n\n')
  }
}

export function renderSummary(result: AnalysisResult, options: SummaryOptions = {}): string {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY
  const measure = options.measure ?? 'chars'
  const renderer = new SummaryRenderer(result, options)
  let body = ''
  for (const detail of DETAIL_LEVELS) {
    body = renderer.render(detail)
    if (size(body, measure) <= maxLength) return body
  }
  // Still too long (thousands of different findings): cut at a line, say so.
  const note = "\n\n_The summary was cut to fit GitHub's size limit; the job summary and the JSON report list every finding._"
  let cut = body.slice(0, Math.max(0, maxLength - note.length - 16))
  while (size(cut, measure) > maxLength - size(note, measure) - 16) cut = cut.slice(0, Math.floor(cut.length * 0.9))
  cut = cut.replace(/\n[^\n]*$/, '')
  // Close a <details> left open by the cut, so the note shows.
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length
  return `${cut}${'\n\n</details>'.repeat(Math.max(0, open))}${note}`
}

/** The verdict of a run in one line, as the summary's headline says it (for the review body). */
export function verdictOf(result: AnalysisResult, failOn: Severity | 'never' = 'error'): string {
  return new SummaryRenderer(result, { failOn }).verdict()
}
