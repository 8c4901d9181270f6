// Fifth audit of the 1.27–1.28 catalog entries (docs/audit/catalog-audit-5-1.27-1.28.md): the entries round 4 did
// not sample. Each test below fails on the entry as it stood before this audit and passes on the fixed one; every
// expected finding is pinned to its file and line.
import { describe, expect, it } from '@jest/globals'
import { CATALOG, validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { run, of, lineOf } from '../support/catalog-run.js'

const NATIVE = 'istio-1.27-native-sidecars'
const TYPO = 'istio-1.27-inference-extension-flag-typo'
const XLS_TLS = 'istio-1.27.4-xlistenerset-tls-secrets'
const XLS = 'istio-1.27-xlistenerset'
const MULTI_PORTS = 'istio-1.28.1-inferencepool-multiple-target-ports'
const POOL_V1 = 'istio-1.28-inferencepool-v1'

const podTemplate = (annotations: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews
  namespace: shop
spec:
  selector:
    matchLabels: {app: reviews}
  template:
    metadata:
      labels: {app: reviews}
${annotations}    spec:
      containers:
      - name: reviews
        image: reviews:1
      - name: istio-proxy
        image: auto
        resources:
          limits:
            memory: 1Gi
`

describe('audit 5 1.27–1.28: fixes of the entries found wrong', () => {
  it(`${NATIVE}: a pod template that opts out with sidecar.istio.io/nativeSidecar: "false" keeps istio-proxy in spec.containers, so it is quiet`, () => {
    const optedOut = podTemplate(`      annotations:
        sidecar.istio.io/nativeSidecar: "false"
`)
    const found = of(run('apps/reviews.yaml', optedOut, '1.27', '1.26'), NATIVE)
    // Audit 7 dropped the opt-out notice too: the pod keeps its mode, nothing changes for it.
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([])
  })

  it(`${NATIVE}: without the opt-out the declared istio-proxy container still trips as a warning; with nativeSidecar "true" it is quiet (the annotation outranks the default since 1.24: round 25)`, () => {
    const yaml = podTemplate('')
    const found = of(run('apps/reviews.yaml', yaml, '1.27', '1.26'), NATIVE).filter((f) => f.severity === 'warning')
    expect(found.map((f) => [f.file, f.line])).toEqual([['apps/reviews.yaml', lineOf(yaml, '- name: istio-proxy')]])
    const optedIn = podTemplate(`      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n`)
    expect(of(run('apps/reviews.yaml', optedIn, '1.27', '1.26'), NATIVE)).toEqual([])
  })

  it(`${TYPO}: the misspelt variable next to ENABLE_GATEWAY_API_INFERENCE_EXTENSION is harmless, and renaming it would write a duplicate key, so it is quiet (Helm map, IstioOperator list, istiod Deployment)`, () => {
    const helm = `pilot:
  env:
    SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: "true"
    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"
`
    expect(of(run('istio/values.yaml', helm, '1.27'), TYPO)).toEqual([])
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
spec:
  components:
    pilot:
      k8s:
        env:
        - name: ENABLE_GATEWAY_API_INFERENCE_EXTENSION
          value: "true"
        - name: SUPPORT_GATEWAY_API_INFERENCE_EXTENSION
          value: "true"
`
    expect(of(run('istio/iop.yaml', iop, '1.27'), TYPO)).toEqual([])
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: SUPPORT_GATEWAY_API_INFERENCE_EXTENSION
          value: "true"
        - name: ENABLE_GATEWAY_API_INFERENCE_EXTENSION
          value: "true"
`
    expect(of(run('istio/istiod.yaml', deployment, '1.27'), TYPO)).toEqual([])
  })

  it(`${TYPO}: the misspelt variable alone still trips as an error with its rename, in a map and in a list`, () => {
    const helm = `pilot:
  env:
    SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: "true"
    PILOT_ENABLE_ALPHA_GATEWAY_API: "true"
`
    const found = of(run('istio/values.yaml', helm, '1.27'), TYPO)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['istio/values.yaml', lineOf(helm, 'SUPPORT_GATEWAY'), 'error']])
    expect(found[0].fix?.edits).toEqual([{ startLine: 3, endLine: 3, replacement: '    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"' }])
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: control-plane
spec:
  components:
    pilot:
      k8s:
        env:
        - name: SUPPORT_GATEWAY_API_INFERENCE_EXTENSION
          value: "true"
`
    const listed = of(run('istio/iop.yaml', iop, '1.27'), TYPO)
    expect(listed.map((f) => [f.file, f.line, f.severity])).toEqual([['istio/iop.yaml', lineOf(iop, 'SUPPORT_GATEWAY'), 'error']])
  })
})

describe('audit 5 1.27–1.28: one finding per cause on releases that do not read the resource at all', () => {
  const listenerSet = `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XListenerSet
metadata:
  name: shop
  namespace: shop
spec:
  parentRef:
    name: edge
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    hostname: shop.example.com
    tls:
      certificateRefs:
      - name: shop-cert
`
  it(`${XLS_TLS}: on 1.26 (no XListenerSet at all) only ${XLS} reports; 1.27.0–1.27.3 and 1.28.0 still trip on certificateRefs`, () => {
    const old = run('gw/listeners.yaml', listenerSet, '1.26')
    expect(of(old, XLS_TLS)).toEqual([])
    expect(of(old, XLS).map((f) => [f.file, f.line])).toEqual([['gw/listeners.yaml', lineOf(listenerSet, 'apiVersion:')]])
    for (const target of ['1.27.3', '1.28.0']) {
      const found = of(run('gw/listeners.yaml', listenerSet, target), XLS_TLS)
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['gw/listeners.yaml', lineOf(listenerSet, 'certificateRefs:'), 'notice']])
    }
    expect(of(run('gw/listeners.yaml', listenerSet, '1.27.4'), XLS_TLS)).toEqual([])
  })

  const pool = `apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata:
  name: llm
  namespace: ai
spec:
  targetPorts:
  - number: 8000
  - number: 8001
  selector:
    matchLabels: {app: llm}
  endpointPickerRef:
    name: llm-epp
    port: {number: 9002}
`
  it(`${MULTI_PORTS}: on 1.27 (no v1 InferencePool at all) only ${POOL_V1} reports; 1.28.0 still trips on the second port`, () => {
    const old = run('ai/pool.yaml', pool, '1.27')
    expect(of(old, MULTI_PORTS)).toEqual([])
    expect(of(old, POOL_V1).map((f) => [f.file, f.line])).toEqual([['ai/pool.yaml', lineOf(pool, 'apiVersion:')]])
    const found = of(run('ai/pool.yaml', pool, '1.28.0'), MULTI_PORTS)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['ai/pool.yaml', lineOf(pool, '- number: 8001'), 'notice']]) // a notice since round 37 (m37a): no file turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on
    expect(of(run('ai/pool.yaml', pool, '1.28.1'), MULTI_PORTS)).toEqual([])
  })
})

describe('audit 5 1.27–1.28: the env match key unlessSet is validated', () => {
  const withUnlessSet = (unlessSet: unknown): CatalogRelease[] =>
    CATALOG.map((r) => ({ ...r, entries: r.entries.map((e) => (e.id === TYPO ? { ...e, match: e.match.map((m) => ({ ...m, unlessSet })) } : e)) })) as CatalogRelease[]
  it('accepts a list of env names and rejects an empty list or a name that is not an env variable', () => {
    expect(validateCatalog(withUnlessSet(['ENABLE_GATEWAY_API_INFERENCE_EXTENSION']))).toEqual([])
    for (const bad of [[], ['enable-it'], 'ENABLE_GATEWAY_API_INFERENCE_EXTENSION']) {
      expect(validateCatalog(withUnlessSet(bad))).toEqual([`catalog 1.27 ${TYPO} match[0]: unlessSet must be a non-empty list of env names`])
    }
  })
})
