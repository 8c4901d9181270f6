// Round 28 census, share r28c (docs/audit/catalog-audit-28-r28c.md): each test fails on the entry as it was before.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string | undefined, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.26-backend-tls-policy-alpha: nothing reads the policy where the repository turns the alpha Gateway API off', () => {
  const MSG = /only from 1\.26 (\(with|and only where istiod runs with) PILOT_ENABLE_ALPHA_GATEWAY_API=true/
  const policy: File = {
    path: 'gw/btls.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1alpha3\nkind: BackendTLSPolicy\nmetadata:\n  name: b\n  namespace: default\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: svc\n  validation:\n    hostname: svc.example.com\n    wellKnownCACertificates: System\n'
  }
  const traffic: File = {
    path: 'gw/btp.yaml',
    text: 'apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XBackendTrafficPolicy\nmetadata:\n  name: t\n  namespace: default\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: svc\n  sessionPersistence:\n    sessionName: s\n'
  }
  const alphaOff: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "false"\n' }
  const apiOff: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API: "false"\n' }

  it('is silent with PILOT_ENABLE_ALPHA_GATEWAY_API or PILOT_ENABLE_GATEWAY_API false in another file', async () => {
    for (const off of [alphaOff, apiOff]) {
      expect(await findings([policy, off], '1.25', '1.24', policy.path, MSG)).toEqual([])
      expect(await findings([traffic, off], '1.25', '1.24', traffic.path, MSG)).toEqual([])
    }
  })

  it('still reports both kinds without such a setting', async () => {
    expect(at(await findings([policy], '1.25', '1.24', policy.path, MSG))).toEqual([`${policy.path}:1 notice`]) // Round 40 (r40c, docs/audit/catalog-audit-40-r40c.md): with no file turning PILOT_ENABLE_ALPHA_GATEWAY_API on, a notice
    expect(at(await findings([traffic], '1.25', '1.24', traffic.path, MSG))).toEqual([`${traffic.path}:1 notice`])
  })
})

describe('istio-1.25-envoy-internal-address: a header match that can never see Envoy\'s "true" changes nothing', () => {
  const MSG = /no longer count private IP addresses as internal/
  const vs = (match: string): File => ({
    path: 'mesh/vs.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: v\n  namespace: default\nspec:\n  hosts: [a]\n  http:\n  - match:\n    - headers:\n        x-envoy-internal:\n          ${match}\n    route:\n    - destination: {host: a}\n`
  })
  const route = (header: string): File => ({
    path: 'gw/route.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: default\nspec:\n  rules:\n  - matches:\n    - headers:\n      - name: x-envoy-internal\n${header}    backendRefs: [{name: a, port: 80}]\n`
  })

  it('is silent for VirtualService exact "false" / prefix "f" and an HTTPRoute Exact value "false"', async () => {
    for (const f of [vs('exact: "false"'), vs('prefix: "f"'), route('        value: "false"\n')]) {
      expect(await findings([f], '1.25', '1.24', f.path, MSG)).toEqual([])
    }
  })

  it('still warns for exact "true", prefix "tr" and a RegularExpression or "true" HTTPRoute value', async () => {
    for (const f of [vs('exact: "true"'), vs('prefix: "tr"')]) {
      expect(at(await findings([f], '1.25', '1.24', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'x-envoy-internal')} warning`])
    }
    for (const f of [route('        value: "true"\n'), route('        type: RegularExpression\n        value: "f.*"\n')]) {
      expect(at(await findings([f], '1.25', '1.24', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'x-envoy-internal')} warning`])
    }
  })
})

describe('istio-1.25-scoping-and-target-port-opt-outs-removed: discoverySelectors in another file make the removed opt-out matter', () => {
  const env: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: "false"\n' }
  const mesh: File = { path: 'istio/mesh-values.yaml', text: 'meshConfig:\n  discoverySelectors:\n  - matchLabels:\n      istio-discovery: enabled\n' }
  const line = lineOf(env.text, 'ENABLE_ENHANCED_RESOURCE_SCOPING')

  it('warns (not the "without them nothing changes" notice) when the selectors sit in another values file', async () => {
    const all = await findings([env, mesh], '1.25', '1.24', env.path, /ENABLE_ENHANCED_RESOURCE_SCOPING/)
    expect(at(all)).toEqual([`${env.path}:${line} warning`])
    expect(all[0]!.message).toMatch(/discoverySelectors set in this repository/)
  })

  it('keeps the notice without selectors anywhere, and one warning when they sit in the same file', async () => {
    expect(at(await findings([env], '1.25', '1.24', env.path, /ENABLE_ENHANCED_RESOURCE_SCOPING/))).toEqual([`${env.path}:${line} notice`])
    const both: File = { path: 'istio/values.yaml', text: env.text + mesh.text }
    expect(at(await findings([both], '1.25', '1.24', both.path, /ENABLE_ENHANCED_RESOURCE_SCOPING/))).toEqual([`${both.path}:${line} warning`])
  })
})

describe('istio-1.26-gateway-replica-count-zero: only a boolean autoscaling.enabled false turns autoscaling off', () => {
  const MSG = /leaves replicas out of the Deployment when replicaCount is 0/
  const hr = (enabled: string): File => ({
    path: 'gw/hr.yaml',
    text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: gw\n  namespace: istio-ingress\nspec:\n  chart:\n    spec:\n      chart: gateway\n      version: 1.25.2\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n    replicaCount: 0\n    autoscaling:\n      enabled: ${enabled}\n`
  })

  it('is silent for a quoted "false" (the chart schema rejects it, and the template treats it as on)', async () => {
    const f = hr('"false"')
    expect(await findings([f], '1.25', undefined, f.path, MSG)).toEqual([])
  })

  it('still warns for a boolean false', async () => {
    const f = hr('false')
    expect(at(await findings([f], '1.25', undefined, f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'replicaCount')} warning`])
  })
})

describe('istio-1.26-cni-host-network: an IstioOperator that turns the cni component off runs no node agent', () => {
  const MSG = /no longer runs in the host network namespace/
  const iop = (extra: string): File => ({
    path: 'istio/iop.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  profile: ambient\n${extra}`
  })

  it('is silent with spec.components.cni.enabled false', async () => {
    const f = iop('  components:\n    cni:\n      enabled: false\n')
    expect(await findings([f], '1.26', '1.25', f.path, MSG)).toEqual([])
  })

  it('still notes the ambient profile without it', async () => {
    const f = iop('')
    expect(at(await findings([f], '1.26', '1.25', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'profile: ambient')} notice`])
  })
})

describe('istio-1.27-incomplete-cacerts-fails: a cacerts holding only root-cert.pem is not reported (narrowed)', () => {
  const MSG = /refuses to start with an incomplete cacerts Secret/
  const secret = (data: string): File => ({ path: 'ca/cacerts.yaml', text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\n  namespace: istio-system\ndata:\n${data}` })

  it('is silent for root-cert.pem alone (extra roots for the self-signed CA before 1.27)', async () => {
    const f = secret('  root-cert.pem: LS0tLS1CRUdJTg==\n')
    expect(await findings([f], '1.27', '1.26', f.path, MSG)).toEqual([])
  })

  it('still errs when a signing file sits next to it without the rest', async () => {
    const f = secret('  root-cert.pem: LS0tLS1CRUdJTg==\n  ca-cert.pem: LS0tLS1CRUdJTg==\n  ca-key.pem: LS0tLS1CRUdJTg==\n')
    expect(at(await findings([f], '1.27', '1.26', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'name: cacerts')} error`])
  })
})

describe('istio-1.25-scoping-and-target-port-opt-outs-removed: an IstioOperator overlay holding the selectors counts too', () => {
  const env: File = { path: 'istio/iop-a.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: a\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        ENABLE_ENHANCED_RESOURCE_SCOPING: "false"\n' }
  const mesh: File = { path: 'istio/iop-b.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: b\n  namespace: istio-system\nspec:\n  meshConfig:\n    discoverySelectors:\n    - matchExpressions:\n      - key: istio-discovery\n        operator: In\n        values: [enabled]\n' }

  it('warns at the variable when spec.meshConfig.discoverySelectors sit in another IstioOperator', async () => {
    expect(at(await findings([env, mesh], '1.25', '1.24', env.path, /ENABLE_ENHANCED_RESOURCE_SCOPING/))).toEqual([`${env.path}:${lineOf(env.text, 'ENABLE_ENHANCED_RESOURCE_SCOPING')} warning`])
  })
})
