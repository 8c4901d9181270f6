// Round 34 (lead, after r34c's fix of istio-1.26-backend-tls-policy-alpha, docs/audit/catalog-audit-34-r34c.md): every
// other entry about a kind Istio reads only with PILOT_ENABLE_ALPHA_GATEWAY_API=true stays quiet where the repository
// installs istiod itself (a Flux HelmRelease or an Argo CD Application of the istiod chart, with every value inline)
// and leaves the flag at its default, false: that istiod reads the object on neither side of the upgrade. Each "quiet"
// test fails on the entries as they were; each "still reports" test asserts file, line and severity.
import { describe, expect, it } from '@jest/globals'
import { istiodApplication, istiodRelease, lineOf, settled as settledIn } from '../support/catalog-run.js'

/** One entry's findings on gw.yaml, with `istiod` in its own file. */
const settled = (id: string, text: string, target: string, from: string | undefined, istiod?: string): string[] =>
  settledIn(id, 'gw.yaml', text, target, from, istiod ? { 'istio/istiod.yaml': istiod } : {})

const helmIstiod = (env: string): string => istiodRelease(['pilot:', `  env: {${env}}`])

const argoIstiod = istiodApplication('pilot: {env: {PILOT_ENABLE_GATEWAY_API: "true"}}')

const listenerSet = (tls: boolean): string =>
  [
    'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
    'kind: XListenerSet',
    'metadata: {name: extra, namespace: apps}',
    'spec:',
    '  parentRef: {name: gw, namespace: istio-ingress}',
    '  listeners:',
    '  - name: https',
    '    hostname: shop.example.com',
    '    port: 443',
    '    protocol: HTTPS',
    ...(tls ? ['    tls:', '      mode: Terminate', '      certificateRefs:', '      - {name: shop-cert}'] : []),
    ''
  ].join('\n')

const backendTls = (ref: string): string =>
  [
    'apiVersion: gateway.networking.k8s.io/v1alpha3',
    'kind: BackendTLSPolicy',
    'metadata: {name: tls, namespace: apps}',
    'spec:',
    '  targetRefs:',
    `  - ${ref}`,
    '  validation: {hostname: svc.example.com, wellKnownCACertificates: System}',
    ''
  ].join('\n')

const CASES: { id: string; text: string; target: string; from?: string; line: string; unseen?: string }[] = [
  { id: 'istio-1.27-xlistenerset', text: listenerSet(false), target: '1.26', from: '1.25', line: 'apiVersion:', unseen: 'notice' },
  { id: 'istio-1.27.4-xlistenerset-tls-secrets', text: listenerSet(true), target: '1.27.3', from: '1.27.2', line: 'certificateRefs:', unseen: 'notice' },
  { id: 'istio-1.28-backend-tls-policy-section-name', text: backendTls('{group: "", kind: Service, name: svc, sectionName: https}'), target: '1.27', from: '1.26', line: 'sectionName', unseen: 'notice' },
  { id: 'istio-1.28-backend-tls-policy-serviceentry-target', text: backendTls('{group: networking.istio.io, kind: ServiceEntry, name: api}'), target: '1.27', from: '1.26', line: 'kind: ServiceEntry', unseen: 'notice' },
  // Round 38 (r38e, r38g): a notice where no file turns the flag on and no istiod install shows it off.
  { id: 'istio-1.30-xlistenerset-removed', text: listenerSet(false), target: '1.30', from: '1.29', line: 'apiVersion:', unseen: 'notice' }
]

describe.each(CASES)('$id with istiod installed in the repository', ({ id, text, target, from, line, unseen }) => {
  const on = `gw.yaml:${lineOf(text, line)} error`

  it('reports where the repository does not show how istiod is installed', () => {
    expect(settled(id, text, target, from)).toEqual([`gw.yaml:${lineOf(text, line)} ${unseen ?? 'error'}`])
  })

  it('is quiet next to an istiod HelmRelease or Argo CD Application that leaves the alpha flag unset', () => {
    expect(settled(id, text, target, from, helmIstiod('PILOT_ENABLE_GATEWAY_API: "true"'))).toEqual([])
    expect(settled(id, text, target, from, argoIstiod)).toEqual([])
  })

  it('still reports where that istiod turns the flag on', () => {
    expect(settled(id, text, target, from, helmIstiod('PILOT_ENABLE_ALPHA_GATEWAY_API: "true"'))).toEqual([on])
  })
})
