// Suppressions written on a resource: our `istio-compat.io/ignore` (a reason is required) and Istio's own
// `galley.istio.io/analyze-suppress` (IST codes), honoured for rules that report the same thing as an IST code.
// Suppressed findings are kept with `suppressed` set: the summary counts them, the gate skips them.
import { closest } from '../closest.js'
import { entryAt } from '../manifests/locate.js'
import type { ManifestDocument, MapEntry } from '../manifests/types.js'
import type { Finding } from '../model.js'
import { IST_CODES } from './ist-codes.js'

export const IGNORE_ANNOTATION = 'istio-compat.io/ignore'
/** Istio's annotation (istio/istio pkg/config/analysis/local/istiod_analyze.go): comma-separated IST codes, or `*`. */
export const GALLEY_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress'
export const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason'
export const SUPPRESSION_UNKNOWN_RULE = 'suppression-unknown-rule'

export type IstCodeMap = Readonly<Record<string, readonly string[]>>

export interface SuppressOptions {
  /** Documents whose broken suppressions are reported (those the PR adds or changes). Default: every document. */
  inScope?: ReadonlySet<ManifestDocument>
  /** Rule ids an `istio-compat.io/ignore` may name; others are reported. Default: any id is accepted. */
  knownRules?: readonly string[]
  /** Our rule id → the IST codes it corresponds to. Default: the committed IST_CODES. */
  istCodes?: IstCodeMap
}

/** What one document's annotations suppress. */
export interface DocumentSuppressions {
  /** Rule id → reason, from `istio-compat.io/ignore`. */
  rules: Map<string, string>
  /** IST codes from `galley.istio.io/analyze-suppress`; `*` means every code. */
  istCodes: Set<string>
  /** Findings about the annotations themselves (no reason, unknown rule). */
  problems: Finding[]
}

/**
 * Marks findings that fall inside a document (same file, line within the document's range) whose annotations
 * suppress their rule, and adds the findings about broken suppressions of the documents in scope.
 */
export function applySuppressions(findings: readonly Finding[], documents: readonly ManifestDocument[], options: SuppressOptions = {}): Finding[] {
  const istCodes = options.istCodes ?? IST_CODES
  const byFile = new Map<string, { doc: ManifestDocument; suppressions: DocumentSuppressions }[]>()
  const problems: Finding[] = []
  for (const doc of documents) {
    const suppressions = readSuppressions(doc, options.knownRules)
    if (!options.inScope || options.inScope.has(doc)) for (const p of suppressions.problems) problems.push(p)
    if (suppressions.rules.size === 0 && suppressions.istCodes.size === 0) continue
    const list = byFile.get(doc.file) ?? []
    list.push({ doc, suppressions })
    byFile.set(doc.file, list)
  }

  const out = findings.map((finding) => {
    if (finding.suppressed) return finding
    const owner = byFile.get(finding.file)?.find(({ doc }) => doc.line <= finding.line && finding.line <= doc.endLine)
    if (!owner) return finding
    const suppressed = suppressionFor(finding.rule, owner.suppressions, istCodes)
    return suppressed ? { ...finding, suppressed } : finding
  })
  return [...out, ...problems]
}

function suppressionFor(rule: string, s: DocumentSuppressions, istCodes: IstCodeMap): Finding['suppressed'] {
  const reason = s.rules.get(rule)
  if (reason !== undefined) return { reason, by: IGNORE_ANNOTATION }
  const codes = istCodes[rule] ?? []
  const code = s.istCodes.has('*') ? codes[0] : codes.find((c) => s.istCodes.has(c))
  if (code) return { reason: `${code} is listed in ${GALLEY_SUPPRESS_ANNOTATION}${s.istCodes.has('*') ? ' (*)' : ''}`, by: GALLEY_SUPPRESS_ANNOTATION }
  return undefined
}

/** Reads both annotations of one document. Pure; exported for the docs' examples and tests. */
export function readSuppressions(doc: ManifestDocument, knownRules?: readonly string[]): DocumentSuppressions {
  const result: DocumentSuppressions = { rules: new Map(), istCodes: new Set(), problems: [] }
  const annotations = annotationsOf(doc.value)
  if (!annotations) return result

  const galley = annotations[GALLEY_SUPPRESS_ANNOTATION]
  if (typeof galley === 'string') for (const code of galley.split(',').map((c) => c.trim()).filter(Boolean)) result.istCodes.add(code)

  if (!(IGNORE_ANNOTATION in annotations)) return result
  const entry = entryAt(doc.root, ['metadata', 'annotations', IGNORE_ANNOTATION])
  const problem = (rule: string, message: string): void => {
    result.problems.push({
      rule,
      severity: 'warning',
      message,
      file: doc.file,
      line: entry?.keyNode.line ?? doc.line,
      ...(entry ? { endLine: entryEndLine(entry) } : {}),
      ...(doc.resource ? { resource: doc.resource } : {})
    })
  }
  const value = annotations[IGNORE_ANNOTATION]
  const form = `write it as "<rule-id>[,<rule-id>...]: <why this is acceptable>"`
  if (typeof value !== 'string') {
    problem(SUPPRESSION_WITHOUT_REASON, `The ${IGNORE_ANNOTATION} annotation is not a string, so it suppresses nothing; ${form}.`)
    return result
  }
  const colon = value.indexOf(':')
  const ids = (colon === -1 ? value : value.slice(0, colon)).split(',').map((s) => s.trim()).filter(Boolean)
  const reason = colon === -1 ? '' : value.slice(colon + 1).trim()
  if (ids.length === 0) {
    problem(SUPPRESSION_WITHOUT_REASON, `The ${IGNORE_ANNOTATION} annotation names no rule, so it suppresses nothing; ${form}.`)
    return result
  }
  if (reason === '') {
    problem(SUPPRESSION_WITHOUT_REASON, `The ${IGNORE_ANNOTATION} annotation for ${ids.join(', ')} gives no reason, so it suppresses nothing; ${form}.`)
    return result
  }
  for (const id of ids) {
    if (knownRules && !knownRules.includes(id)) {
      const near = closest(id, knownRules)
      problem(SUPPRESSION_UNKNOWN_RULE, `The ${IGNORE_ANNOTATION} annotation names the unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; it suppresses nothing for it.`)
      continue
    }
    result.rules.set(id, reason)
  }
  return result
}

function annotationsOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const metadata = (value as { metadata?: unknown }).metadata
  if (typeof metadata !== 'object' || metadata === null) return undefined
  const annotations = (metadata as { annotations?: unknown }).annotations
  return typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations) ? (annotations as Record<string, unknown>) : undefined
}

function entryEndLine(entry: MapEntry): number {
  return Math.max(entry.keyNode.endLine, entry.value?.endLine ?? entry.keyNode.endLine)
}
