// Seventeenth audit (measurement), helper m17b (docs/audit/catalog-audit-17-m17b.md): one test per fix, each failing
// on the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { run, of, lineOf } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const file = parsed.find((f) => f.path === path)!
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

const ztunnelRelease = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ztunnel
  namespace: istio-system
spec:
  releaseName: istio-ztunnel
  chart:
    spec:
      chart: ztunnel
      version: 1.25.0
  values:
    profile: ambient
`

describe('istio-1.25-ztunnel-resource-names: a renamed ztunnel breaks ambient traffic', () => {
  const id = 'istio-1.25-ztunnel-resource-names'
  it('is an error that names the istiod trust of the ztunnel ServiceAccount', () => {
    const found = of(run('ztunnel.yaml', ztunnelRelease, '1.25', '1.24'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ztunnel.yaml', line: lineOf(ztunnelRelease, 'chart: ztunnel'), severity: 'error' })])
    expect(found[0].message).toContain('CA_TRUSTED_NODE_ACCOUNTS')
    expect(found[0].message).toContain('resourceName: ztunnel')
  })
  it('is quiet when the repository tells istiod the new name (trustedZtunnelName)', () => {
    const istiod = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      version: 1.25.2
  values:
    trustedZtunnelName: istio-ztunnel
`
    const alone = runInRepository({ 'ztunnel.yaml': ztunnelRelease }, 'ztunnel.yaml', '1.25', '1.24').filter((f) => f.rule === 'default-changed' || f.severity === 'error')
    expect(alone).toEqual([expect.objectContaining({ file: 'ztunnel.yaml', line: lineOf(ztunnelRelease, 'chart: ztunnel'), severity: 'error' })])
    const found = runInRepository({ 'ztunnel.yaml': ztunnelRelease, 'istiod.yaml': istiod }, 'ztunnel.yaml', '1.25', '1.24')
    expect(found.filter((f) => f.line === lineOf(ztunnelRelease, 'chart: ztunnel'))).toEqual([])
  })
})

describe('istio-1.24-istio-cni-values-removed: an IstioOperator marking a separate CNI loses it in 1.24', () => {
  const id = 'istio-1.24-istio-cni-values-removed'
  const iop = (extra: string): string => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
  namespace: istio-system
spec:
${extra}  values:
    istio_cni:
      enabled: true
`
  it('warns when neither spec.components.cni nor values.pilot.cni.enabled takes over', () => {
    const text = iop('')
    const found = of(run('iop.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, 'enabled: true'), severity: 'warning' })])
    expect(found[0].message).toContain('pilot.cni.enabled: true')
  })
  it('stays a notice when spec.components.cni.enabled is set in the same IstioOperator', () => {
    const text = iop('  components:\n    cni:\n      enabled: true\n')
    const found = of(run('iop.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, '    istio_cni:') + 1, severity: 'notice' })])
  })
})
