// Audit 9 (c9d, census of 1.26–1.27 entries): each ❌ pinned to file and line. See docs/audit/catalog-audit-9-c9d.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.27-jwt-without-issuer: a rule without issuer and without jwksUri is not fixed by 1.27', () => {
  const ID = 'istio-1.27-jwt-without-issuer'
  const text =
    "apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: a\nspec:\n  jwtRules:\n  - jwksUri: https://example.com/jwks\n  - jwks: '{\"keys\":[]}'\n  - issuer: https://issuer.example.com\n"

  it('tells each rule the truth at its line on 1.26, and is silent for the rule with issuer', () => {
    const found = of(run('ra.yaml', text, '1.26'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([
      `ra.yaml:${lineOf(text, '- jwksUri:')} error`,
      `ra.yaml:${lineOf(text, '- jwks:')} error`
    ])
    expect(found[0]?.message).toContain('only accepted from Istio 1.27')
    expect(found[1]?.message).toContain('only when it sets jwksUri')
    expect(found[1]?.message).not.toContain('only accepted from Istio 1.27')
    expect(of(run('ra.yaml', text, '1.27'), ID)).toEqual([])
  })
})
