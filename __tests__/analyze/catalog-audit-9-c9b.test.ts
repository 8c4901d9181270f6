// Ninth audit (second census) of the entries in helper c9b's list (docs/audit/catalog-audit-9-c9b.md). Each test
// fails on the entry as it stood before this audit and passes on the fixed one; every expected finding is pinned to
// its file and line.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { runAnalysis, type Snapshot } from '../../src/pipeline.js'

/** Helm values of the istiod chart with these pilot.env lines. */
const values = (env: Record<string, string>): string =>
  `pilot:\n  env:\n${Object.entries(env).map(([k, v]) => `    ${k}: "${v}"\n`).join('')}`
const FILE = 'istio/values.yaml'
const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

describe('audit 9 (c9b): an explicit new default of a flipped switch is quiet, only its opt-out value is reported', () => {
  const cases: [id: string, name: string, since: string, from: string][] = [
    ['istio-1.23-deferred-cluster-creation', 'ENABLE_DEFERRED_CLUSTER_CREATION', '1.23', '1.22'],
    ['istio-1.24-retry-defaults', 'ENABLE_INBOUND_RETRY_POLICY', '1.24', '1.23'],
    ['istio-1.24-retry-defaults', 'EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY', '1.24', '1.23'],
    ['istio-1.24-unified-sidecar-scope', 'PILOT_UNIFIED_SIDECAR_SCOPE', '1.24', '1.23'],
    ['istio-1.24-destination-rule-merge', 'ENABLE_ENHANCED_DESTINATIONRULE_MERGE', '1.24', '1.23'],
    ['istio-1.24-prefer-destination-rule-tls', 'PREFER_DESTINATIONRULE_TLS_FOR_EXTERNAL_SERVICES', '1.24', '1.23']
  ]
  for (const [id, name, since, from] of cases) {
    it(`${id}: ${name} "true" (the ${since} default) changes nothing and is quiet; "false" keeps the old behaviour and is a notice at its line`, () => {
      const onText = name === 'ENABLE_DEFERRED_CLUSTER_CREATION'
        ? `meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      ${name}: "true"\n`
        : values({ [name]: 'true' })
      expect(of(run(FILE, onText, since, from), id)).toEqual([])
      const offText = onText.replace('"true"', '"false"')
      const found = of(run(FILE, offText, since, from), id)
      expect(at(found)).toEqual([[FILE, lineOf(offText, name), 'notice']])
      expect(found[0]?.message).toContain('false')
    })
  }
})

describe('audit 9 (c9b): istio-1.22-new-istiod-env reports only values that older releases would need to honour', () => {
  const ID = 'istio-1.22-new-istiod-env'
  it('the documented defaults (GatewayClass istio, controller istio.io/gateway-controller, metrics access not limited) are quiet on 1.21', () => {
    const defaults = values({
      PILOT_GATEWAY_API_DEFAULT_GATEWAYCLASS_NAME: 'istio',
      PILOT_GATEWAY_API_CONTROLLER_NAME: 'istio.io/gateway-controller',
      METRICS_LOCALHOST_ACCESS_ONLY: 'false'
    })
    expect(of(run(FILE, defaults, '1.21'), ID)).toEqual([])
  })
  it('custom names and the localhost-only switch are ignored before 1.22: a warning at each line, none on 1.22', () => {
    const custom = values({
      PILOT_GATEWAY_API_DEFAULT_GATEWAYCLASS_NAME: 'mesh',
      PILOT_GATEWAY_API_CONTROLLER_NAME: 'example.com/mesh-controller',
      METRICS_LOCALHOST_ACCESS_ONLY: 'true'
    })
    const found = of(run(FILE, custom, '1.21'), ID)
    expect(at(found)).toEqual([
      [FILE, lineOf(custom, 'PILOT_GATEWAY_API_DEFAULT_GATEWAYCLASS_NAME'), 'warning'],
      [FILE, lineOf(custom, 'PILOT_GATEWAY_API_CONTROLLER_NAME'), 'warning'],
      [FILE, lineOf(custom, 'METRICS_LOCALHOST_ACCESS_ONLY'), 'warning']
    ])
    expect(of(run(FILE, custom, '1.22'), ID)).toEqual([])
  })
})

describe('audit 9 (c9b): a compatibilityVersion keeps the pre-1.24 Sidecar scoping and DestinationRule merging only while its profile ships', () => {
  interface File { path: string; text: string }
  const snapshotOf = (files: readonly File[]): Snapshot => {
    const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
    return {
      list: async () => [...contents.keys()],
      read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array]))
    }
  }
  const added = (files: readonly File[]) => ({ source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) })
  const sidecar: File = { path: 'apps/sidecar.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: apps\nspec:\n  egress:\n  - hosts: ["./*"]\n' }
  const dr: File = { path: 'apps/dr.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\n  namespace: apps\nspec:\n  host: r.apps.svc.cluster.local\n  exportTo:\n  - "."\n' }
  const values: File = { path: 'platform/istiod/values.yaml', text: 'compatibilityVersion: "1.23"\n' }
  async function found(target: string): Promise<string[]> {
    const files = [sidecar, dr, values]
    const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from: '1.23', paths: [] })
    return result.findings
      .filter((f) => /Sidecar no longer changes|no longer merged when their exportTo differ/.test(f.message))
      .map((f) => `${f.file}:${f.line} ${f.severity}`)
  }
  it('compatibilityVersion 1.23 silences both on 1.24–1.26, which ship its profile', async () => {
    expect(await found('1.24')).toEqual([])
    expect(await found('1.26')).toEqual([])
  })
  it('from 1.27 the 1.23 profile is gone, so both are reported at their lines again', async () => {
    expect(await found('1.27')).toEqual([
      `apps/dr.yaml:${lineOf(dr.text, '- "."')} notice`,
      `apps/sidecar.yaml:${lineOf(sidecar.text, 'apiVersion:')} notice`
    ].sort())
  })
})

describe('audit 9 (c9b): istio-1.24-retry-defaults is quiet where the 503 opt-out is set anywhere in the repository', () => {
  const mesh = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultHttpRetryPolicy:\n      attempts: 2\n'
  const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  compatibilityVersion: "1.23"\n  meshConfig:\n    defaultHttpRetryPolicy:\n      attempts: 2\n'
  it('reports the mesh ConfigMap alone at the policy line', () => {
    const found = of(run('mesh/istio.yaml', mesh, '1.24', '1.23'), 'istio-1.24-retry-defaults')
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`mesh/istio.yaml:${lineOf(mesh, 'defaultHttpRetryPolicy:')} warning`])
  })
  it('an IstioOperator with spec.compatibilityVersion 1.23 keeps the 503 retry on 1.24 (quiet) but not on 1.27, where that profile is gone', async () => {
    const files = [{ path: 'iop.yaml', text: iop }]
    const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
    const head: Snapshot = { list: async () => [...contents.keys()], read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array])) }
    const changes = { source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
    const at = async (target: string) => (await runAnalysis({ changes, head }, { target, from: '1.23', paths: [] })).findings.filter((f) => /retryOn/.test(f.message)).map((f) => `${f.file}:${f.line}`)
    expect(await at('1.24')).toEqual([])
    expect(await at('1.27')).toEqual([`iop.yaml:${lineOf(iop, 'defaultHttpRetryPolicy:')}`])
  })
  it('EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY=false in the istiod values of another file silences the mesh ConfigMap', async () => {
    interface File { path: string; text: string }
    const files: File[] = [{ path: 'mesh/istio.yaml', text: mesh }, { path: 'platform/istiod/values.yaml', text: 'pilot:\n  env:\n    EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY: "false"\n' }]
    const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
    const head: Snapshot = { list: async () => [...contents.keys()], read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array])) }
    const changes = { source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
    const result = await runAnalysis({ changes, head }, { target: '1.24', from: '1.23', paths: [] })
    expect(result.findings.filter((f) => f.file === 'mesh/istio.yaml' && /retryOn/.test(f.message)).map((f) => `${f.file}:${f.line}`)).toEqual([])
  })
})
