// Thirty-fourth audit, helper r34a (docs/audit/catalog-audit-34-r34a.md): each test fails on the entry as it was before
// the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string | undefined, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

// Enhanced resource scoping only narrows what istiod reads to meshConfig.discoverySelectors (1.22 upgrade notes,
// "Default value of the feature flag ENHANCED_RESOURCE_SCOPING to true"): with no selector anywhere every namespace is
// read on both sides of 1.22, so the misspelt switch changes nothing there and is a notice, not a warning.
describe('istio-1.22-enhanced-resource-scoping-typo: a warning only where discoverySelectors make scoping bite', () => {
  const TYPO = /ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING \(as the 1\.22 change notes spell it\)/
  const iop = (v: string): File => ({
    path: 'istio/iop.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "${v}"\n`
  })
  const selectors: File = {
    path: 'istio/mesh.yaml',
    text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  meshConfig:\n    discoverySelectors:\n    - matchLabels: {istio-discovery: enabled}\n'
  }

  it('false on 1.21 → 1.22 without any selector: a notice at its line, saying nothing changes', async () => {
    const f = iop('false')
    const hits = await findings([f], '1.22', '1.21', f.path, TYPO)
    expect(at(hits)).toEqual([`${f.path}:${lineOf(f.text, 'ENABLE_AUTO')} notice`])
    expect(hits[0]?.message).toMatch(/none are set in this repository, so nothing changes/)
  })

  it('false on 1.21 → 1.22 with selectors in another file: still the warning', async () => {
    const f = iop('false')
    expect(at(await findings([f, selectors], '1.22', '1.21', f.path, TYPO))).toEqual([`${f.path}:${lineOf(f.text, 'ENABLE_AUTO')} warning`])
  })

  it('false with selectors in the same values: the warning, once', async () => {
    const f: File = { path: 'istio/istiod/values.yaml', text: 'pilot:\n  env:\n    ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "false"\nmeshConfig:\n  discoverySelectors:\n  - matchExpressions: [{key: team, operator: Exists}]\n' }
    expect(at(await findings([f], '1.23', '1.21', f.path, TYPO))).toEqual([`${f.path}:${lineOf(f.text, 'ENABLE_AUTO')} warning`])
  })

  it('false with the real switch off in another file stays silent, selectors or not', async () => {
    const f = iop('false')
    const real: File = { path: 'istio/istiod/values.yaml', text: 'pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: "false"\n' }
    expect(await findings([f, real], '1.22', '1.21', f.path, TYPO)).toEqual([])
    expect(await findings([f, real, selectors], '1.22', '1.21', f.path, TYPO)).toEqual([])
  })

  it('true on 1.20 → 1.21 without any selector: a notice; with selectors: the warning', async () => {
    const f = iop('true')
    const line = lineOf(f.text, 'ENABLE_AUTO')
    expect(at(await findings([f], '1.21', '1.20', f.path, TYPO))).toEqual([`${f.path}:${line} notice`])
    expect(at(await findings([f, selectors], '1.21', '1.20', f.path, TYPO))).toEqual([`${f.path}:${line} warning`])
  })
})
