// Fortieth audit (census), helper r40c (docs/audit/catalog-audit-40-r40c.md): each test fails on the entry as it was
// before the fix and asserts file, line and severity of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodRelease, lineOf, settled } from '../support/catalog-run.js'

const ID = 'istio-1.26-backend-tls-policy-alpha'

const policies = [
  'apiVersion: gateway.networking.k8s.io/v1alpha3',
  'kind: BackendTLSPolicy',
  'metadata:',
  '  name: tls',
  '  namespace: apps',
  'spec:',
  '  targetRefs:',
  '  - {group: "", kind: Service, name: svc}',
  '  validation: {hostname: svc.example.com, wellKnownCACertificates: System}',
  '---',
  'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
  'kind: XBackendTrafficPolicy',
  'metadata:',
  '  name: retry',
  '  namespace: apps',
  'spec:',
  '  targetRefs:',
  '  - {group: "", kind: Service, name: svc}',
  '  retryConstraint: {budget: {percent: 20}}',
  ''
].join('\n')

const xLine = lineOf(policies, 'kind: XBackendTrafficPolicy') - 1

describe('istio-1.26-backend-tls-policy-alpha: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on', () => {
  it('is only a notice where the repository does not show the flag (istiod ignores the kinds by default on 1.26 too)', () => {
    // releases/1.26/change-notes/index.md:24: BackendTLSPolicy and XBackendTrafficPolicy are off by default and need
    // PILOT_ENABLE_ALPHA_GATEWAY_API=true; with the default a 1.25 target ignores them exactly as 1.26 does.
    expect(settled(ID, 'gw.yaml', policies, '1.25')).toEqual(['gw.yaml:1 notice', `gw.yaml:${xLine} notice`])
    expect(settled(ID, 'gw.yaml', policies, '1.26')).toEqual([])
  })

  it('keeps the error and the warning where an istiod install here turns the flag on', () => {
    const text = policies + '---\n' + istiodRelease(['pilot:', '  env: {PILOT_ENABLE_ALPHA_GATEWAY_API: "true"}'], '1.25.0')
    expect(settled(ID, 'gw.yaml', text, '1.25')).toEqual(['gw.yaml:1 error', `gw.yaml:${xLine} warning`])
  })

  it('stays quiet where a visible istiod install leaves the flag off', () => {
    const text = policies + '---\n' + istiodRelease(['pilot:', '  env: {PILOT_ENABLE_GATEWAY_API: "true"}'], '1.25.0')
    expect(settled(ID, 'gw.yaml', text, '1.25')).toEqual([])
  })
})
