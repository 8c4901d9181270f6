// Temporary git repositories with a base and a head commit, built from file maps.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export type Tree = Record<string, string | Uint8Array>

export interface TempRepo {
  dir: string
  baseSha: string
  headSha: string
  git(...args: string[]): string
  cleanup(): void
}

function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' }).trim()
}

function writeTree(dir: string, tree: Tree): void {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

/** base → commit on main; head → a branch `pr` on top (files absent from head are deleted). */
export function makeRepo(base: Tree, head: Tree): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'istio-compat-test-'))
  gitIn(dir, 'init', '-q', '-b', 'main')
  writeTree(dir, base)
  gitIn(dir, 'add', '-A')
  gitIn(dir, 'commit', '-q', '--allow-empty', '-m', 'base')
  const baseSha = gitIn(dir, 'rev-parse', 'HEAD')
  gitIn(dir, 'checkout', '-q', '-b', 'pr')
  for (const path of Object.keys(base)) if (!(path in head)) rmSync(join(dir, path))
  writeTree(dir, head)
  gitIn(dir, 'add', '-A')
  gitIn(dir, 'commit', '-q', '--allow-empty', '-m', 'head')
  const headSha = gitIn(dir, 'rev-parse', 'HEAD')
  return { dir, baseSha, headSha, git: (...args) => gitIn(dir, ...args), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The bundled example (examples/gitops/base → head) as a temp repository. */
export function makeExampleRepo(root: string): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'istio-compat-example-'))
  gitIn(dir, 'init', '-q', '-b', 'main')
  cpSync(join(root, 'examples/gitops/base'), dir, { recursive: true })
  gitIn(dir, 'add', '-A')
  gitIn(dir, 'commit', '-q', '-m', 'base')
  const baseSha = gitIn(dir, 'rev-parse', 'HEAD')
  gitIn(dir, 'checkout', '-q', '-b', 'pr')
  rmSync(join(dir, 'apps'), { recursive: true })
  rmSync(join(dir, 'clusters'), { recursive: true })
  cpSync(join(root, 'examples/gitops/head'), dir, { recursive: true })
  gitIn(dir, 'add', '-A')
  gitIn(dir, 'commit', '-q', '-m', 'head')
  const headSha = gitIn(dir, 'rev-parse', 'HEAD')
  return { dir, baseSha, headSha, git: (...args) => gitIn(dir, ...args), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
