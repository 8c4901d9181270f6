// The gate: the job's exit status is the required check (a bot's REQUEST_CHANGES would linger until dismissed).
import { severityRank, UsageError, type Finding, type Severity } from './model.js'

export type FailOn = Severity | 'never'
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never']

export function parseFailOn(value: string): FailOn {
  const v = value.trim().toLowerCase()
  if ((FAIL_ON_VALUES as readonly string[]).includes(v)) return v as FailOn
  throw new UsageError(`fail-on "${value}" is not one of ${FAIL_ON_VALUES.join(', ')}`)
}

export interface GateOptions {
  /** Findings already there before the PR (baselineState 'unchanged') gate too. Default false. */
  failOnExisting?: boolean
}

/**
 * A finding the gate counts: not suppressed, and caused by the PR (baselineState 'new', or no baseline at all)
 * unless fail-on-existing asks for every finding.
 */
export function isGating(finding: Finding, options: GateOptions = {}): boolean {
  return !finding.suppressed && (options.failOnExisting === true || finding.baselineState !== 'unchanged')
}

export interface GateResult {
  /** 0 passes, 1 fails. (2, usage errors, is the CLI's business.) */
  exitCode: 0 | 1
  failOn: FailOn
  /** The most severe finding the gate counts, if any. */
  highest?: Severity
  /** Findings the gate counts at or above the threshold. */
  failing: number
  /** Unsuppressed findings already there before the PR that the gate left out (fail-on-existing off). */
  existing: number
  /** One sentence for the log and core.setFailed. */
  message: string
}

export function gate(findings: readonly Finding[], failOn: FailOn, options: GateOptions = {}): GateResult {
  const active = findings.filter((f) => isGating(f, options))
  const existing = options.failOnExisting ? 0 : findings.filter((f) => !f.suppressed && f.baselineState === 'unchanged').length
  const highest = active.reduce<Severity | undefined>((max, f) => (max === undefined || severityRank(f.severity) > severityRank(max) ? f.severity : max), undefined)
  const failing = failOn === 'never' ? 0 : active.filter((f) => severityRank(f.severity) >= severityRank(failOn)).length
  const base = { failOn, failing, existing, ...(highest ? { highest } : {}) }
  const left = existing > 0 ? ` ${existing} finding(s) already there before this change do not count (fail-on-existing is off).` : ''
  if (failing > 0) {
    return { ...base, exitCode: 1, message: `${failing} finding(s) at or above "${failOn}" (fail-on); the most severe is ${highest}.${left}` }
  }
  return { ...base, exitCode: 0, message: `${highest ? `No finding at or above "${failOn}" (fail-on); the most severe is ${highest}.` : 'No findings.'}${left}` }
}
