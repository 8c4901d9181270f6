// Fourteenth audit round (census, helper r14g: 23 entries of 1.30 and 1.31; docs/audit/catalog-audit-14-r14g.md).
// Each test fails on the entry as it stood before this audit and asserts the file and line of what must, or must not,
// be reported; each narrowed match keeps a trip test on the YAML it must still report.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


describe('istio-1.30.5-serviceentry-empty-workload-selector: only the 1.30.0-1.30.4 / 1.31.0 regression selected every workload', () => {
  const ID = 'istio-1.30.5-serviceentry-empty-workload-selector'
  const path = 'mesh/se.yaml'
  const text = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: a
  namespace: x
spec:
  hosts: [a.example.internal]
  location: MESH_INTERNAL
  ports: [{number: 80, name: http, protocol: HTTP}]
  resolution: STATIC
  workloadSelector: {}
`
  for (const [target, from] of [['1.30.5', '1.29'], ['1.30.5', '1.29.8'], ['1.31.1', '1.28']]) {
    it(`is silent for ${from} -> ${target}: before 1.30 an empty selector matched no workload either (PR 61690)`, () => {
      expect(of(run(path, text, target, from), ID)).toEqual([])
    })
  }
  for (const [target, from] of [['1.30.5', '1.30.0'], ['1.30.5', '1.30.4'], ['1.31.1', '1.31.0'], ['1.31.1', '1.30.4']]) {
    it(`still errors for ${from} -> ${target}, whose from-release selected every workload`, () => {
      const found = of(run(path, text, target, from), ID)
      expect(at(found)).toEqual([`${path}:${lineOf(text, 'workloadSelector')} error`])
      expect(found[0].message).toContain('as 1.30.0–1.30.4 and 1.31.0 did')
    })
  }
})

describe('istio-1.31-strict-gateway-merging: only selectors that matched the pods of an istio-class gateway', () => {
  const istioGateway = (extra = ''): File => ({
    path: 'apps/extra-gateway.yaml',
    text: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: extra
  namespace: team-a
spec:
  selector:
    gateway.networking.k8s.io/gateway-name: shared${extra}
  servers:
  - port: {number: 8080, name: http-extra, protocol: HTTP}
    hosts: ["*"]
`
  })
  const gatewayApi = (gatewayClassName: string): File => ({
    path: 'infra/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: ${gatewayClassName}
  listeners:
  - {name: http, port: 80, protocol: HTTP}
`
  })
  async function findings(files: readonly File[]): Promise<Finding[]> {
    const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target: '1.31', from: '1.30', paths: [] })
    return result.findings.filter((f) => /no longer merged/.test(f.message))
  }

  it('still errors on a selection of an istio-class gateway in another namespace (trip)', async () => {
    const g = istioGateway()
    expect(at(await findings([g, gatewayApi('istio')]))).toEqual([`${g.path}:${lineOf(g.text, 'gateway-name')} error`])
  })
  it('still errors when the other selector keys are labels Istio puts on the managed pods', async () => {
    const g = istioGateway('\n    gateway.istio.io/managed: istio.io-gateway-controller')
    expect(at(await findings([g, gatewayApi('istio')]))).toEqual([`${g.path}:${lineOf(g.text, 'gateway-name')} error`])
  })
  it('is silent when the Gateway API Gateway belongs to another controller (no Istio proxy to merge into)', async () => {
    for (const cls of ['eg', 'nginx', 'istio-remote', 'istio-waypoint']) {
      expect(await findings([istioGateway(), gatewayApi(cls)])).toEqual([])
    }
  })
  it('is silent when the selector also asks for a label the managed pods do not carry (it never matched them)', async () => {
    expect(await findings([istioGateway('\n    app: my-custom-ingress'), gatewayApi('istio')])).toEqual([])
  })
})

describe('istio-1.31-meshconfig-fields: serviceEntryVisibility that keeps every ServiceEntry public is a no-op', () => {
  const ID = 'istio-1.31-meshconfig-fields'
  const path = 'mesh/istio.yaml'
  const mesh = (body: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    serviceEntryVisibility:\n${body}\n`
  for (const body of ['      defaultVisibility: PUBLIC', '      defaultVisibility: VISIBILITY_UNSPECIFIED', '      applyToSidecars: false', '      policies:\n      - visibility: PUBLIC']) {
    it(`is silent on ${body.trim().replace(/\s+/g, ' ')} for 1.30 (the proto: absent or PUBLIC keeps every ServiceEntry public)`, () => {
      expect(of(run(path, mesh(body), '1.30'), ID)).toEqual([])
    })
  }
  for (const body of ['      defaultVisibility: NAMESPACE', '      policies:\n      - visibility: NONE\n        matchingRules:\n        - namespaceSelector: {matchLabels: {team: legacy}}', '      defaultVisibility: NONE\n      policies:\n      - visibility: NAMESPACE']) {
    it(`still warns once on ${body.trim().replace(/\s+/g, ' ')} for 1.30`, () => {
      const text = mesh(body)
      expect(at(of(run(path, text, '1.30'), ID))).toEqual([`${path}:${lineOf(text, 'serviceEntryVisibility')} warning`])
      expect(of(run(path, text, '1.31'), ID)).toEqual([])
    })
  }
})

describe('istio-1.31-send-unhealthy-endpoints: the new variable at its opt-out value changes nothing', () => {
  const ID = 'istio-1.31-send-unhealthy-endpoints'
  const path = 'platform/istiod/deployment.yaml'
  const deployment = (value: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.30.3
        env:
        - name: PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS
          value: "${value}"
`
  for (const value of ['false', 'False', '0', '']) {
    it(`is silent on PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS="${value}" for 1.30 -> 1.31 (1.30 ignores it, 1.31 keeps the old behaviour)`, () => {
      expect(of(run(path, deployment(value), '1.31', '1.30'), ID)).toEqual([])
    })
  }
  it('still notes the value true, which turns the new behaviour on (trip)', () => {
    const text = deployment('true')
    const found = of(run(path, text, '1.31', '1.30'), ID)
    expect(at(found)).toEqual([`${path}:${lineOf(text, 'PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS')} notice`])
  })
})

describe('istio-1.31-prometheus-scrape-targets: without metrics merging (or without a sidecar) 1.31 does not use it either', () => {
  const ID = 'istio-1.31-prometheus-scrape-targets'
  const path = 'apps/web.yaml'
  const deployment = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      annotations:
        prometheus.istio.io/scrape-targets: "8080:/metrics,9090:/custom"${extra}
    spec:
      containers:
      - name: web
        image: example/web:1
`
  for (const extra of ['\n        prometheus.istio.io/merge-metrics: "false"', '\n        sidecar.istio.io/inject: "false"']) {
    it(`is silent with${extra.trim()} for 1.30`, () => {
      expect(of(run(path, deployment(extra), '1.30'), ID)).toEqual([])
    })
  }
  it('still warns on a pod template that merges metrics (trip)', () => {
    const text = deployment('')
    expect(at(of(run(path, text, '1.30'), ID))).toEqual([`${path}:${lineOf(text, 'scrape-targets')} warning`])
    expect(of(run(path, text, '1.31'), ID)).toEqual([])
  })
  it('is silent when the mesh config turns Prometheus merging off in another file', async () => {
    const files: File[] = [
      { path, text: deployment('') },
      { path: 'mesh/istio.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    enablePrometheusMerge: false\n' }
    ]
    const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target: '1.30', paths: [] })
    expect(result.findings.filter((f) => /scrape-targets annotation/.test(f.message))).toEqual([])
    const without = await runAnalysis({ changes: added(files.slice(0, 1)), head: snapshotOf(files.slice(0, 1)) }, { target: '1.30', paths: [] })
    expect(at(without.findings.filter((f) => /scrape-targets annotation/.test(f.message)))).toEqual([`${path}:${lineOf(files[0].text, 'scrape-targets')} warning`])
  })
})
