// Round 30 census, share r30c (docs/audit/catalog-audit-30-r30c.md): each fix gets a case that fails on the old entry
// and, where a matcher was narrowed, a trip case that must still report.
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

describe('istio-1.28-h2-upgrade-pool-settings: gRPC/http2 ports lost the limit too before 1.28 (istio/istio#57583)', () => {
  const ID = 'istio-1.28-h2-upgrade-pool-settings'
  const dr =
    'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: grpc\n  namespace: app\nspec:\n  host: grpc.app.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http:\n        h2UpgradePolicy: UPGRADE\n        maxConcurrentStreams: 200\n'
  it('on target 1.27 does not claim gRPC/http2 ports had the limit, and says they lost it', () => {
    const found = of(run('dr.yaml', dr, '1.27', '1.26'), ID)
    expect(at(found)).toEqual([`dr.yaml:${lineOf(dr, 'maxConcurrentStreams')} warning`])
    expect(found[0].message).not.toMatch(/not upgraded and had the limit before/)
    expect(found[0].message).toMatch(/gRPC, http2\) too/)
  })

  it('says the same next to a Service whose port is grpc (the port m29d tried)', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: grpc\n  namespace: app\nspec:\n  selector:\n    app: grpc\n  ports:\n  - name: grpc\n    port: 9000\n    appProtocol: grpc\n'
    const found = runInRepository({ 'dr.yaml': dr, 'svc.yaml': svc }, 'dr.yaml', '1.27', '1.26').filter((f) => f.message.includes('maxConcurrentStreams'))
    expect(at(found)).toEqual([`dr.yaml:${lineOf(dr, 'maxConcurrentStreams')} warning`])
    expect(found[0].message).not.toMatch(/had the limit before/)
  })
})

describe('istio-1.28-waypoint-termination-grace: only waypoints istiod deploys itself get the new grace period', () => {
  const ID = 'istio-1.28-waypoint-termination-grace'
  const gw = (addresses: string) =>
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: app\nspec:\n  gatewayClassName: istio-waypoint\n${addresses}  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n`
  const mine = (fs: Finding[]): Finding[] => fs.filter((f) => f.message.includes('terminationGracePeriodSeconds (30 s)'))

  it('is silent on a manually deployed waypoint (a Hostname address, or more than one address): istiod generates no Deployment', () => {
    expect(of(run('gw.yaml', gw('  addresses:\n  - type: Hostname\n    value: my-waypoint.app.svc.cluster.local\n'), '1.28', '1.27'), ID)).toEqual([])
    expect(of(run('gw.yaml', gw('  addresses:\n  - value: 10.0.0.1\n  - value: 10.0.0.2\n'), '1.28', '1.27'), ID)).toEqual([])
  })

  it('is silent with PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER: "false" in the istiod values', () => {
    const off = 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER: "false"\n'
    expect(mine(runInRepository({ 'gw.yaml': gw(''), 'istiod/values.yaml': off }, 'gw.yaml', '1.28', '1.27'))).toEqual([])
  })

  it('still notes a managed waypoint, with or without one IP address (trip)', () => {
    for (const a of ['', '  addresses:\n  - type: IPAddress\n    value: 10.0.0.1\n']) {
      const text = gw(a)
      expect(at(of(run('gw.yaml', text, '1.28', '1.27'), ID))).toEqual([`gw.yaml:${lineOf(text, 'gatewayClassName')} notice`])
    }
    expect(mine(runInRepository({ 'gw.yaml': gw(''), 'istiod/values.yaml': 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER: "true"\n' }, 'gw.yaml', '1.28', '1.27'))).toHaveLength(1)
  })
})
