// The action's outputs: counts, and the paths of the JSON report and the SARIF file written for this run.
import { mkdtempSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileNoFollow } from '../files.js'
import type { AnalysisResult } from '../result.js'
import { countFindings } from './counts.js'
import { renderJson } from './json.js'
import { renderSarif, type SarifOptions } from './sarif.js'

export const REPORT_FILE = 'istio-compat-report.json'
export const SARIF_FILE = 'istio-compat.sarif'

/**
 * Where the report files go: RUNNER_TEMP, the runner's own folder; else a new private folder in the system's temp
 * folder — never the workspace, whose files and links the pull request controls.
 */
export function reportDir(): string {
  return process.env.RUNNER_TEMP || mkdtempSync(join(tmpdir(), 'istio-compat-'))
}

export interface ReportFiles {
  report: string
  sarif: string
}

/**
 * Writes the JSON report and the SARIF file into `dir` (e.g. RUNNER_TEMP) and returns their paths. A link already at
 * either name (or `dir` being a link) is never written through: the file is replaced (see writeFileNoFollow).
 */
export async function writeReportFiles(result: AnalysisResult, dir: string, sarif: SarifOptions = {}): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true })
  return {
    report: writeFileNoFollow(dir, REPORT_FILE, renderJson(result)),
    sarif: writeFileNoFollow(dir, SARIF_FILE, renderSarif(result, sarif))
  }
}

/**
 * Every output of action.yml, as strings for core.setOutput. The counts are what the gate counts: suppressed
 * findings and, unless fail-on-existing is set, findings already there before the PR are left out.
 */
export function actionOutputs(result: AnalysisResult, files: ReportFiles): Record<'errors' | 'warnings' | 'notices' | 'report' | 'sarif', string> {
  const c = countFindings(result.findings, { includeExisting: result.failOnExisting === true })
  return { errors: String(c.errors), warnings: String(c.warnings), notices: String(c.notices), report: files.report, sarif: files.sarif }
}
