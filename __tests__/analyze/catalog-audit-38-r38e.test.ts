// Thirty-eighth audit, helper r38e (docs/audit/catalog-audit-38-r38e.md): each test fails on the entry as it was before
// the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodRelease, lineOf, settled } from '../support/catalog-run.js'

const btls = [
  'apiVersion: gateway.networking.k8s.io/v1alpha3',
  'kind: BackendTLSPolicy',
  'metadata: {name: a, namespace: x}',
  'spec:',
  '  targetRefs:',
  '  - {group: "", kind: Service, name: svc, sectionName: https}',
  '  - {group: networking.istio.io, kind: ServiceEntry, name: se}',
  '  validation: {hostname: svc.example.com, wellKnownCACertificates: System}',
  ''
].join('\n')

const xls = [
  'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
  'kind: XListenerSet',
  'metadata: {name: a, namespace: x}',
  'spec:',
  '  parentRef: {name: gw, kind: Gateway, group: gateway.networking.k8s.io}',
  '  listeners:',
  '  - name: https',
  '    port: 443',
  '    protocol: HTTPS',
  '    hostname: a.example.com',
  '    tls:',
  '      mode: Terminate',
  '      certificateRefs: [{name: cert}]',
  ''
].join('\n')

const pool = [
  'apiVersion: inference.networking.k8s.io/v1',
  'kind: InferencePool',
  'metadata: {name: pool, namespace: x}',
  'spec:',
  '  targetPorts: [{number: 8000}]',
  '  selector: {matchLabels: {app: m}}',
  '  endpointPickerRef: {name: epp, port: {number: 9002}}',
  '---',
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: HTTPRoute',
  'metadata: {name: r, namespace: x}',
  'spec:',
  '  parentRefs: [{name: gw}]',
  '  rules:',
  '  - backendRefs: [{group: inference.networking.k8s.io, kind: InferencePool, name: pool}]',
  ''
].join('\n')

const alphaOn = { 'istio/istiod.yaml': istiodRelease(['pilot:', '  env:', '    PILOT_ENABLE_ALPHA_GATEWAY_API: "true"']) }
const inferenceOn = { 'istio/istiod.yaml': istiodRelease(['pilot:', '  env:', '    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"']) }

describe('round 38 r38e: alpha and inference flags off by default (checklist 15)', () => {
  it('istio-1.28-backend-tls-policy-section-name is a notice where no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on', () => {
    const id = 'istio-1.28-backend-tls-policy-section-name'
    const line = lineOf(btls, 'sectionName')
    expect(settled(id, 'btls.yaml', btls, '1.27.3')).toEqual([`btls.yaml:${line} notice`])
    expect(settled(id, 'btls.yaml', btls, '1.27.3', undefined, alphaOn)).toEqual([`btls.yaml:${line} error`])
    expect(settled(id, 'btls.yaml', btls, '1.28.0', undefined, alphaOn)).toEqual([])
  })

  it('istio-1.28-backend-tls-policy-serviceentry-target is a notice where no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on', () => {
    const id = 'istio-1.28-backend-tls-policy-serviceentry-target'
    const line = lineOf(btls, 'ServiceEntry')
    expect(settled(id, 'btls.yaml', btls, '1.26.5')).toEqual([`btls.yaml:${line} notice`])
    expect(settled(id, 'btls.yaml', btls, '1.26.5', undefined, alphaOn)).toEqual([`btls.yaml:${line} error`])
  })

  it('istio-1.27.4-xlistenerset-tls-secrets is a notice where no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on', () => {
    const id = 'istio-1.27.4-xlistenerset-tls-secrets'
    const line = lineOf(xls, 'certificateRefs')
    expect(settled(id, 'xls.yaml', xls, '1.28.0')).toEqual([`xls.yaml:${line} notice`])
    expect(settled(id, 'xls.yaml', xls, '1.27.3', undefined, alphaOn)).toEqual([`xls.yaml:${line} error`])
    expect(settled(id, 'xls.yaml', xls, '1.28.1', undefined, alphaOn)).toEqual([])
  })

  it('istio-1.28-inferencepool-v1 is a notice where no file turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on', () => {
    const id = 'istio-1.28-inferencepool-v1'
    const kind = lineOf(pool, 'apiVersion: inference.networking.k8s.io/v1')
    const group = lineOf(pool, 'backendRefs')
    expect(settled(id, 'pool.yaml', pool, '1.27.3')).toEqual([`pool.yaml:${kind} notice`, `pool.yaml:${group} notice`])
    expect(settled(id, 'pool.yaml', pool, '1.27.3', undefined, inferenceOn)).toEqual([`pool.yaml:${kind} error`, `pool.yaml:${group} error`])
    expect(settled(id, 'pool.yaml', pool, '1.28.0', undefined, inferenceOn)).toEqual([])
  })
})

describe('round 38 r38e: istio-1.28-backend-tls-policy-v1 on a policy only another controller routes to (checklist 1)', () => {
  const id = 'istio-1.28-backend-tls-policy-v1'
  const policy = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: BackendTLSPolicy',
    'metadata: {name: a, namespace: x}',
    'spec:',
    '  targetRefs:',
    '  - {group: "", kind: Service, name: svc}',
    '  validation: {hostname: svc.example.com, wellKnownCACertificates: System}',
    ''
  ].join('\n')
  const routed = (gatewayClassName: string): Record<string, string> => ({
    'gw/route.yaml': [
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: HTTPRoute',
      'metadata: {name: r, namespace: x}',
      'spec:',
      '  parentRefs: [{name: gw}]',
      '  rules:',
      '  - backendRefs: [{name: svc, port: 443}]',
      '---',
      'apiVersion: gateway.networking.k8s.io/v1',
      'kind: Gateway',
      'metadata: {name: gw, namespace: x}',
      'spec:',
      `  gatewayClassName: ${gatewayClassName}`,
      '  listeners: [{name: http, port: 80, protocol: HTTP}]',
      ''
    ].join('\n')
  })
  it('says nothing when the only route to its Service hangs off an envoy-gateway Gateway', () => {
    expect(settled(id, 'btls.yaml', policy, '1.27.3', undefined, routed('envoy-gateway'))).toEqual([])
  })
  it('still errs under an istio Gateway and where no route is among the files', () => {
    expect(settled(id, 'btls.yaml', policy, '1.27.3', undefined, routed('istio'))).toEqual(['btls.yaml:1 error'])
    expect(settled(id, 'btls.yaml', policy, '1.27.3')).toEqual(['btls.yaml:1 error'])
    expect(settled(id, 'btls.yaml', policy, '1.28.0', undefined, routed('istio'))).toEqual([])
  })
  it('istio-1.28-backend-tls-policy-section-name: likewise quiet when only an envoy-gateway route uses the Service', () => {
    const alpha = btls.replace('  - {group: networking.istio.io, kind: ServiceEntry, name: se}\n', '')
    const line = lineOf(alpha, 'sectionName')
    expect(settled('istio-1.28-backend-tls-policy-section-name', 'btls.yaml', alpha, '1.27.3', undefined, { ...routed('envoy-gateway'), ...alphaOn })).toEqual([])
    expect(settled('istio-1.28-backend-tls-policy-section-name', 'btls.yaml', alpha, '1.27.3', undefined, { ...routed('istio'), ...alphaOn })).toEqual([`btls.yaml:${line} error`])
  })
})
