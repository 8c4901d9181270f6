// Audit 15 (m15a, measurement of 14 sampled entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-15-m15a.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const POD_LABEL = /single pod with the istio\.io\/dataplane-mode label/

/** Findings on `file` when a pull request changes only `changed` and the repository holds `repo` besides (read as context). */
async function podLabelFindings(changed: readonly File[], repo: readonly File[], file: string): Promise<Finding[]> {
  const base = repo.length > 0 ? { base: snapshotOf(repo) } : {}
  const result = await runAnalysis({ changes: added(changed), head: snapshotOf([...changed, ...repo]), ...base }, { target: '1.21', from: '1.20', paths: [] })
  return result.findings.filter((f) => f.file === file && POD_LABEL.test(f.message))
}

describe('istio-1.22-pod-dataplane-mode-label: the pod\'s namespace already enrolled in ambient', () => {
  const deployment = (namespace: string, mode: string): File => ({
    path: 'apps/deploy.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n        istio.io/dataplane-mode: ${mode}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`,
  })
  const namespace = (name: string, mode: string): File => ({
    path: `namespaces/${name}.yaml`,
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    istio.io/dataplane-mode: ${mode}\n`,
  })

  it('warns on a pod labelled ambient when nothing enrols its namespace', async () => {
    const d = deployment('apps', 'ambient')
    expect(at(await podLabelFindings([d], [], d.path))).toEqual([`${d.path}:${lineOf(d.text, 'istio.io/dataplane-mode')} warning`])
  })
  it('says nothing when the repository labels the pod\'s namespace ambient (the pod is enrolled on older releases too)', async () => {
    const d = deployment('apps', 'ambient')
    const ns = namespace('apps', 'ambient')
    // The PR touches only the Deployment; the Namespace is read as context, as on a pull request.
    expect(at(await podLabelFindings([d], [ns], d.path))).toEqual([])
    // And the same when both are in the change.
    expect(at(await podLabelFindings([d, ns], [], d.path))).toEqual([])
  })
  it('still warns when the ambient namespace is another one', async () => {
    const d = deployment('apps', 'ambient')
    const ns = namespace('other', 'ambient')
    expect(at(await podLabelFindings([d, ns], [], d.path))).toEqual([`${d.path}:${lineOf(d.text, 'istio.io/dataplane-mode')} warning`])
  })
  it('still warns on a pod labelled none in an ambient namespace (older releases enrol it anyway)', async () => {
    const d = deployment('apps', 'none')
    const ns = namespace('apps', 'ambient')
    expect(at(await podLabelFindings([d, ns], [], d.path))).toEqual([`${d.path}:${lineOf(d.text, 'istio.io/dataplane-mode')} warning`])
  })
})

describe('catalog validation: ownNamespace', () => {
  const entry = (optOut: Record<string, unknown>): CatalogRelease[] => [
    {
      release: '1.22',
      entries: [
        {
          id: 'x-own-namespace',
          change: 'added',
          severity: 'warning',
          since: '1.22',
          message: 'm',
          match: [{ type: 'field', kinds: ['$workload'], paths: ['$podMetadata.labels["istio.io/dataplane-mode"]'], values: ['ambient'], unlessRepository: [optOut] }],
          sources: [{ url: 'https://istio.io/' }],
        },
      ],
    },
  ] as unknown as CatalogRelease[]
  it('accepts it on a field opt-out of kind Namespace and refuses it on an env opt-out (round 40 r40e: field opt-outs of other kinds may carry it too)', () => {
    const ok = validateCatalog(entry({ type: 'field', kinds: ['Namespace'], paths: ['metadata.labels["istio.io/dataplane-mode"]'], values: ['ambient'], ownNamespace: true }))
    expect(ok.filter((p) => /ownNamespace/.test(p))).toEqual([])
    const bad = validateCatalog(entry({ type: 'env', name: 'X', component: 'istiod', values: ['1'], ownNamespace: true }))
    expect(bad.some((p) => /ownNamespace is true on a field opt-out that names its kinds only/.test(p))).toBe(true)
  })
})
