// Eighteenth audit (census), helper r18c (docs/audit/catalog-audit-18-r18c.md): one test per fix, each failing on the
// entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { run, of, lineOf } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const file = parsed.find((f) => f.path === path)!
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

/** A Deployment whose pod template carries `annotations` (and optionally `labels`, `hostNetwork: true`, a namespace). */
function deployment(annotations: Record<string, string>, opts: { labels?: Record<string, string>; hostNetwork?: boolean; namespace?: string } = {}): string {
  const ann = Object.entries(annotations).map(([k, v]) => `        ${k}: "${v}"`).join('\n')
  const lab = Object.entries({ app: 'web', ...(opts.labels ?? {}) }).map(([k, v]) => `        ${k}: "${v}"`).join('\n')
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${opts.namespace ?? 'shop'}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
${lab}
      annotations:
${ann}
    spec:
${opts.hostNetwork ? '      hostNetwork: true\n' : ''}      containers:
        - name: web
          image: nginx
`
}

const namespace = (labels: Record<string, string>): string => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
${Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}
`

describe('istio-1.24-enable-core-dump-removed: pods the injector never touches', () => {
  const id = 'istio-1.24-enable-core-dump-removed'
  const plain = deployment({ 'sidecar.istio.io/enableCoreDump': 'true' })
  it('warns on an injected pod template', () => {
    expect(of(run('d.yaml', plain, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(plain, 'enableCoreDump'), severity: 'warning' })])
  })
  it('is quiet on a hostNetwork pod and in kube-system (never injected)', () => {
    expect(of(run('d.yaml', deployment({ 'sidecar.istio.io/enableCoreDump': 'true' }, { hostNetwork: true }), '1.24', '1.23'), id)).toEqual([])
    expect(of(run('d.yaml', deployment({ 'sidecar.istio.io/enableCoreDump': 'true' }, { namespace: 'kube-system' }), '1.24', '1.23'), id)).toEqual([])
  })
  it('is quiet when its own Namespace (another file) turns injection off', () => {
    const alone = runInRepository({ 'd.yaml': plain }, 'd.yaml', '1.24', '1.23').filter((f) => f.message.includes('enableCoreDump'))
    expect(alone).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(plain, 'enableCoreDump') })])
    const found = runInRepository({ 'd.yaml': plain, 'ns.yaml': namespace({ 'istio-injection': 'disabled' }) }, 'd.yaml', '1.24', '1.23')
    expect(found.filter((f) => f.message.includes('enableCoreDump'))).toEqual([])
  })
})

describe('istio-1.24-native-sidecar-annotation: pods the injector never touches', () => {
  const id = 'istio-1.24-native-sidecar-annotation'
  const plain = deployment({ 'sidecar.istio.io/nativeSidecar': 'true' })
  it('warns on an injected pod template before 1.24', () => {
    expect(of(run('d.yaml', plain, '1.23'), id)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(plain, 'nativeSidecar'), severity: 'warning' })])
  })
  it('is quiet on a hostNetwork pod and in kube-system', () => {
    expect(of(run('d.yaml', deployment({ 'sidecar.istio.io/nativeSidecar': 'true' }, { hostNetwork: true }), '1.23'), id)).toEqual([])
    expect(of(run('d.yaml', deployment({ 'sidecar.istio.io/nativeSidecar': 'false' }, { namespace: 'kube-system' }), '1.23'), id)).toEqual([])
  })
  it('is quiet in an ambient Namespace without injection labels (another file)', () => {
    const found = runInRepository({ 'd.yaml': plain, 'ns.yaml': namespace({ 'istio.io/dataplane-mode': 'ambient' }) }, 'd.yaml', '1.23')
    expect(found.filter((f) => f.message.includes('nativeSidecar'))).toEqual([])
    const sidecarNs = runInRepository({ 'd.yaml': plain, 'ns.yaml': namespace({ 'istio-injection': 'enabled' }) }, 'd.yaml', '1.23')
    expect(sidecarNs.filter((f) => f.message.includes('nativeSidecar'))).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(plain, 'nativeSidecar') })])
  })
})

describe('ambient-only pod annotations are quiet on pods ambient never captures', () => {
  it('istio-1.24-bypass-inbound-capture-annotation: a pod labelled istio.io/dataplane-mode: none or on the host network', () => {
    const id = 'istio-1.24-bypass-inbound-capture-annotation'
    const plain = deployment({ 'ambient.istio.io/bypass-inbound-capture': 'true' })
    expect(of(run('d.yaml', plain, '1.23'), id)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(plain, 'bypass-inbound-capture'), severity: 'warning' })])
    expect(of(run('d.yaml', deployment({ 'ambient.istio.io/bypass-inbound-capture': 'true' }, { labels: { 'istio.io/dataplane-mode': 'none' } }), '1.23'), id)).toEqual([])
    expect(of(run('d.yaml', deployment({ 'ambient.istio.io/bypass-inbound-capture': 'true' }, { hostNetwork: true }), '1.23'), id)).toEqual([])
  })
  it('istio-1.25-dns-capture-annotation: same', () => {
    const id = 'istio-1.25-dns-capture-annotation'
    const plain = deployment({ 'ambient.istio.io/dns-capture': 'true' })
    expect(of(run('d.yaml', plain, '1.24'), id)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(plain, 'dns-capture'), severity: 'warning' })])
    expect(of(run('d.yaml', deployment({ 'ambient.istio.io/dns-capture': 'true' }, { labels: { 'istio.io/dataplane-mode': 'none' } }), '1.24'), id)).toEqual([])
    expect(of(run('d.yaml', deployment({ 'ambient.istio.io/dns-capture': 'false' }, { hostNetwork: true }), '1.24'), id)).toEqual([])
  })
})

describe('istio-1.24-openshift-helm-profiles-removed: the gateway chart fails on the profile too', () => {
  it('errs on a gateway chart release with profile: openshift', () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ingress
  namespace: istio-ingress
spec:
  chart:
    spec:
      chart: gateway
      version: 1.24.0
  values:
    profile: openshift
`
    expect(of(run('gw.yaml', text, '1.24', '1.23'), 'istio-1.24-openshift-helm-profiles-removed')).toEqual([
      expect.objectContaining({ file: 'gw.yaml', line: lineOf(text, 'profile: openshift'), severity: 'error' }),
    ])
  })
})

describe('istio-1.24-native-sidecar-annotation: 1.24 to 1.26 honour only the exact value "true"', () => {
  const id = 'istio-1.24-native-sidecar-annotation'
  it('keeps the plain message for "true"', () => {
    const text = deployment({ 'sidecar.istio.io/nativeSidecar': 'true' })
    const found = of(run('d.yaml', text, '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'nativeSidecar'), severity: 'warning' })])
    expect(found[0].message).not.toContain('exact value')
  })
  it('says that another spelling of true is not honoured by 1.24 to 1.26 either', () => {
    const text = deployment({ 'sidecar.istio.io/nativeSidecar': 'True' })
    const found = of(run('d.yaml', text, '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'nativeSidecar'), severity: 'warning' })])
    expect(found[0].message).toContain('exact value "true"')
  })
  it('names the value it saw in the notice on a false spelling', () => {
    const text = deployment({ 'sidecar.istio.io/nativeSidecar': '0' })
    const found = of(run('d.yaml', text, '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'nativeSidecar'), severity: 'notice' })])
    expect(found[0].message).toContain('ignore 0')
  })
})

describe('istio-1.24-xfcc-client-cert-details: only sidecar inbound listeners read the setting', () => {
  const id = 'istio-1.24-xfcc-client-cert-details'
  const pod = (annotations: string, labels = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: gw
  namespace: ingress
spec:
  selector:
    matchLabels: {app: gw}
  template:
    metadata:
      labels:
        app: gw${labels}
      annotations:${annotations}
        proxy.istio.io/config: |
          proxyHeaders:
            setCurrentClientCertDetails:
              cert: true
    spec:
      containers: [{name: app, image: app}]
`
  it('warns on a sidecar pod', () => {
    const text = pod('')
    expect(of(run('d.yaml', text, '1.23'), id)).toEqual([expect.objectContaining({ file: 'd.yaml', line: lineOf(text, 'proxy.istio.io/config'), severity: 'warning' })])
  })
  it('is quiet on a gateway pod (inject.istio.io/templates: gateway) and on a pod never injected', () => {
    expect(of(run('d.yaml', pod('\n        inject.istio.io/templates: gateway', '\n        sidecar.istio.io/inject: "true"'), '1.23'), id)).toEqual([])
    expect(of(run('d.yaml', pod('', '\n        sidecar.istio.io/inject: "false"'), '1.23'), id)).toEqual([])
  })
})

describe('pod annotations the gateway injection template never reads', () => {
  it('istio-1.24-enable-core-dump-removed and istio-1.24-native-sidecar-annotation are quiet on gateway pods', () => {
    const core = deployment({ 'sidecar.istio.io/enableCoreDump': 'true', 'inject.istio.io/templates': 'gateway' }, { labels: { 'sidecar.istio.io/inject': 'true' } })
    expect(of(run('d.yaml', core, '1.24', '1.23'), 'istio-1.24-enable-core-dump-removed')).toEqual([])
    const native = deployment({ 'sidecar.istio.io/nativeSidecar': 'true', 'inject.istio.io/templates': 'gateway' }, { labels: { 'sidecar.istio.io/inject': 'true' } })
    expect(of(run('d.yaml', native, '1.23'), 'istio-1.24-native-sidecar-annotation')).toEqual([])
    const sidecar = deployment({ 'sidecar.istio.io/nativeSidecar': 'true', 'inject.istio.io/templates': 'sidecar' })
    expect(of(run('d.yaml', sidecar, '1.23'), 'istio-1.24-native-sidecar-annotation')).toEqual([
      expect.objectContaining({ file: 'd.yaml', line: lineOf(sidecar, 'nativeSidecar'), severity: 'warning' }),
    ])
  })
})

describe('istio-1.24-gateway-name-label-removed: a Sidecar never applied to gateway or waypoint pods', () => {
  const id = 'istio-1.24-gateway-name-label-removed'
  const sidecar = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: gw
  namespace: ingress
spec:
  workloadSelector:
    labels:
      istio.io/gateway-name: public
  egress:
    - hosts: ["./*"]
`
  it('is quiet on a Sidecar workloadSelector (istiod gives gateways the namespace default scope)', () => {
    expect(of(run('s.yaml', sidecar, '1.24', '1.23'), id)).toEqual([])
  })
  it('still warns on an AuthorizationPolicy selector', () => {
    const policy = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: gw
  namespace: ingress
spec:
  selector:
    matchLabels:
      istio.io/gateway-name: public
  action: DENY
  rules:
    - from:
        - source:
            ipBlocks: ["10.0.0.0/8"]
`
    expect(of(run('p.yaml', policy, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'p.yaml', line: lineOf(policy, 'istio.io/gateway-name'), severity: 'warning' })])
  })
})
