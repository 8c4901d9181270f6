// Audit 18 (r18g, census of 34 entries of 1.29–1.30): each ❌ fixed, pinned to file and line, with the YAML that is
// still reported next to the near miss that no longer is. See docs/audit/catalog-audit-18-r18g.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

/** The findings on `changed` whose message matches `message`, with `others` already in the repository. */
async function findings(changed: File, others: readonly File[], message: RegExp, target: string, from?: string): Promise<Finding[]> {
  const result = await runAnalysis(
    { changes: added([changed]), head: snapshotOf([changed, ...others]), ...(others.length ? { base: snapshotOf(others) } : {}) },
    { target, ...(from ? { from } : {}), paths: [] },
  )
  return result.findings.filter((f) => f.file === changed.path && message.test(f.message))
}

const gatewayApiOff: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API: "false"\n' }
const alphaOff: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "false"\n' }

describe('istio-1.29-bypass-inbound-capture-hbone: hostNetwork pods are never captured by ambient', () => {
  const pod = (hostNetwork: boolean, redirection = ''): File => ({
    path: 'apps/a.yaml',
    text:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: app\nspec:\n  template:\n    metadata:\n' +
      '      labels:\n        istio.io/dataplane-mode: ambient\n      annotations:\n        ambient.istio.io/bypass-inbound-capture: "true"\n' +
      (redirection ? `        ambient.istio.io/redirection: ${redirection}\n` : '') +
      `    spec:\n${hostNetwork ? '      hostNetwork: true\n' : ''}      containers:\n      - name: a\n        image: x\n`,
  })
  const HBONE = /breaks inbound HBONE/
  it('errs on an ambient pod', async () => {
    const f = pod(false)
    expect(at(await findings(f, [], HBONE, '1.28'))).toEqual([`${f.path}:${lineOf(f.text, 'bypass-inbound-capture')} error`])
  })
  it('says nothing on a hostNetwork pod', async () => {
    expect(at(await findings(pod(true), [], HBONE, '1.28'))).toEqual([])
  })
  it('says nothing on a pod that opts out of ambient redirection', async () => {
    expect(at(await findings(pod(false, 'disabled'), [], HBONE, '1.28'))).toEqual([])
  })
})

describe('istio-1.30-tlsroute-v1: only routes an Istio Gateway serves', () => {
  const route = (className: string): File => ({
    path: 'gw/tls.yaml',
    text:
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: n\nspec:\n  gatewayClassName: ${className}\n` +
      '  listeners:\n  - name: tls\n    port: 443\n    protocol: TLS\n    tls:\n      mode: Passthrough\n---\n' +
      'apiVersion: gateway.networking.k8s.io/v1\nkind: TLSRoute\nmetadata:\n  name: r\n  namespace: n\nspec:\n  parentRefs:\n  - name: gw\n' +
      '  hostnames:\n  - a.example.com\n  rules:\n  - backendRefs:\n    - name: s\n      port: 443\n',
  })
  const V1 = /reads TLSRoute at gateway.networking.k8s.io\/v1 only from 1.30/
  it('errs on a TLSRoute of an istio Gateway', async () => {
    const f = route('istio')
    expect(at(await findings(f, [], V1, '1.29'))).toEqual([`${f.path}:${lineOf(f.text, 'kind: TLSRoute') - 1} error`])
  })
  it('says nothing on a TLSRoute whose only parent is a Gateway of another controller', async () => {
    expect(at(await findings(route('envoy-gateway'), [], V1, '1.29'))).toEqual([])
  })
})

describe('istio-1.30-xlistenerset-removed / listenerset-v1: quiet where istiod reads no Gateway API at all', () => {
  const xls: File = {
    path: 'gw/ls.yaml',
    text:
      'apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: ls\n  namespace: n\nspec:\n' +
      '  parentRef:\n    name: gw\n    kind: Gateway\n    group: gateway.networking.k8s.io\n  listeners:\n  - name: a\n    port: 8080\n    protocol: HTTP\n',
  }
  const ls: File = { path: 'gw/ls.yaml', text: xls.text.replace('gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet', 'gateway.networking.k8s.io/v1\nkind: ListenerSet') }
  const X = /instead of the experimental XListenerSet|no longer reads this XListenerSet/ // round 38: the notice arm says the latter
  const L = /reads ListenerSet \(gateway.networking.k8s.io\/v1\) only from 1.30/
  // Round 38 (r38g): a notice where no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on (without it 1.29 never read it).
  it('reports an XListenerSet on an upgrade to 1.30 (a notice while no file turns the alpha flag on)', async () => {
    expect(at(await findings(xls, [], X, '1.30', '1.29'))).toEqual([`${xls.path}:1 notice`])
  })
  it('says nothing when PILOT_ENABLE_GATEWAY_API=false is set in another file', async () => {
    expect(at(await findings(xls, [gatewayApiOff], X, '1.30', '1.29'))).toEqual([])
  })
  it('says nothing when PILOT_ENABLE_ALPHA_GATEWAY_API=false is set in another file (1.29 never read the XListenerSet)', async () => {
    expect(at(await findings(xls, [alphaOff], X, '1.30', '1.29'))).toEqual([])
  })
  it('errs on a ListenerSet v1 before 1.30, and not with the Gateway API off', async () => {
    expect(at(await findings(ls, [], L, '1.29'))).toEqual([`${ls.path}:1 error`])
    expect(at(await findings(ls, [gatewayApiOff], L, '1.29'))).toEqual([])
  })
})

describe('istio-1.30-exclude-interfaces-validation: the injector skips kube-node-lease and local-path-storage too', () => {
  const pod = (namespace: string): File => ({
    path: 'apps/d.yaml',
    text:
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n` +
      '      annotations:\n        traffic.sidecar.istio.io/excludeInterfaces: "eth0/evil"\n    spec:\n      containers:\n      - name: a\n        image: x\n',
  })
  const IFACE = /excludeInterfaces only accepts valid Linux interface names/
  it('errs in an application namespace', async () => {
    const f = pod('app')
    expect(at(await findings(f, [], IFACE, '1.30', '1.29'))).toEqual([`${f.path}:${lineOf(f.text, 'excludeInterfaces')} error`])
  })
  it('says nothing in kube-node-lease or local-path-storage', async () => {
    expect(at(await findings(pod('kube-node-lease'), [], IFACE, '1.30', '1.29'))).toEqual([])
    expect(at(await findings(pod('local-path-storage'), [], IFACE, '1.30', '1.29'))).toEqual([])
  })
})

describe('istio-1.30-authz-regex-escaping: an AUDIT policy only changes what is logged', () => {
  const policy = (action: string): File => ({
    path: 'sec/ap.yaml',
    text:
      `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n  namespace: n\nspec:\n  action: ${action}\n` +
      '  rules:\n  - from:\n    - source:\n        namespaces: ["prod-(a|b)"]\n',
  })
  const REGEX = /regex metacharacters in AuthorizationPolicy/
  it('errs on an ALLOW policy', async () => {
    const f = policy('ALLOW')
    const found = await findings(f, [], REGEX, '1.30', '1.29.2')
    expect(at(found)).toEqual([`${f.path}:${lineOf(f.text, 'namespaces:')} error`])
    expect(found[0]?.message).toMatch(/an ALLOW rule then denies/)
  })
  it('warns on an AUDIT policy, saying it only changes logging', async () => {
    const f = policy('AUDIT')
    const found = await findings(f, [], REGEX, '1.30', '1.29.2')
    expect(at(found)).toEqual([`${f.path}:${lineOf(f.text, 'namespaces:')} warning`])
    expect(found[0]?.message).toMatch(/AUDIT policy then logs a different set of requests/)
  })
})

describe('istio-1.30-authz-regex-escaping: values that never matched before (^ or $ inside the generated regex) change nothing', () => {
  // istiod builds `.*/ns/<value>/.*` for namespaces and `spiffe://.*<suffix>` for suffix principals, matched in full by
  // Envoy: a ^ there, or a $ with text after it, could never match, before the fix or after it.
  const policy = (source: string): File => ({
    path: 'sec/ap.yaml',
    text: `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n  namespace: n\nspec:\n  rules:\n  - from:\n    - source:\n${source}`,
  })
  const REGEX = /regex metacharacters in AuthorizationPolicy/
  it('says nothing on an anchored namespace or a principal with ^', async () => {
    expect(at(await findings(policy('        namespaces: ["^prod$"]\n'), [], REGEX, '1.30', '1.29.2'))).toEqual([])
    expect(at(await findings(policy('        principals: ["*^cluster.local/ns/a/sa/b"]\n'), [], REGEX, '1.30', '1.29.2'))).toEqual([])
  })
  it('still errs on a suffix principal ending in $ (it matched before, literally it matches nothing)', async () => {
    const f = policy('        principals: ["*/sa/frontend$"]\n')
    expect(at(await findings(f, [], REGEX, '1.30', '1.29.2'))).toEqual([`${f.path}:${lineOf(f.text, 'principals:')} error`])
  })
})

describe('istio-1.30-wildcard-serviceentry-sidecars: TLS ports get their own message (binding a waypoint is not enough for them)', () => {
  const se = (port: string): File => ({
    path: 'egress/se.yaml',
    text:
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se\n  namespace: egress\nspec:\n  hosts:\n  - "*.example.com"\n' +
      `  ports:\n  - ${port}\n  resolution: DYNAMIC_DNS\n  location: MESH_EXTERNAL\n`,
  })
  const WILD = /wildcard ServiceEntry with resolution DYNAMIC_DNS/
  it('tells an HTTP wildcard entry to bind a waypoint', async () => {
    const f = se('{number: 80, name: http, protocol: HTTP}')
    const found = await findings(f, [], WILD, '1.29')
    expect(at(found)).toEqual([`${f.path}:${lineOf(f.text, 'resolution:')} warning`])
    expect(found[0]?.message).toMatch(/only works for ambient workloads through a waypoint/)
  })
  it('tells a TLS wildcard entry that a waypoint binding may not be enough (ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS on 1.29)', async () => {
    const f = se('{number: 443, name: tls, protocol: TLS}')
    const found = await findings(f, [], WILD, '1.29')
    expect(at(found)).toEqual([`${f.path}:${lineOf(f.text, 'resolution:')} warning`])
    expect(found[0]?.message).not.toMatch(/only works for ambient workloads through a waypoint/)
    expect(found[0]?.message).toMatch(/ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS=true, so a waypoint binding alone may not be enough/)
  })
})

describe('istio-1.30.1-ignore-policy-attachment: quiet where istiod reads no Gateway API', () => {
  const policy: File = {
    path: 'gw/btls.yaml',
    text:
      'apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: n\n  annotations:\n' +
      '    istio.io/ignore-policy-attachment: "true"\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: s\n' +
      '  validation:\n    hostname: s.example.com\n    wellKnownCACertificates: System\n',
  }
  const IGNORE = /ignore-policy-attachment: "true" annotation is only read from Istio 1.30.1/
  it('warns before 1.30.1', async () => {
    expect(at(await findings(policy, [], IGNORE, '1.29'))).toEqual([`${policy.path}:${lineOf(policy.text, 'ignore-policy-attachment')} warning`])
  })
  it('says nothing when PILOT_ENABLE_GATEWAY_API=false is set in another file', async () => {
    expect(at(await findings(policy, [gatewayApiOff], IGNORE, '1.29'))).toEqual([])
  })
})

describe('istio-1.30-gateway-api-bundle-1.5: the message makes no claim of silence', () => {
  const crd: File = {
    path: 'crds/tlsroutes.yaml',
    text:
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: tlsroutes.gateway.networking.k8s.io\n' +
      '  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.4.1\n    gateway.networking.k8s.io/channel: experimental\n' +
      'spec:\n  group: gateway.networking.k8s.io\n  names:\n    kind: TLSRoute\n    plural: tlsroutes\n  scope: Namespaced\n  versions: []\n',
  }
  it('reports a 1.4 TLSRoute CRD and says istiod logs it', async () => {
    const found = await findings(crd, [], /ignores every TLSRoute unless the TLSRoute CRD/, '1.30', '1.29')
    expect(at(found)).toEqual([`${crd.path}:${lineOf(crd.text, 'bundle-version')} notice`]) // a notice since round 38: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    expect(found[0]?.message).not.toMatch(/silently/)
    expect(found[0]?.message).toMatch(/istiod only logs it/)
  })
})
