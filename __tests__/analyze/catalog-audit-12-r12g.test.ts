// Round 12 census (r12g): the ❌ of the 1.30.4–1.31.1 share (docs/audit/catalog-audit-12-r12g.md).
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.30-referencegrant-to-same-kind: a repeated entry equal to the last one loses nothing', () => {
  const id = 'istio-1.30-referencegrant-to-same-kind'
  const grant = (to: string) => `apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: certs\n  namespace: certs\nspec:\n  from:\n  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}\n  to:\n${to}`
  it('is quiet when the same Service is listed twice (the last entry allows it anyway)', () => {
    expect(of(run('grant.yaml', grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: a}\n'), '1.29'), id)).toEqual([])
  })
  it('still reports two different names of one kind (trip)', () => {
    const text = grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: b}\n')
    expect(of(run('grant.yaml', text, '1.29'), id)).toEqual([expect.objectContaining({ file: 'grant.yaml', line: lineOf(text, 'name: b'), severity: 'error' })])
  })
  it('reports a, b, a: the earlier b is lost though a repeats (trip)', () => {
    const text = grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: b}\n  - {group: "", kind: Service, name: a}\n')
    const found = of(run('grant.yaml', text, '1.29'), id)
    expect(found.map(f => [f.file, f.line])).toEqual([['grant.yaml', lineOf(text, 'name: b')], ['grant.yaml', lineOf(text, 'name: b') + 1]])
  })
})
