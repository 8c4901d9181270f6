// Seventh audit (census) of the c7c share of the 1.24–1.26 catalog entries (docs/audit/catalog-audit-7-c7c.md): one
// test per fix, each failing on the entry as it was before the census, plus trip tests on the YAML still reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const deployment = (key: string, value: string): string => `apiVersion: apps/v1
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
        ${key}: "${value}"
    spec:
      containers:
      - name: web
        image: web:1
`

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

describe('istio-1.24-bypass-inbound-capture-typo: only a true value of the misspelt key loses something', () => {
  const id = 'istio-1.24-bypass-inbound-capture-typo'
  const key = 'ambient.istio.io/bypassInboundCapture'
  it('is quiet on "false", which the ignored key and the default agree on', () => {
    for (const t of ['1.23', '1.24', '1.28']) expect(of(run('web.yaml', deployment(key, 'false'), t), id)).toEqual([])
  })
  it('still warns on "true" on the annotation line', () => {
    const text = deployment(key, 'true')
    expect(of(run('web.yaml', text, '1.24'), id)).toEqual([
      expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'bypassInboundCapture'), severity: 'warning', rule: 'no-effect' })
    ])
  })
})

describe('istio-1.24-native-sidecar-annotation: "false" before 1.24 is only a notice', () => {
  const id = 'istio-1.24-native-sidecar-annotation'
  const key = 'sidecar.istio.io/nativeSidecar'
  it('reports "false" as a notice that names the mesh-wide switch, not a warning', () => {
    const text = deployment(key, 'false')
    const found = of(run('web.yaml', text, '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'nativeSidecar'), severity: 'notice', rule: 'not-yet-available' })])
    expect(found[0].message).toContain('ENABLE_NATIVE_SIDECARS')
  })
  it('still warns on "true" before 1.24 and is quiet from 1.24', () => {
    const text = deployment(key, 'true')
    expect(of(run('web.yaml', text, '1.23'), id)).toEqual([
      expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'nativeSidecar'), severity: 'warning', rule: 'not-yet-available' })
    ])
    expect(of(run('web.yaml', text, '1.24'), id)).toEqual([])
  })
})

describe('istio-1.25-dns-capture-annotation: "false" before 1.25 is only a notice', () => {
  const id = 'istio-1.25-dns-capture-annotation'
  const key = 'ambient.istio.io/dns-capture'
  it('reports "false" as a notice that names the chart value, not a warning', () => {
    const text = deployment(key, 'false')
    const found = of(run('web.yaml', text, '1.24'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'dns-capture'), severity: 'notice', rule: 'not-yet-available' })])
    expect(found[0].message).toContain('ambient.dnsCapture: true')
  })
  it('still warns on "true" before 1.25 and is quiet from 1.25', () => {
    const text = deployment(key, 'true')
    expect(of(run('web.yaml', text, '1.24'), id)).toEqual([
      expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'dns-capture'), severity: 'warning', rule: 'not-yet-available' })
    ])
    expect(of(run('web.yaml', text, '1.25'), id)).toEqual([])
  })
})

describe('istio-1.25-ingress-use-waypoint-on-namespace: only a true label changes anything', () => {
  const id = 'istio-1.25-ingress-use-waypoint-on-namespace'
  const ns = (value: string): string => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/use-waypoint: waypoint
    istio.io/ingress-use-waypoint: "${value}"
`
  it('is quiet on "false", which an older release ignoring the label also does', () => {
    expect(of(run('ns.yaml', ns('false'), '1.24'), id)).toEqual([])
  })
  it('still warns on "true" before 1.25', () => {
    const text = ns('true')
    expect(of(run('ns.yaml', text, '1.24'), id)).toEqual([
      expect.objectContaining({ file: 'ns.yaml', line: lineOf(text, 'ingress-use-waypoint'), severity: 'warning', rule: 'not-yet-available' })
    ])
  })
})

describe('istio-1.25-ambient-dns-capture: the compatibilityVersion opt-out and ambient namespaces', () => {
  const id = 'istio-1.25-ambient-dns-capture'
  it('is quiet when the cni chart keeps the 1.24 default through compatibilityVersion', () => {
    for (const v of ['"1.24"', '"1.23"', '1.22']) {
      expect(of(run('cni.yaml', helmRelease('cni', `    profile: ambient\n    compatibilityVersion: ${v}\n`), '1.25', '1.24'), id)).toEqual([])
    }
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: ambient
spec:
  profile: ambient
  values:
    compatibilityVersion: "1.24"
`
    expect(of(run('iop.yaml', iop, '1.25', '1.24'), id)).toEqual([])
  })
  it('still warns on profile ambient without the opt-out, on its line', () => {
    const text = helmRelease('cni', '    profile: ambient\n    compatibilityVersion: "1.25"\n')
    expect(of(run('cni.yaml', text, '1.25', '1.24'), id)).toEqual([
      expect.objectContaining({ file: 'cni.yaml', line: lineOf(text, 'profile: ambient'), severity: 'warning', rule: 'default-changed' })
    ])
  })
  it('gives an ambient Namespace, which cannot show the cni settings, a conditional notice only', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/dataplane-mode: ambient
`
    const found = of(run('ns.yaml', text, '1.25', '1.24'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ns.yaml', line: lineOf(text, 'dataplane-mode'), severity: 'notice', rule: 'default-changed' })])
    expect(found[0].message).toContain('Unless')
  })
})

describe('misspelt istiod switches: a true value asks for what istiod does anyway', () => {
  const istiod = (name: string, value: string): string => helmRelease('istiod', `    pilot:\n      env:\n        ${name}: "${value}"\n`)
  const cases = [
    { id: 'istio-1.24-compat-1.20-flags-removed', name: 'VERIFY_CERT_AT_CLIENT', target: '1.24', falseSeverity: 'warning' },
    // Round 36 (r36c): without meshConfig.discoverySelectors in the repository, scoping changes nothing, so the
    // never-read ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING=false is a notice there (a warning only with selectors).
    { id: 'istio-1.25-scoping-and-target-port-opt-outs-removed', name: 'ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING', target: '1.25', falseSeverity: 'notice' }
  ]
  for (const { id, name, target, falseSeverity } of cases) {
    it(`${name}: "true" is a notice that it does nothing, not a warning`, () => {
      const text = istiod(name, 'true')
      const found = of(run('istiod.yaml', text, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, name), severity: 'notice', rule: 'removed-feature' })])
      expect(found[0].message).toContain("does nothing")
    })
    it(`${name}: "false", which never switched anything off, is a ${falseSeverity}`, () => {
      const text = istiod(name, 'false')
      expect(of(run('istiod.yaml', text, target), id)).toEqual([
        expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, name), severity: falseSeverity, rule: 'removed-feature' })
      ])
    })
  }
})
