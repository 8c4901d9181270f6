// `auto` detection over the snapshots of a run: which files it reads, and when a side need not be read at all.
import { detectIstio, mayNameVersion, type Detection } from './knowledge/detect.js'
import { parseManifestFile } from './manifests/parse.js'
import type { ManifestFile } from './manifests/types.js'
import type { Snapshot, Sources } from './pipeline.js'

/** Files read for `auto` version detection besides the matched manifests. */
export const DETECTION_FILE = /(^|\/)Chart\.ya?ml$/

/** Files parsed for detection, by path, with their bytes: the analysis and the other side's detection reuse them. */
export type Parsed = Map<string, { data: Uint8Array; file: ManifestFile }>

export interface SnapshotDetection {
  /** Undefined when nothing needs the versions the snapshot names (both given, and the PR moves no version source). */
  detection: Detection | undefined
  parsed: Parsed
  /** Every file of the snapshot; undefined when nothing has listed it (the base of a PR that moves no version source). */
  paths: ReadonlySet<string> | undefined
}

/**
 * The Istio version a snapshot names (also what a readiness run starts from). Files detection reads are parsed here once, kept in `parsed`, and reused
 * from `previous` (the head's, for the base) where the bytes are the same: a file the PR did not touch is
 * parsed once for both sides.
 */
export async function detectInSnapshot(snapshot: Snapshot, matches: (path: string) => boolean, maxFileBytes: number | undefined, previous?: Parsed) {
  const listed = await snapshot.list()
  const paths = listed.filter((p) => matches(p) || DETECTION_FILE.test(p))
  const contents = await snapshot.read(paths)
  const parsed: Parsed = new Map()
  const files: ManifestFile[] = []
  for (const [path, data] of contents) {
    const same = previous?.get(path)
    if (same && sameBytes(same.data, data)) {
      parsed.set(path, same)
      files.push(same.file)
      continue
    }
    if (!mayNameVersion(data)) continue
    const file = parseManifestFile(path, data, maxFileBytes ? { maxFileBytes } : {})
    parsed.set(path, { data, file })
    files.push(file)
  }
  return { detection: detectIstio(files), parsed, paths: new Set(listed) }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
}

/**
 * Detection of the head, and of the base when there is one. Without a base the head is read only for `target: auto`.
 * With a base, detection of each side reads every file of it, unless the change set lists every file that differs
 * between the two snapshots (`sources.diffComplete`) and none of the changed files may name a version on either
 * side: then both sides hold the same version sources, byte for byte and path for path, so they detect the same, and
 * there is no version bump. The head's detection then stands for the base's, and none runs when target and from are
 * both given (nothing else reads it). The answer is the same as detecting both sides; only the reading differs.
 */
export async function detectSides(sources: Sources, matches: (path: string) => boolean, maxFileBytes: number | undefined, versions: { target: string; from?: string | undefined }): Promise<{ head?: SnapshotDetection; base?: SnapshotDetection }> {
  if (!sources.base) return versions.target === 'auto' ? { head: await detectInSnapshot(sources.head, matches, maxFileBytes) } : {}
  if (sources.diffComplete && !(await changesVersionSources(sources, sources.base, matches))) {
    const head: SnapshotDetection =
      versions.target === 'auto' || versions.from === 'auto' ? await detectInSnapshot(sources.head, matches, maxFileBytes) : { detection: undefined, parsed: new Map(), paths: new Set(await sources.head.list()) }
    return { head, base: { detection: head.detection, parsed: new Map(), paths: undefined } }
  }
  const head = await detectInSnapshot(sources.head, matches, maxFileBytes)
  return { head, base: await detectInSnapshot(sources.base, matches, maxFileBytes, head.parsed) }
}

/**
 * True when a file the change set lists is one detection would read and its text, before or after, may name a
 * version (the same test detection applies before parsing). Only the changed files are read; the analysis reads
 * the same ones next (the git snapshots keep the blobs they read).
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
