#!/usr/bin/env node
// `npm start`: turns examples/gitops/{base,head} into a git repository with a PR-like history and runs
// istio-compat on it exactly as a user would (the bundled dist/, nothing compiled on the fly).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const repo = mkdtempSync(join(tmpdir(), 'istio-compat-example-'))
const git = (...args) => execFileSync('git', ['-C', repo, '-c', 'user.name=example', '-c', 'user.email=example@example.com', '-c', 'commit.gpgsign=false', ...args], { stdio: 'pipe' })
try {
  git('init', '-q', '-b', 'main')
  cpSync(join(root, 'examples/gitops/base'), repo, { recursive: true })
  git('add', '-A')
  git('commit', '-qm', 'Shop on Istio 1.26')
  git('checkout', '-qb', 'renovate/istio-1.28')
  rmSync(join(repo, 'apps'), { recursive: true })
  rmSync(join(repo, 'clusters'), { recursive: true })
  cpSync(join(root, 'examples/gitops/head'), repo, { recursive: true })
  git('add', '-A')
  git('commit', '-qm', 'Update Istio to 1.28.1, add retry budget and wildcard egress')
  const args = [join(root, 'dist/cli.js'), 'check', '--repo', repo, '--base', 'main', '--target', 'auto', '--from', 'auto', ...process.argv.slice(2)]
  try {
    process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }))
  } catch (error) {
    // Exit code 1 means findings at or above --fail-on: the report is the point, show it.
    process.stdout.write(error.stdout ?? '')
    process.stderr.write(error.stderr ?? '')
    process.exitCode = error.status === 1 ? 0 : error.status ?? 1
  }
} finally {
  rmSync(repo, { recursive: true, force: true })
}
