import { describe, expect, it } from '@jest/globals'
import { detectIstioVersion, detectIstioVersions, resolveVersionSpec } from '../../src/knowledge/detect.js'
import { parseManifestFile } from '../../src/manifests/parse.js'

describe('detectIstioVersion', () => {
  it('reads a Flux HelmRelease chart version', () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
spec:
  chart:
    spec:
      chart: istiod
      version: "1.28.1"
      sourceRef: { kind: HelmRepository, name: istio }
`
    expect(detectIstioVersion([{ path: 'clusters/prod/istiod.yaml', text }])).toEqual({ version: '1.28.1', file: 'clusters/prod/istiod.yaml', line: 9, how: 'Flux HelmRelease spec.chart.spec.version (chart istiod)' })
  })

  it('reads an Argo CD Application, single source and multi-source', () => {
    const single = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istio-base
spec:
  source:
    repoURL: https://istio-release.storage.googleapis.com/charts
    chart: base
    targetRevision: 1.27.3
`
    expect(detectIstioVersion([{ path: 'argo/base.yaml', text: single }])).toEqual(expect.objectContaining({ version: '1.27.3', line: 9, how: expect.stringContaining('spec.source.targetRevision (chart base)') }))
    const multi = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istiod
spec:
  sources:
  - repoURL: https://github.com/example/values
    targetRevision: main
    ref: values
  - repoURL: https://istio-release.storage.googleapis.com/charts
    chart: istiod
    targetRevision: ~1.29.0
`
    expect(detectIstioVersion([{ path: 'argo/istiod.yaml', text: multi }])).toEqual(expect.objectContaining({ version: '1.29', line: 12, how: expect.stringContaining('spec.sources[1].targetRevision (chart istiod)') }))
  })

  it('reads Chart.yaml dependencies, which are not Kubernetes resources', () => {
    const text = `apiVersion: v2
name: mesh
version: 0.1.0
dependencies:
- name: base
  version: 1.30.x
  repository: https://istio-release.storage.googleapis.com/charts
- name: istiod
  version: ">=1.29.0 <1.31.0"
  repository: https://istio-release.storage.googleapis.com/charts
`
    // base and istiod both pin the control plane; the earlier line wins.
    expect(detectIstioVersion([{ path: 'charts/mesh/Chart.yaml', text }])).toEqual({ version: '1.30', file: 'charts/mesh/Chart.yaml', line: 6, how: 'Chart.yaml dependency base' })
    expect(detectIstioVersions([{ path: 'charts/mesh/Chart.yaml', text }]).map((d) => [d.version, d.line])).toEqual([['1.30', 6], ['1.30', 9]])
  })

  it('reads an unquoted Chart.yaml version as written, not as a YAML float', () => {
    const text = `apiVersion: v2\nname: mesh\nversion: 0.1.0\ndependencies:\n- name: istiod\n  version: 1.30\n`
    expect(detectIstioVersion([{ path: 'Chart.yaml', text }])?.version).toBe('1.30')
  })

  it('reads kustomize helmCharts and Flux OCIRepository tags', () => {
    const kustomization = `helmCharts:\n- name: istiod\n  repo: https://istio-release.storage.googleapis.com/charts\n  version: 1.30.2\n  releaseName: istiod\n`
    expect(detectIstioVersion([{ path: 'mesh/kustomization.yaml', text: kustomization }])).toEqual({ version: '1.30.2', file: 'mesh/kustomization.yaml', line: 4, how: 'kustomization helmCharts istiod' })
    const oci = `apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: OCIRepository\nmetadata:\n  name: istiod\nspec:\n  url: oci://ghcr.io/istio/release/charts/istiod\n  ref:\n    semver: ">=1.29.0 <1.30.0"\n`
    expect(detectIstioVersion([{ path: 'oci.yaml', text: oci }])).toEqual({ version: '1.29', file: 'oci.yaml', line: 8, how: 'Flux OCIRepository spec.ref.semver (chart istiod)' })
  })

  it('reads IstioOperator spec.tag without image variants', () => {
    const text = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\nspec:\n  tag: 1.26.2-distroless\n  profile: default\n`
    expect(detectIstioVersion([{ path: 'istio/operator.yaml', text }])).toEqual({ version: '1.26.2', file: 'istio/operator.yaml', line: 6, how: 'IstioOperator spec.tag' })
  })

  it('falls back to Helm values compatibilityVersion, after charts and tags', () => {
    const values = { path: 'istio/istiod/values.yaml', text: 'compatibilityVersion: "1.27"\npilot:\n  env: {}\n' }
    expect(detectIstioVersion([values])).toEqual({ version: '1.27', file: 'istio/istiod/values.yaml', line: 1, how: 'Helm values compatibilityVersion (chart istiod)' })
    const release = { path: 'z/istiod.yaml', text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: 1.29.0\n' }
    expect(detectIstioVersion([values, release])).toEqual(expect.objectContaining({ version: '1.29.0', file: 'z/istiod.yaml' }))
  })

  it('prefers the control plane over gateways and node agents', () => {
    const gateway = { path: 'a/gateway.yaml', text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: gw\nspec:\n  chart:\n    spec:\n      chart: gateway\n      version: 1.27.0\n' }
    const istiod = { path: 'b/istiod.yaml', text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: 1.28.0\n' }
    expect(detectIstioVersion([gateway, istiod])).toEqual(expect.objectContaining({ version: '1.28.0', file: 'b/istiod.yaml' }))
  })

  it('accepts parsed manifest files as well as raw texts', () => {
    // cni is a generic chart name: it counts because its HelmRepository is Istio's.
    const text = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cni\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.29.2\n      sourceRef: {kind: HelmRepository, name: istio}\n---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: istio\nspec:\n  url: https://istio-release.storage.googleapis.com/charts\n'
    expect(detectIstioVersion([parseManifestFile('cni.yaml', text)])).toEqual({ version: '1.29.2', file: 'cni.yaml', line: 9, how: 'Flux HelmRelease spec.chart.spec.version (chart cni)' })
  })

  it('ignores non-Istio charts and files without a version', () => {
    const text = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: grafana\nspec:\n  chart:\n    spec:\n      chart: grafana\n      version: 1.28.0\n'
    expect(detectIstioVersion([{ path: 'grafana.yaml', text }, { path: 'README.md', text: '# istio 1.28' }])).toBeUndefined()
  })
})

describe('resolveVersionSpec', () => {
  it.each([
    ['1.28.1', '1.28.1'],
    ['v1.28.1', '1.28.1'],
    ['1.28', '1.28'],
    ['1.28.x', '1.28'],
    ['1.28.*', '1.28'],
    ['~1.28.0', '1.28'],
    ['~1.28.3', '1.28'],
    ['>=1.27 <1.29', '1.28'],
    ['>=1.27.0, <1.29.0', '1.28'],
    ['<1.28.3', '1.28.2'],
    ['<=1.28.3', '1.28.3'],
    ['<1.29', '1.28'],
    ['1.26 - 1.27', '1.27'],
    ['^1.27.0', '1.31'],
    ['>=1.27', '1.31'],
    ['1.x', '1.31'],
    ['>=1.26 <1.27 || >=1.29 <1.30', '1.29'],
    ['1.31.0-rc.0', '1.31.0-rc.0'],
    ['1.29.3-distroless', '1.29.3'],
    ['>=1.40', '1.40']
  ])('%s → %s', (spec, version) => {
    expect(resolveVersionSpec(spec)).toBe(version)
  })

  it.each(['*', 'latest', '', 'main', 'not-a-version'])('%j gives nothing', (spec) => {
    expect(resolveVersionSpec(spec)).toBeUndefined()
  })
})
