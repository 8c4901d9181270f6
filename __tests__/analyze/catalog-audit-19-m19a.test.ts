// The defects the nineteenth audit (seeded measurement sample, helper m19a) found
// (docs/audit/catalog-audit-19-m19a.md): each test fails on the entry as it was before the fix and asserts the
// file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const FILE = 'mesh/reviews-dr.yaml'

const rule = (hash: string): string => `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews.shop.svc.cluster.local
  trafficPolicy:
    loadBalancer:
      consistentHash:
        httpHeaderName: x-user
${hash}
`

describe('audit 19 m19a #12: consistentHash.minimumRingSize deprecated (1.20) next to maglev', () => {
  const id = 'istio-1.20-consistent-hash-minimum-ring-size-deprecated'
  it('does not advise adding ringHash when maglev is set (the CRD allows only one of the two) and says the key is ignored', () => {
    const text = rule('        minimumRingSize: 1024\n        maglev:\n          tableSize: 65537')
    const found = of(run(FILE, text, '1.20'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'minimumRingSize'), severity: 'notice' })])
    expect(found[0].message).toMatch(/maglev/)
    expect(found[0].message).toMatch(/remove the old key/)
    expect(found[0].message).not.toMatch(/set consistentHash\.ringHash\.minimumRingSize instead/)
  })
  it('still advises ringHash.minimumRingSize when neither ringHash nor maglev is set', () => {
    const text = rule('        minimumRingSize: 1024')
    const found = of(run(FILE, text, '1.28', '1.20'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'minimumRingSize'), severity: 'notice' })])
    expect(found[0].message).toMatch(/set consistentHash\.ringHash\.minimumRingSize instead/)
  })
  it('still says to remove the old key when ringHash.minimumRingSize is already set next to it', () => {
    const text = rule('        minimumRingSize: 1024\n        ringHash:\n          minimumRingSize: 2048')
    const found = of(run(FILE, text, '1.20'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'minimumRingSize: 1024'), severity: 'notice' })])
    expect(found[0].message).toMatch(/already set next to it/)
  })
})
