// Audit 13 (m13b, measurement of 16 sampled 1.23–1.25 entries): the one ❌, pinned to file, line and severity.
// See docs/audit/catalog-audit-13-m13b.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function operatorFindings(files: readonly File[], target: string, from?: string): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => /in-cluster operator/.test(f.message))
}
const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)

const iop = (annotations = ''): File => ({
  path: 'platform/istio/iop.yaml',
  text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\n${annotations}spec:\n  profile: default\n  tag: 1.24.0\n`,
})
const kustomization: File = { path: 'platform/istio/kustomization.yaml', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- iop.yaml\n' }

describe('istio-1.24-in-cluster-operator-removed: an IstioOperator the repository applies is silently ignored from 1.24 (warning)', () => {
  it('warns on the upgrade that crosses 1.24 and on later targets, on the apiVersion line', async () => {
    const file = iop()
    const line = lineOf(file.text, 'apiVersion:')
    for (const [target, from] of [['1.24', '1.23'], ['1.24', undefined], ['1.25', '1.24'], ['1.28', undefined]] as const) {
      const found = await operatorFindings([file, kustomization], target, from)
      expect(at(found)).toEqual([`platform/istio/iop.yaml:${line} removed-feature warning`])
      expect(found[0].message).toContain('applying this one installs or changes nothing')
    }
  })

  it('keeps the 1.23 deprecation a notice (the operator still reconciles the object there)', async () => {
    const file = iop()
    expect(at(await operatorFindings([file, kustomization], '1.23', '1.22'))).toEqual([`platform/istio/iop.yaml:${lineOf(file.text, 'apiVersion:')} deprecated notice`])
  })

  it('says nothing on an istioctl input nothing applies, nor on one marked local-config', async () => {
    expect(await operatorFindings([iop()], '1.24', '1.23')).toEqual([])
    expect(await operatorFindings([iop('  annotations:\n    config.kubernetes.io/local-config: "true"\n'), kustomization], '1.24', '1.23')).toEqual([])
  })
})
