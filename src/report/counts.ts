// Finding counts: the action outputs, the summary headline and the gate speak the same numbers.
import type { Finding } from '../model.js'

export interface FindingCounts {
  /** Unsuppressed findings per severity. */
  errors: number
  warnings: number
  notices: number
  suppressed: number
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, notices: 0, suppressed: 0 }
  for (const f of findings) {
    if (f.suppressed) counts.suppressed++
    else if (f.severity === 'error') counts.errors++
    else if (f.severity === 'warning') counts.warnings++
    else counts.notices++
  }
  return counts
}
