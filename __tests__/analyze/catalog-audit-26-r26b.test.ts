// Round 26 census, share r26b (docs/audit/catalog-audit-26-r26b.md): the ❌ it found, each pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.24-bypass-inbound-capture-annotation / -typo: pods ambient never captures', () => {
  const deploy = (key: string, podLabels = ''): File => ({
    path: 'apps/shop/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n${podLabels}      annotations:\n        ${key}: "true"\n    spec:\n      containers:\n      - name: web\n        image: web:1\n`
  })
  const ns = (labels: string): File => ({ path: 'apps/shop/namespace.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${labels}` })
  const ADDED = /bypass-inbound-capture annotation is only read from Istio 1\.24/
  const TYPO = /bypassInboundCapture \(as the 1\.24 notes spell it\)/
  const AMBIENT = '        istio.io/dataplane-mode: ambient\n'

  it('warns (target 1.23) when the pod or its Namespace is ambient, or the Namespace is not in the repository', async () => {
    const f = deploy('ambient.istio.io/bypass-inbound-capture')
    const warn = [`${f.path}:${lineOf(f.text, 'bypass-inbound-capture')} warning`]
    expect(at(await findings([f], '1.23', '1.22', f.path, ADDED))).toEqual(warn)
    expect(at(await findings([f, ns('  labels:\n    istio.io/dataplane-mode: ambient\n')], '1.23', '1.22', f.path, ADDED))).toEqual(warn)
    const g = deploy('ambient.istio.io/bypass-inbound-capture', AMBIENT)
    expect(at(await findings([g, ns('')], '1.23', '1.22', g.path, ADDED))).toEqual([`${g.path}:${lineOf(g.text, 'bypass-inbound-capture')} warning`])
  })

  it('is silent when neither the pod nor its Namespace in the repository is ambient', async () => {
    const f = deploy('ambient.istio.io/bypass-inbound-capture')
    expect(await findings([f, ns('')], '1.23', '1.22', f.path, ADDED)).toEqual([])
    expect(await findings([f, ns('  labels:\n    team: a\n')], '1.23', '1.22', f.path, ADDED)).toEqual([])
  })

  it('typo: warns on an ambient pod, silent on a pod ambient never captures', async () => {
    const f = deploy('ambient.istio.io/bypassInboundCapture')
    const warn = [`${f.path}:${lineOf(f.text, 'bypassInboundCapture')} warning`]
    expect(at(await findings([f], '1.24', '1.23', f.path, TYPO))).toEqual(warn)
    expect(at(await findings([f, ns('  labels:\n    istio.io/dataplane-mode: ambient\n')], '1.24', '1.23', f.path, TYPO))).toEqual(warn)
    expect(await findings([f, ns('')], '1.24', '1.23', f.path, TYPO)).toEqual([])
    const sidecar = deploy('ambient.istio.io/bypassInboundCapture', '        sidecar.istio.io/inject: "true"\n')
    expect(await findings([sidecar], '1.24', '1.23', sidecar.path, TYPO)).toEqual([])
  })
})

describe('istio-1.24-ambient-dns-upgrade-order: cni.* overrides the top-level value in the 1.24 cni chart', () => {
  const release = (values: string): File => ({
    path: 'clusters/prod/istio-cni.yaml',
    text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.24.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`
  })
  const ORDER = /the upgrade to Istio 1\.24 must go istio-cni first/

  it('warns when ambient and its DNS capture are on', async () => {
    const f = release('    ambient:\n      enabled: true\n      dnsCapture: true\n')
    expect(at(await findings([f], '1.24', '1.23', f.path, ORDER))).toEqual([`${f.path}:${lineOf(f.text, 'dnsCapture: true')} warning`])
  })

  it('is silent when cni.ambient.enabled: false or cni.ambient.dnsCapture: false wins over the top-level true', async () => {
    const off = release('    ambient:\n      enabled: true\n      dnsCapture: true\n    cni:\n      ambient:\n        enabled: false\n')
    expect(await findings([off], '1.24', '1.23', off.path, ORDER)).toEqual([])
    const noDns = release('    ambient:\n      enabled: true\n      dnsCapture: true\n    cni:\n      ambient:\n        dnsCapture: false\n')
    expect(await findings([noDns], '1.24', '1.23', noDns.path, ORDER)).toEqual([])
  })
})
