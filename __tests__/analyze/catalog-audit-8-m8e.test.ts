// Audit 8 (m8e, releases 1.26–1.27): the four ❌ of the measured sample, each pinned to file and line.
// See docs/audit/catalog-audit-8-m8e.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.26-iop-gateway-component-tag: only where ignoring the tag changes the image', () => {
  const ID = 'istio-1.26-iop-gateway-component-tag'
  const iop = (installTag: string, gatewayTag: string) =>
    `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n${installTag}  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      enabled: true\n      tag: ${gatewayTag}\n`

  it('reports a gateway tag that differs from the install tag, at its line', () => {
    const text = iop('  tag: 1.25.2\n', '1.25.2-distroless')
    const found = of(run('iop.yaml', text, '1.25'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`iop.yaml:${lineOf(text, 'tag: 1.25.2-distroless')} warning`])
    expect(found[0]?.message).toContain('instead of its own tag 1.25.2-distroless')
    expect(of(run('iop.yaml', text, '1.26'), ID)).toEqual([])
  })

  it('is silent when the gateway tag equals spec.tag or spec.values.global.tag (the gateway runs that tag anyway)', () => {
    expect(of(run('iop.yaml', iop('  tag: 1.25.2\n', '1.25.2'), '1.25'), ID)).toEqual([])
    expect(of(run('iop.yaml', iop('  values:\n    global:\n      tag: 1.24.6\n', '1.24.6'), '1.24'), ID)).toEqual([])
    // Without any install tag the gateway runs the istioctl release's tag, which differs from a pinned one.
    const bare = iop('', '1.25.2-distroless')
    expect(of(run('iop.yaml', bare, '1.25'), ID).map((f) => f.line)).toEqual([lineOf(bare, 'tag: 1.25.2-distroless')])
  })
})

describe('istio-1.27-native-sidecars: the mesh-wide opt-out silences it', () => {
  const deployment: File = {
    path: 'apps/app.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n      - name: app\n        image: nginx\n      - name: istio-proxy\n        image: auto\n        resources:\n          limits: {memory: 1Gi}\n'
  }
  const policy: File = {
    path: 'policies/proxy-limits.yaml',
    text: 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: proxy-limits\nspec:\n  rules:\n  - name: proxy-memory\n    match:\n      any:\n      - resources:\n          kinds: [Pod]\n    mutate:\n      foreach:\n      - list: request.object.spec.containers[?name == \'istio-proxy\']\n        patchStrategicMerge:\n          spec:\n            containers:\n            - name: "{{ element.name }}"\n              resources:\n                limits:\n                  memory: 1Gi\n'
  }
  const NATIVE = /native sidecar|init container/
  async function nativeFindings(files: readonly File[], target: string, from: string): Promise<Finding[]> {
    const result = await analyzeAdded(files, target, from)
    return result.findings.filter((f) => NATIVE.test(f.message) && (f.file === deployment.path || f.file === policy.path))
  }
  const values = (text: string): File => ({ path: 'platform/istiod-values.yaml', text })
  const proxyLine = lineOf(deployment.text, '- name: istio-proxy')
  const policyLine = lineOf(policy.text, "istio-proxy")

  it('reports the istio-proxy container and the policy naming it without an opt-out', async () => {
    expect(at(await nativeFindings([deployment, policy], '1.27', '1.26'))).toEqual([`apps/app.yaml:${proxyLine} warning`, `policies/proxy-limits.yaml:${policyLine} warning`])
  })

  it('reports nothing with ENABLE_NATIVE_SIDECARS=false for istiod, or a 1.24–1.26 compatibility profile', async () => {
    expect(await nativeFindings([deployment, policy, values('pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "false"\n')], '1.27', '1.26')).toEqual([])
    expect(await nativeFindings([deployment, policy, values('compatibilityVersion: "1.26"\n')], '1.27', '1.26')).toEqual([])
    const iop: File = { path: 'platform/iop.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  compatibilityVersion: "1.25"\n' }
    expect(await nativeFindings([deployment, iop], '1.28', '1.26')).toEqual([])
  })

  it('keeps reporting with a profile the target no longer ships; quiet with ENABLE_NATIVE_SIDECARS=true already set (native before 1.27 too: round 26 r26d)', async () => {
    expect(await nativeFindings([deployment, values('pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "true"\n')], '1.27', '1.26')).toEqual([])
    // 1.28 ships the 1.25–1.27 profiles only.
    expect(at(await nativeFindings([deployment, values('compatibilityVersion: "1.24"\n')], '1.28', '1.26'))).toEqual([`apps/app.yaml:${proxyLine} warning`])
  })
})

describe('istio-1.27-sds-extension-provider: older istiod rejects the whole MeshConfig', () => {
  const ID = 'istio-1.27-sds-extension-provider'
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    extensionProviders:\n    - name: vault-sds\n      sds:\n        name: vault-sds\n        service: vault-sds.vault.svc.cluster.local\n        port: 8080\n'

  it('is an error at the sds provider for 1.26 and says the mesh config is rejected; nothing for 1.27', () => {
    const found = of(run('mesh.yaml', text, '1.26'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`mesh.yaml:${lineOf(text, 'sds:')} error`])
    expect(found[0]?.message).toMatch(/whole MeshConfig/)
    expect(of(run('mesh.yaml', text, '1.27'), ID)).toEqual([])
  })
})

describe('istio-1.27-cni-owned-config-filename-typo: the message holds for every target it fires on', () => {
  const ID = 'istio-1.27-cni-owned-config-filename-typo'
  const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  components:\n    cni:\n      enabled: true\n  values:\n    cni:\n      ambient:\n        enabled: true\n      istioOwnedCNIConfig: true\n      istioOwnedCNIConfigFilename: 00-istio.conflist\n'

  // Round 28 (r28d): a 1.26 target reads neither spelling, and the rename fix would name a key it does not read
  // either, so the entry reports from target 1.27 on (match-level since) instead of on 1.26 too.
  it('ties the default file name to Istio 1.27 and later, at the misspelt key, from target 1.27 on', () => {
    const found = of(run('iop.yaml', text, '1.27'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`iop.yaml:${lineOf(text, 'istioOwnedCNIConfigFilename')} warning`])
    expect(found[0]?.message).toContain('on Istio 1.27 and later')
    expect(found[0]?.message).not.toMatch(/which from Istio 1\.27 reads/)
    expect(of(run('iop.yaml', text, '1.26'), ID)).toEqual([])
  })
})
