// The defects the fourth (independent, sampled) audit of the 1.20–1.23 catalog entries found
// (docs/audit/catalog-audit-4-1.20-1.23.md): each test fails on the entry as it was before the fix and asserts the
// file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf, runWithRepository } from '../support/catalog-run.js'

const istiodEnv = (name: string, value: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  selector:
    matchLabels: {app: istiod}
  template:
    metadata:
      labels: {app: istiod}
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.19.5
        env:
        - name: ${name}
          value: "${value}"
`

describe('audit 4 1.20–1.23 #12: PILOT_ENABLE_DESTINATION_RULE_INHERITANCE set to false', () => {
  const id = 'istio-1.20-destination-rule-inheritance-removed'
  it('is only a notice when the variable kept inheritance off (nothing stops)', () => {
    const text = istiodEnv('PILOT_ENABLE_DESTINATION_RULE_INHERITANCE', 'false')
    for (const target of ['1.20', '1.23']) {
      const found = of(run('istio/istiod.yaml', text, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(text, 'PILOT_ENABLE_DESTINATION_RULE_INHERITANCE'), severity: 'notice', rule: 'removed-feature' })])
      expect(found[0].message).not.toMatch(/silently stops/)
      expect(found[0].message).toMatch(/remove it/)
    }
  })

  it('stays a warning when inheritance was switched on', () => {
    const text = istiodEnv('PILOT_ENABLE_DESTINATION_RULE_INHERITANCE', 'true')
    const found = of(run('istio/istiod.yaml', text, '1.20'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(text, 'PILOT_ENABLE_DESTINATION_RULE_INHERITANCE'), severity: 'warning' })])
    expect(found[0].message).toMatch(/silently stops/)
  })
})

describe('audit 4 1.20–1.23 #18: default zipkin tracing removed in 1.22', () => {
  const id = 'istio-1.22-default-zipkin-tracing-removed'
  // An explicit tracer: zipkin still renders the zipkin address with the 1.22 istiod chart
  // (charts/istiod/1.22.0/templates/configmap.yaml), and an explicit address needs no default.
  const explicit = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
spec:
  meshConfig:
    enableTracing: true
    defaultConfig:
      tracing:
        zipkin:
          address: jaeger-collector.observability:9411
  values:
    global:
      proxy:
        tracer: zipkin
`
  it('stays quiet on an explicit zipkin tracer and an explicit tracing address', () => {
    expect(of(run('install/iop.yaml', explicit, '1.22', '1.21'), id)).toEqual([])
    expect(of(run('install/iop.yaml', explicit, '1.24', '1.20'), id)).toEqual([])
  })

  const implicit = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    enableTracing: true
    accessLogFile: /dev/stdout
`
  it('reports tracing that relied on the old default', () => {
    const found = of(run('istio/mesh.yaml', implicit, '1.22', '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'istio/mesh.yaml', line: lineOf(implicit, 'enableTracing'), severity: 'warning', rule: 'default-changed' })])
  })

  it('stays quiet when a default tracing provider is configured', () => {
    const provider = implicit.replace('    accessLogFile: /dev/stdout\n', '    defaultProviders:\n      tracing: [otel]\n')
    expect(of(run('istio/mesh.yaml', provider, '1.22', '1.21'), id)).toEqual([])
  })
})

describe('audit 4 1.20–1.23 #10: OpenCensus tracing provider dropped in 1.23 (istio-1.23-opencensus-provider-removed)', () => {
  const mesh = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    extensionProviders:
    - name: oc
      opencensus:
        service: oc-agent.observability.svc.cluster.local
        port: 55678
`
  // The provider is paired with what selects it (cross-object checks, run by the repository step): a warning where a
  // Telemetry resource or defaultProviders.tracing selects it, a notice where nothing in the files does.
  const opencensus = (text: string, target: string) => runWithRepository('istio/mesh.yaml', text, target).filter((f) => /OpenCensus tracer/.test(f.message))
  it('is a warning where the provider is selected: MeshConfig keeps the field, so the config applies and only the spans stop', () => {
    const selected = mesh.replace('    extensionProviders:\n', '    defaultProviders:\n      tracing: [oc]\n    extensionProviders:\n')
    for (const target of ['1.23', '1.27']) {
      expect(opencensus(selected, target)).toEqual([expect.objectContaining({ file: 'istio/mesh.yaml', line: lineOf(selected, 'opencensus:'), severity: 'warning', rule: 'removed-feature' })])
    }
    expect(opencensus(selected, '1.22')).toEqual([])
  })
  it('is a notice where nothing in the files selects it (nothing changes unless a Telemetry kept elsewhere names it)', () => {
    expect(opencensus(mesh, '1.23')).toEqual([expect.objectContaining({ line: lineOf(mesh, 'opencensus:'), severity: 'notice' })])
  })
})

describe('audit 4 1.20–1.23 #24: istio-cni logLevel from 1.23', () => {
  const id = 'istio-1.23-cni-log-level-deprecated'
  const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.23.0
      sourceRef: {kind: HelmRepository, name: istio}
  values:
    cni:
      logLevel: warn
`
  it('is a removed value (no 1.23 template reads it), reported as a warning', () => {
    for (const target of ['1.23', '1.25']) {
      const found = of(run('istio/cni.yaml', release, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'istio/cni.yaml', line: lineOf(release, 'logLevel'), severity: 'warning', rule: 'removed-feature' })])
      expect(found[0].message).toMatch(/logging\.level/)
    }
  })

  it('stays quiet on 1.22, whose chart reads it', () => {
    expect(of(run('istio/cni.yaml', release, '1.22'), id)).toEqual([])
  })
})

describe('audit 4 1.20–1.23 #25: WORKLOAD_IDENTITY_SOCKET_FILE', () => {
  const id = 'istio-1.23.6-workload-identity-socket-file'
  const mesh = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    defaultConfig:
      proxyMetadata:
        WORKLOAD_IDENTITY_SOCKET_FILE: spire-agent.sock
`
  it('is reported as a warning on the patches before the bootstrap fix (1.23.0–1.23.5, 1.24.0–1.24.3) and before 1.23', () => {
    for (const target of ['1.22', '1.23.0', '1.23.5', '1.24.3']) {
      const found = of(run('istio/mesh.yaml', mesh, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'istio/mesh.yaml', line: lineOf(mesh, 'WORKLOAD_IDENTITY_SOCKET_FILE'), severity: 'warning', rule: 'not-yet-available' })])
    }
  })

  it('stays quiet from the fixed patches on', () => {
    for (const target of ['1.23.6', '1.24.4', '1.25', '1.28']) expect(of(run('istio/mesh.yaml', mesh, target), id)).toEqual([])
  })
})
