// Round 24 census, share r24h (docs/audit/catalog-audit-24-r24h.md): each ❌ fixed, with the YAML that showed it.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Every catalog finding on one file read as the whole repository, with a from release and the opt-out settle step. */
function runRepository(path: string, text: string, target: string, from: string): Finding[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), from: parseFromRelease(from), files: [file] }
  const findings = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const all = [...findings, ...(catalogAnalyzer.checkRepository?.(ctx, file.documents) ?? [])]
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(all, ctx) : all
}

const sidecar = (egress: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  egress:\n${egress}`

describe('istio-1.31-sidecar-egress-host-exclusions: an exclusion needs a host to subtract from in its own listener', () => {
  const id = 'istio-1.31-sidecar-egress-host-exclusions'

  it('warns on an exclusion next to an import in the same egress listener', () => {
    const text = sidecar('  - hosts: ["*/*", "~/foo.example.com"]\n')
    expect(at(of(run('s.yaml', text, '1.30'), id))).toEqual([`s.yaml:${lineOf(text, '~/foo')} warning`])
    expect(of(run('s.yaml', text, '1.31', '1.30'), id)).toEqual([])
  })

  it('is silent on a listener whose hosts are all exclusions (it imports nothing before or after 1.31)', () => {
    const text = sidecar('  - hosts: ["~/a.example.com", "~/b.example.com"]\n')
    expect(of(run('s.yaml', text, '1.30'), id)).toEqual([])
  })

  it('is silent on an exclusion alone in its listener while another listener imports */*', () => {
    const text = sidecar('  - port: {number: 9080, protocol: HTTP, name: http}\n    hosts: ["~/foo.example.com"]\n  - hosts: ["*/*", "./bar.example.com"]\n')
    expect(of(run('s.yaml', text, '1.30'), id)).toEqual([])
  })

  it('reports the listener that pairs an exclusion with an import, and only that listener', () => {
    const text = sidecar('  - port: {number: 9080, protocol: HTTP, name: http}\n    hosts: ["~/x.example.com"]\n  - hosts:\n    - "*/*"\n    - "~/a.example.com"\n    - "~/b.example.com"\n')
    const found = of(run('s.yaml', text, '1.30'), id)
    expect(at(found)).toEqual([`s.yaml:${lineOf(text, '  - hosts:')} warning`])
    expect(found[0].message).toMatch(/the hosts that the listener's other entries import stay imported/)
  })
})

describe('istio-1.31-gateway-api-bundle-1.6: older Istio read TCPRoute only behind the alpha flag', () => {
  const id = 'istio-1.31-gateway-api-bundle-1.6'
  const crd =
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: tcproutes.gateway.networking.k8s.io\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.5.1\nspec:\n  group: gateway.networking.k8s.io\n  names: {kind: TCPRoute, plural: tcproutes}\n  scope: Namespaced\n  versions: []\n'

  it('does not err on a pre-1.6 tcproutes CRD, and says the routes break only where the alpha flag was on', () => {
    const found = of(run('crd.yaml', crd, '1.31', '1.30'), id)
    // a notice since round 38: no file here turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    expect(at(found)).toEqual([`crd.yaml:${lineOf(crd, 'bundle-version')} notice`])
    expect(found[0].message).toMatch(/only with PILOT_ENABLE_ALPHA_GATEWAY_API=true/)
    expect(found[0].message).not.toMatch(/TCPRoutes that worked before/)
  })

  it('is silent on a 1.6 bundle and before 1.31', () => {
    expect(of(run('crd.yaml', crd.replace('v1.5.1', 'v1.6.0'), '1.31', '1.30'), id)).toEqual([])
    expect(of(run('crd.yaml', crd, '1.30', '1.29'), id)).toEqual([])
  })
})

describe('istio-1.21-extra-stat-tags-deprecated: only pods the injector gives a sidecar', () => {
  const id = 'istio-1.21-extra-stat-tags-deprecated'
  const deployment = (labels: string, spec = ''): string =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: app\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata:\n      labels: {app: a${labels}}\n      annotations:\n        sidecar.istio.io/extraStatTags: "foo"\n    spec:\n${spec}      containers: [{name: a, image: a}]\n`

  it('notes the annotation on an injected pod template', () => {
    const text = deployment('')
    expect(at(of(run('d.yaml', text, '1.21', '1.20'), id))).toEqual([`d.yaml:${lineOf(text, 'extraStatTags')} notice`])
  })

  it('is silent where the injector never adds a sidecar (inject "false", hostNetwork, kube-system)', () => {
    expect(of(run('d.yaml', deployment(', sidecar.istio.io/inject: "false"'), '1.21', '1.20'), id)).toEqual([])
    expect(of(run('d.yaml', deployment('', '      hostNetwork: true\n'), '1.21', '1.20'), id)).toEqual([])
    expect(of(run('d.yaml', deployment('').replace('namespace: app', 'namespace: kube-system'), '1.21', '1.20'), id)).toEqual([])
  })
})

describe('istio-1.20-envoy-filter-order: inbound only moved metadata exchange', () => {
  const id = 'istio-1.20-envoy-filter-order'
  const ef = (context: string, anchor: string): string =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: f\n  namespace: app\nspec:\n  configPatches:\n  - applyTo: NETWORK_FILTER\n    match:\n      context: ${context}\n      listener:\n        filterChain:\n          filter:\n            name: ${anchor}\n    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: my.filter\n`

  it('is silent on an inbound patch anchored on stats or RBAC, whose neighbours 1.20 did not move', () => {
    expect(of(run('ef.yaml', ef('SIDECAR_INBOUND', 'istio.stats'), '1.20', '1.19'), id)).toEqual([])
    expect(of(run('ef.yaml', ef('SIDECAR_INBOUND', 'envoy.filters.network.rbac'), '1.20', '1.19'), id)).toEqual([])
  })

  it('still warns on an inbound patch anchored on metadata exchange and a gateway patch anchored on stats', () => {
    const inbound = ef('SIDECAR_INBOUND', 'istio.metadata_exchange')
    expect(at(of(run('ef.yaml', inbound, '1.20', '1.19'), id))).toEqual([`ef.yaml:${lineOf(inbound, '- applyTo')} warning`])
    const gateway = ef('GATEWAY', 'istio.stats')
    expect(at(of(run('ef.yaml', gateway, '1.20', '1.19'), id))).toEqual([`ef.yaml:${lineOf(gateway, '- applyTo')} warning`])
  })
})

describe('istio-1.21-auto-sni / verify-certificate-at-client: an ambient IstioOperator already ran 1.20 with both on', () => {
  const dr =
    'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: x\n  namespace: a\nspec:\n  host: api.example.com\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n'
  const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\n  namespace: istio-system\nspec:\n  profile: ambient\n'
  const both = (text: string): Finding[] => [
    ...runRepository('mesh/all.yaml', text, '1.21', '1.20').filter((f) => /auto SNI|verifies the server certificate/.test(f.message))
  ]

  it('reports the DestinationRule without the ambient profile', () => {
    expect(both(dr).map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`mesh/all.yaml:${lineOf(dr, 'mode: SIMPLE')} warning`, `mesh/all.yaml:${lineOf(dr, 'mode: SIMPLE')} warning`])
  })

  it('is silent when an IstioOperator of the repository installs the ambient profile', () => {
    expect(both(`${dr}---\n${iop}`)).toEqual([])
  })
})
