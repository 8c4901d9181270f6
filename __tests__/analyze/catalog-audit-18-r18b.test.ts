// Eighteenth audit (census), helper r18b (docs/audit/catalog-audit-18-r18b.md): one test per fix, each failing on the
// entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { run, of, lineOf } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const file = parsed.find((f) => f.path === path)!
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

function deployment(opts: { namespace?: string; extraLabel?: string; extraAnnotation?: string; hostNetwork?: boolean }): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${opts.namespace ?? 'default'}
spec:
  template:
    metadata:
      labels:
        app: web
${opts.extraLabel ? `        ${opts.extraLabel}\n` : ''}      annotations:
${opts.extraAnnotation ? `        ${opts.extraAnnotation}\n` : ''}        traffic.sidecar.istio.io/excludeOutboundPorts: "53"
        proxy.istio.io/config: |
          proxyMetadata:
            ISTIO_META_DNS_CAPTURE: "true"
    spec:
${opts.hostNetwork ? '      hostNetwork: true\n' : ''}      containers:
      - name: web
        image: web
`
}

describe('istio-1.23-dns-capture-honours-exclusions: pods the sidecar injector never touches', () => {
  const id = 'istio-1.23-dns-capture-honours-exclusions'
  it('warns on an injected pod that captures DNS and excludes port 53', () => {
    const text = deployment({})
    expect(of(run('web.yaml', text, '1.23', '1.22'), id)).toEqual([
      expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'excludeOutboundPorts'), severity: 'warning' }),
    ])
  })
  it('is quiet when injection is off by label or annotation, on hostNetwork pods and in kube-system', () => {
    for (const text of [
      deployment({ extraLabel: 'sidecar.istio.io/inject: "false"' }),
      deployment({ extraAnnotation: 'sidecar.istio.io/inject: "false"' }),
      deployment({ hostNetwork: true }),
      deployment({ namespace: 'kube-system' }),
    ]) {
      expect(of(run('web.yaml', text, '1.23', '1.22'), id)).toEqual([])
    }
  })
  it('is quiet when the pod namespace disables injection in another file', () => {
    const text = deployment({ namespace: 'shop' })
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: disabled\n'
    const alone = runInRepository({ 'web.yaml': text }, 'web.yaml', '1.23', '1.22').filter((f) => f.message.includes('DNS proxy'))
    expect(alone).toEqual([expect.objectContaining({ file: 'web.yaml', line: lineOf(text, 'excludeOutboundPorts') })])
    expect(runInRepository({ 'web.yaml': text, 'ns.yaml': ns }, 'web.yaml', '1.23', '1.22').filter((f) => f.message.includes('DNS proxy'))).toEqual([])
  })
})

describe('istio-1.23-stackdriver-provider-removed: only the Stackdriver metrics left the generated config in 1.23', () => {
  const id = 'istio-1.23-stackdriver-provider-removed'
  // Round 24 (r24b): 1.23 also removed the OpenCensus-based Stackdriver tracer (istio/istio#51078, warning added by #51108),
  // so the message now says traces stop too; it still makes no claim about logs.
  it('does not claim that logs stop (istio/istio#51044 kept the Stackdriver logs)', () => {
    const text = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  meshConfig:
    extensionProviders:
    - name: sd
      stackdriver: {}
`
    const found = of(run('iop.yaml', text, '1.23', '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, 'stackdriver:'), severity: 'warning' })])
    expect(found[0].message).toContain('metrics')
    expect(found[0].message).not.toMatch(/logs/)
    expect(found[0].message).toMatch(/traces/)
  })
})

describe('istio-1.22-authz-path-templates: a notPaths template has the opposite effect of a paths template', () => {
  const id = 'istio-1.22-authz-path-templates'
  const policy = (action: string, key: string) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: api
  namespace: shop
spec:
  action: ${action}
  rules:
  - to:
    - operation:
        ${key}: ["/api/{*}/orders"]
`
  it('a DENY notPaths template: says the rule excludes nothing (so it denies more), not that it lets requests through', () => {
    const text = policy('DENY', 'notPaths')
    const found = of(run('ap.yaml', text, '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ap.yaml', line: lineOf(text, 'notPaths'), severity: 'error' })])
    expect(found[0].message).toContain('excludes nothing')
    expect(found[0].message).not.toContain('let through what they should deny')
  })
  it('a DENY paths template keeps the message about requests let through', () => {
    const text = policy('DENY', 'paths')
    const found = of(run('ap.yaml', text, '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ap.yaml', line: lineOf(text, 'paths'), severity: 'error' })])
    expect(found[0].message).toContain('let through what they should deny')
  })
  it('an AUDIT notPaths template audits more, it does not leave requests unaudited', () => {
    const text = policy('AUDIT', 'notPaths')
    const found = of(run('ap.yaml', text, '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ap.yaml', line: lineOf(text, 'notPaths'), severity: 'warning' })])
    expect(found[0].message).toContain('also marks for auditing')
    expect(found[0].message).not.toContain('go unaudited')
  })
  it('is quiet from Istio 1.22', () => {
    expect(of(run('ap.yaml', policy('DENY', 'notPaths'), '1.22'), id)).toEqual([])
  })
})

describe('istio-1.22-grpcroute-v1 / -v1alpha2-removed: a GRPCRoute of another controller is not read by Istio', () => {
  const route = (version: string) => `apiVersion: gateway.networking.k8s.io/${version}
kind: GRPCRoute
metadata:
  name: greeter
  namespace: apps
spec:
  parentRefs:
  - name: edge
  rules:
  - backendRefs:
    - name: greeter
      port: 9000
`
  const gateway = (cls: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: apps
spec:
  gatewayClassName: ${cls}
  listeners:
  - name: grpc
    port: 80
    protocol: HTTP
`
  it('v1 on 1.21: error with an istio Gateway as parent, nothing with an envoy-gateway parent', () => {
    const text = route('v1')
    const istio = runInRepository({ 'route.yaml': text, 'gw.yaml': gateway('istio') }, 'route.yaml', '1.21').filter((f) => f.message.includes('GRPCRoute at gateway.networking.k8s.io/v1'))
    expect(istio).toEqual([expect.objectContaining({ file: 'route.yaml', line: lineOf(text, 'apiVersion'), severity: 'error' })])
    const other = runInRepository({ 'route.yaml': text, 'gw.yaml': gateway('eg') }, 'route.yaml', '1.21').filter((f) => f.message.includes('GRPCRoute at gateway.networking.k8s.io/v1'))
    expect(other).toEqual([])
  })
  it('v1alpha2 on 1.22: deprecation with an istio Gateway as parent, nothing with an envoy-gateway parent', () => {
    const text = route('v1alpha2')
    const istio = runInRepository({ 'route.yaml': text, 'gw.yaml': gateway('istio') }, 'route.yaml', '1.22').filter((f) => f.message.includes('Gateway API 1.2'))
    expect(istio).toEqual([expect.objectContaining({ file: 'route.yaml', line: lineOf(text, 'apiVersion'), severity: 'warning' })])
    const other = runInRepository({ 'route.yaml': text, 'gw.yaml': gateway('eg') }, 'route.yaml', '1.22').filter((f) => f.message.includes('Gateway API 1.2'))
    expect(other).toEqual([])
  })
})

describe('istio-1.23-use-waypoint-namespace-label: before 1.22 there is no istio.io/use-waypoint to qualify', () => {
  const id = 'istio-1.23-use-waypoint-namespace-label'
  const text = `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: bookinfo
  labels:
    istio.io/use-waypoint: shared
    istio.io/use-waypoint-namespace: mesh-waypoints
spec:
  ports:
  - port: 9080
`
  it('warns on 1.22, which reads istio.io/use-waypoint but not the namespace label', () => {
    expect(of(run('svc.yaml', text, '1.22'), id)).toEqual([
      expect.objectContaining({ file: 'svc.yaml', line: lineOf(text, 'use-waypoint-namespace'), severity: 'warning' }),
    ])
  })
  it('is quiet on 1.20 and 1.21, which read neither label (the message about the own namespace would be false)', () => {
    for (const target of ['1.20', '1.21']) expect(of(run('svc.yaml', text, target), id)).toEqual([])
  })
})

describe('istio-1.23-waypoint-for-on-gatewayclass: before 1.22 no waypoint reads istio.io/waypoint-for at all', () => {
  const id = 'istio-1.23-waypoint-for-on-gatewayclass'
  const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: istio-waypoint
  labels:
    istio.io/waypoint-for: all
spec:
  controllerName: istio.io/mesh-controller
`
  it('warns on 1.22, where the label works on each waypoint Gateway but not on the class', () => {
    expect(of(run('gc.yaml', text, '1.22'), id)).toEqual([expect.objectContaining({ file: 'gc.yaml', line: lineOf(text, 'waypoint-for'), severity: 'warning' })])
  })
  it('is quiet on 1.20 and 1.21 (the message\'s "unless each waypoint Gateway carries the label" is false there)', () => {
    for (const target of ['1.20', '1.21']) expect(of(run('gc.yaml', text, target), id)).toEqual([])
  })
})

describe('istio-1.22-opentelemetry-provider-fields: an empty resourceDetectors block sets no detector', () => {
  const id = 'istio-1.22-opentelemetry-provider-fields'
  const iop = (detectors: string) => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  meshConfig:
    extensionProviders:
    - name: otel
      opentelemetry:
        service: otel-collector.observability.svc.cluster.local
        port: 4317
        resourceDetectors: ${detectors}
`
  it('reports a detector that older releases do not know (an error in an IstioOperator before 1.24, whose istioctl refuses it)', () => {
    const text = iop('{environment: {}}')
    expect(of(run('iop.yaml', text, '1.21'), id)).toEqual([expect.objectContaining({ file: 'iop.yaml', line: lineOf(text, 'resourceDetectors'), severity: 'error' })])
  })
  it('is quiet on resourceDetectors: {} (no detector, so 1.21 behaves the same)', () => {
    expect(of(run('iop.yaml', iop('{}'), '1.21'), id)).toEqual([])
  })
})
