// The defects the eighth audit round (a seeded sample, helper m8c: releases 1.20–1.22) found
// (docs/audit/catalog-audit-8-m8c.md). Each test fails on the entry as it was before the fix and asserts the file
// and line of what must, or must not, be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

describe('istio-1.22-policy-target-refs: no "use the single targetRef" advice for targets a pre-1.22 targetRef cannot attach to', () => {
  const id = 'istio-1.22-policy-target-refs'
  const policy = (apiVersion: string, kind: string, targetKind: string, extra = ''): string => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: p
  namespace: app
spec:
${extra}  targetRefs:
  - kind: ${targetKind}
    group: ${targetKind === 'Service' ? '""' : 'gateway.networking.k8s.io'}
    name: target
`
  const cases: [string, string, string][] = [
    ['security.istio.io/v1', 'AuthorizationPolicy', '  action: DENY\n'],
    ['security.istio.io/v1beta1', 'RequestAuthentication', ''],
    ['telemetry.istio.io/v1alpha1', 'Telemetry', ''],
    ['extensions.istio.io/v1alpha1', 'WasmPlugin', '  url: oci://example/filter\n']
  ]

  it('still rejects a Service, ServiceEntry or GatewayClass target before 1.22, without pointing at targetRef', () => {
    for (const [apiVersion, kind, extra] of cases) {
      for (const targetKind of ['Service', 'ServiceEntry', 'GatewayClass']) {
        const text = policy(apiVersion, kind, targetKind, extra)
        for (const target of ['1.20', '1.21']) {
          const found = of(run('policy.yaml', text, target), id)
          // Reported on the target's kind, which is what has no pre-1.22 equivalent.
          expect(at(found)).toEqual([['policy.yaml', lineOf(text, `- kind: ${targetKind}`), 'error']])
          expect(found[0].message).toContain(`this ${targetKind} target has no equivalent`)
          expect(found[0].message).not.toContain('use the single targetRef')
        }
        expect(of(run('policy.yaml', text, '1.22'), id)).toEqual([])
      }
    }
  })

  it('keeps the targetRef advice for a list of Kubernetes Gateways, which targetRef attaches to before 1.22', () => {
    for (const [apiVersion, kind, extra] of cases) {
      const text = policy(apiVersion, kind, 'Gateway', extra)
      const found = of(run('policy.yaml', text, '1.21'), id)
      expect(at(found)).toEqual([['policy.yaml', lineOf(text, 'targetRefs:'), 'error']])
      expect(found[0].message).toContain('use the single targetRef')
    }
  })

  it('uses the no-equivalent message when a list mixes a Gateway and a Service', () => {
    const text = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: p
spec:
  targetRefs:
  - kind: Gateway
    group: gateway.networking.k8s.io
    name: gw
  - kind: Service
    group: ""
    name: svc
`
    const found = of(run('mixed.yaml', text, '1.21'), id)
    expect(at(found)).toEqual([['mixed.yaml', lineOf(text, '- kind: Service'), 'error']])
    expect(found[0].message).toContain('this Service target has no equivalent')
    expect(found[0].message).not.toContain('use the single targetRef')
  })
})

describe('istio-1.22-ambient-redirection-opt-out-removed: quiet when the pod already carries istio.io/dataplane-mode: none', () => {
  const id = 'istio-1.22-ambient-redirection-opt-out-removed'
  const deployment = (labels: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  annotations:
    ambient.istio.io/redirection: disabled
spec:
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
${labels}      annotations:
        ambient.istio.io/redirection: disabled
    spec:
      containers:
      - name: app
        image: example/app
`

  it('says nothing when the new opt-out label sits next to the old annotation', () => {
    const text = deployment('        istio.io/dataplane-mode: none\n')
    for (const target of ['1.22', '1.23', '1.31']) expect(of(run('app.yaml', text, target), id)).toEqual([])
  })

  it('still warns on the annotation alone, and when the label enrols the pod instead', () => {
    for (const labels of ['', '        istio.io/dataplane-mode: ambient\n']) {
      const text = deployment(labels)
      // The pod template's annotation is reported; the Deployment's own (line 6) is not read by the CNI.
      const line = text.split('\n').findIndex((l, i) => i > 10 && l.includes('ambient.istio.io/redirection')) + 1
      expect(at(of(run('app.yaml', text, '1.22'), id))).toEqual([['app.yaml', line, 'warning']])
      expect(of(run('app.yaml', text, '1.21'), id)).toEqual([])
    }
  })

  it('reads a bare Pod the same way', () => {
    const pod = (labels: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: p
${labels}  annotations:
    ambient.istio.io/redirection: disabled
spec:
  containers:
  - name: app
    image: example/app
`
    const alone = pod('')
    expect(at(of(run('pod.yaml', alone, '1.22'), id))).toEqual([['pod.yaml', lineOf(alone, 'ambient.istio.io/redirection'), 'warning']])
    expect(of(run('pod.yaml', pod('  labels:\n    istio.io/dataplane-mode: none\n'), '1.22'), id)).toEqual([])
  })
})

describe('istio-1.22-ext-authz-include-headers-deprecated: each provider is judged on its own keys', () => {
  const id = 'istio-1.22-ext-authz-include-headers-deprecated'
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    extensionProviders:
    - name: legacy
      envoyExtAuthzHttp:
        service: authz.foo.svc.cluster.local
        port: 8000
        includeHeadersInCheck: ["x-legacy"]
    - name: both
      envoyExtAuthzHttp:
        service: authz.foo.svc.cluster.local
        port: 8000
        includeRequestHeadersInCheck: ["x-new"]
        includeHeadersInCheck: ["x-old"]
    - name: migrated
      envoyExtAuthzHttp:
        service: authz.foo.svc.cluster.local
        port: 8000
        includeRequestHeadersInCheck: ["x-done"]
`
  const lines = text.split('\n')
  const lineAfter = (start: string, needle: string): number => {
    const from = lines.findIndex((l) => l.includes(start))
    return lines.findIndex((l, i) => i > from && l.includes(needle)) + 1
  }

  it('does not tell a provider without includeRequestHeadersInCheck that it is already set', () => {
    const found = of(run('mesh.yaml', text, '1.22'), id)
    const legacy = found.filter((f) => f.path?.startsWith('data.mesh.extensionProviders[0]'))
    expect(at(legacy)).toEqual([['mesh.yaml', lineAfter('name: legacy', 'envoyExtAuthzHttp'), 'notice']])
    expect(legacy[0].message).not.toContain('already set')
    expect(legacy[0].message).not.toContain('sets both')
    expect(legacy[0].message).toContain('rename it to includeRequestHeadersInCheck')
  })

  it('tells the provider with both keys that only the new one is read, and leaves the migrated one alone', () => {
    const found = of(run('mesh.yaml', text, '1.22'), id)
    const byLine = (a: unknown[], b: unknown[]) => (a[1] as number) - (b[1] as number)
    expect(at(found).sort(byLine)).toEqual([
      ['mesh.yaml', lineAfter('name: legacy', 'envoyExtAuthzHttp'), 'notice'],
      ['mesh.yaml', lineAfter('name: both', 'envoyExtAuthzHttp'), 'notice']
    ])
    const both = found.find((f) => f.path?.startsWith('data.mesh.extensionProviders[1]'))
    expect(both?.message).toContain('reads only includeRequestHeadersInCheck')
    expect(found.some((f) => f.path?.startsWith('data.mesh.extensionProviders[2]'))).toBe(false)
    expect(of(run('mesh.yaml', text, '1.21'), id)).toEqual([])
  })

  it('keeps the rename suggestion on the key when no provider has migrated yet', () => {
    const single = `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    extensionProviders:
    - name: legacy
      envoyExtAuthzHttp:
        service: authz.foo.svc.cluster.local
        port: 8000
        includeHeadersInCheck: ["x-legacy"]
`
    const found = of(run('mesh.yaml', single, '1.22'), id)
    expect(at(found)).toEqual([['mesh.yaml', lineOf(single, 'includeHeadersInCheck'), 'notice']])
    expect(found[0].fix).toBeDefined()
  })
})
