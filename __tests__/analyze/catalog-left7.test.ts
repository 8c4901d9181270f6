// Leftovers of the catalog audits (issue #13; docs/audit/catalog-audit-5-*.md, -6-*.md): each test fails on the
// entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const ISTIOD = 'istio/istiod/values.yaml'
const CNI = 'istio/cni.yaml'

const helmRelease = (chart: string, values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${chart}
  namespace: istio-system
spec:
  chart:
    spec:
      chart: ${chart}
  values:
${values}`

describe('left7 #1: istio_cni.* removed (1.24) is only a notice where the value changes nothing', () => {
  const id = 'istio-1.24-istio-cni-values-removed'
  it('is a notice for the 1.23 chart defaults (chained: true, provider: default)', () => {
    const text = 'istio_cni:\n  chained: true\n  provider: default\n'
    const found = of(run(ISTIOD, text, '1.24', '1.23'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'chained'), severity: 'notice' }),
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'provider'), severity: 'notice' }),
    ])
  })
  it('is a notice when pilot.cni.enabled mirrors istio_cni.enabled', () => {
    const text = 'pilot:\n  cni:\n    enabled: true\nistio_cni:\n  enabled: true\n'
    const found = of(run(ISTIOD, text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'istio_cni') + 1, severity: 'notice' })])
  })
  it('still warns when istio_cni.enabled: true is the only CNI switch', () => {
    const text = 'istio_cni:\n  enabled: true\n'
    const found = of(run(ISTIOD, text, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'enabled'), severity: 'warning' })])
  })
  it('still warns on chained: false without pilot.cni.provider: multus', () => {
    // census 9 (c9c): chained is read only where a CNI is enabled, so the values turn istio_cni on.
    const text = 'istio_cni:\n  enabled: true\n  chained: false\n'
    const found = of(run(ISTIOD, text, '1.24', '1.23'), id).filter((f) => f.line === lineOf(text, 'chained'))
    expect(found).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'chained'), severity: 'warning' })])
  })
})

describe('left7 #2: CNI agent honours excludeNamespaces (1.30) ignores the chart default', () => {
  const id = 'istio-1.30-cni-exclude-namespaces'
  it('says nothing about the default list [kube-system]', () => {
    const text = helmRelease('cni', '    cni:\n      excludeNamespaces:\n        - kube-system\n')
    expect(of(run(CNI, text, '1.30', '1.29'), id)).toEqual([])
  })
  it('still warns on a namespace beyond the default', () => {
    // census 7 (c7f): only an ambient istio-cni changes, so the values turn ambient on.
    const text = helmRelease('cni', '    cni:\n      ambient:\n        enabled: true\n      excludeNamespaces:\n        - kube-system\n        - legacy-apps\n')
    const found = of(run(CNI, text, '1.30', '1.29'), id)
    expect(found).toEqual([expect.objectContaining({ file: CNI, line: lineOf(text, 'legacy-apps'), severity: 'warning' })])
  })
})

describe('left7 #3: reconcile iptables on startup (1.29) does not call an explicit false the default', () => {
  const id = 'istio-1.29-reconcile-iptables-on-startup'
  it('says nothing about an explicit false, which keeps what 1.28 does (audit 10, c10f: a pre-existing switch set to its old value)', () => {
    const text = helmRelease('cni', '    ambient:\n      reconcileIptablesOnStartup: false\n')
    expect(of(run(CNI, text, '1.29', '1.28'), id)).toEqual([])
  })
  it('tells an explicit true it is the default from 1.29', () => {
    const text = helmRelease('cni', '    ambient:\n      reconcileIptablesOnStartup: true\n')
    const found = of(run(CNI, text, '1.29', '1.28'), id)
    expect(found).toEqual([expect.objectContaining({ file: CNI, line: lineOf(text, 'reconcileIptablesOnStartup'), severity: 'notice' })])
    expect(found[0].message).toMatch(/default/)
  })
})

describe('left7 #4: locality label (1.29) on a WorkloadEntry is read from spec.labels', () => {
  const id = 'istio-1.29-locality-label'
  const we = (meta: string, spec: string): string => `apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: vm-1
  labels:
${meta}
spec:
  address: 10.0.0.5
  labels:
${spec}
`
  it("ignores the label on the WorkloadEntry's own metadata, which Istio does not read for locality", () => {
    const text = we('    topology.istio.io/locality: us-east1.zone-a', '    app: vm')
    expect(of(run('mesh/we.yaml', text, '1.28'), id)).toEqual([])
  })
  it('reports the label in spec.labels', () => {
    const text = we('    app: vm', '    topology.istio.io/locality: us-east1.zone-a')
    const found = of(run('mesh/we.yaml', text, '1.28'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/we.yaml', line: lineOf(text, 'topology.istio.io/locality'), severity: 'warning' })])
  })
  it('still reports the label on a pod template', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        topology.istio.io/locality: us-east1.zone-a
    spec:
      containers:
      - name: web
        image: web
`
    const found = of(run('k8s/web.yaml', text, '1.28'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'k8s/web.yaml', line: lineOf(text, 'topology.istio.io/locality'), severity: 'warning' })])
  })
})
