// In-memory repositories for tests that run the whole engine (`runAnalysis`): a snapshot of files and a change set
// that adds them all.
import { runAnalysis, type Snapshot } from '../../src/pipeline.js'
import type { AnalysisResult } from '../../src/result.js'

export interface File {
  path: string
  text: string
}

export function snapshotOf(files: readonly File[]): Snapshot {
  const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
  return {
    list: async () => [...contents.keys()],
    read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array]))
  }
}

/** A change set that adds every file (no base). */
export const added = (files: readonly File[]) => ({ source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) })

/** The whole engine on files a pull request adds (the repository is those files), for a target and an optional from. */
export const analyzeAdded = (files: readonly File[], target: string, from?: string): Promise<AnalysisResult> =>
  runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, ...(from ? { from } : {}), paths: [] })
