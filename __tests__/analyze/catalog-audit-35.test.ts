// Thirty-fifth audit (measurement; docs/audit/catalog-audit-35-m35*.md): each ❌ is fixed after the round with a test
// that fails on the entry as it was and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { at, istiodRelease as releaseOf, lineOf, of, run, settled } from '../support/catalog-run.js'

const grant = (from: string[]): string =>
  [
    'apiVersion: gateway.networking.k8s.io/v1beta1',
    'kind: ReferenceGrant',
    'metadata: {name: certs, namespace: certs}',
    'spec:',
    '  from:',
    ...from.map((f) => `  - ${f}`),
    '  to:',
    '  - {group: "", kind: Secret, name: shop-cert}',
    '  - {group: "", kind: Secret, name: blog-cert}',
    ''
  ].join('\n')

describe('istio-1.30-referencegrant-to-same-kind (m35f): only grants Istio builds from count', () => {
  const id = 'istio-1.30-referencegrant-to-same-kind'
  it('is quiet on a grant whose every from is a kind Istio never reads (Envoy Gateway Backend, SecurityPolicy)', () => {
    // istio/istio pilot/pkg/config/kube/gateway/references_collection.go keeps from kinds Gateway, the route kinds and
    // (X)ListenerSet only: a grant for another controller's objects is never built, so the pre-1.30 bug cannot bite.
    const text = grant(['{group: gateway.envoyproxy.io, kind: Backend, namespace: apps}', '{group: gateway.envoyproxy.io, kind: SecurityPolicy, namespace: apps}'])
    expect(at(of(run('grant.yaml', text, '1.29', '1.28'), id))).toEqual([])
  })
  it('still errs where a from is a Gateway or route, also next to another controller kind', () => {
    const gateway = grant(['{group: gateway.networking.k8s.io, kind: Gateway, namespace: ingress}'])
    expect(at(of(run('grant.yaml', gateway, '1.29', '1.28'), id))).toEqual([`grant.yaml:${lineOf(gateway, 'blog-cert')} error`])
    const mixed = grant(['{group: gateway.envoyproxy.io, kind: Backend, namespace: apps}', '{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps}'])
    expect(at(of(run('grant.yaml', mixed, '1.29', '1.28'), id))).toEqual([`grant.yaml:${lineOf(mixed, 'blog-cert')} error`])
  })
})

const deployment = (templates?: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: ingress, namespace: ingress}',
    'spec:',
    '  selector: {matchLabels: {app: ingress}}',
    '  template:',
    '    metadata:',
    '      labels: {app: ingress, sidecar.istio.io/inject: "true"}',
    '      annotations:',
    ...(templates ? [`        inject.istio.io/templates: ${templates}`] : []),
    '        readiness.status.sidecar.istio.io/periodSeconds: "5"',
    '    spec:',
    '      containers: [{name: istio-proxy, image: auto}]',
    ''
  ].join('\n')

describe('istio-1.20-sidecar-startup-probe (m35e): pods injected with the gateway template', () => {
  const id = 'istio-1.20-sidecar-startup-probe'
  it('is quiet on a gateway-template pod: that template writes fixed probes and never reads the readiness annotations', () => {
    // charts/istiod/1.20.0/files/gateway-injection-template.yaml: readinessProbe with fixed values, no startup probe.
    expect(at(of(run('dep.yaml', deployment('gateway'), '1.20', '1.19'), id))).toEqual([])
    expect(at(of(run('dep.yaml', deployment('"gateway,spire"'), '1.20', '1.19'), id))).toEqual([])
  })
  it('still warns on a pod that gets the sidecar template', () => {
    const text = deployment()
    expect(at(of(run('dep.yaml', text, '1.20', '1.19'), id))).toEqual([`dep.yaml:${lineOf(text, 'periodSeconds')} warning`])
    const sidecar = deployment('sidecar')
    expect(at(of(run('dep.yaml', sidecar, '1.20', '1.19'), id))).toEqual([`dep.yaml:${lineOf(sidecar, 'periodSeconds')} warning`])
  })
})

const istiodRelease = (values: string[]): string => releaseOf(values, '1.31.0')

describe('istio-1.31-gcp-hosting-deprecated (m35b): an istiod-only tag does not pin the injected proxies', () => {
  const id = 'istio-1.31-gcp-hosting-deprecated'
  it('errs on global.hub on gcr.io with only tag or pilot.tag pinned to 1.30: the proxies take global.tag, the 1.31 default', () => {
    // charts/istiod/1.31.0-rc.0/templates/istiod-injector-configmap.yaml:18 hands the injector only .Values.global;
    // templates/deployment.yaml:101 tags the istiod image with .Values.tag, else global.tag.
    const top = istiodRelease(['global: {hub: gcr.io/istio-release}', 'tag: 1.30.2'])
    expect(at(of(run('istiod.yaml', top, '1.31', '1.30'), id))).toEqual([`istiod.yaml:${lineOf(top, 'global: {hub')} error`])
    const pilot = istiodRelease(['global: {hub: gcr.io/istio-release}', 'pilot: {tag: 1.30.2}'])
    expect(at(of(run('istiod.yaml', pilot, '1.31', '1.30'), id))).toEqual([`istiod.yaml:${lineOf(pilot, 'global: {hub')} error`])
  })
  it('warns where the image that pulls from gcr.io keeps a 1.30 tag: global.tag for global.hub, tag for the istiod-only hub', () => {
    const global = istiodRelease(['global: {hub: gcr.io/istio-release, tag: 1.30.2}'])
    expect(at(of(run('istiod.yaml', global, '1.31', '1.30'), id))).toEqual([`istiod.yaml:${lineOf(global, 'global: {hub')} warning`])
    const istiodOnly = istiodRelease(['hub: gcr.io/istio-release', 'tag: 1.30.2'])
    expect(at(of(run('istiod.yaml', istiodOnly, '1.31', '1.30'), id))).toEqual([`istiod.yaml:${lineOf(istiodOnly, 'hub: gcr')} warning`])
  })
  it('errs on an istiod-only hub without any tag, and on one tagged 1.31', () => {
    const bare = istiodRelease(['hub: gcr.io/istio-release'])
    expect(at(of(run('istiod.yaml', bare, '1.31', '1.30'), id))).toEqual([`istiod.yaml:${lineOf(bare, 'hub: gcr')} error`])
    const tagged = istiodRelease(['hub: gcr.io/istio-release', 'tag: 1.31.0'])
    expect(at(of(run('istiod.yaml', tagged, '1.31', '1.30'), id))).toEqual([`istiod.yaml:${lineOf(tagged, 'hub: gcr')} error`])
  })
})

describe('istio-1.30-debug-endpoint-allowed-namespaces-env (m35b): a warning where debug auth is on and the variable unread', () => {
  const id = 'istio-1.30-debug-endpoint-allowed-namespaces-env'
  const text = istiodRelease(['pilot:', '  env:', '    DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: kiali'])
  const line = lineOf(text, 'DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES')
  const severity = (target: string): string[] => of(run('istiod.yaml', text, target), id).map((f) => `${f.file}:${f.line} ${f.severity}`)
  it('warns on 1.27.6, 1.27.7, 1.28.4 and 1.29.0: auth already limits port 15014 there (1.29 upgrade notes) and the list is ignored', () => {
    for (const target of ['1.27.6', '1.27.7', '1.28.4', '1.29.0']) expect(severity(target)).toEqual([`istiod.yaml:${line} warning`])
  })
  it('stays a notice where debug auth is still off, and is quiet where the variable is read', () => {
    for (const target of ['1.26', '1.27.5', '1.28.0', '1.28.3']) expect(severity(target)).toEqual([`istiod.yaml:${line} notice`])
    for (const target of ['1.27.8', '1.28.5', '1.29.1', '1.30']) expect(severity(target)).toEqual([])
  })
})

describe('istio-1.25-ztunnel-resource-names (round 36 r36b doubt): an istiod values file that sets only trustedZtunnelName', () => {
  const id = 'istio-1.25-ztunnel-resource-names'
  const ztunnel = [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istio-ztunnel, namespace: istio-system}',
    'spec:',
    '  chart: {spec: {chart: ztunnel, version: 1.25.2, sourceRef: {kind: HelmRepository, name: istio}}}',
    '  values: {profile: ambient}',
    ''
  ].join('\n')
  it('is read as istiod values, so its trust of the release-named account silences the error', () => {
    const alone = settled(id, 'ztunnel.yaml', ztunnel, '1.25.2', '1.24')
    expect(alone).toEqual([`ztunnel.yaml:${lineOf(ztunnel, 'chart: {spec: {chart: ztunnel')} error`])
    expect(settled(id, 'ztunnel.yaml', ztunnel, '1.25.2', '1.24', { 'platform/mesh/trust.yaml': 'trustedZtunnelName: istio-ztunnel\n' })).toEqual([])
  })
})
