// Round 24 census, share r24e (docs/audit/catalog-audit-24-r24e.md): each ❌ it found, with the YAML that showed it.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

describe('istio-1.28-inferencepool-port-number-removed: port.number already written next to the old portNumber', () => {
  const pool = (ref: string): string =>
    `apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: p\n  namespace: default\nspec:\n  targetPorts:\n  - number: 8000\n  selector:\n    matchLabels:\n      app: vllm\n  endpointPickerRef:\n    name: epp\n${ref}`
  const oldOnly = pool('    portNumber: 9002\n')
  const both = pool('    portNumber: 9002\n    port:\n      number: 9002\n')

  it('errs on a v1 pool that still gives only portNumber, at its line', () => {
    expect(at(of(run('pool.yaml', oldOnly, '1.28'), 'istio-1.28-inferencepool-port-number-removed'))).toEqual([`pool.yaml:${lineOf(oldOnly, 'portNumber')} error`])
  })

  it('is silent when port.number is set next to it (the leftover key is only an unknown field, which the schema check reports)', () => {
    expect(of(run('pool.yaml', both, '1.28'), 'istio-1.28-inferencepool-port-number-removed')).toEqual([])
    expect(of(run('pool.yaml', both, '1.30'), 'istio-1.28-inferencepool-port-number-removed')).toEqual([])
  })
})

describe('istio-1.28-native-nftables-ambient: the cni chart profile gives way to an explicit ambient.enabled', () => {
  const id = 'istio-1.28-native-nftables-ambient'
  it('warns on profile ambient with native nftables before 1.28', () => {
    const v = 'profile: ambient\nglobal:\n  nativeNftables: true\n'
    expect(at(of(run('istio-cni/values.yaml', v, '1.27', '1.26'), id))).toEqual([`istio-cni/values.yaml:${lineOf(v, 'nativeNftables')} warning`])
  })

  // Round 26 (r26e): zzy_descope_legacy.yaml copies the profile's cni.ambient.enabled: true over the top level after the
  // user values, so a top-level ambient.enabled: false does NOT turn ambient off; only cni.ambient.enabled: false does.
  it('is silent on profile ambient with cni.ambient.enabled: false', () => {
    const v = 'profile: ambient\ncni:\n  ambient:\n    enabled: false\nglobal:\n  nativeNftables: true\n'
    expect(of(run('istio-cni/values.yaml', v, '1.27', '1.26'), id)).toEqual([])
  })

  it('reads global.profile as the chart does (coalesce of profile and global.profile)', () => {
    const v = 'global:\n  profile: ambient\n  nativeNftables: true\n'
    expect(at(of(run('istio-cni/values.yaml', v, '1.27', '1.26'), id))).toEqual([`istio-cni/values.yaml:${lineOf(v, 'nativeNftables')} warning`])
    const off = `${v}cni:\n  ambient:\n    enabled: false\n`
    expect(of(run('istio-cni/values.yaml', off, '1.27', '1.26'), id)).toEqual([])
    expect(of(run('istio-cni/values.yaml', v, '1.28', '1.27'), id)).toEqual([])
  })
})

describe('istio-1.28-waypoint-termination-grace: the grace period set for every waypoint through the istiod chart', () => {
  const id = 'istio-1.28-waypoint-termination-grace'
  const gw =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: app\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n'
  const values =
    'pilot:\n  env:\n    PILOT_ENABLE_AMBIENT: "true"\ngatewayClasses:\n  istio-waypoint:\n    deployment:\n      spec:\n        template:\n          spec:\n            terminationGracePeriodSeconds: 2\n'

  it('gives the notice on a waypoint when nothing sets the grace period', () => {
    expect(at(of(run('gw.yaml', gw, '1.28', '1.27'), id))).toEqual([`gw.yaml:${lineOf(gw, 'gatewayClassName')} notice`])
  })

  it('is silent when the istiod values set terminationGracePeriodSeconds under gatewayClasses.istio-waypoint in another file', () => {
    const grace = (fs: Finding[]): Finding[] => fs.filter((f) => f.message.includes('terminationGracePeriodSeconds (30 s)'))
    expect(at(grace(runInRepository({ 'gw.yaml': gw }, 'gw.yaml', '1.28', '1.27')))).toEqual([`gw.yaml:${lineOf(gw, 'gatewayClassName')} notice`])
    expect(grace(runInRepository({ 'gw.yaml': gw, 'istio/istiod-values.yaml': values }, 'gw.yaml', '1.28', '1.27'))).toEqual([])
    const other = values.replace('istio-waypoint:', 'istio:')
    expect(at(grace(runInRepository({ 'gw.yaml': gw, 'istio/istiod-values.yaml': other }, 'gw.yaml', '1.28', '1.27')))).toEqual([`gw.yaml:${lineOf(gw, 'gatewayClassName')} notice`])
  })
})
