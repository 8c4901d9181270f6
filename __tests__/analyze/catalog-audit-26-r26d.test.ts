// Round 26 census, share r26d (docs/audit/catalog-audit-26-r26d.md): the ❌ it found, each pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.27-native-sidecars: ENABLE_NATIVE_SIDECARS already set explicitly elsewhere decides before and after 1.27', () => {
  const deploy: File = {
    path: 'apps/web.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: web:1\n      - name: istio-proxy\n        image: auto\n        resources:\n          limits: {memory: 1Gi}\n'
  }
  const webhook: File = {
    path: 'policy/kyverno.yaml',
    text: 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: proxy-limits\nspec:\n  rules:\n  - name: limits\n    match:\n      any:\n      - resources:\n          kinds: [Pod]\n    mutate:\n      patchStrategicMerge:\n        spec:\n          containers:\n          - name: istio-proxy\n            resources:\n              limits: {memory: 1Gi}\n'
  }
  const values = (v: string): File => ({ path: 'istio/istiod/values.yaml', text: `pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "${v}"\n` })
  const NATIVE = /native sidecar|init container/

  it('still warns on the pod template and the policy when nothing pins the switch', async () => {
    expect(at(await findings([deploy], '1.27', '1.26', deploy.path, NATIVE))).toEqual([`${deploy.path}:${lineOf(deploy.text, '- name: istio-proxy')} warning`])
    expect((await findings([webhook], '1.27', '1.26', webhook.path, NATIVE)).map((f) => f.severity)).toEqual(['warning'])
  })

  it('is silent when istiod already runs with ENABLE_NATIVE_SIDECARS=true (native before 1.27 as after: nothing changes)', async () => {
    // "true" is native before and after. Other true spellings ("1", "True"): 1.26 parsed a bool (native); 1.27 reads
    // the strings false/true/auto and, by a secondary source, treats any other value as disabled. Either way the
    // message ("from 1.27 injected as a native sidecar") would not hold for them, so they are quiet too.
    for (const v of ['true', '1', 'True']) {
      expect(await findings([deploy, values(v)], '1.27', '1.26', deploy.path, NATIVE)).toEqual([])
      expect(await findings([webhook, values(v)], '1.27', '1.26', webhook.path, NATIVE)).toEqual([])
    }
  })

  it('still warns when the value is "auto" (1.26 reads it as unset, 1.27 as the new default)', async () => {
    expect(at(await findings([deploy, values('auto')], '1.27', '1.26', deploy.path, NATIVE))).toEqual([`${deploy.path}:${lineOf(deploy.text, '- name: istio-proxy')} warning`])
  })
})

describe('istio-1.27-gateway-multiple-certificates: a Gateway API listener whose tls-terminate-mode option is ISTIO_MUTUAL', () => {
  const gw = (options: string): File => ({
    path: 'gw/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: g\n  namespace: default\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n${options}      certificateRefs:\n      - name: rsa\n      - name: ecdsa\n`
  })
  const MULTI = /several certificates/
  it('still errs on two certificateRefs of a plain Terminate listener before 1.27', async () => {
    const f = gw('')
    expect(at(await findings([f], '1.26', '1.25', f.path, MULTI))).toEqual([`${f.path}:${lineOf(f.text, '- name: ecdsa')} error`])
    expect(await findings([f], '1.27', '1.26', f.path, MULTI)).toEqual([])
  })
  it('still errs with the MUTUAL option (the certificate count is checked there too)', async () => {
    const f = gw('      options:\n        gateway.istio.io/tls-terminate-mode: MUTUAL\n')
    expect(at(await findings([f], '1.26', '1.25', f.path, MULTI))).toEqual([`${f.path}:${lineOf(f.text, '- name: ecdsa')} error`])
  })
  it('is silent with ISTIO_MUTUAL: istiod uses the workload certificate and never reads certificateRefs, before 1.27 as after', async () => {
    const f = gw('      options:\n        gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL\n')
    expect(await findings([f], '1.26', '1.25', f.path, MULTI)).toEqual([])
  })
})

describe('istio-1.27.4-xlistenerset-tls-secrets: a listener whose tls-terminate-mode option is ISTIO_MUTUAL reads no Secret', () => {
  const ls = (options: string): File => ({
    path: 'gw/listenerset.yaml',
    text: `apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: ls\n  namespace: default\nspec:\n  parentRef: {name: g, kind: Gateway, group: gateway.networking.k8s.io}\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: a.example.com\n    tls:\n      mode: Terminate\n${options}      certificateRefs:\n      - name: cert\n`
  })
  const SECRETS = /refuse the TLS certificateRefs/
  it('still errs on 1.27.2 and 1.28.0 for a plain Terminate listener, not on 1.27.4', async () => {
    const f = ls('')
    expect(at(await findings([f], '1.27.2', '1.26', f.path, SECRETS))).toEqual([`${f.path}:${lineOf(f.text, 'certificateRefs:')} notice`])
    expect(at(await findings([f], '1.28.0', '1.27', f.path, SECRETS))).toEqual([`${f.path}:${lineOf(f.text, 'certificateRefs:')} notice`])
    expect(await findings([f], '1.27.4', '1.27', f.path, SECRETS)).toEqual([])
  })
  it('is silent with ISTIO_MUTUAL (the workload certificate is used, no Secret is read)', async () => {
    const f = ls('      options:\n        gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL\n')
    expect(await findings([f], '1.27.2', '1.26', f.path, SECRETS)).toEqual([])
  })
})
