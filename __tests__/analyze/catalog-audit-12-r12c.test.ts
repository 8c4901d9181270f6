// Audit 12 (r12c, census of 1.24–1.26 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12c.md. Both are an IstioOperator whose compatibility profile keeps the old
// behaviour, written in the other of the two places istioctl reads it from (spec.compatibilityVersion, or the chart
// value spec.values.compatibilityVersion).
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const iop = (spec: string): File => ({
  path: 'install/istio-operator.yaml',
  text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: ambient\nspec:\n  profile: ambient\n${spec}`
})

describe('istio-1.25-ambient-dns-capture: an IstioOperator keeping the 1.24 profile through spec.compatibilityVersion', () => {
  const DNS = /have their DNS proxied by ztunnel by default/
  it('warns at spec.profile: ambient on the 1.24 → 1.25 upgrade without a compatibility profile', async () => {
    const file = iop('')
    expect(at(await findings([file], '1.25', '1.24', file.path, DNS))).toEqual([`${file.path}:${lineOf(file.text, 'profile: ambient')} warning`])
  })
  for (const spec of ['  compatibilityVersion: "1.24"\n', '  compatibilityVersion: "1.23"\n', '  values:\n    compatibilityVersion: "1.24"\n']) {
    it(`is silent with ${spec.trim().replace(/\n\s*/g, ' ')} (the profile sets ambient.dnsCapture: false)`, async () => {
      const file = iop(spec)
      expect(await findings([file], '1.25', '1.24', file.path, DNS)).toEqual([])
    })
  }
})

describe('istio-1.26-cni-host-network: an IstioOperator keeping the 1.25 profile through spec.values.compatibilityVersion', () => {
  const HOST = /no longer runs in the host network namespace/
  it('notes spec.profile: ambient on the 1.25 → 1.26 upgrade without a compatibility profile', async () => {
    const file = iop('')
    expect(at(await findings([file], '1.26', '1.25', file.path, HOST))).toEqual([`${file.path}:${lineOf(file.text, 'profile: ambient')} notice`])
  })
  for (const spec of ['  compatibilityVersion: "1.25"\n', '  values:\n    compatibilityVersion: "1.25"\n']) {
    it(`is silent with ${spec.trim().replace(/\n\s*/g, ' ')} (the profile sets ambient.shareHostNetworkNamespace: true)`, async () => {
      const file = iop(spec)
      expect(await findings([file], '1.26', '1.25', file.path, HOST)).toEqual([])
    })
  }
})
