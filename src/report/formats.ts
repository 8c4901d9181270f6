// The CLI's output formats. (Interim: text and json until the report layer lands.)
import type { AnalysisResult } from '../result.js'

export type Format = 'text' | 'json' | 'sarif' | 'markdown'
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown']

export function renderReport(result: AnalysisResult, format: Format): string {
  if (format === 'json') return JSON.stringify({ target: result.target.release.version, findings: result.findings }, null, 2)
  const lines = result.findings.map((f) => `${f.file}:${f.line}: ${f.severity} [${f.rule}] ${f.message}`)
  lines.push(`${result.findings.length} finding(s), ${result.documentsChecked} document(s) checked against Istio ${result.target.release.version}`)
  return lines.join('\n')
}
