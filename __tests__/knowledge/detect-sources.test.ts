// Auto detection prefers what installs Istio over loose files, lists every source, and says when they disagree.
import { describe, expect, it } from '@jest/globals'
import { wholeFileSources } from '../../src/changes/snapshots.js'
import { detectIstio } from '../../src/knowledge/detect.js'
import { runAnalysis, type Snapshot } from '../../src/pipeline.js'
import { UsageError } from '../../src/model.js'
import { renderReport } from '../../src/report/formats.js'

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`

const DECOY = yaml('apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata:', '  name: example', 'spec:', '  tag: 1.31.0')
const HELMRELEASE = (version: string) =>
  yaml(
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istiod',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    `      version: ${version}`,
    '      sourceRef: {kind: HelmRepository, name: istio}'
  )
// retryBudget exists from 1.27: an error on 1.26.8 that the decoy (1.31.0) would hide.
const DR = yaml('apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: reviews', '  namespace: shop', 'spec:', '  host: reviews', '  trafficPolicy:', '    retryBudget:', '      percent: 20')

function memory(files: Record<string, string>): Snapshot {
  return {
    list: async () => Object.keys(files),
    read: async (paths) => new Map(paths.filter((p) => p in files).map((p) => [p, new TextEncoder().encode(files[p])]))
  }
}

async function run(files: Record<string, string>) {
  const snapshot = memory(files)
  return runAnalysis(await wholeFileSources(snapshot, () => true), { target: 'auto', paths: ['**/*.yaml'] })
}

describe('decoy version sources', () => {
  it('a Flux HelmRelease at 1.26.8 wins over an example IstioOperator tag 1.31.0 whose path sorts first', async () => {
    const result = await run({ 'a/000-example.yaml': DECOY, 'clusters/istiod.yaml': HELMRELEASE('1.26.8'), 'clusters/dr.yaml': DR })
    expect(result.target.release.version).toBe('1.26.8')
    expect(result.target.origin).toBe('clusters/istiod.yaml:10 (Flux HelmRelease spec.chart.spec.version (chart istiod))')
    // The real error stays.
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.file, f.line])).toEqual([['not-yet-available', 'clusters/dr.yaml', 9]])
    // The decoy is named, not silently outranked.
    expect(result.findings.filter((f) => f.rule === 'version-sources-disagree').map((f) => [f.file, f.line, f.severity])).toEqual([['a/000-example.yaml', 6, 'warning']])
    expect(result.versionCandidates?.map((c) => [c.version, c.file, c.line])).toEqual([
      ['1.26.8', 'clusters/istiod.yaml', 10],
      ['1.31.0', 'a/000-example.yaml', 6]
    ])
  })

  it('the text, JSON and markdown reports list every source seen', async () => {
    const result = await run({ 'a/000-example.yaml': DECOY, 'clusters/istiod.yaml': HELMRELEASE('1.26.8') })
    const text = renderReport(result, 'text', { rules: [] })
    expect(text).toContain('Istio version sources (auto, chosen first): 1.26.8 (Flux HelmRelease spec.chart.spec.version (chart istiod), clusters/istiod.yaml:10); 1.31.0 (IstioOperator spec.tag, a/000-example.yaml:6)')
    const json = JSON.parse(renderReport(result, 'json', { rules: [] }))
    expect(json.versionCandidates).toEqual([
      { version: '1.26.8', file: 'clusters/istiod.yaml', line: 10, how: 'Flux HelmRelease spec.chart.spec.version (chart istiod)' },
      { version: '1.31.0', file: 'a/000-example.yaml', line: 6, how: 'IstioOperator spec.tag' }
    ])
    expect(renderReport(result, 'markdown', { rules: [] })).toContain('also named: `1.31.0` at `a/000-example.yaml:6` (IstioOperator `spec.tag`)')
  })

  it('no disagreement finding when the sources agree on the minor', async () => {
    const result = await run({ 'a/000-example.yaml': DECOY.replace('1.31.0', '1.26.3'), 'clusters/istiod.yaml': HELMRELEASE('1.26.8') })
    expect(result.findings.filter((f) => f.rule === 'version-sources-disagree')).toEqual([])
    expect(result.versionCandidates).toHaveLength(2)
  })

  it('does not depend on the order of the paths', () => {
    const a = detectIstio([{ path: 'z/istiod.yaml', text: HELMRELEASE('1.26.8') }, { path: 'a/example.yaml', text: DECOY }])
    const b = detectIstio([{ path: 'a/istiod.yaml', text: HELMRELEASE('1.26.8') }, { path: 'z/example.yaml', text: DECOY }])
    expect(a.chosen?.version).toBe('1.26.8')
    expect(b.chosen?.version).toBe('1.26.8')
  })
})

describe('rendered installs', () => {
  const rendered = (pilot: string) =>
    yaml(
      'apiVersion: install.istio.io/v1alpha1',
      'kind: IstioOperator',
      'metadata:',
      '  name: installed-state',
      '  namespace: istio-system',
      'spec:',
      '  profile: default',
      '  tag: 1.28.0',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: istiod',
      '  namespace: istio-system',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: discovery',
      `        image: docker.io/istio/pilot:${pilot}`
    )
  it('the istiod image tag (1.29.0) wins over a stale IstioOperator tag (1.28.0), and the disagreement is reported', () => {
    const d = detectIstio([{ path: 'common/istio/install.yaml', text: rendered('1.29.0') }])
    expect(d.chosen).toEqual({ version: '1.29.0', file: 'common/istio/install.yaml', line: 20, how: 'istiod image docker.io/istio/pilot:1.29.0' })
    expect(d.disagreeing.map((c) => [c.version, c.line])).toEqual([['1.28.0', 8]])
  })
  it('a distroless image tag and a gcr.io hub read the same', () => {
    expect(detectIstio([{ path: 'i.yaml', text: rendered('1.29.1-distroless').replace('docker.io/istio', 'gcr.io/istio-release') }]).chosen?.version).toBe('1.29.1')
  })
  it('an upgrade of the rendered install is seen as one: base 1.28.0 images, head 1.29.0 images', () => {
    expect(detectIstio([{ path: 'i.yaml', text: rendered('1.28.0') }]).chosen?.version).toBe('1.28.0')
    expect(detectIstio([{ path: 'i.yaml', text: rendered('1.29.0') }]).chosen?.version).toBe('1.29.0')
  })
  it('a pilot image of another project is not istiod', () => {
    const other = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: autopilot}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: app', '        image: example.com/team/pilot:2.0.1')
    expect(detectIstio([{ path: 'o.yaml', text: other }]).chosen).toBeUndefined()
  })
})

describe('Argo CD ApplicationSets and chart repositories', () => {
  it('reads the chart version of an ApplicationSet template', () => {
    const text = yaml(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata:',
      '  name: istiod',
      'spec:',
      '  generators:',
      '  - clusters: {}',
      '  template:',
      '    metadata:',
      "      name: '{{name}}-istiod'",
      '    spec:',
      '      source:',
      '        repoURL: https://istio-release.storage.googleapis.com/charts',
      '        chart: istiod',
      '        targetRevision: 1.27.2'
    )
    expect(detectIstio([{ path: 'argo/istiod-set.yaml', text }]).chosen).toEqual({ version: '1.27.2', file: 'argo/istiod-set.yaml', line: 15, how: 'Argo CD ApplicationSet spec.template.spec.source.targetRevision (chart istiod)' })
  })

  it('FP-12: a chart named base or gateway from another repository is not Istio', () => {
    const other = yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata: {name: platform}', 'spec:', '  source:', '    repoURL: https://charts.example.com/platform', '    chart: base', '    targetRevision: 3.2.0')
    const flux = yaml(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: kong, namespace: kong}',
      'spec:',
      '  chart:',
      '    spec: {chart: gateway, version: 2.41.0, sourceRef: {kind: HelmRepository, name: kong}}',
      '---',
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: HelmRepository',
      'metadata: {name: kong, namespace: kong}',
      'spec: {url: https://charts.konghq.com}'
    )
    const d = detectIstio([{ path: 'a/base.yaml', text: other }, { path: 'b/kong.yaml', text: flux }, { path: 'c/istiod.yaml', text: HELMRELEASE('1.28.2') }])
    expect(d.chosen).toEqual(expect.objectContaining({ version: '1.28.2', file: 'c/istiod.yaml', line: 10 }))
    expect(d.candidates).toHaveLength(1)
  })

  it('a Flux gateway chart counts when its HelmRepository is Istio’s', () => {
    const text = yaml(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: ingress, namespace: istio-ingress}',
      'spec:',
      '  chart:',
      '    spec: {chart: gateway, version: 1.28.2, sourceRef: {kind: HelmRepository, name: istio, namespace: flux-system}}',
      '---',
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: HelmRepository',
      'metadata: {name: istio, namespace: flux-system}',
      'spec: {url: https://istio-release.storage.googleapis.com/charts}'
    )
    expect(detectIstio([{ path: 'gw.yaml', text }]).chosen).toEqual(expect.objectContaining({ version: '1.28.2', line: 6 }))
  })
})

describe('versions auto detection cannot read', () => {
  it('names HelmReleases whose version is a Flux substitution when nothing else is found', async () => {
    const error = await run({ 'infra/istiod.yaml': HELMRELEASE('"${istio_version}"') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toContain('infra/istiod.yaml:10 (Flux HelmRelease spec.chart.spec.version (chart istiod): "${istio_version}")')
  })
  it('a readable source elsewhere is used, and the substitution does not stop the run', async () => {
    const result = await run({ 'infra/istiod.yaml': HELMRELEASE('"${istio_version}"'), 'values/istio.yaml': yaml('global:', '  tag: 1.27.1', 'pilot:', '  autoscaleEnabled: false') })
    expect(result.target).toEqual(expect.objectContaining({ origin: 'values/istio.yaml:2 (Helm values global.tag (chart istiod))' }))
  })
})
