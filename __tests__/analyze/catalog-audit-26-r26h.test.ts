// Round 26 census, share r26h (docs/audit/catalog-audit-26-r26h.md): each ❌ fixed, with the YAML that showed it.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

describe('istio-1.31-allow-insecure-fallback: only a Gateway that terminates TLS validates client certificates', () => {
  const id = 'istio-1.31-allow-insecure-fallback'
  const gw = (listeners: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: ingress
spec:
  gatewayClassName: istio
  listeners:
${listeners}  tls:
    frontend:
      default:
        validation:
          mode: AllowInsecureFallback
          caCertificateRefs:
          - {kind: ConfigMap, group: "", name: client-ca}
`
  it('is quiet on a Gateway whose listeners are all plain HTTP (no TLS handshake, nothing is validated)', () => {
    const text = gw('  - {name: http, port: 80, protocol: HTTP}\n')
    for (const target of ['1.28', '1.29', '1.30']) expect(of(run('gw.yaml', text, target), id)).toEqual([])
  })
  it('is quiet on a Gateway with only a TLS Passthrough listener (the gateway never sees the client certificate)', () => {
    const text = gw('  - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}\n')
    expect(of(run('gw.yaml', text, '1.30'), id)).toEqual([])
  })
  it('still errs with an HTTPS listener, and with a TLS listener that terminates (certificateRefs)', () => {
    const https = gw('  - name: https\n    port: 443\n    protocol: HTTPS\n    tls: {certificateRefs: [{name: cert}]}\n')
    expect(at(of(run('gw.yaml', https, '1.30'), id))).toEqual([`gw.yaml:${lineOf(https, 'mode: AllowInsecureFallback')} error`])
    const tls = gw('  - name: tls\n    port: 8443\n    protocol: TLS\n    tls: {mode: Terminate, certificateRefs: [{name: cert}]}\n')
    expect(at(of(run('gw.yaml', tls, '1.29'), id))).toEqual([`gw.yaml:${lineOf(tls, 'mode: AllowInsecureFallback')} error`])
    expect(of(run('gw.yaml', https, '1.31'), id)).toEqual([])
  })
})

describe('istio-1.22-default-zipkin-tracing-removed: a stackdriver tracer set mesh-wide in another values file', () => {
  const values = 'meshConfig:\n  enableTracing: true\n'
  const zipkin = (fs: Finding[]): Finding[] => fs.filter((f) => /zipkin\.istio-system:9411 by default/.test(f.message))
  it('warns with tracing on and no tracer anywhere', () => {
    expect(at(zipkin(runInRepository({ 'values.yaml': values }, 'values.yaml', '1.22', '1.21')))).toEqual([
      `values.yaml:${lineOf(values, 'enableTracing')} warning`,
    ])
  })
  it('is quiet when another values file sets defaultConfig.tracing.stackdriver (the default zipkin address was never used)', () => {
    const other = 'meshConfig:\n  defaultConfig:\n    tracing:\n      stackdriver: {}\n'
    expect(zipkin(runInRepository({ 'values.yaml': values, 'values-tracing.yaml': other }, 'values.yaml', '1.22', '1.21'))).toEqual([])
  })
  it('still warns when the other file only sets the sampling rate (the zipkin address came from the removed default)', () => {
    const other = 'meshConfig:\n  defaultConfig:\n    tracing:\n      sampling: 10\n'
    expect(zipkin(runInRepository({ 'values.yaml': values, 'values-tracing.yaml': other }, 'values.yaml', '1.22', '1.21'))).toHaveLength(1)
  })
})

describe('proxy env entries are quiet on pods of a Namespace the injector skips (istio-injection: disabled in another file)', () => {
  const deployment = (meta: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: legacy
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata:
      labels: {app: a}
      annotations:
        proxy.istio.io/config: |
          proxyMetadata:
            ${meta}
    spec:
      containers: [{name: a, image: a}]
`
  const disabled = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: legacy\n  labels:\n    istio-injection: disabled\n'
  const enabled = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: legacy\n  labels:\n    istio-injection: enabled\n'
  const cases: [string, string, string, string, RegExp][] = [
    ['istio-1.21-bootstrap-xds-agent-removed', 'BOOTSTRAP_XDS_AGENT: "true"', '1.21', '1.20', /removed BOOTSTRAP_XDS_AGENT/],
    ['istio-1.21-bootstrap-xds-agent-removed', 'BOOTSTRAP_XDS_AGENT: "false"', '1.21', '1.20', /already the default/],
    ['istio-1.22-delta-xds', 'ISTIO_DELTA_XDS: "false"', '1.22', '1.21', /state-of-the-world/],
  ]
  for (const [id, meta, target, from, text] of cases) {
    it(`${id} (${meta}): reported in an injected Namespace, quiet in a disabled one`, () => {
      const d = deployment(meta)
      const pick = (fs: Finding[]): Finding[] => fs.filter((f) => text.test(f.message))
      const on = pick(runInRepository({ 'd.yaml': d, 'ns.yaml': enabled }, 'd.yaml', target, from))
      expect(on.map((f) => `${f.file}:${f.line}`)).toEqual([`d.yaml:${lineOf(d, 'proxy.istio.io/config')}`])
      expect(pick(runInRepository({ 'd.yaml': d, 'ns.yaml': disabled }, 'd.yaml', target, from))).toEqual([])
    })
  }
})

describe('istio-1.21-private-key-provider-fallback: quiet on pods of a Namespace the injector skips', () => {
  const d = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: legacy
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata:
      labels: {app: a}
      annotations:
        proxy.istio.io/config: |
          privateKeyProvider:
            cryptomb:
              fallback: true
    spec:
      containers: [{name: a, image: a}]
`
  const ns = (label: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: legacy\n  labels:\n    istio-injection: ${label}\n`
  const pick = (fs: Finding[]): Finding[] => fs.filter((f) => /fall back to BoringSSL/.test(f.message))
  it('warns in an injected Namespace on 1.20, not in one labelled istio-injection: disabled', () => {
    expect(at(pick(runInRepository({ 'd.yaml': d, 'ns.yaml': ns('enabled') }, 'd.yaml', '1.20')))).toEqual([`d.yaml:${lineOf(d, 'proxy.istio.io/config')} warning`])
    expect(pick(runInRepository({ 'd.yaml': d, 'ns.yaml': ns('disabled') }, 'd.yaml', '1.20'))).toEqual([])
  })
})
