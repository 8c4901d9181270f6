// Audit 17 (m17c, measurement of 12 sampled entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-17-m17c.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

describe('audit 17 m17c #4: the inference extension flag typo (1.27) only from the release that has the feature', () => {
  const id = 'istio-1.27-inference-extension-flag-typo'
  const VALUES = 'istio/istiod/values.yaml'
  const text = 'pilot:\n  env:\n    SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: "true"\n'
  it('stays quiet before 1.27 (no release before 1.27 reads either name, so nothing breaks and the rename would do nothing)', () => {
    for (const target of ['1.20', '1.25', '1.26']) expect(of(run(VALUES, text, target), id)).toEqual([])
  })
  it('still reports an error from 1.27 on, on the line of the misspelt variable', () => {
    for (const target of ['1.27', '1.29']) {
      expect(of(run(VALUES, text, target), id)).toEqual([
        expect.objectContaining({ file: VALUES, line: lineOf(text, 'SUPPORT_GATEWAY_API_INFERENCE_EXTENSION'), severity: 'error' })
      ])
    }
  })
  it('stays quiet when the right name is set next to it', () => {
    const both = text + '    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"\n'
    expect(of(run(VALUES, both, '1.27'), id)).toEqual([])
  })
})
