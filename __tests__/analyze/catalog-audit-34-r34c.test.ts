// Thirty-fourth audit, helper r34c (docs/audit/catalog-audit-34-r34c.md): each test fails on the entry as it was before
// the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodApplication, istiodRelease, lineOf, settled } from '../support/catalog-run.js'

const ID = 'istio-1.26-backend-tls-policy-alpha'

const policies = [
  'apiVersion: gateway.networking.k8s.io/v1alpha3',
  'kind: BackendTLSPolicy',
  'metadata:',
  '  name: tls',
  'spec:',
  '  targetRefs:',
  '  - {group: "", kind: Service, name: svc}',
  '  validation: {hostname: svc.example.com, wellKnownCACertificates: System}',
  '---',
  'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
  'kind: XBackendTrafficPolicy',
  'metadata:',
  '  name: retry',
  'spec:',
  '  targetRefs:',
  '  - {group: "", kind: Service, name: svc}',
  '  retryConstraint: {budget: {percent: 20}}',
  ''
].join('\n')

/** An istiod HelmRelease (its own document after the policies) whose pilot.env is `env`. */
const helmIstiod = (env: string): string => '---\n' + istiodRelease(['pilot:', `  env: {${env}}`], '1.25.0')

const argoIstiod = (values: string): string => '---\n' + istiodApplication(values, '1.25.0')

describe('istio-1.26-backend-tls-policy-alpha: istiod installed here without the alpha Gateway API flag', () => {
  it('reports nothing where the repository installs istiod (HelmRelease) without PILOT_ENABLE_ALPHA_GATEWAY_API', () => {
    // releases/1.26/change-notes/index.md:24 and 1.28/upgrade-notes/index.md:45: the alpha kinds are read only with
    // PILOT_ENABLE_ALPHA_GATEWAY_API=true (default false), so this istiod ignores them on 1.26 as on 1.25.
    const text = policies + helmIstiod('PILOT_ENABLE_GATEWAY_API: "true"')
    expect(settled(ID, 'gw.yaml', text, '1.25', '1.26')).toEqual([])
  })

  it('reports nothing where an Argo CD Application installs istiod with inline values and no flag', () => {
    const text = policies + argoIstiod('meshConfig: {accessLogFile: /dev/stdout}')
    expect(settled(ID, 'gw.yaml', text, '1.25')).toEqual([])
  })

  it('still reports where that istiod turns the flag on', () => {
    const text = policies + helmIstiod('PILOT_ENABLE_ALPHA_GATEWAY_API: "true"')
    expect(settled(ID, 'gw.yaml', text, '1.25', '1.26')).toEqual([
      `gw.yaml:${lineOf(text, 'kind: BackendTLSPolicy') - 1} error`,
      `gw.yaml:${lineOf(text, 'kind: XBackendTrafficPolicy') - 1} warning`
    ])
  })

  it('still reports where the repository does not show how istiod is installed', () => {
    // Round 40 (r40c, docs/audit/catalog-audit-40-r40c.md): with no file turning PILOT_ENABLE_ALPHA_GATEWAY_API on, a notice.
    expect(settled(ID, 'gw.yaml', policies, '1.25')).toEqual([`gw.yaml:1 notice`, `gw.yaml:${lineOf(policies, 'kind: XBackendTrafficPolicy') - 1} notice`])
    expect(settled(ID, 'gw.yaml', policies, '1.26')).toEqual([])
  })

  it('keeps the opt-out narrow: values from elsewhere (valuesFrom, valueFiles) leave the finding', () => {
    const flux = policies + helmIstiod('PILOT_ENABLE_GATEWAY_API: "true"').replace('  values:\n', '  valuesFrom: [{kind: ConfigMap, name: istiod-values}]\n  values:\n')
    expect(settled(ID, 'gw.yaml', flux, '1.25')).toHaveLength(2)
    const argo = policies + argoIstiod('meshConfig: {}').replace('    helm:\n', '    helm:\n      valueFiles: [values-prod.yaml]\n')
    expect(settled(ID, 'gw.yaml', argo, '1.25')).toHaveLength(2)
  })
})
