// Audit 17 (m17d, measurement of 13 sampled entries of 1.28–1.29): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-17-m17d.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const GRACE = /waypoint Deployments use the Kubernetes default terminationGracePeriodSeconds/

async function findings(changed: File, others: readonly File[], target: string, from: string): Promise<Finding[]> {
  // The PR adds the waypoint; the other files were already in the repository (the base).
  const result = await runAnalysis({ changes: added([changed]), head: snapshotOf([changed, ...others]), ...(others.length ? { base: snapshotOf(others) } : {}) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === changed.path && GRACE.test(f.message))
}

const waypoint: File = {
  path: 'mesh/waypoint.yaml',
  text:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: apps\nspec:\n' +
    '  gatewayClassName: istio-waypoint\n  infrastructure:\n    parametersRef:\n      group: ""\n      kind: ConfigMap\n      name: waypoint-options\n' +
    '  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n',
}
const options = (deployment: string): File => ({
  path: 'mesh/waypoint-options.yaml',
  text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: waypoint-options\n  namespace: apps\ndata:\n  deployment: |\n${deployment}`,
})
const GRACE_SET = options('    spec:\n      template:\n        spec:\n          terminationGracePeriodSeconds: 2\n')
const RESOURCES_ONLY = options('    spec:\n      template:\n        spec:\n          containers:\n          - name: istio-proxy\n            resources:\n              requests: {cpu: 500m}\n')

describe('istio-1.28-waypoint-termination-grace: quiet when the waypoint Deployment already sets its grace period', () => {
  it('notes the change on a waypoint that takes the template default', async () => {
    expect(at(await findings(waypoint, [], '1.28', '1.27'))).toEqual([`${waypoint.path}:${lineOf(waypoint.text, 'gatewayClassName')} notice`])
  })
  it('still notes it when the parameters ConfigMap customises something else', async () => {
    expect(at(await findings(waypoint, [RESOURCES_ONLY], '1.28', '1.27'))).toEqual([`${waypoint.path}:${lineOf(waypoint.text, 'gatewayClassName')} notice`])
  })
  it('says nothing when a ConfigMap of the repository sets terminationGracePeriodSeconds (same value on 1.27 and 1.28)', async () => {
    expect(at(await findings(waypoint, [GRACE_SET], '1.28', '1.27'))).toEqual([])
  })
})
