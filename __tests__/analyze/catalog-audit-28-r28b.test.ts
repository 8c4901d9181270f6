// Round 28 census, share r28b (docs/audit/catalog-audit-28-r28b.md): the ❌ it found, each a test that fails on the
// entry as it was.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.23-outlier-log-path', () => {
  const ID = 'istio-1.23-outlier-log-path'
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultConfig:\n      outlierLogPath: /dev/stdout\n'
  const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: x\n  namespace: istio-system\nspec:\n  meshConfig:\n    defaultConfig:\n      outlierLogPath: /dev/stdout\n'

  it('is an error in an IstioOperator before 1.24: istioctl reads its meshConfig strictly (ApplyYAMLStrict) and refuses the unknown field', () => {
    const f = of(run('istio-operator.yaml', iop, '1.23'), ID)
    expect(at(f)).toEqual([`istio-operator.yaml:${lineOf(iop, 'outlierLogPath')} error`])
    expect(f[0].message).toMatch(/install fails with an unknown field/)
    // From 1.24 istioctl allows unknown meshConfig fields: only ignored.
    expect(at(of(run('istio-operator.yaml', iop, '1.24'), ID))).toEqual([`istio-operator.yaml:${lineOf(iop, 'outlierLogPath')} warning`])
  })

  it('does not point a target before 1.23 at global.proxy.outlierLogPath, which its chart does not read', () => {
    const f = of(run('istio-configmap.yaml', cm, '1.22'), ID)
    expect(at(f)).toEqual([`istio-configmap.yaml:${lineOf(cm, 'outlierLogPath')} warning`])
    expect(f[0].message).toMatch(/has no outlier detection log path setting at all/)
    const g = of(run('istio-configmap.yaml', cm, '1.23'), ID)
    expect(at(g)).toEqual([`istio-configmap.yaml:${lineOf(cm, 'outlierLogPath')} warning`])
    expect(g[0].message).toMatch(/is the istiod chart value global\.proxy\.outlierLogPath/)
  })
})

describe('istio-1.24-autoallocate-opt-out-label', () => {
  const ID = 'istio-1.24-autoallocate-opt-out-label'
  const se = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: shop\n  labels:\n    networking.istio.io/enable-autoallocate-ip: "false"\nspec:\n  hosts: [api.example.com]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n'

  it('is silent at 1.23, whose address allocator (PILOT_ENABLE_IP_AUTOALLOCATE, istio/istio#52171) already reads the label', () => {
    expect(of(run('se.yaml', se, '1.23'), ID)).toEqual([])
  })

  it('still notes it for a target before 1.23, and says the label arrives in 1.23', () => {
    const f = of(run('se.yaml', se, '1.22'), ID)
    expect(at(f)).toEqual([`se.yaml:${lineOf(se, 'enable-autoallocate-ip')} notice`])
    expect(f[0].message).toMatch(/only read from Istio 1\.23/)
  })
})

describe('istio-1.25-ambient-dns-capture: the ambient Namespace notice', () => {
  const MSG = /new pods in this ambient namespace have their DNS proxied/
  const ns: File = { path: 'mesh/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
  const cni = (v: string): File => ({ path: 'mesh/values-istio-cni.yaml', text: `profile: ambient\nambient:\n  dnsCapture: ${v}\n` })
  const notes = async (files: readonly File[]): Promise<string[]> =>
    at((await analyzeAdded(files, '1.25', '1.24')).findings.filter((f) => f.file === ns.path && MSG.test(f.message)))

  it('is silent where the istio-cni values already turn DNS capture on (true since before 1.25: nothing changes)', async () => {
    expect(await notes([ns, cni('true')])).toEqual([])
    expect(await notes([ns, cni('false')])).toEqual([])
  })

  it('still notes it where the istio-cni values do not set dnsCapture', async () => {
    expect(await notes([ns])).toEqual([`${ns.path}:${lineOf(ns.text, 'dataplane-mode')} notice`])
  })
})

describe('istio-1.23-use-waypoint-namespace-label: the pod arm follows ambient capture (kind 33)', () => {
  const MSG = /istio\.io\/use-waypoint-namespace label/
  const nsFile = (labels: string): File => ({ path: 'mesh/ns.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${labels ? `  labels:\n${labels}` : ''}` })
  const deploy = (extra: string): File => ({
    path: 'apps/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n        istio.io/use-waypoint: wp\n        istio.io/use-waypoint-namespace: infra\n${extra}    spec:\n      containers:\n      - name: web\n        image: web:1\n`
  })
  const warns = async (files: readonly File[], file: string): Promise<string[]> =>
    at((await analyzeAdded(files, '1.22', '1.21')).findings.filter((f) => f.file === file && MSG.test(f.message)))

  it('is silent for a pod its repository Namespace leaves out of ambient, or one that gets a sidecar', async () => {
    const d = deploy('')
    expect(await warns([d, nsFile('    istio-injection: enabled\n')], d.path)).toEqual([])
    expect(await warns([d, nsFile('')], d.path)).toEqual([])
    const rev = deploy('        istio.io/rev: default\n')
    expect(await warns([rev, nsFile('    istio.io/dataplane-mode: ambient\n')], rev.path)).toEqual([])
  })

  it('still warns for a pod in an ambient Namespace, or labelled ambient itself', async () => {
    const d = deploy('')
    const line = `${d.path}:${lineOf(d.text, 'use-waypoint-namespace')} warning`
    expect(await warns([d, nsFile('    istio.io/dataplane-mode: ambient\n')], d.path)).toEqual([line])
    expect(await warns([d], d.path)).toEqual([line])
    const own = deploy('        istio.io/dataplane-mode: ambient\n')
    expect(await warns([own, nsFile('')], own.path)).toEqual([`${own.path}:${lineOf(own.text, 'use-waypoint-namespace')} warning`])
  })
})

describe('istio-1.24-istio-csr-alpn: only a mesh-wide GRPC_ENFORCE_ALPN_ENABLED=false is an opt-out (kind 30)', () => {
  const MSG = /enforces ALPN on its internal gRPC/
  const istiod: File = { path: 'mesh/values-istiod.yaml', text: 'global:\n  caAddress: cert-manager-istio-csr.cert-manager.svc:443\n' }
  const pod: File = {
    path: 'apps/web.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        proxy.istio.io/config: |\n          proxyMetadata:\n            GRPC_ENFORCE_ALPN_ENABLED: "false"\n    spec:\n      containers:\n      - name: web\n        image: web:1\n'
  }
  const pc = (ns: string, selector: string): File => ({
    path: 'mesh/proxyconfig.yaml',
    text: `apiVersion: networking.istio.io/v1beta1\nkind: ProxyConfig\nmetadata:\n  name: alpn\n  namespace: ${ns}\nspec:\n${selector}  environmentVariables:\n    GRPC_ENFORCE_ALPN_ENABLED: "false"\n`
  })
  const gateway: File = { path: 'mesh/values-mesh.yaml', text: 'meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      GRPC_ENFORCE_ALPN_ENABLED: "false"\n' }
  const warns = async (files: readonly File[]): Promise<string[]> =>
    at((await analyzeAdded(files, '1.24', '1.23')).findings.filter((f) => f.file === istiod.path && MSG.test(f.message)))
  const line = `${istiod.path}:${lineOf(istiod.text, 'caAddress')} warning`

  it('still warns where only one workload (its proxy.istio.io/config, a selecting or namespace ProxyConfig) opts out', async () => {
    expect(await warns([istiod, pod])).toEqual([line])
    expect(await warns([istiod, pc('shop', '  selector:\n    matchLabels: {app: web}\n')])).toEqual([line])
    expect(await warns([istiod, pc('shop', '')])).toEqual([line])
  })

  it('is silent where the mesh default or a root-namespace ProxyConfig without selector opts out', async () => {
    expect(await warns([istiod, gateway])).toEqual([])
    expect(await warns([istiod, pc('istio-system', '')])).toEqual([])
  })
})

describe('istio-1.24-gateway-name-label-removed: a label on ANOTHER gateway is no opt-out (kind 30, sameValue)', () => {
  const MSG = /no longer adds the istio\.io\/gateway-name label/
  const policy: File = {
    path: 'mesh/authz.yaml',
    text: 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: gw\n  namespace: ingress\nspec:\n  selector:\n    matchLabels:\n      istio.io/gateway-name: public\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/admin"]\n'
  }
  const gateway = (name: string): File => ({
    path: 'mesh/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: ingress\nspec:\n  gatewayClassName: istio\n  infrastructure:\n    labels:\n      istio.io/gateway-name: ${name}\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n`
  })
  const pods = (value: string): File => ({
    path: 'mesh/deploy.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gw\n  namespace: ingress\nspec:\n  selector:\n    matchLabels: {app: gw}\n  template:\n    metadata:\n      labels:\n        app: gw\n        istio.io/gateway-name: ${value}\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n`
  })
  const warns = async (files: readonly File[]): Promise<string[]> =>
    at((await analyzeAdded(files, '1.24', '1.23')).findings.filter((f) => f.file === policy.path && MSG.test(f.message)))
  const line = `${policy.path}:${lineOf(policy.text, 'istio.io/gateway-name')} warning`

  it('still warns where only another gateway (Gateway API infrastructure label, pod label) carries the label', async () => {
    expect(await warns([policy, gateway('internal')])).toEqual([line])
    expect(await warns([policy, pods('internal')])).toEqual([line])
  })

  it('is silent where the gateway the selector names gets the label another way', async () => {
    expect(await warns([policy, gateway('public')])).toEqual([])
    expect(await warns([policy, pods('public')])).toEqual([])
  })
})
