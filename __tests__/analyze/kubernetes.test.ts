import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import { kubernetesMinor } from '../../src/analyze/catalog/kubernetes.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { CATALOG } from '../../src/knowledge/catalog.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'

const release = parseManifestFile('clusters/prod/istiod.yaml', `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
spec:
  chart:
    spec:
      chart: istiod
      version: 1.28.2
`)
const vs = parseManifestFile('apps/vs.yaml', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n')

function check(target: string, kubernetesVersion: string | undefined, files = [vs, release]) {
  const ctx: AnalysisContext = { target: parseRelease(target), files, ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}) }
  return catalogAnalyzer.checkRepository!(ctx)
}

describe('Kubernetes range of the target', () => {
  it('takes each release range from its catalog file', () => {
    const ranges = Object.fromEntries(CATALOG.map((r) => [r.release, `${r.kubernetes.min}-${r.kubernetes.max}`]))
    expect(ranges).toEqual({
      '1.20': '1.25-1.29', '1.21': '1.26-1.29', '1.22': '1.27-1.30', '1.23': '1.27-1.30', '1.24': '1.28-1.31', '1.25': '1.29-1.32',
      '1.26': '1.29-1.33', '1.27': '1.29-1.33', '1.28': '1.29-1.34', '1.29': '1.31-1.35', '1.30': '1.32-1.36', '1.31': '1.32-1.36'
    })
  })

  it.each(['1.29', '1.34', 'v1.31.4', '1.30.2-eks-7f4b2a1'])('accepts Kubernetes %s for Istio 1.28', (k) => {
    expect(check('1.28', k)).toEqual([])
  })

  it('reports an older cluster as an error on the line that pins the Istio version', () => {
    expect(check('1.28', '1.28.9')).toEqual([expect.objectContaining({
      rule: 'kubernetes-version-unsupported', severity: 'error', file: 'clusters/prod/istiod.yaml', line: 9,
      message: expect.stringContaining('Istio 1.28 supports Kubernetes 1.29 to 1.34; the cluster runs 1.28.9')
    })])
  })

  it('reports a newer cluster as a warning', () => {
    expect(check('1.29', '1.36')).toEqual([expect.objectContaining({ severity: 'warning', file: 'clusters/prod/istiod.yaml', line: 9 })])
  })

  it('anchors on the first Istio document when nothing pins the version', () => {
    expect(check('1.31', '1.30', [vs])).toEqual([expect.objectContaining({ severity: 'error', file: 'apps/vs.yaml', line: 1 })])
  })

  it('says nothing without a Kubernetes version, for an unreadable one, or without files', () => {
    expect(check('1.28', undefined)).toEqual([])
    expect(check('1.28', 'latest')).toEqual([])
    expect(check('1.28', '1.20', [])).toEqual([])
  })

  it('reads the minor of common version spellings', () => {
    expect(kubernetesMinor('1.33')).toBe(33)
    expect(kubernetesMinor('v1.30.2+k3s1')).toBe(30)
    expect(kubernetesMinor('2.0')).toBeUndefined()
  })
})
