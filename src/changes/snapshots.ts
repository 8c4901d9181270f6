// Snapshots of the repository a run reads files from: a git commit or the work tree.
import { readdirSync, statSync } from 'node:fs'
import { readListedFile, readRepositoryFile } from '../files.js'
import { join, relative, sep } from 'node:path'
import type { Snapshot, Sources } from '../pipeline.js'
import { gitChangeSet, listTree, readBlobs, type Tree } from './git.js'

/** A commit: one `ls-tree` gives every file's blob id, and files are read by id (`cat-file --batch`). */
export function gitSnapshot(cwd: string, commit: string): Snapshot {
  let tree: Tree | undefined
  const files = (): Tree => (tree ??= listTree(cwd, commit))
  return {
    list: async () => [...files().keys()],
    read: async (paths) => readBlobs(cwd, files(), paths)
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
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) visit(join(dir, entry.name))
      else if (entry.isFile()) out.push(relative(root, join(dir, entry.name)).split(sep).join('/'))
    }
  }
  if (statSync(root).isDirectory()) visit(root)
  return out.sort()
}

/** merge-base(base, head)…head of a local repository, both sides read from git. */
export function gitSources(cwd: string, baseRef: string, headRef: string): Sources {
  const changes = gitChangeSet(cwd, baseRef, headRef)
  return { changes, head: gitSnapshot(cwd, changes.headRef as string), base: gitSnapshot(cwd, changes.baseRef as string) }
}

/** No base to compare with: every file `matches` accepts counts as added, so each is checked whole. */
export async function wholeFileSources(snapshot: Snapshot, matches: (path: string) => boolean): Promise<Sources> {
  const files = (await snapshot.list()).filter(matches).map((path) => ({ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }))
  return { changes: { source: 'paths', files }, head: snapshot }
}
