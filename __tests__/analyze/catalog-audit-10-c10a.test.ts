// Audit 10 (c10a, entries of 1.20–1.22): the ❌ found in the third census, each pinned to file and line.
// See docs/audit/catalog-audit-10-c10a.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string | undefined, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const values = (text: string): File => ({ path: 'platform/istiod/values.yaml', text })

describe('opt-out notices of 1.21/1.22 switches stop once the switch is gone (match-level until)', () => {
  const cases: [string, RegExp, string, string][] = [
    ['VERIFY_CERTIFICATE_AT_CLIENT', /keeps server certificates of TLS origination unverified/, '1.21', '1.24'],
    ['ENABLE_EXTERNAL_NAME_ALIAS', /keeps the old ExternalName handling/, '1.22', '1.24'], // from 1.22: 1.21 warns about the 1.21.0 regression (audit 14 r14a)
    ['ENABLE_AUTO_SNI', /keeps auto SNI off/, '1.21', '1.26'],
    ['ENABLE_ENHANCED_RESOURCE_SCOPING', /keeps istiod reading config from every namespace/, '1.22', '1.25'],
    ['ENABLE_RESOLUTION_NONE_TARGET_PORT', /keeps targetPort ignored/, '1.22', '1.25']
  ]
  for (const [name, message, since, gone] of cases) {
    const file = values(`pilot:\n  env:\n    ${name}: "false"\n`)
    it(`${name}: a notice at its line up to ${gone}, nothing from ${gone} on`, async () => {
      const line = lineOf(file.text, name)
      expect(at(await findings([file], since, '1.20', file.path, message))).toEqual([`${file.path}:${line} notice`])
      expect(await findings([file], gone, '1.20', file.path, message)).toEqual([])
      expect(await findings([file], '1.27', '1.20', file.path, message)).toEqual([])
    })
  }
})

describe('istio-1.20-sidecar-startup-probe: startupProbe.enabled=false in the istiod values silences the pod annotations', () => {
  const dep: File = {
    path: 'apps/web.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        readiness.status.sidecar.istio.io/periodSeconds: "2"\n    spec:\n      containers:\n      - name: web\n        image: web\n'
  }
  const SP = /gets a startup probe/
  it('reports the override at its line without an opt-out', async () => {
    expect(at(await findings([dep], '1.20', '1.19', dep.path, SP))).toEqual([`${dep.path}:${lineOf(dep.text, 'periodSeconds')} warning`])
  })
  it('is silent when the startup probe is switched off for the mesh', async () => {
    expect(await findings([dep, values('global:\n  proxy:\n    startupProbe:\n      enabled: false\n')], '1.20', '1.19', dep.path, SP)).toEqual([])
  })
})

describe('istio-1.20-consistent-hash-minimum-ring-size-deprecated: the new key next to the old one', () => {
  const dr = 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r.ns.svc.cluster.local\n  trafficPolicy:\n    loadBalancer:\n      consistentHash:\n        httpHeaderName: x-user\n        minimumRingSize: 1024\n        ringHash:\n          minimumRingSize: 1024\n'
  it('says the old key can go instead of asking to set the new one', () => {
    const found = of(run('dr.yaml', dr, '1.20'), 'istio-1.20-consistent-hash-minimum-ring-size-deprecated')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(dr, '        minimumRingSize: 1024')} notice`])
    expect(found[0]?.message).toContain('already set next to it')
  })
  it('still asks for the new key when only the old one is written', () => {
    const only = dr.replace('        ringHash:\n          minimumRingSize: 1024\n', '')
    const found = of(run('dr.yaml', only, '1.20'), 'istio-1.20-consistent-hash-minimum-ring-size-deprecated')
    expect(found.map((f) => f.line)).toEqual([lineOf(only, 'minimumRingSize')])
    expect(found[0]?.message).toContain('set consistentHash.ringHash.minimumRingSize instead')
  })
})

describe('istio-1.21-auto-sni: no advice to send "no SNI", which tls.sni cannot do', () => {
  const dr = 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api.example.com\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n'
  it('reports tls.mode at its line with advice about a different name only', () => {
    const found = of(run('dr.yaml', dr, '1.21', '1.20'), 'istio-1.21-auto-sni')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(dr, 'mode: SIMPLE')} warning`])
    expect(found[0]?.message).not.toMatch(/or none/)
  })
})

describe('istio-1.21-verify-cert-at-client-typo: the real switch set elsewhere makes the claim false', () => {
  const typo = values('pilot:\n  env:\n    VERIFY_CERT_AT_CLIENT: "false"\n')
  const TY = /VERIFY_CERT_AT_CLIENT \(as the 1\.21 notes spell it\)/
  it('reports the misspelt variable at its line alone', async () => {
    expect(at(await findings([typo], '1.21', '1.20', typo.path, TY))).toEqual([`${typo.path}:${lineOf(typo.text, 'VERIFY_CERT_AT_CLIENT')} warning`])
  })
  it('is silent when VERIFY_CERTIFICATE_AT_CLIENT=false or compatibilityVersion 1.20 keeps verification off', async () => {
    const right: File = { path: 'platform/istiod/values-prod.yaml', text: 'pilot:\n  env:\n    VERIFY_CERTIFICATE_AT_CLIENT: "false"\n' }
    expect(await findings([typo, right], '1.21', '1.20', typo.path, TY)).toEqual([])
    const compat: File = { path: 'platform/istiod/values-compat.yaml', text: 'compatibilityVersion: "1.20"\n' }
    expect(await findings([typo, compat], '1.22', '1.20', typo.path, TY)).toEqual([])
  })
})

describe('istio-1.21-private-key-provider-fallback: fallback false is what older proxies do anyway', () => {
  const mesh = (v: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultConfig:\n      privateKeyProvider:\n        cryptomb:\n          pollDelay: 10ms\n          fallback: ${v}\n`
  it('reports fallback: true at its line at 1.20', () => {
    const text = mesh('true')
    const found = of(run('mesh.yaml', text, '1.20'), 'istio-1.21-private-key-provider-fallback')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(text, 'fallback:')} warning`])
  })
  it('is silent on fallback: false', () => {
    expect(of(run('mesh.yaml', mesh('false'), '1.20'), 'istio-1.21-private-key-provider-fallback')).toEqual([])
  })
})

describe('istio-1.21-compliance-policy and istio-1.21-sidecar-scope-concurrency-env: values that change nothing on older releases', () => {
  const env = (name: string, v: string): File => values(`pilot:\n  env:\n    ${name}: "${v}"\n`)
  it('COMPLIANCE_POLICY: fips-140-2 is reported at its line on 1.20.3, an empty value is not', async () => {
    const set = env('COMPLIANCE_POLICY', 'fips-140-2')
    expect(at(await findings([set], '1.20.3', undefined, set.path, /COMPLIANCE_POLICY/))).toEqual([`${set.path}:${lineOf(set.text, 'COMPLIANCE_POLICY')} warning`])
    const empty = env('COMPLIANCE_POLICY', '')
    expect(await findings([empty], '1.20.3', undefined, empty.path, /COMPLIANCE_POLICY/)).toEqual([])
  })
  it('PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY: 4 is reported at its line on 1.20, 1 (the default) is not', async () => {
    const four = env('PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY', '4')
    expect(at(await findings([four], '1.20', undefined, four.path, /concurrent SidecarScope/))).toEqual([`${four.path}:${lineOf(four.text, 'PILOT_CONVERT')} notice`])
    const one = env('PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY', '1')
    expect(await findings([one], '1.20', undefined, one.path, /concurrent SidecarScope/)).toEqual([])
  })
})

describe('istio-1.21-jwt-authn-metadata-key: a patch anchored on istio_authn gets a true message and no rename', () => {
  const ef =
    'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: after-authn\nspec:\n  configPatches:\n  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n      listener:\n        filterChain:\n          filter:\n            name: envoy.filters.network.http_connection_manager\n            subFilter:\n              name: istio_authn\n    patch:\n      operation: INSERT_AFTER\n      value:\n        name: envoy.lua\n'
  it('reports the anchor at its line, says the filter is gone, and offers no replaceText fix', () => {
    const found = of(run('ef.yaml', ef, '1.21'), 'istio-1.21-jwt-authn-metadata-key')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(ef, 'name: istio_authn')} warning`])
    expect(found[0]?.message).toContain('a patch anchored on the filter no longer applies')
    expect(found[0]?.fix).toBeUndefined()
  })
})

describe('istio-1.22-enhanced-resource-scoping-typo: the real switch set elsewhere makes the claim false', () => {
  // selectors in the same values: without any, scoping changes nothing and the finding is a notice (audit 34 r34a)
  const typo = values('pilot:\n  env:\n    ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING: "false"\nmeshConfig:\n  discoverySelectors:\n  - matchLabels: {istio-discovery: enabled}\n')
  const TY = /ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING \(as the 1\.22 change notes spell it\)/
  it('reports the misspelt variable at its line alone', async () => {
    expect(at(await findings([typo], '1.22', '1.21', typo.path, TY))).toEqual([`${typo.path}:${lineOf(typo.text, 'ENABLE_AUTO')} warning`])
  })
  it('is silent with ENABLE_ENHANCED_RESOURCE_SCOPING=false or compatibilityVersion 1.21 in another file', async () => {
    const right: File = { path: 'platform/istiod/values-prod.yaml', text: 'pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: "false"\n' }
    expect(await findings([typo, right], '1.22', '1.21', typo.path, TY)).toEqual([])
    const compat: File = { path: 'platform/istiod/values-compat.yaml', text: 'compatibilityVersion: "1.21"\n' }
    expect(await findings([typo, compat], '1.23', '1.21', typo.path, TY)).toEqual([])
  })
})

describe('istio-1.22-default-zipkin-tracing-removed: a tracing extension provider in the same mesh config', () => {
  const mesh = (extra: string): File => ({
    path: 'platform/mesh.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    enableTracing: true\n${extra}`
  })
  const ZK = /no longer sends traces to zipkin/
  it('reports enableTracing alone at its line', async () => {
    const m = mesh('')
    expect(at(await findings([m], '1.22', '1.21', m.path, ZK))).toEqual([`${m.path}:${lineOf(m.text, 'enableTracing')} warning`])
  })
  it('is silent when an extension provider for tracing is defined (a Telemetry resource selects it)', async () => {
    const m = mesh('    extensionProviders:\n    - name: otel\n      opentelemetry:\n        service: otel-collector.observability.svc.cluster.local\n        port: 4317\n')
    const telemetry: File = { path: 'platform/telemetry.yaml', text: 'apiVersion: telemetry.istio.io/v1alpha1\nkind: Telemetry\nmetadata:\n  name: mesh-default\n  namespace: istio-system\nspec:\n  tracing:\n  - providers:\n    - name: otel\n' }
    expect(await findings([m, telemetry], '1.22', '1.21', m.path, ZK)).toEqual([])
  })
})

describe('istio-1.22-waypoint-service-account-binding-removed: the advice names what a pod label needs', () => {
  const gw =
    'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: Gateway\nmetadata:\n  name: reviews-waypoint\n  annotations:\n    istio.io/for-service-account: reviews\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n'
  it('reports the annotation at its line and says pods need istio.io/waypoint-for on the waypoint', () => {
    const found = of(run('gw.yaml', gw, '1.22'), 'istio-1.22-waypoint-service-account-binding-removed')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(gw, 'for-service-account')} error`])
    expect(found[0]?.message).toContain('istio.io/waypoint-for: workload or all')
  })
})

describe('istio-1.22-waypoint-service-account-binding-removed: a waypoint already on the 1.22 model', () => {
  const gw =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: reviews-waypoint\n  labels:\n    istio.io/waypoint-for: workload\n  annotations:\n    istio.io/for-service-account: reviews\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n'
  it('gets a notice at the annotation line that the leftover annotation can go, not an error', () => {
    const found = of(run('gw.yaml', gw, '1.22'), 'istio-1.22-waypoint-service-account-binding-removed')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(gw, 'for-service-account')} notice`])
    expect(found[0]?.message).toContain('the annotation can go')
  })
})

describe('istio-1.21-externalname-alias: the message does not claim every VirtualService route breaks', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: db.example.com\n'
  it('reports the Service type at its line and names the condition under which routes stop working', () => {
    const found = of(run('svc.yaml', svc, '1.21', '1.20'), 'istio-1.21-externalname-alias')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(svc, 'type: ExternalName')} warning`])
    expect(found[0]?.message).toContain('unless its target exists as a Service or ServiceEntry')
  })
})

describe('istio-1.21-destination-rule-connection-pool-fields: proxyProtocol at port level exists in no release', () => {
  const dr = (where: string) =>
    `apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: pp\nspec:\n  host: pp.ns.svc.cluster.local\n  trafficPolicy:\n${where}`
  it('reports trafficPolicy.proxyProtocol at its line at 1.20', () => {
    const text = dr('    proxyProtocol:\n      version: V1\n')
    const found = of(run('dr.yaml', text, '1.20'), 'istio-1.21-destination-rule-connection-pool-fields')
    expect(found.map((f) => `${f.line} ${f.severity}`)).toEqual([`${lineOf(text, 'proxyProtocol:')} error`])
  })
  it('does not claim a portLevelSettings proxyProtocol exists from 1.21', () => {
    const text = dr('    portLevelSettings:\n    - port:\n        number: 5432\n      proxyProtocol:\n        version: V1\n')
    expect(of(run('dr.yaml', text, '1.20'), 'istio-1.21-destination-rule-connection-pool-fields')).toEqual([])
  })
})
