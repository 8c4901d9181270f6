// The change set from the workspace's git checkout: merge-base…head, hunks and file contents.
// Git runs with external diff drivers and textconv off: nothing from the PR is executed.
import { execFileSync } from 'node:child_process'
import type { ChangedFile, ChangeSet, FileStatus } from './types.js'
import { parsePatch } from './patch.js'
import { UsageError } from '../model.js'

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }
const MAX_BUFFER = 512 * 1024 * 1024

export function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER, input, stdio: ['pipe', 'pipe', 'pipe'] })
}

export function isGitRepository(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree']).toString().trim() === 'true'
  } catch {
    return false
  }
}

export function resolveCommit(cwd: string, ref: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim()
  } catch {
    return undefined
  }
}

const STATUS: Record<string, FileStatus> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', C: 'copied', T: 'modified' }

/** Files changed between the merge base of base and head, and head, with their commentable lines. */
export function gitChangeSet(cwd: string, baseRef: string, headRef = 'HEAD'): ChangeSet {
  const head = resolveCommit(cwd, headRef)
  const base = resolveCommit(cwd, baseRef)
  if (!head) throw new UsageError(`git: head "${headRef}" is not a commit in ${cwd}`)
  if (!base) throw new UsageError(`git: base "${baseRef}" is not a commit in ${cwd} (with actions/checkout use fetch-depth: 0)`)
  let mergeBase: string
  try {
    mergeBase = git(cwd, ['merge-base', base, head]).toString().trim()
  } catch {
    throw new UsageError(`git: ${baseRef} and ${headRef} have no common ancestor (is the clone shallow? use fetch-depth: 0)`)
  }
  const common = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', mergeBase, head]
  const files = parseNameStatus(git(cwd, [...common, '--name-status', '-z']).toString())
  const patches = splitDiff(git(cwd, [...common, '-U3']).toString())
  files.forEach((file, i) => {
    const patch = patches[i]
    if (patch === undefined || /^Binary files /m.test(patch.split('\n@@')[0])) {
      file.patchMissing = true
      return
    }
    const lines = parsePatch(patch)
    file.commentableLines = lines.commentableLines
    file.addedLines = lines.addedLines
  })
  return { source: 'git', baseRef: mergeBase, headRef: head, headSha: head, files }
}

function parseNameStatus(out: string): ChangedFile[] {
  const parts = out.split('\0')
  const files: ChangedFile[] = []
  for (let i = 0; i < parts.length - 1; ) {
    const code = parts[i++]
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

/** Contents of many files at a commit in one `git cat-file --batch` call; absent paths map to undefined. */
export function readBlobs(cwd: string, commit: string, paths: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const wanted = paths.filter((p) => !p.includes('\n'))
  if (wanted.length === 0) return out
  const buf = git(cwd, ['cat-file', '--batch'], wanted.map((p) => `${commit}:${p}`).join('\n') + '\n')
  let pos = 0
  for (const path of wanted) {
    const nl = buf.indexOf(10, pos)
    if (nl === -1) break
    const header = buf.subarray(pos, nl).toString()
    pos = nl + 1
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header)
    if (!m) continue // "<object> missing" or "ambiguous"
    const size = Number(m[2])
    if (m[1] === 'blob') out.set(path, buf.subarray(pos, pos + size))
    pos += size + 1
  }
  return out
}

/** Every file path in a commit. */
export function listFiles(cwd: string, commit: string): string[] {
  return git(cwd, ['ls-tree', '-r', '-z', '--name-only', commit]).toString().split('\0').filter(Boolean)
}
