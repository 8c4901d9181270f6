// Thirty-eighth audit (census), helper r38d (docs/audit/catalog-audit-38-r38d.md): each test fails on the entry as it
// was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { istiodApplication, istiodRelease, settled } from '../support/catalog-run.js'

// ENABLE_GATEWAY_API_INFERENCE_EXTENSION is off by default (checklist item 15): a v1alpha2 InferencePool is read by no
// release where istiod leaves the flag off, so the entry errs only where a file turns the flag on, is a notice that
// states the condition where no file says, and is quiet where a visible istiod install leaves the flag off.
describe('istio-1.27-inferencepool-v1alpha2: the inference flag is off by default', () => {
  const ID = 'istio-1.27-inferencepool-v1alpha2'
  const pool = 'apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: llm\n  namespace: ai\nspec:\n  targetPortNumber: 8000\n  selector:\n    app: vllm\n  extensionRef:\n    name: epp\n'
  it('errs only where a file turns the flag on (target 1.26)', () => {
    expect(settled(ID, 'pool.yaml', pool, '1.26', undefined, { 'values-istiod.yaml': 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"\n' })).toEqual(['pool.yaml:1 error'])
  })
  it('is a notice where no file sets the flag', () => {
    expect(settled(ID, 'pool.yaml', pool, '1.26')).toEqual(['pool.yaml:1 notice'])
    expect(settled(ID, 'pool.yaml', pool, '1.26', '1.25')).toEqual(['pool.yaml:1 notice'])
  })
  it('says nothing where a visible istiod HelmRelease or Application leaves the flag off', () => {
    expect(settled(ID, 'pool.yaml', pool, '1.26', undefined, { 'istiod.yaml': istiodRelease(['pilot: {resources: {}}']) })).toEqual([])
    expect(settled(ID, 'pool.yaml', pool, '1.26', undefined, { 'istiod.yaml': istiodApplication('pilot: {resources: {}}') })).toEqual([])
  })
  it('still errs where the HelmRelease turns the flag on, and says nothing on 1.27', () => {
    const on = istiodRelease(['pilot: {env: {ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"}}'])
    expect(settled(ID, 'pool.yaml', pool, '1.26', undefined, { 'istiod.yaml': on })).toEqual(['pool.yaml:1 error'])
    expect(settled(ID, 'pool.yaml', pool, '1.27', undefined, { 'istiod.yaml': on })).toEqual([])
  })
})
