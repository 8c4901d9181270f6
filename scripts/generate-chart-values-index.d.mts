// Types of scripts/generate-chart-values-index.mjs, for the tests that regenerate the index in memory.
import type { ChartValuesIndexData } from '../src/knowledge/chart-values.js'

export const CHART_INDEX_PATH: string
export const CHART_INDEX_FORMAT: number
export const CHART_NAMES: string[]
export function defaultSharedRoot(): string
export function chartSourcesExist(root?: string): boolean
export function compareTags(a: string, b: string): number
export function scanTemplate(text: string): { reads: Set<string>; whole: Set<string> }
export function scanChartVersion(dir: string): {
  wrapper: string | null
  descope: string | null
  flattenGlobal: boolean
  reads: Set<string>
  open: Set<string>
  fail: Map<string, string>
  moved: Map<string, string>
  schema: { closed: boolean; allowed: string[]; freeForm: string[] } | null
}
export function generateChartValuesIndex(root?: string): ChartValuesIndexData
export function serializeChartValuesIndex(index: ChartValuesIndexData): string
export function describeChartValuesIndex(index: ChartValuesIndexData): string
