// The checks the action makes before choosing where to read a PR: is there a repository, does it hold both commits.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hasCommits, isGitRepository, mayBeGitRepository } from '../src/changes/git.js'

let root: string
let repo: string
let first: string
let second: string

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: repo }).toString().trim()

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'istio-compat-git-'))
  repo = join(root, 'repo')
  mkdirSync(join(repo, 'deploy'), { recursive: true })
  git('init', '-q')
  writeFileSync(join(repo, 'deploy', 'vs.yaml'), 'kind: VirtualService\n')
  git('add', '.')
  git('commit', '-qm', 'one')
  first = git('rev-parse', 'HEAD')
  writeFileSync(join(repo, 'deploy', 'vs.yaml'), 'kind: VirtualService\nmetadata: {}\n')
  git('commit', '-qam', 'two')
  second = git('rev-parse', 'HEAD')
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('mayBeGitRepository', () => {
  it('finds a .git in the folder or any folder above, and says no without one unless GIT_DIR is set', () => {
    const outside = mkdtempSync(join(root, 'plain-'))
    expect(mayBeGitRepository(repo, {})).toBe(true)
    expect(mayBeGitRepository(join(repo, 'deploy'), {})).toBe(true)
    expect(mayBeGitRepository(outside, {})).toBe(false)
    expect(mayBeGitRepository(outside, { GIT_DIR: join(repo, '.git') })).toBe(true)
    expect(isGitRepository(outside)).toBe(false)
    expect(isGitRepository(join(repo, 'deploy'))).toBe(true)
  })
})

describe('hasCommits', () => {
  it('is true only when the work tree holds every commit asked for', () => {
    expect(hasCommits(repo, [first, second])).toBe(true)
    expect(hasCommits(join(repo, 'deploy'), [second, first])).toBe(true)
    expect(hasCommits(repo, [first, 'b'.repeat(40)])).toBe(false)
    // A ref that names a file of the work tree, not a commit.
    expect(hasCommits(repo, ['deploy/vs.yaml'])).toBe(false)
    expect(hasCommits(mkdtempSync(join(root, 'plain-')), [first])).toBe(false)
  })
})
