// Thirty-sixth audit (census), helper r36c (docs/audit/catalog-audit-36-r36c.md): each test fails on the entry as it
// was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const istiodRelease = [
  'apiVersion: helm.toolkit.fluxcd.io/v2',
  'kind: HelmRelease',
  'metadata:',
  '  name: istiod',
  '  namespace: istio-system',
  'spec:',
  '  chart:',
  '    spec:',
  '      chart: istiod',
  '  values:',
  '    pilot:',
  '      env:',
  '        ENABLE_CLUSTER_TRUST_BUNDLE_API: "true"',
  ''
].join('\n')

describe('istio-1.27-cluster-trust-bundle-v1beta1 (r36c)', () => {
  const id = 'istio-1.27-cluster-trust-bundle-v1beta1'
  const line = lineOf(istiodRelease, 'ENABLE_CLUSTER_TRUST_BUNDLE_API')

  it('reports nothing on an upgrade from 1.25, which never read ENABLE_CLUSTER_TRUST_BUNDLE_API (no v1alpha1 use to change)', () => {
    expect(of(run('istiod.yaml', istiodRelease, '1.27', '1.25'), id)).toEqual([])
    expect(of(run('istiod.yaml', istiodRelease, '1.28', '1.24.3'), id)).toEqual([])
  })

  it('still warns on an upgrade from 1.26, where the variable turned on the v1alpha1 ClusterTrustBundle', () => {
    expect(at(of(run('istiod.yaml', istiodRelease, '1.27', '1.26'), id))).toEqual([`istiod.yaml:${line} warning`])
    expect(at(of(run('istiod.yaml', istiodRelease, '1.27.2', '1.26.3'), id))).toEqual([`istiod.yaml:${line} warning`])
  })
})

const autoScoping = (withSelectors: boolean): string =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istiod',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    '  values:',
    ...(withSelectors ? ['    meshConfig:', '      discoverySelectors:', '      - matchLabels:', '          istio-discovery: enabled'] : []),
    '    pilot:',
    '      env:',
    '        ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "false"',
    ''
  ].join('\n')

describe('istio-1.25-scoping-and-target-port-opt-outs-removed, misspelt ENABLE_AUTO_ variable (r36c)', () => {
  const id = 'istio-1.25-scoping-and-target-port-opt-outs-removed'

  it('is only a notice without discoverySelectors: the variable was never read and scoping changes nothing without them', () => {
    const text = autoScoping(false)
    const found = at(of(run('istiod.yaml', text, '1.25', '1.24'), id))
    expect(found).toContain(`istiod.yaml:${lineOf(text, 'ENABLE_AUTO_ENHANCED')} notice`)
    expect(found.filter((f) => !f.endsWith(' notice'))).toEqual([])
  })

  it('still warns where discoverySelectors are set', () => {
    const text = autoScoping(true)
    expect(at(of(run('istiod.yaml', text, '1.25', '1.24'), id))).toContain(`istiod.yaml:${lineOf(text, 'ENABLE_AUTO_ENHANCED')} warning`)
  })
})
