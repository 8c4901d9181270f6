// Twentieth audit (census), helper r20f (docs/audit/catalog-audit-20-r20f.md): one test per fix, each failing on the
// entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (settled: opt-outs, foreign Gateways). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

const gateway = (className: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: ${className}
  listeners:
  - name: http
    port: 80
    protocol: HTTP
`
const listenerSet = (apiVersion: string, kind: string): string => `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: team
  namespace: infra
spec:
  parentRef:
    name: shared
  listeners:
  - name: extra
    port: 8080
    protocol: HTTP
`

describe('listener sets of another controller\'s Gateway are never read by istiod', () => {
  const cases = [
    { id: 'ListenerSet v1 (istio-1.30-listenerset-v1)', text: listenerSet('gateway.networking.k8s.io/v1', 'ListenerSet'), target: '1.29', severity: 'error', message: /Istio reads ListenerSet \(gateway.networking.k8s.io\/v1\) only from 1.30/ },
    { id: 'XListenerSet (istio-1.30-xlistenerset-removed)', text: listenerSet('gateway.networking.x-k8s.io/v1alpha1', 'XListenerSet'), target: '1.30', severity: 'notice', message: /instead of the experimental XListenerSet|no longer reads this XListenerSet/ } // round 38 (r38g): a notice while no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
  ]
  for (const c of cases) {
    const mine = (fs: Finding[]): Finding[] => fs.filter((f) => c.message.test(f.message))
    it(`${c.id}: reported under an istio Gateway`, () => {
      const fs = mine(runInRepository({ 'gw.yaml': gateway('istio'), 'ls.yaml': c.text }, 'ls.yaml', c.target))
      expect(at(fs)).toEqual([`ls.yaml:${lineOf(c.text, 'apiVersion:')} ${c.severity}`])
    })
    it(`${c.id}: nothing when its parentRef is an envoy-gateway Gateway`, () => {
      expect(mine(runInRepository({ 'gw.yaml': gateway('envoy-gateway'), 'ls.yaml': c.text }, 'ls.yaml', c.target))).toEqual([])
    })
    it(`${c.id}: still reported when the parent Gateway is not in the files`, () => {
      const fs = mine(runInRepository({ 'ls.yaml': c.text }, 'ls.yaml', c.target))
      expect(at(fs)).toEqual([`ls.yaml:${lineOf(c.text, 'apiVersion:')} ${c.severity}`])
    })
  }
})

describe('istio-1.30.2-authz-trust-domains: an AUDIT policy allows and denies nothing', () => {
  const ID = 'istio-1.30.2-authz-trust-domains'
  const policy = (action: string, field: string): string => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: p
  namespace: app
spec:
  action: ${action}
  rules:
  - from:
    - source:
        ${field}: ["partner.example"]
`
  it('AUDIT on 1.30.0/1.30.1 (the field is accepted but ignored) is a warning, not an error', () => {
    for (const field of ['trustDomains', 'notTrustDomains']) {
      const text = policy('AUDIT', field)
      for (const target of ['1.30.0', '1.30.1']) {
        const fs = of(run('ap.yaml', text, target), ID)
        expect(at(fs)).toEqual([`ap.yaml:${lineOf(text, field)} warning`])
        expect(fs[0]!.message).toMatch(/allows and denies nothing/)
      }
    }
  })
  it('AUDIT before 1.30 (the CRD lacks the field) stays an error; nothing from 1.30.2', () => {
    const text = policy('AUDIT', 'trustDomains')
    expect(at(of(run('ap.yaml', text, '1.29'), ID))).toEqual([`ap.yaml:${lineOf(text, 'trustDomains')} error`])
    expect(of(run('ap.yaml', text, '1.30.2'), ID)).toEqual([])
  })
  it('ALLOW, DENY and an unset action stay errors on 1.30.1', () => {
    for (const action of ['ALLOW', 'DENY', 'CUSTOM']) {
      const text = policy(action, 'notTrustDomains')
      expect(at(of(run('ap.yaml', text, '1.30.1'), ID))).toEqual([`ap.yaml:${lineOf(text, 'notTrustDomains')} error`])
    }
    const unset = policy('ALLOW', 'trustDomains').replace('  action: ALLOW\n', '')
    expect(at(of(run('ap.yaml', unset, '1.30.1'), ID))).toEqual([`ap.yaml:${lineOf(unset, 'trustDomains')} error`])
  })
})

describe('istio-1.29-tls-cipher-suites-option: a Passthrough listener never terminates TLS', () => {
  const ID = 'istio-1.29-tls-cipher-suites-option'
  const gw = (mode: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: infra
spec:
  gatewayClassName: istio
  listeners:
  - name: tls
    port: 443
    protocol: ${mode === 'Passthrough' ? 'TLS' : 'HTTPS'}
    hostname: a.example.com
    tls:
${mode ? `      mode: ${mode}\n` : ''}      certificateRefs:
      - name: cert
      options:
        gateway.istio.io/tls-cipher-suites: ECDHE-ECDSA-AES128-GCM-SHA256
`
  it('warns on a terminating listener (mode unset or Terminate) before 1.29', () => {
    for (const mode of ['', 'Terminate']) {
      const text = gw(mode)
      expect(at(of(run('gw.yaml', text, '1.28'), ID))).toEqual([`gw.yaml:${lineOf(text, 'tls-cipher-suites')} warning`])
      expect(of(run('gw.yaml', text, '1.29'), ID)).toEqual([])
    }
  })
  it('says nothing on a Passthrough listener, where no release applies cipher suites', () => {
    expect(of(run('gw.yaml', gw('Passthrough'), '1.28'), ID)).toEqual([])
  })
  it('narrowed per Gateway: a Gateway that also has a Passthrough listener says nothing (a missed warning, never a false one)', () => {
    const both = gw('Terminate') + '  - name: pass\n    port: 8443\n    protocol: TLS\n    tls:\n      mode: Passthrough\n'
    expect(of(run('gw.yaml', both, '1.28'), ID)).toEqual([])
  })
  it('says nothing on a terminating listener without the option', () => {
    expect(of(run('gw.yaml', gw('Terminate').replace(/\n {6}options:\n.*\n/, '\n'), '1.28'), ID)).toEqual([])
  })
})

describe('istio-1.29-debug-endpoint-auth: Kiali configured (kiali-server chart ConfigMap) not to call the Istio API', () => {
  const kiali = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kiali
  namespace: observability
spec:
  selector:
    matchLabels: {app: kiali}
  template:
    metadata:
      labels: {app: kiali}
    spec:
      containers:
      - name: kiali
        image: quay.io/kiali/kiali:v2.10
`
  const config = (enabled: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: kiali
  namespace: observability
data:
  config.yaml: |
    auth:
      strategy: anonymous
    external_services:
      istio:
        istio_api_enabled: ${enabled}
`
  const mine = (fs: Finding[]): Finding[] => fs.filter((f) => /ENABLE_DEBUG_ENDPOINT_AUTH=false restores it/.test(f.message))
  it('warns on a Kiali Deployment outside istio-system', () => {
    expect(at(mine(runInRepository({ 'kiali.yaml': kiali }, 'kiali.yaml', '1.29', '1.28.3')))).toEqual([`kiali.yaml:${lineOf(kiali, 'name: kiali')} warning`])
    expect(at(mine(runInRepository({ 'kiali.yaml': kiali, 'cm.yaml': config('true') }, 'kiali.yaml', '1.29', '1.28.3')))).toEqual([`kiali.yaml:${lineOf(kiali, 'name: kiali')} warning`])
  })
  it('says nothing when the Kiali ConfigMap in another file sets istio_api_enabled: false', () => {
    expect(mine(runInRepository({ 'kiali.yaml': kiali, 'cm.yaml': config('false') }, 'kiali.yaml', '1.29', '1.28.3'))).toEqual([])
  })
})
