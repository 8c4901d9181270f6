// The tracing-provider cross-object checks: a provider of one kind in meshConfig.extensionProviders paired with what
// selects it (a defaultProviders.tracing list of any mesh config, a Telemetry resource's spec.tracing[].providers),
// wherever each sits. The 1.27 Lightstep removal is the entry that uses them: an error for a selected provider, a
// warning for one nothing in the files selects.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const LIGHTSTEP = /removed the Lightstep tracing provider/

async function lightstep(files: readonly File[], target = '1.27', from = '1.26', changed?: readonly File[]): Promise<Finding[]> {
  const result = await runAnalysis(
    { changes: added(changed ?? files), head: snapshotOf(files) },
    // As `istio-compat check <changed files>` runs: the named files analysed, the rest of the repository as context.
    { target, from, paths: changed ? changed.map((f) => f.path) : [], ...(changed ? { contextPaths: ['**/*.yaml'] } : {}) }
  )
  return result.findings.filter((f) => LIGHTSTEP.test(f.message))
}

const values: File = {
  path: 'platform/istiod/values.yaml',
  text: 'meshConfig:\n  extensionProviders:\n  - name: ls\n    lightstep:\n      service: collector.ls.svc.cluster.local\n      port: 8080\n      accessToken: abc\n  - name: otel\n    opentelemetry:\n      service: otel.observability.svc.cluster.local\n      port: 4317\n'
}
const telemetry = (provider: string): File => ({
  path: 'platform/telemetry.yaml',
  text: `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: istio-system\nspec:\n  tracing:\n  - providers:\n    - name: ${provider}\n`
})
const defaults: File = { path: 'platform/istiod/values-tracing.yaml', text: 'meshConfig:\n  defaultProviders:\n    tracing:\n    - ls\n' }

describe('tracing-provider-selected / -unselected (istio-1.27-lightstep-provider-removed)', () => {
  const providerLine = `${values.path}:${lineOf(values.text, 'lightstep:')}`

  it('errs on the provider that a Telemetry resource in another file selects, naming the Telemetry', async () => {
    const found = await lightstep([values, telemetry('ls')])
    expect(at(found)).toEqual([`${providerLine} error`])
    expect(found[0].message).toContain('selected by Telemetry istio-system/mesh-default')
    expect(found[0].path).toBe('meshConfig.extensionProviders[0].lightstep')
  })

  it('errs on the provider that defaultProviders.tracing of another values file selects', async () => {
    expect(at(await lightstep([values, defaults]))).toEqual([`${providerLine} error`])
  })

  it('warns, not errs, when nothing in the files selects it (a Telemetry kept elsewhere still might)', async () => {
    const found = await lightstep([values, telemetry('otel')])
    expect(at(found)).toEqual([`${providerLine} warning`])
    expect(found[0].message).toMatch(/^Nothing in the analysed files selects the lightstep provider ls .*: Istio 1\.27 removed/)
  })

  it('reports on the Telemetry line when a pull request only starts using an existing provider', async () => {
    const t = telemetry('ls')
    expect(at(await lightstep([values, t], '1.27', '1.26', [t]))).toEqual([`${t.path}:${lineOf(t.text, '- name: ls')} error`])
  })

  it('reports a selecting reference once when several untouched mesh configs define the provider', async () => {
    const t = telemetry('ls')
    const overlay: File = { path: 'clusters/prod/values.yaml', text: values.text }
    expect(at(await lightstep([values, overlay, t], '1.27', '1.26', [t]))).toEqual([`${t.path}:${lineOf(t.text, '- name: ls')} error`])
  })

  it('reads the selection from the untouched files of a pull request that changes the provider only', async () => {
    expect(at(await lightstep([values, defaults], '1.28', '1.26', [values]))).toEqual([`${providerLine} error`])
  })

  it('is silent before 1.27, and for providers of other kinds', async () => {
    expect(await lightstep([values, telemetry('ls')], '1.26', '1.25')).toEqual([])
    const otelOnly: File = { path: values.path, text: 'meshConfig:\n  defaultProviders:\n    tracing: [otel]\n  extensionProviders:\n  - name: otel\n    opentelemetry:\n      service: otel.observability.svc.cluster.local\n      port: 4317\n' }
    expect(await lightstep([otelOnly])).toEqual([])
  })

  it('finds the provider in an IstioOperator and in the istio ConfigMap too', async () => {
    const iop: File = { path: 'install/iop.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  meshConfig:\n    defaultProviders:\n      tracing: [ls]\n    extensionProviders:\n    - name: ls\n      lightstep:\n        service: collector.ls.svc.cluster.local\n        port: 8080\n        accessToken: abc\n' }
    expect(at(await lightstep([iop]))).toEqual([`${iop.path}:${lineOf(iop.text, 'lightstep:')} error`])
    const cm: File = { path: 'install/mesh.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    extensionProviders:\n    - name: ls\n      lightstep:\n        service: collector.ls.svc.cluster.local\n        port: 8080\n        accessToken: abc\n' }
    expect(at(await lightstep([cm]))).toEqual([`${cm.path}:${lineOf(cm.text, 'lightstep:')} warning`])
  })

  describe('a mesh-wide Telemetry overrides defaultProviders.tracing (round 21 ❌)', () => {
    const rootTelemetry = (namespace: string, extra = '', entry = ''): File => ({
      path: 'platform/telemetry.yaml',
      text: `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: ${namespace}\nspec:\n${extra}  tracing:\n  - ${entry}providers:\n    - name: otel\n`
    })

    it('warns, not errs, when defaults name Lightstep but the root Telemetry without selector names another provider', async () => {
      const found = await lightstep([values, defaults, rootTelemetry('istio-system')])
      expect(at(found)).toEqual([`${providerLine} warning`])
      expect(found[0].message).toMatch(/^defaultProviders\.tracing names the lightstep provider ls, but Telemetry istio-system\/mesh-default .* uses instead for every workload: Istio 1\.27 removed/)
    })

    it('reads the root namespace from meshConfig.rootNamespace', async () => {
      const root: File = { path: 'platform/istiod/values-root.yaml', text: 'meshConfig:\n  rootNamespace: mesh-root\n' }
      expect(at(await lightstep([values, defaults, root, rootTelemetry('mesh-root')]))).toEqual([`${providerLine} warning`])
      // With the root moved, a Telemetry in istio-system is a namespace's own: the defaults still select Lightstep elsewhere.
      expect(at(await lightstep([values, defaults, root, rootTelemetry('istio-system')]))).toEqual([`${providerLine} error`])
      // A pull request that changes the provider only reads the root namespace and the Telemetry from untouched files.
      expect(at(await lightstep([values, defaults, root, rootTelemetry('mesh-root')], '1.27', '1.26', [values]))).toEqual([`${providerLine} warning`])
    })

    it('still errs when the Telemetry is not mesh-wide: another namespace, a selector, a targetRef, or client spans only', async () => {
      for (const t of [
        rootTelemetry('shop'),
        rootTelemetry('istio-system', '  selector:\n    matchLabels:\n      app: gw\n'),
        rootTelemetry('istio-system', '  targetRefs:\n  - kind: Gateway\n    group: gateway.networking.k8s.io\n    name: gw\n'),
        rootTelemetry('istio-system', '', 'match:\n      mode: CLIENT\n    ')
      ]) {
        expect(at(await lightstep([values, defaults, t]))).toEqual([`${providerLine} error`])
      }
    })

    it('still errs when a namespace Telemetry names Lightstep itself, whatever the root Telemetry says', async () => {
      const shop: File = { path: 'apps/shop/telemetry.yaml', text: telemetry('ls').text.replace('istio-system', 'shop') }
      const found = await lightstep([values, defaults, rootTelemetry('istio-system'), shop])
      expect(at(found)).toEqual([`${providerLine} error`])
      expect(found[0].message).toContain('selected by Telemetry shop/mesh-default')
    })
  })
})

describe('catalog validation of the tracing-provider checks', () => {
  const release = (match: unknown): CatalogRelease =>
    ({ release: '1.27', entries: [{ id: 'x', change: 'removed', severity: 'warning', since: '1.27', message: 'm', match: [match], sources: [{ path: 'releases/1.27/upgrade-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
  it('requires provider on the tracing-provider checks and refuses it elsewhere', () => {
    expect(validateCatalog([release({ type: 'crossObject', check: 'tracing-provider-selected' })]).join('\n')).toMatch(/provider is required/)
    expect(validateCatalog([release({ type: 'crossObject', check: 'https-http-bind', provider: 'lightstep' })]).join('\n')).toMatch(/provider is required/)
    expect(validateCatalog([release({ type: 'crossObject', check: 'tracing-provider-selected', provider: 'light step' })]).join('\n')).toMatch(/provider must be/)
  })
})
