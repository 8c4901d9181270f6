// Audit 30 (r30h, census of the 1.24 and 1.25 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-30-r30h.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

/** Findings on `file` when a pull request changes only `changed` and the repository holds `repo` besides. */
async function findings(changed: readonly File[], repo: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const base = repo.length > 0 ? { base: snapshotOf(repo) } : {}
  const result = await runAnalysis({ changes: added(changed), head: snapshotOf([...changed, ...repo]), ...base }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

const helmRelease = (chart: string, values: string): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-${chart}\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: ${chart}\n      version: 1.24.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`

describe('istio-1.24-crd-templates: base.enableCRDTemplates false still templates the CRDs from 1.24 (FIX of round 29)', () => {
  const id = 'istio-1.24-crd-templates'
  const release: File = { path: 'flux/istio-base.yaml', text: helmRelease('base', '    global: {istioNamespace: istio-system}\n') }
  const chartLine = lineOf(release.text, 'chart: base')

  it('inline false: a warning on the value that says the chart templates the CRDs anyway and the labelling is still needed', () => {
    const text = helmRelease('base', '    base:\n      enableCRDTemplates: false\n')
    const found = of(run('base.yaml', text, '1.24', '1.23'), id)
    expect(at(found)).toEqual([`base.yaml:${lineOf(text, 'enableCRDTemplates: false')} warning`])
    expect(found[0].message).toContain('renders the CRDs as templates with false too')
    expect(found[0].message).toContain('one-time Helm labelling')
    expect(found[0].message).not.toMatch(/keeps the Istio CRDs in the base chart's crds\//)
  })

  it('false in another values file no longer silences the warning on the base chart', async () => {
    const values: File = { path: 'istio/base-values.yaml', text: 'base:\n  enableCRDTemplates: false\nglobal: {istioNamespace: istio-system}\n' }
    expect(at(await findings([release], [values], '1.24', '1.23', release.path, /templates the Istio CRDs/))).toEqual([`flux/istio-base.yaml:${chartLine} warning`])
  })

  it('the false values file itself gets the warning too (1.26 from 1.22)', async () => {
    const values: File = { path: 'istio/base-values.yaml', text: 'base:\n  enableCRDTemplates: false\nglobal: {istioNamespace: istio-system}\n' }
    expect(at(await findings([values], [release], '1.26', '1.22', values.path, /enableCRDTemplates/))).toEqual([`istio/base-values.yaml:${lineOf(values.text, 'enableCRDTemplates')} warning`])
  })

  it('trip: no finding from 1.24 on (nothing changes across 1.24 → 1.25), and none on an IstioOperator (istioctl applies the CRDs itself)', () => {
    const text = helmRelease('base', '    base:\n      enableCRDTemplates: false\n')
    expect(of(run('base.yaml', text, '1.25', '1.24'), id)).toEqual([])
    const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  values:\n    base:\n      enableCRDTemplates: false\n'
    expect(of(run('iop.yaml', iop, '1.24', '1.23'), id)).toEqual([])
  })
})

describe('istio-1.24-bypass-inbound-capture-typo: no rename suggestion to a key the target does not read yet (kind 32)', () => {
  const id = 'istio-1.24-bypass-inbound-capture-typo'
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
        istio.io/dataplane-mode: ambient
      annotations:
        ambient.istio.io/bypassInboundCapture: "true"
    spec:
      containers:
      - name: web
        image: nginx
`
  const line = lineOf(text, 'bypassInboundCapture')

  it('target 1.23: still a warning, but no fix and a message that says neither spelling works there', () => {
    const found = of(run('dep.yaml', text, '1.23'), id)
    expect(at(found)).toEqual([`dep.yaml:${line} warning`])
    expect(found[0].fix).toBeUndefined()
    expect(found[0].message).toContain('only read from Istio 1.24 on')
  })

  it('trip: target 1.24 keeps the rename fix', () => {
    const found = of(run('dep.yaml', text, '1.24'), id)
    expect(at(found)).toEqual([`dep.yaml:${line} warning`])
    expect(found[0].fix).toBeDefined()
  })
})

describe('istio-1.24-traffic-distribution-annotation: a Service whose spec.trafficDistribution is set decides alone; the value is case-insensitive', () => {
  const id = 'istio-1.24-traffic-distribution-annotation'
  const svc = (value: string, spec = ''): string =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n  annotations:\n    networking.istio.io/traffic-distribution: ${value}\nspec:\n${spec}  ports:\n  - port: 80\n`

  it('spec.trafficDistribution: PreferSameZone overrides the annotation in 1.24 as well: quiet on 1.23', () => {
    expect(of(run('svc.yaml', svc('PreferClose', '  trafficDistribution: PreferSameZone\n'), '1.23'), id)).toEqual([])
  })

  it('a lower-case preferclose is honoured from 1.24 (EqualFold), so 1.23 ignoring it is reported', () => {
    const text = svc('preferclose')
    expect(at(of(run('svc.yaml', text, '1.23'), id))).toEqual([`svc.yaml:${lineOf(text, 'traffic-distribution')} warning`])
  })

  it('trip: the plain annotation without the field still warns on 1.23', () => {
    const text = svc('PreferClose')
    expect(at(of(run('svc.yaml', text, '1.23'), id))).toEqual([`svc.yaml:${lineOf(text, 'traffic-distribution')} warning`])
  })
})

describe('istio-1.24-tracing-provider-fields: an OpenTelemetry gRPC timeout of 0 means no timeout on every release', () => {
  const id = 'istio-1.24-tracing-provider-fields'
  const values = (timeout: string): string =>
    `meshConfig:\n  extensionProviders:\n  - name: otel\n    opentelemetry:\n      service: otel.obs.svc.cluster.local\n      port: 4317\n      grpc:\n        timeout: ${timeout}\n`

  it('timeout: 0s is quiet on 1.23', () => {
    expect(of(run('istiod-values.yaml', values('0s'), '1.23'), id)).toEqual([])
  })

  it('trip: timeout: 3s still warns on 1.23', () => {
    const text = values('3s')
    expect(at(of(run('istiod-values.yaml', text, '1.23'), id))).toEqual([`istiod-values.yaml:${lineOf(text, 'timeout')} warning`])
  })
})
