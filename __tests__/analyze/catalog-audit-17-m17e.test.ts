// Audit 17 (m17e, a measurement of 10 sampled 1.30 entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-17-m17e.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(files: readonly File[], target: string, from: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => pattern.test(f.message))
}

describe('istio-1.30-exclude-interfaces-validation: pods the injector never sees are not rejected', () => {
  const EXCLUDE = /excludeInterfaces only accepts valid Linux interface names/
  const deployment: File = {
    path: 'apps/deploy.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n      annotations:\n        traffic.sidecar.istio.io/excludeInterfaces: "eth0 -d 10.0.0.50 -p tcp"\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`
  }
  const line = lineOf(deployment.text, 'excludeInterfaces')
  const namespace = (labels: string): File => ({
    path: 'apps/namespace.yaml',
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n${labels}`
  })

  it('an ambient namespace without an injection label: no sidecar injection, so nothing validates the annotation', async () => {
    const ns = namespace('    istio.io/dataplane-mode: ambient\n')
    expect(at(await findings([deployment, ns], '1.30', '1.29', EXCLUDE))).toEqual([])
  })

  it('an ambient namespace of another name keeps the error on this one', async () => {
    const other: File = { path: 'other/namespace.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
    expect(at(await findings([deployment, other], '1.30', '1.29', EXCLUDE))).toEqual([`apps/deploy.yaml:${line} error`])
  })

  it('an ambient-labelled namespace that still injects sidecars (istio-injection or istio.io/rev) keeps the error', async () => {
    const injected = namespace('    istio.io/dataplane-mode: ambient\n    istio-injection: enabled\n')
    expect(at(await findings([deployment, injected], '1.30', '1.29', EXCLUDE))).toEqual([`apps/deploy.yaml:${line} error`])
    const revision = namespace('    istio.io/dataplane-mode: ambient\n    istio.io/rev: canary\n')
    expect(at(await findings([deployment, revision], '1.30', '1.29', EXCLUDE))).toEqual([`apps/deploy.yaml:${line} error`])
  })

  it('the Deployment alone still gets the error', async () => {
    expect(at(await findings([deployment], '1.30', '1.29', EXCLUDE))).toEqual([`apps/deploy.yaml:${line} error`])
  })
})
