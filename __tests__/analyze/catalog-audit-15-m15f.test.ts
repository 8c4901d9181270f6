// Audit 15 (m15f, measurement of 6 sampled entries of 1.31): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-15-m15f.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { lineOf, of, run } from '../support/catalog-run.js'

const id = 'istio-1.31-gcp-hosting-deprecated'
const at = (fs: readonly Finding[]) => fs.map((f) => [f.file, f.line, f.severity])

const application = (revision: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istiod
  namespace: argocd
spec:
  project: default
  destination:
    namespace: istio-system
  source:
    repoURL: https://istio-release.storage.googleapis.com/charts
    chart: istiod
    targetRevision: ${revision}
`

const applicationSources = (revision: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istio-cni
  namespace: argocd
spec:
  project: default
  destination:
    namespace: kube-system
  sources:
  - repoURL: https://istio-release.storage.googleapis.com/charts
    chart: cni
    targetRevision: ${revision}
`

const kustomization = (version: string) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
helmCharts:
- name: istiod
  repo: https://istio-release.storage.googleapis.com/charts
  version: ${version}
  releaseName: istiod
  namespace: istio-system
`

describe('istio-1.31-gcp-hosting-deprecated: a pinned 1.31 chart cannot be fetched from istio-release.storage.googleapis.com', () => {
  it('errs on an Application whose source pins a 1.31 chart there, with the blob.istio.io fix', () => {
    const text = application('1.31.1')
    const found = of(run('apps/istiod.yaml', text, '1.31'), id)
    expect(at(found)).toEqual([['apps/istiod.yaml', lineOf(text, 'repoURL'), 'error']])
    expect(found[0]?.message).toMatch(/cannot be fetched/)
    expect(found[0]?.fix?.edits[0]?.replacement).toBe('    repoURL: https://blob.istio.io/istio-release/charts')
  })
  it('errs on an Application source list item that pins a 1.31 chart there', () => {
    const text = applicationSources('1.31.0')
    expect(at(of(run('apps/cni.yaml', text, '1.31'), id))).toEqual([['apps/cni.yaml', lineOf(text, 'repoURL'), 'error']])
  })
  it('errs on a Kustomization helmCharts item that pins a 1.31 chart there', () => {
    const text = kustomization('1.31.1')
    const found = of(run('istio/kustomization.yaml', text, '1.31'), id)
    expect(at(found)).toEqual([['istio/kustomization.yaml', lineOf(text, 'repo:'), 'error']])
  })
  it('still only warns when the pinned revision is an older chart that is hosted there until the shutdown', () => {
    const a = application('1.30.3')
    expect(at(of(run('apps/istiod.yaml', a, '1.31'), id))).toEqual([['apps/istiod.yaml', lineOf(a, 'repoURL'), 'warning']])
    const s = applicationSources('1.29.8')
    expect(at(of(run('apps/cni.yaml', s, '1.31'), id))).toEqual([['apps/cni.yaml', lineOf(s, 'repoURL'), 'warning']])
    const k = kustomization('1.30.5')
    expect(at(of(run('istio/kustomization.yaml', k, '1.31'), id))).toEqual([['istio/kustomization.yaml', lineOf(k, 'repo:'), 'warning']])
  })
  it('is quiet before 1.31 (the deprecation starts there)', () => {
    expect(of(run('apps/istiod.yaml', application('1.31.1'), '1.30'), id)).toEqual([])
    expect(of(run('istio/kustomization.yaml', kustomization('1.31.1'), '1.30'), id)).toEqual([])
  })
})
