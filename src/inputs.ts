// Validation shared by the action's inputs and the CLI's options: the same words are accepted in either place
// (case does not matter for keywords), and a bad value is a usage error that names the input and what it takes.
import { matchesPatterns } from './config.js'
import { compareReleases, parseFromRelease, parseRelease, type Release } from './knowledge/versions.js'
import { UsageError } from './model.js'

/** One of `choices`, case-insensitive; `name` is how the user spells the input (`comment`, `--format`). */
export function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  const v = value.trim().toLowerCase()
  if ((choices as readonly string[]).includes(v)) return v as T
  throw new UsageError(`${name} must be ${listed(choices)}, not "${value}"`)
}

/** true or false in any case (as YAML and @actions/core's getBooleanInput spell them); anything else is an error. */
export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new UsageError(`${name} must be true or false, not "${value}"`)
}

/**
 * A release input: `auto` and `latest` in any case, or a version (`1.28`, `v1.28.1`, `1.31.0-rc.0`), checked now so the
 * error names the input. Returns it normalised (`auto`, or the version as written, lower case). `parse` is
 * parseFromRelease for a from input: 1.19 is accepted there (the release the 1.20 changes start from).
 */
export function parseVersionInput(name: string, value: string, parse: (v: string) => Release = parseRelease): string {
  const v = value.trim().toLowerCase()
  if (v === 'auto') return 'auto'
  try {
    parse(v)
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message}`)
  }
  return v
}

/** A from-release newer than the target is a mistake of the inputs (swapped values), not a downgrade to check. */
export function checkFromNotNewer(fromName: string, from: string | undefined, targetName: string, target: string): void {
  if (!from || from === 'auto' || target === 'auto') return
  const f = parseFromRelease(from)
  const t = parseRelease(target)
  // A bare minor means its newest patch, so `1.28` against `1.28.1` is not "newer": only whole minors, or two patches, compare.
  const newer = f.major !== t.major || f.minorNumber !== t.minorNumber ? compareReleases(f, t) > 0 : f.patch !== null && t.patch !== null && compareReleases(f, t) > 0
  if (newer) throw new UsageError(`${fromName} ${f.version} is newer than ${targetName} ${t.version}; ${fromName} is the release the mesh runs today and ${targetName} the one it moves to (were they swapped?)`)
}

/**
 * The `app-slug` input (actions/create-github-app-token's `app-slug` output): the login the app's installation token
 * posts as, `<slug>[bot]`. Empty → undefined. A slug is letters, digits and hyphens; `<slug>[bot]` is accepted as well.
 */
export function parseAppSlug(name: string, value: string): string | undefined {
  const v = value.trim()
  if (v === '') return undefined
  const slug = v.replace(/\[bot\]$/i, '')
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(slug)) throw new UsageError(`${name} must be a GitHub App's slug (letters, digits and hyphens, e.g. my-app), not "${value}"`)
  return `${slug.toLowerCase()}[bot]`
}

function listed(choices: readonly string[]): string {
  return choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`
}

/** The positive patterns of `patterns` that match none of `files` (a typo in `paths` would otherwise check nothing, silently). */
export function unmatchedPatterns(patterns: readonly string[], files: readonly string[]): string[] {
  return patterns.filter((p) => !p.startsWith('!') && !files.some((f) => matchesPatterns(f, [p])))
}
