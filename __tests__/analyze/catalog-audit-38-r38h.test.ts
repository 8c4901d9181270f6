// Thirty-eighth audit, helper r38h (docs/audit/catalog-audit-38-r38h.md): no entry of this share was found wrong; these
// tests pin near misses the census tried, so that a later change to the entries or the engine cannot lose them.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const grant = (to: string[]): string =>
  [
    'apiVersion: gateway.networking.k8s.io/v1beta1',
    'kind: ReferenceGrant',
    'metadata: {name: g, namespace: b}',
    'spec:',
    '  from:',
    '  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: a}',
    '  to:',
    ...to.map((t) => `  - ${t}`),
    ''
  ].join('\n')

describe('istio-1.30-referencegrant-to-same-kind: only grants that lose a reference before 1.30', () => {
  const RG = 'istio-1.30-referencegrant-to-same-kind'
  it('is quiet when the same Service is listed twice (nothing is lost)', () => {
    const text = grant(['{group: "", kind: Service, name: s1}', '{group: "", kind: Service, name: s1}'])
    expect(of(run('rg.yaml', text, '1.29'), RG)).toEqual([])
  })
  it('reports a wildcard entry followed by a named one (1.29 honours only the named one)', () => {
    const text = grant(['{group: "", kind: Service}', '{group: "", kind: Service, name: s2}'])
    const found = of(run('rg.yaml', text, '1.29'), RG)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`rg.yaml:${lineOf(text, 'name: s2')} error`])
    expect(of(run('rg.yaml', text, '1.30'), RG)).toEqual([])
  })
})

describe('istio-1.30.5-stats-flush-interval-fixed: pods the injector leaves alone', () => {
  const SF = 'istio-1.30.5-stats-flush-interval-fixed'
  const pod = (inject: string): string =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: a, namespace: app}',
      'spec:',
      '  template:',
      '    metadata:',
      `      labels: {sidecar.istio.io/inject: "${inject}"}`,
      '      annotations:',
      '        sidecar.istio.io/statsFlushInterval: "90s"',
      '    spec:',
      '      containers: [{name: a, image: a}]',
      ''
    ].join('\n')
  it('reports an injected pod before 1.30.5 and is quiet from 1.30.5', () => {
    const text = pod('true')
    expect(of(run('d.yaml', text, '1.30.4'), SF).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`d.yaml:${lineOf(text, 'statsFlushInterval')} error`])
    expect(of(run('d.yaml', text, '1.30.5'), SF)).toEqual([])
  })
  it('is quiet for a pod with injection off', () => {
    expect(of(run('d.yaml', pod('false'), '1.30.4'), SF)).toEqual([])
  })
})

describe('istio-1.31-agentgateway-waypoint: the waypoint class before and from 1.31', () => {
  const AG = 'istio-1.31-agentgateway-waypoint'
  const gw = ['apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata: {name: waypoint, namespace: app}', 'spec:', '  gatewayClassName: istio-agentgateway-waypoint', '  listeners: [{name: mesh, port: 15008, protocol: HBONE}]', ''].join('\n')
  it('reports the Gateway before 1.31', () => {
    expect(of(run('gw.yaml', gw, '1.30'), AG).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`gw.yaml:${lineOf(gw, 'gatewayClassName')} error`])
    expect(of(run('gw.yaml', gw, '1.31'), AG)).toEqual([])
  })
})
