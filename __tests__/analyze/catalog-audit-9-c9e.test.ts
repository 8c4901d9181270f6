// Audit 9 (c9e, census of 1.27.4–1.29 entries): each ❌ fixed in data/catalog, pinned to file and line.
// See docs/audit/catalog-audit-9-c9e.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.27.4-xlistenerset-tls-secrets: only the releases with the 1.27.2 regression', () => {
  const ID = 'istio-1.27.4-xlistenerset-tls-secrets'
  const text = 'apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: ls\n  namespace: apps\nspec:\n  parentRef:\n    name: gw\n    kind: Gateway\n    group: gateway.networking.k8s.io\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n'
  const line = lineOf(text, 'certificateRefs:')

  it('reports 1.27.2, 1.27.3 and 1.28.0, at the certificateRefs line', () => {
    for (const target of ['1.27.2', '1.27.3', '1.28.0']) {
      expect(of(run('ls.yaml', text, target), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`ls.yaml:${line} notice`])
    }
  })

  it('is silent on 1.27.0 and 1.27.1, which read the Secrets before the service-account check, and on the fixed patches', () => {
    for (const target of ['1.27.0', '1.27.1', '1.27.4', '1.28.1']) expect(of(run('ls.yaml', text, target), ID)).toEqual([])
  })
})

describe('istio-1.28-backend-tls-policy-serviceentry-target: only where 1.26/1.27 read the policy', () => {
  const ID = 'istio-1.28-backend-tls-policy-serviceentry-target'
  const policy = (apiVersion: string) =>
    `apiVersion: ${apiVersion}\nkind: BackendTLSPolicy\nmetadata:\n  name: ext\nspec:\n  targetRefs:\n  - group: networking.istio.io\n    kind: ServiceEntry\n    name: ext\n  validation:\n    hostname: ext.example.com\n    wellKnownCACertificates: System\n`
  const alpha = policy('gateway.networking.k8s.io/v1alpha3')

  it('reports the v1alpha3 ServiceEntry target on 1.26 and 1.27', () => {
    for (const target of ['1.26', '1.27']) {
      expect(of(run('btp.yaml', alpha, target), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`btp.yaml:${lineOf(alpha, 'kind: ServiceEntry')} notice`])
    }
  })

  it('is silent before 1.26 (no BackendTLSPolicy at all) and on a v1 policy, which 1.26/1.27 never read (its own entry says so)', () => {
    expect(of(run('btp.yaml', alpha, '1.25'), ID)).toEqual([])
    const v1 = policy('gateway.networking.k8s.io/v1')
    const found = run('btp.yaml', v1, '1.27')
    expect(of(found, ID)).toEqual([])
    expect(of(found, 'istio-1.28-backend-tls-policy-v1').map((f) => f.line)).toEqual([1])
  })
})

describe('istio-1.28-zipkin-trace-context-option: only the value older istiods lose', () => {
  const ID = 'istio-1.28-zipkin-trace-context-option'
  const iop = (option: string) =>
    `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  meshConfig:\n    extensionProviders:\n    - name: zipkin\n      zipkin:\n        service: zipkin.istio-system.svc.cluster.local\n        port: 9411\n        traceContextOption: ${option}\n`

  it('reports USE_B3_WITH_W3C_PROPAGATION before 1.28, at its line', () => {
    const text = iop('USE_B3_WITH_W3C_PROPAGATION')
    expect(of(run('iop.yaml', text, '1.27'), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`iop.yaml:${lineOf(text, 'traceContextOption')} warning`])
    expect(of(run('iop.yaml', text, '1.28'), ID)).toEqual([])
  })

  it('is silent on USE_B3, the behaviour older istiods have anyway', () => {
    expect(of(run('iop.yaml', iop('USE_B3'), '1.27'), ID)).toEqual([])
  })
})

describe('istio-1.28-h2-upgrade-pool-settings: not before maxConcurrentStreams existed', () => {
  const ID = 'istio-1.28-h2-upgrade-pool-settings'
  const text = 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: ratings\n  trafficPolicy:\n    connectionPool:\n      http:\n        maxConcurrentStreams: 200\n        h2UpgradePolicy: UPGRADE\n'

  it('reports 1.21–1.27 at the maxConcurrentStreams line', () => {
    for (const target of ['1.21', '1.27']) {
      expect(of(run('dr.yaml', text, target), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`dr.yaml:${lineOf(text, 'maxConcurrentStreams')} warning`])
    }
  })

  it('is silent on 1.20, whose DestinationRule has no maxConcurrentStreams at all', () => {
    expect(of(run('dr.yaml', text, '1.20'), ID)).toEqual([])
  })
})

describe('istio-1.29-stats-compression-annotation-removed: a notice, compression stays on', () => {
  const ID = 'istio-1.29-stats-compression-annotation-removed'
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n      annotations:\n        sidecar.istio.io/statsCompression: gzip\n    spec:\n      containers:\n      - name: app\n        image: nginx\n'

  it('reports a notice at the annotation on 1.29 that does not tell the user to turn compression off', () => {
    const found = of(run('app.yaml', text, '1.29'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`app.yaml:${lineOf(text, 'statsCompression')} notice`])
    expect(found[0]?.message).toMatch(/compressed by default/)
    expect(of(run('app.yaml', text, '1.28'), ID)).toEqual([])
  })
})

describe('istio-1.28-max-connections-per-socket-event-sidecars: the istiod opt-out silences the Sidecar', () => {
  const sidecar: File = {
    path: 'apps/sidecar.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: bind\n  namespace: apps\nspec:\n  ingress:\n  - port:\n      number: 9080\n      protocol: HTTP\n      name: http\n    defaultEndpoint: 127.0.0.1:8080\n    captureMode: NONE\n'
  }
  const values = (v: string): File => ({ path: 'platform/istiod-values.yaml', text: `pilot:\n  env:\n    MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP: "${v}"\n` })
  const SOCKET = /per socket event/
  async function findings(files: readonly File[]): Promise<Finding[]> {
    const result = await analyzeAdded(files, '1.28', '1.27')
    return result.findings.filter((f) => SOCKET.test(f.message) && f.file === sidecar.path)
  }
  const line = lineOf(sidecar.text, 'captureMode: NONE')

  it('reports the captureMode NONE listener without an opt-out', async () => {
    expect(at(await findings([sidecar]))).toEqual([`apps/sidecar.yaml:${line} notice`])
  })

  it('is silent when istiod runs with MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP=0, and keeps reporting with another value', async () => {
    expect(await findings([sidecar, values('0')])).toEqual([])
    expect(at(await findings([sidecar, values('1')]))).toEqual([`apps/sidecar.yaml:${line} notice`])
  })
})

describe('istio-1.27.4-envoyfilter-gatewayclass-target: only the istio-waypoint class, the one Istio attaches policies to', () => {
  const ID = 'istio-1.27.4-envoyfilter-gatewayclass-target'
  const filter = (className: string) =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: wp\n  namespace: istio-system\nspec:\n  targetRefs:\n  - group: gateway.networking.k8s.io\n    kind: GatewayClass\n    name: ${className}\n  configPatches:\n  - applyTo: NETWORK_FILTER\n    patch:\n      operation: MERGE\n      value: {}\n`

  it('reports the istio-waypoint class before 1.27.4, at the kind line', () => {
    const text = filter('istio-waypoint')
    expect(of(run('ef.yaml', text, '1.27.3'), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`ef.yaml:${lineOf(text, 'kind: GatewayClass')} warning`])
    expect(of(run('ef.yaml', text, '1.27.4'), ID)).toEqual([])
  })

  it('is silent on another GatewayClass, which no release attaches an EnvoyFilter to', () => {
    expect(of(run('ef.yaml', filter('istio'), '1.27.3'), ID)).toEqual([])
  })
})

describe('istio-1.28.1-inferencepool-multiple-target-ports: 1.28.0 breaks the route, it does not fall back to the first port', () => {
  const ID = 'istio-1.28.1-inferencepool-multiple-target-ports'
  const text = 'apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: pool\nspec:\n  selector:\n    matchLabels: {app: vllm}\n  targetPorts:\n  - number: 8000\n  - number: 8001\n  endpointPickerRef:\n    name: epp\n    port:\n      number: 9002\n'

  it('reports the second port on 1.28.0 with a message that does not promise the first port keeps working', () => {
    const found = of(run('pool.yaml', text, '1.28.0'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`pool.yaml:${lineOf(text, 'number: 8001')} notice`]) // a notice since round 37 (m37a): no file turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on
    expect(found[0]?.message).not.toMatch(/first port/)
    expect(of(run('pool.yaml', text, '1.28.1'), ID)).toEqual([])
  })
})

describe('istio-1.28-spawn-upstream-span-for-gateway: hands over to the 1.31 removal', () => {
  const ID = 'istio-1.28-spawn-upstream-span-for-gateway'
  const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: "false"\n'
  const line = lineOf(text, 'PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY')

  it('notes the opt-out for 1.27 → 1.28 and 1.27 → 1.30, at its line', () => {
    for (const target of ['1.28', '1.30']) {
      expect(of(run('iop.yaml', text, target, '1.27'), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`iop.yaml:${line} notice`])
    }
  })

  it('leaves 1.27 → 1.31 to the removal entry: on 1.31 the switch no longer keeps anything', () => {
    const found = run('iop.yaml', text, '1.31', '1.27')
    expect(of(found, ID)).toEqual([])
    expect(of(found, 'istio-1.31-spawn-upstream-span-flag-removed').map((f) => `${f.line} ${f.severity}`)).toEqual([`${line} warning`])
  })
})
