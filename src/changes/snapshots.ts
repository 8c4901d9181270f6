// Snapshots of the repository a run reads files from: a git commit or the work tree.
import { readdirSync, statSync } from 'node:fs'
import { readListedFile, readRepositoryFile } from '../files.js'
import { join } from 'node:path'
import type { Snapshot, Sources } from '../pipeline.js'
import { gitChangeSet, listTree, readBlobs, type Tree } from './git.js'

/**
 * Blobs already read, by id, shared by the snapshots of one repository: detection reads a file and the analysis
 * reads it again, and a file the PR did not touch has the same blob on both sides, so each blob crosses the pipe
 * from git once. Bounded: past `maxBytes` new blobs are not kept.
 */
export class BlobCache {
  private readonly blobs = new Map<string, Buffer>()
  private bytes = 0
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}
  get(id: string): Buffer | undefined {
    return this.blobs.get(id)
  }
  set(id: string, data: Buffer): void {
    if (this.bytes + data.length > this.maxBytes || this.blobs.has(id)) return
    this.blobs.set(id, data)
    this.bytes += data.length
  }
}

/** A commit: one `ls-tree` gives every file's blob id, and files are read by id (`cat-file --batch`), each blob once. */
export function gitSnapshot(cwd: string, commit: string, cache: BlobCache = new BlobCache()): Snapshot {
  let tree: Tree | undefined
  const files = (): Tree => (tree ??= listTree(cwd, commit))
  return {
    list: async () => [...files().keys()],
    read: async (paths) => {
      // Nothing to read needs no listing (a PR that only adds files reads nothing of its base).
      if (paths.length === 0) return new Map()
      const t = files()
      const out = new Map<string, Uint8Array>()
      const missing: string[] = []
      for (const p of paths) {
        const id = t.get(p)
        if (id === undefined) continue
        const hit = cache.get(id)
        if (hit) out.set(p, hit)
        else missing.push(p)
      }
      if (missing.length === 0) return out
      const read = readBlobs(cwd, t, missing)
      for (const [p, data] of read) cache.set(t.get(p) as string, data)
      // In the order asked for, as the callers expect.
      return missing.length === paths.length ? read : new Map(paths.filter((p) => out.has(p) || read.has(p)).map((p) => [p, (out.get(p) ?? read.get(p)) as Uint8Array]))
    }
  }
}

const SKIP_DIRS = new Set(['.git', 'node_modules'])

/**
 * The work tree under `root`; paths are relative to it with forward slashes. Only regular files are listed and read:
 * symbolic links (to /dev/zero, to files outside the checkout) are neither followed nor read, files are opened with
 * O_NOFOLLOW, and a path that was not listed is read only when it is a regular file inside `root` reached through no link.
 */
export function workTreeSnapshot(root: string): Snapshot {
  let listed: string[] | undefined
  let listedSet: Set<string> | undefined
  return {
    list: async () => (listed ??= walkFiles(root)),
    read: async (paths) => {
      const out = new Map<string, Uint8Array>()
      for (const p of paths) {
        try {
          const data = listedSet?.has(p) || (listed && (listedSet ??= new Set(listed)).has(p)) ? readListedFile(join(root, p)) : readRepositoryFile(root, p)
          if (data) out.set(p, data)
        } catch {
          // A link, a device, outside the tree, vanished or unreadable: not read; the caller reports what it could not read.
        }
      }
      return out
    }
  }
}

function walkFiles(root: string): string[] {
  const out: string[] = []
  // `rel` is the folder's path below the root with a trailing slash: each name is appended, not resolved again.
  const visit = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) visit(join(dir, entry.name), `${rel}${entry.name}/`)
      else if (entry.isFile()) out.push(rel + entry.name)
    }
  }
  if (statSync(root).isDirectory()) visit(root, '')
  return out.sort()
}

/** merge-base(base, head)…head of a local repository, both sides read from git. */
export function gitSources(cwd: string, baseRef: string, headRef: string): Sources {
  const changes = gitChangeSet(cwd, baseRef, headRef)
  const cache = new BlobCache()
  // The diff is of exactly these two commits: it lists every file that differs between them.
  return { changes, head: gitSnapshot(cwd, changes.headRef as string, cache), base: gitSnapshot(cwd, changes.baseRef as string, cache), diffComplete: true }
}

/**
 * No base to compare with: every file `matches` accepts counts as added, so each is checked whole. There is no diff,
 * so no file has commentable or added lines: all share one empty map and set (nothing adds to them), which over a
 * repository of many thousand files saves megabytes.
 */
export async function wholeFileSources(snapshot: Snapshot, matches: (path: string) => boolean): Promise<Sources> {
  const commentableLines = new Map<number, number>()
  const addedLines = new Set<number>()
  const files = (await snapshot.list()).filter(matches).map((path) => ({ path, status: 'added' as const, commentableLines, addedLines }))
  return { changes: { source: 'paths', files }, head: snapshot }
}
