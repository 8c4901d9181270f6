// The defects the tenth audit round (third census, helper c10c's entries of releases 1.24 and 1.25) found
// (docs/audit/catalog-audit-10-c10c.md). Each test fails on the entry as it was before the fix and asserts the file
// and line of what must, or must not, be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import type { Finding } from '../../src/model.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const at = (found: readonly { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

async function analyse(files: readonly File[], target: string, from: string | undefined, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => pattern.test(f.message))
}

const mesh = (body: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
${body}
`

describe('istio-1.24-gateway-name-label-removed: pods the repository labels itself keep matching', () => {
  const service = `apiVersion: v1
kind: Service
metadata:
  name: edge
  namespace: ingress
spec:
  selector:
    istio.io/gateway-name: edge
  ports:
  - port: 80
`
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: edge
  namespace: ingress
spec:
  selector:
    matchLabels:
      app: edge
  template:
    metadata:
      labels:
        app: edge
        istio.io/gateway-name: edge
      annotations:
        inject.istio.io/templates: gateway
    spec:
      containers:
      - name: istio-proxy
        image: auto
`
  const gatewayApi = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: ingress
spec:
  gatewayClassName: istio
  infrastructure:
    labels:
      istio.io/gateway-name: edge
  listeners:
  - name: http
    port: 80
    protocol: HTTP
`
  const removed = /no longer adds the istio\.io\/gateway-name label/
  it('a hand-written gateway Deployment that labels its pods istio.io/gateway-name (another file) silences the Service selector', async () => {
    const found = await analyse([{ path: 'svc.yaml', text: service }, { path: 'deploy.yaml', text: deployment }], '1.24', undefined, removed)
    expect(at(found)).toEqual([])
  })
  it('so does a Gateway whose spec.infrastructure.labels put the label back on the pods it deploys', async () => {
    const found = await analyse([{ path: 'svc.yaml', text: service }, { path: 'gw.yaml', text: gatewayApi }], '1.24', undefined, removed)
    expect(at(found)).toEqual([])
  })
  it('trip: without anything that labels pods that way the selector is still reported', async () => {
    const found = await analyse([{ path: 'svc.yaml', text: service }], '1.24', undefined, removed)
    expect(at(found)).toEqual([['svc.yaml', lineOf(service, 'istio.io/gateway-name: edge'), 'warning']])
  })
})

describe('istio-1.24-crd-templates: only a Helm installation checks ownership of the CRDs', () => {
  const id = 'istio-1.24-crd-templates'
  const argo = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istio-base
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://istio-release.storage.googleapis.com/charts
    chart: base
    targetRevision: 1.24.0
  destination:
    server: https://kubernetes.default.svc
    namespace: istio-system
`
  const flux = (values = ''): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-base
  namespace: istio-system
spec:
  chart:
    spec:
      chart: base
      version: 1.24.0
      sourceRef:
        kind: HelmRepository
        name: istio
${values}`
  it('an Argo CD Application of the base chart (Argo CD applies the rendered CRDs itself, no Helm ownership check) is quiet', () => {
    expect(at(of(run('argo.yaml', argo, '1.24', '1.23'), id))).toEqual([])
  })
  it('trip: a Flux HelmRelease of the base chart still warns at the chart line', () => {
    const text = flux()
    expect(at(of(run('flux.yaml', text, '1.24', '1.23'), id))).toEqual([['flux.yaml', lineOf(text, 'chart: base'), 'warning']])
  })
  it('base.enableCRDTemplates: true gets a notice that is conditional on how the CRDs got there; false a warning that it still templates them', () => {
    const on = flux('  values:\n    base:\n      enableCRDTemplates: true\n')
    const onFound = of(run('on.yaml', on, '1.24', '1.23'), id)
    expect(at(onFound)).toEqual([['on.yaml', lineOf(on, 'enableCRDTemplates: true'), 'notice']])
    expect(onFound[0]?.message).toContain('where it was not set before')
    const off = flux('  values:\n    base:\n      enableCRDTemplates: false\n')
    const found = of(run('off.yaml', off, '1.24', '1.23'), id)
    // Audit 30 (r30h): false does not keep the CRDs out of the templates from 1.24 (templates/crds.yaml `else` branch).
    expect(at(found)).toEqual([['off.yaml', lineOf(off, 'enableCRDTemplates: false'), 'warning']])
    expect(found[0]?.message).toContain('renders the CRDs as templates with false too')
  })
})

describe('istio-1.24-xfcc-client-cert-details: subject, dns and uri were always forwarded before 1.24, cert and chain never', () => {
  const id = 'istio-1.24-xfcc-client-cert-details'
  const text = mesh(`    defaultConfig:
      proxyHeaders:
        setCurrentClientCertDetails:
          subject: true
          uri: true
          dns: true
          cert: false
          cert2: x`.replace('\n          cert2: x', ''))
  it('the details a 1.23 sidecar already sets (or leaves out) are quiet', () => {
    expect(at(of(run('mesh.yaml', text, '1.23'), id))).toEqual([])
  })
  it('cert: true warns (an older sidecar does not add it); uri: false warns (an older sidecar keeps adding it)', () => {
    const t = mesh(`    defaultConfig:
      proxyHeaders:
        setCurrentClientCertDetails:
          cert: true
          uri: false`)
    const found = of(run('m.yaml', t, '1.23'), id)
    expect(at(found)).toEqual([
      ['m.yaml', lineOf(t, 'cert: true'), 'warning'],
      ['m.yaml', lineOf(t, 'uri: false'), 'warning'],
    ])
    expect(found[1]?.message).toContain('keep putting that detail')
    expect(at(of(run('m.yaml', t, '1.24'), id))).toEqual([])
  })
})

describe('istio-1.24-tracing-provider-fields: an empty opentelemetry grpc block configures nothing', () => {
  const id = 'istio-1.24-tracing-provider-fields'
  const provider = (grpc: string) => mesh(`    extensionProviders:
    - name: otel
      opentelemetry:
        service: otel.observability.svc.cluster.local
        port: 4317
${grpc}`)
  it('grpc: {} is quiet on 1.23', () => {
    expect(at(of(run('m.yaml', provider('        grpc: {}'), '1.23'), id))).toEqual([])
  })
  it('trip: grpc.timeout still warns on 1.23', () => {
    const t = provider('        grpc:\n          timeout: 5s')
    expect(at(of(run('m.yaml', t, '1.23'), id))).toEqual([['m.yaml', lineOf(t, 'timeout: 5s'), 'warning']])
  })
})

describe('istio-1.24-istio-csr-alpn: the documented workaround may sit in another file', () => {
  const istiod = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    global:
      caAddress: cert-manager-istio-csr.cert-manager.svc:443
`
  const workaround = mesh(`    defaultConfig:
      proxyMetadata:
        GRPC_ENFORCE_ALPN_ENABLED: "false"`)
  const alpn = /enforces ALPN on its internal gRPC/
  it('GRPC_ENFORCE_ALPN_ENABLED: "false" in the mesh ConfigMap silences the caAddress warning', async () => {
    const found = await analyse([{ path: 'istiod.yaml', text: istiod }, { path: 'mesh.yaml', text: workaround }], '1.24', '1.23', alpn)
    expect(at(found)).toEqual([])
  })
  it('trip: alone, the caAddress still warns', async () => {
    const found = await analyse([{ path: 'istiod.yaml', text: istiod }], '1.24', '1.23', alpn)
    expect(at(found)).toEqual([['istiod.yaml', lineOf(istiod, 'caAddress:'), 'warning']])
  })
})

describe('istio-1.25-service-traffic-distribution: PreferSameZone/PreferSameNode are not honoured from 1.25 (1.27 says so)', () => {
  const id = 'istio-1.25-service-traffic-distribution'
  const svc = (v: string) => `apiVersion: v1
kind: Service
metadata:
  name: a
spec:
  trafficDistribution: ${v}
  selector:
    app: a
  ports:
  - port: 80
`
  it('PreferSameZone at 1.24 gets no 1.25 claim', () => {
    expect(at(of(run('s.yaml', svc('PreferSameZone'), '1.24'), id))).toEqual([])
    expect(of(run('s.yaml', svc('PreferSameZone'), '1.24'), 'istio-1.27-traffic-distribution-same-node-zone')).toHaveLength(1)
  })
  it('trip: PreferClose at 1.24 still warns', () => {
    const t = svc('PreferClose')
    expect(at(of(run('s.yaml', t, '1.24'), id))).toEqual([['s.yaml', lineOf(t, 'trafficDistribution:'), 'warning']])
  })
})

describe('istio-1.25-ip-autoallocate: PILOT_ENABLE_IP_AUTOALLOCATE existed before 1.25, so only false keeps anything', () => {
  const id = 'istio-1.25-ip-autoallocate'
  const istiod = (v: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    pilot:
      env:
        PILOT_ENABLE_IP_AUTOALLOCATE: "${v}"
`
  it('"true" (set since 1.23, the 1.25 default) is quiet across 1.24 → 1.25', () => {
    expect(at(of(run('i.yaml', istiod('true'), '1.25', '1.24'), id))).toEqual([])
  })
  it('"false" gets the notice that it keeps allocation off', () => {
    const t = istiod('false')
    const found = of(run('i.yaml', t, '1.25', '1.24'), id)
    expect(at(found)).toEqual([['i.yaml', lineOf(t, 'PILOT_ENABLE_IP_AUTOALLOCATE'), 'notice']])
    expect(found[0]?.message).toContain('keeps istiod from allocating')
  })
})

describe('istio-1.24-bypass-inbound-capture-typo: no claim about ztunnel on pods that may not be ambient', () => {
  it('the message says the misspelt key changes nothing', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ambient.istio.io/bypassInboundCapture: "true"
spec:
  containers:
  - name: a
    image: a
`
    const found = of(run('p.yaml', text, '1.24'), 'istio-1.24-bypass-inbound-capture-typo')
    expect(at(found)).toEqual([['p.yaml', lineOf(text, 'bypassInboundCapture'), 'warning']])
    expect(found[0]?.message).not.toContain('ztunnel')
    expect(found[0]?.message).toContain('changes nothing')
  })
})

describe('istio-1.24-istio-cni-values-removed: istioctl 1.24 sets pilot.cni.enabled from spec.components.cni.enabled', () => {
  const id = 'istio-1.24-istio-cni-values-removed'
  const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: mesh
spec:
  components:
    cni:
      enabled: true
  values:
    istio_cni:
      enabled: true
`
  it('an IstioOperator gets a notice that names spec.components.cni.enabled, not the advice to set pilot.cni.*', () => {
    const found = of(run('iop.yaml', iop, '1.24', '1.23'), id)
    // the istio_cni.enabled line (line 11), not components.cni.enabled (line 8)
    expect(at(found)).toEqual([['iop.yaml', iop.split('\n').indexOf('      enabled: true', lineOf(iop, 'istio_cni:')) + 1, 'notice']])
    expect(lineOf(iop, 'istio_cni:')).toBe(10)
    expect(found[0]?.message).toContain('spec.components.cni.enabled')
  })
  it('trip: the same value in istiod Helm values without pilot.cni.enabled still warns', () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    istio_cni:
      enabled: true
`
    expect(at(of(run('hr.yaml', text, '1.24', '1.23'), id))).toEqual([['hr.yaml', lineOf(text, 'enabled: true'), 'warning']])
  })
})

describe('istio-1.24-enable-core-dump-removed: a pod without a sidecar never had its core dumps enabled this way', () => {
  const id = 'istio-1.24-enable-core-dump-removed'
  const deployment = (inject: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
spec:
  selector:
    matchLabels:
      app: a
  template:
    metadata:
      labels:
        app: a${inject}
      annotations:
        sidecar.istio.io/enableCoreDump: "true"
    spec:
      containers:
      - name: a
        image: a
`
  it('a pod template labelled sidecar.istio.io/inject: "false" is quiet', () => {
    expect(at(of(run('d.yaml', deployment('\n        sidecar.istio.io/inject: "false"'), '1.24'), id))).toEqual([])
  })
  it('trip: an injected pod template still warns at the annotation', () => {
    const t = deployment('')
    expect(at(of(run('d.yaml', t, '1.24'), id))).toEqual([['d.yaml', lineOf(t, 'enableCoreDump'), 'warning']])
  })
})

describe('istio-1.24-deferred-stats-and-overload: each variable gets a message about its own feature', () => {
  it('ENABLE_DEFERRED_STATS_CREATION does not talk about the overload manager', () => {
    const text = mesh(`    defaultConfig:
      proxyMetadata:
        ENABLE_DEFERRED_STATS_CREATION: "false"`)
    const found = of(run('m.yaml', text, '1.24', '1.23'), 'istio-1.24-deferred-stats-and-overload')
    expect(at(found)).toEqual([['m.yaml', lineOf(text, 'ENABLE_DEFERRED_STATS_CREATION'), 'notice']])
    expect(found[0]?.message).not.toContain('overload')
  })
})

describe('istio-1.25-ambient-dns-capture: an explicit dnsCapture: true already behaves as the 1.25 default', () => {
  const id = 'istio-1.25-ambient-dns-capture'
  const cni = (v: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
  values:
    profile: ambient
    ambient:
      dnsCapture: ${v}
`
  it('dnsCapture: true is quiet across 1.24 → 1.25', () => {
    expect(at(of(run('cni.yaml', cni('true'), '1.25', '1.24'), id))).toEqual([])
  })
  it('trip: dnsCapture: false gets the notice that it keeps capture off', () => {
    const t = cni('false')
    const found = of(run('cni.yaml', t, '1.25', '1.24'), id)
    expect(at(found)).toEqual([['cni.yaml', lineOf(t, 'dnsCapture: false'), 'notice']])
    expect(found[0]?.message).toContain('keeps ambient DNS capture off')
  })
})

describe('istio-1.25-ingress-use-waypoint-on-namespace: no claim about which releases read the label on Services', () => {
  it('says only that older releases ignore it on a Namespace', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/use-waypoint: waypoint
    istio.io/ingress-use-waypoint: "true"
`
    const found = of(run('ns.yaml', text, '1.22'), 'istio-1.25-ingress-use-waypoint-on-namespace')
    expect(at(found)).toEqual([['ns.yaml', lineOf(text, 'ingress-use-waypoint'), 'warning']])
    expect(found[0]?.message).not.toContain('Services only')
  })
})

describe('messages true on every target the 1.24 default changes fire for (kind 10: switches and profiles that go away)', () => {
  it('ENABLE_DEFERRED_STATS_CREATION: "false" at 1.27 from 1.23 does not promise it still keeps anything', () => {
    const text = mesh(`    defaultConfig:
      proxyMetadata:
        ENABLE_DEFERRED_STATS_CREATION: "false"`)
    const found = of(run('m.yaml', text, '1.27', '1.23'), 'istio-1.24-deferred-stats-and-overload')
    expect(at(found)).toEqual([['m.yaml', lineOf(text, 'ENABLE_DEFERRED_STATS_CREATION'), 'notice']])
    expect(found[0]?.message).toContain('until Istio 1.27 removes the variable')
  })
  it('a Sidecar at 1.27 from 1.23 is not told that compatibilityVersion 1.23 keeps the old scoping', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: shop
spec:
  egress:
  - hosts:
    - "./*"
`
    const found = of(run('s.yaml', text, '1.27', '1.23'), 'istio-1.24-unified-sidecar-scope')
    expect(at(found)).toEqual([['s.yaml', 1, 'notice']])
    expect(found[0]?.message).toContain('compatibilityVersion 1.23 up to Istio 1.26')
  })
})

describe('istio-1.24-native-sidecar-annotation: with ENABLE_NATIVE_SIDECARS=true mesh-wide an older injector makes the pod native anyway', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sidecar.istio.io/nativeSidecar: "true"
spec:
  containers:
  - name: a
    image: a
`
  const istiod = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    pilot:
      env:
        ENABLE_NATIVE_SIDECARS: "true"
`
  const ignored = /nativeSidecar annotation is only read from Istio 1\.24/
  it('the "true" annotation is quiet at 1.23 when istiod (another file) turns native sidecars on', async () => {
    expect(at(await analyse([{ path: 'pod.yaml', text: pod }, { path: 'istiod.yaml', text: istiod }], '1.23', undefined, ignored))).toEqual([])
  })
  it('trip: alone it still warns at 1.23', async () => {
    expect(at(await analyse([{ path: 'pod.yaml', text: pod }], '1.23', undefined, ignored))).toEqual([['pod.yaml', lineOf(pod, 'nativeSidecar'), 'warning']])
  })
})

describe('istio-1.25-dns-capture-annotation: "true" changes nothing where the istio-cni installation already captures DNS', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ambient.istio.io/dns-capture: "true"
spec:
  containers:
  - name: a
    image: a
`
  const cni = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
  values:
    profile: ambient
    ambient:
      dnsCapture: true
`
  const ignored = /dns-capture annotation is only read from Istio 1\.25/
  it('quiet at 1.24 with ambient.dnsCapture: true in the cni values of another file', async () => {
    expect(at(await analyse([{ path: 'pod.yaml', text: pod }, { path: 'cni.yaml', text: cni }], '1.24', undefined, ignored))).toEqual([])
  })
  it('trip: alone it still warns at 1.24', async () => {
    expect(at(await analyse([{ path: 'pod.yaml', text: pod }], '1.24', undefined, ignored))).toEqual([['pod.yaml', lineOf(pod, 'dns-capture'), 'warning']])
  })
})

describe('istio-1.24-new-env: SECRET_GRACE_PERIOD_RATIO_JITTER "0" turns the new jitter off, which older releases do anyway', () => {
  const id = 'istio-1.24-new-env'
  const text = (v: string) => mesh(`    defaultConfig:
      proxyMetadata:
        SECRET_GRACE_PERIOD_RATIO_JITTER: "${v}"`)
  it('"0" is quiet at 1.23', () => {
    expect(at(of(run('m.yaml', text('0'), '1.23'), id))).toEqual([])
  })
  it('trip: "0.02" still gets the notice at 1.23', () => {
    const t = text('0.02')
    expect(at(of(run('m.yaml', t, '1.23'), id))).toEqual([['m.yaml', lineOf(t, 'SECRET_GRACE_PERIOD_RATIO_JITTER'), 'notice']])
  })
})
