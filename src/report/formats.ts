// The CLI's output formats, one renderer each.
import type { AnalysisResult } from '../result.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { renderSarif, type SarifOptions } from './sarif.js'
import { renderText } from './text.js'

export type Format = 'text' | 'json' | 'sarif' | 'markdown'
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown']

/** The report in one format, without a trailing newline (the caller prints it as a line). */
export function renderReport(result: AnalysisResult, format: Format, sarif: SarifOptions = {}): string {
  const text = format === 'json' ? renderJson(result) : format === 'sarif' ? renderSarif(result, sarif) : format === 'markdown' ? renderMarkdown(result) : renderText(result)
  return text.replace(/\n$/, '')
}
