// Audit 11 (m11c, seeded measurement sample): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-11-m11c.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const where = (fs: readonly { file: string; line: number; severity: string }[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

describe('istio-1.27.4-https-http-same-port-bind: only an HTTP server on the port of an HTTPS server with another bind', () => {
  const MESSAGE = /got no routes/
  async function notices(files: readonly File[], target: string): Promise<string[]> {
    const result = await analyzeAdded(files, target)
    return where(result.findings.filter((f) => MESSAGE.test(f.message)))
  }
  const gateway = (name: string, servers: string): string =>
    `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: istio-ingress\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n${servers}`
  const https = (port: number, bind: string, host: string) =>
    `  - port:\n      number: ${port}\n      name: https-${host}\n      protocol: HTTPS\n    bind: ${bind}\n    hosts: ["${host}.example.com"]\n    tls: {mode: SIMPLE, credentialName: ${host}}\n`
  const http = (port: number, bind: string, name: string) => `  - port:\n      number: ${port} # ${name}\n      name: ${name}\n      protocol: HTTP\n    bind: ${bind}\n    hosts: ["*.example.com"]\n`

  it('HTTPS on 443 (bind .1) then HTTP on 443 (bind .2): a notice on the HTTP server port before 1.27.4, none from it', async () => {
    const file: File = { path: 'gw/gateway.yaml', text: gateway('gw', https(443, '10.0.0.1', 'a') + http(443, '10.0.0.2', 'plain-443')) }
    const line = lineOf(file.text, '# plain-443')
    expect(await notices([file], '1.27.3')).toEqual([`gw/gateway.yaml:${line} notice`])
    expect(await notices([file], '1.26.7')).toEqual([`gw/gateway.yaml:${line} notice`])
    expect(await notices([file], '1.28.0')).toEqual([`gw/gateway.yaml:${line} notice`])
    expect(await notices([file], '1.27.4')).toEqual([])
    expect(await notices([file], '1.28.1')).toEqual([])
  })

  it('the HTTPS server in another Gateway of the same selector (another file): the HTTP server hears it', async () => {
    const tls: File = { path: 'gw/tls.yaml', text: gateway('tls', https(443, '10.0.0.1', 'a')) }
    const plain: File = { path: 'gw/plain.yaml', text: gateway('plain', http(443, '10.0.0.2', 'plain-443')) }
    expect(await notices([tls, plain], '1.27.3')).toEqual([`gw/plain.yaml:${lineOf(plain.text, '# plain-443')} notice`])
  })

  it('two HTTPS servers share 443 and the HTTP server is on 80: no HTTP server shares a port with HTTPS, no notice', async () => {
    const file: File = { path: 'gw/gateway.yaml', text: gateway('gw', https(443, '10.0.0.1', 'a') + https(443, '10.0.0.1', 'b') + http(80, '10.0.0.1', 'plain-80')) }
    expect(await notices([file], '1.27.3')).toEqual([])
    expect(await notices([file], '1.26.7')).toEqual([])
  })

  it('HTTP on 80 and HTTPS on 443 for each of two binds: no notice', async () => {
    const file: File = { path: 'gw/gateway.yaml', text: gateway('gw', http(80, '10.0.0.1', 'plain-a') + https(443, '10.0.0.1', 'a') + http(80, '10.0.0.2', 'plain-b') + https(443, '10.0.0.2', 'b')) }
    expect(await notices([file], '1.27.3')).toEqual([])
  })

  it('HTTP listed before HTTPS in one Gateway (merged in that order) or the same bind: no notice', async () => {
    const first: File = { path: 'gw/gateway.yaml', text: gateway('gw', http(443, '10.0.0.2', 'plain-443') + https(443, '10.0.0.1', 'a')) }
    expect(await notices([first], '1.27.3')).toEqual([])
    const same: File = { path: 'gw/gateway.yaml', text: gateway('gw', https(443, '10.0.0.1', 'a') + http(443, '10.0.0.1', 'plain-443')) }
    expect(await notices([same], '1.27.3')).toEqual([])
  })
})

describe('istio-1.27-cni-owned-config-filename-typo: the correct key in the other (cni.) form counts', () => {
  const ID = 'istio-1.27-cni-owned-config-filename-typo'
  const release = (values: string): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.27.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`

  it('the typo alone (the owned config on): still a warning at the typo', () => {
    const text = release('    profile: ambient\n    istioOwnedCNIConfig: true\n    istioOwnedCNIConfigFilename: 00-istio.conflist\n')
    expect(where(of(run('istio/cni.yaml', text, '1.27'), ID))).toEqual([`istio/cni.yaml:${lineOf(text, 'istioOwnedCNIConfigFilename')} warning`])
  })

  it('top-level typo next to cni.istioOwnedCNIConfigFileName: the file name is set, no warning', () => {
    const text = release('    cni:\n      istioOwnedCNIConfigFileName: 00-istio.conflist\n    istioOwnedCNIConfig: true\n    istioOwnedCNIConfigFilename: 00-istio.conflist\n')
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
    expect(of(run('istio/cni.yaml', text, '1.29'), ID)).toEqual([])
  })

  it('cni. typo next to the top-level istioOwnedCNIConfigFileName: no warning', () => {
    const text = release('    istioOwnedCNIConfigFileName: 00-istio.conflist\n    cni:\n      istioOwnedCNIConfig: true\n      istioOwnedCNIConfigFilename: 00-istio.conflist\n')
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })
})

describe('istio-1.27-native-sidecars: the message names the kubelet 1.33 condition of the 1.27 default', () => {
  const ID = 'istio-1.27-native-sidecars'
  const text =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n      - name: app\n        image: nginx\n      - name: istio-proxy\n        image: auto\n        resources:\n          limits: {memory: 1Gi}\n'

  it('a pod template with an istio-proxy container: a warning whose message says when 1.27 injects an init container', () => {
    const found = of(run('apps/app.yaml', text, '1.27', '1.26'), ID)
    expect(where(found)).toEqual([`apps/app.yaml:${lineOf(text, 'name: istio-proxy')} warning`])
    expect(found[0].message).toMatch(/kubelet/)
    expect(found[0].message).toMatch(/1\.33/)
  })
})

describe('istio-1.28-zipkin-trace-context-option: the notes spell it trace_context_option, which istiod also accepts', () => {
  const ID = 'istio-1.28-zipkin-trace-context-option'
  const mesh = (key: string, value: string): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    extensionProviders:\n    - name: zipkin\n      zipkin:\n        service: zipkin.istio-system.svc.cluster.local\n        port: 9411\n        ${key}: ${value}\n`

  it('snake_case key with the dual propagation value: a warning at its line on 1.27, none on 1.28', () => {
    const text = mesh('trace_context_option', 'USE_B3_WITH_W3C_PROPAGATION')
    expect(where(of(run('istio/mesh.yaml', text, '1.27'), ID))).toEqual([`istio/mesh.yaml:${lineOf(text, 'trace_context_option')} warning`])
    expect(of(run('istio/mesh.yaml', text, '1.28'), ID)).toEqual([])
  })

  it('snake_case key with USE_B3 (the default): no warning', () => {
    expect(of(run('istio/mesh.yaml', mesh('trace_context_option', 'USE_B3'), '1.27'), ID)).toEqual([])
  })
})
