// Round 28 census, share r28d (docs/audit/catalog-audit-28-r28d.md): each ❌ fixed, pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.27-jwt-without-issuer: jwks_uri is the same field as jwksUri', () => {
  const ra = (rule: string) =>
    `apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata:\n  name: ra\n  namespace: app\nspec:\n  jwtRules:\n  - ${rule}\n`
  const ID = 'istio-1.27-jwt-without-issuer'
  it('a rule with jwks_uri and no issuer gets the plain message (1.27 accepts it), not the "set jwksUri" one', () => {
    const text = ra('jwks_uri: https://example.com/jwks.json')
    const found = of(run('ra.yaml', text, '1.26'), ID)
    expect(at(found)).toEqual([`ra.yaml:${lineOf(text, 'jwks_uri')} error`])
    expect(found[0]!.message).toMatch(/only accepted from Istio 1\.27; older releases require issuer/)
  })
  it('a rule with inline jwks only still gets the message that 1.27 needs jwksUri', () => {
    const text = ra(`jwks: '{"keys":[]}'`)
    const found = of(run('ra.yaml', text, '1.26'), ID)
    expect(at(found)).toEqual([`ra.yaml:${lineOf(text, 'jwks:')} error`])
    expect(found[0]!.message).toMatch(/accept one only when it sets jwksUri/)
  })
})

describe('istio-1.27-service-scope-configs: an empty list configures nothing', () => {
  const ID = 'istio-1.27-service-scope-configs'
  it('is silent on serviceScopeConfigs: []', () => {
    expect(of(run('istiod/values.yaml', 'meshConfig:\n  serviceScopeConfigs: []\n', '1.26'), ID)).toEqual([])
  })
  it('warns on a list with an item', () => {
    const text = 'meshConfig:\n  serviceScopeConfigs:\n  - namespaceSelector:\n      matchLabels:\n        a: b\n    scope: GLOBAL\n'
    expect(at(of(run('istiod/values.yaml', text, '1.26'), ID))).toEqual([`istiod/values.yaml:${lineOf(text, 'serviceScopeConfigs')} warning`])
  })
})

describe('istio-1.27-cni-owned-config-filename-typo: the fix names a key only 1.27 reads', () => {
  const f: File = {
    path: 'platform/istio-cni/values.yaml',
    text: 'profile: ambient\nistioOwnedCNIConfig: true\nistioOwnedCNIConfigFilename: 00-istio-cni.conflist\n'
  }
  const TYPO = /istioOwnedCNIConfigFilename \(as the release notes spell it\)/
  const typo = async (target: string, from?: string) =>
    (await analyzeAdded([f], target, from)).findings.filter((x) => x.file === f.path && TYPO.test(x.message))
  it('is silent on a 1.26 target, which reads neither spelling', async () => {
    expect(await typo('1.26', '1.25')).toEqual([])
  })
  it('still warns on 1.27', async () => {
    expect(at(await typo('1.27', '1.26'))).toEqual([`${f.path}:${lineOf(f.text, 'istioOwnedCNIConfigFilename:')} warning`])
  })
})

describe('istio-1.27-traffic-distribution-same-node-zone: the Service annotation PreferClose still applies on older releases', () => {
  const ID = 'istio-1.27-traffic-distribution-same-node-zone'
  const svc = (value: string, annotation?: string) =>
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: app\n' +
    (annotation ? `  annotations:\n    networking.istio.io/traffic-distribution: ${annotation}\n` : '') +
    `spec:\n  trafficDistribution: ${value}\n  ports:\n  - port: 80\n`
  it('warns that the default is kept when no annotation is set', () => {
    const text = svc('PreferSameZone')
    const found = of(run('svc.yaml', text, '1.26'), ID)
    expect(at(found)).toEqual([`svc.yaml:${lineOf(text, 'trafficDistribution')} warning`])
    expect(found[0]!.message).toMatch(/keep their default endpoint choice/)
  })
  it('is silent on PreferSameZone next to an annotation PreferClose (zone preference either way)', () => {
    expect(of(run('svc.yaml', svc('PreferSameZone', 'PreferClose'), '1.26'), ID)).toEqual([])
    expect(of(run('svc.yaml', svc('PreferSameZone', 'preferclose'), '1.26'), ID)).toEqual([])
  })
  it('on PreferSameNode next to an annotation PreferClose does not claim the default is kept', () => {
    const text = svc('PreferSameNode', 'PreferClose')
    const found = of(run('svc.yaml', text, '1.26'), ID)
    expect(at(found)).toEqual([`svc.yaml:${lineOf(text, 'trafficDistribution')} warning`])
    expect(found[0]!.message).not.toMatch(/default endpoint choice/)
    expect(found[0]!.message).toMatch(/do not prefer endpoints on the same node/)
  })
})

describe('istio-1.27-envoyfilter-listener-filter-merge: a WAYPOINT LISTENER_FILTER patch is rejected by every release', () => {
  const ID = 'istio-1.27-envoyfilter-listener-filter-merge'
  const ef = (context: string) =>
    'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: ef\n  namespace: app\nspec:\n  configPatches:\n' +
    `  - applyTo: LISTENER_FILTER\n    match:\n      context: ${context}\n      listener:\n        listenerFilter: envoy.filters.listener.tls_inspector\n    patch:\n      operation: MERGE\n      value:\n        name: envoy.filters.listener.tls_inspector\n`
  it('warns on a SIDECAR_INBOUND patch', () => {
    const text = ef('SIDECAR_INBOUND')
    expect(at(of(run('ef.yaml', text, '1.26'), ID))).toEqual([`ef.yaml:${lineOf(text, '- applyTo')} warning`])
  })
  it('is silent on a WAYPOINT patch, which validation refuses before and after 1.27', () => {
    expect(of(run('ef.yaml', ef('WAYPOINT'), '1.26'), ID)).toEqual([])
  })
})

describe('istio-1.28-shadow-host-suffix: the deprecated mirrorPercent: 0 mirrors nothing', () => {
  const ID = 'istio-1.28-shadow-host-suffix'
  const vs = (extra: string) =>
    'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\n  namespace: app\nspec:\n  hosts: [a]\n  http:\n' +
    `  - route:\n    - destination: {host: a}\n    mirror: {host: b}\n${extra}`
  it('warns on a mirror without a percentage', () => {
    const text = vs('')
    expect(at(of(run('vs.yaml', text, '1.28', '1.27'), ID))).toEqual([`vs.yaml:${lineOf(text, 'mirror:')} warning`])
  })
  it('is silent with mirrorPercent: 0', () => {
    expect(of(run('vs.yaml', vs('    mirrorPercent: 0\n'), '1.28', '1.27'), ID)).toEqual([])
  })
})

describe('istio-1.27.4-envoyfilter-gatewayclass-target: only a ref in the Gateway API group names the GatewayClass', () => {
  const ID = 'istio-1.27.4-envoyfilter-gatewayclass-target'
  const ef = (group: string) =>
    'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: ef\n  namespace: istio-system\nspec:\n  targetRefs:\n' +
    `  - kind: GatewayClass\n${group}    name: istio-waypoint\n  configPatches:\n  - applyTo: HTTP_FILTER\n    patch:\n      operation: INSERT_FIRST\n      value:\n        name: x\n`
  it('warns on group gateway.networking.k8s.io', () => {
    const text = ef('    group: gateway.networking.k8s.io\n')
    expect(at(of(run('ef.yaml', text, '1.27.3'), ID))).toEqual([`ef.yaml:${lineOf(text, 'kind: GatewayClass')} warning`])
  })
  it('is silent without the group (an empty group means core, where no GatewayClass lives)', () => {
    expect(of(run('ef.yaml', ef(''), '1.27.3'), ID)).toEqual([])
  })
})

describe('istio-1.27-gateway-multiple-certificates: an empty credentialNames / tlsCertificates list names no certificate', () => {
  const ID = 'istio-1.27-gateway-multiple-certificates'
  const gw = (tls: string) =>
    'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: app\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n' +
    `  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: ["*"]\n    tls:\n      mode: SIMPLE\n${tls}`
  it('errs on two credentialNames', () => {
    const text = gw('      credentialNames: [rsa, ecdsa]\n')
    expect(at(of(run('gw.yaml', text, '1.26'), ID))).toEqual([`gw.yaml:${lineOf(text, 'credentialNames')} error`])
  })
  it('is silent on credentialNames: [] and tlsCertificates: []', () => {
    expect(of(run('gw.yaml', gw('      credentialNames: []\n'), '1.26'), ID)).toEqual([])
    expect(of(run('gw.yaml', gw('      tlsCertificates: []\n'), '1.26'), ID)).toEqual([])
  })
})

describe('istio-1.28-backend-tls-policy-serviceentry-target: only a ref in the networking.istio.io group names a ServiceEntry', () => {
  const ID = 'istio-1.28-backend-tls-policy-serviceentry-target'
  const btp = (group: string) =>
    'apiVersion: gateway.networking.k8s.io/v1alpha3\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: app\nspec:\n  targetRefs:\n' +
    `  - group: "${group}"\n    kind: ServiceEntry\n    name: ext\n  validation:\n    hostname: ext.example.com\n    wellKnownCACertificates: System\n`
  it('errs on group networking.istio.io', () => {
    const text = btp('networking.istio.io')
    expect(at(of(run('btp.yaml', text, '1.27'), ID))).toEqual([`btp.yaml:${lineOf(text, 'kind: ServiceEntry')} notice`])
  })
  it('is silent on the core group, where no ServiceEntry lives (1.28 does not attach it either)', () => {
    expect(of(run('btp.yaml', btp(''), '1.27'), ID)).toEqual([])
  })
})

describe('istio-1.27-cni-owned-config-filename-typo: the agent env can name the file itself', () => {
  const TYPO = /istioOwnedCNIConfigFilename \(as the release notes spell it\)/
  const f = (extra: string): File => ({
    path: 'platform/istio-cni/values.yaml',
    text: `profile: ambient\nistioOwnedCNIConfig: true\nistioOwnedCNIConfigFilename: 00-istio-cni.conflist\n${extra}`
  })
  const typo = async (file: File) => (await analyzeAdded([file], '1.27', '1.26')).findings.filter((x) => x.file === file.path && TYPO.test(x.message))
  it('is silent when env.ISTIO_OWNED_CNI_CONF_FILENAME sets the name (the chart passes env to the agent container)', async () => {
    expect(await typo(f('env:\n  ISTIO_OWNED_CNI_CONF_FILENAME: 00-istio-cni.conflist\n'))).toEqual([])
    expect(await typo(f('cni:\n  env:\n    ISTIO_OWNED_CNI_CONF_FILENAME: 00-istio-cni.conflist\n'))).toEqual([])
  })
  it('still warns without it', async () => {
    const file = f('')
    expect(at(await typo(file))).toEqual([`${file.path}:${lineOf(file.text, 'istioOwnedCNIConfigFilename:')} warning`])
  })
})
