// Audit 14 (r14a, census of 29 entries of 1.20–1.22): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-14-r14a.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.21-gateway-name-label-deprecated: the new key already written next to the old one', () => {
  const ap = (selector: string): File => ({
    path: 'gw/ap.yaml',
    text: `apiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-gw\n  namespace: gw\nspec:\n  selector:\n${selector}  action: ALLOW\n  rules:\n  - from:\n    - source:\n        ipBlocks: ["10.0.0.0/8"]\n`,
  })
  const GATEWAY_NAME = /istio\.io\/gateway-name label/
  it('warns (with the rename) when the selector names only istio.io/gateway-name', async () => {
    const f = ap('    matchLabels:\n      istio.io/gateway-name: my-gw\n')
    const result = await runAnalysis({ changes: added([f]), head: snapshotOf([f]) }, { target: '1.21', from: '1.20', paths: [] })
    const hits = result.findings.filter((x) => x.file === f.path && GATEWAY_NAME.test(x.message))
    expect(at(hits)).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/gateway-name')} warning`])
    expect(hits[0]?.fix).toBeDefined()
  })
  it('only notes (no rename, which would write the key twice) when matchLabels already names the new key', async () => {
    const f = ap('    matchLabels:\n      istio.io/gateway-name: my-gw\n      gateway.networking.k8s.io/gateway-name: my-gw\n')
    const hits = await findings([f], '1.21', '1.20', f.path, GATEWAY_NAME)
    expect(at(hits)).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/gateway-name: my-gw')} notice`])
    expect(hits[0]?.fix).toBeUndefined()
    expect(hits[0]?.message).toMatch(/already names gateway\.networking\.k8s\.io\/gateway-name/)
  })
  it('the same for a Sidecar workloadSelector that lists both keys', async () => {
    const f: File = {
      path: 'gw/svc.yaml',
      text: 'apiVersion: networking.istio.io/v1beta1\nkind: Sidecar\nmetadata:\n  name: gw\n  namespace: gw\nspec:\n  workloadSelector:\n    labels:\n      istio.io/gateway-name: my-gw\n      gateway.networking.k8s.io/gateway-name: my-gw\n  egress:\n  - hosts: ["./*"]\n',
    }
    expect(at(await findings([f], '1.21', '1.20', f.path, GATEWAY_NAME))).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/gateway-name: my-gw')} notice`])
  })
})

describe('istio-1.22-waypoint-service-account-binding-removed: traffic attached through a ServiceEntry', () => {
  const gw: File = {
    path: 'mesh/waypoint.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: apps\n  annotations:\n    istio.io/for-service-account: reviews\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n',
  }
  const se: File = {
    path: 'mesh/se.yaml',
    text: 'apiVersion: networking.istio.io/v1beta1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: apps\n  labels:\n    istio.io/use-waypoint: waypoint\nspec:\n  hosts: [ext.example.com]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  resolution: DNS\n',
  }
  const SA = /for-service-account is ignored/
  it('errs on 1.21 → 1.22 when nothing carries istio.io/use-waypoint', async () => {
    expect(at(await findings([gw], '1.22', '1.21', gw.path, SA))).toEqual([`${gw.path}:${lineOf(gw.text, 'istio.io/for-service-account')} error`])
  })
  it('is silent when a ServiceEntry already carries istio.io/use-waypoint (a service-like kind 1.22 attaches)', async () => {
    expect(await findings([gw, se], '1.22', '1.21', gw.path, SA)).toEqual([])
  })
})

describe('istio-1.22-enhanced-resource-scoping-typo: targets before 1.22, where scoping is still off by default', () => {
  // selectors in the same values: without any, scoping changes nothing and the finding is a notice (audit 34 r34a)
  const values = (v: string): File => ({ path: 'platform/istiod/values.yaml', text: `pilot:\n  env:\n    ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "${v}"\nmeshConfig:\n  discoverySelectors:\n  - matchLabels: {istio-discovery: enabled}\n` })
  const TYPO = /ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING/
  it('false is only a notice on 1.20 → 1.21 (scoping is off there anyway), a warning from 1.22', async () => {
    const f = values('false')
    const line = lineOf(f.text, 'ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING')
    expect(at(await findings([f], '1.21', '1.20', f.path, TYPO))).toEqual([`${f.path}:${line} notice`])
    expect(at(await findings([f], '1.22', '1.21', f.path, TYPO))).toEqual([`${f.path}:${line} warning`])
  })
  it('true is a warning on 1.20 → 1.21 (it does not turn scoping on), a notice from 1.22 (the default)', async () => {
    const f = values('true')
    const line = lineOf(f.text, 'ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING')
    expect(at(await findings([f], '1.21', '1.20', f.path, TYPO))).toEqual([`${f.path}:${line} warning`])
    expect(at(await findings([f], '1.22', '1.21', f.path, TYPO))).toEqual([`${f.path}:${line} notice`])
  })
  it('true on 1.21 is silent when the real switch is on in another file', async () => {
    const f = values('true')
    const real: File = { path: 'platform/istiod/values-scoping.yaml', text: 'pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: "true"\n' }
    expect(await findings([f, real], '1.21', '1.20', f.path, TYPO)).toEqual([])
  })
})

describe('istio-1.21-externalname-alias: the opt-out on a 1.21 target, where 1.21.0 broke it', () => {
  const f: File = { path: 'platform/istiod/values.yaml', text: 'pilot:\n  env:\n    ENABLE_EXTERNAL_NAME_ALIAS: "false"\n' }
  const ALIAS = /ENABLE_EXTERNAL_NAME_ALIAS false/
  it('warns about the 1.21.0 regression on 1.20 → 1.21 instead of promising the old behaviour', async () => {
    const hits = await findings([f], '1.21', '1.20', f.path, ALIAS)
    expect(at(hits)).toEqual([`${f.path}:${lineOf(f.text, 'ENABLE_EXTERNAL_NAME_ALIAS')} warning`])
    expect(hits[0]?.message).toMatch(/regression/)
  })
  it('keeps the plain notice from 1.22, where the regression is fixed', async () => {
    const hits = await findings([f], '1.22', '1.20', f.path, ALIAS)
    expect(at(hits)).toEqual([`${f.path}:${lineOf(f.text, 'ENABLE_EXTERNAL_NAME_ALIAS')} notice`])
    expect(hits[0]?.message).not.toMatch(/regression/)
  })
})

describe('istio-1.22-pod-dataplane-mode-label: the old opt-out annotation already on the same pod template', () => {
  const dep = (annotation: string): File => ({
    path: 'apps/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n        istio.io/dataplane-mode: none\n      annotations:\n        ${annotation}\n    spec:\n      containers:\n      - name: web\n        image: web\n`,
  })
  const POD = /single pod with the istio\.io\/dataplane-mode label/
  it('warns on 1.20 → 1.21 for `none` without the annotation older releases read', async () => {
    const f = dep('team: web')
    expect(at(await findings([f], '1.21', '1.20', f.path, POD))).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/dataplane-mode')} warning`])
  })
  it('is silent when ambient.istio.io/redirection: disabled already opts the pod out on the older release', async () => {
    const f = dep('ambient.istio.io/redirection: disabled')
    expect(await findings([f], '1.21', '1.20', f.path, POD)).toEqual([])
  })
})
