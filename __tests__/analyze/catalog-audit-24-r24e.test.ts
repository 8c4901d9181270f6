// Round 24 census, share r24e (docs/audit/catalog-audit-24-r24e.md): each ❌ it found, with the YAML that showed it.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.28-inferencepool-port-number-removed: port.number already written next to the old portNumber', () => {
  const pool = (ref: string): string =>
    `apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: p\n  namespace: default\nspec:\n  targetPorts:\n  - number: 8000\n  selector:\n    matchLabels:\n      app: vllm\n  endpointPickerRef:\n    name: epp\n${ref}`
  const oldOnly = pool('    portNumber: 9002\n')
  const both = pool('    portNumber: 9002\n    port:\n      number: 9002\n')

  it('errs on a v1 pool that still gives only portNumber, at its line', () => {
    expect(at(of(run('pool.yaml', oldOnly, '1.28'), 'istio-1.28-inferencepool-port-number-removed'))).toEqual([`pool.yaml:${lineOf(oldOnly, 'portNumber')} error`])
  })

  it('is silent when port.number is set next to it (the leftover key is only an unknown field, which the schema check reports)', () => {
    expect(of(run('pool.yaml', both, '1.28'), 'istio-1.28-inferencepool-port-number-removed')).toEqual([])
    expect(of(run('pool.yaml', both, '1.30'), 'istio-1.28-inferencepool-port-number-removed')).toEqual([])
  })
})

describe('istio-1.28-native-nftables-ambient: the cni chart profile gives way to an explicit ambient.enabled', () => {
  const id = 'istio-1.28-native-nftables-ambient'
  it('warns on profile ambient with native nftables before 1.28', () => {
    const v = 'profile: ambient\nglobal:\n  nativeNftables: true\n'
    expect(at(of(run('istio-cni/values.yaml', v, '1.27', '1.26'), id))).toEqual([`istio-cni/values.yaml:${lineOf(v, 'nativeNftables')} warning`])
  })

  it('is silent on profile ambient with ambient.enabled: false (user values override the profile in zzz_profile.yaml)', () => {
    const v = 'profile: ambient\nambient:\n  enabled: false\nglobal:\n  nativeNftables: true\n'
    expect(of(run('istio-cni/values.yaml', v, '1.27', '1.26'), id)).toEqual([])
  })

  it('reads global.profile as the chart does (coalesce of profile and global.profile)', () => {
    const v = 'global:\n  profile: ambient\n  nativeNftables: true\n'
    expect(at(of(run('istio-cni/values.yaml', v, '1.27', '1.26'), id))).toEqual([`istio-cni/values.yaml:${lineOf(v, 'nativeNftables')} warning`])
    const off = `${v}ambient:\n  enabled: false\n`
    expect(of(run('istio-cni/values.yaml', off, '1.27', '1.26'), id)).toEqual([])
    expect(of(run('istio-cni/values.yaml', v, '1.28', '1.27'), id)).toEqual([])
  })
})
