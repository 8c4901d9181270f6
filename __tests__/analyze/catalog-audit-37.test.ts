// Thirty-seventh audit (measurement; docs/audit/catalog-audit-37-m37*.md): each ❌ is fixed after the round with a test
// that fails on the entry as it was and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { at, istiodRelease, lineOf, of, run, settled } from '../support/catalog-run.js'

const withFlag = (value: string): Record<string, string> => ({ 'istio/istiod.yaml': istiodRelease(['pilot:', `  env: {ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "${value}"}`], '1.27.0') })

describe('InferencePool entries of 1.28 (m37a): Istio reads pools only with ENABLE_GATEWAY_API_INFERENCE_EXTENSION=true, off by default', () => {
  const alpha = [
    'apiVersion: inference.networking.x-k8s.io/v1alpha2',
    'kind: InferencePool',
    'metadata: {name: llm, namespace: ai}',
    'spec:',
    '  targetPortNumber: 8000',
    '  selector: {app: vllm}',
    '  extensionRef: {name: epp}',
    '---',
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: HTTPRoute',
    'metadata: {name: llm, namespace: ai}',
    'spec:',
    '  parentRefs: [{name: gw}]',
    '  rules:',
    '  - backendRefs:',
    '    - {group: inference.networking.x-k8s.io, kind: InferencePool, name: llm}',
    ''
  ].join('\n')
  const id = 'istio-1.28-inferencepool-v1alpha2-removed'
  const pool = `pool.yaml:${lineOf(alpha, 'apiVersion: inference')}`
  const ref = `pool.yaml:${lineOf(alpha, 'group: inference.networking.x-k8s.io')}`

  it('is a notice, not an error, where no file turns the flag on: without it neither 1.27 nor 1.28 reads the pool', () => {
    expect(settled(id, 'pool.yaml', alpha, '1.28', '1.27')).toEqual([`${pool} notice`, `${ref} notice`])
  })
  it('errs where the repository turns the flag on, and is quiet where it turns it off', () => {
    expect(settled(id, 'pool.yaml', alpha, '1.28', '1.27', withFlag('true'))).toEqual([`${pool} error`, `${ref} error`])
    expect(settled(id, 'pool.yaml', alpha, '1.28', '1.27', withFlag('false'))).toEqual([])
  })

  const v1 = [
    'apiVersion: inference.networking.k8s.io/v1',
    'kind: InferencePool',
    'metadata: {name: llm, namespace: ai}',
    'spec:',
    '  targetPorts: [{number: 8000}, {number: 8001}]',
    '  selector: {matchLabels: {app: vllm}}',
    '  endpointPickerRef: {name: epp, port: {number: 9002}}',
    ''
  ].join('\n')
  const ports = 'istio-1.28.1-inferencepool-multiple-target-ports'
  it('multiple target ports on 1.28.0: a notice without the flag, an error with it', () => {
    expect(settled(ports, 'pool.yaml', v1, '1.28.0', '1.27')).toEqual([`pool.yaml:${lineOf(v1, 'targetPorts')} notice`])
    expect(settled(ports, 'pool.yaml', v1, '1.28.0', '1.27', withFlag('1'))).toEqual([`pool.yaml:${lineOf(v1, 'targetPorts')} error`])
  })
})

describe('istio-1.27-prefer-close-ignores-subzone (m37c): no claim about the annotation', () => {
  const id = 'istio-1.27-prefer-close-ignores-subzone'
  const service = ['apiVersion: v1', 'kind: Service', 'metadata: {name: api, namespace: shop}', 'spec:', '  selector: {app: api}', '  ports: [{port: 80}]', '  trafficDistribution: PreferClose', ''].join('\n')
  it('reports the field and does not say the annotation keeps the subzone (istio/istio model.GetTrafficDistribution maps both to one value)', () => {
    const found = of(run('svc.yaml', service, '1.27', '1.26'), id)
    expect(at(found)).toEqual([`svc.yaml:${lineOf(service, 'trafficDistribution')} notice`])
    expect(found[0]?.message).not.toMatch(/annotation/)
  })
})

describe('istio-1.30-gateway-api-bundle-1.5 (round 38, checklist 15): TLSRoute was read only behind the alpha flag before 1.30', () => {
  const id = 'istio-1.30-gateway-api-bundle-1.5'
  const crd = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: tlsroutes.gateway.networking.k8s.io',
    '  annotations: {gateway.networking.k8s.io/bundle-version: v1.4.1}',
    'spec:',
    '  group: gateway.networking.k8s.io',
    '  names: {kind: TLSRoute, plural: tlsroutes}',
    '  scope: Namespaced',
    '  versions: []',
    ''
  ].join('\n')
  const alpha = (v: string): Record<string, string> => ({ 'istio/istiod.yaml': istiodRelease(['pilot:', `  env: {PILOT_ENABLE_ALPHA_GATEWAY_API: "${v}"}`], '1.29.0') })
  const line = `crd.yaml:${lineOf(crd, 'bundle-version')}`
  it('is a notice where no file turns the flag on, an error where one does', () => {
    expect(settled(id, 'crd.yaml', crd, '1.30', '1.29')).toEqual([`${line} notice`])
    expect(settled(id, 'crd.yaml', crd, '1.30', '1.29', alpha('false'))).toEqual([`${line} notice`])
    expect(settled(id, 'crd.yaml', crd, '1.30', '1.29', alpha('true'))).toEqual([`${line} error`])
  })
})

describe('boolean istiod variables written empty (round 39 m39c): Istio cannot parse "" and keeps the default', () => {
  const iop = (name: string, value: string): string =>
    ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata: {name: cp, namespace: istio-system}', 'spec:', '  values:', '    pilot:', '      env:', `        ${name}: "${value}"`, ''].join('\n')
  it.each([
    ['istio-1.23-continue-headers', 'ENABLE_100_CONTINUE_HEADERS', '1.22', '1.21'],
    ['istio-1.30.4-xds-api-generator-auth', 'ENABLE_XDS_API_GENERATOR_AUTH', '1.30.4', '1.30.3']
  ])('%s: quiet on "", reported on "true"', (id, name, target, from) => {
    expect(of(run('iop.yaml', iop(name, ''), target, from), id)).toEqual([])
    const on = iop(name, 'true')
    expect(at(of(run('iop.yaml', on, target, from), id))).toEqual([`iop.yaml:${lineOf(on, name)} notice`])
  })
})

describe('istio-1.27.4-nftables-tproxy-empty-inbound-ports (round 39 m39d): quiet where the repository keeps nftables off', () => {
  const id = 'istio-1.27.4-nftables-tproxy-empty-inbound-ports'
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: api, namespace: shop}',
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata:',
    '      labels: {app: api, sidecar.istio.io/inject: "true"}',
    '      annotations:',
    '        sidecar.istio.io/interceptionMode: TPROXY',
    '        traffic.sidecar.istio.io/includeInboundPorts: ""',
    '    spec:',
    '      containers: [{name: api, image: api}]',
    ''
  ].join('\n')
  const nft = (v: string): Record<string, string> => ({ 'istio/istiod.yaml': istiodRelease([`global: {nativeNftables: ${v}}`], '1.27.3') })
  it('is quiet next to istiod values with global.nativeNftables: false (istio-init uses iptables), a notice otherwise', () => {
    const line = `dep.yaml:${lineOf(deployment, 'includeInboundPorts')} notice`
    expect(settled(id, 'dep.yaml', deployment, '1.27.3', '1.27.2', nft('false'))).toEqual([])
    expect(settled(id, 'dep.yaml', deployment, '1.27.3', '1.27.2', nft('true'))).toEqual([line])
    expect(settled(id, 'dep.yaml', deployment, '1.27.3', '1.27.2')).toEqual([line])
  })
})

describe('istio-1.31-waypoint-canary (round 40, r40g doubt): a canary needs a primary waypoint', () => {
  const id = 'istio-1.31-waypoint-canary'
  const svc = (labels: string[]): string =>
    ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: reviews', '  namespace: shop', '  labels:', ...labels.map((l) => `    ${l}`), '    istio.io/use-waypoint-canary: wp-v2', '  annotations: {istio.io/use-waypoint-canary-weight: "10"}', 'spec:', '  ports: [{port: 80}]', ''].join('\n')
  const namespace = (label?: string): Record<string, string> => ({ 'ns.yaml': ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', `  labels: {istio.io/dataplane-mode: ambient${label ? `, ${label}` : ''}}`, ''].join('\n') })
  it('is quiet on a Service without use-waypoint whose Namespace in the repository names none (istio/istio resolves the canary only next to a primary)', () => {
    expect(settled(id, 'svc.yaml', svc([]), '1.30', '1.29', namespace())).toEqual([])
  })
  it('warns where the primary comes from the Namespace, the Service itself, or a Namespace the repository does not hold', () => {
    const line = `svc.yaml:${lineOf(svc([]), 'use-waypoint-canary:')} warning`
    expect(settled(id, 'svc.yaml', svc([]), '1.30', '1.29', namespace('istio.io/use-waypoint: wp'))).toEqual([line])
    expect(settled(id, 'svc.yaml', svc([]), '1.30', '1.29')).toEqual([line])
    const own = svc(['istio.io/use-waypoint: wp'])
    expect(settled(id, 'svc.yaml', own, '1.30', '1.29', namespace())).toEqual([`svc.yaml:${lineOf(own, 'use-waypoint-canary:')} warning`])
  })
  it('is quiet where the Service opts out of waypoints with use-waypoint: none', () => {
    expect(settled(id, 'svc.yaml', svc(['istio.io/use-waypoint: none']), '1.30', '1.29')).toEqual([])
  })
})
