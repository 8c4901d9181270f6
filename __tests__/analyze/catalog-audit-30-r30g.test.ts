// Thirtieth audit, helper r30g (docs/audit/catalog-audit-30-r30g.md). Each test fails on the entry as it was before
// the fix and asserts file and line.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.24-gateway-name-label-removed: ProxyConfig and Telemetry selectors (kind 40)', () => {
  const text = [
    'apiVersion: networking.istio.io/v1beta1',
    'kind: ProxyConfig',
    'metadata:',
    '  name: gw',
    '  namespace: ingress',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      istio.io/gateway-name: my-gw',
    '  concurrency: 2',
    '---',
    'apiVersion: telemetry.istio.io/v1',
    'kind: Telemetry',
    'metadata:',
    '  name: gw',
    '  namespace: ingress',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      istio.io/gateway-name: my-gw2',
    '  accessLogging:',
    '  - providers:',
    '    - name: envoy',
    ''
  ].join('\n')

  it('says the proxy setting or telemetry does not apply, not that monitoring misses the pods', () => {
    const found = of(run('k8s/gw.yaml', text, '1.24', '1.23'), 'istio-1.24-gateway-name-label-removed')
    expect(at(found)).toEqual([`k8s/gw.yaml:${lineOf(text, 'my-gw')} warning`, `k8s/gw.yaml:${lineOf(text, 'my-gw2')} warning`])
    for (const f of found) {
      expect(f.message).toContain('telemetry or proxy setting it belongs to does not apply')
      expect(f.message).not.toContain('monitoring, disruption budgets')
    }
  })

  it('keeps the monitoring message for a selector that is not an Istio policy (trip test)', () => {
    const pdb = ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: gw', '  namespace: ingress', 'spec:', '  minAvailable: 1', '  selector:', '    matchLabels:', '      istio.io/gateway-name: my-gw', ''].join('\n')
    const found = of(run('k8s/pdb.yaml', pdb, '1.24', '1.23'), 'istio-1.24-gateway-name-label-removed')
    expect(at(found)).toEqual([`k8s/pdb.yaml:${lineOf(pdb, 'my-gw')} warning`])
    expect(found[0]!.message).toContain('monitoring, disruption budgets')
  })
})
