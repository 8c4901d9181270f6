// Eleventh audit, sample m11d (docs/audit/catalog-audit-11-m11d.md): the entries the measurement found wrong.
// Each test fails on the entry as it stood before this audit and passes on the fixed one; every expected finding is
// pinned to its file and line.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const METRIC_EXPIRY = 'istio-1.28-metric-expiry-removed'
const FLUSH = 'istio-1.29-access-log-flush'
const RECONCILE = 'istio-1.29-reconcile-iptables-on-startup'
const FORCE_IPTABLES = 'istio-1.28-force-iptables-binary'
const ZIPKIN = 'istio-1.29-zipkin-timeout-headers'
const STATS_COMPRESSION = 'istio-1.29-stats-compression-annotation-removed'

const at = (found: { file: string; line?: number }[]): [string, number | undefined][] => found.map((f) => [f.file, f.line])

describe('audit 11 (m11d): fixes of the entries found wrong', () => {
  it(`${METRIC_EXPIRY}: only istiod reads METRIC_ROTATION_INTERVAL, so proxy metadata is quiet and istiod env still warns`, () => {
    const values = `pilot:
  env:
    METRIC_ROTATION_INTERVAL: "10m"
meshConfig:
  defaultConfig:
    proxyMetadata:
      METRIC_ROTATION_INTERVAL: "10m"
      METRIC_GRACEFUL_DELETION_INTERVAL: "5m"
`
    const found = of(run('istio/values.yaml', values, '1.28'), METRIC_EXPIRY)
    expect(at(found)).toEqual([['istio/values.yaml', lineOf(values, 'METRIC_ROTATION_INTERVAL')]])
    expect(found[0].severity).toBe('warning')

    const pod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  template:
    metadata:
      annotations:
        proxy.istio.io/config: |
          proxyMetadata:
            METRIC_ROTATION_INTERVAL: "10m"
    spec:
      containers:
      - name: app
        image: app:1
`
    expect(of(run('apps/app.yaml', pod, '1.28'), METRIC_EXPIRY)).toEqual([])
  })

  it(`${FLUSH}: fileFlushInterval 1000ms is Envoy's default spelled in milliseconds and changes nothing on 1.28`, () => {
    const values = `meshConfig:
  defaultConfig:
    fileFlushInterval: 1000ms
`
    expect(of(run('istio/values.yaml', values, '1.28'), FLUSH)).toEqual([])
    const other = `meshConfig:
  defaultConfig:
    fileFlushInterval: 1500ms
`
    expect(at(of(run('istio/values.yaml', other, '1.28'), FLUSH))).toEqual([['istio/values.yaml', lineOf(other, 'fileFlushInterval')]])
  })

  it(`${RECONCILE}: an explicit true is not called removable while compatibilityVersion 1.28 keeps the old default false`, () => {
    const pinned = `profile: ambient
compatibilityVersion: "1.28"
cni:
  ambient:
    reconcileIptablesOnStartup: true
`
    expect(of(run('istio-cni/values.yaml', pinned, '1.29', '1.28'), RECONCILE)).toEqual([])
    const unpinned = `profile: ambient
cni:
  ambient:
    reconcileIptablesOnStartup: true
`
    const found = of(run('istio-cni/values.yaml', unpinned, '1.29', '1.28'), RECONCILE)
    expect(at(found)).toEqual([['istio-cni/values.yaml', lineOf(unpinned, 'reconcileIptablesOnStartup')]])
    expect(found[0].message).toContain('true can go')

    const operator = (compat: string): string => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: mesh
  namespace: istio-system
spec:
  profile: ambient
${compat}  values:
    cni:
      ambient:
        reconcileIptablesOnStartup: true
`
    expect(of(run('istio/operator.yaml', operator('  compatibilityVersion: "1.28"\n'), '1.29', '1.28'), RECONCILE)).toEqual([])
    const plain = operator('')
    const iop = of(run('istio/operator.yaml', plain, '1.29', '1.28'), RECONCILE)
    expect(at(iop)).toEqual([['istio/operator.yaml', lineOf(plain, 'reconcileIptablesOnStartup')]])
    expect(iop[0].message).toContain('true can go')
  })

  it(`${FORCE_IPTABLES}: an empty FORCE_IPTABLES_BINARY keeps detection on every release and is quiet`, () => {
    const values = `profile: ambient
env:
  FORCE_IPTABLES_BINARY: ""
`
    expect(of(run('istio-cni/values.yaml', values, '1.27'), FORCE_IPTABLES)).toEqual([])
    const set = `profile: ambient
env:
  FORCE_IPTABLES_BINARY: nft
`
    expect(at(of(run('istio-cni/values.yaml', set, '1.27'), FORCE_IPTABLES))).toEqual([['istio-cni/values.yaml', lineOf(set, 'FORCE_IPTABLES_BINARY')]])
  })

  it(`${ZIPKIN}: an empty headers list adds nothing and is quiet; a header still warns`, () => {
    const empty = `meshConfig:
  extensionProviders:
  - name: zipkin
    zipkin:
      service: zipkin.istio-system.svc.cluster.local
      port: 9411
      headers: []
`
    expect(of(run('istio/values.yaml', empty, '1.28'), ZIPKIN)).toEqual([])
    const set = `meshConfig:
  extensionProviders:
  - name: zipkin
    zipkin:
      service: zipkin.istio-system.svc.cluster.local
      port: 9411
      headers:
      - name: x-api-key
        value: abc
      - name: x-tenant
        value: shop
`
    const found = of(run('istio/values.yaml', set, '1.28'), ZIPKIN)
    expect(at(found)).toEqual([['istio/values.yaml', lineOf(set, '- name: x-api-key')]])
    expect(found[0].message).toContain('headers only exists from Istio 1.29')
  })

  it(`${STATS_COMPRESSION}: a value 1.28 did not accept never compressed, so the pod does not "keep" compressed stats`, () => {
    const pod = (value: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/statsCompression: "${value}"
    spec:
      containers:
      - name: app
        image: app:1
`
    const gzip = pod('gzip')
    const kept = of(run('apps/app.yaml', gzip, '1.29'), STATS_COMPRESSION)
    expect(at(kept)).toEqual([['apps/app.yaml', lineOf(gzip, 'statsCompression')]])
    expect(kept[0].message).toContain('keeps compressed stats')
    const bool = pod('true')
    const gained = of(run('apps/app.yaml', bool, '1.29'), STATS_COMPRESSION)
    expect(at(gained)).toEqual([['apps/app.yaml', lineOf(bool, 'statsCompression')]])
    expect(gained[0].message).toContain('served uncompressed stats')
    expect(gained[0].message).not.toContain('keeps compressed stats')
  })
})
