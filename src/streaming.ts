// Files streamed through the analysis: read, parse and check a batch of files, then let go of what reporting does not
// need (the bytes, and the position trees of documents nothing points into) before the next batch. Position trees
// are most of what a parsed manifest weighs, so a run over a whole repository (a version bump, or the CLI on files)
// holds one batch of trees at a time instead of all of them.
import { groupByTarget } from './analyze/groups.js'
import { GALLEY_SUPPRESS_ANNOTATION, IGNORE_ANNOTATION } from './analyze/suppress.js'
import type { AnalysisContext, Analyzer } from './analyze/types.js'
import type { RepoConfig } from './config.js'
import { detectionReads } from './knowledge/detect.js'
import { parseManifestFile } from './manifests/parse.js'
import type { ManifestDocument, ManifestFile } from './manifests/types.js'
import type { Finding } from './model.js'
import type { Snapshot } from './pipeline.js'

/** Files per batch: enough to keep git and the parser busy, few enough that a batch's trees weigh little. */
export const BATCH_FILES = 256

/** Per-document findings made while the files were parsed, by document (the analyzers' `check`, not `checkRepository`). */
export type EarlyFindings = Map<ManifestDocument, Finding[]>

/** Which documents later steps read whole, besides those detection reads and those with suppression annotations. */
export interface TreesNeeded {
  /**
   * A base side follows (a version bump reuses head parses as the base): documents with findings keep their tree,
   * value and file lines (the base-side analysis checks them again), and every document keeps its value (the
   * resource diff compares values).
   */
  withFindings: boolean
  /** Files above this many bytes are skipped with a warning (the parse option of the same name). */
  maxFileBytes?: number
}

/** The findings of a document `check` found nothing in: one shared array, not one per document. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([])

/**
 * Reads and parses `paths` batch by batch; every document of a batch is checked by each analyzer's `check` with
 * the context its file gets (per-path targets included) and its findings kept in the returned map. Then what
 * nothing reads later is released (see `keepsWhole`): the position trees, the plain values (without a base side)
 * and the lines of files with no document kept whole. What stays of the others is what reporting and the resource
 * diff read: the file's path and problems, each document's identity (file, index, lines, kind, family, chart,
 * resource) and its findings. Returns the parsed files in `paths` order; files the snapshot could not read are left
 * out, as `parseAll` does.
 */
export async function parseAndCheck(snapshot: Snapshot, paths: readonly string[], inputs: AnalysisContext, config: RepoConfig, analyzers: readonly Analyzer[], needed: TreesNeeded): Promise<{ files: ManifestFile[]; early: EarlyFindings }> {
  const files: ManifestFile[] = []
  const early: EarlyFindings = new Map()
  // Identity strings that repeat (apiVersion, kind, namespace), one copy each for the run.
  const strings = new Map<string, string>()
  for (let i = 0; i < paths.length; i += BATCH_FILES) {
    const batch = paths.slice(i, i + BATCH_FILES)
    let contents: Map<string, Uint8Array> | undefined = await snapshot.read(batch)
    for (const p of batch) {
      const data = contents.get(p)
      if (data) files.push(checkFile(parseManifestFile(p, data, needed.maxFileBytes ? { maxFileBytes: needed.maxFileBytes } : {}), inputs, config, analyzers, needed, early, strings))
    }
    contents = undefined
  }
  return { files, early }
}

/**
 * Documents read after their own check: those carrying a suppression annotation (the suppression layer reads it, and
 * the line of ours), those the version detection of the repository checks reads, and, with a base side, those with
 * findings.
 */
function keepsWhole(doc: ManifestDocument, findings: readonly Finding[] | undefined, needed: TreesNeeded): boolean {
  if (needed.withFindings && findings && findings.length > 0) return true
  if (detectionReads(doc)) return true
  const annotations = (doc.value as { metadata?: { annotations?: unknown } } | null)?.metadata?.annotations
  return typeof annotations === 'object' && annotations !== null && (IGNORE_ANNOTATION in annotations || GALLEY_SUPPRESS_ANNOTATION in annotations)
}

/** Drops a document's position trees (its own and its embedded documents'); values, lines and findings stay. */
export function releaseTree(doc: ManifestDocument): void {
  doc.root = null
  for (const e of doc.embedded) e.root = null
}

/**
 * Drops a document's position trees and, with `values`, its plain values (set to null), keeping its identity. The
 * strings of its identity are copied out of the file's text (a short string sliced from a long one keeps all of it);
 * apiVersions, kinds, namespaces and charts repeat, so one copy of each is shared through `strings`.
 */
function release(doc: ManifestDocument, values: boolean, strings: Map<string, string>): void {
  releaseTree(doc)
  if (!values) return
  doc.value = null
  for (const e of doc.embedded) e.value = null
  const r = doc.resource
  if (r) {
    r.apiVersion = shared(r.apiVersion, strings)
    r.kind = shared(r.kind, strings)
    if (r.namespace !== undefined) r.namespace = shared(r.namespace, strings)
    if (r.name !== undefined) r.name = own(r.name)
  }
  if (doc.chart !== undefined) doc.chart = shared(doc.chart, strings)
  for (const e of doc.embedded) {
    if (e.chart !== undefined) e.chart = shared(e.chart, strings)
    e.at = e.at.map((k) => (typeof k === 'string' ? own(k) : k))
  }
}

function releaseLines(file: ManifestFile): void {
  file.lines = []
  delete file.lineStarts
}

/** The one copy of `s` in `strings`. */
function shared(s: string, strings: Map<string, string>): string {
  let copy = strings.get(s)
  if (copy === undefined) {
    copy = own(s)
    strings.set(copy, copy)
  }
  return copy
}

/**
 * A copy of `s` that holds no larger string: V8 keeps a substring of 13 characters or more as a slice of its parent
 * (here the whole file), and concatenating then slicing makes it copy the characters instead.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1)
}

/**
 * Checks the documents of one file, then releases what nothing reads later. One file at a time, not a batch: a
 * file's trees then die young, before the collector moves them to the old generation, where garbage stays until
 * the next full collection and the heap grows to several times what is live.
 */
function checkFile(file: ManifestFile, inputs: AnalysisContext, config: RepoConfig, analyzers: readonly Analyzer[], needed: TreesNeeded, early: EarlyFindings, strings: Map<string, string>): ManifestFile {
  // The file itself as the context's files: an analyzer reads the lines of the document's file from it.
  const { groups } = groupByTarget(file.documents, [file], config, { ...inputs, files: [file] })
  for (const group of groups) {
    for (const doc of group.docs) {
      let found: Finding[] | undefined
      for (const analyzer of analyzers) {
        for (const f of analyzer.check(doc, group.ctx)) (found ??= []).push(f)
      }
      early.set(doc, found ?? (NO_FINDINGS as Finding[]))
    }
  }
  let whole = false
  for (const doc of file.documents) {
    if (keepsWhole(doc, early.get(doc), needed)) whole = true
    else release(doc, !needed.withFindings, strings)
  }
  // Lines are read by checks of a document (the base side's, on a version bump), never by reporting.
  if (!whole) releaseLines(file)
  return file
}
