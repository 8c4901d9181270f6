// Fortieth census, helper r40h (docs/audit/catalog-audit-40-r40h.md): each test fails on the entry as it was before the
// fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { settled } from '../support/catalog-run.js'

const ID = 'istio-1.31-gateway-api-bundle-1.6'
const crd = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata:',
  '  name: tcproutes.gateway.networking.k8s.io',
  '  annotations:',
  '    gateway.networking.k8s.io/bundle-version: v1.5.1',
  '    gateway.networking.k8s.io/channel: experimental',
  'spec:',
  '  group: gateway.networking.k8s.io',
  '  names: {kind: TCPRoute, plural: tcproutes}',
  '  scope: Namespaced',
  '  versions: []',
  ''
].join('\n')
const values = (flag: string): string => ['pilot:', '  env:', `    PILOT_ENABLE_ALPHA_GATEWAY_API: "${flag}"`, ''].join('\n')

describe(`${ID} (round 40, r40h)`, () => {
  it('is quiet where the istiod values keep PILOT_ENABLE_ALPHA_GATEWAY_API off: no TCPRoute was routed before or after', () => {
    expect(settled(ID, 'crds/tcproutes.yaml', crd, '1.31', '1.30', { 'values.yaml': values('false') })).toEqual([])
  })
  it('still gives the conditional notice where no file sets the flag, and the error where it is on', () => {
    expect(settled(ID, 'crds/tcproutes.yaml', crd, '1.31', '1.30')).toEqual(['crds/tcproutes.yaml:6 notice'])
    expect(settled(ID, 'crds/tcproutes.yaml', crd, '1.31', '1.30', { 'values.yaml': values('true') })).toEqual(['crds/tcproutes.yaml:6 error'])
  })
})
