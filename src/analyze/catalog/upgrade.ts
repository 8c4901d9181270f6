// The upgrade path and the version skew Istio documents, checked at the repository level:
// - one upgrade may cross at most two minor releases as a canary (revision-based) upgrade and one in place
//   (istio.io/latest/docs/setup/upgrade/canary/ and .../in-place/), a downgrade at most one;
// - the control plane may be one minor ahead of the data plane, never behind it
//   (istio.io/latest/docs/releases/supported-releases/#control-planedata-plane-skew).
import type { Finding } from '../../model.js'
import type { AnalysisContext } from '../types.js'
import { detectIstioVersion, detectIstioVersions } from '../../knowledge/detect.js'
import { parseRelease } from '../../knowledge/versions.js'

export const UPGRADE_PATH_RULE = 'upgrade-path-unsupported'
export const SKEW_RULE = 'data-plane-skew-unsupported'

export const CANARY_SOURCE = 'https://istio.io/latest/docs/setup/upgrade/canary/#before-you-upgrade'
export const IN_PLACE_SOURCE = 'https://istio.io/latest/docs/setup/upgrade/in-place/#upgrade-prerequisites'
export const SKEW_SOURCE = 'https://istio.io/latest/docs/releases/supported-releases/#control-planedata-plane-skew'

export function upgradePathFindings(ctx: AnalysisContext): Finding[] {
  const from = ctx.from
  if (!from || from.major !== ctx.target.major) return []
  const steps = ctx.target.minorNumber - from.minorNumber
  // Two minor releases up is supported by a canary (revision-based) upgrade; whether the repository upgrades in
  // place or by canary cannot be told reliably from the files, so only what no method supports is reported.
  if (steps <= 2 && steps >= -1) return []
  // Reported on the line that pins the target release (the line a version bump changes); files that pin nothing
  // (a PR that only edits routes) say nothing about the upgrade path, so nothing is reported there.
  const pin = detectIstioVersion(ctx.files)
  let pinned: number | undefined
  try {
    pinned = pin ? parseRelease(pin.version).minorNumber : undefined
  } catch {
    pinned = undefined
  }
  if (!pin || pinned !== ctx.target.minorNumber) return []
  const where = { file: pin.file, line: pin.line }
  const path = `Istio ${from.version} → ${ctx.target.version}`
  const base = { rule: UPGRADE_PATH_RULE, file: where.file, line: where.line }
  if (steps > 2) {
    const stops: string[] = []
    for (let m = from.minorNumber + 2; m < ctx.target.minorNumber; m += 2) stops.push(`${from.major}.${m}`)
    return [{
      ...base,
      severity: 'warning',
      message: `${path} crosses ${steps} minor releases in one step; Istio supports at most two per canary (revision-based) upgrade and one per in-place upgrade, so upgrade through ${stops.join(', ')} first (canary) or through every minor release in between (in place), checking each step.`,
      source: `${CANARY_SOURCE} (${IN_PLACE_SOURCE})`
    }]
  }
  if (steps < -1) {
    return [{
      ...base,
      severity: 'warning',
      message: `${path} downgrades ${-steps} minor releases in one step; Istio supports downgrading at most one minor release at a time.`,
      source: IN_PLACE_SOURCE.replace('#upgrade-prerequisites', '#downgrade-prerequisites')
    }]
  }
  return []
}

const CONTROL_PLANE = /\(chart (istiod|istio-discovery|istiod-remote)\)|^IstioOperator spec\.tag$/
const DATA_PLANE = /\(chart (gateway|istio-gateway)\)/

/**
 * Gateways (the data plane a repository pins) against the one control-plane release it pins. Several control-plane
 * releases (canary revisions, several clusters) make the pairing ambiguous: nothing is reported then.
 */
export function skewFindings(ctx: AnalysisContext): Finding[] {
  const pins = detectIstioVersions(ctx.files).filter((d) => !/compatibilityVersion|global\.tag/.test(d.how))
  const minorOf = (version: string): number | undefined => {
    try {
      return parseRelease(version).minorNumber
    } catch {
      return undefined
    }
  }
  const control = pins.filter((p) => CONTROL_PLANE.test(p.how)).map((p) => ({ ...p, minor: minorOf(p.version) }))
  const minors = new Set(control.map((c) => c.minor))
  if (minors.size !== 1 || minors.has(undefined)) return []
  const cp = control[0]
  const out: Finding[] = []
  for (const p of pins.filter((d) => DATA_PLANE.test(d.how))) {
    const dp = minorOf(p.version)
    if (dp === undefined) continue
    const ahead = (cp.minor as number) - dp
    if (ahead >= 0 && ahead <= 1) continue
    out.push({
      rule: SKEW_RULE,
      severity: 'warning',
      file: p.file,
      line: p.line,
      message: ahead < 0
        ? `This gateway (data plane) runs Istio ${p.version}, newer than the control plane's ${cp.version} (${cp.file}:${cp.line}); Istio does not support a data plane ahead of its control plane.`
        : `This gateway (data plane) runs Istio ${p.version}, ${ahead} minor releases behind the control plane's ${cp.version} (${cp.file}:${cp.line}); Istio supports the control plane at most one minor release ahead.`,
      source: SKEW_SOURCE
    })
  }
  return out
}
