// Eighteenth audit (census), helper r18d (docs/audit/catalog-audit-18-r18d.md): one test per fix, each failing on
// the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { run, of, lineOf } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function inRepo(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const file = parsed.find((f) => f.path === path)!
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const settled = catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
  return [...settled, ...(catalogAnalyzer.checkRepository?.(ctx, file.documents) ?? [])]
}
const withText = (found: Finding[], needle: string): Finding[] => found.filter((f) => f.message.includes(needle))

describe('istio-1.25-ztunnel-resource-names: opt-outs that keep the default name do not count', () => {
  const zt = (extra = ''): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ztunnel
  namespace: istio-system
spec:
  releaseName: istio-ztunnel
  chart:
    spec:
      chart: ztunnel
      version: 1.25.0
  values:
    profile: ambient
${extra}`
  const istiod = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
      version: 1.25.2
  values:
${values}`
  const line = lineOf(zt(), 'chart: ztunnel')
  const errs = (files: Record<string, string>, target: string): Finding[] => withText(inRepo(files, 'zt.yaml', target, '1.24'), 'ztunnel chart names its resources')
  it('still errs when istiod is told the default name ztunnel', () => {
    expect(errs({ 'zt.yaml': zt(), 'istiod.yaml': istiod('    trustedZtunnelName: ztunnel\n') }, '1.25.2')).toEqual([expect.objectContaining({ file: 'zt.yaml', line, severity: 'error' })])
    expect(errs({ 'zt.yaml': zt(), 'istiod.yaml': istiod('    env:\n      CA_TRUSTED_NODE_ACCOUNTS: istio-system/ztunnel\n') }, '1.25.2')).toEqual([expect.objectContaining({ file: 'zt.yaml', line, severity: 'error' })])
  })
  it('counts trustedZtunnelName only where the istiod chart reads it (1.25.2)', () => {
    const files = { 'zt.yaml': zt(), 'istiod.yaml': istiod('    trustedZtunnelName: istio-ztunnel\n') }
    // 1.25.0 errs with its own message (round 24: its DaemonSet runs as the ServiceAccount ztunnel, no istiod setting helps)
    expect(withText(inRepo(files, 'zt.yaml', '1.25.0', '1.24'), '1.25.0 ztunnel chart')).toEqual([expect.objectContaining({ file: 'zt.yaml', line, severity: 'error' })])
    expect(errs(files, '1.25.2')).toEqual([])
  })
  it('is quiet when global.resourceName keeps the name (the chart flattens globals)', () => {
    expect(errs({ 'zt.yaml': zt('    global:\n      resourceName: ztunnel\n') }, '1.25.0')).toEqual([])
  })
})

describe('istio-1.26-ztunnel-resource-names-restored: a global.resourceName keeps the name across 1.25 → 1.26', () => {
  const id = 'istio-1.26-ztunnel-resource-names-restored'
  const zt = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ztunnel
  namespace: istio-system
spec:
  releaseName: istio-ztunnel
  chart:
    spec:
      chart: ztunnel
      version: 1.26.0
  values:
${values}`
  it('warns on a release named istio-ztunnel, naming what depends on the 1.25 names', () => {
    const text = zt('    profile: ambient\n')
    const found = of(run('zt.yaml', text, '1.26', '1.25'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'zt.yaml', line: lineOf(text, 'chart: ztunnel'), severity: 'warning' })])
    expect(found[0].message).toContain('trustedZtunnelName')
  })
  it('is quiet when global.resourceName names the resources in both releases', () => {
    expect(of(run('zt.yaml', zt('    global:\n      resourceName: istio-ztunnel\n'), '1.26', '1.25'), id)).toEqual([])
  })
})

describe('istio-1.26-gateway-deployment-customisation: istio-remote gateways are not deployed by Istio', () => {
  const id = 'istio-1.26-gateway-deployment-customisation'
  const gw = (cls: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: ns
spec:
  gatewayClassName: ${cls}
  infrastructure:
    parametersRef:
      group: ""
      kind: ConfigMap
      name: gw-options
  listeners:
  - name: mesh
    port: 15008
    protocol: HBONE
`
  it('warns on a waypoint before 1.26', () => {
    const text = gw('istio-waypoint')
    expect(of(run('gw.yaml', text, '1.25'), id)).toEqual([expect.objectContaining({ file: 'gw.yaml', line: lineOf(text, 'parametersRef:'), severity: 'warning' })])
  })
  it('is quiet on class istio-remote', () => {
    expect(of(run('gw.yaml', gw('istio-remote'), '1.25'), id)).toEqual([])
  })
})

describe('1.27 native sidecars: pods the injector never touches are left alone', () => {
  const NATIVE = 'istio-1.27-native-sidecars'
  const TYPO = 'istio-1.27-native-side-annotation-typo'
  const dep = (ns: string, extraAnnotation = '', hostNetwork = false): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: ${ns}
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/native-side: "false"
${extraAnnotation}    spec:
      hostNetwork: ${hostNetwork}
      containers:
      - name: app
        image: app
      - name: istio-proxy
        image: auto
`
  it('warns on an injected pod template (both entries)', () => {
    const text = dep('apps')
    const found = run('d.yaml', text, '1.27', '1.26')
    expect(of(found, TYPO)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'native-side:'), severity: 'warning' })])
    expect(of(found, NATIVE)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, '- name: istio-proxy'), severity: 'warning' })])
  })
  it('is quiet in kube-system and with hostNetwork (the injector skips both)', () => {
    for (const text of [dep('kube-system'), dep('apps', '', true)]) {
      const found = run('d.yaml', text, '1.27', '1.26')
      expect(of(found, TYPO)).toEqual([])
      expect(of(found, NATIVE)).toEqual([])
    }
  })
  it('is quiet in a namespace labelled istio-injection=disabled elsewhere in the repository', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio-injection: disabled\n'
    const found = inRepo({ 'd.yaml': dep('apps'), 'ns.yaml': ns }, 'd.yaml', '1.27', '1.26')
    expect(withText(found, 'native-side (as the 1.27 notes spell it)')).toEqual([])
    expect(withText(found, 'declares an istio-proxy container')).toEqual([])
  })
  it('the misspelt annotation is quiet next to sidecar.istio.io/nativeSidecar', () => {
    expect(of(run('d.yaml', dep('apps', '        sidecar.istio.io/nativeSidecar: "false"\n'), '1.27', '1.26'), TYPO)).toEqual([])
  })
})

describe('istio-1.27-incomplete-cacerts-fails: istiod does not read a cacerts Secret of a gateway namespace', () => {
  const id = 'istio-1.27-incomplete-cacerts-fails'
  const secret = (ns: string): string => `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: ${ns}
stringData:
  ca-cert.pem: x
  ca-key.pem: y
`
  it('errs on an incomplete bundle in istio-system', () => {
    const text = secret('istio-system')
    const found = of(run('s.yaml', text, '1.27'), id)
    expect(found.length).toBeGreaterThan(0)
    expect(found[0]).toEqual(expect.objectContaining({ file: 's.yaml', line: lineOf(text, 'name: cacerts'), severity: 'error' }))
  })
  it('is quiet in istio-ingress', () => {
    expect(of(run('s.yaml', secret('istio-ingress'), '1.27'), id)).toEqual([])
  })
})

describe('istio-1.25-preserve-http1-header-case: a pod without a sidecar has no proxy to ignore the setting', () => {
  const id = 'istio-1.25-preserve-http1-header-case'
  const dep = (label: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: apps
spec:
  template:
    metadata:
      labels:
        ${label}
      annotations:
        proxy.istio.io/config: |
          proxyHeaders:
            preserveHttp1HeaderCase: true
    spec:
      containers:
      - name: app
        image: app
`
  it('warns on an injected pod before 1.25', () => {
    const text = dep('app: x')
    expect(of(run('d.yaml', text, '1.24'), id)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'proxy.istio.io/config'), severity: 'warning' })])
  })
  it('is quiet on a pod labelled sidecar.istio.io/inject: "false"', () => {
    expect(of(run('d.yaml', dep('sidecar.istio.io/inject: "false"'), '1.24'), id)).toEqual([])
  })
})
