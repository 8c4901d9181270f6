// Audit 15 (m15c, measurement of 12 sampled entries of 1.26–1.27): both ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-15-m15c.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { added, snapshotOf, type File } from '../support/snapshot.js'

const LIGHTSTEP = /removed the Lightstep tracing provider/

async function lightstep(files: readonly File[], target = '1.27', from = '1.26', changed?: readonly File[]): Promise<Finding[]> {
  const result = await runAnalysis(
    { changes: added(changed ?? files), head: snapshotOf(files) },
    { target, from, paths: changed ? changed.map((f) => f.path) : [], ...(changed ? { contextPaths: ['**/*.yaml'] } : {}) }
  )
  return result.findings.filter((f) => LIGHTSTEP.test(f.message))
}

describe('istio-1.27-lightstep-provider-removed: a tracing entry with disableSpanReporting: true builds no tracer', () => {
  // istiod merges disableSpanReporting into the tracing spec and returns before it looks at the spec's provider
  // (pilot/pkg/model/telemetry.go, pilot/pkg/networking/core/tracing.go), so the removal changes nothing there.
  const mesh: File = {
    path: 'istio/mesh.yaml',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    extensionProviders:\n    - name: ls\n      lightstep:\n        address: ingest.lightstep.com:443\n        accessToken: abc\n'
  }
  const telemetry = (tracing: string, name = 'mesh-default', namespace = 'istio-system'): File => ({
    path: `istio/telemetry-${name}.yaml`,
    text: `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  tracing:\n${tracing}`
  })
  const providerLine = `${mesh.path}:${lineOf(mesh.text, 'lightstep:')}`
  const disabled = telemetry('  - providers:\n    - name: ls\n    disableSpanReporting: true\n')

  it('does not err on the provider nor on the Telemetry line (the old entry erred on both)', async () => {
    const found = await lightstep([mesh, disabled])
    expect(found.filter((f) => f.severity === 'error')).toEqual([])
    expect(await lightstep([mesh, disabled], '1.27', '1.26', [disabled])).toEqual([])
  })

  it('keeps the warning for a provider only named by disabled tracing, saying why', async () => {
    const found = await lightstep([mesh, disabled])
    expect(at(found)).toEqual([`${providerLine} warning`])
    expect(found[0].message).toContain('only in tracing with disableSpanReporting: true (Telemetry istio-system/mesh-default)')
  })

  it('still errs when the same Telemetry turns span reporting back on in a later entry', async () => {
    const t = telemetry('  - providers:\n    - name: ls\n    disableSpanReporting: true\n  - match:\n      mode: SERVER\n    disableSpanReporting: false\n')
    expect(at(await lightstep([mesh, t]))).toEqual([`${providerLine} error`])
  })

  it('still errs when another Telemetry turns span reporting back on and inherits the provider', async () => {
    const ns = telemetry('  - disableSpanReporting: false\n', 'shop', 'shop')
    expect(at(await lightstep([mesh, disabled, ns]))).toEqual([`${providerLine} error`])
  })

  it('still errs on an enabled selection, and with disableSpanReporting: false next to the provider', async () => {
    expect(at(await lightstep([mesh, telemetry('  - providers:\n    - name: ls\n')]))).toEqual([`${providerLine} error`])
    expect(at(await lightstep([mesh, telemetry('  - providers:\n    - name: ls\n    disableSpanReporting: false\n')]))).toEqual([`${providerLine} error`])
  })
})

describe('istio-1.26-gateway-replica-count-zero: a quoted "0" is refused by the chart schema on every release', () => {
  // charts/gateway 1.25.0–1.26.0 values.schema.json type replicaCount as ["integer", "null"]: a string fails the
  // install on both sides of the change, so the old "runs one pod" message was false for it.
  const ID = 'istio-1.26-gateway-replica-count-zero'
  const release = (replicaCount: string) =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ingress\n  namespace: istio-ingress\nspec:\n  chart:\n    spec:\n      chart: gateway\n      version: 1.25.2\n      sourceRef:\n        kind: HelmRepository\n        name: istio\n  values:\n    replicaCount: ${replicaCount}\n    autoscaling:\n      enabled: false\n`
  const path = 'istio/gateway.yaml'

  it('is silent on replicaCount: "0" for 1.25 (the old entry warned)', () => {
    expect(of(run(path, release('"0"'), '1.25', '1.24'), ID)).toEqual([])
  })

  it('still warns on the integer 0 for 1.25, on the replicaCount line, and is silent for 1.26', () => {
    const text = release('0')
    const found = of(run(path, text, '1.25', '1.24'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`${path}:${lineOf(text, 'replicaCount:')} warning`])
    expect(of(run(path, text, '1.26', '1.25'), ID)).toEqual([])
  })
})

describe('catalog validation of valueTypes', () => {
  const release = (match: unknown): CatalogRelease =>
    ({ release: '1.26', entries: [{ id: 'istio-1.26-x', change: 'added', severity: 'warning', since: '1.26', message: 'm', match: [match], sources: [{ path: 'releases/1.26/change-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
  it('accepts number/string/boolean on helmValue and refuses anything else or other match types', () => {
    expect(validateCatalog([release({ type: 'helmValue', chart: 'gateway', paths: ['replicaCount'], values: [0], valueTypes: ['number'] })]).join('\n')).not.toMatch(/valueTypes/)
    expect(validateCatalog([release({ type: 'helmValue', chart: 'gateway', paths: ['replicaCount'], values: [0], valueTypes: ['integer'] })]).join('\n')).toMatch(/valueTypes must be/)
    expect(validateCatalog([release({ type: 'env', name: 'X', component: 'istiod', valueTypes: ['number'] })]).join('\n')).toMatch(/valueTypes/)
  })
})
