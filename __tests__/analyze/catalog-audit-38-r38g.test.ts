// Thirty-eighth audit, helper r38g (docs/audit/catalog-audit-38-r38g.md): each test fails on the entry as it was before the
// fix and asserts file, line and severity of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodRelease, lineOf, settled } from '../support/catalog-run.js'

const ID = 'istio-1.30-xlistenerset-removed'

const listenerSet = [
  'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
  'kind: XListenerSet',
  'metadata: {name: extra, namespace: apps}',
  'spec:',
  '  parentRef: {name: gw, namespace: istio-ingress}',
  '  listeners:',
  '  - name: http',
  '    port: 8080',
  '    protocol: HTTP',
  ''
].join('\n')

const line = lineOf(listenerSet, 'apiVersion:')
const istiod = (env: string): Record<string, string> => ({ 'istio/istiod.yaml': istiodRelease(['pilot:', `  env: {${env}}`]) })

describe(`${ID}: XListenerSet was read only with PILOT_ENABLE_ALPHA_GATEWAY_API=true (off by default)`, () => {
  it('is a notice, not an error, where no file turns the alpha flag on: without it 1.29 did not read the object either', () => {
    expect(settled(ID, 'ls.yaml', listenerSet, '1.30', '1.29')).toEqual([`ls.yaml:${line} notice`])
  })

  it('stays an error where an istiod install in the repository turns the flag on', () => {
    expect(settled(ID, 'ls.yaml', listenerSet, '1.30', '1.29', istiod('PILOT_ENABLE_ALPHA_GATEWAY_API: "true"'))).toEqual([`ls.yaml:${line} error`])
  })

  it('stays quiet next to an istiod HelmRelease that leaves the flag unset', () => {
    expect(settled(ID, 'ls.yaml', listenerSet, '1.30', '1.29', istiod('PILOT_ENABLE_GATEWAY_API: "true"'))).toEqual([])
  })
})
