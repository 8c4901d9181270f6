// Audit 24 (r24d, census of 1.26/1.27 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-24-r24d.md.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.27-cni-owned-config-filename-typo: the Istio-owned CNI config exists only with ambient and chained CNI on', () => {
  const ID = 'istio-1.27-cni-owned-config-filename-typo'
  const release = (values: string): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.27.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`
  const typo = '    istioOwnedCNIConfig: true\n    istioOwnedCNIConfigFilename: 00-istio.conflist\n'

  it('ambient off (no profile, no ambient.enabled): no Istio-owned file is written, so the entry is quiet', () => {
    expect(of(run('istio/cni.yaml', release(typo), '1.27'), ID)).toEqual([])
    expect(of(run('istio/cni.yaml', release(typo), '1.29'), ID)).toEqual([])
  })

  it('profile ambient with ambient.enabled: false (the explicit value wins over the profile): quiet', () => {
    const text = release('    profile: ambient\n    ambient:\n      enabled: false\n' + typo)
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })

  it('profile ambient with chained: false (standalone plugin): quiet', () => {
    const text = release('    profile: ambient\n    chained: false\n' + typo)
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })

  it('ambient.enabled: true overridden by cni.ambient.enabled: false (the cni. form is applied last): quiet', () => {
    const text = release('    ambient:\n      enabled: true\n    cni:\n      ambient:\n        enabled: false\n' + typo)
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })

  it('ambient on (profile ambient, ambient.enabled: true, or the cni. form): a warning at the typo', () => {
    for (const on of ['    profile: ambient\n', '    ambient:\n      enabled: true\n', '    global:\n      profile: ambient\n']) {
      const text = release(on + typo)
      expect(at(of(run('istio/cni.yaml', text, '1.27'), ID))).toEqual([`istio/cni.yaml:${lineOf(text, 'istioOwnedCNIConfigFilename')} warning`])
    }
    const cni = release('    cni:\n      ambient:\n        enabled: true\n      istioOwnedCNIConfig: true\n      istioOwnedCNIConfigFilename: 00-istio.conflist\n')
    expect(at(of(run('istio/cni.yaml', cni, '1.27'), ID))).toEqual([`istio/cni.yaml:${lineOf(cni, 'istioOwnedCNIConfigFilename')} warning`])
  })
})
