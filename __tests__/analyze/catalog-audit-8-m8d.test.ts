// The defects the eighth audit round (a seeded sample, helper m8d: releases 1.23–1.25) found
// (docs/audit/catalog-audit-8-m8d.md). Each test fails on the entry as it was before the fix and asserts the file
// and line of what must, or must not, be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

const istiodEnv = (vars: Record<string, string>): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    pilot:
      env:
${Object.entries(vars)
  .map(([k, v]) => `        ${k}: "${v}"`)
  .join('\n')}
`

describe('istio-1.24-gateway-name-label-removed: a workload’s own selector is not a selector of Istio’s gateway pods', () => {
  const id = 'istio-1.24-gateway-name-label-removed'
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: edge
  namespace: gw
spec:
  selector:
    matchLabels:
      istio.io/gateway-name: edge
  template:
    metadata:
      labels:
        istio.io/gateway-name: edge
    spec:
      containers:
      - name: proxy
        image: auto
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: probe
  namespace: gw
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      selector:
        matchLabels:
          istio.io/gateway-name: probe
      template:
        metadata:
          labels:
            istio.io/gateway-name: probe
        spec:
          restartPolicy: Never
          containers:
          - name: probe
            image: curl
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-bad
  namespace: gw
spec:
  selector:
    matchLabels:
      istio.io/gateway-name: edge-ap
  action: DENY
  rules:
  - from:
    - source:
        ipBlocks: [192.0.2.1]
---
apiVersion: v1
kind: Service
metadata:
  name: edge-svc
  namespace: gw
spec:
  selector:
    istio.io/gateway-name: edge-svc
  ports:
  - port: 80
`
  it('reports the AuthorizationPolicy and Service selectors, not the Deployment or CronJob selecting their own pods', () => {
    for (const target of ['1.24', '1.25']) {
      expect(at(of(run('gw.yaml', text, target), id))).toEqual([
        ['gw.yaml', lineOf(text, 'istio.io/gateway-name: edge-ap'), 'warning'],
        ['gw.yaml', lineOf(text, 'istio.io/gateway-name: edge-svc'), 'warning']
      ])
    }
  })
  it('the 1.21 deprecation of the same label skips the own selectors too', () => {
    expect(at(of(run('gw.yaml', text, '1.23'), 'istio-1.21-gateway-name-label-deprecated'))).toEqual([
      ['gw.yaml', lineOf(text, 'istio.io/gateway-name: edge-ap'), 'warning'],
      ['gw.yaml', lineOf(text, 'istio.io/gateway-name: edge-svc'), 'warning']
    ])
  })
})

describe('istio-1.23-flags-removed: ENABLE_OTEL_BUILTIN_RESOURCE_LABELS=false was the default, so its removal changes nothing', () => {
  const id = 'istio-1.23-flags-removed'
  it('is a notice on false and a warning on true', () => {
    const off = istiodEnv({ ENABLE_OTEL_BUILTIN_RESOURCE_LABELS: 'false' })
    expect(at(of(run('istiod.yaml', off, '1.23'), id))).toEqual([['istiod.yaml', lineOf(off, 'ENABLE_OTEL_BUILTIN_RESOURCE_LABELS'), 'notice']])
    const on = istiodEnv({ ENABLE_OTEL_BUILTIN_RESOURCE_LABELS: 'true' })
    const found = of(run('istiod.yaml', on, '1.25', '1.24'), id)
    expect(at(found)).toEqual([['istiod.yaml', lineOf(on, 'ENABLE_OTEL_BUILTIN_RESOURCE_LABELS'), 'warning']])
    expect(found[0].message).toContain('no longer adds')
    // Not removed yet in 1.22.
    expect(of(run('istiod.yaml', on, '1.22'), id)).toEqual([])
  })
})

describe('istio-1.24-compat-1.20-flags-removed: ENABLE_EXTERNAL_NAME_ALIAS=false is the 1.20 opt-out, true the default since 1.21', () => {
  const id = 'istio-1.24-compat-1.20-flags-removed'
  it('warns on false (the opt-out 1.24 ignores) and only notes true (the default)', () => {
    const optOut = istiodEnv({ ENABLE_EXTERNAL_NAME_ALIAS: 'false' })
    const warned = of(run('istiod.yaml', optOut, '1.24', '1.23'), id)
    expect(at(warned)).toEqual([['istiod.yaml', lineOf(optOut, 'ENABLE_EXTERNAL_NAME_ALIAS'), 'warning']])
    expect(warned[0].message).toContain('now permanent')
    const dflt = istiodEnv({ ENABLE_EXTERNAL_NAME_ALIAS: 'true' })
    const noted = of(run('istiod.yaml', dflt, '1.24'), id)
    expect(at(noted)).toEqual([['istiod.yaml', lineOf(dflt, 'ENABLE_EXTERNAL_NAME_ALIAS'), 'notice']])
    expect(noted[0].message).toContain('already the default since Istio 1.21')
  })
  it('keeps the other two switches as they were (their 1.20 values warn, their defaults are notices)', () => {
    const text = istiodEnv({ PERSIST_OLDEST_FIRST_HEURISTIC_FOR_VIRTUAL_SERVICE_HOST_MATCHING: 'true', VERIFY_CERTIFICATE_AT_CLIENT: 'false' })
    expect(at(of(run('istiod.yaml', text, '1.24'), id))).toEqual([
      ['istiod.yaml', lineOf(text, 'PERSIST_OLDEST_FIRST'), 'warning'],
      ['istiod.yaml', lineOf(text, 'VERIFY_CERTIFICATE_AT_CLIENT'), 'warning']
    ])
  })
})

describe('istio-1.25-wasm-fail-close-deny-all: a file:// module is never fetched, so the fetch-failure filter cannot apply', () => {
  const id = 'istio-1.25-wasm-fail-close-deny-all'
  const text = `apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: local
spec:
  url: file:///opt/filters/local.wasm
---
apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: remote
spec:
  url: oci://ghcr.io/example/remote:1.0
---
apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: bare
spec:
  url: ghcr.io/example/bare:1.0
`
  it('reports the OCI and scheme-less URLs only', () => {
    expect(at(of(run('wasm.yaml', text, '1.25', '1.24'), id))).toEqual([
      ['wasm.yaml', lineOf(text, 'oci://ghcr.io/example/remote'), 'warning'],
      ['wasm.yaml', lineOf(text, 'url: ghcr.io/example/bare'), 'warning']
    ])
  })
})
