// Thirtieth audit, helper r30a (docs/audit/catalog-audit-30-r30a.md): each test fails on the entry as it was before the
// fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer, catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { lineOf, of, run } from '../support/catalog-run.js'

/** One entry's findings on `path` after the catalog's settle step (opt-outs, other controllers' objects), as file:line severity. */
function settled(id: string, path: string, text: string, target: string, from?: string, others: Record<string, string> = {}): string[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: [file], pairingFiles: Object.entries(others).map(([p, t]) => parseManifestFile(p, t)) }
  const found = file.documents.flatMap((d) => catalogFindings(d, ctx))
  const kept = new Set(catalogAnalyzer.settle!(found.map((h) => h.finding), ctx))
  return of(found.filter((h) => kept.has(h.finding)), id).map((f) => `${f.file}:${f.line} ${f.severity}`)
}

const envoyFilter = (applyTo: string, operation: string, domainName: string): string =>
  [
    'apiVersion: networking.istio.io/v1alpha3',
    'kind: EnvoyFilter',
    'metadata:',
    '  name: ef',
    '  namespace: istio-system',
    'spec:',
    '  configPatches:',
    `  - applyTo: ${applyTo}`,
    '    match:',
    '      context: GATEWAY',
    '      routeConfiguration:',
    '        vhost:',
    `          domainName: ${domainName}`,
    '    patch:',
    `      operation: ${operation}`,
    '      value:',
    '        name: x',
    ''
  ].join('\n')

describe('istio-1.26-envoyfilter-vhost-domain-name (round 29 m29a FIX)', () => {
  const id = 'istio-1.26-envoyfilter-vhost-domain-name'
  it('a VIRTUAL_HOST ADD patch gives nothing at 1.25: the add step never reads the vhost match, in 1.26 either', () => {
    expect(of(run('ef.yaml', envoyFilter('VIRTUAL_HOST', 'ADD', 'foo.example.com'), '1.25', '1.24'), id)).toEqual([])
  })
  it('an empty domainName gives nothing at 1.25: it matches every virtual host in 1.26 too', () => {
    expect(of(run('ef.yaml', envoyFilter('VIRTUAL_HOST', 'MERGE', '""'), '1.25', '1.24'), id)).toEqual([])
  })
  it('a VIRTUAL_HOST MERGE and an HTTP_ROUTE ADD with a domain still err at 1.25', () => {
    const merge = envoyFilter('VIRTUAL_HOST', 'MERGE', 'foo.example.com')
    expect(of(run('ef.yaml', merge, '1.25', '1.24'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['ef.yaml', lineOf(merge, '- applyTo'), 'error']])
    const add = envoyFilter('HTTP_ROUTE', 'ADD', 'foo.example.com')
    expect(of(run('ef.yaml', add, '1.25', '1.24'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['ef.yaml', lineOf(add, '- applyTo'), 'error']])
  })
})

const policy = (o: { annotation?: boolean; kind?: string }): string =>
  (o.kind === 'XBackendTrafficPolicy'
    ? ['apiVersion: gateway.networking.x-k8s.io/v1alpha1', 'kind: XBackendTrafficPolicy']
    : ['apiVersion: gateway.networking.k8s.io/v1alpha3', 'kind: BackendTLSPolicy']
  )
    .concat([
      'metadata:',
      '  name: backend-tls',
      '  namespace: apps',
      ...(o.annotation ? ['  annotations:', '    istio.io/ignore-policy-attachment: "true"'] : []),
      'spec:',
      '  targetRefs:',
      '  - group: ""',
      '    kind: Service',
      '    name: backend',
      ...(o.kind === 'XBackendTrafficPolicy'
        ? ['  retryConstraint:', '    budget:', '      percent: 20']
        : ['  validation:', '    hostname: backend.example.com', '    wellKnownCACertificates: System']),
      ''
    ])
    .join('\n')

const gatewayAndRoute = (className: string): string =>
  [
    '---',
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata:',
    '  name: edge',
    '  namespace: apps',
    'spec:',
    `  gatewayClassName: ${className}`,
    '  listeners:',
    '  - name: http',
    '    port: 80',
    '    protocol: HTTP',
    '---',
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: HTTPRoute',
    'metadata:',
    '  name: r',
    '  namespace: apps',
    'spec:',
    '  parentRefs:',
    '  - name: edge',
    '  rules:',
    '  - backendRefs:',
    '    - name: backend',
    '      port: 443',
    ''
  ].join('\n')

describe('istio-1.26-backend-tls-policy-alpha (round 29 m29b FIX)', () => {
  const id = 'istio-1.26-backend-tls-policy-alpha'
  it('a policy marked istio.io/ignore-policy-attachment gives nothing at 1.25 (BackendTLSPolicy and XBackendTrafficPolicy)', () => {
    expect(of(run('btp.yaml', policy({ annotation: true }), '1.25', '1.24'), id)).toEqual([])
    expect(of(run('btp.yaml', policy({ annotation: true, kind: 'XBackendTrafficPolicy' }), '1.25', '1.24'), id)).toEqual([])
  })
  it('a policy whose Service only routes of a non-Istio Gateway use gives nothing at 1.25', () => {
    expect(settled(id, 'btp.yaml', policy({}) + gatewayAndRoute('envoy-gateway'), '1.25', '1.24')).toEqual([])
    expect(settled(id, 'btp.yaml', policy({ kind: 'XBackendTrafficPolicy' }) + gatewayAndRoute('envoy-gateway'), '1.25', '1.24')).toEqual([])
    // The route and Gateway in another file of the repository count too.
    expect(settled(id, 'btp.yaml', policy({}), '1.25', '1.24', { 'gw.yaml': gatewayAndRoute('envoy-gateway') })).toEqual([])
  })
  it('the same policy used by an Istio Gateway, or with no route in the files, still errs at 1.25', () => {
    // Round 40 (r40c, docs/audit/catalog-audit-40-r40c.md): with no file turning PILOT_ENABLE_ALPHA_GATEWAY_API on, a notice.
    expect(settled(id, 'btp.yaml', policy({}) + gatewayAndRoute('istio'), '1.25', '1.24')).toEqual(['btp.yaml:1 notice'])
    expect(settled(id, 'btp.yaml', policy({}), '1.25', '1.24')).toEqual(['btp.yaml:1 notice'])
    expect(settled(id, 'btp.yaml', policy({}), '1.25', '1.24', { 'gw.yaml': gatewayAndRoute('istio') })).toEqual(['btp.yaml:1 notice'])
  })
})

const nativeSideDeployment = (value: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    '  namespace: apps',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    `        sidecar.istio.io/native-side: "${value}"`,
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: app',
    ''
  ].join('\n')

describe('istio-1.27-native-side-annotation-typo (round 30 r30a, kind 36)', () => {
  const id = 'istio-1.27-native-side-annotation-typo'
  it('a misspelt opt-out "false" gives nothing on 1.24-1.26 where native sidecars are off by default', () => {
    for (const target of ['1.24', '1.25', '1.26']) expect(settled(id, 'd.yaml', nativeSideDeployment('false'), target)).toEqual([])
  })
  it('it still warns on 1.25 where the repository turns native sidecars on, and from 1.27 where they are the default', () => {
    const text = nativeSideDeployment('false')
    const line = lineOf(text, 'native-side')
    expect(settled(id, 'd.yaml', text, '1.25', undefined, { 'istiod-values.yaml': 'pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "true"\n' })).toEqual([`d.yaml:${line} warning`])
    expect(settled(id, 'd.yaml', text, '1.27')).toEqual([`d.yaml:${line} warning`])
  })
  it('a misspelt opt-in "true" still warns on 1.25', () => {
    const text = nativeSideDeployment('true')
    expect(settled(id, 'd.yaml', text, '1.25')).toEqual([`d.yaml:${lineOf(text, 'native-side')} warning`])
  })
})

const ztunnelRelease = [
  'apiVersion: helm.toolkit.fluxcd.io/v2',
  'kind: HelmRelease',
  'metadata:',
  '  name: zt',
  '  namespace: istio-system',
  'spec:',
  '  releaseName: zt',
  '  chart:',
  '    spec:',
  '      chart: ztunnel',
  '      sourceRef:',
  '        kind: HelmRepository',
  '        name: istio',
  ''
].join('\n')

describe('istio-1.26-ztunnel-resource-names-restored (round 30 r30a, kind 2)', () => {
  const id = 'istio-1.26-ztunnel-resource-names-restored'
  const line = lineOf(ztunnelRelease, 'chart: ztunnel')
  it('errs at 1.26 where istiod is told to trust the 1.25 release-named account: ztunnel then gets no certificates', () => {
    expect(settled(id, 'hr.yaml', ztunnelRelease, '1.26', '1.25', { 'istiod-values.yaml': 'trustedZtunnelName: zt\npilot:\n  enabled: true\n' })).toEqual([`hr.yaml:${line} error`])
  })
  it('stays a warning without such an istiod setting, and says nothing when the trusted name is ztunnel', () => {
    expect(settled(id, 'hr.yaml', ztunnelRelease, '1.26', '1.25')).toEqual([`hr.yaml:${line} warning`])
    expect(settled(id, 'hr.yaml', ztunnelRelease, '1.26', '1.25', { 'istiod-values.yaml': 'trustedZtunnelName: ztunnel\npilot:\n  enabled: true\n' })).toEqual([`hr.yaml:${line} warning`])
  })
})

describe('istio-1.26-ztunnel-resource-names-restored: CA_TRUSTED_NODE_ACCOUNTS lists', () => {
  const id = 'istio-1.26-ztunnel-resource-names-restored'
  const line = lineOf(ztunnelRelease, 'chart: ztunnel')
  const values = (accounts: string): Record<string, string> => ({ 'istiod-values.yaml': `pilot:\n  env:\n    CA_TRUSTED_NODE_ACCOUNTS: "${accounts}"\n` })
  it('errs where the list names only another account, and stays a warning where it still lists ztunnel', () => {
    expect(settled(id, 'hr.yaml', ztunnelRelease, '1.26', '1.25', values('istio-system/zt'))).toEqual([`hr.yaml:${line} error`])
    expect(settled(id, 'hr.yaml', ztunnelRelease, '1.26', '1.25', values('istio-system/zt,istio-system/ztunnel'))).toEqual([`hr.yaml:${line} warning`])
  })
})
