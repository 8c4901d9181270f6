// Round 28 census, share r28f (docs/audit/catalog-audit-28-r28f.md).
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.30-new-annotations: an empty Namespace traffic-distribution annotation is no setting', () => {
  // Istio reads the annotation as a lower-cased string and treats "" like no annotation (the Services keep their own
  // default), so an older release ignoring an empty value changes nothing.
  const ID = 'istio-1.30-new-annotations'
  const ns = (value: string): string =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n  annotations:\n    networking.istio.io/traffic-distribution: ${value}\n`

  it('is silent for an empty value', () => {
    expect(of(run('ns.yaml', ns('""'), '1.29', '1.28'), ID)).toEqual([])
  })

  it('still warns at the annotation for PreferClose', () => {
    const text = ns('PreferClose')
    expect(at(of(run('ns.yaml', text, '1.29', '1.28'), ID))).toEqual([`ns.yaml:${lineOf(text, 'traffic-distribution')} warning`])
  })
})
