// Thirty-eighth audit, helper r38f (docs/audit/catalog-audit-38-r38f.md): each test fails on the entry as it was before
// the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodRelease, lineOf, settled } from '../support/catalog-run.js'

const withAlpha = (value: string): Record<string, string> => ({ 'istio/istiod.yaml': istiodRelease(['pilot:', `  env: {PILOT_ENABLE_ALPHA_GATEWAY_API: "${value}"}`], '1.27.0') })

describe('istio-1.28-gateway-api-bundle-1.4 (r38f): before 1.28 Istio read BackendTLSPolicy only with PILOT_ENABLE_ALPHA_GATEWAY_API=true', () => {
  const id = 'istio-1.28-gateway-api-bundle-1.4'
  const crd = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: backendtlspolicies.gateway.networking.k8s.io',
    '  annotations:',
    '    gateway.networking.k8s.io/bundle-version: v1.3.0',
    '    gateway.networking.k8s.io/channel: experimental',
    'spec:',
    '  group: gateway.networking.k8s.io',
    '  names: {kind: BackendTLSPolicy, plural: backendtlspolicies}',
    '  scope: Namespaced',
    '  versions:',
    '  - name: v1alpha3',
    '    served: true',
    '    storage: true',
    '    schema: {openAPIV3Schema: {type: object}}',
    ''
  ].join('\n')
  const at = `crd.yaml:${lineOf(crd, 'bundle-version')}`

  it('is a notice that states the condition where no file sets the alpha flag (1.28 and 1.30 arms)', () => {
    expect(settled(id, 'crd.yaml', crd, '1.28', '1.27')).toEqual([`${at} notice`])
    expect(settled(id, 'crd.yaml', crd, '1.30', '1.27')).toEqual([`${at} notice`])
  })

  it('stays a warning where istiod ran with the alpha flag on, and is quiet where it was off (ignored on both sides)', () => {
    expect(settled(id, 'crd.yaml', crd, '1.28', '1.27', withAlpha('true'))).toEqual([`${at} warning`])
    expect(settled(id, 'crd.yaml', crd, '1.30', '1.27', withAlpha('true'))).toEqual([`${at} warning`])
    expect(settled(id, 'crd.yaml', crd, '1.28', '1.27', withAlpha('false'))).toEqual([])
    expect(settled(id, 'crd.yaml', crd, '1.27', '1.26', withAlpha('true'))).toEqual([])
  })
})
