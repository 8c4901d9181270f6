// Twentieth audit (r20a, entries of 1.21 and 1.22): the ❌ found and the messages tightened.
// - istio-1.21-compliance-policy fired on every non-empty COMPLIANCE_POLICY, with a FIPS message. The only policy the
//   1.20.4–1.26 components know is fips-140-2; any other value (pqc before 1.27, fips-140-3 before 1.31, a typo) is an
//   unknown policy that every release only logs and ignores, so older releases behave the same.
// - istio-1.22-inbound-passthrough-flag-removed said false "stops" sending inbound traffic to localhost; the 1.21
//   notes already list the flag as removed, so the message now only claims what holds from 1.22 on.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const COMPLIANCE = 'istio-1.21-compliance-policy'
const compliance = (value: string): string => ['pilot:', '  env:', `    COMPLIANCE_POLICY: "${value}"`, ''].join('\n')

describe('istio-1.21-compliance-policy', () => {
  it('warns on fips-140-2 for a target before the 1.20.4 backport', () => {
    const text = compliance('fips-140-2')
    const found = of(run('istiod-values.yaml', text, '1.20.3'), COMPLIANCE)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'COMPLIANCE_POLICY')} warning`])
    expect(found[0]!.message).toMatch(/fips-140-2/)
  })

  it('says nothing on 1.20.4 and later, which read it', () => {
    expect(of(run('istiod-values.yaml', compliance('fips-140-2'), '1.20.4'), COMPLIANCE)).toEqual([])
    expect(of(run('istiod-values.yaml', compliance('fips-140-2'), '1.21'), COMPLIANCE)).toEqual([])
  })

  it('says nothing on policies no release before 1.27 knows (unknown policies are ignored everywhere)', () => {
    for (const value of ['pqc', 'fips-140-3', 'none', 'FIPS']) {
      expect(of(run('istiod-values.yaml', compliance(value), '1.20.3'), COMPLIANCE)).toEqual([])
    }
  })
})

const PASSTHROUGH = 'istio-1.22-inbound-passthrough-flag-removed'

describe('istio-1.22-inbound-passthrough-flag-removed', () => {
  it('warns on false from 1.22 without claiming that 1.21 still honoured it', () => {
    const text = ['pilot:', '  env:', '    PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"', ''].join('\n')
    const found = of(run('istiod-values.yaml', text, '1.22', '1.21'), PASSTHROUGH)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'PILOT_ENABLE_INBOUND_PASSTHROUGH')} warning`])
    expect(found[0]!.message).toMatch(/from 1\.22 false does not send inbound traffic to localhost/)
    expect(found[0]!.message).not.toMatch(/stops/)
  })
})

// istio-1.21-sidecar-scope-concurrency-env fired on every value but 1; istiod (1.21+) converts concurrently only when
// the value is above 1 (PushContext.convertSidecarScopes: `ConvertSidecarScopeConcurrency > 1`), so 0 or a negative
// number keeps the one-at-a-time conversion older releases do anyway.
const CONCURRENCY = 'istio-1.21-sidecar-scope-concurrency-env'
const concurrency = (value: string): string => ['pilot:', '  env:', `    PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY: "${value}"`, ''].join('\n')

describe('istio-1.21-sidecar-scope-concurrency-env', () => {
  it('notes a concurrency above 1 on a target before 1.21', () => {
    for (const value of ['4', '2', '16']) {
      const text = concurrency(value)
      expect(at(of(run('istiod-values.yaml', text, '1.20'), CONCURRENCY))).toEqual([`istiod-values.yaml:${lineOf(text, 'PILOT_CONVERT')} notice`])
    }
  })

  it('says nothing on values that keep the sequential conversion (1 and below)', () => {
    for (const value of ['0', '1', '-3']) expect(of(run('istiod-values.yaml', concurrency(value), '1.20'), CONCURRENCY)).toEqual([])
  })
})
