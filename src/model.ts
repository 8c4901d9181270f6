// The finding model of DESIGN.md §5: the one data shape every layer speaks.

export type Severity = 'error' | 'warning' | 'notice'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice']

/** Higher is worse; used by the gate and for sorting. */
export function severityRank(severity: Severity): number {
  return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1
}

export interface ResourceRef {
  apiVersion: string
  kind: string
  namespace?: string
  name?: string
}

export interface TextEdit {
  /** 1-based, inclusive line range of the file at head that the replacement takes the place of. */
  startLine: number
  endLine: number
  /** The new text of those lines, without a trailing newline. */
  replacement: string
}

export interface Fix {
  description: string
  edits: TextEdit[]
}

export interface Finding {
  /** Stable kebab-case id, documented in docs/rules/<id>.md. */
  rule: string
  severity: Severity
  /**
   * One sentence of plain text; every renderer escapes it. The Markdown renderers (src/report/prose.ts) show
   * names in it as code spans: the finding's own `path`, resource name and apiVersion wherever they occur,
   * and tokens shaped like identifiers (dotted/slashed names, ENV_VARS, camelCase keys, `a[0]` paths); the
   * rest is escaped minimally. So write names as they are, without quotes or backticks.
   */
  message: string
  file: string
  line: number
  endLine?: number
  resource?: ResourceRef
  /** YAML path, e.g. spec.trafficPolicy.retryBudget */
  path?: string
  fix?: Fix
  /** Upstream note or issue the finding rests on. */
  source?: string
  /** Set by the suppression layer: the finding is kept for the summary but does not gate. */
  suppressed?: { reason: string; by: string }
  /**
   * Set by the baseline classification when there is a base to compare with (SARIF's baselineState):
   * 'new' = the pull request causes it (it gates and may be commented inline); 'unchanged' = the same finding
   * (rule, resource, YAML path, message with release numbers normalised) was already there on the base
   * analysed against the from-release: listed in a folded part of the summary, gates only with fail-on-existing.
   * Absent when no baseline was computed (plain paths): the finding counts as new.
   */
  baselineState?: 'new' | 'unchanged'
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || severityRank(b.severity) - severityRank(a.severity) || a.rule.localeCompare(b.rule)
}

/** Thrown for usage and input errors; the CLI maps it to exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
