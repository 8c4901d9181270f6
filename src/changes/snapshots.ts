// Snapshots of the repository a run reads files from: a git commit or the work tree.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Snapshot, Sources } from '../pipeline.js'
import { gitChangeSet, listFiles, readBlobs } from './git.js'

export function gitSnapshot(cwd: string, commit: string): Snapshot {
  let listed: string[] | undefined
  return {
    list: async () => (listed ??= listFiles(cwd, commit)),
    read: async (paths) => readBlobs(cwd, commit, paths)
  }
}

const SKIP_DIRS = new Set(['.git', 'node_modules'])

/** The work tree under `root`; paths are relative to it with forward slashes. Symlinks are not followed. */
export function workTreeSnapshot(root: string): Snapshot {
  let listed: string[] | undefined
  return {
    list: async () => (listed ??= walkFiles(root)),
    read: async (paths) => {
      const out = new Map<string, Uint8Array>()
      for (const p of paths) {
        try {
          out.set(p, readFileSync(join(root, p)))
        } catch {
          // Vanished or unreadable: the caller reports what it could not read.
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
