// The gate: the job's exit status is the required check (a bot's REQUEST_CHANGES would linger until dismissed).
import { severityRank, UsageError, type Finding, type Severity } from './model.js'

export type FailOn = Severity | 'never'
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'notice', 'never']

export function parseFailOn(value: string): FailOn {
  const v = value.trim().toLowerCase()
  if ((FAIL_ON_VALUES as readonly string[]).includes(v)) return v as FailOn
  throw new UsageError(`fail-on "${value}" is not one of ${FAIL_ON_VALUES.join(', ')}`)
}

export interface GateResult {
  /** 0 passes, 1 fails. (2, usage errors, is the CLI's business.) */
  exitCode: 0 | 1
  failOn: FailOn
  /** The most severe unsuppressed finding, if any. */
  highest?: Severity
  /** Unsuppressed findings at or above the threshold. */
  failing: number
  /** One sentence for the log and core.setFailed. */
  message: string
}

export function gate(findings: readonly Finding[], failOn: FailOn): GateResult {
  const active = findings.filter((f) => !f.suppressed)
  const highest = active.reduce<Severity | undefined>((max, f) => (max === undefined || severityRank(f.severity) > severityRank(max) ? f.severity : max), undefined)
  const failing = failOn === 'never' ? 0 : active.filter((f) => severityRank(f.severity) >= severityRank(failOn)).length
  const base = { failOn, failing, ...(highest ? { highest } : {}) }
  if (failing > 0) {
    return { ...base, exitCode: 1, message: `${failing} finding(s) at or above "${failOn}" (fail-on); the most severe is ${highest}.` }
  }
  return { ...base, exitCode: 0, message: highest ? `No finding at or above "${failOn}" (fail-on); the most severe is ${highest}.` : 'No findings.' }
}
