// Fifth audit of the 1.24–1.26 catalog entries (docs/audit/catalog-audit-5-1.24-1.26.md): one test per fix, each
// failing on the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const helmIstiod = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
${values}`

describe('istio-1.24-telemetry-cel-attributes: the documented has() fallback is quiet, and it is a warning', () => {
  const id = 'istio-1.24-telemetry-cel-attributes'
  const text = `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: tags
  namespace: istio-system
spec:
  metrics:
  - providers:
    - name: prometheus
    overrides:
    - tagOverrides:
        source_ns:
          value: >-
            filter_state["wasm.downstream_peer"].namespace
`
  it('warns (not errors) on the old attribute, on the line that holds it, with the fix', () => {
    const found = of(run('telemetry.yaml', text, '1.24'), id)
    const line = lineOf(text, 'filter_state["wasm.downstream_peer"]')
    expect(found).toEqual([expect.objectContaining({ file: 'telemetry.yaml', line, severity: 'warning', rule: 'removed-feature' })])
    expect(found[0].fix?.edits).toEqual([{ startLine: line, endLine: line, replacement: '            filter_state.downstream_peer.namespace' }])
  })

  it('is quiet on the backwards compatible expression the upgrade notes recommend', () => {
    const compat = text.replace(
      '            filter_state["wasm.downstream_peer"].namespace\n',
      '            has(filter_state.downstream_peer) ? filter_state.downstream_peer.namespace : filter_state["wasm.downstream_peer"].namespace\n'
    )
    expect(of(run('telemetry.yaml', compat, '1.24'), id)).toEqual([])
    const up = compat.replace(/downstream_peer/g, 'upstream_peer')
    expect(of(run('telemetry.yaml', up, '1.24'), id)).toEqual([])
  })

  it('still reports the upstream attribute when only the downstream one has a fallback', () => {
    const mixed = text.replace(
      '            filter_state["wasm.downstream_peer"].namespace\n',
      '            has(filter_state.downstream_peer) ? filter_state.downstream_peer.namespace : filter_state["wasm.upstream_peer"].namespace\n'
    )
    expect(of(run('telemetry.yaml', mixed, '1.24'), id)).toEqual([expect.objectContaining({ file: 'telemetry.yaml', line: lineOf(mixed, 'has(filter_state'), severity: 'warning' })])
  })
})

describe('istio-1.24-gateway-name-label-removed: no rename onto a key the selector already has', () => {
  const id = 'istio-1.24-gateway-name-label-removed'
  const text = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: gw
  namespace: ingress
spec:
  selector:
    matchLabels:
      istio.io/gateway-name: public
      gateway.networking.k8s.io/gateway-name: public
  action: ALLOW
  rules:
  - {}
`
  it('reports the old label (the selector still requires it) without a fix that would duplicate the new key', () => {
    const found = of(run('ap.yaml', text, '1.24'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ap.yaml', line: lineOf(text, 'istio.io/gateway-name: public'), severity: 'warning' })])
    expect(found[0].fix).toBeUndefined()
  })

  it('also sees the new key above the old one', () => {
    const above = text.replace(
      '      istio.io/gateway-name: public\n      gateway.networking.k8s.io/gateway-name: public\n',
      '      gateway.networking.k8s.io/gateway-name: public\n      istio.io/gateway-name: public\n'
    )
    const found = of(run('ap.yaml', above, '1.24'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'ap.yaml', line: lineOf(above, '  istio.io/gateway-name: public') })])
    expect(found[0].fix).toBeUndefined()
  })

  it('keeps the rename when the new key is absent, or only in another mapping', () => {
    const alone = text.replace('      gateway.networking.k8s.io/gateway-name: public\n', '')
    const line = lineOf(alone, 'istio.io/gateway-name: public')
    expect(of(run('ap.yaml', alone, '1.24'), id)[0].fix?.edits).toEqual([{ startLine: line, endLine: line, replacement: '      gateway.networking.k8s.io/gateway-name: public' }])
    const elsewhere = alone.replace('  action: ALLOW\n', '  action: ALLOW\n  targetRef:\n    gateway.networking.k8s.io/gateway-name: x\n')
    expect(of(run('ap.yaml', elsewhere, '1.24'), id)[0].fix).toBeDefined()
  })
})

describe('pod annotations are read on the pod template, not on the workload object', () => {
  const deployment = (annotations: string, podAnnotations: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: default
  annotations:
${annotations}spec:
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
      annotations:
${podAnnotations}    spec:
      containers:
      - name: app
        image: nginx
`
  const cases: [string, string, string][] = [
    ['istio-1.24-native-sidecar-annotation', 'sidecar.istio.io/nativeSidecar', '1.23'],
    ['istio-1.24-bypass-inbound-capture-annotation', 'ambient.istio.io/bypass-inbound-capture', '1.23'],
    ['istio-1.25-dns-capture-annotation', 'ambient.istio.io/dns-capture', '1.24'],
    ['istio-1.24-bypass-inbound-capture-typo', 'ambient.istio.io/bypassInboundCapture', '1.26']
  ]
  for (const [id, key, target] of cases) {
    it(`${id}: quiet on the Deployment's own metadata, reported on its pod template`, () => {
      const own = deployment(`    ${key}: "true"\n`, '        other: x\n')
      expect(of(run('dep.yaml', own, target), id)).toEqual([])
      const tpl = deployment('    other: x\n', `        ${key}: "true"\n`)
      expect(of(run('dep.yaml', tpl, target), id)).toEqual([expect.objectContaining({ file: 'dep.yaml', line: lineOf(tpl, `        ${key}`), severity: 'warning' })])
    })
  }

  it('istio-1.24-bypass-inbound-capture-typo: a warning (the bypass only saves a hop), silent when the right key is there too', () => {
    const id = 'istio-1.24-bypass-inbound-capture-typo'
    const tpl = deployment('    other: x\n', '        ambient.istio.io/bypassInboundCapture: "true"\n')
    const line = lineOf(tpl, 'bypassInboundCapture')
    const [f] = of(run('dep.yaml', tpl, '1.24'), id)
    expect(f).toEqual(expect.objectContaining({ file: 'dep.yaml', line, severity: 'warning', rule: 'no-effect' }))
    expect(f.fix?.edits).toEqual([{ startLine: line, endLine: line, replacement: '        ambient.istio.io/bypass-inbound-capture: "true"' }])
    const both = deployment('    other: x\n', '        ambient.istio.io/bypassInboundCapture: "true"\n        ambient.istio.io/bypass-inbound-capture: "true"\n')
    // The pod already sets the key the warning would point it to (round 27 audit m27b row 8): nothing to report.
    expect(of(run('dep.yaml', both, '1.24'), id)).toEqual([])
  })
})

describe('istio-1.24-crd-templates: an explicit base.enableCRDTemplates is not touched by the default change', () => {
  const id = 'istio-1.24-crd-templates'
  const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-base
  namespace: istio-system
spec:
  chart:
    spec:
      chart: base
  values:
    base:
      enableCRDTemplates: true
`
  // Audit 30 (r30h): false is a warning on the value (the 1.24+ chart templates the CRDs with false too), no longer a notice.
  it('gives one finding on the value and none on the chart: a notice for true, a warning for false', () => {
    expect(of(run('base.yaml', text, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'base.yaml', line: lineOf(text, 'enableCRDTemplates'), severity: 'notice' })])
    const off = text.replace('enableCRDTemplates: true', 'enableCRDTemplates: false')
    expect(of(run('base.yaml', off, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'base.yaml', line: lineOf(off, 'enableCRDTemplates'), severity: 'warning' })])
  })

  it('still warns on a base chart that leaves the value to its default', () => {
    const plain = text.replace('  values:\n    base:\n      enableCRDTemplates: true\n', '')
    expect(of(run('base.yaml', plain, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'base.yaml', line: lineOf(plain, 'chart: base'), severity: 'warning' })])
  })
})

describe('removed switches: the value that keeps the old behaviour warns, the default is a notice', () => {
  const env = (name: string, value: string, proxy = false): string =>
    proxy
      ? helmIstiod(`    meshConfig:\n      defaultConfig:\n        proxyMetadata:\n          ${name}: "${value}"\n`)
      : helmIstiod(`    pilot:\n      env:\n        ${name}: "${value}"\n`)
  const cases: [string, string, string, string, string, boolean][] = [
    // id, variable, opt-out value, default value, target (from one minor before)
    ['istio-1.24-compat-1.20-flags-removed', 'ENABLE_EXTERNAL_NAME_ALIAS', 'false', 'true', '1.24', false],
    ['istio-1.24-compat-1.20-flags-removed', 'PERSIST_OLDEST_FIRST_HEURISTIC_FOR_VIRTUAL_SERVICE_HOST_MATCHING', 'true', 'false', '1.24', false],
    ['istio-1.24-compat-1.20-flags-removed', 'VERIFY_CERTIFICATE_AT_CLIENT', 'false', 'true', '1.24', false],
    ['istio-1.26-auto-sni-flag-removed', 'ENABLE_AUTO_SNI', 'false', 'true', '1.26', false],
    ['istio-1.26-delimited-stats-opt-out-removed', 'ENABLE_DELIMITED_STATS_TAG_REGEX', 'false', 'true', '1.26', false],
    ['istio-1.26-delimited-stats-opt-out-removed', 'ENABLE_DELIMITED_STATS_TAG_REGEX', 'false', 'true', '1.26', true],
    ['istio-1.26-delimited-stats-opt-out-removed', 'ENABLE_DEFERRED_CLUSTER_CREATION', 'false', 'true', '1.26', true]
  ]
  for (const [id, name, optOut, dflt, target, proxy] of cases) {
    it(`${id}: ${name}${proxy ? ' (proxy)' : ''}`, () => {
      const warn = env(name, optOut, proxy)
      expect(of(run('istiod.yaml', warn, target), id)).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(warn, name), severity: 'warning' })])
      const keep = env(name, dflt, proxy)
      const found = of(run('istiod.yaml', keep, target), id)
      expect(found).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(keep, name), severity: 'notice' })])
      expect(found[0].message).toContain('does nothing')
    })
  }
})

describe('istio-1.25-dns-auto-allocate-deprecated: only a proxy that turns the old allocation on', () => {
  const id = 'istio-1.25-dns-auto-allocate-deprecated'
  const text = helmIstiod('    meshConfig:\n      defaultConfig:\n        proxyMetadata:\n          ISTIO_META_DNS_AUTO_ALLOCATE: "true"\n')
  it('warns on true and stays quiet on false', () => {
    expect(of(run('istiod.yaml', text, '1.25'), id)).toEqual([expect.objectContaining({ file: 'istiod.yaml', line: lineOf(text, 'ISTIO_META_DNS_AUTO_ALLOCATE'), severity: 'warning' })])
    expect(of(run('istiod.yaml', text.replace('"true"', '"false"'), '1.25'), id)).toEqual([])
  })
})

describe('ztunnel resource names: a Chart.yaml dependency (release name unknown, values elsewhere) is not guessed at', () => {
  const chart = `apiVersion: v2
name: ambient
version: 1.0.0
dependencies:
  - name: ztunnel
    version: 1.25.0
    repository: https://istio-release.storage.googleapis.com/charts
`
  const argo = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istio-ztunnel
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://istio-release.storage.googleapis.com/charts
    targetRevision: 1.25.0
    chart: ztunnel
  destination:
    namespace: istio-system
`
  it('istio-1.25-ztunnel-resource-names: quiet on Chart.yaml, warns on an Argo CD release named istio-ztunnel', () => {
    const id = 'istio-1.25-ztunnel-resource-names'
    expect(of(run('Chart.yaml', chart, '1.25', '1.24'), id)).toEqual([])
    // Audit 17 (m17b): an error since then — the renamed ServiceAccount is no longer trusted by istiod.
    expect(of(run('ztunnel.yaml', argo, '1.25', '1.24'), id)).toEqual([expect.objectContaining({ file: 'ztunnel.yaml', severity: 'error' })])
  })

  it('istio-1.26-ztunnel-resource-names-restored: quiet on Chart.yaml, warns on an Argo CD release named istio-ztunnel', () => {
    const id = 'istio-1.26-ztunnel-resource-names-restored'
    expect(of(run('Chart.yaml', chart, '1.26', '1.25'), id)).toEqual([])
    expect(of(run('ztunnel.yaml', argo, '1.26', '1.25'), id)).toEqual([expect.objectContaining({ file: 'ztunnel.yaml', severity: 'warning' })])
  })
})
