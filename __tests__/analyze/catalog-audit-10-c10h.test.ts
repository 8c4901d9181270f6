// Tenth audit round (third census, helper c10h: entries of 1.30 and 1.31; docs/audit/catalog-audit-10-c10h.md).
// Each test fails on the entry as it stood before this audit and asserts the file and line of what must, or must not,
// be reported; each narrowed matcher keeps a trip test on the YAML it must still report.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { run, of, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const at = (found: readonly { file: string; line?: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

describe('istio-1.30.5-serviceentry-empty-workload-selector: only a STATIC ServiceEntry loses the endpoints its requests need', () => {
  const id = 'istio-1.30.5-serviceentry-empty-workload-selector'
  const se = (resolution: string): string => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: db
spec:
  hosts: [db.example.internal]
  ports: [{number: 5432, name: tcp, protocol: TCP}]
${resolution}  workloadSelector: {}
`
  it('STATIC: still an error that says requests fail', () => {
    const text = se('  resolution: STATIC\n')
    for (const [target, from] of [['1.30.5', '1.30.4'], ['1.31.1', '1.31.0']]) {
      const found = of(run('se.yaml', text, target, from), id)
      expect(at(found)).toEqual([['se.yaml', lineOf(text, 'workloadSelector'), 'error']])
      expect(found[0].message).toContain('requests to them fail')
    }
  })
  it('NONE (the default) or DNS: a warning that claims no failing requests', () => {
    for (const res of ['', '  resolution: NONE\n', '  resolution: DNS\n']) {
      const text = se(res)
      const found = of(run('se.yaml', text, '1.30.5', '1.30.4'), id)
      expect(at(found)).toEqual([['se.yaml', lineOf(text, 'workloadSelector'), 'warning']])
      expect(found[0].message).not.toContain('fail')
    }
  })
})

describe('istio-1.30-referencegrant-to-same-kind: the last to entry of a kind decides, and a refused reference breaks traffic', () => {
  const id = 'istio-1.30-referencegrant-to-same-kind'
  const grant = (to: string): string => `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: g
  namespace: backend
spec:
  from:
  - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: front}
  to:
${to}`
  it('is quiet when the last Service entry names no object (it allows every Service)', () => {
    const text = grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: b}\n  - {group: "", kind: Service}\n')
    expect(of(run('rg.yaml', text, '1.29'), id)).toEqual([])
  })
  it('still reports a named duplicate when the last entry of the kind is named, as an error', () => {
    const two = grant('  - {group: "", kind: Service, name: a}\n  - {group: "", kind: Service, name: b}\n')
    expect(at(of(run('rg.yaml', two, '1.29'), id))).toEqual([['rg.yaml', lineOf(two, 'name: b'), 'error']])
    const namelessFirst = grant('  - {group: "", kind: Service}\n  - {group: "", kind: Service, name: b}\n')
    expect(at(of(run('rg.yaml', namelessFirst, '1.29'), id))).toEqual([['rg.yaml', lineOf(namelessFirst, 'name: b'), 'error']])
    expect(of(run('rg.yaml', two, '1.30'), id)).toEqual([])
  })
})

describe('istio-1.31.1-jwks-link-local-blocked: 1.30.4 already blocks link-local JWKS addresses', () => {
  const id = 'istio-1.31.1-jwks-link-local-blocked'
  const text = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
spec:
  jwtRules:
  - issuer: https://issuer.example
    jwksUri: http://169.254.169.254/keys
`
  const line = lineOf(text, 'jwksUri')
  it('is an error on the upgrade into 1.30.4, and names that patch', () => {
    const found = of(run('ra.yaml', text, '1.30.4', '1.30.3'), id)
    expect(at(found)).toEqual([['ra.yaml', line, 'error']])
    expect(found[0].message).toContain('1.30.4')
  })
  it('is quiet from 1.30.4 or 1.30.5 to 1.31.1 (nothing changes) and still reports 1.31.0 to 1.31.1', () => {
    expect(of(run('ra.yaml', text, '1.31.1', '1.30.5'), id)).toEqual([])
    expect(of(run('ra.yaml', text, '1.31.1', '1.30.4'), id)).toEqual([])
    expect(at(of(run('ra.yaml', text, '1.31.1', '1.31.0'), id))).toEqual([['ra.yaml', line, 'error']])
  })
})

describe('istio-1.31-meshconfig-fields: settings an older istiod ignoring changes nothing for', () => {
  const id = 'istio-1.31-meshconfig-fields'
  const values = (mesh: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    meshConfig:
${mesh}`
  it('zoneAwareLbSetting with enabled: false is quiet; enabled: true still warns', () => {
    expect(of(run('istiod.yaml', values('      zoneAwareLbSetting:\n        enabled: false\n'), '1.30'), id)).toEqual([])
    const on = values('      zoneAwareLbSetting:\n        enabled: true\n')
    expect(at(of(run('istiod.yaml', on, '1.30'), id))).toEqual([['istiod.yaml', lineOf(on, 'zoneAwareLbSetting'), 'warning']])
  })
  it('outboundTrafficPolicy.tls is quiet unless the mode is ALLOW_ANY_DYNAMIC_DNS (the only mode that reads it)', () => {
    const any = values('      outboundTrafficPolicy:\n        mode: ALLOW_ANY\n        tls:\n          mode: SIMPLE\n')
    expect(of(run('istiod.yaml', any, '1.30'), id)).toEqual([])
    const dyn = values('      outboundTrafficPolicy:\n        mode: ALLOW_ANY_DYNAMIC_DNS\n        tls:\n          mode: SIMPLE\n')
    expect(at(of(run('istiod.yaml', dyn, '1.30'), id))).toEqual([['istiod.yaml', lineOf(dyn, 'tls:'), 'warning']])
  })
})

describe('istio-1.31-send-unhealthy-endpoints: PILOT_SEND_UNHEALTHY_ENDPOINTS=true in another file already sends them', () => {
  const dr: File = {
    path: 'apps/dr.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api.default.svc.cluster.local\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 5\n'
  }
  const values = (v: string): File => ({ path: 'platform/istiod/values.yaml', text: `pilot:\n  env:\n    PILOT_SEND_UNHEALTHY_ENDPOINTS: "${v}"\n` })
  const NOTE = /not-ready endpoints/
  async function findings(files: readonly File[]): Promise<Finding[]> {
    const result = await analyzeAdded(files, '1.31', '1.30')
    return result.findings.filter((f) => f.file === dr.path && NOTE.test(f.message))
  }
  it('reports the DestinationRule without the switch, at its outlierDetection line', async () => {
    expect(at(await findings([dr]))).toEqual([[dr.path, lineOf(dr.text, 'outlierDetection'), 'notice']])
    expect(at(await findings([dr, values('false')]))).toEqual([[dr.path, lineOf(dr.text, 'outlierDetection'), 'notice']])
  })
  it('is quiet when istiod already sends unhealthy endpoints', async () => {
    expect(await findings([dr, values('true')])).toEqual([])
  })
})

describe('istio-1.31-gcp-hosting-deprecated: a hub whose tag pins an older release still pulls today', () => {
  const id = 'istio-1.31-gcp-hosting-deprecated'
  const istiod = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
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
${values}`
  it('a tag of 1.30 or older: a deprecation warning, not the claim that 1.31 pods cannot pull', () => {
    const text = istiod('      hub: gcr.io/istio-release\n      tag: 1.30.2\n')
    const found = of(run('istiod.yaml', text, '1.31'), id)
    expect(at(found)).toEqual([['istiod.yaml', lineOf(text, 'hub:'), 'warning']])
    expect(found[0].message).not.toContain('cannot pull')
  })
  it('no tag, or a 1.31 tag: still the error', () => {
    for (const values of ['      hub: gcr.io/istio-release\n', '      hub: gcr.io/istio-release\n      tag: 1.31.0\n']) {
      const text = istiod(values)
      const found = of(run('istiod.yaml', text, '1.31'), id)
      expect(at(found)).toEqual([['istiod.yaml', lineOf(text, 'hub:'), 'error']])
      expect(found[0].message).toContain('cannot pull')
    }
  })
})

describe('istio-1.31-strict-gateway-merging: a Gateway API Gateway Istio does not deploy is not merged into at all', () => {
  const text = (addresses: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: ingress
spec:
  gatewayClassName: istio
${addresses}  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: legacy
  namespace: apps
spec:
  selector:
    gateway.networking.k8s.io/gateway-name: edge
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
`
  async function findings(yaml: string): Promise<Finding[]> {
    const files: File[] = [{ path: 'gw.yaml', text: yaml }]
    const result = await analyzeAdded(files, '1.31', '1.30')
    return result.findings.filter((f) => /no longer merged/.test(f.message))
  }
  it('is quiet for a manual deployment (spec.addresses with a Hostname)', async () => {
    expect(await findings(text('  addresses:\n  - {type: Hostname, value: istio-ingressgateway.istio-system.svc.cluster.local}\n'))).toEqual([])
  })
  it('still reports a managed gateway (no addresses, or one IP address) at the Istio Gateway selector', async () => {
    for (const addresses of ['', '  addresses:\n  - {type: IPAddress, value: 10.0.0.1}\n']) {
      const yaml = text(addresses)
      expect(at(await findings(yaml))).toEqual([['gw.yaml', lineOf(yaml, 'gateway.networking.k8s.io/gateway-name: edge'), 'error']])
    }
  })
})

describe('istio-1.31-waypoint-canary: a canary weight of 0 shifts nothing on any release', () => {
  const id = 'istio-1.31-waypoint-canary'
  const svc = (weight: string): string => `apiVersion: v1
kind: Service
metadata:
  name: api
  labels:
    istio.io/use-waypoint-canary: api-wp-v2
  annotations:
    istio.io/use-waypoint-canary-weight: "${weight}"
spec:
  ports:
  - port: 80
`
  it('is quiet on 0 and reports 20', () => {
    expect(of(run('svc.yaml', svc('0'), '1.30'), id)).toEqual([])
    const text = svc('20')
    // audit 16 (r16g): the finding sits on the canary label, which needs a non-zero weight to shift anything
    expect(at(of(run('svc.yaml', text, '1.30'), id))).toEqual([['svc.yaml', lineOf(text, 'use-waypoint-canary:'), 'warning']])
  })
})

describe('istio-1.30.5-stats-flush-interval-fixed: a pod without a sidecar has no proxy bootstrap', () => {
  const id = 'istio-1.30.5-stats-flush-interval-fixed'
  const dep = (labels: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: a
spec:
  selector:
    matchLabels: {app: a}
  template:
    metadata:
      labels:
        app: a
${labels}      annotations:
        sidecar.istio.io/statsFlushInterval: 1m
    spec:
      containers:
      - {name: a, image: a}
`
  it('is quiet with sidecar.istio.io/inject: "false" and still an error on an injected pod', () => {
    expect(of(run('dep.yaml', dep('        sidecar.istio.io/inject: "false"\n'), '1.30.4'), id)).toEqual([])
    const text = dep('')
    expect(at(of(run('dep.yaml', text, '1.30.4'), id))).toEqual([['dep.yaml', lineOf(text, 'statsFlushInterval'), 'error']])
  })
})

describe('empty 1.31 settings blocks configure nothing, so an older istiod ignoring them changes nothing', () => {
  const mesh = (body: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
    meshConfig:
${body}`
  it('istio-1.31-proxy-connection-settings: quiet on connectionSettings: {}, a warning with a setting', () => {
    const id = 'istio-1.31-proxy-connection-settings'
    expect(of(run('istiod.yaml', mesh('      defaultConfig:\n        connectionSettings: {}\n'), '1.30'), id)).toEqual([])
    const text = mesh('      defaultConfig:\n        connectionSettings:\n          profile: EDGE\n')
    expect(at(of(run('istiod.yaml', text, '1.30'), id))).toEqual([['istiod.yaml', lineOf(text, 'connectionSettings'), 'warning']])
  })
  it('istio-1.31-meshconfig-fields: quiet on defaultTrafficPolicy: {} and serviceEntryVisibility: {}', () => {
    const id = 'istio-1.31-meshconfig-fields'
    expect(of(run('istiod.yaml', mesh('      defaultTrafficPolicy: {}\n      serviceEntryVisibility: {}\n'), '1.30'), id)).toEqual([])
    const text = mesh('      serviceEntryVisibility:\n        defaultVisibility: NAMESPACE\n')
    expect(at(of(run('istiod.yaml', text, '1.30'), id))).toEqual([['istiod.yaml', lineOf(text, 'serviceEntryVisibility'), 'warning']])
  })
})
