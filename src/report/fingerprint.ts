// Stable identities of findings: hidden in review comments (dedupe across runs) and in SARIF partialFingerprints.
import { createHash } from 'node:crypto'
import { normaliseMessage } from '../baseline.js'
import { groupOf } from '../manifests/recognise.js'
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

/** The apiVersion's group only: v1beta1 → v1 of the same resource is the same place. */
function resourceKey(finding: Finding): string {
  const r = finding.resource
  return r ? `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}` : ''
}

/**
 * SARIF partialFingerprints that survive across commits and target changes: rule + file + resource + YAML path +
 * message with release numbers normalised as the baseline matches them (src/baseline.ts), never the line (code scanning would otherwise close and reopen an alert on every edit
 * above it) nor the target release. Identical identities are told apart by their order of appearance.
 */
export function stableFingerprints(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>()
  const out = new Map<Finding, string>()
  for (const finding of findings) {
    const id = [finding.rule, finding.file, resourceKey(finding), finding.path ?? '', normaliseMessage(finding.rule, finding.message)].join('\u0000')
    const occurrence = seen.get(id) ?? 0
    seen.set(id, occurrence + 1)
    out.set(finding, createHash('sha256').update(`${id}\u0000${occurrence}`).digest('hex').slice(0, 16))
  }
  return out
}
