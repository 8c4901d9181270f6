// Audit 10 (c10e, third census of the 1.27/1.28 entries): each ❌ fixed in data/catalog, pinned to file and line.
// See docs/audit/catalog-audit-10-c10e.md.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.27.1-retry-budget-only-policy: 1.27.0 rejects a traffic policy whose only setting is retryBudget', () => {
  const ID = 'istio-1.27.1-retry-budget-only-policy'
  const OLD = 'istio-1.27-retry-budget'
  const only =
    'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r.default.svc.cluster.local\n  trafficPolicy:\n    retryBudget:\n      percent: 20\n  subsets:\n  - name: v1\n    labels: {version: v1}\n    trafficPolicy:\n      retryBudget:\n        percent: 10\n'
  const top = lineOf(only, '    retryBudget:')
  const subset = lineOf(only, '      retryBudget:')

  it('reports both budget-only policies on 1.27.0, at their retryBudget lines (the 1.27 entry alone said nothing there)', () => {
    const found = run('dr.yaml', only, '1.27.0')
    expect(at(of(found, ID))).toEqual([`dr.yaml:${top} error`, `dr.yaml:${subset} error`])
    expect(of(found, ID)[0]?.message).toContain('1.27.1')
    expect(of(found, OLD)).toEqual([])
  })

  it('is silent on 1.27.1 and later, and before 1.27 where the 1.27 entry reports the field itself', () => {
    for (const target of ['1.27.1', '1.28']) expect(of(run('dr.yaml', only, target), ID)).toEqual([])
    const old = run('dr.yaml', only, '1.26')
    expect(of(old, ID)).toEqual([])
    expect(at(of(old, OLD))).toEqual([`dr.yaml:${top} error`, `dr.yaml:${subset} error`])
  })

  it('is silent on 1.27.0 when the policy has another setting next to the budget', () => {
    const text =
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: r.default.svc.cluster.local\n  trafficPolicy:\n    connectionPool:\n      http: {http2MaxRequests: 100}\n    retryBudget:\n      percent: 20\n'
    expect(of(run('dr.yaml', text, '1.27.0'), ID)).toEqual([])
  })
})

describe('istio-1.27-gateway-multiple-certificates: only modes that serve the certificates, and a message true for one item', () => {
  const ID = 'istio-1.27-gateway-multiple-certificates'
  const gw = (mode: string) =>
    `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 443, name: tls, protocol: TLS}\n    hosts: ["*"]\n    tls:\n      mode: ${mode}\n      credentialNames: [rsa, ecdsa]\n`

  it('is silent on PASSTHROUGH, AUTO_PASSTHROUGH and ISTIO_MUTUAL servers, which never serve these certificates', () => {
    for (const mode of ['PASSTHROUGH', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL']) expect(of(run('gw.yaml', gw(mode), '1.26'), ID)).toEqual([])
  })

  it('still reports a SIMPLE server on 1.26, at credentialNames, naming the field', () => {
    const text = gw('SIMPLE')
    const found = of(run('gw.yaml', text, '1.26'), ID)
    expect(at(found)).toEqual([`gw.yaml:${lineOf(text, 'credentialNames')} error`])
    expect(found[0]?.message).toContain('spec.servers[0].tls.credentialNames')
    expect(found[0]?.message).not.toMatch(/^Serving several/)
  })
})

describe('istio-1.27.4-xlistenerset-tls-secrets: Passthrough listeners and the manually deployed parent', () => {
  const ID = 'istio-1.27.4-xlistenerset-tls-secrets'
  const text =
    'apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: ls\nspec:\n  parentRef: {name: gw, kind: Gateway, group: gateway.networking.k8s.io}\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n  - name: tls\n    port: 8443\n    protocol: TLS\n    tls:\n      mode: Passthrough\n      certificateRefs:\n      - name: cert2\n'

  it('reports only the Terminate listener on 1.27.2, and tells that a manually deployed parent stays broken after 1.27.4', () => {
    const found = of(run('ls.yaml', text, '1.27.2'), ID)
    expect(at(found)).toEqual([`ls.yaml:${lineOf(text, 'certificateRefs:')} notice`])
    expect(found[0]?.message).toContain('1.28.8 and 1.29.4')
    expect(found[0]?.message).not.toContain('fixed in 1.27.4 and 1.28.1)')
  })
})

describe('istio-1.27-cni-owned-config-filename-typo: quiet when the right key is written next to the typo', () => {
  const ID = 'istio-1.27-cni-owned-config-filename-typo'
  const iop = (extra: string) =>
    `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  values:\n    cni:\n      ambient:\n        enabled: true\n      istioOwnedCNIConfig: true\n      istioOwnedCNIConfigFilename: 00-istio.conflist\n${extra}`

  it('is silent with istioOwnedCNIConfigFileName set too (the file does get that name; renaming would duplicate the key)', () => {
    expect(of(run('iop.yaml', iop('      istioOwnedCNIConfigFileName: 00-istio.conflist\n'), '1.27'), ID)).toEqual([])
  })

  it('still reports the typo alone, at its line', () => {
    const text = iop('')
    expect(at(of(run('iop.yaml', text, '1.27'), ID))).toEqual([`iop.yaml:${lineOf(text, 'istioOwnedCNIConfigFilename')} warning`])
  })
})

describe('istio-1.28-inferencepool-v1alpha2-removed: the message does not claim routing Istio never did', () => {
  const ID = 'istio-1.28-inferencepool-v1alpha2-removed'
  const text = 'apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: old\nspec:\n  targetPortNumber: 8000\n  selector: {app: vllm}\n  extensionRef: {name: epp}\n'

  it('reports the v1alpha2 pool on 1.28 at its apiVersion, naming the inference switch 1.27 needed', () => {
    const found = of(run('pool.yaml', text, '1.28'), ID)
    expect(at(found)).toEqual(['pool.yaml:1 notice']) // a notice since round 37 (m37a): no file turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on
    expect(found[0]?.message).toContain('ENABLE_GATEWAY_API_INFERENCE_EXTENSION=true')
    expect(found[0]?.message).not.toContain('stop routing')
  })
})

describe('istio-1.27.4-envoyfilter-gatewayclass-target: only an EnvoyFilter that can sit in the root namespace', () => {
  const ID = 'istio-1.27.4-envoyfilter-gatewayclass-target'
  const filter = (ns: string) =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: wp\n${ns}spec:\n  targetRefs:\n  - group: gateway.networking.k8s.io\n    kind: GatewayClass\n    name: istio-waypoint\n  configPatches:\n  - applyTo: NETWORK_FILTER\n    patch:\n      operation: MERGE\n      value: {}\n`

  it('is silent in an application namespace, where no release attaches it to the waypoints', () => {
    expect(of(run('ef.yaml', filter('  namespace: apps\n'), '1.27.3'), ID)).toEqual([])
  })

  it('reports it in istio-system and when the namespace is left to the apply, at the kind line', () => {
    for (const ns of ['  namespace: istio-system\n', '']) {
      const text = filter(ns)
      expect(at(of(run('ef.yaml', text, '1.27.3'), ID))).toEqual([`ef.yaml:${lineOf(text, 'kind: GatewayClass')} warning`])
    }
  })
})

describe('istio-1.27-plugged-ca-crl: only the cacerts Secret istiod reads', () => {
  const ID = 'istio-1.27-plugged-ca-crl'
  const secret = (ns: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\n${ns}type: Opaque\ndata:\n  ca-crl.pem: YWJj\n`

  it('is silent on a cacerts Secret in an application namespace, which istiod never reads', () => {
    expect(of(run('s.yaml', secret('  namespace: apps\n'), '1.26'), ID)).toEqual([])
  })

  it('reports ca-crl.pem in istio-system and when the namespace is left to the apply, at its line', () => {
    for (const ns of ['  namespace: istio-system\n', '']) {
      const text = secret(ns)
      expect(at(of(run('s.yaml', text, '1.26'), ID))).toEqual([`s.yaml:${lineOf(text, 'ca-crl.pem')} warning`])
    }
  })
})
