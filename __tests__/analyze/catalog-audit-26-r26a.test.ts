// Round 26 census, share r26a (docs/audit/catalog-audit-26-r26a.md): each ❌ fixed, pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

const helmRelease = (values: string): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.23.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`

describe('istio-1.23-cni-log-level-deprecated: only cni.logLevel was ever read by the cni chart before 1.23', () => {
  const ID = 'istio-1.23-cni-log-level-deprecated'
  const FILE = 'istio/cni.yaml'

  it('says nothing about a top-level logLevel (the 1.22 chart read .Values.cni.logLevel only, so nothing is dropped)', () => {
    const text = helmRelease('    logLevel: warn\n')
    expect(of(run(FILE, text, '1.23', '1.22'), ID)).toEqual([])
    expect(of(run(FILE, text, '1.24', '1.22'), ID)).toEqual([])
  })

  it('still warns for cni.logLevel, the key the 1.22 chart read', () => {
    const text = helmRelease('    cni:\n      logLevel: warn\n')
    expect(at(of(run(FILE, text, '1.23', '1.22'), ID))).toEqual([`${FILE}:${lineOf(text, 'logLevel')} warning`])
  })

  it('still warns for an IstioOperator spec.values.cni.logLevel', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  components:\n    cni:\n      enabled: true\n  values:\n    cni:\n      logLevel: warn\n'
    expect(at(of(run('istio/iop.yaml', text, '1.23', '1.22'), ID))).toEqual([`istio/iop.yaml:${lineOf(text, 'logLevel')} warning`])
  })
})

describe('istio-1.22-pod-dataplane-mode-label: a pod labelled none in a Namespace that is not ambient changes nothing', () => {
  const dep: File = {
    path: 'apps/dep.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: plain\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels:\n        app: app\n        istio.io/dataplane-mode: none\n    spec:\n      containers:\n      - name: app\n        image: nginx\n'
  }
  const namespace = (labels: string): File => ({ path: 'apps/ns.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: plain\n${labels}` })
  const MSG = /single pod with the istio\.io\/dataplane-mode label/

  it('is silent when the pod\'s own Namespace in the repository has no ambient label (1.21 never captured the pod)', async () => {
    expect(await findings([dep, namespace('')], '1.21', '1.20', dep.path, MSG)).toEqual([])
  })

  it('still warns when that Namespace is ambient (1.21 ignores the pod label and keeps capturing the pod)', async () => {
    const found = await findings([dep, namespace('  labels:\n    istio.io/dataplane-mode: ambient\n')], '1.21', '1.20', dep.path, MSG)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`${dep.path}:${lineOf(dep.text, 'istio.io/dataplane-mode')} warning`])
  })

  it('still warns when the repository does not show the Namespace', async () => {
    const found = await findings([dep], '1.21', '1.20', dep.path, MSG)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`${dep.path}:${lineOf(dep.text, 'istio.io/dataplane-mode')} warning`])
  })
})

describe('istio-1.22-use-waypoint-label: a pod label in a Namespace that is not ambient attaches nothing on any release', () => {
  const dep: File = {
    path: 'apps/dep.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: plain\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels:\n        app: app\n        istio.io/use-waypoint: wp\n    spec:\n      containers:\n      - name: app\n        image: nginx\n'
  }
  const namespace = (labels: string): File => ({ path: 'apps/ns.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: plain\n${labels}` })
  const MSG = /use-waypoint label only attaches waypoints from Istio 1\.22/

  it('is silent when the pod\'s own Namespace in the repository has no ambient label', async () => {
    expect(await findings([dep, namespace('')], '1.21', '1.20', dep.path, MSG)).toEqual([])
  })

  it('still warns when that Namespace is ambient, or is not in the repository', async () => {
    const want = [`${dep.path}:${lineOf(dep.text, 'istio.io/use-waypoint')} warning`]
    expect((await findings([dep, namespace('  labels:\n    istio.io/dataplane-mode: ambient\n')], '1.21', '1.20', dep.path, MSG)).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual(want)
    expect((await findings([dep], '1.21', '1.20', dep.path, MSG)).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual(want)
  })
})

describe('istio-1.22-waypoint-for-label: only on Gateways of an Istio class', () => {
  const ID = 'istio-1.22-waypoint-for-label'
  const gw = (cls: string): string =>
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: ns\n  labels:\n    istio.io/waypoint-for: service\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n`

  it('is silent on a Gateway of another controller (no Istio release reads it there)', () => {
    expect(of(run('mesh/gw.yaml', gw('nginx'), '1.21', '1.20'), ID)).toEqual([])
  })

  it('still warns on an istio-waypoint Gateway before 1.22', () => {
    const text = gw('istio-waypoint')
    expect(at(of(run('mesh/gw.yaml', text, '1.21', '1.20'), ID))).toEqual([`mesh/gw.yaml:${lineOf(text, 'istio.io/waypoint-for')} warning`])
    expect(of(run('mesh/gw.yaml', text, '1.22', '1.21'), ID)).toEqual([])
  })
})
