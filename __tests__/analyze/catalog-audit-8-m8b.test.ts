// The defects the eighth audit round (a seeded sample, helper m8b: releases 1.30 and 1.31) found
// (docs/audit/catalog-audit-8-m8b.md). Each test fails on the entry as it was before the fix and asserts the file
// and line of what must, or must not, be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

const istiodRelease = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
${values}`

const env = (name: string, value: string): string => istiodRelease(`    pilot:
      env:
        ${name}: "${value}"
`)

describe('istio-1.30.4-xds-api-generator-auth: the documented opt-out (false) keeps the old behaviour and is not reported', () => {
  const id = 'istio-1.30.4-xds-api-generator-auth'
  it('is quiet on false, in every spelling Go reads as false', () => {
    for (const v of ['false', 'False', 'FALSE', '0', 'f']) {
      for (const [target, from] of [['1.31', '1.30.3'], ['1.30.4', '1.30.3'], ['1.29.7', '1.29.6']]) {
        expect(of(run('istiod.yaml', env('ENABLE_XDS_API_GENERATOR_AUTH', v), target, from), id)).toEqual([])
      }
    }
  })
  it('still reports a value that turns the check on once the variable is read', () => {
    const text = env('ENABLE_XDS_API_GENERATOR_AUTH', 'true')
    for (const [target, from] of [['1.31', '1.30.3'], ['1.30.4', '1.30.3'], ['1.29.7', '1.29.6']]) {
      expect(at(of(run('istiod.yaml', text, target, from), id))).toEqual([['istiod.yaml', lineOf(text, 'ENABLE_XDS_API_GENERATOR_AUTH'), 'notice']])
    }
    // An upgrade that stays on one side of the change says nothing.
    expect(of(run('istiod.yaml', text, '1.30.5', '1.30.4'), id)).toEqual([])
  })
})

describe('istio-1.31-strict-gateway-merging: PILOT_ENABLE_STRICT_GATEWAY_MERGING=false (the opt-out) is not reported', () => {
  const id = 'istio-1.31-strict-gateway-merging'
  it('is quiet on false', () => {
    for (const v of ['false', 'False', '0']) expect(of(run('istiod.yaml', env('PILOT_ENABLE_STRICT_GATEWAY_MERGING', v), '1.31', '1.30'), id)).toEqual([])
  })
  it('still reports true, which 1.30 ignored and 1.31 reads', () => {
    const text = env('PILOT_ENABLE_STRICT_GATEWAY_MERGING', 'true')
    expect(at(of(run('istiod.yaml', text, '1.31', '1.30'), id))).toEqual([['istiod.yaml', lineOf(text, 'PILOT_ENABLE_STRICT_GATEWAY_MERGING'), 'notice']])
  })
})

describe('outboundTrafficPolicy.mode ALLOW_ANY_DYNAMIC_DNS: an error before 1.30, whose istiod cannot parse the mesh config', () => {
  const text = istiodRelease(`    meshConfig:
      accessLogFile: /dev/stdout
      outboundTrafficPolicy:
        mode: ALLOW_ANY_DYNAMIC_DNS
`)
  const line = lineOf(text, 'ALLOW_ANY_DYNAMIC_DNS')
  const before = 'istio-1.30-allow-any-dynamic-dns-mode'
  const implemented = 'istio-1.31-allow-any-dynamic-dns-implemented'
  const fields = 'istio-1.31-meshconfig-fields'
  it('is one error before 1.30 (the enum value does not exist there), not a warning about 1.31', () => {
    for (const target of ['1.25', '1.28', '1.29']) {
      const found = run('istiod.yaml', text, target)
      expect(at(of(found, before))).toEqual([['istiod.yaml', line, 'error']])
      expect(of(found, before)[0].message).toContain('none of these meshConfig settings apply')
      expect(of(found, implemented)).toEqual([])
      expect(of(found, fields)).toEqual([])
    }
  })
  it('is an error on 1.30, which declares the value but does not implement the mode (treated like REGISTRY_ONLY; audit 9 c9g)', () => {
    for (const target of ['1.30.0', '1.30']) {
      const found = run('istiod.yaml', text, target)
      expect(at(of(found, implemented))).toEqual([['istiod.yaml', line, 'error']])
      expect(of(found, before)).toEqual([])
      expect(of(found, fields)).toEqual([])
    }
  })
  it('says nothing on 1.31, and nothing for the other modes', () => {
    for (const id of [before, implemented, fields]) expect(of(run('istiod.yaml', text, '1.31.0'), id)).toEqual([])
    const allowAny = text.replace('ALLOW_ANY_DYNAMIC_DNS', 'ALLOW_ANY')
    for (const target of ['1.29', '1.30']) for (const id of [before, implemented, fields]) expect(of(run('istiod.yaml', allowAny, target), id)).toEqual([])
  })
})
