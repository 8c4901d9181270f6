// Audit 9 (c9a, entries of 1.20–1.22): the ❌ found in the census, each pinned to file and line.
// See docs/audit/catalog-audit-9-c9a.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const values = (text: string): File => ({ path: 'platform/istiod/values.yaml', text })
const iop = (compat: string): File => ({ path: 'platform/iop.yaml', text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  compatibilityVersion: "${compat}"\n` })

describe('istio-1.22-serviceentry-none-target-port: the mesh-wide opt-out in another file silences it', () => {
  const se: File = {
    path: 'apps/db-se.yaml',
    text: 'apiVersion: networking.istio.io/v1beta1\nkind: ServiceEntry\nmetadata:\n  name: db\nspec:\n  hosts: [db.internal]\n  resolution: NONE\n  ports:\n  - number: 5432\n    name: tcp\n    protocol: TCP\n    targetPort: 6432\n'
  }
  const TP = /honours ports\[\]\.targetPort/
  const line = lineOf(se.text, 'targetPort: 6432')

  it('reports the targetPort without an opt-out, at its line', async () => {
    expect(at(await findings([se], '1.22', '1.21', se.path, TP))).toEqual([`${se.path}:${line} warning`])
  })
  it('is silent with ENABLE_RESOLUTION_NONE_TARGET_PORT=false or compatibilityVersion 1.20/1.21 elsewhere', async () => {
    expect(await findings([se, values('pilot:\n  env:\n    ENABLE_RESOLUTION_NONE_TARGET_PORT: "false"\n')], '1.22', '1.21', se.path, TP)).toEqual([])
    expect(await findings([se, values('compatibilityVersion: "1.21"\n')], '1.23', '1.21', se.path, TP)).toEqual([])
    expect(await findings([se, iop('1.20')], '1.22', '1.21', se.path, TP)).toEqual([])
  })
  it('reports again once the switch or the profile is gone (1.25)', async () => {
    const found = await findings([se, values('pilot:\n  env:\n    ENABLE_RESOLUTION_NONE_TARGET_PORT: "false"\n')], '1.25', '1.21', se.path, TP)
    expect(at(found)).toEqual([`${se.path}:${line} warning`])
    expect(at(await findings([se, values('compatibilityVersion: "1.21"\n')], '1.25', '1.21', se.path, TP))).toEqual([`${se.path}:${line} warning`])
  })
})

describe('istio-1.22-enhanced-resource-scoping: the opt-out in the istiod values silences the mesh ConfigMap finding', () => {
  const mesh: File = {
    path: 'platform/mesh.yaml',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    discoverySelectors:\n    - matchLabels:\n        istio-discovery: enabled\n'
  }
  const ERS = /discoverySelectors also limits/
  it('reports discoverySelectors without an opt-out, at its line', async () => {
    expect(at(await findings([mesh], '1.22', '1.21', mesh.path, ERS))).toEqual([`${mesh.path}:${lineOf(mesh.text, 'discoverySelectors:')} warning`])
  })
  it('is silent with ENABLE_ENHANCED_RESOURCE_SCOPING=false or compatibilityVersion 1.21 in another file', async () => {
    expect(await findings([mesh, values('pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: "false"\n')], '1.22', '1.21', mesh.path, ERS)).toEqual([])
    expect(await findings([mesh, iop('1.21')], '1.22', '1.21', mesh.path, ERS)).toEqual([])
  })
})

describe('istio-1.22-default-zipkin-tracing-removed: a compatibility profile or tracer zipkin in another file silences it', () => {
  const mesh: File = {
    path: 'platform/mesh.yaml',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    enableTracing: true\n'
  }
  const ZK = /no longer sends traces to zipkin/
  it('reports enableTracing alone, at its line', async () => {
    expect(at(await findings([mesh], '1.22', '1.21', mesh.path, ZK))).toEqual([`${mesh.path}:${lineOf(mesh.text, 'enableTracing: true')} warning`])
  })
  it('is silent with compatibilityVersion 1.21 or global.proxy.tracer zipkin in the istiod values', async () => {
    expect(await findings([mesh, values('compatibilityVersion: "1.21"\n')], '1.22', '1.21', mesh.path, ZK)).toEqual([])
    expect(await findings([mesh, values('global:\n  proxy:\n    tracer: zipkin\n')], '1.22', '1.21', mesh.path, ZK)).toEqual([])
  })
})

describe('istio-1.21-bootstrap-xds-agent-removed: a BOOTSTRAP EnvoyFilter alone changes nothing, so it is a notice', () => {
  const ef: File = {
    path: 'mesh/boot.yaml',
    text: 'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: boot\nspec:\n  configPatches:\n  - applyTo: BOOTSTRAP\n    patch:\n      operation: MERGE\n      value:\n        stats_flush_interval: 5s\n'
  }
  it('reports applyTo BOOTSTRAP as a notice at its line, naming the switch it depended on', async () => {
    const found = await findings([ef], '1.21', '1.20', ef.path, /BOOTSTRAP/)
    expect(at(found)).toEqual([`${ef.path}:${lineOf(ef.text, 'applyTo: BOOTSTRAP')} notice`])
    expect(found[0]?.message).toContain('BOOTSTRAP_XDS_AGENT=true')
  })
  it('still warns where the switch was on', async () => {
    const v = values('meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      BOOTSTRAP_XDS_AGENT: "true"\n')
    const found = await findings([ef, v], '1.21', '1.20', v.path, /BOOTSTRAP_XDS_AGENT/)
    expect(at(found)).toEqual([`${v.path}:${lineOf(v.text, 'BOOTSTRAP_XDS_AGENT')} warning`])
  })
})

describe('istio-1.22-inbound-passthrough-flag-removed: LOCALHOST inbound mode in another file silences the false value', () => {
  const v = values('pilot:\n  env:\n    PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"\n')
  const mesh: File = { path: 'platform/mesh.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    inboundTrafficPolicy:\n      mode: LOCALHOST\n' }
  const IP = /not read at all from Istio 1\.22 \(/
  it('warns on the false value alone, at its line', async () => {
    expect(at(await findings([v], '1.22', '1.21', v.path, IP))).toEqual([`${v.path}:${lineOf(v.text, 'PILOT_ENABLE_INBOUND_PASSTHROUGH')} warning`])
  })
  it('is silent when the mesh ConfigMap sets inboundTrafficPolicy.mode LOCALHOST', async () => {
    expect(await findings([v, mesh], '1.22', '1.21', v.path, IP)).toEqual([])
  })
})
