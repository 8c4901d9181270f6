// Stable identities of findings: hidden in review comments (dedupe across runs) and in SARIF partialFingerprints.
import { createHash } from 'node:crypto'
import type { Finding } from '../model.js'

/** A finding's identity without its line, so a comment survives edits elsewhere in the file. */
function identity(finding: Finding, target: string): string {
  const r = finding.resource
  const resource = r ? `${r.apiVersion}/${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}` : ''
  return [finding.rule, finding.file, resource, finding.path ?? '', finding.message, target].join('\u0000')
}

/**
 * Fingerprints (16 hex digits) for a list of findings. Findings with the same identity (same rule, file,
 * resource, path and message) are told apart by their order of appearance.
 */
export function fingerprints(findings: readonly Finding[], target: string): Map<Finding, string> {
  const seen = new Map<string, number>()
  const out = new Map<Finding, string>()
  for (const finding of findings) {
    const id = identity(finding, target)
    const occurrence = seen.get(id) ?? 0
    seen.set(id, occurrence + 1)
    out.set(finding, createHash('sha256').update(`${id}\u0000${occurrence}`).digest('hex').slice(0, 16))
  }
  return out
}
