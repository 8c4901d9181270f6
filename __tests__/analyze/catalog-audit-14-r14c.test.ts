// Audit 14 (r14c, census of 29 entries of 1.24–1.26): the ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-14-r14c.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { added, snapshotOf, type File } from '../support/snapshot.js'


describe('istio-1.24-traffic-distribution-annotation: only PreferClose means anything to the 1.24 ztunnel', () => {
  const ID = 'istio-1.24-traffic-distribution-annotation'
  const service = (value: string, spec = '') =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    networking.istio.io/traffic-distribution: ${value}\nspec:\n${spec}  selector:\n    app: web\n  ports:\n  - port: 80\n`
  const path = 'apps/web/service.yaml'

  for (const value of ['Any', 'PreferSameNode', 'PreferSameZone', 'bogus']) {
    it(`is silent on ${value} for 1.23 (1.24–1.26 treat it as no preference, like the older releases)`, () => {
      expect(of(run(path, service(value), '1.23'), ID)).toEqual([])
    })
  }

  it('is silent when the Service already sets spec.trafficDistribution: PreferClose (ztunnel reads that before 1.24)', () => {
    expect(of(run(path, service('PreferClose', '  trafficDistribution: PreferClose\n'), '1.23'), ID)).toEqual([])
  })

  it('still warns on PreferClose for 1.23, on the annotation line, and is silent for 1.24', () => {
    const text = service('PreferClose')
    const found = of(run(path, text, '1.23'), ID)
    expect(at(found)).toEqual([`${path}:${lineOf(text, 'traffic-distribution:')} warning`])
    expect(found[0].message).toContain('only from Istio 1.24')
    expect(of(run(path, text, '1.24', '1.23'), ID)).toEqual([])
  })

  it('still warns on a ServiceEntry with PreferClose for 1.23', () => {
    const text = `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  annotations:\n    networking.istio.io/traffic-distribution: PreferClose\nspec:\n  hosts:\n  - ext.example.com\n  resolution: DNS\n  ports:\n  - number: 443\n    name: tls\n    protocol: TLS\n`
    expect(at(of(run('mesh/se.yaml', text, '1.23'), ID))).toEqual([`mesh/se.yaml:${lineOf(text, 'traffic-distribution:')} warning`])
  })
})

describe('istio-1.24-tracing-provider-fields: an empty initialMetadata list sends nothing on any release', () => {
  const ID = 'istio-1.24-tracing-provider-fields'
  const mesh = (grpc: string) =>
    `meshConfig:\n  extensionProviders:\n  - name: otel\n    opentelemetry:\n      service: otel.observability.svc.cluster.local\n      port: 4317\n      grpc:\n${grpc}`
  const path = 'istio/values.yaml'

  it('is silent on initialMetadata: [] for 1.23', () => {
    expect(of(run(path, mesh('        initialMetadata: []\n'), '1.23'), ID)).toEqual([])
  })

  it('still warns on a non-empty initialMetadata for 1.23, on its first item, and is silent for 1.24', () => {
    const text = mesh('        initialMetadata:\n        - name: x-token\n          value: abc\n')
    const found = of(run(path, text, '1.23'), ID)
    expect(at(found)).toEqual([`${path}:${lineOf(text, '- name: x-token')} warning`])
    expect(found[0].message).toContain('initialMetadata only exists from Istio 1.24')
    expect(of(run(path, text, '1.24', '1.23'), ID)).toEqual([])
  })

  it('still warns on grpc.timeout for 1.23', () => {
    const text = mesh('        timeout: 3s\n')
    expect(at(of(run(path, text, '1.23'), ID))).toEqual([`${path}:${lineOf(text, 'timeout: 3s')} warning`])
  })
})

describe('istio-1.25-ingress-use-waypoint-on-namespace: the 1.25 namespace lookup only honours "true" (any case)', () => {
  const ID = 'istio-1.25-ingress-use-waypoint-on-namespace'
  const ns = (value: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/use-waypoint: waypoint\n    istio.io/ingress-use-waypoint: "${value}"\n`
  const path = 'namespaces/shop.yaml'

  for (const value of ['1', 't', 'T', 'false']) {
    it(`is silent on "${value}" for 1.24 (1.25 ignores it on a Namespace too)`, () => {
      expect(of(run(path, ns(value), '1.24'), ID)).toEqual([])
    })
  }

  for (const value of ['true', 'True', 'TRUE']) {
    it(`still warns on "${value}" for 1.24 and is silent for 1.25`, () => {
      const text = ns(value)
      expect(at(of(run(path, text, '1.24'), ID))).toEqual([`${path}:${lineOf(text, 'ingress-use-waypoint')} warning`])
      expect(of(run(path, text, '1.25', '1.24'), ID)).toEqual([])
    })
  }
})

describe('istio-1.25-ip-autoallocate: a compatibilityVersion opt-out only counts while the target still ships that profile', () => {
  const se: File = {
    path: 'mesh/se.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\nspec:\n  hosts:\n  - api.example.com\n  resolution: DNS\n  ports:\n  - number: 443\n    name: tls\n    protocol: TLS\n',
  }
  const compat = (v: string): File => ({ path: 'istio/istiod-values.yaml', text: `# istiod chart values\ncompatibilityVersion: "${v}"\npilot:\n  autoscaleEnabled: false\n` })
  async function autoallocate(files: readonly File[], target: string, from: string): Promise<Finding[]> {
    const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
    return result.findings.filter((f) => /writes a virtual IP/.test(f.message))
  }

  it('compatibilityVersion 1.24 keeps the ServiceEntry quiet for 1.25–1.27, which still ship that profile', async () => {
    for (const target of ['1.25', '1.27']) expect(await autoallocate([se, compat('1.24')], target, '1.24')).toEqual([])
  })

  it('compatibilityVersion 1.24 no longer counts for 1.28 (its profile is gone), so the notice comes back', async () => {
    const found = await autoallocate([se, compat('1.24')], '1.28', '1.24')
    expect(at(found)).toEqual([`mesh/se.yaml:${lineOf(se.text, 'resolution: DNS')} notice`])
  })

  it('compatibilityVersion 1.22 no longer counts for 1.26', async () => {
    const found = await autoallocate([se, compat('1.22')], '1.26', '1.24')
    expect(at(found)).toEqual([`mesh/se.yaml:${lineOf(se.text, 'resolution: DNS')} notice`])
  })
})

describe('istio-1.25-envoy-internal-address: a notValues condition on x-envoy-internal starts holding, it does not stop', () => {
  const ID = 'istio-1.25-envoy-internal-address'
  const policy = (action: string, cond: string) =>
    `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: internal-only\n  namespace: shop\nspec:\n  action: ${action}\n  rules:\n  - when:\n    - key: request.headers[x-envoy-internal]\n      ${cond}\n`
  const path = 'security/internal.yaml'

  it('says the notValues condition starts holding (ALLOW lets private-network requests through), as an error', () => {
    const text = policy('ALLOW', 'notValues: ["true"]')
    const found = of(run(path, text, '1.25', '1.24'), ID)
    expect(at(found)).toEqual([`${path}:${lineOf(text, 'key: request.headers')} error`])
    expect(found[0].message).toContain('this notValues condition starts holding')
    expect(found[0].message).not.toContain('stops holding')
  })

  it('still says a values condition stops holding', () => {
    const text = policy('ALLOW', 'values: ["true"]')
    const found = of(run(path, text, '1.25', '1.24'), ID)
    expect(at(found)).toEqual([`${path}:${lineOf(text, 'key: request.headers')} error`])
    expect(found[0].message).toContain('stops holding for requests from private networks')
  })

  it('is quiet when an EnvoyFilter in another analysed file sets internal_address_config itself (the internal ranges are chosen there)', async () => {
    const ap: File = { path, text: policy('ALLOW', 'values: ["true"]') }
    const ef: File = {
      path: 'mesh/internal-address.yaml',
      text: `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: internal-address\n  namespace: istio-system\nspec:\n  configPatches:\n  - applyTo: NETWORK_FILTER\n    match:\n      listener:\n        filterChain:\n          filter:\n            name: envoy.filters.network.http_connection_manager\n    patch:\n      operation: MERGE\n      value:\n        typed_config:\n          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager\n          internal_address_config:\n            cidr_ranges:\n            - address_prefix: 10.0.0.0\n              prefix_len: 8\n`,
    }
    const alone = await runAnalysis({ changes: added([ap]), head: snapshotOf([ap]) }, { target: '1.25', from: '1.24', paths: [] })
    expect(at(alone.findings.filter((f) => /x-envoy-internal/.test(f.message)))).toEqual([`${path}:${lineOf(ap.text, 'key: request.headers')} error`])
    const both = await runAnalysis({ changes: added([ap, ef]), head: snapshotOf([ap, ef]) }, { target: '1.25', from: '1.24', paths: [] })
    expect(both.findings.filter((f) => /x-envoy-internal/.test(f.message))).toEqual([])
  })
})
