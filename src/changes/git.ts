// The change set from the workspace's git checkout: merge-base…head, hunks and file contents.
// Git runs with external diff drivers and textconv off: nothing from the PR is executed.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { ChangedFile, ChangeSet, FileStatus } from './types.js'
import { parsePatch, type PatchLines } from './patch.js'
import { UsageError } from '../model.js'

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }
const MAX_BUFFER = 512 * 1024 * 1024

export function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER, input, stdio: ['pipe', 'pipe', 'pipe'] })
}

export function isGitRepository(cwd: string): boolean {
  if (!mayBeGitRepository(cwd)) return false
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree']).toString().trim() === 'true'
  } catch {
    return false
  }
}

/**
 * False when git would find no repository for `cwd`: no `.git` in it or any folder above, and no GIT_DIR. Answers
 * without starting git (a process start is a good part of the action's start-up when there is no checkout).
 */
export function mayBeGitRepository(cwd: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['GIT_DIR']) return true
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true
    if (dirname(dir) === dir) return false
  }
}

/** `cwd` is in a git work tree that holds every ref as a commit; one git process for all of them. */
export function hasCommits(cwd: string, refs: string[]): boolean {
  if (!mayBeGitRepository(cwd)) return false
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree', ...refs.map((ref) => `${ref}^{commit}`), '--']).toString().split('\n')[0] === 'true'
  } catch {
    return false
  }
}

/** The top folder of the work tree `cwd` is in (git names files from there). */
export function gitTopLevel(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString().replace(/\n$/, '')
  } catch {
    return undefined
  }
}

/**
 * The top folder of the work tree `cwd` is in, from the one `git rev-parse` that also says whether it is in one
 * (isGitRepository and gitTopLevel together); undefined outside a work tree (no repository, a bare one, inside .git).
 */
export function workTreeTop(cwd: string): string | undefined {
  try {
    const out = git(cwd, ['rev-parse', '--is-inside-work-tree', '--show-toplevel']).toString()
    const nl = out.indexOf('\n')
    return out.slice(0, nl) === 'true' ? out.slice(nl + 1).replace(/\n$/, '') : undefined
  } catch {
    return undefined
  }
}

export function resolveCommit(cwd: string, ref: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim()
  } catch {
    return undefined
  }
}

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/**
 * Several refs to commits in one `git rev-parse`; undefined for a ref that is not a commit. When every ref resolves
 * (the common run) one process answers; otherwise, or for a ref git could read as an option, each is asked alone.
 */
export function resolveCommits(cwd: string, refs: readonly string[]): (string | undefined)[] {
  if (refs.length > 1 && refs.every((r) => r !== '' && !r.startsWith('-'))) {
    try {
      const ids = git(cwd, ['rev-parse', ...refs.map((r) => `${r}^{commit}`)]).toString().split('\n').slice(0, -1)
      // A name that is no revision but a file of the work tree comes back as it is: not an object id.
      if (ids.length === refs.length && ids.every((id) => OBJECT_ID.test(id))) return ids
    } catch {
      // One of them is not a commit: ask one by one below.
    }
  }
  return refs.map((r) => resolveCommit(cwd, r))
}

const STATUS: Record<string, FileStatus> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', C: 'copied', T: 'modified' }

/** Files changed between the merge base of base and head, and head, with their commentable lines. */
export function gitChangeSet(cwd: string, baseRef: string, headRef = 'HEAD'): ChangeSet {
  const [head, base] = resolveCommits(cwd, [headRef, baseRef])
  if (!head) throw new UsageError(`git: head "${headRef}" is not a commit in ${cwd}`)
  if (!base) throw new UsageError(`git: base "${baseRef}" is not a commit in ${cwd} (with actions/checkout use fetch-depth: 0)`)
  let mergeBase: string
  try {
    mergeBase = git(cwd, ['merge-base', base, head]).toString().trim()
  } catch {
    throw new UsageError(`git: ${baseRef} and ${headRef} have no common ancestor (is the clone shallow? use fetch-depth: 0)`)
  }
  // One diff: the raw listing (status and names, NUL-separated, so any name comes through as it is) then the patch.
  const { raw, patch } = splitRawAndPatch(git(cwd, ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--raw', '-p', '-U3', '-z', mergeBase, head]).toString())
  const files = parseNameStatus(raw)
  const patches = splitDiff(patch)
  files.forEach((file, i) => {
    const patch = patches[i]
    const hunks = patch?.indexOf('\n@@') ?? -1
    if (patch === undefined || /^Binary files /m.test(hunks === -1 ? patch : patch.slice(0, hunks))) {
      file.patchMissing = true
      return
    }
    linesOnDemand(file, patch)
  })
  return { source: 'git', baseRef: mergeBase, headRef: head, headSha: head, files }
}

/**
 * `git diff --raw -p -z` prints the raw entries (":<modes> <ids> <status>" NUL path NUL, a second path for renames and
 * copies), a NUL, then the patch text as `-p` alone prints it. No raw field is empty, so the first empty field ends them.
 */
function splitRawAndPatch(out: string): { raw: string; patch: string } {
  if (!out.startsWith(':')) return { raw: '', patch: out }
  const end = out.indexOf('\0\0')
  if (end === -1) return { raw: out, patch: '' }
  return { raw: out.slice(0, end + 1), patch: out.slice(end + 2) }
}

/**
 * The file's commentable and added lines, read from its patch when first asked for: most runs ask only for the files
 * with findings (a PR adding thousands of files often has none), so the others' hunks are never walked.
 */
function linesOnDemand(file: ChangedFile, patch: string): void {
  let lines: PatchLines | undefined
  const read = (): PatchLines => (lines ??= parsePatch(patch))
  const field = (name: 'commentableLines' | 'addedLines'): PropertyDescriptor => ({
    get: () => read()[name],
    // Whoever sets the field replaces it as a plain value.
    set: (value: unknown) => Object.defineProperty(file, name, { value, writable: true, enumerable: true, configurable: true }),
    enumerable: true,
    configurable: true
  })
  Object.defineProperties(file, { commentableLines: field('commentableLines'), addedLines: field('addedLines') })
}

/** Raw entries (`--raw -z`) or `--name-status -z` output: the status letter is the last word of an entry's first field. */
function parseNameStatus(out: string): ChangedFile[] {
  const parts = out.split('\0')
  const files: ChangedFile[] = []
  for (let i = 0; i < parts.length - 1; ) {
    const field = parts[i++]
    const code = field.slice(field.lastIndexOf(' ') + 1)
    const status = STATUS[code[0]] ?? 'modified'
    if (status === 'renamed' || status === 'copied') {
      const previousPath = parts[i++]
      files.push({ path: parts[i++], previousPath, status, commentableLines: new Map(), addedLines: new Set() })
    } else {
      files.push({ path: parts[i++], status, commentableLines: new Map(), addedLines: new Set() })
    }
  }
  return files
}

/** One chunk per file, in the order git prints them (the same as --name-status). */
function splitDiff(out: string): string[] {
  const chunks = out.split(/^(?=diff --git )/m)
  return chunks.filter((c) => c.startsWith('diff --git '))
}

/** A file of a commit's tree: its blob id. Only regular files (modes 100644/100755) are listed. */
export type Tree = Map<string, string>

/**
 * Every regular file of a commit with its blob id, from one `git ls-tree -r -z --full-tree` (NUL-separated, so any
 * file name, newlines included, comes through as it is). Symbolic links (mode 120000) and submodules are left out:
 * a link's blob is its target's name, not repository content.
 */
export function listTree(cwd: string, commit: string): Tree {
  const out = git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit]).toString()
  const tree: Tree = new Map()
  let pos = 0
  while (pos < out.length) {
    const end = out.indexOf('\0', pos)
    const entry = out.slice(pos, end === -1 ? out.length : end)
    pos = end === -1 ? out.length : end + 1
    // "<mode> SP <type> SP <object> TAB <path>"
    const tab = entry.indexOf('\t')
    if (tab === -1) continue
    const [mode, type, oid] = entry.slice(0, tab).split(' ')
    if (type === 'blob' && (mode === '100644' || mode === '100755')) tree.set(entry.slice(tab + 1), oid)
  }
  return tree
}

/**
 * Contents of blobs by id in one `git cat-file --batch` call. Reading by id (not `<commit>:<path>`) costs the same
 * for every file: git does not walk the commit's trees again for each path, which is quadratic in the size of a
 * directory with thousands of entries.
 */
export function readBlobsById(cwd: string, ids: readonly string[]): Buffer[] {
  if (ids.length === 0) return []
  const buf = git(cwd, ['cat-file', '--batch'], ids.join('\n') + '\n')
  const blobs: Buffer[] = []
  let pos = 0
  for (const id of ids) {
    const nl = buf.indexOf(10, pos)
    if (nl === -1) throw new Error(`git cat-file: no answer for ${id}`)
    const header = buf.subarray(pos, nl).toString()
    pos = nl + 1
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header)
    if (!m) throw new Error(`git cat-file: ${header}`)
    const size = Number(m[2])
    blobs.push(buf.subarray(pos, pos + size))
    pos += size + 1
  }
  return blobs
}

/** Contents of files of a tree; paths that are not regular files of it are absent from the map. */
export function readBlobs(cwd: string, tree: Tree, paths: readonly string[]): Map<string, Buffer> {
  const wanted = paths.filter((p) => tree.has(p))
  const blobs = readBlobsById(cwd, wanted.map((p) => tree.get(p) as string))
  return new Map(wanted.map((p, i) => [p, blobs[i]]))
}

/** Every regular file path in a commit. */
export function listFiles(cwd: string, commit: string): string[] {
  return [...listTree(cwd, commit).keys()]
}
