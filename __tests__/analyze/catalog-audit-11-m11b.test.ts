// Audit 11 (m11b, seeded sample of 1.23–1.25): the ❌ the measurement found, each pinned to file and line.
// See docs/audit/catalog-audit-11-m11b.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

/** Findings on `file` when a pull request changes only `changed` and the repository holds `repo` besides. */
async function findings(changed: readonly File[], repo: readonly File[], target: string, file: string, pattern: RegExp): Promise<Finding[]> {
  // With files besides the changed ones, a pull request: the base holds those files untouched.
  const base = repo.length > 0 ? { base: snapshotOf(repo) } : {}
  const result = await runAnalysis({ changes: added(changed), head: snapshotOf([...changed, ...repo]), ...base }, { target, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.24-gateway-name-label-removed: the gateway chart can put the label on the pods itself', () => {
  const ap: File = {
    path: 'mesh/gw/authz.yaml',
    text: 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-gw\n  namespace: gw\nspec:\n  selector:\n    matchLabels:\n      istio.io/gateway-name: my-gw\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        ipBlocks: ["10.0.0.0/8"]\n'
  }
  const GN = /no longer adds the istio\.io\/gateway-name label/
  const release = (labels: string): File => ({
    path: 'mesh/gw/release.yaml',
    text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: my-gw\n  namespace: gw\nspec:\n  chart:\n    spec:\n      chart: gateway\n      version: 1.24.2\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n    labels:\n${labels}`
  })
  it('reports the selector at its line when nothing sets the label', async () => {
    expect(at(await findings([ap], [], '1.24', ap.path, GN))).toEqual([`${ap.path}:${lineOf(ap.text, 'istio.io/gateway-name')} warning`])
  })
  it('still reports it when the gateway chart sets other labels', async () => {
    const other = release('      team: edge\n')
    expect(at(await findings([ap], [other], '1.24', ap.path, GN))).toEqual([`${ap.path}:${lineOf(ap.text, 'istio.io/gateway-name')} warning`])
  })
  it('is silent when the gateway chart labels the pods istio.io/gateway-name in another file', async () => {
    const labelled = release('      istio.io/gateway-name: my-gw\n')
    expect(await findings([ap, labelled], [], '1.24', ap.path, GN)).toEqual([])
  })
  it('is silent when a pull request touches only the selector and the labelling HelmRelease is untouched', async () => {
    const labelled = release('      istio.io/gateway-name: my-gw\n')
    expect(await findings([ap], [labelled], '1.24', ap.path, GN)).toEqual([])
  })
})

describe('istio-1.23-use-waypoint-namespace-label: the object\'s own namespace changes nothing', () => {
  const UW = /istio\.io\/use-waypoint-namespace label/
  const id = 'istio-1.23-use-waypoint-namespace-label'
  const ns = (waypointNs: string) =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: app\n  labels:\n    istio.io/use-waypoint: shared\n    istio.io/use-waypoint-namespace: ${waypointNs}\n`
  const svc = (waypointNs: string) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n  namespace: app\n  labels:\n    istio.io/use-waypoint: shared\n    istio.io/use-waypoint-namespace: ${waypointNs}\nspec:\n  ports:\n  - port: 80\n`
  const deploy = (waypointNs: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: app\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels:\n        app: d\n        istio.io/use-waypoint: shared\n        istio.io/use-waypoint-namespace: ${waypointNs}\n    spec:\n      containers:\n      - name: c\n        image: x\n`
  const se = (waypointNs: string) =>
    `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: app\n  labels:\n    istio.io/use-waypoint: shared\n    istio.io/use-waypoint-namespace: ${waypointNs}\nspec:\n  hosts: [ext.example.com]\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n`
  for (const [kind, make] of [['Namespace', ns], ['Service', svc], ['Deployment pod template', deploy], ['ServiceEntry', se]] as const) {
    it(`${kind}: reports a waypoint in another namespace at its line before 1.23`, () => {
      const text = make('infra')
      const found = of(run('mesh/app.yaml', text, '1.22'), id)
      expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`mesh/app.yaml:${lineOf(text, 'use-waypoint-namespace')} warning`])
      expect(found[0]?.message).toMatch(UW)
      expect(of(run('mesh/app.yaml', text, '1.23'), id)).toEqual([])
    })
    it(`${kind}: is silent when the label names the object's own namespace`, () => {
      expect(of(run('mesh/app.yaml', make('app'), '1.22'), id)).toEqual([])
    })
  }
  it('still reports a workload whose namespace the manifest does not say', () => {
    const text = deploy('infra').replace('  namespace: app\n', '')
    expect(of(run('mesh/app.yaml', text, '1.22'), id).map((f) => f.line)).toEqual([lineOf(text, 'use-waypoint-namespace')])
  })
})

describe('istio-1.24-xfcc-client-cert-details: no XFCC details are sent unless forwardedClientCert appends or sets them', () => {
  const id = 'istio-1.24-xfcc-client-cert-details'
  const values = (mode: string) =>
    `meshConfig:\n  defaultConfig:\n    proxyHeaders:\n${mode ? `      forwardedClientCert: ${mode}\n` : ''}      setCurrentClientCertDetails:\n        cert: true\n        uri: false\n`
  for (const mode of ['', 'APPEND_FORWARD', 'SANITIZE_SET']) {
    it(`reports cert and uri at their lines before 1.24 with forwardedClientCert ${mode || 'unset'}`, () => {
      const text = values(mode)
      const found = of(run('istio/values.yaml', text, '1.23'), id)
      expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`istio/values.yaml:${lineOf(text, 'cert: true')} warning`, `istio/values.yaml:${lineOf(text, 'uri: false')} warning`])
    })
  }
  for (const mode of ['SANITIZE', 'FORWARD_ONLY', 'ALWAYS_FORWARD_ONLY']) {
    it(`is silent with forwardedClientCert ${mode}, where no release sends the details`, () => {
      expect(of(run('istio/values.yaml', values(mode), '1.23'), id)).toEqual([])
    })
  }
  it('is silent in a pod ProxyConfig annotation that sanitizes the header', () => {
    const dep =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n      annotations:\n        proxy.istio.io/config: |\n          proxyHeaders:\n            forwardedClientCert: SANITIZE\n            setCurrentClientCertDetails:\n              chain: true\n    spec:\n      containers:\n      - name: c\n        image: x\n'
    expect(of(run('apps/d.yaml', dep, '1.23'), id)).toEqual([])
    const appending = dep.replace('SANITIZE', 'APPEND_FORWARD')
    expect(of(run('apps/d.yaml', appending, '1.23'), id).map((f) => f.line)).toEqual([lineOf(appending, 'proxy.istio.io/config')])
  })
})
