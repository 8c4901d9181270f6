// Audit 16 (r16b, census of 29 entries of 1.22–1.24): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16b.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const GN = 'istio-1.24-gateway-name-label-removed'
const netpol = (operator: string, values = ''): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: istio-ingress\nspec:\n  podSelector:\n    matchExpressions:\n    - key: istio.io/gateway-name\n      operator: ${operator}\n${values}  policyTypes: [Ingress]\n  ingress: []\n`

describe(`${GN}: selectors that pick the pods WITHOUT the label`, () => {
  it('errs on an In / Exists expression (the selector matches none of the gateway pods from 1.24)', () => {
    const exists = netpol('Exists')
    const f = of(run('np.yaml', exists, '1.24', '1.23'), GN)
    expect(f.map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(exists, 'key: istio.io/gateway-name')} error`])
    const inList = netpol('In', '      values: [ingress]\n')
    expect(of(run('np.yaml', inList, '1.24', '1.23'), GN).map((x) => `${x.line} ${x.severity}`)).toEqual([`${lineOf(inList, 'key: istio.io/gateway-name')} error`])
  })
  it('says nothing on DoesNotExist / NotIn (such a selector selects more pods from 1.24, never none)', () => {
    expect(of(run('np.yaml', netpol('DoesNotExist'), '1.24', '1.23'), GN)).toEqual([])
    expect(of(run('np.yaml', netpol('NotIn', '      values: [ingress]\n'), '1.24', '1.23'), GN)).toEqual([])
  })
})
