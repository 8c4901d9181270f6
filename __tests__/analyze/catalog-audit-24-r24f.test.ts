// The defects the twenty-fourth audit (census, helper r24f) found (docs/audit/catalog-audit-24-r24f.md): each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

// The istio-cni chart merges the profile (files/profile-ambient.yaml sets cni.ambient.enabled: true) under the user's
// values, then templates/zzy_descope_legacy.yaml copies everything under `cni` onto the top level. So a user's
// `cni.ambient.enabled: false` next to `profile: ambient` turns ambient off, and the agent enrolls no pod at all.
const release = (values: string, version = '1.30.0'): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: ${version}
  values:
${values}`

describe('audit 24 r24f: istio-1.30-cni-exclude-namespaces is quiet when the values turn ambient off', () => {
  const id = 'istio-1.30-cni-exclude-namespaces'
  const FILE = 'clusters/prod/istio-cni.yaml'
  const excluded = '    excludeNamespaces:\n      - kube-system\n      - legacy\n'
  it('still warns on an excluded namespace with profile ambient (trip)', () => {
    const text = release('    profile: ambient\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, '- legacy'), severity: 'warning' }),
    ])
  })
  it('still warns with a top-level ambient.enabled: false (the profile\'s cni.ambient.enabled: true is copied over it)', () => {
    const text = release('    profile: ambient\n    ambient:\n      enabled: false\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, '- legacy'), severity: 'warning' }),
    ])
  })
  it('says nothing when cni.ambient.enabled: false overrides the ambient profile', () => {
    const text = release('    profile: ambient\n    cni:\n      ambient:\n        enabled: false\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([])
  })
  it('says nothing when ambient.enabled: true is overridden by cni.ambient.enabled: false', () => {
    const text = release('    ambient:\n      enabled: true\n    cni:\n      ambient:\n        enabled: false\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([])
  })
})

describe('audit 24 r24f: istio-1.29-reconcile-iptables-on-startup is quiet when the values turn ambient off', () => {
  const id = 'istio-1.29-reconcile-iptables-on-startup'
  const FILE = 'clusters/prod/istio-cni.yaml'
  it('still notes profile ambient (trip)', () => {
    const text = release('    profile: ambient\n', '1.29.0')
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'profile: ambient'), severity: 'notice' }),
    ])
  })
  it('says nothing when cni.ambient.enabled: false overrides the ambient profile', () => {
    const text = release('    profile: ambient\n    cni:\n      ambient:\n        enabled: false\n', '1.29.0')
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([])
  })
  const IOP = 'istio/operator.yaml'
  const iop = (extra: string): string => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: ambient
  namespace: istio-system
spec:
  profile: ambient
${extra}`
  it('still notes an IstioOperator with profile ambient (trip)', () => {
    const text = iop('')
    expect(of(run(IOP, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: IOP, line: lineOf(text, 'profile: ambient'), severity: 'notice' }),
    ])
  })
  it('says nothing when the IstioOperator turns the CNI component or its ambient mode off', () => {
    expect(of(run(IOP, iop('  components:\n    cni:\n      enabled: false\n'), '1.29', '1.28'), id)).toEqual([])
    expect(of(run(IOP, iop('  values:\n    cni:\n      ambient:\n        enabled: false\n'), '1.29', '1.28'), id)).toEqual([])
  })
})
