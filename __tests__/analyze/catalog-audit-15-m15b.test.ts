// Audit 15 (m15b, measurement of 16 sampled entries of 1.23–1.25): the ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-15-m15b.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.24-retry-defaults: the opt-out notices stop where Istio 1.27 deletes the switches', () => {
  const values = (name: string): File => ({ path: 'istio/istiod-values.yaml', text: `pilot:\n  env:\n    ${name}: "false"\n` })
  const KEEPS = /is set to false, which keeps/
  for (const name of ['ENABLE_INBOUND_RETRY_POLICY', 'EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY']) {
    it(`notes ${name}=false as the pre-1.24 behaviour on 1.23 → 1.24 and 1.23 → 1.26`, async () => {
      const f = values(name)
      for (const target of ['1.24', '1.26']) {
        expect(at(await findings([f], target, '1.23', f.path, KEEPS))).toEqual([`${f.path}:${lineOf(f.text, name)} notice`])
      }
    })
    it(`no longer claims ${name}=false keeps anything on 1.23 → 1.27 or later (the switch is gone; the removal warning stays)`, async () => {
      const f = values(name)
      for (const target of ['1.27', '1.28', '1.31']) {
        expect(await findings([f], target, '1.23', f.path, KEEPS)).toEqual([])
        expect(at(await findings([f], target, '1.23', f.path, /no longer exists in Istio 1\.27/))).toEqual([`${f.path}:${lineOf(f.text, name)} warning`])
      }
    })
  }
})

describe('istio-1.24-telemetry-cel-attributes: constant tag values are not CEL', () => {
  const telemetry = (body: string): File => ({
    path: 'telemetry/mesh.yaml',
    text: `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: istio-system\nspec:\n${body}`,
  })
  const CEL = /Telemetry CEL expressions must use standard Envoy attributes/
  it('still warns on node.* and the wasm peer attribute in metric tag expressions', async () => {
    const f = telemetry(
      '  metrics:\n  - providers: [{name: prometheus}]\n    overrides:\n    - match: {metric: REQUEST_COUNT}\n      tagOverrides:\n        peer_ns:\n          value: filter_state["wasm.downstream_peer"].namespace\n        cluster:\n          value: node.metadata[\'CLUSTER_ID\']\n',
    )
    expect(at(await findings([f], '1.24', '1.23', f.path, CEL))).toEqual([
      `${f.path}:${lineOf(f.text, 'wasm.downstream_peer')} warning`,
      `${f.path}:${lineOf(f.text, 'node.metadata')} warning`,
    ])
  })
  it('is silent on a tracing customTags literal value that happens to read like an attribute', async () => {
    const f = telemetry(
      '  tracing:\n  - providers: [{name: otel}]\n    customTags:\n      where:\n        literal:\n          value: node.cluster\n      peer:\n        literal:\n          value: istio_responseClass\n',
    )
    expect(await findings([f], '1.24', '1.23', f.path, CEL)).toEqual([])
  })
  it('still warns on a CEL access-log filter next to a literal tag (on the filter line)', async () => {
    const f = telemetry(
      '  tracing:\n  - providers: [{name: otel}]\n    customTags:\n      where:\n        literal:\n          value: node.cluster\n  accessLogging:\n  - providers: [{name: envoy}]\n    filter:\n      expression: node.id == "x"\n',
    )
    expect(at(await findings([f], '1.24', '1.23', f.path, CEL))).toEqual([`${f.path}:${lineOf(f.text, 'node.id')} warning`])
  })
})
