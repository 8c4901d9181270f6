// src/manifests/js-yaml-parser.ts is js-yaml's own event parser with the listed patches, nothing else.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { PATCHES, VENDORED_PARSER, vendoredParser } from '../../scripts/vendor-js-yaml-parser.mjs'

describe('the patched js-yaml parser', () => {
  it('is what scripts/vendor-js-yaml-parser.mjs makes of the pinned js-yaml (rerun it after changing a patch)', () => {
    expect(readFileSync(VENDORED_PARSER, 'utf8') === vendoredParser()).toBe(true)
  })

  it('says why for every change', () => {
    for (const [why, find, replace] of PATCHES) {
      expect(why.length).toBeGreaterThan(10)
      expect(find).not.toBe(replace)
    }
  })
})
