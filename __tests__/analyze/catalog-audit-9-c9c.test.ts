// The defects the ninth audit round (census of helper c9c's entries, releases 1.24–1.26) found
// (docs/audit/catalog-audit-9-c9c.md). Each test fails on the entry as it was before the fix and asserts the file
// and line of what must, or must not, be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { runAnalysis, type Snapshot } from '../../src/pipeline.js'

const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

const istiod = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
${values}
`

describe('istio-1.24-istio-cni-values-removed: istio_cni.chained/provider only mattered where the CNI was enabled', () => {
  const id = 'istio-1.24-istio-cni-values-removed'
  it('without any CNI enabled, chained: false and provider: multus change nothing (notice only)', () => {
    const text = istiod(`    istio_cni:
      chained: false
      provider: multus`)
    const found = of(run('istiod-hr.yaml', text, '1.24', '1.23'), id)
    expect(at(found)).toEqual([
      ['istiod-hr.yaml', lineOf(text, 'chained: false'), 'notice'],
      ['istiod-hr.yaml', lineOf(text, 'provider: multus'), 'notice'],
    ])
  })
  it('trip: with istio_cni.enabled or pilot.cni.enabled on, chained: false still warns', () => {
    const a = istiod(`    istio_cni:
      enabled: true
      chained: false`)
    expect(at(of(run('a.yaml', a, '1.24', '1.23'), id))).toEqual([
      ['a.yaml', lineOf(a, 'enabled: true'), 'warning'],
      ['a.yaml', lineOf(a, 'chained: false'), 'warning'],
    ])
    const b = istiod(`    pilot:
      cni:
        enabled: true
    istio_cni:
      provider: multus`)
    expect(at(of(run('b.yaml', b, '1.24', '1.23'), id))).toEqual([['b.yaml', lineOf(b, 'provider: multus'), 'warning']])
  })
})

const mesh = (body: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
${body}
`

describe('new ProxyConfig/tracing fields written with the value older releases behave with anyway', () => {
  const text = mesh(`    defaultConfig:
      proxyHeaders:
        preserveHttp1HeaderCase: false
        setCurrentClientCertDetails:
          uri: true
          cert: false
    extensionProviders:
    - name: z
      zipkin:
        service: z.default.svc.cluster.local
        port: 9411
        path: /api/v2/spans`)
  it('preserveHttp1HeaderCase: false, uri: true / cert: false (what a 1.23 sidecar forwards anyway, audit 10) and the default zipkin path get nothing on older targets', () => {
    const found = run('mesh.yaml', text, '1.23')
    expect(of(found, 'istio-1.25-preserve-http1-header-case')).toEqual([])
    expect(of(found, 'istio-1.24-xfcc-client-cert-details')).toEqual([])
    expect(of(found, 'istio-1.24-tracing-provider-fields')).toEqual([])
  })
  it('trip: the values that older releases ignore with a visible effect still warn', () => {
    const on = mesh(`    defaultConfig:
      proxyHeaders:
        preserveHttp1HeaderCase: true
        setCurrentClientCertDetails:
          cert: true
    extensionProviders:
    - name: z
      zipkin:
        service: z.default.svc.cluster.local
        port: 9411
        path: /custom/spans`)
    const found = run('mesh.yaml', on, '1.23')
    expect(at(of(found, 'istio-1.25-preserve-http1-header-case'))).toEqual([['mesh.yaml', lineOf(on, 'preserveHttp1HeaderCase'), 'warning']])
    expect(at(of(found, 'istio-1.24-xfcc-client-cert-details'))).toEqual([['mesh.yaml', lineOf(on, 'cert: true'), 'warning']])
    expect(at(of(found, 'istio-1.24-tracing-provider-fields'))).toEqual([['mesh.yaml', lineOf(on, 'path: /custom'), 'warning']])
  })
})

describe('istio-1.24-ambient-dns-upgrade-order: DNS capture only matters where the CNI runs ambient', () => {
  const id = 'istio-1.24-ambient-dns-upgrade-order'
  const cni = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
  values:
${values}
`
  it('dnsCapture: true with ambient off is not reported', () => {
    const text = cni(`    ambient:
      dnsCapture: true`)
    expect(of(run('cni.yaml', text, '1.24', '1.23'), id)).toEqual([])
  })
  it('trip: profile ambient, ambient.enabled, and an ambient IstioOperator still warn', () => {
    const a = cni(`    profile: ambient
    ambient:
      dnsCapture: true`)
    expect(at(of(run('a.yaml', a, '1.24', '1.23'), id))).toEqual([['a.yaml', lineOf(a, 'dnsCapture'), 'warning']])
    const b = cni(`    ambient:
      enabled: true
      dnsCapture: true`)
    expect(at(of(run('b.yaml', b, '1.24', '1.23'), id))).toEqual([['b.yaml', lineOf(b, 'dnsCapture'), 'warning']])
    const c = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: x
spec:
  profile: ambient
  values:
    cni:
      ambient:
        dnsCapture: true
`
    expect(at(of(run('c.yaml', c, '1.24', '1.23'), id))).toEqual([['c.yaml', lineOf(c, 'dnsCapture'), 'warning']])
  })
})

describe('istio-1.25-ambient-dns-capture: the istio-cni opt-out in another file silences the Namespace notice', () => {
  const id = 'istio-1.25-ambient-dns-capture'
  const ns = `apiVersion: v1
kind: Namespace
metadata:
  name: app
  labels:
    istio.io/dataplane-mode: ambient
`
  const cni = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
  values:
    profile: ambient
    ambient:
      dnsCapture: false
`
  // The whole engine over both files (unlessRepository is applied across the files a run reads); the Namespace's findings.
  const both = async (cniText: string) => {
    const contents = new Map([['ns.yaml', ns], ['cni.yaml', cniText]].map(([p, t]) => [p, new TextEncoder().encode(t)] as const))
    const head: Snapshot = {
      list: async () => [...contents.keys()],
      read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array]))
    }
    const changes = { source: 'paths' as const, files: [...contents.keys()].map((path) => ({ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
    const result = await runAnalysis({ changes, head }, { target: '1.25', from: '1.24', paths: [] })
    return result.findings.filter((f) => f.file === 'ns.yaml' && f.rule === 'default-changed').map((f) => [f.file, f.line, f.severity])
  }
  it('with ambient.dnsCapture: false in the istio-cni values the Namespace gets nothing', async () => {
    expect(await both(cni)).toEqual([])
  })
  it('trip: without the opt-out (or alone) the Namespace still gets the notice', async () => {
    expect(at(of(run('ns.yaml', ns, '1.25', '1.24'), id))).toEqual([['ns.yaml', lineOf(ns, 'dataplane-mode'), 'notice']])
    const on = cni.replace('dnsCapture: false', 'reconcileIptablesOnStartup: true')
    expect(await both(on)).toEqual([['ns.yaml', lineOf(ns, 'dataplane-mode'), 'notice']])
  })
})
