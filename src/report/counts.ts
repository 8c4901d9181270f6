// Finding counts: the action outputs, the summary headline and the gate speak the same numbers.
import { isGating } from '../gate.js'
import type { Finding } from '../model.js'

export interface FindingCounts {
  /** Findings the gate counts, per severity: unsuppressed, and caused by the PR unless `includeExisting`. */
  errors: number
  warnings: number
  notices: number
  suppressed: number
  /** Unsuppressed findings already there before the PR (baselineState 'unchanged'), whatever the option. */
  existing: number
}

export function countFindings(findings: readonly Finding[], options: { includeExisting?: boolean } = {}): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, notices: 0, suppressed: 0, existing: 0 }
  for (const f of findings) {
    if (f.suppressed) {
      counts.suppressed++
      continue
    }
    if (f.baselineState === 'unchanged') counts.existing++
    if (!isGating(f, { failOnExisting: options.includeExisting === true })) continue
    if (f.severity === 'error') counts.errors++
    else if (f.severity === 'warning') counts.warnings++
    else counts.notices++
  }
  return counts
}
