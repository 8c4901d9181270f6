// Thirty-sixth audit (census), helper r36f (docs/audit/catalog-audit-36-r36f.md): each test fails on the entry as it
// was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const ID = 'istio-1.30-cni-exclude-namespaces'

const cniRelease = (values: string[]): string =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istio-cni',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: cni',
    '      sourceRef: {kind: HelmRepository, name: istio}',
    '  values:',
    ...values.map((v) => `    ${v}`),
    ''
  ].join('\n')

describe('istio-1.30-cni-exclude-namespaces (r36f)', () => {
  // charts/cni/1.30.0/templates/zzy_descope_legacy.yaml copies cni.* over the top level after the profile: a non-empty
  // cni.excludeNamespaces replaces the top-level list, so only its namespaces are excluded.
  it('does not report a top-level excludeNamespaces that cni.excludeNamespaces replaces', () => {
    const text = cniRelease(['profile: ambient', 'excludeNamespaces: [kube-system, legacy]', 'cni:', '  excludeNamespaces: [kube-system]'])
    expect(at(of(run('cni.yaml', text, '1.30.0', '1.29.0'), ID))).toEqual([])
  })

  it('reports the cni.excludeNamespaces list that is in force instead', () => {
    const text = cniRelease(['ambient: {enabled: true}', 'excludeNamespaces: [kube-system, legacy]', 'cni:', '  excludeNamespaces: [kube-system, other]'])
    expect(at(of(run('cni.yaml', text, '1.30.0', '1.29.0'), ID))).toEqual([`cni.yaml:${lineOf(text, 'other]')} warning`])
  })

  it('still reports the top-level list when cni.excludeNamespaces is empty (an empty list replaces nothing)', () => {
    const text = cniRelease(['profile: ambient', 'excludeNamespaces: [kube-system, legacy]', 'cni:', '  excludeNamespaces: []'])
    expect(at(of(run('cni.yaml', text, '1.30.0', '1.29.0'), ID))).toEqual([`cni.yaml:${lineOf(text, 'legacy]')} warning`])
  })

  it('keeps reporting the plain ambient profile, and cni.ambient.enabled true, on 1.30 only', () => {
    const profile = cniRelease(['profile: ambient', 'excludeNamespaces: [kube-system, legacy]'])
    expect(at(of(run('cni.yaml', profile, '1.30.0', '1.29.0'), ID))).toEqual([`cni.yaml:${lineOf(profile, 'legacy]')} warning`])
    expect(at(of(run('cni.yaml', profile, '1.29.0', '1.28.0'), ID))).toEqual([])
    const cniAmbient = cniRelease(['excludeNamespaces: [kube-system, legacy]', 'cni:', '  ambient: {enabled: true}'])
    expect(at(of(run('cni.yaml', cniAmbient, '1.30.0', '1.29.0'), ID))).toEqual([`cni.yaml:${lineOf(cniAmbient, 'legacy]')} warning`])
  })
})
