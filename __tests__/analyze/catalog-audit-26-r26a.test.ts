// Round 26 census, share r26a (docs/audit/catalog-audit-26-r26a.md): each ❌ fixed, pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

const helmRelease = (values: string): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.23.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`

describe('istio-1.23-cni-log-level-deprecated: only cni.logLevel was ever read by the cni chart before 1.23', () => {
  const ID = 'istio-1.23-cni-log-level-deprecated'
  const FILE = 'istio/cni.yaml'

  it('says nothing about a top-level logLevel (the 1.22 chart read .Values.cni.logLevel only, so nothing is dropped)', () => {
    const text = helmRelease('    logLevel: warn\n')
    expect(of(run(FILE, text, '1.23', '1.22'), ID)).toEqual([])
    expect(of(run(FILE, text, '1.24', '1.22'), ID)).toEqual([])
  })

  it('still warns for cni.logLevel, the key the 1.22 chart read', () => {
    const text = helmRelease('    cni:\n      logLevel: warn\n')
    expect(at(of(run(FILE, text, '1.23', '1.22'), ID))).toEqual([`${FILE}:${lineOf(text, 'logLevel')} warning`])
  })

  it('still warns for an IstioOperator spec.values.cni.logLevel', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  components:\n    cni:\n      enabled: true\n  values:\n    cni:\n      logLevel: warn\n'
    expect(at(of(run('istio/iop.yaml', text, '1.23', '1.22'), ID))).toEqual([`istio/iop.yaml:${lineOf(text, 'logLevel')} warning`])
  })
})
