// Audit 12 (r12a, census of 1.20–1.22 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12a.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const istiod = (text: string): File => ({ path: 'platform/istiod/values-env.yaml', text })

describe('1.21 default flips: the switch already turned on (opt-in) in istiod before the upgrade', () => {
  const dr: File = {
    path: 'apps/api/dr.yaml',
    text: 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api.backend.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n',
  }
  const svc: File = {
    path: 'apps/ext/svc.yaml',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: example.com\n',
  }
  const cases: [string, File, RegExp, string, 'error' | 'warning'][] = [
    ['istio-1.21-verify-certificate-at-client', dr, /verifies the server certificate/, 'mode: SIMPLE', 'error'],
    ['istio-1.21-auto-sni', dr, /auto SNI/, 'mode: SIMPLE', 'warning'],
    ['istio-1.21-externalname-alias', svc, /only a DNS alias/, 'type: ExternalName', 'warning'],
  ]
  const envs: Record<string, string> = {
    'istio-1.21-verify-certificate-at-client': 'VERIFY_CERTIFICATE_AT_CLIENT',
    'istio-1.21-auto-sni': 'ENABLE_AUTO_SNI',
    'istio-1.21-externalname-alias': 'ENABLE_EXTERNAL_NAME_ALIAS',
  }
  for (const [id, file, pattern, needle, severity] of cases) {
    it(`${id}: reports on 1.20 → 1.21 when nothing opts in`, async () => {
      expect(at(await findings([file], '1.21', '1.20', file.path, pattern))).toEqual([`${file.path}:${lineOf(file.text, needle)} ${severity}`])
    })
    for (const value of ['"true"', 'true', '"1"']) {
      it(`${id}: silent when another file already sets ${envs[id]}: ${value} (already the 1.21 behaviour on 1.20)`, async () => {
        const env = istiod(`pilot:\n  env:\n    ${envs[id]}: ${value}\n`)
        expect(await findings([file, env], '1.21', '1.20', file.path, pattern)).toEqual([])
      })
    }
    it(`${id}: still reports when the sibling sets another variable`, async () => {
      const env = istiod('pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "true"\n')
      expect(at(await findings([file, env], '1.21', '1.20', file.path, pattern))).toEqual([`${file.path}:${lineOf(file.text, needle)} ${severity}`])
    })
  }
})

describe('istio-1.22-waypoint-service-account-binding-removed: use-waypoint labels already written elsewhere', () => {
  const wp: File = {
    path: 'mesh/waypoint.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: app\n  annotations:\n    istio.io/for-service-account: reviews\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n',
  }
  const SKIP = /skips the waypoint/
  it('errors when nothing attaches the waypoint the 1.22 way', async () => {
    expect(at(await findings([wp], '1.22', '1.21', wp.path, SKIP))).toEqual([`${wp.path}:${lineOf(wp.text, 'for-service-account')} error`])
  })
  it('is silent when a Namespace in another file carries istio.io/use-waypoint', async () => {
    const ns: File = { path: 'mesh/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio.io/use-waypoint: waypoint\n' }
    expect(await findings([wp, ns], '1.22', '1.21', wp.path, SKIP)).toEqual([])
  })
  it('still errors when the Namespace carries only the dataplane-mode label', async () => {
    const ns: File = { path: 'mesh/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
    expect(at(await findings([wp, ns], '1.22', '1.21', wp.path, SKIP))).toEqual([`${wp.path}:${lineOf(wp.text, 'for-service-account')} error`])
  })
})


describe('istio-1.22-gateway-address-type-annotation: only values that differ from the class default', () => {
  const gw = (cls: string, value: string): File => ({
    path: `gw/${cls}-${value}.yaml`,
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  annotations:\n    networking.istio.io/address-type: ${value}\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n`,
  })
  const ADDR = /address-type annotation is only read from Istio 1\.22/
  const line = (f: File) => `${f.path}:${lineOf(f.text, 'address-type')} warning`
  it('warns on a 1.21 target for IPAddress on the istio class and for Hostname on a waypoint', async () => {
    const a = gw('istio', 'IPAddress')
    expect(at(await findings([a], '1.21', '1.20', a.path, ADDR))).toEqual([line(a)])
    const b = gw('istio-waypoint', 'Hostname')
    expect(at(await findings([b], '1.21', '1.20', b.path, ADDR))).toEqual([line(b)])
    expect(await findings([a], '1.22', '1.21', a.path, ADDR)).toEqual([])
  })
  it('is silent where the value is what the class reports anyway, or the class is not Istio', async () => {
    for (const f of [gw('istio', 'Hostname'), gw('istio', 'ClusterIP'), gw('istio-waypoint', 'IPAddress'), gw('eg', 'IPAddress')]) {
      expect(await findings([f], '1.21', '1.20', f.path, ADDR)).toEqual([])
    }
  })
})

describe('istio-1.21-gateway-name-label-deprecated: the label put on the gateway pods by the user', () => {
  const ap: File = {
    path: 'gw/ap.yaml',
    text: 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-gw\n  namespace: gw\nspec:\n  selector:\n    matchLabels:\n      istio.io/gateway-name: my-gw\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        ipBlocks: ["10.0.0.0/8"]\n',
  }
  const release = (labels: string): File => ({
    path: 'gw/release.yaml',
    text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: my-gw\n  namespace: gw\nspec:\n  chart:\n    spec:\n      chart: gateway\n      version: 1.21.2\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n    labels:\n${labels}`,
  })
  const DEPRECATED = /istio\.io\/gateway-name label is deprecated/
  it('warns at the selector on a 1.21 target when Istio alone puts the label on the pods', async () => {
    const plain = release('      team: edge\n')
    expect(at(await findings([ap, plain], '1.21', '1.20', ap.path, DEPRECATED))).toEqual([`${ap.path}:${lineOf(ap.text, 'istio.io/gateway-name')} warning`])
  })
  it('is silent when the gateway chart values put istio.io/gateway-name on the pods themselves', async () => {
    const labelled = release('      istio.io/gateway-name: my-gw\n')
    expect(await findings([ap, labelled], '1.21', '1.20', ap.path, DEPRECATED)).toEqual([])
  })
})

describe('istio-1.22-istio-cni-values-deprecated: the pilot.cni.* replacement set in another values file', () => {
  const old: File = { path: 'platform/istiod/values.yaml', text: 'istio_cni:\n  enabled: true\n  chained: false\n' }
  const REPLACE = /expressed as pilot\.cni\.provider: multus/
  it('warns at chained: false when nothing sets pilot.cni.provider', async () => {
    expect(at(await findings([old], '1.22', '1.21', old.path, REPLACE))).toEqual([`${old.path}:${lineOf(old.text, 'chained: false')} warning`])
  })
  it('is silent when a sibling values file already sets pilot.cni.provider: multus', async () => {
    const neu = istiod('pilot:\n  cni:\n    enabled: true\n    provider: multus\n')
    expect(await findings([old, neu], '1.22', '1.21', old.path, REPLACE)).toEqual([])
  })
})
