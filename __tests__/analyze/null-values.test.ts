// A key written with a YAML null sets nothing: the API server prunes null from custom resources (Kubernetes,
// CustomResourceDefinitions, "Defaulting and nullable"), kubectl apply drops it, protobuf JSON reads it as unset and Helm
// removes the key from the merged values. So a catalog match does not fire on `field: null` (round 31, m31a), while the
// same field written with a value still does.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const serviceEntry = (selector: string): string =>
  [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    '  name: vms',
    '  namespace: apps',
    'spec:',
    '  hosts: [vms.example.internal]',
    '  ports:',
    '  - number: 80',
    '    name: http',
    '    protocol: HTTP',
    '  resolution: STATIC',
    `  workloadSelector: ${selector}`,
    ''
  ].join('\n')

const virtualService = (mirror: string): string =>
  [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  hosts: [reviews]',
    '  http:',
    `  - mirror: ${mirror}`,
    '    route:',
    '    - destination:',
    '        host: reviews',
    ''
  ].join('\n')

const ringHash = (size: string): string =>
  [
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  host: reviews',
    '  trafficPolicy:',
    '    loadBalancer:',
    '      consistentHash:',
    '        httpHeaderName: x-user',
    `        minimumRingSize: ${size}`,
    ''
  ].join('\n')

describe('null values set nothing', () => {
  it('an empty ServiceEntry workloadSelector errs across 1.30.5; a null one is no selector at all', () => {
    const id = 'istio-1.30.5-serviceentry-empty-workload-selector'
    const empty = serviceEntry('{}')
    expect(at(of(run('se.yaml', empty, '1.30.5', '1.30.1'), id))).toEqual([`se.yaml:${lineOf(empty, 'workloadSelector')} error`])
    expect(of(run('se.yaml', serviceEntry('null'), '1.30.5', '1.30.1'), id)).toEqual([])
    expect(of(run('se.yaml', serviceEntry('~'), '1.30.5', '1.30.1'), id)).toEqual([])
  })
  it('a mirror warns across 1.28; mirror: null configures no mirror', () => {
    const id = 'istio-1.28-shadow-host-suffix'
    const set = virtualService('{host: reviews-v2}')
    expect(at(of(run('vs.yaml', set, '1.28', '1.27'), id))).toEqual([`vs.yaml:${lineOf(set, 'mirror')} warning`])
    expect(of(run('vs.yaml', virtualService('null'), '1.28', '1.27'), id)).toEqual([])
  })
  it('minimumRingSize is deprecated when set; minimumRingSize: null is not set', () => {
    const id = 'istio-1.20-consistent-hash-minimum-ring-size-deprecated'
    const set = ringHash('1024')
    expect(at(of(run('dr.yaml', set, '1.22'), id))).toEqual([`dr.yaml:${lineOf(set, 'minimumRingSize')} notice`])
    expect(of(run('dr.yaml', ringHash('null'), '1.22'), id)).toEqual([])
  })
})
