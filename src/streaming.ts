// Files streamed through the analysis: read, parse and check a batch of files, then let go of what reporting does not
// need (the bytes, and the position trees of documents nothing points into) before the next batch. Position trees
// are most of what a parsed manifest weighs, so a run over a whole repository (a version bump, or the CLI on files)
// holds one batch of trees at a time instead of all of them.
import { groupByTarget } from './analyze/groups.js'
import { IGNORE_ANNOTATION } from './analyze/suppress.js'
import type { AnalysisContext, Analyzer } from './analyze/types.js'
import type { RepoConfig } from './config.js'
import { parseManifestFile } from './manifests/parse.js'
import type { ManifestDocument, ManifestFile } from './manifests/types.js'
import type { Finding } from './model.js'
import type { Snapshot } from './pipeline.js'

/** Files per batch: enough to keep git and the parser busy, few enough that a batch's trees weigh little. */
export const BATCH_FILES = 256

/** Per-document findings made while the files were parsed, by document (the analyzers' `check`, not `checkRepository`). */
export type EarlyFindings = Map<ManifestDocument, Finding[]>

/**
 * Reads and parses `paths` batch by batch; every document of a batch is checked by each analyzer's `check` with
 * the context its file gets (per-path targets included) and its findings kept in the returned map. Then the position
 * trees of documents that nothing needs later are released (see `keepsTree`). Returns the parsed files (values, lines,
 * documents) in `paths` order; files the snapshot could not read are left out, as `parseAll` does.
 */
/** Which trees later steps read, besides those of documents with a suppression annotation (always kept). */
export interface TreesNeeded {
  /** Documents with findings: a base-side analysis checks them again (a version bump reuses head parses as the base). */
  withFindings: boolean
  /** Install documents (HelmRelease, IstioOperator, mesh ConfigMap, Helm values): the Kubernetes range check anchors its finding to the version they name. */
  installs: boolean
  /** Files above this many bytes are skipped with a warning (the parse option of the same name). */
  maxFileBytes?: number
}

export async function parseAndCheck(snapshot: Snapshot, paths: readonly string[], inputs: AnalysisContext, config: RepoConfig, analyzers: readonly Analyzer[], needed: TreesNeeded): Promise<{ files: ManifestFile[]; early: EarlyFindings }> {
  const files: ManifestFile[] = []
  const early: EarlyFindings = new Map()
  for (let i = 0; i < paths.length; i += BATCH_FILES) {
    const batch = paths.slice(i, i + BATCH_FILES)
    let contents: Map<string, Uint8Array> | undefined = await snapshot.read(batch)
    const parsed: ManifestFile[] = []
    for (const p of batch) {
      const data = contents.get(p)
      if (data) parsed.push(parseManifestFile(p, data, needed.maxFileBytes ? { maxFileBytes: needed.maxFileBytes } : {}))
    }
    contents = undefined
    // The batch's own files in the context: an analyzer reads the lines of the document's file from it.
    const { groups } = groupByTarget(docsOf(parsed), parsed, config, { ...inputs, files: parsed })
    for (const group of groups) {
      for (const doc of group.docs) {
        const found: Finding[] = []
        for (const analyzer of analyzers) for (const f of analyzer.check(doc, group.ctx)) found.push(f)
        early.set(doc, found)
      }
    }
    for (const file of parsed) {
      for (const doc of file.documents) if (!keepsTree(doc, early.get(doc), needed)) releaseTree(doc)
      files.push(file)
    }
  }
  return { files, early }
}

/**
 * Documents whose position tree is read after their own check: those carrying a suppression annotation (its line is
 * looked up), and, when `needed` says so, those with findings and the install documents.
 */
function keepsTree(doc: ManifestDocument, findings: readonly Finding[] | undefined, needed: TreesNeeded): boolean {
  if (needed.withFindings && findings && findings.length > 0) return true
  if (needed.installs && (doc.family === 'helm-release' || doc.family === 'istio-operator' || doc.family === 'mesh-configmap' || doc.kind === 'helm-values')) return true
  const annotations = (doc.value as { metadata?: { annotations?: unknown } } | null)?.metadata?.annotations
  return typeof annotations === 'object' && annotations !== null && IGNORE_ANNOTATION in annotations
}

/** Drops a document's position trees (its own and its embedded documents'); values, lines and findings stay. */
export function releaseTree(doc: ManifestDocument): void {
  doc.root = null
  for (const e of doc.embedded) e.root = null
}

function docsOf(files: readonly ManifestFile[]): ManifestDocument[] {
  const docs: ManifestDocument[] = []
  for (const file of files) for (const doc of file.documents) docs.push(doc)
  return docs
}
