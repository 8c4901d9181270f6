// Twenty-eighth audit, helper r28p (docs/audit/catalog-audit-28-r28p.md): the 35 pod-annotation entries after the pod
// scope replaced their hand-copied injector conditions. Each test fails on the entries as they were before (hand copies
// that tested `sidecar.istio.io/inject` for "false" only, opt-outs that missed an unlabelled Namespace, ambient arms
// without a pod's own istio.io/rev or hostNetwork, a mesh-wide Namespace opt-out) and asserts file and line.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const deployment = (o: { namespace?: string; labels?: string[]; annotations: string[]; hostNetwork?: boolean }): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    ...(o.namespace ? [`  namespace: ${o.namespace}`] : []),
    'spec:',
    '  template:',
    '    metadata:',
    ...(o.labels?.length ? ['      labels:', ...o.labels.map((l) => `        ${l}`)] : []),
    '      annotations:',
    ...o.annotations.map((a) => `        ${a}`),
    '    spec:',
    ...(o.hostNetwork ? ['      hostNetwork: true'] : []),
    '      containers:',
    '      - name: app',
    '        image: app',
    ''
  ].join('\n')

const namespace = (name: string, labels: string[]): string =>
  ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, ...(labels.length ? ['  labels:', ...labels.map((l) => `    ${l}`)] : []), ''].join('\n')

/** The findings of one entry on `k8s/deploy.yaml` with the other files as the untouched rest of the repository. */
function inRepository(id: string, text: string, others: Record<string, string>, target: string, from?: string): string[] {
  const file = parseManifestFile('k8s/deploy.yaml', text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: [file], pairingFiles: Object.entries(others).map(([p, t]) => parseManifestFile(p, t)) }
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const settled = new Set(catalogAnalyzer.settle!(found, ctx))
  // The entry's findings: every finding whose source is one of the entry's (the catalog's findings carry no id here).
  const byId = new Set(of(run('k8s/deploy.yaml', text, target, from), id).map((f) => `${f.line}|${f.message}`))
  return at(found.filter((f) => settled.has(f) && byId.has(`${f.line}|${f.message}`)))
}

describe('sidecar entries: the inject label/annotation is off for any value but y/yes/true/on (kind 22)', () => {
  const cases: [id: string, annotation: string, target: string, from?: string][] = [
    ['istio-1.29-annotation-control-characters', 'sidecar.istio.io/proxyCPU: "100m\\t"', '1.29'],
    ['istio-1.30-exclude-interfaces-validation', 'traffic.sidecar.istio.io/excludeInterfaces: "eth0/1"', '1.30'],
    ['istio-1.28-stats-annotations', 'sidecar.istio.io/statsEvictionInterval: 30s', '1.27'],
    ['istio-1.21-extra-stat-tags-deprecated', 'sidecar.istio.io/extraStatTags: foo', '1.21']
  ]
  for (const [id, annotation, target, from] of cases) {
    it(`${id}: quiet with inject "False" or "no", reports with inject "true"`, () => {
      for (const off of ['sidecar.istio.io/inject: "False"', 'sidecar.istio.io/inject: "no"']) {
        expect(of(run('k8s/deploy.yaml', deployment({ labels: [off], annotations: [annotation] }), target, from), id)).toEqual([])
        expect(of(run('k8s/deploy.yaml', deployment({ annotations: [annotation, off] }), target, from), id)).toEqual([])
      }
      const on = deployment({ labels: ['sidecar.istio.io/inject: "true"'], annotations: [annotation] })
      const found = at(of(run('k8s/deploy.yaml', on, target, from), id))
      expect(found.length).toBe(1)
      expect(found[0]).toMatch(new RegExp(`^k8s/deploy\\.yaml:${lineOf(on, annotation.split(':')[0])} `))
    })
  }
})

describe('sidecar entries: a Namespace in another file without injection labels gets no sidecar (kind 20)', () => {
  it('istio-1.29-annotation-control-characters (error): quiet in an unlabelled Namespace, reports in an injected one', () => {
    const id = 'istio-1.29-annotation-control-characters'
    const text = deployment({ namespace: 'apps', annotations: ['sidecar.istio.io/proxyCPU: "100m\\t"'] })
    expect(inRepository(id, text, { 'k8s/ns.yaml': namespace('apps', ['team: payments']) }, '1.29')).toEqual([])
    expect(inRepository(id, text, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: enabled']) }, '1.29')).toEqual([`k8s/deploy.yaml:${lineOf(text, 'proxyCPU')} error`])
  })
  it('istio-1.25-preserve-http1-header-case (proxy config on the pod): quiet in an unlabelled Namespace', () => {
    const id = 'istio-1.25-preserve-http1-header-case'
    const text = deployment({ namespace: 'apps', annotations: ['proxy.istio.io/config: "proxyHeaders: {preserveHttp1HeaderCase: true}"'] })
    const found = inRepository(id, text, {}, '1.24')
    expect(found).toEqual([`k8s/deploy.yaml:${lineOf(text, 'proxy.istio.io/config')} ${found[0]?.split(' ')[1] ?? 'missing'}`])
    expect(found.length).toBe(1)
    expect(inRepository(id, text, { 'k8s/ns.yaml': namespace('apps', []) }, '1.24')).toEqual([])
  })
})

describe('ambient entries: a pod that gets a sidecar or runs on the host network is not captured (kinds 33/35)', () => {
  it('istio-1.25-dns-capture-annotation: a pod labelled ambient that carries its own istio.io/rev label is quiet', () => {
    const id = 'istio-1.25-dns-capture-annotation'
    const ann = 'ambient.istio.io/dns-capture: "true"'
    expect(of(run('k8s/deploy.yaml', deployment({ labels: ['istio.io/dataplane-mode: ambient', 'istio.io/rev: canary'], annotations: [ann] }), '1.24', '1.23'), id)).toEqual([])
    expect(of(run('k8s/deploy.yaml', deployment({ labels: ['istio.io/dataplane-mode: ambient'], annotations: [ann], hostNetwork: true }), '1.24', '1.23'), id)).toEqual([])
    const text = deployment({ labels: ['istio.io/dataplane-mode: ambient'], annotations: [ann] })
    expect(at(of(run('k8s/deploy.yaml', text, '1.24', '1.23'), id))).toEqual([`k8s/deploy.yaml:${lineOf(text, 'dns-capture')} warning`])
  })
  it('istio-1.24-bypass-inbound-capture-annotation and its typo entry: quiet on hostNetwork and in kube-system', () => {
    for (const [id, ann] of [
      ['istio-1.24-bypass-inbound-capture-annotation', 'ambient.istio.io/bypass-inbound-capture: "true"'],
      ['istio-1.24-bypass-inbound-capture-typo', 'ambient.istio.io/bypassInboundCapture: "true"']
    ] as const) {
      const target = id.endsWith('typo') ? '1.24' : '1.23'
      expect(of(run('k8s/deploy.yaml', deployment({ labels: ['istio.io/dataplane-mode: ambient'], annotations: [ann], hostNetwork: true }), target), id)).toEqual([])
      expect(of(run('k8s/deploy.yaml', deployment({ namespace: 'kube-system', labels: ['istio.io/dataplane-mode: ambient'], annotations: [ann] }), target), id)).toEqual([])
      const text = deployment({ labels: ['istio.io/dataplane-mode: ambient'], annotations: [ann] })
      expect(at(of(run('k8s/deploy.yaml', text, target), id))).toEqual([`k8s/deploy.yaml:${lineOf(text, ann.split(':')[0])} warning`])
    }
  })
  it('istio-1.25-reroute-virtual-interfaces-annotation: the ambient arm is quiet on a pod labelled ambient that has its own istio.io/rev', () => {
    const id = 'istio-1.25-reroute-virtual-interfaces-annotation'
    const ann = 'istio.io/reroute-virtual-interfaces: "net1"'
    const rev = deployment({ labels: ['istio.io/dataplane-mode: ambient', 'istio.io/rev: canary'], annotations: [ann] })
    expect(of(run('k8s/deploy.yaml', rev, '1.24'), id).filter((f) => /ambient mode has no way/.test(f.message))).toEqual([])
    const text = deployment({ labels: ['istio.io/dataplane-mode: ambient'], annotations: [ann] })
    expect(at(of(run('k8s/deploy.yaml', text, '1.24'), id))).toEqual([`k8s/deploy.yaml:${lineOf(text, 'reroute-virtual')} warning`])
  })
})

describe('istio-1.29-bypass-inbound-capture-hbone (error): another namespace\'s labels no longer silence it (kind 30)', () => {
  it('an istio-injection: enabled Namespace elsewhere leaves the error on a pod labelled ambient in its own namespace', () => {
    const id = 'istio-1.29-bypass-inbound-capture-hbone'
    const text = deployment({ namespace: 'apps', labels: ['istio.io/dataplane-mode: ambient'], annotations: ['ambient.istio.io/bypass-inbound-capture: "true"'] })
    const line = `k8s/deploy.yaml:${lineOf(text, 'bypass-inbound')} error`
    expect(inRepository(id, text, { 'k8s/legacy.yaml': namespace('legacy', ['istio-injection: enabled']) }, '1.28', '1.27')).toEqual([line])
    // Its own Namespace injecting sidecars does silence it: the pod gets a sidecar, which ztunnel leaves alone.
    expect(inRepository(id, text, { 'k8s/ns.yaml': namespace('apps', ['istio-injection: enabled']) }, '1.28', '1.27')).toEqual([])
  })
})
