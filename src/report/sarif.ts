// SARIF 2.1.0 for github/codeql-action/upload-sarif (code scanning).
import type { RuleMeta } from '../analyze/types.js'
import type { Finding, Severity } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { stableFingerprints } from './fingerprint.js'
import { PROJECT_URL, ruleDocsUrl } from './links.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
/**
 * The key under partialFingerprints; bump the version if the fingerprint recipe changes. v2: rule + file + resource
 * + YAML path + message with release numbers normalised (v1 also hashed the target release and the exact message).
 */
export const FINGERPRINT_KEY = 'istioCompat/v2'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' }

export interface SarifOptions {
  /** Rule metadata for descriptions and default levels; rules seen only in findings get their id. */
  rules?: readonly RuleMeta[]
  toolVersion?: string
}

/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function artifactUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')
}

function ruleIds(result: AnalysisResult, rules: readonly RuleMeta[]): string[] {
  return [...new Set([...rules.map((r) => r.id), ...result.findings.map((f) => f.rule)])].sort()
}

function sarifResult(finding: Finding, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const startLine = Math.max(1, finding.line)
  const endLine = Math.max(startLine, finding.endLine ?? startLine)
  const text = finding.fix ? `${finding.message} Fix: ${finding.fix.description}` : finding.message
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(finding.file), uriBaseId: '%SRCROOT%' }, region: { startLine, endLine } } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    // Code scanning's own field for "already there before this change" (present when a base was compared).
    ...(finding.baselineState ? { baselineState: finding.baselineState } : {}),
    ...(finding.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${finding.suppressed.by}: ${finding.suppressed.reason}` }] } : {}),
    ...(finding.resource || finding.path ? { properties: { ...(finding.resource ? { resource: finding.resource } : {}), ...(finding.path ? { yamlPath: finding.path } : {}) } } : {})
  }
}

export function toSarif(result: AnalysisResult, options: SarifOptions = {}): Record<string, unknown> {
  const metas = new Map((options.rules ?? []).map((r) => [r.id, r]))
  const ids = ruleIds(result, options.rules ?? [])
  const index = new Map(ids.map((id, i) => [id, i]))
  const prints = stableFingerprints(result.findings)
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'istio-compat',
            informationUri: PROJECT_URL,
            ...(options.toolVersion ? { semanticVersion: options.toolVersion } : {}),
            rules: ids.map((id) => {
              const meta = metas.get(id)
              return {
                id,
                name: id,
                shortDescription: { text: meta?.description ?? id },
                helpUri: ruleDocsUrl(id),
                help: { text: `See ${ruleDocsUrl(id)}` },
                ...(meta ? { defaultConfiguration: { level: LEVEL[meta.defaultSeverity] } } : {})
              }
            })
          }
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository.' } } },
        columnKind: 'utf16CodeUnits',
        properties: { targetRelease: result.target.release.version, ...(result.from ? { fromRelease: result.from.release.version } : {}) },
        results: result.findings.map((f) => sarifResult(f, index.get(f.rule)!, prints.get(f)!))
      }
    ]
  }
}

export function renderSarif(result: AnalysisResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`
}
