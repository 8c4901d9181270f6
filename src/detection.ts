// `auto` detection over the snapshots of a run: which files it reads, and when a side need not be read at all.
import { mayHoldPairingFacts } from './analyze/catalog/cross-object.js'
import { detectIstio, mayNameVersion, type Detection } from './knowledge/detect.js'
import { parseManifestFile } from './manifests/parse.js'
import type { ManifestFile } from './manifests/types.js'
import type { Snapshot, Sources } from './pipeline.js'

/** Files read for `auto` version detection besides the matched manifests. */
export const DETECTION_FILE = /(^|\/)Chart\.ya?ml$/

/**
 * Files parsed for detection, by path, with their bytes: the analysis and the other side's detection reuse them.
 * `names`: the text may name a version (detection reads it); `pairs`: it may hold cross-object facts. `file` is parsed
 * on first use for a file that only `pairs`.
 */
export type Parsed = Map<string, { data: Uint8Array; readonly file: ManifestFile; names: boolean; pairs: boolean }>

export interface SnapshotDetection {
  detection: Detection
  parsed: Parsed
  /** Every file of the snapshot; undefined when nothing has listed it (the base of a PR that moves no version source). */
  paths: ReadonlySet<string> | undefined
}

/**
 * The Istio version a snapshot names (also what a readiness run starts from). Files detection reads are parsed here once, kept in `parsed`, and reused
 * from `previous` (the head's, for the base) where the bytes are the same: a file the PR did not touch is
 * parsed once for both sides.
 */
export async function detectInSnapshot(snapshot: Snapshot, matches: (path: string) => boolean, maxFileBytes: number | undefined, previous?: Parsed, pairing: boolean | ((path: string) => boolean) = false) {
  const listed = await snapshot.list()
  const names = (p: string) => matches(p) || DETECTION_FILE.test(p)
  // The files that may hold pairing facts: the matched manifests, or a wider set the caller names (the repository's
  // manifests around the checked paths of a CLI run).
  const pairs = pairing === true ? matches : pairing === false ? undefined : pairing
  const paths = listed.filter((p) => names(p) || pairs?.(p))
  const contents = await snapshot.read(paths)
  const parsed: Parsed = new Map()
  const files: ManifestFile[] = []
  const options = maxFileBytes ? { maxFileBytes } : {}
  for (const [path, data] of contents) {
    const same = previous?.get(path)
    if (same && sameBytes(same.data, data)) {
      parsed.set(path, same)
      if (same.names) files.push(same.file)
      continue
    }
    const naming = names(path) && mayNameVersion(data)
    const pairing = !!pairs?.(path) && mayHoldPairingFacts(new TextDecoder().decode(data))
    if (!naming && !pairing) continue
    // A file only the pairing context may want is parsed when something asks for it: on a version bump (and
    // without a base) the analysis reads every file itself and never asks.
    let file: ManifestFile | undefined = naming ? parseManifestFile(path, data, options) : undefined
    parsed.set(path, { data, names: naming, pairs: pairing, get file() { return (file ??= parseManifestFile(path, data, options)) } })
    if (file) files.push(file)
  }
  return { detection: detectIstio(files), parsed, paths: new Set(listed) }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
}

/**
 * Detection of the head, and of the base when there is one. Without a base the head is read only for `target: auto`.
 * With a base, each side is read whole (detection, and the files that may hold half of a cross-object pair), unless
 * the change set lists every file that differs between the two snapshots (`sources.diffComplete`) and none of the
 * changed files may name a version on either side: then both sides hold the same version sources, byte for byte and
 * path for path, so they detect the same and there is no version bump, and every file the PR did not touch is the
 * same on both sides. The head's reading then stands for the base's: its detection, and its parsed files at the
 * paths the PR did not touch (the base's own changed files are read by the analysis). The answer is the same as
 * reading both sides; only the reading differs.
 */
export async function detectSides(sources: Sources, matches: (path: string) => boolean, maxFileBytes: number | undefined, versions: { target: string }, context?: (path: string) => boolean): Promise<{ head?: SnapshotDetection; base?: SnapshotDetection }> {
  const pairing = context ?? true
  if (!sources.base) {
    // Without a base every matched file is checked; the files around them (`context`) are read only as pairing
    // context, and the matched ones only for `auto` (the analysis reads them itself).
    if (context) return { head: await detectInSnapshot(sources.head, versions.target === 'auto' ? matches : () => false, maxFileBytes, undefined, (p) => context(p) && !matches(p)) }
    return versions.target === 'auto' ? { head: await detectInSnapshot(sources.head, matches, maxFileBytes) } : {}
  }
  const head = await detectInSnapshot(sources.head, matches, maxFileBytes, undefined, pairing)
  if (sources.diffComplete && !(await changesVersionSources(sources, sources.base, matches))) {
    const touched = new Set<string>()
    for (const f of sources.changes.files) {
      touched.add(f.path)
      if (f.previousPath) touched.add(f.previousPath)
    }
    const parsed: Parsed = new Map()
    for (const [path, entry] of head.parsed) if (!touched.has(path)) parsed.set(path, entry)
    return { head, base: { detection: head.detection, parsed, paths: undefined } }
  }
  return { head, base: await detectInSnapshot(sources.base, matches, maxFileBytes, head.parsed, pairing) }
}

/**
 * True when a file the change set lists is one detection would read and its text, before or after, may name a
 * version (the same test detection applies before parsing). Only the changed files are read: the head's came with
 * its detection, and the git snapshots keep the blobs they read.
 */
async function changesVersionSources(sources: Sources, base: Snapshot, matches: (path: string) => boolean): Promise<boolean> {
  const read = (p: string): boolean => matches(p) || DETECTION_FILE.test(p)
  const headPaths: string[] = []
  const basePaths: string[] = []
  for (const f of sources.changes.files) {
    if (f.status !== 'removed' && read(f.path)) headPaths.push(f.path)
    const before = f.previousPath ?? f.path
    if (f.status !== 'added' && read(before)) basePaths.push(before)
  }
  for (const data of (await sources.head.read(headPaths)).values()) if (mayNameVersion(data)) return true
  for (const data of (await base.read(basePaths)).values()) if (mayNameVersion(data)) return true
  return false
}
