// Thirty-fourth audit, helper r34e (docs/audit/catalog-audit-34-r34e.md): no entry of this share was found wrong, so
// nothing was fixed; these tests pin patch boundaries the audit checked against the patch announcements
// (1.27.4, 1.28.1, 1.28.2), with file and line of what is reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const pod = (annotations: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: d, namespace: a}',
    'spec:',
    '  selector: {matchLabels: {app: d}}',
    '  template:',
    '    metadata:',
    '      labels: {app: d}',
    `      annotations: {${annotations}}`,
    '    spec: {containers: [{name: c, image: x}]}',
    ''
  ].join('\n')

describe('audit 34 r34e: patch boundaries', () => {
  it('statsEvictionInterval of a minute or more is an error on 1.28.0 and 1.28.1 only (fixed in 1.28.2)', () => {
    const id = 'istio-1.28.2-stats-eviction-interval-minute'
    const text = pod('sidecar.istio.io/statsEvictionInterval: 60s')
    expect(of(run('d.yaml', text, '1.28.1', '1.27'), id)).toEqual([
      expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'statsEvictionInterval'), severity: 'error' })
    ])
    expect(of(run('d.yaml', text, '1.28.2', '1.27'), id)).toEqual([])
    expect(of(run('d.yaml', pod('sidecar.istio.io/statsEvictionInterval: 55s'), '1.28.1', '1.27'), id)).toEqual([])
    expect(of(run('d.yaml', pod('sidecar.istio.io/statsEvictionInterval: 60s, sidecar.istio.io/inject: "false"'), '1.28.1', '1.27'), id)).toEqual([])
  })

  it('XListenerSet TLS certificateRefs: reported on 1.27.3 and 1.28.0, not on 1.27.1, 1.27.4 or 1.28.1', () => {
    const id = 'istio-1.27.4-xlistenerset-tls-secrets'
    const text = [
      'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
      'kind: XListenerSet',
      'metadata: {name: ls, namespace: a}',
      'spec:',
      '  parentRef: {name: g, kind: Gateway, group: gateway.networking.k8s.io}',
      '  listeners:',
      '  - name: https',
      '    port: 443',
      '    protocol: HTTPS',
      '    hostname: a.example.com',
      '    tls: {mode: Terminate, certificateRefs: [{name: cert}]}',
      ''
    ].join('\n')
    for (const target of ['1.27.3', '1.28.0']) {
      expect(of(run('ls.yaml', text, target, '1.27.1'), id)).toEqual([
        expect.objectContaining({ file: 'ls.yaml', line: lineOf(text, 'certificateRefs'), severity: 'notice' })
      ])
    }
    for (const target of ['1.27.1', '1.27.4', '1.28.1']) expect(of(run('ls.yaml', text, target, '1.27.0'), id)).toEqual([])
  })

  it('an InferencePool with two targetPorts is an error on 1.28.0 only', () => {
    const id = 'istio-1.28.1-inferencepool-multiple-target-ports'
    const text = [
      'apiVersion: inference.networking.k8s.io/v1',
      'kind: InferencePool',
      'metadata: {name: q, namespace: a}',
      'spec:',
      '  targetPorts:',
      '  - number: 8000',
      '  - number: 8001',
      '  selector: {matchLabels: {app: x}}',
      '  endpointPickerRef: {name: epp, port: {number: 9002}}',
      ''
    ].join('\n')
    expect(of(run('p.yaml', text, '1.28.0', '1.27'), id)).toEqual([
      expect.objectContaining({ file: 'p.yaml', line: lineOf(text, 'number: 8001'), severity: 'notice' }) // a notice since round 37 (m37a): no file turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on
    ])
    expect(of(run('p.yaml', text, '1.28.1', '1.28.0'), id)).toEqual([])
  })
})
