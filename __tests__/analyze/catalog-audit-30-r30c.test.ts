// Round 30 census, share r30c (docs/audit/catalog-audit-30-r30c.md): each fix gets a case that fails on the old entry
// and, where a matcher was narrowed, a trip case that must still report.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

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
})
