// Sixth audit of the 1.24–1.26 catalog entries, fresh seeded sample (docs/audit/catalog-audit-6-1.24-1.26.md): one
// test per fix, each failing on the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const helmRelease = (chart: string, values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${chart}
  namespace: istio-system
spec:
  chart:
    spec:
      chart: ${chart}
      version: 1.24.0
  values:
${values}`

describe('istio-1.24-crd-templates: Helm-installed CRDs need the one-time migration too', () => {
  const id = 'istio-1.24-crd-templates'
  it('tells a base chart installation that CRDs from an older chart\'s crds/ directory need the labels, not only kubectl ones', () => {
    const text = helmRelease('base', '    global:\n      istioNamespace: istio-system\n')
    const found = of(run('base.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'base.yaml', line: lineOf(text, 'chart: base'), severity: 'warning', rule: 'default-changed' })])
    expect(found[0].message).toContain('crds/ directory')
    expect(found[0].message).toContain('helm upgrade')
  })

  it('no longer says an explicit value leaves the installation untouched', () => {
    const text = helmRelease('base', '    base:\n      enableCRDTemplates: true\n')
    const found = of(run('base.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'base.yaml', line: lineOf(text, 'enableCRDTemplates'), severity: 'notice' })])
    expect(found[0].message).not.toContain('does not touch this installation')
    expect(found[0].message).toContain('one-time labelling')
  })
})

describe('istio-1.24-bypass-inbound-capture-annotation: only a true value is reported', () => {
  const id = 'istio-1.24-bypass-inbound-capture-annotation'
  const deployment = (value: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
      annotations:
        ambient.istio.io/bypass-inbound-capture: "${value}"
    spec:
      containers:
      - name: web
        image: web:1
`
  it('is quiet on "false", which every release treats the same, read or not', () => {
    expect(of(run('web.yaml', deployment('false'), '1.23'), id)).toEqual([])
    expect(of(run('web.yaml', deployment('False'), '1.23'), id)).toEqual([])
  })

  it('still warns on "true" (and the other ParseBool spellings) before 1.24, on the annotation line', () => {
    for (const v of ['true', '1', 'T']) {
      const text = deployment(v)
      expect(of(run('web.yaml', text, '1.23'), id)).toEqual([
        expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'bypass-inbound-capture'), severity: 'warning', rule: 'not-yet-available' })
      ])
    }
    expect(of(run('web.yaml', deployment('true'), '1.24'), id)).toEqual([])
  })
})

describe('istio-1.24-ambient-dns-upgrade-order: a rollout that breaks DNS is a warning', () => {
  const id = 'istio-1.24-ambient-dns-upgrade-order'
  // census 9 (c9c): DNS capture only matters where the CNI runs ambient, so the values turn ambient on.
  const text = helmRelease('cni', '    cni:\n      ambient:\n        enabled: true\n        dnsCapture: true\n')
  it('warns on dnsCapture true across 1.24, on its line', () => {
    const found = of(run('cni.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'cni.yaml', line: lineOf(text, 'dnsCapture'), severity: 'warning', rule: 'behaviour-changed' })])
    expect(found[0].message).toContain('DNS resolution')
  })

  it('is quiet when the upgrade starts at 1.24 or dnsCapture is false', () => {
    expect(of(run('cni.yaml', text, '1.25', '1.24'), id)).toEqual([])
    expect(of(run('cni.yaml', text.replace('dnsCapture: true', 'dnsCapture: false'), '1.24', '1.23'), id)).toEqual([])
  })
})

describe('istio-1.24-istio-csr-alpn: the documented workaround silences the warning in an IstioOperator too', () => {
  const id = 'istio-1.24-istio-csr-alpn'
  const iop = (mesh: string): string => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
  namespace: istio-system
spec:
${mesh}  values:
    global:
      caAddress: cert-manager-istio-csr.cert-manager.svc:443
`
  const workaround = '  meshConfig:\n    defaultConfig:\n      proxyMetadata:\n        GRPC_ENFORCE_ALPN_ENABLED: "false"\n'
  it('is quiet (but for the notice on the variable) when spec.meshConfig sets GRPC_ENFORCE_ALPN_ENABLED to false', () => {
    const text = iop(workaround)
    const found = of(run('iop.yaml', text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, 'GRPC_ENFORCE_ALPN_ENABLED'), severity: 'notice' })])
  })

  it('still warns on the istio-csr caAddress of an IstioOperator without the workaround, once, on its line', () => {
    const text = iop('')
    expect(of(run('iop.yaml', text, '1.24', '1.23'), id)).toEqual([
      expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, 'caAddress'), severity: 'warning', rule: 'behaviour-changed' })
    ])
  })

  it('reads the workaround under spec.values.meshConfig and in any letter case, as grpc-go does', () => {
    const text = iop('').replace('  values:\n', '  values:\n    meshConfig:\n      defaultConfig:\n        proxyMetadata:\n          GRPC_ENFORCE_ALPN_ENABLED: "FALSE"\n')
    expect(of(run('iop.yaml', text, '1.24', '1.23'), id).filter((f) => f.severity === 'warning')).toEqual([])
    const helm = helmRelease('istiod', '    global:\n      caAddress: istio-csr.cert-manager.svc:443\n    meshConfig:\n      defaultConfig:\n        proxyMetadata:\n          GRPC_ENFORCE_ALPN_ENABLED: "False"\n')
    expect(of(run('istiod.yaml', helm, '1.24', '1.23'), id).filter((f) => f.severity === 'warning')).toEqual([])
    const bare = helmRelease('istiod', '    global:\n      caAddress: istio-csr.cert-manager.svc:443\n')
    expect(of(run('istiod.yaml', bare, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(bare, 'caAddress'), severity: 'warning' })])
  })
})
