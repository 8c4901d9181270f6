// Round 26 census, share r26e (docs/audit/catalog-audit-26-r26e.md): each ❌ it found, with the YAML that showed it.
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


describe('istio-1.28-native-nftables-ambient: the cni chart copies cni.* over the top level after the profile merge', () => {
  const id = 'istio-1.28-native-nftables-ambient'
  const file = 'istio-cni/values.yaml'

  it('warns on profile ambient even with a top-level ambient.enabled: false (the profile\'s cni.ambient.enabled: true wins in zzy_descope_legacy.yaml)', () => {
    const v = 'profile: ambient\nambient:\n  enabled: false\nglobal:\n  nativeNftables: true\n'
    expect(at(of(run(file, v, '1.27', '1.26'), id))).toEqual([`${file}:${lineOf(v, 'nativeNftables')} warning`])
    expect(of(run(file, v, '1.28', '1.27'), id)).toEqual([])
  })

  it('is silent when cni.ambient.enabled: false turns ambient off (with the profile or with ambient.enabled: true)', () => {
    for (const v of [
      'profile: ambient\ncni:\n  ambient:\n    enabled: false\nglobal:\n  nativeNftables: true\n',
      'global:\n  profile: ambient\n  nativeNftables: true\ncni:\n  ambient:\n    enabled: false\n',
      'ambient:\n  enabled: true\ncni:\n  ambient:\n    enabled: false\nglobal:\n  nativeNftables: true\n'
    ]) expect(of(run(file, v, '1.27', '1.26'), id)).toEqual([])
  })

  it('warns once on cni.ambient.enabled: true, which the chart reads as ambient.enabled', () => {
    const v = 'cni:\n  ambient:\n    enabled: true\nglobal:\n  nativeNftables: true\n'
    expect(at(of(run(file, v, '1.27', '1.26'), id))).toEqual([`${file}:${lineOf(v, 'nativeNftables')} warning`])
    const both = 'profile: ambient\nambient:\n  enabled: true\nglobal:\n  nativeNftables: true\n'
    expect(at(of(run(file, both, '1.27', '1.26'), id))).toEqual([`${file}:${lineOf(both, 'nativeNftables')} warning`])
  })
})

describe('istio-1.28-waypoint-termination-grace: only the waypoint class defaults (or an unlabelled ConfigMap) silence it', () => {
  const grace = (fs: Finding[]): Finding[] => fs.filter((f) => f.message.includes('terminationGracePeriodSeconds (30 s)'))
  const gw =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: app\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n'
  const cm = (cls: string): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio-default-gatewayclass-${cls}\n  namespace: istio-system\n  labels:\n    gateway.istio.io/defaults-for-class: ${cls}\ndata:\n  deployment: |\n    spec:\n      template:\n        spec:\n          terminationGracePeriodSeconds: 5\n`

  it('still gives the notice when the grace period is set only in the defaults of the ingress class istio', () => {
    expect(at(grace(runInRepository({ 'gw.yaml': gw, 'cm.yaml': cm('istio') }, 'gw.yaml', '1.28', '1.27')))).toEqual([`gw.yaml:${lineOf(gw, 'gatewayClassName')} notice`])
  })

  it('is silent when the istio-waypoint class defaults set it', () => {
    expect(grace(runInRepository({ 'gw.yaml': gw, 'cm.yaml': cm('istio-waypoint') }, 'gw.yaml', '1.28', '1.27'))).toEqual([])
  })
})

describe('istio-1.28-multi-network-waypoint: no waypoints when istiod has ambient turned off in another file', () => {
  const id = 'istio-1.28-multi-network-waypoint'
  const values = 'pilot:\n  env:\n    AMBIENT_ENABLE_MULTI_NETWORK: "true"\n'
  it('gives the notice on the variable line when nothing turns ambient off', () => {
    expect(at(of(run('istiod/values.yaml', values, '1.28', '1.27'), id))).toEqual([`istiod/values.yaml:${lineOf(values, 'AMBIENT_ENABLE_MULTI_NETWORK')} notice`])
  })
  it('is silent when PILOT_ENABLE_AMBIENT is "false" in another values file', () => {
    const off = 'pilot:\n  env:\n    PILOT_ENABLE_AMBIENT: "false"\n'
    const found = runInRepository({ 'istiod/values.yaml': values, 'istiod/values-prod.yaml': off }, 'istiod/values.yaml', '1.28', '1.27')
    expect(found.filter((f) => f.message.includes('waypoints also route to remote networks'))).toEqual([])
    const alone = runInRepository({ 'istiod/values.yaml': values }, 'istiod/values.yaml', '1.28', '1.27')
    expect(at(alone.filter((f) => f.message.includes('waypoints also route to remote networks')))).toEqual([`istiod/values.yaml:${lineOf(values, 'AMBIENT_ENABLE_MULTI_NETWORK')} notice`])
  })
})

describe('proxy.istio.io/config on pods of a Namespace the injector skips (istio-injection: disabled, or ambient without injection labels)', () => {
  const dep = (config: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: app\nspec:\n  template:\n    metadata:\n      annotations:\n        proxy.istio.io/config: |\n${config.split('\n').filter(Boolean).map((l) => `          ${l}`).join('\n')}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`
  const disabled = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio-injection: disabled\n'
  const ambient = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio.io/dataplane-mode: ambient\n'
  const other = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n  labels:\n    istio-injection: disabled\n'
  const cases: [string, string, string, string, string][] = [
    ['istio-1.29-stats-compression-option', 'statsCompression: true\n', '1.28', '1.27', 'statsCompression'],
    ['istio-1.28-x-forwarded-headers', 'proxyHeaders:\n  xForwardedHost:\n    enabled: true\n', '1.27', '1.26', 'ProxyConfig proxyHeaders'],
    ['istio-1.28-force-iptables-binary', 'proxyMetadata:\n  FORCE_IPTABLES_BINARY: iptables-legacy\n', '1.27', '1.26', 'FORCE_IPTABLES_BINARY'],
    ['istio-1.29-circuit-breaker-remaining-metrics', 'proxyStatsMatcher:\n  inclusionPrefixes:\n  - cluster.outbound\n', '1.29', '1.28', 'remaining']
  ]
  for (const [id, config, target, from, needle] of cases) {
    const d = dep(config)
    const mine = (fs: Finding[]): Finding[] => fs.filter((f) => f.message.includes(needle) && f.file === 'dep.yaml')
    it(`${id}: reports the pod annotation while its Namespace is injected, at the proxy.istio.io/config block`, () => {
      const alone = mine(runInRepository({ 'dep.yaml': d, 'ns.yaml': other }, 'dep.yaml', target, from))
      expect(alone.length).toBeGreaterThan(0)
      for (const f of alone) expect(f.line).toBeGreaterThanOrEqual(lineOf(d, 'proxy.istio.io/config'))
      expect(of(run('dep.yaml', d, target, from), id).length).toBeGreaterThan(0)
    })
    it(`${id}: is silent when the pod's Namespace is injection-disabled or ambient-only in another file`, () => {
      expect(mine(runInRepository({ 'dep.yaml': d, 'ns.yaml': disabled }, 'dep.yaml', target, from))).toEqual([])
      expect(mine(runInRepository({ 'dep.yaml': d, 'ns.yaml': ambient }, 'dep.yaml', target, from))).toEqual([])
    })
  }
})

describe('istio-1.29-circuit-breaker-remaining-metrics: the statsInclusion annotation of a pod in an injection-disabled Namespace', () => {
  const d =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: app\nspec:\n  template:\n    metadata:\n      annotations:\n        sidecar.istio.io/statsInclusionPrefixes: cluster.outbound,cluster_manager\n    spec:\n      containers:\n      - name: web\n        image: nginx\n'
  const mine = (fs: Finding[]): Finding[] => fs.filter((f) => f.message.includes('_remaining_'))
  it('warns at the annotation line when the Namespace is injected', () => {
    expect(at(mine(runInRepository({ 'dep.yaml': d }, 'dep.yaml', '1.29', '1.28')))).toEqual([`dep.yaml:${lineOf(d, 'statsInclusionPrefixes')} warning`])
  })
  it('is silent when the Namespace is labelled istio-injection: disabled in another file', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio-injection: disabled\n'
    expect(mine(runInRepository({ 'dep.yaml': d, 'ns.yaml': ns }, 'dep.yaml', '1.29', '1.28'))).toEqual([])
  })
})

describe('istio-1.28-serviceentry-none-passthrough-ambient: no ztunnel when istiod turns ambient off in another file', () => {
  const se =
    'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: app\n  labels:\n    istio.io/use-waypoint: wp\nspec:\n  hosts:\n  - ext.example.com\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n  resolution: NONE\n'
  const mine = (fs: Finding[]): Finding[] => fs.filter((f) => f.message.includes('passthrough service'))
  it('gives the notice at the resolution line', () => {
    expect(at(mine(runInRepository({ 'se.yaml': se }, 'se.yaml', '1.28', '1.27')))).toEqual([`se.yaml:${lineOf(se, 'resolution')} notice`])
  })
  it('is silent with PILOT_ENABLE_AMBIENT: "false" in the istiod values', () => {
    const off = 'pilot:\n  env:\n    PILOT_ENABLE_AMBIENT: "false"\n'
    expect(mine(runInRepository({ 'se.yaml': se, 'istiod/values.yaml': off }, 'se.yaml', '1.28', '1.27'))).toEqual([])
  })
})

describe('istio-1.28-h2-upgrade-pool-settings: the message stays true for a DestinationRule of a gRPC host', () => {
  const id = 'istio-1.28-h2-upgrade-pool-settings'
  const dr =
    'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: grpc\n  namespace: app\nspec:\n  host: grpc.app.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http:\n        h2UpgradePolicy: UPGRADE\n        maxConcurrentStreams: 100\n'
  // Round 30 (r30c): the pre-1.28 upgrade step overwrote the HTTP/2 options on gRPC/http2 ports too (istio/istio#57583).
  it('warns at maxConcurrentStreams and says that ports already on HTTP/2 lost the limit too', () => {
    const found = of(run('dr.yaml', dr, '1.27', '1.26'), id)
    expect(at(found)).toEqual([`dr.yaml:${lineOf(dr, 'maxConcurrentStreams')} warning`])
    expect(found[0].message).toMatch(/only takes effect from 1\.28/)
    expect(found[0].message).not.toMatch(/had the limit before/)
  })
})
