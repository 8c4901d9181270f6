// Repository-level checks from istio.io's upgrade and support pages: how many minor releases one upgrade may
// cross, and the control-plane/data-plane skew of the charts a repository pins.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import { SKEW_RULE, UPGRADE_PATH_RULE } from '../../src/analyze/catalog/upgrade.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'

function helmRelease(name: string, chart: string, version: string, values = ''): string {
  return `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
spec:
  chart:
    spec:
      chart: ${chart}
      version: ${version}
${values ? `  values:\n${values}` : ''}`
}

function repo(files: Record<string, string>, target: string, from?: string) {
  const parsed = Object.entries(files).map(([path, text]) => parseManifestFile(path, text))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  return catalogAnalyzer.checkRepository!(ctx)
}

const of = (findings: ReturnType<typeof repo>, rule: string) => findings.filter((f) => f.rule === rule)

describe(UPGRADE_PATH_RULE, () => {
  /** The istiod HelmRelease pinning the target: the line a version bump changes. */
  const pinning = (version: string) => ({ 'infra/istiod.yaml': helmRelease('istiod', 'istiod', version) })

  it('warns when one upgrade crosses more than two minor releases, on the version pin, naming the stops', () => {
    const found = of(repo(pinning('1.29.0'), '1.29', '1.26'), UPGRADE_PATH_RULE)
    expect(found).toEqual([expect.objectContaining({ file: 'infra/istiod.yaml', line: 9, severity: 'warning' })])
    expect(found[0].message).toContain('crosses 3 minor releases')
    expect(found[0].message).toContain('through 1.28 first')
    expect(found[0].source).toContain('https://istio.io/latest/docs/setup/upgrade/canary/')
    expect(of(repo(pinning('1.31.0'), '1.31', '1.24'), UPGRADE_PATH_RULE)[0].message).toContain('through 1.26, 1.28, 1.30 first')
  })

  it('is quiet for a two-release jump, which a canary (revision-based) upgrade supports', () => {
    expect(of(repo(pinning('1.28.0'), '1.28', '1.26'), UPGRADE_PATH_RULE)).toEqual([])
  })

  it('is quiet for one minor release, patch upgrades, no from, and warns on a downgrade of more than one', () => {
    expect(of(repo(pinning('1.29.0'), '1.29', '1.28'), UPGRADE_PATH_RULE)).toEqual([])
    expect(of(repo(pinning('1.29.2'), '1.29.2', '1.29.0'), UPGRADE_PATH_RULE)).toEqual([])
    expect(of(repo(pinning('1.29.0'), '1.29'), UPGRADE_PATH_RULE)).toEqual([])
    expect(of(repo(pinning('1.26.0'), '1.26', '1.27'), UPGRADE_PATH_RULE)).toEqual([])
    expect(of(repo(pinning('1.25.0'), '1.25', '1.27'), UPGRADE_PATH_RULE)).toEqual([expect.objectContaining({ line: 9, severity: 'warning' })])
  })

  it('says nothing where the files do not pin the target release (a PR that only edits routes)', () => {
    const route = { 'apps/dr.yaml': 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: web\nspec:\n  host: web\n' }
    expect(of(repo(route, '1.29', '1.26'), UPGRADE_PATH_RULE)).toEqual([])
    expect(of(repo(pinning('1.27.0'), '1.29', '1.26'), UPGRADE_PATH_RULE)).toEqual([])
  })
})

describe(SKEW_RULE, () => {
  const cp = helmRelease('istiod', 'istiod', '1.28.0')
  it('warns on a gateway newer than the control plane, or more than one minor older, on the gateway pin', () => {
    const ahead = of(repo({ 'cp.yaml': cp, 'gw.yaml': helmRelease('ingress', 'gateway', '1.29.0') }, '1.28'), SKEW_RULE)
    expect(ahead).toEqual([expect.objectContaining({ file: 'gw.yaml', line: 9, severity: 'warning' })])
    expect(ahead[0].message).toContain('newer than the control plane')
    expect(ahead[0].message).toContain('cp.yaml:9')
    const behind = of(repo({ 'cp.yaml': cp, 'gw.yaml': helmRelease('ingress', 'gateway', '1.26.3') }, '1.28'), SKEW_RULE)
    expect(behind).toEqual([expect.objectContaining({ file: 'gw.yaml', line: 9 })])
    expect(behind[0].message).toContain('2 minor releases behind')
  })

  it('accepts a gateway one minor behind or on the same minor, and stays quiet with several control-plane releases', () => {
    expect(of(repo({ 'cp.yaml': cp, 'gw.yaml': helmRelease('ingress', 'gateway', '1.27.5') }, '1.28'), SKEW_RULE)).toEqual([])
    expect(of(repo({ 'cp.yaml': cp, 'gw.yaml': helmRelease('ingress', 'gateway', '1.28.1') }, '1.28'), SKEW_RULE)).toEqual([])
    const canary = { 'cp.yaml': cp, 'cp2.yaml': helmRelease('istiod-canary', 'istiod', '1.29.0'), 'gw.yaml': helmRelease('ingress', 'gateway', '1.26.0') }
    expect(of(repo(canary, '1.29'), SKEW_RULE)).toEqual([])
  })
})
