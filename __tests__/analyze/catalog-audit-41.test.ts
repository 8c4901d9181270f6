// Forty-first audit (measurement; docs/audit/catalog-audit-41-m41*.md): its one ❌, fixed after the round with a test
// that fails on the entry as it was and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, settled } from '../support/catalog-run.js'

describe('istio-1.29-bypass-inbound-capture-hbone (m41c): a pod whose Namespace in the repository is ambient is in ambient', () => {
  const id = 'istio-1.29-bypass-inbound-capture-hbone'
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: api, namespace: shop}',
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata:',
    '      labels: {app: api}',
    '      annotations:',
    '        ambient.istio.io/bypass-inbound-capture: "true"',
    '    spec:',
    '      containers: [{name: api, image: api}]',
    ''
  ].join('\n')
  const line = `d.yaml:${lineOf(deployment, 'bypass-inbound-capture')}`
  const namespace = (name: string): Record<string, string> => ({ 'ns.yaml': `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: {istio.io/dataplane-mode: ambient}\n` })
  it('errs, not warns, where the repository labels the pod\'s own Namespace ambient (releases/1.29/change-notes/index.md:75)', () => {
    expect(settled(id, 'd.yaml', deployment, '1.28', '1.27', namespace('shop'))).toEqual([`${line} error`])
  })
  it('keeps the hedged warning where the repository does not hold the pod\'s Namespace', () => {
    expect(settled(id, 'd.yaml', deployment, '1.28', '1.27')).toEqual([`${line} warning`])
    expect(settled(id, 'd.yaml', deployment, '1.28', '1.27', namespace('other'))).toEqual([`${line} warning`])
  })
  it('says nothing from 1.29', () => {
    expect(settled(id, 'd.yaml', deployment, '1.29', '1.28', namespace('shop'))).toEqual([])
  })
})
