// Plans the one PR review of a run: which findings become inline comments where, which go to the summary,
// which earlier comments of ours stay, and which are outdated. Pure: the executor in publish.ts sends it.
import type { ChangedFile } from '../changes/types.js'
import { compareFindings, severityRank, type Finding } from '../model.js'
import { codeSpan, fencedBlock } from './escape.js'
import { fingerprints } from './fingerprint.js'
import { ruleDocsUrl } from './links.js'
import { escapeInline, prose, renderSource, truncate } from './prose.js'
import { isPrLevel, isUnchanged } from './summary.js'
import { buildSuggestion, textLines } from './suggestion.js'

/**
 * reviewdog posts at most 30 comments per review: more trips GitHub's abuse detection ("403 You have
 * triggered an abuse detection mechanism") and makes the PR page slow to open.
 */
export const MAX_INLINE_COMMENTS = 30
/** GitHub rejects bodies over 65,536 characters ("Body is too long"); keep room for the marker. */
export const MAX_COMMENT_BODY = 60_000
/** Inline comments for one rule + message (sixty identical findings make one list item, not sixty threads). */
export const MAX_INLINE_PER_GROUP = 5

const FINGERPRINT_MARKER = /\n<!-- istio-compat:fp=([0-9a-f]{16}) -->\s*$/

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- istio-compat:fp=${fingerprint} -->`
}

/** The fingerprint of one of our inline comments; only a marker at the very end counts (quoted text cannot fake it). */
export function fingerprintOf(body: string): string | undefined {
  return FINGERPRINT_MARKER.exec(body.replace(/\r\n/g, '\n'))?.[1]
}

/** Why a finding is in the summary instead of on the diff. */
export type OffDiffReason =
  | 'file not changed by this PR'
  | 'diff not available'
  | 'outside the diff'
  | 'inline comment limit reached'
  | 'already commented on identical findings'
  | 'a more severe finding is commented on the same line'
  | 'GitHub rejected the inline comments'

/** A review comment as the GitHub API lists it (only the fields we read). */
export interface ExistingReviewComment {
  id: number
  body: string
  path: string
  line?: number | null
  start_line?: number | null
  in_reply_to_id?: number
  /** The review the comment belongs to. */
  review_id?: number
  /** The thread's page address (links from the summary). */
  html_url?: string
  user: { login: string; type?: string } | null
}

export interface InlineComment {
  finding: Finding
  fingerprint: string
  path: string
  /** Last line of the range (GitHub `line`), RIGHT side. */
  line: number
  /** First line when the comment spans several lines (GitHub `start_line`). */
  startLine?: number
  body: string
  /** True when the body carries a ```suggestion block. */
  suggestion: boolean
}

export interface ReviewPlan {
  /** New comments for this run's review. */
  post: InlineComment[]
  /** Comments already on the PR from an earlier run, unchanged: not posted again. */
  keep: { comment: InlineComment; existingId: number }[]
  /** Our own outdated comments without replies: delete them. */
  remove: number[]
  /** Our own outdated comments that people replied to: left alone so the conversation stays. */
  keepWithReplies: number[]
  /**
   * Our own outdated comments that carried a ```suggestion: left alone, because the usual reason a suggested
   * finding goes away is that someone committed the suggestion, and the thread records that fix.
   */
  keepSuggested: number[]
  /** Unsuppressed findings that are not commented inline, with the reason. */
  offDiff: { finding: Finding; reason: OffDiffReason }[]
}

export interface ReviewPlanInput {
  findings: readonly Finding[]
  files: readonly ChangedFile[]
  /** Target release as the user sees it; part of each fingerprint. */
  target: string
  suggestions: boolean
  headText: (path: string) => string | undefined
  existing?: readonly ExistingReviewComment[]
  /** Decides which existing comments are ours: marker plus author. */
  isOwn?: (comment: ExistingReviewComment) => boolean
  maxInline?: number
  /** At most this many inline comments per rule + message; the rest are listed in the summary. */
  maxPerGroup?: number
}

interface Anchor {
  line: number
  startLine?: number
  suggestion?: string
}


/** Where a finding can be commented on the diff, or why it cannot. */
function anchorFor(finding: Finding, file: ChangedFile | undefined, suggestions: boolean, headText: ReviewPlanInput['headText']): Anchor | OffDiffReason {
  if (!file || file.status === 'removed') return 'file not changed by this PR'
  if (file.patchMissing) return 'diff not available'
  const first = finding.line
  const last = Math.max(finding.endLine ?? first, first)

  if (suggestions && finding.fix && finding.fix.edits.length > 0) {
    const text = headText(finding.file)
    const suggestion = text === undefined ? undefined : buildSuggestion(finding.fix.edits, file, textLines(text))
    // The suggestion must be about this finding: its lines overlap the finding's range.
    if (suggestion && suggestion.startLine <= last && suggestion.endLine >= first) {
      return { line: suggestion.endLine, ...(suggestion.startLine < suggestion.endLine ? { startLine: suggestion.startLine } : {}), suggestion: suggestion.content }
    }
  }

  const hunk = file.commentableLines.get(first)
  if (hunk !== undefined && file.commentableLines.get(last) === hunk) {
    return first < last ? { line: last, startLine: first } : { line: first }
  }
  if (hunk !== undefined) return { line: first }
  // The finding's block starts outside the diff but the PR changed lines inside it: comment on the first such run.
  for (let line = first + 1; line <= last; line++) {
    const inside = file.commentableLines.get(line)
    if (inside === undefined) continue
    let end = line
    while (end + 1 <= last && file.commentableLines.get(end + 1) === inside) end++
    return end > line ? { line: end, startLine: line } : { line }
  }
  return 'outside the diff'
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', notice: 'Notice' } as const
const SEVERITY_ICON = { error: '🛑', warning: '⚠️', notice: 'ℹ️' } as const

/** "Deployment `shop/checkout` · at `spec.x`" */
function describeLocation(finding: Finding): string {
  const parts: string[] = []
  const r = finding.resource
  if (r) {
    const name = [r.namespace, r.name].filter(Boolean).join('/')
    parts.push(`${escapeInline(truncate(r.kind, 80))}${name ? ` ${codeSpan(truncate(name, 120))}` : ''}`)
  }
  if (finding.path) parts.push(`at ${codeSpan(truncate(finding.path, 200))}`)
  return parts.join(' · ')
}

function messageOf(finding: Finding): string {
  const r = finding.resource
  return prose(finding.message, [finding.path, r?.apiVersion, r?.name, r && r.namespace && r.name ? `${r.namespace}/${r.name}` : undefined])
}

/** The markdown body of one inline comment, ending with its hidden fingerprint. */
export function renderInlineBody(finding: Finding, fingerprint: string, suggestion: string | undefined): string {
  const header = `${SEVERITY_ICON[finding.severity]} **${SEVERITY_WORD[finding.severity]}** · [${codeSpan(finding.rule)}](${ruleDocsUrl(finding.rule)})`
  const lines = [header, '', messageOf(finding)]
  if (finding.fix) lines.push('', `**Fix:** ${prose(finding.fix.description, [finding.path])}`)
  if (suggestion !== undefined) lines.push('', fencedBlock(suggestion, 'suggestion'))
  const footer = [describeLocation(finding), renderSource(finding.source) ? `Source: ${renderSource(finding.source)}` : ''].filter(Boolean).join(' · ')
  if (footer) lines.push('', `<sub>${footer}</sub>`)
  lines.push('', fingerprintMarker(fingerprint))
  return lines.join('\n')
}

function sameAnchor(existing: ExistingReviewComment, comment: InlineComment): boolean {
  return existing.path === comment.path && existing.line === comment.line && (existing.start_line ?? undefined) === comment.startLine
}

/** Two comment bodies say the same: CRLF line ends (as GitHub may hand a body back) and surrounding blank space aside. */
export function sameBody(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim()
}

/** Most severe first, then findings on lines the PR added, then by place. */
function inlineOrder(files: ReadonlyMap<string, ChangedFile>) {
  const onAddedLine = (f: Finding) => (files.get(f.file)?.addedLines.has(f.line) ? 0 : 1)
  return (a: Finding, b: Finding) => severityRank(b.severity) - severityRank(a.severity) || onAddedLine(a) - onAddedLine(b) || compareFindings(a, b)
}

export function planReview(input: ReviewPlanInput): ReviewPlan {
  const maxInline = input.maxInline ?? MAX_INLINE_COMMENTS
  const maxPerGroup = input.maxPerGroup ?? MAX_INLINE_PER_GROUP
  const files = new Map(input.files.map((file) => [file.path, file]))
  // Findings the PR did not cause (already on the base) and findings about the cluster or the upgrade as a
  // whole get no inline comment: the summary lists them.
  const active = input.findings.filter((f) => !f.suppressed && !isUnchanged(f) && !isPrLevel(f))
  const prints = fingerprints(active, input.target)

  const offDiff: ReviewPlan['offDiff'] = []
  const wanted: InlineComment[] = []
  const perGroup = new Map<string, number>()
  const severestOnLine = new Map<string, number>()
  for (const finding of [...active].sort(inlineOrder(files))) {
    const anchor = anchorFor(finding, files.get(finding.file), input.suggestions, input.headText)
    if (typeof anchor === 'string') {
      offDiff.push({ finding, reason: anchor })
      continue
    }
    if (wanted.length >= maxInline) {
      offDiff.push({ finding, reason: 'inline comment limit reached' })
      continue
    }
    const group = `${finding.severity}\u0000${finding.rule}\u0000${finding.message}`
    if ((perGroup.get(group) ?? 0) >= maxPerGroup) {
      offDiff.push({ finding, reason: 'already commented on identical findings' })
      continue
    }
    // An error and a warning on one line make two threads where the warning is moot until the error is fixed.
    const lineKey = `${finding.file}:${anchor.line}`
    const severest = severestOnLine.get(lineKey)
    if (severest !== undefined && severest > severityRank(finding.severity) && !anchor.suggestion) {
      offDiff.push({ finding, reason: 'a more severe finding is commented on the same line' })
      continue
    }
    severestOnLine.set(lineKey, Math.max(severest ?? 0, severityRank(finding.severity)))
    perGroup.set(group, (perGroup.get(group) ?? 0) + 1)
    const fingerprint = prints.get(finding)!
    let suggestion = anchor.suggestion
    let body = renderInlineBody(finding, fingerprint, suggestion)
    if (body.length > MAX_COMMENT_BODY && suggestion !== undefined) {
      suggestion = undefined
      body = renderInlineBody(finding, fingerprint, undefined)
    }
    // A dropped suggestion keeps its range: it is inside one hunk and covers the finding.
    wanted.push({
      finding,
      fingerprint,
      path: finding.file,
      line: anchor.line,
      ...(anchor.startLine !== undefined ? { startLine: anchor.startLine } : {}),
      body,
      suggestion: suggestion !== undefined
    })
  }

  const isOwn = input.isOwn ?? ((c: ExistingReviewComment) => fingerprintOf(c.body) !== undefined)
  const existing = input.existing ?? []
  const repliedTo = new Set(existing.flatMap((c) => (c.in_reply_to_id === undefined ? [] : [c.in_reply_to_id])))
  const own = existing.filter((c) => c.in_reply_to_id === undefined && isOwn(c))

  const keep: ReviewPlan['keep'] = []
  const post: InlineComment[] = []
  const kept = new Set<number>()
  for (const comment of wanted) {
    const match = own.find((c) => !kept.has(c.id) && fingerprintOf(c.body) === comment.fingerprint && sameAnchor(c, comment) && sameBody(c.body, comment.body))
    if (match) {
      kept.add(match.id)
      keep.push({ comment, existingId: match.id })
    } else {
      post.push(comment)
    }
  }
  const remove: number[] = []
  const keepWithReplies: number[] = []
  const keepSuggested: number[] = []
  for (const comment of own) {
    if (kept.has(comment.id)) continue
    if (repliedTo.has(comment.id)) keepWithReplies.push(comment.id)
    else if (/^`{3,}suggestion\s*$/m.test(comment.body)) keepSuggested.push(comment.id)
    else remove.push(comment.id)
  }
  offDiff.sort((a, b) => inlineOrder(files)(a.finding, b.finding))
  return { post, keep, remove, keepWithReplies, keepSuggested, offDiff }
}

/**
 * True when GitHub will accept the comment's anchor: the file is in the PR with a diff, `line` (and
 * `start_line`, which must come first) are RIGHT-side lines of the same hunk.
 */
export function isPostable(comment: Pick<InlineComment, 'line' | 'startLine'>, file: ChangedFile | undefined): boolean {
  if (!file || file.patchMissing || file.status === 'removed') return false
  const hunk = file.commentableLines.get(comment.line)
  if (hunk === undefined) return false
  if (comment.startLine === undefined) return true
  return comment.startLine < comment.line && file.commentableLines.get(comment.startLine) === hunk
}
