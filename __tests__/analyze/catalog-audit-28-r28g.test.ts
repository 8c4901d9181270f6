// Round 28 census, share r28g (docs/audit/catalog-audit-28-r28g.md): each ❌ fixed in this share gets a case that the
// old entry got wrong, and a trip case where the still-right finding stays.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.31-waypoint-canary: a canary that names the primary waypoint in the primary namespace changes nothing', () => {
  const ID = 'istio-1.31-waypoint-canary'
  // The canary waypoint is looked up in the object's own namespace unless use-waypoint-canary-namespace says otherwise
  // (labels.yaml, istio.io/use-waypoint-canary); the primary is in use-waypoint-namespace.
  const obj = (kind: string, ns: string, waypointNs: string, extra = ''): string =>
    `apiVersion: ${kind === 'ServiceEntry' ? 'networking.istio.io/v1' : 'v1'}\nkind: ${kind}\nmetadata:\n  name: ${kind === 'Namespace' ? ns : 'reviews'}\n` +
    (kind === 'Namespace' ? '' : `  namespace: ${ns}\n`) +
    `  labels:\n    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-namespace: ${waypointNs}\n    istio.io/use-waypoint-canary: wp\n` +
    `  annotations:\n    istio.io/use-waypoint-canary-weight: "10"\n${extra}`
  const svcSpec = 'spec:\n  ports:\n  - port: 80\n'
  const seSpec = 'spec:\n  hosts:\n  - ext.example.com\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n  resolution: DNS\n'

  it('is silent on a Service, a Namespace and a ServiceEntry whose use-waypoint-namespace is their own namespace', () => {
    expect(of(run('svc.yaml', obj('Service', 'app', 'app', svcSpec), '1.30'), ID)).toEqual([])
    expect(of(run('ns.yaml', obj('Namespace', 'app', 'app'), '1.30'), ID)).toEqual([])
    expect(of(run('se.yaml', obj('ServiceEntry', 'app', 'app', seSpec), '1.30'), ID)).toEqual([])
  })

  it('still warns at the canary label when the primary sits in another namespace (the canary is a second waypoint)', () => {
    for (const [kind, extra] of [['Service', svcSpec], ['Namespace', ''], ['ServiceEntry', seSpec]] as const) {
      const text = obj(kind, 'app', 'shared', extra)
      expect(at(of(run('o.yaml', text, '1.30'), ID))).toEqual([`o.yaml:${lineOf(text, 'use-waypoint-canary: wp')} warning`])
      expect(of(run('o.yaml', text, '1.31'), ID)).toEqual([])
    }
  })
})

describe('istio-1.31-sidecar-egress-host-exclusions: an exclusion only matters next to an entry that imports a host set', () => {
  const ID = 'istio-1.31-sidecar-egress-host-exclusions'
  const sidecar = (hosts: string[]): string =>
    `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: app\nspec:\n  egress:\n  - hosts:\n${hosts.map((h) => `    - "${h}"\n`).join('')}`

  it('is silent when the other entries name single hosts (the excluded host is not imported either way)', () => {
    const text = sidecar(['./reviews.app.svc.cluster.local', '~/ratings.app.svc.cluster.local'])
    expect(of(run('sc.yaml', text, '1.30'), ID)).toEqual([])
  })

  it('still warns when another entry imports a namespace or a wildcard host set', () => {
    for (const hosts of [['*/*', '~/ratings.app.svc.cluster.local'], ['./*.example.com', '~/api.example.com']]) {
      const text = sidecar(hosts)
      expect(at(of(run('sc.yaml', text, '1.30'), ID))).toEqual([`sc.yaml:${lineOf(text, '- hosts:')} warning`])
      expect(of(run('sc.yaml', text, '1.31'), ID)).toEqual([])
    }
  })
})

describe('istio-1.31-proxy-connection-settings: the enum number 0 is the default profile (SIDECAR: "preserves existing Istio behavior")', () => {
  const ID = 'istio-1.31-proxy-connection-settings'
  const pc = (v: string): string =>
    `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: iop\n  namespace: istio-system\nspec:\n  meshConfig:\n    defaultConfig:\n      connectionSettings:\n        profile: ${v}\n`
  it('is silent on profile 0 as on profile SIDECAR', () => {
    expect(of(run('pc.yaml', pc('0'), '1.30'), ID)).toEqual([])
    expect(of(run('pc.yaml', pc('SIDECAR'), '1.30'), ID)).toEqual([])
  })
  it('still warns on profile EDGE before 1.31', () => {
    const text = pc('EDGE')
    expect(at(of(run('pc.yaml', text, '1.30'), ID))).toEqual([`pc.yaml:${lineOf(text, 'connectionSettings')} warning`])
  })
})

describe('istio-1.20-envoy-filter-order: metadata exchange stays first on gateway network chains (istio/istio#46899)', () => {
  const ID = 'istio-1.20-envoy-filter-order'
  const ef = (context: string, op: string, anchor: string): string =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: e\n  namespace: istio-system\nspec:\n  configPatches:\n  - applyTo: NETWORK_FILTER\n    match:\n      context: ${context}\n      listener:\n        filterChain:\n          filter:\n            name: ${anchor}\n    patch:\n      operation: ${op}\n      value:\n        name: my.filter\n`
  it('is silent on a gateway filter inserted next to metadata exchange (it precedes every Istio filter before and after 1.20)', () => {
    for (const op of ['INSERT_BEFORE', 'INSERT_AFTER']) {
      expect(of(run('ef.yaml', ef('GATEWAY', op, 'istio.metadata_exchange'), '1.20', '1.19'), ID)).toEqual([])
    }
  })
  it('still warns next to the gateway RBAC filter and next to inbound metadata exchange', () => {
    for (const text of [ef('GATEWAY', 'INSERT_AFTER', 'envoy.filters.network.rbac'), ef('SIDECAR_INBOUND', 'INSERT_AFTER', 'istio.metadata_exchange')]) {
      expect(at(of(run('ef.yaml', text, '1.20', '1.19'), ID))).toEqual([`ef.yaml:${lineOf(text, '- applyTo')} warning`])
    }
  })
})

describe('istio-1.31.1-jwks-link-local-blocked: istiod that already blocks 169.254.0.0/16 (BLOCKED_CIDRS_IN_JWKS_URIS) never fetched this jwksUri', () => {
  const ra: File = {
    path: 'auth/ra.yaml',
    text: 'apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: jwt\n  namespace: app\nspec:\n  jwtRules:\n  - issuer: https://issuer.example.com\n    jwksUri: http://169.254.169.254/jwks.json\n'
  }
  const istiod = (cidrs: string): File => ({ path: 'istio/istiod-values.yaml', text: `pilot:\n  env:\n    BLOCKED_CIDRS_IN_JWKS_URIS: "${cidrs}"\n` })
  const errs = async (files: File[]): Promise<string[]> =>
    at((await analyzeAdded(files, '1.31.1', '1.31.0')).findings.filter((f) => f.file === ra.path && /refuses to fetch JWKS/.test(f.message)))
  it('is silent where istiod already blocks the IPv4 link-local range', async () => {
    expect(await errs([ra, istiod('10.0.0.0/8,169.254.0.0/16')])).toEqual([])
  })
  it('still errs without that block, or with a block that leaves link-local reachable', async () => {
    const want = [`${ra.path}:${lineOf(ra.text, 'jwksUri')} error`]
    expect(await errs([ra])).toEqual(want)
    expect(await errs([ra, istiod('10.0.0.0/8')])).toEqual(want)
  })
})

describe('istio-1.31-agentgateway-waypoint: a GatewayClass of that name written in the repository exists on any release', () => {
  const gw: File = {
    path: 'mesh/wp.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: wp\n  namespace: app\nspec:\n  gatewayClassName: istio-agentgateway-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n'
  }
  const cls: File = {
    path: 'mesh/class.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: istio-agentgateway-waypoint\nspec:\n  controllerName: agentgateway.dev/agentgateway\n'
  }
  const errs = async (files: File[]): Promise<string[]> =>
    at((await analyzeAdded(files, '1.30', '1.30')).findings.filter((f) => f.file === gw.path && /only exists from Istio 1.31/.test(f.message)))
  it('is silent next to the GatewayClass, errs without it', async () => {
    expect(await errs([gw, cls])).toEqual([])
    expect(await errs([gw])).toEqual([`${gw.path}:${lineOf(gw.text, 'gatewayClassName')} error`])
  })
})
