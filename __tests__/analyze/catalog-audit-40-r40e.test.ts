// Fortieth audit, helper r40e (docs/audit/catalog-audit-40-r40e.md): each test fails on the entry as it was before the
// fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run, settled } from '../support/catalog-run.js'

const ID = 'istio-1.29-debug-endpoint-auth'

const kiali = (namespace: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kiali\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      containers:\n      - name: kiali\n        image: quay.io/kiali/kiali:v2.10\n`
const istiod = (name: string, namespace: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        image: docker.io/istio/pilot:1.28.3\n`

describe(`${ID}: the system namespace is istiod's own (POD_NAMESPACE), not always istio-system`, () => {
  it('is silent for a Kiali in the namespace the istiod Deployment runs in (1.29, 1.28.4)', () => {
    for (const [target, from] of [['1.29', '1.28.3'], ['1.28.4', '1.28.3']]) {
      expect(settled(ID, 'kiali.yaml', kiali('mesh'), target, from, { 'istiod.yaml': istiod('istiod', 'mesh') })).toEqual([])
      expect(settled(ID, 'kiali.yaml', kiali('mesh'), target, from, { 'istiod.yaml': istiod('istiod-1-28', 'mesh') })).toEqual([])
    }
  })

  it('still warns for a Kiali outside the istiod namespace, or where no istiod Deployment is written', () => {
    const text = kiali('observability')
    expect(settled(ID, 'kiali.yaml', text, '1.29', '1.28.3', { 'istiod.yaml': istiod('istiod', 'mesh') })).toEqual([`kiali.yaml:${lineOf(text, 'name: kiali')} warning`])
    expect(settled(ID, 'kiali.yaml', kiali('mesh'), '1.29', '1.28.3')).toEqual([`kiali.yaml:${lineOf(text, 'name: kiali')} warning`])
    // A Deployment of another name in that namespace is no istiod.
    expect(settled(ID, 'kiali.yaml', kiali('mesh'), '1.29', '1.28.3', { 'x.yaml': istiod('istiodx', 'mesh') })).toEqual([`kiali.yaml:${lineOf(text, 'name: kiali')} warning`])
  })
})

describe('istio-1.28-metric-expiry-removed: a METRIC_ROTATION_INTERVAL Go cannot parse as a duration keeps expiry off', () => {
  const EXPIRY = 'istio-1.28-metric-expiry-removed'
  const istiodEnv = (value: string): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  template:\n    spec:\n      containers:\n      - name: discovery\n        image: docker.io/istio/pilot:1.27.3\n        env:\n        - name: METRIC_ROTATION_INTERVAL\n          value: "${value}"\n`
  const at = (text: string): string[] => of(run('istiod.yaml', text, '1.28', '1.27.3'), EXPIRY).map((f) => `${f.file}:${f.line} ${f.severity}`)
  it('is silent for a number without unit (time.ParseDuration fails, the default 0 stays) or a negative interval', () => {
    expect(at(istiodEnv('10'))).toEqual([])
    expect(at(istiodEnv('-5m'))).toEqual([])
    expect(at(istiodEnv('0s'))).toEqual([])
  })
  it('still warns for a positive duration', () => {
    for (const v of ['5m', '1h30m', '0.5s']) {
      const text = istiodEnv(v)
      expect(at(text)).toEqual([`istiod.yaml:${lineOf(text, 'name: METRIC_ROTATION_INTERVAL')} warning`])
    }
  })
})
