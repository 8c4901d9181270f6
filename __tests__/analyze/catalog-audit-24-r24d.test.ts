// Audit 24 (r24d, census of 1.26/1.27 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-24-r24d.md.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.27-cni-owned-config-filename-typo: the Istio-owned CNI config exists only with ambient and chained CNI on', () => {
  const ID = 'istio-1.27-cni-owned-config-filename-typo'
  const release = (values: string): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      version: 1.27.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n${values}`
  const typo = '    istioOwnedCNIConfig: true\n    istioOwnedCNIConfigFilename: 00-istio.conflist\n'

  it('ambient off (no profile, no ambient.enabled): no Istio-owned file is written, so the entry is quiet', () => {
    expect(of(run('istio/cni.yaml', release(typo), '1.27'), ID)).toEqual([])
    expect(of(run('istio/cni.yaml', release(typo), '1.29'), ID)).toEqual([])
  })

  it('profile ambient with ambient.enabled: false (the explicit value wins over the profile): quiet', () => {
    const text = release('    profile: ambient\n    ambient:\n      enabled: false\n' + typo)
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })

  it('profile ambient with chained: false (standalone plugin): quiet', () => {
    const text = release('    profile: ambient\n    chained: false\n' + typo)
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })

  it('ambient.enabled: true overridden by cni.ambient.enabled: false (the cni. form is applied last): quiet', () => {
    const text = release('    ambient:\n      enabled: true\n    cni:\n      ambient:\n        enabled: false\n' + typo)
    expect(of(run('istio/cni.yaml', text, '1.27'), ID)).toEqual([])
  })

  it('ambient on (profile ambient, ambient.enabled: true, or the cni. form): a warning at the typo', () => {
    for (const on of ['    profile: ambient\n', '    ambient:\n      enabled: true\n', '    global:\n      profile: ambient\n']) {
      const text = release(on + typo)
      expect(at(of(run('istio/cni.yaml', text, '1.27'), ID))).toEqual([`istio/cni.yaml:${lineOf(text, 'istioOwnedCNIConfigFilename')} warning`])
    }
    const cni = release('    cni:\n      ambient:\n        enabled: true\n      istioOwnedCNIConfig: true\n      istioOwnedCNIConfigFilename: 00-istio.conflist\n')
    expect(at(of(run('istio/cni.yaml', cni, '1.27'), ID))).toEqual([`istio/cni.yaml:${lineOf(cni, 'istioOwnedCNIConfigFilename')} warning`])
  })
})

describe('istio-1.27-native-sidecars (policy text): a policy that already covers initContainers is not told its rules stop matching', () => {
  const ID = 'istio-1.27-native-sidecars'
  const policy = (initKey: string): string =>
    'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: require-limits\nspec:\n  rules:\n  - name: limits\n    match:\n      any:\n      - resources: {kinds: [Pod]}\n    validate:\n      message: limits required\n      pattern:\n        spec:\n          containers:\n          - (name): "!istio-proxy"\n            resources: {limits: {memory: "?*"}}\n' +
    `          ${initKey}:\n          - (name): "!istio-proxy"\n            resources: {limits: {memory: "?*"}}\n`
  const rego =
    'apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata:\n  name: proxylimits\nspec:\n  crd:\n    spec:\n      names: {kind: ProxyLimits}\n  targets:\n  - target: admission.k8s.gatekeeper.sh\n    rego: |\n      package proxylimits\n      violation[{"msg": msg}] {\n        c := input.review.object.spec.initContainers[_]\n        c.name == "istio-proxy"\n        not c.resources.limits\n        msg := "istio-proxy needs limits"\n      }\n'

  it('Kyverno pattern with an =(initContainers) anchor (a map key) next to containers: quiet', () => {
    expect(of(run('policy/limits.yaml', policy('=(initContainers)'), '1.27', '1.26'), ID)).toEqual([])
  })

  it('Gatekeeper rego that reads spec.initContainers (a scalar): quiet', () => {
    expect(of(run('policy/rego.yaml', rego, '1.27', '1.26'), ID)).toEqual([])
  })

  it('trip: the same policy covering only containers (and ephemeralContainers) still warns at the istio-proxy rule', () => {
    const text = policy('=(ephemeralContainers)')
    expect(at(of(run('policy/limits.yaml', text, '1.27', '1.26'), ID))).toEqual([`policy/limits.yaml:${lineOf(text, '"!istio-proxy"')} warning`])
  })
})

describe('istio-1.26-iop-gateway-component-tag: the message stays true when the install tag happens to equal the gateway tag', () => {
  const ID = 'istio-1.26-iop-gateway-component-tag'
  const text =
    'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: x\n  namespace: istio-system\nspec:\n  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      enabled: true\n      tag: 1.25.2\n'

  it('no spec.tag, target 1.25.2 (istioctl 1.25.2 installs 1.25.2 anyway): the warning no longer says the gateway runs something other than 1.25.2', () => {
    const found = of(run('iop.yaml', text, '1.25.2'), ID)
    expect(at(found)).toEqual([`iop.yaml:${lineOf(text, 'tag: 1.25.2')} warning`])
    expect(found[0].message).not.toMatch(/not 1\.25\.2/)
    expect(found[0].message).toMatch(/only where that install tag is 1\.25\.2 too/)
  })
})
