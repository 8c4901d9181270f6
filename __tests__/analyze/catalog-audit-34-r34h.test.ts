// Thirty-fourth audit, helper r34h (docs/audit/catalog-audit-34-r34h.md): each test fails on the entry as it was before
// the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, settled } from '../support/catalog-run.js'

const operator = (profile: string | undefined): string =>
  [
    'apiVersion: install.istio.io/v1alpha1',
    'kind: IstioOperator',
    'metadata:',
    '  name: control-plane',
    '  namespace: istio-system',
    'spec:',
    ...(profile ? [`  profile: ${profile}`] : []),
    '  values:',
    '    pilot:',
    '      env:',
    '        VERIFY_CERT_AT_CLIENT: "true"',
    ''
  ].join('\n')

describe('istio-1.21-verify-cert-at-client-typo (round 34 r34h FIX)', () => {
  const id = 'istio-1.21-verify-cert-at-client-typo'
  it('the misspelt VERIFY_CERT_AT_CLIENT=true next to the 1.20 ambient profile gives nothing at 1.20: the profile already sets VERIFY_CERTIFICATE_AT_CLIENT=true, so certificates are verified', () => {
    expect(settled(id, 'iop.yaml', operator('ambient'), '1.20', '1.19')).toEqual([])
    expect(settled(id, 'iop.yaml', operator('ambient'), '1.20.8', '1.20.0')).toEqual([])
  })
  it('without the ambient profile it still warns at 1.20, and from 1.21 it is the notice whatever the profile', () => {
    const plain = operator(undefined)
    expect(settled(id, 'iop.yaml', plain, '1.20', '1.19')).toEqual([`iop.yaml:${lineOf(plain, 'VERIFY_CERT_AT_CLIENT')} warning`])
    expect(settled(id, 'iop.yaml', operator('default'), '1.20', '1.19')).toEqual([`iop.yaml:${lineOf(plain, 'VERIFY_CERT_AT_CLIENT') + 1} warning`])
    const ambient = operator('ambient')
    expect(settled(id, 'iop.yaml', ambient, '1.21', '1.20')).toEqual([`iop.yaml:${lineOf(ambient, 'VERIFY_CERT_AT_CLIENT')} notice`])
  })
})
