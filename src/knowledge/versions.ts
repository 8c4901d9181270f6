// Istio release versions: parsing, ordering and the set this build knows.
import { UsageError } from '../model.js'

export interface Release {
  /** As the user wrote it, normalised: '1.28', '1.28.1', '1.31.0-rc.0'. */
  version: string
  /** '1.28' */
  minor: string
  major: number
  minorNumber: number
  /** null when only the minor was given (means: the newest patch of that minor). */
  patch: number | null
  /** Pre-release tag, e.g. 'rc.0'. */
  pre?: string
}

/** Every minor the catalog and the schema index cover, oldest first. Adding a release = adding it here and a catalog file. */
export const KNOWN_MINORS = ['1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31'] as const

/** The newest stable minor; `latest` resolves to it. */
export const LATEST_MINOR = '1.31'

/**
 * Minors accepted only as the release a mesh runs today (`from`): the catalog measures the 1.20 changes from 1.19,
 * but 1.19 is not a target (no catalog file, no schema index entry).
 */
export const FROM_ONLY_MINORS = ['1.19'] as const

const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/

export function parseRelease(input: string, options: { from?: boolean } = {}): Release {
  const raw = input.trim()
  if (raw === 'latest') return parseRelease(LATEST_MINOR)
  const m = VERSION_RE.exec(raw)
  if (!m) throw new UsageError(`"${raw}" is not an Istio version; expected e.g. 1.28, 1.28.1, 1.31.0-rc.0 or latest (supported: ${KNOWN_MINORS.join(', ')})`)
  const [, maj, min, patch, pre] = m
  const minor = `${Number(maj)}.${Number(min)}`
  const fromOnly = options.from === true && (FROM_ONLY_MINORS as readonly string[]).includes(minor)
  if (!(KNOWN_MINORS as readonly string[]).includes(minor) && !fromOnly) {
    throw new UsageError(`Istio ${raw} is not a release istio-compat knows; supported releases are ${KNOWN_MINORS.join(', ')} (and their patches)`)
  }
  const p = patch === undefined ? null : Number(patch)
  return {
    version: p === null ? minor : `${minor}.${p}${pre ? `-${pre}` : ''}`,
    minor,
    major: Number(maj),
    minorNumber: Number(min),
    patch: p,
    ...(pre ? { pre } : {})
  }
}

/** Orders releases; a bare minor sorts after all its patches (it means "newest patch"). */
/** A `from` version: a known release, or one of FROM_ONLY_MINORS (1.19, the release the 1.20 changes start from). */
export function parseFromRelease(input: string): Release {
  return parseRelease(input, { from: true })
}

export function compareReleases(a: Release, b: Release): number {
  if (a.major !== b.major) return a.major - b.major
  if (a.minorNumber !== b.minorNumber) return a.minorNumber - b.minorNumber
  const pa = a.patch ?? Number.MAX_SAFE_INTEGER
  const pb = b.patch ?? Number.MAX_SAFE_INTEGER
  if (pa !== pb) return pa - pb
  if (a.pre && !b.pre) return -1
  if (!a.pre && b.pre) return 1
  return (a.pre ?? '').localeCompare(b.pre ?? '', 'en', { numeric: true })
}

/**
 * True when `release` contains a change that landed in `since` ('1.28' or '1.28.1').
 * A pre-release of a minor counts as that minor: its notes describe the .0 release.
 */
export function includesChange(release: Release, since: string): boolean {
  const s = parseRelease(since)
  if (release.major !== s.major) return release.major > s.major
  if (release.minorNumber !== s.minorNumber) return release.minorNumber > s.minorNumber
  if (s.patch === null || s.patch === 0) return true
  return release.patch === null || release.patch >= s.patch
}
