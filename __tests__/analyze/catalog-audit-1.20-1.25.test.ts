// The defects the fresh audit of the 1.20–1.25 catalog entries found (docs/audit/catalog-audit-1.20-1.25.md):
// each test fails on the entry as it was before the fix and asserts the file and line of what must (or must not)
// be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

describe('audit 1.20–1.25 #A9: first-party-jwt on 1.22+', () => {
  const id = 'istio-1.22-first-party-jwt-removed'
  const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
    global:
      jwtPolicy: first-party-jwt
`
  it('is a warning that the value is ignored (the 1.22 chart no longer reads jwtPolicy), not an error', () => {
    const found = of(run('istio/istiod.yaml', release, '1.22'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(release, 'jwtPolicy'), severity: 'warning', rule: 'removed-feature' })
    ])
    expect(found[0].message).toMatch(/ignored/)
    expect(found[0].message).toMatch(/projected/)
    // Replacing the value with third-party-jwt would only trade this finding for "value ignored": no fix.
    expect(found[0].fix).toBeUndefined()
  })

  it('stays quiet before 1.22 and for third-party-jwt', () => {
    expect(of(run('istio/istiod.yaml', release, '1.21'), id)).toEqual([])
    expect(of(run('istio/istiod.yaml', release.replace('first-party-jwt', 'third-party-jwt'), '1.22'), id)).toEqual([])
  })
})

describe('audit 1.20–1.25 #A32: 1.25 ServiceEntry IP auto-allocation', () => {
  const id = 'istio-1.25-ip-autoallocate'
  const se = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: google-apis
spec:
  hosts: [www.googleapis.com]
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DNS
`
  it('is a notice that says the address only matters where DNS is proxied (off by default for sidecars)', () => {
    const found = of(run('egress/se.yaml', se, '1.25', '1.24'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: 'egress/se.yaml', line: lineOf(se, 'resolution: DNS'), severity: 'notice', rule: 'default-changed' })
    ])
    expect(found[0].message).toMatch(/DNS proxying/)
    expect(found[0].message).not.toMatch(/which changes how clients resolve and route these hosts/)
  })

  it('stays quiet without a from version before 1.25', () => {
    expect(of(run('egress/se.yaml', se, '1.25', '1.25'), id)).toEqual([])
  })
})

describe('audit 1.20–1.25 #A36: Service spec.trafficDistribution before 1.25', () => {
  const id = 'istio-1.25-service-traffic-distribution'
  const svc = `apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  selector:
    app: reviews
  ports:
  - port: 9080
  trafficDistribution: PreferClose
`
  it('says ztunnel already honours it from 1.23 and only sidecars and waypoints ignore it before 1.25', () => {
    for (const target of ['1.23', '1.24']) {
      const found = of(run('svc.yaml', svc, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'svc.yaml', line: lineOf(svc, 'trafficDistribution'), severity: 'warning' })])
      expect(found[0].message).toMatch(/ztunnel/)
      expect(found[0].message).toMatch(/1\.23/)
      expect(found[0].message).not.toMatch(/older releases ignore it/)
    }
  })

  it('stays quiet from 1.25', () => {
    expect(of(run('svc.yaml', svc, '1.25'), id)).toEqual([])
  })
})

describe('audit 1.20–1.25 nit #A24: global.proxy.enableCoreDump is gone from the 1.24 chart, not deprecated', () => {
  it('says the chart no longer reads the value', () => {
    const values = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    global:
      proxy:
        enableCoreDump: true
`
    const found = of(run('iop.yaml', values, '1.24'), 'istio-1.24-enable-core-dump-removed')
    expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(values, 'enableCoreDump'), severity: 'warning' })])
    expect(found[0].message).not.toMatch(/deprecated global\.proxy\.enableCoreDump/)
  })
})

describe('audit 1.20–1.25 #A5: COMPLIANCE_POLICY was backported to 1.20.4', () => {
  const id = 'istio-1.21-compliance-policy'
  const values = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
    pilot:
      env:
        COMPLIANCE_POLICY: fips-140-2
`
  it('stays quiet on 1.20.4 and later 1.20 patches (the 1.20.4 injector already propagates it)', () => {
    for (const target of ['1.20.4', '1.20.8', '1.20']) expect(of(run('istiod.yaml', values, target), id)).toEqual([])
  })

  it('still reports 1.20.3 and earlier on the variable line', () => {
    const found = of(run('istiod.yaml', values, '1.20.3'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(values, 'COMPLIANCE_POLICY'), severity: 'warning', rule: 'not-yet-available' })])
    expect(found[0].message).toMatch(/1\.20\.4/)
  })
})

describe('audit 1.20–1.25 #A39: global.platform gke', () => {
  const id = 'istio-1.25-gke-platform'
  const cni = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
    global:
      platform: gke
`
  it('is an error on 1.24, whose charts stop on a platform without a profile file', () => {
    const found = of(run('cni.yaml', cni, '1.24'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'cni.yaml', line: lineOf(cni, 'platform: gke'), severity: 'error', rule: 'not-yet-available' })])
    expect(found[0].message).toMatch(/unknown platform/)
  })

  it('leaves charts before 1.24, which do not read global.platform at all, to the chart-values index', () => {
    expect(of(run('cni.yaml', cni, '1.23'), id)).toEqual([])
    expect(of(run('cni.yaml', cni, '1.25'), id)).toEqual([])
  })
})
