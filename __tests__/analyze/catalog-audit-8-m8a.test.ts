// Eighth audit (seeded sample, helper m8a) of catalog entries of 1.28 and 1.29 (docs/audit/catalog-audit-8-m8a.md).
// Each test fails on the entry as it stood before this audit and passes on the fixed one; every expected finding is
// pinned to its file and line, and each narrowed matcher keeps a trip test on the YAML it must still report.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const SECTION = 'istio-1.28-backend-tls-policy-section-name'
const BTLS_V1 = 'istio-1.28-backend-tls-policy-v1'
const MAXCONN = 'istio-1.29-global-downstream-max-connections-runtime-deprecated'

const at = (found: { file: string; line?: number; severity: string }[]): [string, number | undefined, string][] =>
  found.map((f) => [f.file, f.line, f.severity])

const policy = (apiVersion: string): string => `apiVersion: ${apiVersion}
kind: BackendTLSPolicy
metadata:
  name: api-tls
  namespace: shop
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: api
    sectionName: https
  validation:
    hostname: api.example.com
    wellKnownCACertificates: System
`

describe('audit 8 (m8a): fixes of the entries found wrong', () => {
  it(`${SECTION}: a v1 policy (never read before 1.28) gets only the v1 error, not a second one claiming ports`, () => {
    const v1 = policy('gateway.networking.k8s.io/v1')
    for (const target of ['1.26', '1.27']) {
      const found = run('gateway/backend-tls.yaml', v1, target)
      expect(of(found, SECTION)).toEqual([])
      expect(at(of(found, BTLS_V1))).toEqual([['gateway/backend-tls.yaml', lineOf(v1, 'apiVersion:'), 'error']])
    }
    expect(of(run('gateway/backend-tls.yaml', v1, '1.28'), SECTION)).toEqual([])
  })

  it(`${SECTION}: a v1alpha3 policy with sectionName trips on 1.26 and 1.27, which read it behind the alpha flag, and not on 1.25, which reads no BackendTLSPolicy`, () => {
    const alpha = policy('gateway.networking.k8s.io/v1alpha3')
    for (const target of ['1.26', '1.27', '1.27.9']) {
      const found = of(run('gateway/backend-tls.yaml', alpha, target), SECTION)
      expect(at(found)).toEqual([['gateway/backend-tls.yaml', lineOf(alpha, 'sectionName:'), 'error']])
      expect(found[0].message).toContain('PILOT_ENABLE_ALPHA_GATEWAY_API')
      expect(found[0].message).toContain('every port')
    }
    expect(of(run('gateway/backend-tls.yaml', alpha, '1.25'), SECTION)).toEqual([])
    expect(of(run('gateway/backend-tls.yaml', alpha, '1.28'), SECTION)).toEqual([])
  })

  const meshConfigMap = (defaultConfig: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    defaultConfig:
${defaultConfig}`

  it(`${MAXCONN}: the runtime flag next to ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS (the new way, already there) is quiet`, () => {
    const both = meshConfigMap(`      runtimeValues:
        overload.global_downstream_max_connections: "50000"
      proxyMetadata:
        ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"
`)
    expect(of(run('istio/mesh.yaml', both, '1.29'), MAXCONN)).toEqual([])
    expect(of(run('istio/mesh.yaml', both, '1.30', '1.28'), MAXCONN)).toEqual([])
    const values = `meshConfig:
  defaultConfig:
    proxyMetadata:
      ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"
    runtimeValues:
      overload.global_downstream_max_connections: "50000"
`
    expect(of(run('istio/values.yaml', values, '1.29'), MAXCONN)).toEqual([])
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: app
  annotations:
    proxy.istio.io/config: |
      proxyMetadata:
        ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"
      runtimeValues:
        overload.global_downstream_max_connections: "50000"
spec:
  containers:
  - name: app
    image: app
`
    expect(of(run('apps/pod.yaml', pod, '1.29'), MAXCONN)).toEqual([])
  })

  it(`${MAXCONN}: the runtime flag alone still gets the deprecation notice, in the mesh config and in the annotation`, () => {
    const alone = meshConfigMap(`      runtimeValues:
        overload.global_downstream_max_connections: "50000"
      proxyMetadata:
        ISTIO_META_DNS_CAPTURE: "true"
`)
    const found = of(run('istio/mesh.yaml', alone, '1.29'), MAXCONN)
    expect(at(found)).toEqual([['istio/mesh.yaml', lineOf(alone, 'overload.global_downstream_max_connections'), 'notice']])
    expect(found[0].message).toContain('ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS')
    expect(of(run('istio/mesh.yaml', alone, '1.28'), MAXCONN)).toEqual([])
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: app
  annotations:
    proxy.istio.io/config: |
      runtimeValues:
        overload.global_downstream_max_connections: "50000"
spec:
  containers:
  - name: app
    image: app
`
    expect(at(of(run('apps/pod.yaml', pod, '1.29'), MAXCONN))).toEqual([['apps/pod.yaml', lineOf(pod, 'proxy.istio.io/config'), 'notice']])
  })
})
