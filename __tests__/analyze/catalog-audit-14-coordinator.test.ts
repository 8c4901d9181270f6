// Fourteenth audit, found by r14c outside its share and fixed by the coordinator: istio-1.25-ambient-dns-capture kept
// taking an older compatibilityVersion in another file as an opt-out on targets that no longer ship that profile.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function dnsCapture(files: readonly File[], target: string, from: string, file: string): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && /DNS proxied by ztunnel/.test(f.message))
}

describe('istio-1.25-ambient-dns-capture: a compatibilityVersion opt-out counts only while its profile ships', () => {
  const namespace: File = { path: 'apps/namespace.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
  const cni = (version: string): File => ({ path: 'platform/cni-values.yaml', text: `profile: ambient\ncompatibilityVersion: "${version}"\n` })
  const label = `${namespace.path}:${lineOf(namespace.text, 'dataplane-mode')} notice`

  it('is silenced by compatibilityVersion 1.24 in another file up to 1.27', async () => {
    expect(await dnsCapture([namespace, cni('1.24')], '1.27', '1.24', namespace.path)).toEqual([])
  })
  it('reports again from 1.28, which no longer ships the 1.24 profile (and 1.22 from 1.26, 1.23 from 1.27)', async () => {
    expect(at(await dnsCapture([namespace, cni('1.24')], '1.28', '1.24', namespace.path))).toEqual([label])
    expect(at(await dnsCapture([namespace, cni('1.22')], '1.26', '1.24', namespace.path))).toEqual([label])
    expect(at(await dnsCapture([namespace, cni('1.23')], '1.27', '1.24', namespace.path))).toEqual([label])
    expect(await dnsCapture([namespace, cni('1.23')], '1.26', '1.24', namespace.path)).toEqual([])
  })
})
