// Round 28 census, share r28e (docs/audit/catalog-audit-28-r28e.md): each fix gets a case that fails on the old entry
// and, where a matcher was narrowed, a trip case that must still report.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string | undefined, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.28-gateway-api-bundle-1.4: from 1.30 the advice names the bundle the target needs, not 1.4', () => {
  const ID = 'istio-1.28-gateway-api-bundle-1.4'
  const CRD = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: backendtlspolicies.gateway.networking.k8s.io\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.3.0\nspec:\n  group: gateway.networking.k8s.io\n'
  const line = lineOf(CRD, 'bundle-version')

  it('on 1.30 and 1.31 no longer tells the user to install the 1.4 CRDs (1.30 needs 1.5 for TLSRoute)', () => {
    for (const t of ['1.30', '1.31']) {
      const fs = of(run('crds/btls.yaml', CRD, t), ID)
      expect(at(fs)).toEqual([`crds/btls.yaml:${line} notice`]) // a notice since r38f: no file sets the alpha flag 1.27 needed
      expect(fs[0].message).not.toMatch(/install the Gateway API 1\.4 CRDs/)
      expect(fs[0].message).toMatch(/1\.5 for Istio 1\.30, 1\.6 for 1\.31/)
    }
  })

  it('on 1.28 and 1.29 keeps the 1.4 advice', () => {
    for (const t of ['1.28', '1.29.3']) {
      const fs = of(run('crds/btls.yaml', CRD, t), ID)
      expect(at(fs)).toEqual([`crds/btls.yaml:${line} notice`]) // a notice since r38f: no file sets the alpha flag 1.27 needed
      expect(fs[0].message).toMatch(/install the Gateway API 1\.4 CRDs/)
    }
  })
})

describe('istio-1.28-h2-upgrade-pool-settings: useClientProtocol turns the upgrade off, so nothing changes', () => {
  const ID = 'istio-1.28-h2-upgrade-pool-settings'
  const dr = (extra: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr\nspec:\n  host: a\n  trafficPolicy:\n    connectionPool:\n      http:\n        h2UpgradePolicy: UPGRADE\n${extra}        maxConcurrentStreams: 100\n`

  it('is silent next to useClientProtocol: true', () => {
    expect(of(run('dr.yaml', dr('        useClientProtocol: true\n'), '1.27'), ID)).toEqual([])
  })

  it('still warns without it (and with useClientProtocol: false)', () => {
    for (const extra of ['', '        useClientProtocol: false\n']) {
      const text = dr(extra)
      expect(at(of(run('dr.yaml', text, '1.27'), ID))).toEqual([`dr.yaml:${lineOf(text, 'maxConcurrentStreams')} warning`])
    }
  })
})

describe('istio-1.29-locality-label: an empty label value sets no locality on any release', () => {
  const ID = 'istio-1.29-locality-label'
  const pod = (v: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    topology.istio.io/locality: ${v}\nspec:\n  containers:\n  - name: c\n    image: c:1\n`
  const we = (v: string) => `apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: w\nspec:\n  address: 10.0.0.1\n  labels:\n    topology.istio.io/locality: ${v}\n`

  it('is silent on an empty value (pod and WorkloadEntry)', () => {
    expect(of(run('p.yaml', pod('""'), '1.28'), ID)).toEqual([])
    expect(of(run('w.yaml', we('""'), '1.28'), ID)).toEqual([])
  })

  it('still warns on a real locality', () => {
    const p = pod('region1.zone1')
    expect(at(of(run('p.yaml', p, '1.28'), ID))).toEqual([`p.yaml:${lineOf(p, 'topology.istio.io/locality')} warning`])
    const w = we('region1.zone1')
    expect(at(of(run('w.yaml', w, '1.28'), ID))).toEqual([`w.yaml:${lineOf(w, 'topology.istio.io/locality')} warning`])
  })
})

describe('istio-1.29-tls-cipher-suites-option: an empty option names no cipher suites', () => {
  const ID = 'istio-1.29-tls-cipher-suites-option'
  const gw = (v: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: shop\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs: [{name: c}]\n      options:\n        gateway.istio.io/tls-cipher-suites: ${v}\n`

  it('is silent on an empty value', () => {
    expect(of(run('gw.yaml', gw('""'), '1.28'), ID)).toEqual([])
  })

  it('still warns on a cipher list', () => {
    const text = gw('ECDHE-RSA-AES256-GCM-SHA384')
    expect(at(of(run('gw.yaml', text, '1.28'), ID))).toEqual([`gw.yaml:${lineOf(text, 'tls-cipher-suites')} warning`])
  })
})

describe('istio-1.30-tlsroute-v1alpha-removed: quiet where Istio does not read the route', () => {
  const MSG = /reads TLSRoute at gateway\.networking\.k8s\.io\/v1 and needs the Gateway API 1\.5 CRDs/
  const route = (gw: string): File => ({
    path: 'routes/tls.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata:\n  name: r\n  namespace: shop\nspec:\n  parentRefs:\n  - name: ${gw}\n  rules:\n  - backendRefs:\n    - name: b\n      port: 443\n`
  })
  const gateway = (name: string, cls: string): File => ({ path: `gw/${name}.yaml`, text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: tls\n    port: 443\n    protocol: TLS\n    tls:\n      mode: Passthrough\n` })
  const off: File = { path: 'istiod/values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API: "false"\n' }

  it('is silent with PILOT_ENABLE_GATEWAY_API=false in another file, and for a route of another controller', async () => {
    const r = route('gw')
    expect(await findings([r, gateway('gw', 'istio'), off], '1.30', '1.29', r.path, MSG)).toEqual([])
    expect(await findings([r, gateway('gw', 'envoy-gateway')], '1.30', '1.29', r.path, MSG)).toEqual([])
  })

  it('still notes an Istio route', async () => {
    const r = route('gw')
    expect(at(await findings([r, gateway('gw', 'istio')], '1.30', '1.29', r.path, MSG))).toEqual([`${r.path}:${lineOf(r.text, 'apiVersion')} notice`])
  })
})

describe('istio-1.29-reconcile-iptables-on-startup: the opt-outs in another values file of the cni chart count', () => {
  const MSG = /rewrites the iptables or nftables rules|reconciles ambient pod rules on startup by default/
  const base: File = { path: 'istio-cni/values.yaml', text: 'profile: ambient\n' }
  const explicit: File = { path: 'istio-cni/values.yaml', text: 'profile: ambient\nambient:\n  reconcileIptablesOnStartup: true\n' }
  const compat: File = { path: 'istio-cni/values-prod.yaml', text: 'compatibilityVersion: "1.28"\n' }
  // (a values file whose only key is ambient is not recognised as Istio values at all; the cni.-prefixed form is)
  const optOut: File = { path: 'istio-cni/values-prod.yaml', text: 'cni:\n  ambient:\n    reconcileIptablesOnStartup: false\n' }
  const iopCompat: File = { path: 'iop/overlay.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: overlay\nspec:\n  compatibilityVersion: "1.28"\n' }

  it('is silent when compatibilityVersion 1.28 or reconcileIptablesOnStartup false sits in another file', async () => {
    expect(await findings([base, compat], '1.29', '1.28', base.path, MSG)).toEqual([])
    expect(await findings([base, optOut], '1.29', '1.28', base.path, MSG)).toEqual([])
    expect(await findings([base, iopCompat], '1.29', '1.28', base.path, MSG)).toEqual([])
    expect(await findings([explicit, compat], '1.29', '1.28', explicit.path, MSG)).toEqual([])
  })

  it('still notes the profile alone and the explicit true alone', async () => {
    expect(at(await findings([base], '1.29', '1.28', base.path, MSG))).toEqual([`${base.path}:1 notice`])
    expect(at(await findings([explicit], '1.29', '1.28', explicit.path, MSG))).toEqual([`${explicit.path}:${lineOf(explicit.text, 'reconcileIptablesOnStartup')} notice`])
  })
})

describe('istio-1.29-wildcard-serviceentry-tls: the message does not promise sidecars support on 1.29', () => {
  const ID = 'istio-1.29-wildcard-serviceentry-tls'
  const SE = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se\n  namespace: shop\nspec:\n  hosts: ["*.example.com"]\n  location: MESH_EXTERNAL\n  ports:\n  - number: 443\n    name: tls\n    protocol: TLS\n  resolution: DYNAMIC_DNS\n'

  it('says 1.29 adds wildcard TLS hosts for waypoints and sidecars only get them in 1.30', () => {
    const fs = of(run('se.yaml', SE, '1.28'), ID)
    expect(at(fs)).toEqual([`se.yaml:${lineOf(SE, 'protocol: TLS')} warning`])
    expect(fs[0].message).toMatch(/through a waypoint/)
    expect(fs[0].message).toMatch(/sidecars only get wildcard DYNAMIC_DNS support in 1\.30/)
  })
})
