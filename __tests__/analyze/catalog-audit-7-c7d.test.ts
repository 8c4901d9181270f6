// Seventh audit (census) of the catalog entries in helper c7d's list (docs/audit/catalog-audit-7-c7d.md). Each test
// below fails on the entry as it stood before this audit and passes on the fixed one; every expected finding is
// pinned to its file and line.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const NEW_ENV_26 = 'istio-1.26-new-env'
const NEW_ENV_27 = 'istio-1.27-new-env'
const INFERENCE_FLAG = 'istio-1.27-inference-extension-flag'
const INFERENCE_TYPO = 'istio-1.27-inference-extension-flag-typo'
const FIND_POD = 'istio-1.27-proxy-find-pod-by-ip'
const NATIVE_TYPO = 'istio-1.27-native-side-annotation-typo'
const BACKEND = 'istio-1.26-backend-tls-policy-alpha'

/** Helm values of the istiod chart with these pilot.env lines. */
const values = (env: Record<string, string>): string =>
  `pilot:\n  env:\n${Object.entries(env).map(([k, v]) => `    ${k}: "${v}"\n`).join('')}`

describe('audit 7 (c7d): fixes of the entries found wrong', () => {
  it(`${NEW_ENV_26}: a variable set to the default older releases already have is quiet; only the value that changes behaviour is reported`, () => {
    const defaults = values({ ENABLE_GATEWAY_API_MANUAL_DEPLOYMENT: 'true', PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: 'false', ENABLE_CLUSTER_TRUST_BUNDLE_API: 'false' })
    expect(of(run('istio/values.yaml', defaults, '1.25'), NEW_ENV_26)).toEqual([])
    const changed = values({ ENABLE_GATEWAY_API_MANUAL_DEPLOYMENT: 'false', PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: 'true', ENABLE_CLUSTER_TRUST_BUNDLE_API: 'true' })
    const found = of(run('istio/values.yaml', changed, '1.25'), NEW_ENV_26)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([
      ['istio/values.yaml', lineOf(changed, 'ENABLE_GATEWAY_API_MANUAL_DEPLOYMENT'), 'notice'],
      ['istio/values.yaml', lineOf(changed, 'PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY'), 'notice'],
      ['istio/values.yaml', lineOf(changed, 'ENABLE_CLUSTER_TRUST_BUNDLE_API'), 'notice']
    ])
  })

  it(`${NEW_ENV_27}: the built-in prefixes, lazy evaluation off and label copying on change nothing on older releases, so they are quiet`, () => {
    const defaults = values({
      PILOT_IP_AUTOALLOCATE_IPV4_PREFIX: '240.240.0.0/16',
      PILOT_IP_AUTOALLOCATE_IPV6_PREFIX: '2001:2::/48',
      ENABLE_LAZY_SIDECAR_EVALUATION: 'false',
      PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS: 'true'
    })
    expect(of(run('istio/values.yaml', defaults, '1.26'), NEW_ENV_27)).toEqual([])
    const changed = values({
      PILOT_IP_AUTOALLOCATE_IPV4_PREFIX: '10.250.0.0/16',
      PILOT_IP_AUTOALLOCATE_IPV6_PREFIX: 'fd00:10::/48',
      ENABLE_LAZY_SIDECAR_EVALUATION: 'true',
      PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS: 'false'
    })
    const found = of(run('istio/values.yaml', changed, '1.26'), NEW_ENV_27)
    expect(found.map((f) => [f.file, f.line])).toEqual(
      ['PILOT_IP_AUTOALLOCATE_IPV4_PREFIX', 'PILOT_IP_AUTOALLOCATE_IPV6_PREFIX', 'ENABLE_LAZY_SIDECAR_EVALUATION', 'PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS'].map((n) => ['istio/values.yaml', lineOf(changed, n)])
    )
  })

  it(`${INFERENCE_FLAG} / ${INFERENCE_TYPO}: the extension is off by default, so the flag (or its misspelling) set to false is quiet; true is still reported`, () => {
    const off = values({ ENABLE_GATEWAY_API_INFERENCE_EXTENSION: 'false' })
    expect(of(run('istio/values.yaml', off, '1.26'), INFERENCE_FLAG)).toEqual([])
    const on = values({ ENABLE_GATEWAY_API_INFERENCE_EXTENSION: 'true' })
    expect(of(run('istio/values.yaml', on, '1.26'), INFERENCE_FLAG).map((f) => [f.file, f.line])).toEqual([['istio/values.yaml', lineOf(on, 'ENABLE_GATEWAY_API_INFERENCE_EXTENSION')]])
    const typoOff = values({ SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: 'false' })
    expect(of(run('istio/values.yaml', typoOff, '1.27'), INFERENCE_TYPO)).toEqual([])
    const typoOn = values({ SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: 'true' })
    expect(of(run('istio/values.yaml', typoOn, '1.27'), INFERENCE_TYPO).map((f) => [f.file, f.line, f.severity])).toEqual([['istio/values.yaml', lineOf(typoOn, 'SUPPORT_GATEWAY'), 'error']])
  })

  it(`${FIND_POD}: releases before 1.26.5 always fall back to matching by IP, so only turning it off is reported there`, () => {
    const on = values({ ENABLE_PROXY_FIND_POD_BY_IP: 'true' })
    expect(of(run('istio/values.yaml', on, '1.26.4'), FIND_POD)).toEqual([])
    // audit 14 (r14d): "off" (the 1.26.5 notes' spelling) is not a boolean istiod parses, so it is no longer reported
    for (const v of ['false']) {
      const offYaml = values({ ENABLE_PROXY_FIND_POD_BY_IP: v })
      const found = of(run('istio/values.yaml', offYaml, '1.26.4'), FIND_POD)
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['istio/values.yaml', lineOf(offYaml, 'ENABLE_PROXY_FIND_POD_BY_IP'), 'notice']])
      expect(found[0].message).toContain('fall back to matching by IP')
    }
  })

  it(`${NATIVE_TYPO}: an ignored annotation is a warning, and the message says what the value fails to do (opt out for false, opt in for true)`, () => {
    const pod = (v: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/native-side: "${v}"
    spec:
      containers:
      - name: web
        image: web:1
`
    const out = of(run('apps/web.yaml', pod('false'), '1.27'), NATIVE_TYPO)
    expect(out.map((f) => [f.file, f.line, f.severity])).toEqual([['apps/web.yaml', lineOf(pod('false'), 'native-side'), 'warning']])
    expect(out[0].message).toContain('does not opt this pod out')
    const inn = of(run('apps/web.yaml', pod('true'), '1.26'), NATIVE_TYPO)
    expect(inn.map((f) => [f.file, f.line, f.severity])).toEqual([['apps/web.yaml', lineOf(pod('true'), 'native-side'), 'warning']])
    expect(inn[0].message).toContain('does not opt this pod in')
    expect(inn[0].message).not.toContain('opted out')
  })

  it(`${BACKEND}: an XBackendTrafficPolicy older releases ignore is a warning (nothing breaks); an ignored BackendTLSPolicy stays an error`, () => {
    const xbtp = `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XBackendTrafficPolicy
metadata:
  name: retry-budget
spec:
  targetRefs:
  - {group: "", kind: Service, name: api}
`
    expect(of(run('gw/x.yaml', xbtp, '1.25'), BACKEND).map((f) => [f.file, f.line, f.severity])).toEqual([['gw/x.yaml', lineOf(xbtp, 'apiVersion:'), 'notice']]) // Round 40 (r40c, docs/audit/catalog-audit-40-r40c.md): with no file turning PILOT_ENABLE_ALPHA_GATEWAY_API on, a notice
    const btp = `apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata:
  name: api-tls
spec:
  targetRefs:
  - {group: "", kind: Service, name: api}
  validation:
    hostname: api.example.com
    wellKnownCACertificates: System
`
    expect(of(run('gw/b.yaml', btp, '1.25'), BACKEND).map((f) => [f.file, f.line, f.severity])).toEqual([['gw/b.yaml', lineOf(btp, 'apiVersion:'), 'notice']])
  })
})

describe('audit 7 (c7d): opt-outs already set and values that change nothing', () => {
  const CNI = 'istio-1.26-cni-host-network'
  const ZT = 'istio-1.26-ztunnel-resource-names-restored'
  const OMIT = 'istio-1.26-access-log-omit-empty-values'
  const PARAMS = 'istio-1.26-gateway-deployment-customisation'

  const cniRelease = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.26.0
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
${values}`

  it(`${CNI}: an ambient istio-cni that already sets ambient.shareHostNetworkNamespace is quiet (the opt-out is there, or the new default is chosen)`, () => {
    for (const v of ['true', 'false']) {
      const set = cniRelease(`    profile: ambient\n    ambient:\n      shareHostNetworkNamespace: ${v}\n`)
      expect(of(run('cni/release.yaml', set, '1.26', '1.25'), CNI)).toEqual([])
    }
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  profile: ambient
  values:
    cni:
      ambient:
        shareHostNetworkNamespace: true
`
    expect(of(run('cni/iop.yaml', iop, '1.26', '1.25'), CNI)).toEqual([])
    const bare = cniRelease('    profile: ambient\n')
    expect(of(run('cni/release.yaml', bare, '1.26', '1.25'), CNI).map((f) => [f.file, f.line, f.severity])).toEqual([['cni/release.yaml', lineOf(bare, 'profile: ambient'), 'notice']])
  })

  const ztApp = (values: string): string => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istio-ztunnel
spec:
  source:
    repoURL: https://istio-release.storage.googleapis.com/charts
    targetRevision: 1.26.0
    chart: ztunnel
    helm:
      valuesObject:
        ${values}
`

  it(`${ZT}: an explicit resourceName keeps the names across 1.25 → 1.26, so it is quiet; an empty one is the default and still warns`, () => {
    expect(of(run('argo/ztunnel.yaml', ztApp('resourceName: my-ztunnel'), '1.26', '1.25'), ZT)).toEqual([])
    const empty = ztApp('resourceName: ""')
    expect(of(run('argo/ztunnel.yaml', empty, '1.26', '1.25'), ZT).map((f) => [f.file, f.line, f.severity])).toEqual([['argo/ztunnel.yaml', lineOf(empty, 'chart: ztunnel'), 'warning']])
  })

  it(`${OMIT}: omitEmptyValues: false is what older releases do anyway, so only true is reported`, () => {
    const mesh = `meshConfig:
  extensionProviders:
  - name: plain
    envoyFileAccessLog:
      path: /dev/stdout
      omitEmptyValues: false
  - name: compact
    envoyFileAccessLog:
      path: /dev/stdout
      omitEmptyValues: true
`
    const found = of(run('istio/values.yaml', mesh, '1.25'), OMIT)
    expect(found.map((f) => [f.file, f.line])).toEqual([['istio/values.yaml', lineOf(mesh, 'omitEmptyValues: true')]])
  })

  it(`${PARAMS}: a parametersRef to another implementation's kind (Envoy Gateway's EnvoyProxy) is not Istio's customisation; a ConfigMap one is`, () => {
    const gw = (group: string, kind: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
spec:
  gatewayClassName: istio
  infrastructure:
    parametersRef:
      group: ${group}
      kind: ${kind}
      name: edge-proxy
  listeners:
  - {name: http, port: 80, protocol: HTTP}
`
    expect(of(run('gw/edge.yaml', gw('gateway.envoyproxy.io', 'EnvoyProxy'), '1.25'), PARAMS)).toEqual([])
    const istio = gw('""', 'ConfigMap')
    expect(of(run('gw/edge.yaml', istio, '1.25'), PARAMS).map((f) => [f.file, f.line, f.severity])).toEqual([['gw/edge.yaml', lineOf(istio, 'parametersRef:'), 'warning']])
  })
})

describe('audit 7 (c7d): an explicit choice of sidecar mode keeps the pod as it was across 1.27', () => {
  const NATIVE = 'istio-1.27-native-sidecars'

  it(`${NATIVE}: ENABLE_NATIVE_SIDECARS set either way and a pod's own sidecar.istio.io/nativeSidecar are quiet, also next to a declared istio-proxy container; without the annotation that container still warns`, () => {
    const istiodValues = values({ ENABLE_NATIVE_SIDECARS: 'false' })
    expect(of(run('istio/values.yaml', istiodValues, '1.27', '1.26'), NATIVE)).toEqual([])
    expect(of(run('istio/values.yaml', values({ ENABLE_NATIVE_SIDECARS: 'true' }), '1.27', '1.26'), NATIVE)).toEqual([])
    const pod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/nativeSidecar: "true"
    spec:
      containers:
      - name: web
        image: web:1
      - name: istio-proxy
        image: auto
`
    // The pod's own nativeSidecar annotation outranks the mesh default since 1.24, so 1.27's flip changes nothing for
    // it (round 25, m25d); without the annotation the declared istio-proxy container still warns.
    expect(of(run('apps/web.yaml', pod, '1.27', '1.26'), NATIVE)).toEqual([])
    const plain = pod.replace('      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n', '')
    const found = of(run('apps/web.yaml', plain, '1.27', '1.26'), NATIVE)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['apps/web.yaml', lineOf(plain, '- name: istio-proxy'), 'warning']])
  })
})

describe('audit 7 (c7d): a misspelt file name matters only when the Istio-owned CNI config is on', () => {
  const TYPO = 'istio-1.27-cni-owned-config-filename-typo'
  const release = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.27.0
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
${values}`

  it(`${TYPO}: without istioOwnedCNIConfig: true no Istio-owned file is written, so the catalog entry is quiet; with it, a warning (ignored, nothing rejected)`, () => {
    expect(of(run('cni/release.yaml', release('    istioOwnedCNIConfigFilename: 00-istio.conflist\n'), '1.27'), TYPO)).toEqual([])
    const on = release('    profile: ambient\n    istioOwnedCNIConfig: true\n    istioOwnedCNIConfigFilename: 00-istio.conflist\n')
    const found = of(run('cni/release.yaml', on, '1.27'), TYPO)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['cni/release.yaml', lineOf(on, 'istioOwnedCNIConfigFilename'), 'warning']])
    expect(found[0].message).toContain('02-istio-cni.conflist')
  })
})
