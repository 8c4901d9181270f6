// Regression tests for the false-positive classes found on real repositories (research/real-world-review.md):
// each class in its minimal shape, once where it must trip and once where it must stay quiet, file and line asserted.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer, catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { check } from '../helpers/schema-cases.js'

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`

/** Catalog findings of one entry: file and line of each. */
function hits(file: string, text: string, entryId: string, target: string, from?: string): { file: string; line: number; rule: string }[] {
  const parsed = parseManifestFile(file, text)
  expect(parsed.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseRelease(from) } : {}), files: [parsed] }
  return parsed.documents
    .flatMap((d) => catalogFindings(d, ctx))
    .filter((f) => f.entryId === entryId)
    .map((f) => ({ file: f.finding.file, line: f.finding.line, rule: f.finding.rule }))
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

describe('FP-4: global.proxy.enableCoreDump: false changes nothing', () => {
  const values = (v: string) => yaml('global:', '  proxy:', `    enableCoreDump: ${v}`, 'pilot:', '  autoscaleEnabled: false')
  it('trips on true', () => {
    expect(hits('istio/values.yaml', values('true'), 'istio-1.24-enable-core-dump-removed', '1.24')).toEqual([{ file: 'istio/values.yaml', line: 3, rule: 'removed-feature' }])
  })
  it('stays quiet on false', () => {
    expect(hits('istio/values.yaml', values('false'), 'istio-1.24-enable-core-dump-removed', '1.24')).toEqual([])
  })
  it('the annotation likewise', () => {
    const pod = (v: string) => yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', `    sidecar.istio.io/enableCoreDump: "${v}"`, 'spec:', '  containers: [{name: a, image: a}]')
    expect(hits('p.yaml', pod('true'), 'istio-1.24-enable-core-dump-removed', '1.24')).toEqual([{ file: 'p.yaml', line: 6, rule: 'removed-feature' }])
    expect(hits('p.yaml', pod('false'), 'istio-1.24-enable-core-dump-removed', '1.24')).toEqual([])
  })
})

describe('FP-6: ztunnel resource names, renamed in 1.25 and back in 1.26', () => {
  const app = (name: string, values = '') =>
    yaml(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      '  source:',
      '    repoURL: https://istio-release.storage.googleapis.com/charts',
      '    targetRevision: 1.24.3',
      '    chart: ztunnel',
      ...(values ? ['    helm:', '      valuesObject:', `        ${values}`] : [])
    )
  const RENAMED = 'istio-1.25-ztunnel-resource-names'
  const RESTORED = 'istio-1.26-ztunnel-resource-names-restored'
  const both = (text: string, from: string, target: string) => [...hits('argo/ztunnel.yaml', text, RENAMED, target, from), ...hits('argo/ztunnel.yaml', text, RESTORED, target, from)]

  it('1.24 → 1.25 renames a release not called ztunnel', () => {
    expect(both(app('istio-ztunnel'), '1.24', '1.25')).toEqual([{ file: 'argo/ztunnel.yaml', line: 9, rule: 'behaviour-changed' }])
  })
  it('1.25 → 1.26 names it back', () => {
    // Two raw hits since round 30: the warning arm and the error arm that only reports where istiod is told to trust
    // another ztunnel account (ifRepository); the settle step keeps one of them (__tests__/analyze/catalog-audit-30-r30a.test.ts).
    expect(hits('argo/ztunnel.yaml', app('istio-ztunnel'), RESTORED, '1.26', '1.25')).toEqual([
      { file: 'argo/ztunnel.yaml', line: 9, rule: 'behaviour-changed' },
      { file: 'argo/ztunnel.yaml', line: 9, rule: 'behaviour-changed' }
    ])
    expect(hits('argo/ztunnel.yaml', app('istio-ztunnel'), RENAMED, '1.26', '1.25')).toEqual([])
  })
  it('1.24 → 1.26 crosses both and sees no change at all', () => {
    expect(both(app('istio-ztunnel'), '1.24', '1.26')).toEqual([])
    expect(both(app('istio-ztunnel'), '1.22', '1.31')).toEqual([])
  })
  it('a release already called ztunnel, or resourceName: ztunnel, is never renamed', () => {
    expect(both(app('ztunnel'), '1.24', '1.25')).toEqual([])
    expect(both(app('ztunnel'), '1.25', '1.26')).toEqual([])
    expect(both(app('istio-ztunnel', 'resourceName: ztunnel'), '1.24', '1.25')).toEqual([])
  })
  it('Argo CD helm.releaseName wins over the Application name', () => {
    const text = app('istio-ztunnel').replace('    chart: ztunnel\n', '    chart: ztunnel\n    helm:\n      releaseName: ztunnel\n')
    expect(both(text, '1.24', '1.25')).toEqual([])
  })
})

describe('FP-7: istio-proxy as the main container of a gateway or ztunnel is not an injected sidecar', () => {
  const deployment = (labels: string[], args: string[]) =>
    yaml(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: istio-ingressgateway',
      'spec:',
      '  template:',
      '    metadata:',
      ...(labels.length ? ['      labels:', ...labels.map((l) => `        ${l}`)] : ['      labels: {app: x}']),
      '    spec:',
      '      containers:',
      '      - name: istio-proxy',
      '        image: docker.io/istio/proxyv2:1.26.0',
      ...(args.length ? ['        args:', ...args.map((a) => `        - ${a}`)] : [])
    )
  const ID = 'istio-1.27-native-sidecars'
  it('trips on an application pod that customises its injected sidecar', () => {
    const text = deployment([], [])
    expect(hits('apps/web.yaml', text, ID, '1.27', '1.26')).toEqual([{ file: 'apps/web.yaml', line: lineOf(text, '- name: istio-proxy'), rule: 'default-changed' }])
  })
  it('stays quiet on a rendered gateway (inject "false", proxy router)', () => {
    expect(hits('gw.yaml', deployment(['sidecar.istio.io/inject: "false"'], ['proxy', 'router']), ID, '1.27', '1.26')).toEqual([])
    expect(hits('gw.yaml', deployment([], ['proxy', 'router']), ID, '1.27', '1.26')).toEqual([])
    expect(hits('gw.yaml', deployment(['sidecar.istio.io/inject: "false"'], []), ID, '1.27', '1.26')).toEqual([])
  })
  it('stays quiet on ztunnel (proxy ztunnel) and on gateway-template injection', () => {
    expect(hits('zt.yaml', deployment([], ['proxy', 'ztunnel']), ID, '1.27', '1.26')).toEqual([])
    const gw = deployment([], []).replace('      labels: {app: x}\n', '      labels: {app: x}\n      annotations:\n        inject.istio.io/templates: gateway\n')
    expect(hits('gw.yaml', gw, ID, '1.27', '1.26')).toEqual([])
  })
})

describe('FP-8: ambient DNS capture next to an explicit dnsCapture', () => {
  const ID = 'istio-1.25-ambient-dns-capture'
  const values = (extra: string[]) => yaml('cni:', '  ambient:', '    enabled: true', ...extra.map((e) => `    ${e}`), 'global:', '  hub: docker.io/istio')
  it('trips when dnsCapture is left to the default', () => {
    expect(hits('istio/cni/values.yaml', values([]), ID, '1.25', '1.24')).toEqual([{ file: 'istio/cni/values.yaml', line: 3, rule: 'default-changed' }])
  })
  it('only the notice on the explicit setting when dnsCapture is set to false (true, the 1.25 default, is quiet: audit 10)', () => {
    expect(hits('istio/cni/values.yaml', values(['dnsCapture: true']), ID, '1.25', '1.24')).toEqual([])
    const text = values(['dnsCapture: false'])
    const parsed = parseManifestFile('istio/cni/values.yaml', text)
    const ctx: AnalysisContext = { target: parseRelease('1.25'), from: parseRelease('1.24'), files: [parsed] }
    const found = parsed.documents.flatMap((d) => catalogFindings(d, ctx)).filter((f) => f.entryId === ID)
    expect(found.map((f) => [f.finding.line, f.finding.severity])).toEqual([[4, 'notice']])
  })
  it('an IstioOperator ambient profile with dnsCapture set stays quiet', () => {
    const iop = (dns: boolean) => yaml('apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata: {name: x}', 'spec:', '  profile: ambient', ...(dns ? ['  values:', '    cni:', '      ambient:', '        dnsCapture: false'] : []))
    expect(hits('iop.yaml', iop(false), ID, '1.25', '1.24')).toEqual([{ file: 'iop.yaml', line: 5, rule: 'default-changed' }])
    expect(hits('iop.yaml', iop(true), ID, '1.25', '1.24').filter((h) => h.line === 5)).toEqual([])
  })
})

describe('FP-9: 1.30 host selection, ServiceEntry in the Service’s own namespace', () => {
  const ID = 'istio-1.30-pick-best-service-namespace'
  const se = (ns: string) => yaml('apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: reviews', `  namespace: ${ns}`, 'spec:', '  hosts:', '  - reviews.bookinfo.svc.cluster.local', '  resolution: DNS')
  it('trips for a ServiceEntry in another namespace than the host that sorts before it (it used to win)', () => {
    expect(hits('se.yaml', se('a-external'), ID, '1.30', '1.29')).toEqual([{ file: 'se.yaml', line: 8, rule: 'default-changed' }])
  })
  it('stays quiet in a namespace that sorts after the host’s (the Service there was already first; census 7 c7f)', () => {
    expect(hits('se.yaml', se('mesh-external'), ID, '1.30', '1.29')).toEqual([])
  })
  it('stays quiet in the host’s own namespace', () => {
    expect(hits('se.yaml', se('bookinfo'), ID, '1.30', '1.29')).toEqual([])
  })
})

describe('FP-10: strategic merge patch directives are never fields', () => {
  const patch = yaml(
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  $retainKeys: [hosts, http]',
    '  $setElementOrder/http:',
    '  - name: a',
    '  $deleteFromPrimitiveList/hosts: [old.example.com]',
    '  http:',
    '  - name: b',
    '    $patch: delete',
    '  - name: a',
    '    timeoutt: 5s'
  )
  it('reports only the real typo, not $patch, $retainKeys, $setElementOrder or $deleteFromPrimitiveList', () => {
    const found = check('1.28', patch, 'kustomize/patch.yaml').filter((f) => f.rule === 'unknown-field')
    expect(found.map((f) => ({ file: f.file, line: f.line, path: f.path }))).toEqual([{ file: 'kustomize/patch.yaml', line: 14, path: 'spec.http[1].timeoutt' }])
  })
  it('a $patch: delete item is not validated as an object', () => {
    const text = yaml('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: r', 'spec:', '  host: r', '  subsets:', '  - $patch: delete', '    name: v1', '    labelz: {}')
    expect(check('1.28', text, 'p.yaml')).toEqual([])
  })
})

describe('FP-12: charts named base or gateway count as Istio only from Istio’s repository', () => {
  const ID = 'istio-1.24-crd-templates'
  const app = (repo: string) => yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: platform-base', 'spec:', '  source:', `    repoURL: ${repo}`, '    targetRevision: 3.2.0', '    chart: base')
  it('takes base from Istio’s chart repository for Istio’s (the CRD finding itself is for Helm installations only, not Argo CD, audit 10)', () => {
    expect(parseManifestFile('apps/base.yaml', app('https://istio-release.storage.googleapis.com/charts')).documents[0].chart).toBe('base')
    expect(parseManifestFile('apps/base.yaml', app('https://charts.example.com/platform')).documents[0].chart).toBeUndefined()
    expect(hits('apps/base.yaml', app('https://istio-release.storage.googleapis.com/charts'), ID, '1.24', '1.23')).toEqual([])
  })
  it('stays quiet for base from another repository', () => {
    expect(hits('apps/base.yaml', app('https://charts.example.com/platform'), ID, '1.24', '1.23')).toEqual([])
  })
  it('a release named or placed like Istio does not make another repository’s gateway chart Istio’s', () => {
    const flux = (source: string) => yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: istio-ingress', '  namespace: istio-system', 'spec:', '  chart:', `    spec: {chart: gateway, version: 2.41.0, sourceRef: {kind: HelmRepository, name: ${source}}}`, '  values:', '    global: {hub: example.com}')
    const kong = parseManifestFile('apps/kong.yaml', flux('kong')).documents[0]
    expect(kong.chart).toBeUndefined()
    expect(kong.embedded).toEqual([])
    const istio = parseManifestFile('apps/gw.yaml', flux('istio')).documents[0]
    expect(istio.chart).toBe('gateway')
    expect(istio.embedded.map((e) => [e.role, e.chart])).toEqual([['helm-values', 'gateway']])
  })
  it('a Chart.yaml dependency needs Istio’s repository too', () => {
    const chart = (repo: string) => yaml('apiVersion: v2', 'name: platform', 'version: 0.1.0', 'dependencies:', '- name: base', '  version: 1.24.0', `  repository: ${repo}`)
    expect(hits('Chart.yaml', chart('https://istio-release.storage.googleapis.com/charts'), ID, '1.24', '1.23')).toEqual([{ file: 'Chart.yaml', line: 5, rule: 'default-changed' }])
    expect(hits('Chart.yaml', chart('oci://registry.example.com/charts'), ID, '1.24', '1.23')).toEqual([])
  })
})

describe('false negatives found on real repositories', () => {
  it('removed API groups are an error on any target, with where to go instead', () => {
    const docs = [
      yaml('apiVersion: config.istio.io/v1alpha2', 'kind: handler', 'metadata:', '  name: stackdriver', 'spec:', '  compiledAdapter: stackdriver'),
      yaml('apiVersion: rbac.istio.io/v1alpha1', 'kind: ServiceRole', 'metadata:', '  name: reader', 'spec:', '  rules: []'),
      yaml('apiVersion: authentication.istio.io/v1alpha1', 'kind: MeshPolicy', 'metadata:', '  name: default', 'spec:', '  peers: []')
    ]
    for (const target of ['1.20', '1.31']) {
      const found = check(target, docs.join('---\n'), 'legacy/mixer.yaml')
      expect(found.map((f) => [f.rule, f.severity, f.file, f.line])).toEqual([
        ['api-version-not-served', 'error', 'legacy/mixer.yaml', 1],
        ['api-version-not-served', 'error', 'legacy/mixer.yaml', 8],
        ['api-version-not-served', 'error', 'legacy/mixer.yaml', 15]
      ])
      expect(found[0].message).toContain('Mixer')
      expect(found[1].message).toContain('AuthorizationPolicy')
      expect(found[2].message).toContain('PeerAuthentication')
      expect(found[0].source).toMatch(/^https:\/\/istio\.io\//)
    }
  })
  it('a current Istio group stays quiet', () => {
    expect(check('1.28', yaml('apiVersion: security.istio.io/v1', 'kind: PeerAuthentication', 'metadata:', '  name: default', 'spec:', '  mtls: {mode: STRICT}'), 'p.yaml')).toEqual([])
  })

  it('IstioOperator addonComponents and removed components are errors; current components are not', () => {
    const text = yaml(
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      'metadata:',
      '  name: old',
      'spec:',
      '  addonComponents:',
      '    grafana: {enabled: true}',
      '  components:',
      '    pilot: {enabled: true}',
      '    citadel: {enabled: false}',
      '    telemetry: {enabled: false}',
      '    ingressGateways:',
      '    - name: istio-ingressgateway'
    )
    const parsed = parseManifestFile('install/iop.yaml', text)
    const ctx: AnalysisContext = { target: parseRelease('1.22'), files: [parsed] }
    const found = parsed.documents.flatMap((d) => catalogAnalyzer.check(d, ctx)).filter((f) => f.severity === 'error')
    expect(found.map((f) => [f.rule, f.file, f.line, f.path])).toEqual([
      ['removed-feature', 'install/iop.yaml', 6, 'spec.addonComponents'],
      ['removed-feature', 'install/iop.yaml', 10, 'spec.components.citadel'],
      ['removed-feature', 'install/iop.yaml', 11, 'spec.components.telemetry']
    ])
  })

  it('stackdriver values that stop the istiod chart from rendering are errors where the chart fails', () => {
    // Reported by the chart-values index (helm-value-rejected, from the istiod chart's NOTES.txt failDeps).
    const values = yaml(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: istiod, namespace: istio-system}',
      'spec:',
      '  chart:',
      '    spec: {chart: istiod, version: 1.24.2, sourceRef: {kind: HelmRepository, name: istio}}',
      '  values:',
      '    global:',
      '      tracer:',
      '        stackdriver:',
      '          debug: false',
      '    telemetry:',
      '      v2:',
      '        stackdriver:',
      '          disableOutbound: false'
    )
    const errs = (target: string) => {
      const parsed = parseManifestFile('istio/values.yaml', values)
      const ctx: AnalysisContext = { target: parseRelease(target), files: [parsed] }
      return parsed.documents.flatMap((d) => catalogAnalyzer.check(d, ctx)).filter((f) => f.severity === 'error').map((f) => [f.rule, f.file, f.line]).sort((a, b) => Number(a[2]) - Number(b[2]))
    }
    expect(errs('1.23')).toEqual([['helm-value-rejected', 'istio/values.yaml', 15]])
    expect(errs('1.24')).toEqual([
      ['helm-value-rejected', 'istio/values.yaml', 11],
      ['helm-value-rejected', 'istio/values.yaml', 15]
    ])
  })

  it('an Argo CD ApplicationSet’s chart values are checked like an Application’s', () => {
    const text = yaml(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata:',
      '  name: istiod',
      'spec:',
      '  generators: [{clusters: {}}]',
      '  template:',
      "    metadata: {name: '{{name}}-istiod'}",
      '    spec:',
      '      source:',
      '        repoURL: https://istio-release.storage.googleapis.com/charts',
      '        chart: istiod',
      '        targetRevision: 1.24.2',
      '        helm:',
      '          valuesObject:',
      '            global:',
      '              proxy:',
      '                enableCoreDump: true'
    )
    expect(hits('argo/istiod-set.yaml', text, 'istio-1.24-enable-core-dump-removed', '1.24')).toEqual([{ file: 'argo/istiod-set.yaml', line: 18, rule: 'removed-feature' }])
  })
})
