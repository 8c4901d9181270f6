// Round 40 census, helper r40g (docs/audit/catalog-audit-40-r40g.md): each test fails on the entry as it was before the
// fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodRelease, lineOf, settled } from '../support/catalog-run.js'

describe('istio-1.30.1-ignore-policy-attachment: XBackendTrafficPolicy is read only with PILOT_ENABLE_ALPHA_GATEWAY_API=true', () => {
  const ID = 'istio-1.30.1-ignore-policy-attachment'
  const xbtp = [
    'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
    'kind: XBackendTrafficPolicy',
    'metadata:',
    '  name: p',
    '  namespace: app',
    '  annotations:',
    '    istio.io/ignore-policy-attachment: "true"',
    'spec:',
    '  targetRefs:',
    '  - {group: "", kind: Service, name: svc}',
    '  retryConstraint: {budget: {percent: 20}}',
    ''
  ].join('\n')
  const btls = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: BackendTLSPolicy',
    'metadata:',
    '  name: t',
    '  namespace: app',
    '  annotations:',
    '    istio.io/ignore-policy-attachment: "true"',
    'spec:',
    '  targetRefs:',
    '  - {group: "", kind: Service, name: svc}',
    '  validation: {hostname: svc.example.com, wellKnownCACertificates: System}',
    ''
  ].join('\n')
  const line = lineOf(xbtp, 'ignore-policy-attachment')

  it('is quiet where the istiod values set PILOT_ENABLE_ALPHA_GATEWAY_API=false (no release reads the policy)', () => {
    const off = { 'istio/istiod-values.yaml': 'pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "false"\n' }
    expect(settled(ID, 'x.yaml', xbtp, '1.30.0', '1.29.0', off)).toEqual([])
    // the BackendTLSPolicy, read without the alpha flag, is still reported
    expect(settled(ID, 't.yaml', btls, '1.30.0', '1.29.0', off)).toEqual([`t.yaml:${lineOf(btls, 'ignore-policy-attachment')} warning`])
  })

  it('is quiet where a visible istiod HelmRelease leaves the alpha flag at its default (off)', () => {
    const hr = { 'flux/istiod.yaml': istiodRelease(['pilot:', '  resources: {}'], '1.30.0') }
    expect(settled(ID, 'x.yaml', xbtp, '1.30.0', '1.29.0', hr)).toEqual([])
  })

  it('is a notice that states the condition where no file sets the flag, a warning where one turns it on', () => {
    expect(settled(ID, 'x.yaml', xbtp, '1.30.0', '1.29.0')).toEqual([`x.yaml:${line} notice`])
    const on = { 'istio/istiod-values.yaml': 'pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "true"\n' }
    expect(settled(ID, 'x.yaml', xbtp, '1.30.0', '1.29.0', on)).toEqual([`x.yaml:${line} warning`])
    expect(settled(ID, 'x.yaml', xbtp, '1.30.1', '1.30.0', on)).toEqual([])
  })
})
