// The CLI's default format: one line per finding, like a compiler, then a one-line total.
import { compareFindings } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { countFindings } from './counts.js'
import { escapeTerminal } from './escape.js'

export function renderText(result: AnalysisResult): string {
  const lines = [...result.findings].sort(compareFindings).map((f) => {
    const range = f.endLine !== undefined && f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`
    const suppressed = f.suppressed ? ` (suppressed: ${f.suppressed.reason})` : f.baselineState === 'unchanged' ? ' (already there before this change)' : ''
    const fix = f.fix ? ` Fix: ${f.fix.description}` : ''
    return escapeTerminal(`${f.file}:${range}: ${f.severity} [${f.rule}] ${f.message}${fix}${suppressed}`)
  })
  for (const n of result.notChecked) lines.push(escapeTerminal(`${n.file}: not checked: ${n.reason}`))
  const c = countFindings(result.findings, { includeExisting: result.failOnExisting === true })
  const versions = result.from ? `Istio ${result.from.release.version} -> ${result.target.release.version}` : `Istio ${result.target.release.version}`
  const suppressed = `${c.suppressed > 0 ? `, ${c.suppressed} suppressed` : ''}${c.existing > 0 ? `, ${c.existing} already there before this change${result.failOnExisting ? ' (counted: --fail-on-existing)' : ' (not counted)'}` : ''}`
  lines.push(`${versions}: ${c.errors} error(s), ${c.warnings} warning(s), ${c.notices} notice(s)${suppressed} in ${result.documentsChecked} YAML document(s)`)
  return `${lines.join('\n')}\n`
}
