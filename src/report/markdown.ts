// The CLI's --format markdown: the same summary the PR gets, without the sticky marker or a size limit.
import type { AnalysisResult } from '../result.js'
import { renderSummary } from './summary.js'

export function renderMarkdown(result: AnalysisResult): string {
  return `${renderSummary(result, { ...(result.changes.headSha ? { headSha: result.changes.headSha } : {}) })}\n`
}
