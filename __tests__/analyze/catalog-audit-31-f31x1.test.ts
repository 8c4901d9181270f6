// Thirty-first audit, helper f31x1 (docs/audit/catalog-audit-31-m31c.md, entry 2): istio-1.25-ztunnel-resource-names
// erred although resourceName: ztunnel was set through Argo CD helm.parameters (Helm --set) or through a Flux
// valuesFrom ConfigMap. Each test fails on the engine as it was before the fix and asserts file and line.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const id = 'istio-1.25-ztunnel-resource-names'
const at = (found: ReturnType<typeof run>): [string, number, string][] => of(found, id).map((f) => [f.file, f.line, f.severity])

const argo = (helm: string[], sources = false): string =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: ztunnel-app',
    '  namespace: argocd',
    'spec:',
    '  destination: {namespace: istio-system, server: https://kubernetes.default.svc}',
    '  project: default',
    ...(sources ? ['  sources:', '  - repoURL: https://istio-release.storage.googleapis.com/charts'] : ['  source:', '    repoURL: https://istio-release.storage.googleapis.com/charts']),
    '    chart: ztunnel',
    '    targetRevision: 1.25.1',
    ...(helm.length ? ['    helm:', ...helm.map((l) => `      ${l}`)] : []),
    ''
  ].join('\n')

const flux = (tail: string[]): string =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: ztunnel-prod',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: ztunnel',
    '      version: 1.25.1',
    '      sourceRef: {kind: HelmRepository, name: istio}',
    ...tail,
    ''
  ].join('\n')

describe(`${id} (round 31 m31c ❌ → f31x1)`, () => {
  it('Argo CD helm.parameters resourceName=ztunnel (the upgrade note’s --set) gives nothing at 1.25.0 and 1.25.1', () => {
    const text = argo(['parameters:', '- name: resourceName', '  value: ztunnel'])
    expect(at(run('argocd/ztunnel.yaml', text, '1.25.1', '1.24'))).toEqual([])
    expect(at(run('argocd/ztunnel.yaml', text, '1.25.0', '1.24'))).toEqual([])
  })

  it('spec.sources[].helm.parameters and global.resourceName count too; a parameter wins over valuesObject', () => {
    expect(at(run('argocd/ztunnel.yaml', argo(['parameters:', '- name: resourceName', '  value: ztunnel'], true), '1.25.1', '1.24'))).toEqual([])
    expect(at(run('argocd/ztunnel.yaml', argo(['parameters:', '- {name: global.resourceName, value: ztunnel, forceString: true}']), '1.25.1', '1.24'))).toEqual([])
    expect(at(run('argocd/ztunnel.yaml', argo(['valuesObject: {resourceName: other}', 'parameters:', '- name: resourceName', '  value: ztunnel']), '1.25.1', '1.24'))).toEqual([])
  })

  it('still errs on the chart line when parameters set something else or another name', () => {
    for (const text of [argo([]), argo(['parameters:', '- name: resourceName', '  value: ztunnel-prod']), argo(['parameters:', '- name: profile', '  value: ambient'])]) {
      expect(at(run('argocd/ztunnel.yaml', text, '1.25.1', '1.24'))).toEqual([['argocd/ztunnel.yaml', lineOf(text, 'chart: ztunnel'), 'error']])
    }
    const sources = argo(['parameters:', '- name: resourceName', '  value: ztunnel-prod'], true)
    expect(at(run('argocd/ztunnel.yaml', sources, '1.25.1', '1.24'))).toEqual([['argocd/ztunnel.yaml', lineOf(sources, 'chart: ztunnel'), 'error']])
  })

  it('a Flux HelmRelease with valuesFrom (values out of sight) gives nothing; without it the error stays on the chart line', () => {
    const from = flux(['  valuesFrom:', '  - kind: ConfigMap', '    name: ztunnel-values'])
    expect(at(run('flux/ztunnel.yaml', from, '1.25.1', '1.24'))).toEqual([])
    expect(at(run('flux/ztunnel.yaml', flux(['  values: {profile: ambient}', '  valuesFrom:', '  - {kind: Secret, name: ztunnel-values, valuesKey: extra.yaml}']), '1.25.0', '1.24'))).toEqual([])
    const plain = flux(['  values: {profile: ambient}'])
    expect(at(run('flux/ztunnel.yaml', plain, '1.25.1', '1.24'))).toEqual([['flux/ztunnel.yaml', lineOf(plain, 'chart: ztunnel'), 'error']])
    // An empty valuesFrom list brings no values.
    const empty = flux(['  valuesFrom: []'])
    expect(at(run('flux/ztunnel.yaml', empty, '1.25.1', '1.24'))).toEqual([['flux/ztunnel.yaml', lineOf(empty, 'chart: ztunnel'), 'error']])
  })
})

describe('helmValue `where … absent` with Flux valuesFrom and Argo CD parameters (istio-1.22-istio-cni-values-deprecated)', () => {
  const cniId = 'istio-1.22-istio-cni-values-deprecated'
  const warnings = (found: ReturnType<typeof run>): [string, number][] => of(found, cniId).filter((f) => f.severity === 'warning' && f.path?.endsWith('chained')).map((f) => [f.file, f.line])
  const istiod = (tail: string[]): string =>
    [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: istiod, namespace: istio-system}',
      'spec:',
      '  chart: {spec: {chart: istiod, version: 1.22.0, sourceRef: {kind: HelmRepository, name: istio}}}',
      '  values:',
      '    istio_cni:',
      '      enabled: true',
      '      chained: false',
      ...tail,
      ''
    ].join('\n')
  it('no warning when valuesFrom may set pilot.cni.provider (wanted absent); without valuesFrom the warning is on the value line', () => {
    expect(warnings(run('flux/istiod.yaml', istiod(['  valuesFrom:', '  - {kind: ConfigMap, name: istiod-values}']), '1.22', '1.21'))).toEqual([])
    const plain = istiod([])
    expect(warnings(run('flux/istiod.yaml', plain, '1.22', '1.21'))).toEqual([['flux/istiod.yaml', lineOf(plain, 'chained: false')]])
  })
  it('an Argo CD parameter pilot.cni.provider=multus counts as set', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: {name: istiod, namespace: argocd}',
      'spec:',
      '  source:',
      '    repoURL: https://istio-release.storage.googleapis.com/charts',
      '    chart: istiod',
      '    helm:',
      '      valuesObject:',
      '        istio_cni:',
      '          enabled: true',
      '          chained: false',
      '      parameters:',
      '      - {name: pilot.cni.provider, value: multus}',
      ''
    ].join('\n')
    expect(warnings(run('argocd/istiod.yaml', text, '1.22', '1.21'))).toEqual([])
    const without = text.replace(/      parameters:\n.*\n/, '')
    expect(warnings(run('argocd/istiod.yaml', without, '1.22', '1.21'))).toEqual([['argocd/istiod.yaml', lineOf(without, 'chained: false')]])
  })
})
