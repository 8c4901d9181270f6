// The JSON report: the action's `report` output and the CLI's --format json. Plain data, stable field names.
import type { Finding } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { countFindings, type FindingCounts } from './counts.js'
import { fingerprints } from './fingerprint.js'

export const JSON_REPORT_VERSION = 1

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION
  target: { release: string; origin: string }
  from?: { release: string; origin: string }
  kubernetesVersion?: string
  versionBump: boolean
  headSha?: string
  /**
   * errors/warnings/notices: the findings the gate counts (as the action outputs); `new` and `existing`: the
   * unsuppressed findings the PR causes and those already there before it (existing is 0 without a base).
   */
  counts: FindingCounts & { new: number }
  /** Present when a base was compared: the releases the base was analysed against. */
  baseline?: { target: string; from?: string; documentsChecked: number }
  /** True when findings already there before the PR gate too (fail-on-existing). */
  failOnExisting?: boolean
  documentsChecked: number
  findings: (Finding & { fingerprint: string })[]
  resources: { status: string; key: string; kind?: string; namespace?: string; name?: string; file?: string; line?: number }[]
  changedFiles: { path: string; status: string; previousPath?: string; patchMissing?: boolean }[]
  notChecked: { file: string; reason: string }[]
}

export function toJsonReport(result: AnalysisResult): JsonReport {
  const prints = fingerprints(result.findings, result.target.release.version)
  return {
    version: JSON_REPORT_VERSION,
    target: { release: result.target.release.version, origin: result.target.origin },
    ...(result.from ? { from: { release: result.from.release.version, origin: result.from.origin } } : {}),
    ...(result.kubernetesVersion ? { kubernetesVersion: result.kubernetesVersion } : {}),
    versionBump: result.versionBump,
    ...(result.changes.headSha ? { headSha: result.changes.headSha } : {}),
    counts: { ...countFindings(result.findings, { includeExisting: result.failOnExisting === true }), new: result.findings.filter((f) => !f.suppressed && f.baselineState !== 'unchanged').length },
    ...(result.baseline
      ? { baseline: { target: result.baseline.target.version, ...(result.baseline.from ? { from: result.baseline.from.version } : {}), documentsChecked: result.baseline.documentsChecked } }
      : {}),
    ...(result.failOnExisting ? { failOnExisting: true } : {}),
    documentsChecked: result.documentsChecked,
    findings: result.findings.map((f) => ({ ...f, fingerprint: prints.get(f)! })),
    resources: result.resources.map((r) => {
      const doc = r.head ?? r.base
      return {
        status: r.status,
        key: r.key,
        ...(doc?.resource ? { kind: doc.resource.kind, ...(doc.resource.namespace ? { namespace: doc.resource.namespace } : {}), ...(doc.resource.name ? { name: doc.resource.name } : {}) } : {}),
        ...(doc ? { file: doc.file, line: doc.line } : {})
      }
    }),
    changedFiles: result.changes.files.map((f) => ({
      path: f.path,
      status: f.status,
      ...(f.previousPath ? { previousPath: f.previousPath } : {}),
      ...(f.patchMissing ? { patchMissing: true } : {})
    })),
    notChecked: result.notChecked.map((n) => ({ file: n.file, reason: n.reason }))
  }
}

export function renderJson(result: AnalysisResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`
}
