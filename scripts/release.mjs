#!/usr/bin/env node
// Tags a release the way GitHub Actions users pin it: an immutable vX.Y.Z tag and the moving major tag vX
// (users write `uses: istio-compat/istio-compat@v1`). Run by .github/workflows/release.yml after the tests,
// the build and the dist/ check passed; it refuses anything that would make a tag lie.
//
//   node scripts/release.mjs 1.2.3 [--remote origin] [--no-push] [--notes FILE]
//
// Checks: X.Y.Z is a plain semantic version, equals package.json's version, has a `## [X.Y.Z]` section in
// CHANGELOG.md, and vX.Y.Z does not exist yet (locally or on the remote). Then tags HEAD, moves vX to HEAD and
// pushes both (the major tag with --force). --notes writes the CHANGELOG section for the GitHub release.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class ReleaseError extends Error {}

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** The `## [X.Y.Z]` section of a Keep a Changelog file, without its heading; undefined when absent. */
export function changelogSection(text, version) {
  const lines = text.split('\n')
  const start = lines.findIndex((l) => new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`).test(l))
  if (start < 0) return undefined
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').replace(/\n\[[^\]]+\]: .*$/gm, '').trim()
}

export function release({ cwd, version, remote = 'origin', push = true, notes }) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version ?? '')
  if (!m) throw new ReleaseError(`"${version}" is not a release version; expected X.Y.Z, e.g. 1.2.3`)
  const major = `v${Number(m[1])}`
  const tag = `v${version}`
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'))
  if (pkg.version !== version) throw new ReleaseError(`package.json says ${pkg.version}, not ${version}; bump it (npm version ${version} --no-git-tag-version) and commit first`)
  const section = changelogSection(readFileSync(join(cwd, 'CHANGELOG.md'), 'utf8'), version)
  if (!section) throw new ReleaseError(`CHANGELOG.md has no "## [${version}]" section`)
  if (git(cwd, ['tag', '--list', tag]) !== '') throw new ReleaseError(`${tag} exists already; a release tag is never moved`)
  if (push && git(cwd, ['ls-remote', '--tags', remote, `refs/tags/${tag}`]) !== '') throw new ReleaseError(`${tag} exists on ${remote} already; a release tag is never moved`)
  if (git(cwd, ['status', '--porcelain']) !== '') throw new ReleaseError('the work tree has uncommitted changes; a tag must name exactly what was tested')
  const head = git(cwd, ['rev-parse', 'HEAD'])
  git(cwd, ['tag', '-a', tag, '-m', `istio-compat ${tag}`, head])
  git(cwd, ['tag', '-f', '-a', major, '-m', `istio-compat ${major} (now ${tag})`, head])
  if (push) git(cwd, ['push', remote, `refs/tags/${tag}`, `+refs/tags/${major}:refs/tags/${major}`])
  if (notes) writeFileSync(notes, `${section}\n`)
  return { tag, major, commit: head }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const option = (name) => {
    const i = args.indexOf(name)
    return i >= 0 ? args.splice(i, 2)[1] : undefined
  }
  const remote = option('--remote') ?? 'origin'
  const notes = option('--notes')
  const push = !args.includes('--no-push')
  const version = args.filter((a) => a !== '--no-push')[0]
  try {
    const done = release({ cwd: process.cwd(), version, remote, push, notes })
    process.stdout.write(`tagged ${done.commit.slice(0, 12)} as ${done.tag} and moved ${done.major} to it${push ? ` (pushed to ${remote})` : ''}\n`)
  } catch (error) {
    process.stderr.write(`release: ${error.message}\n`)
    process.exit(error instanceof ReleaseError ? 2 : 1)
  }
}
