// Helm values against what the target's chart version reads (data/chart-values-index.json): ignored values,
// values only later charts read, keys the gateway chart's schema refuses, keys that make a chart fail.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

const RULES = new Set(['helm-value-ignored', 'helm-value-rejected', 'not-yet-available'])

/** Findings of the helm-value rules (and not-yet-available) for every document of one file. */
function check(path: string, text: string, target: string, extraFiles: string[] = []): Finding[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const others = extraFiles.map((p) => parseManifestFile(p, 'apiVersion: v2\nname: x\nversion: 1.0.0\n'))
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file, ...others] }
  return file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx)).filter((f) => RULES.has(f.rule))
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

function helmRelease(chart: string, values: string): string {
  return `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${chart}
  namespace: istio-system
spec:
  chart:
    spec:
      chart: ${chart}
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
${values.replace(/^/gm, '    ')}
`
}

describe('FP-2 / FP-3: values older charts already read', () => {
  it('pilot.tolerations and pilot.affinity on the 1.20 istiod chart (it renders both)', () => {
    const text = helmRelease('istiod', 'pilot:\n  tolerations:\n  - key: dedicated\n    operator: Exists\n  affinity:\n    nodeAffinity: {}\n')
    expect(check('istio/istiod.yaml', text, '1.20')).toEqual([])
    expect(check('istio/istiod.yaml', text, '1.20.0')).toEqual([])
    expect(check('istio/istiod.yaml', text, '1.23')).toEqual([])
    expect(check('istio/istiod.yaml', text, '1.28')).toEqual([])
  })

  it('global.platform (istiod) and platform (istio-cni, ztunnel) on 1.22', () => {
    expect(check('istio/istiod.yaml', helmRelease('istiod', 'global:\n  platform: openshift\n'), '1.22')).toEqual([])
    expect(check('istio/cni.yaml', helmRelease('cni', 'platform: openshift\n'), '1.22')).toEqual([])
    expect(check('istio/ztunnel.yaml', helmRelease('ztunnel', 'platform: openshift\n'), '1.22')).toEqual([])
  })

  it('the istiod chart reads top-level platform only from 1.24.0', () => {
    const text = helmRelease('istiod', 'platform: openshift\n')
    const found = check('istio/istiod.yaml', text, '1.23')
    expect(found).toEqual([expect.objectContaining({ rule: 'not-yet-available', severity: 'warning', file: 'istio/istiod.yaml', line: lineOf(text, 'platform:'), path: 'spec.values.platform' })])
    expect(found[0].message).toContain('only from 1.24.0')
    expect(check('istio/istiod.yaml', text, '1.24.0')).toEqual([])
  })
})

describe('patch-exact boundaries from the index', () => {
  it('base.validationFailurePolicy: read from 1.28.6 and from 1.29.2', () => {
    const text = helmRelease('base', 'base:\n  validationFailurePolicy: Ignore\n')
    const line = lineOf(text, 'validationFailurePolicy')
    for (const target of ['1.28.5', '1.29.1']) {
      expect(check('istio/base.yaml', text, target)).toEqual([expect.objectContaining({ rule: 'not-yet-available', file: 'istio/base.yaml', line, path: 'spec.values.base.validationFailurePolicy' })])
    }
    for (const target of ['1.28.6', '1.28', '1.29.2', '1.30']) expect(check('istio/base.yaml', text, target)).toEqual([])
  })

  it('global.trustBundleName: read by the istiod chart from 1.26.3', () => {
    const text = helmRelease('istiod', 'global:\n  trustBundleName: root-cert\n')
    expect(check('istio/istiod.yaml', text, '1.26.2')).toEqual([expect.objectContaining({ rule: 'not-yet-available', line: lineOf(text, 'trustBundleName'), path: 'spec.values.global.trustBundleName' })])
    expect(check('istio/istiod.yaml', text, '1.26.3')).toEqual([])
  })

  it('cni.privileged: last read by the 1.21 istio-cni chart', () => {
    const text = helmRelease('cni', 'cni:\n  privileged: true\n')
    expect(check('istio/cni.yaml', text, '1.21')).toEqual([])
    const found = check('istio/cni.yaml', text, '1.22.0')
    expect(found).toEqual([expect.objectContaining({ rule: 'helm-value-ignored', severity: 'warning', file: 'istio/cni.yaml', line: lineOf(text, 'privileged'), path: 'spec.values.cni.privileged' })])
    expect(found[0].message).toContain('stopped reading it in 1.22.0')
  })
})

describe('gateway chart values schema', () => {
  const text = helmRelease('gateway', 'additionalContainers:\n- name: extra\n  image: busybox\nservice:\n  type: ClusterIP\n')
  const line = lineOf(text, 'additionalContainers')

  it('1.20.x: the closed root schema refuses an unknown key (error)', () => {
    expect(check('istio/gateway.yaml', text, '1.20')).toEqual([expect.objectContaining({ rule: 'helm-value-rejected', severity: 'error', line, path: 'spec.values.additionalContainers' })])
  })

  it('1.21.0 – 1.26.3: the $ref-only schema does not refuse it; the chart ignores it (warning)', () => {
    for (const target of ['1.24', '1.26.3']) {
      expect(check('istio/gateway.yaml', text, target)).toEqual([expect.objectContaining({ rule: 'not-yet-available', severity: 'warning', line })])
    }
  })

  it('1.26.4: the closed $defs schema lists it, the templates do not read it yet (warning)', () => {
    expect(check('istio/gateway.yaml', text, '1.26.4')).toEqual([expect.objectContaining({ rule: 'not-yet-available', severity: 'warning', line })])
  })

  it('1.27.0 and later read it', () => {
    expect(check('istio/gateway.yaml', text, '1.27.0')).toEqual([])
    expect(check('istio/gateway.yaml', text, '1.31')).toEqual([])
  })

  it('a misspelt top-level key: error with the nearest name as fix where the schema is closed (1.28)', () => {
    const typo = helmRelease('gateway', 'nodeSelecter:\n  pool: edge\n')
    const at = lineOf(typo, 'nodeSelecter')
    const found = check('istio/gateway.yaml', typo, '1.28')
    expect(found).toEqual([expect.objectContaining({ rule: 'helm-value-rejected', severity: 'error', file: 'istio/gateway.yaml', line: at })])
    expect(found[0].message).toContain('did you mean nodeSelector?')
    expect(found[0].fix?.edits).toEqual([{ startLine: at, endLine: at, replacement: '    nodeSelector:' }])
    // The 1.26.0 schema is $ref-only: Helm before 3.18.5 accepts the key and the chart ignores it.
    expect(check('istio/gateway.yaml', typo, '1.26.0')).toEqual([expect.objectContaining({ rule: 'helm-value-ignored', severity: 'warning', line: at })])
  })

  it('enabled (the umbrella-chart condition): refused by the closed 1.28 schema, declared from 1.29 (R4)', () => {
    const text = helmRelease('gateway', 'enabled: true\n')
    expect(check('istio/gateway.yaml', text, '1.28')).toEqual([expect.objectContaining({ rule: 'helm-value-rejected', severity: 'error', line: lineOf(text, 'enabled:'), path: 'spec.values.enabled' })])
    expect(check('istio/gateway.yaml', text, '1.29.0')).toEqual([])
  })

  it('lifecycle: refused by the closed 1.26.4 schema, ignored by 1.26.3, read from 1.27.0 (R10)', () => {
    const text = helmRelease('gateway', 'lifecycle:\n  preStop:\n    exec:\n      command: [sleep, "5"]\n')
    const line = lineOf(text, 'lifecycle:')
    expect(check('istio/gateway.yaml', text, '1.26.4')).toEqual([expect.objectContaining({ rule: 'helm-value-rejected', severity: 'error', line })])
    expect(check('istio/gateway.yaml', text, '1.26.3')).toEqual([expect.objectContaining({ rule: 'not-yet-available', severity: 'warning', line })])
    expect(check('istio/gateway.yaml', text, '1.27.0')).toEqual([])
  })

  it('global.networkPolicy.enabled: read by the gateway chart from 1.28.0 (R10)', () => {
    const text = helmRelease('gateway', 'global:\n  networkPolicy:\n    enabled: true\n')
    expect(check('istio/gateway.yaml', text, '1.27')).toEqual([expect.objectContaining({ rule: 'not-yet-available', line: lineOf(text, 'networkPolicy:'), path: 'spec.values.global.networkPolicy' })])
    expect(check('istio/gateway.yaml', text, '1.28.0')).toEqual([])
  })

  it('nested keys are never refused; free-form maps are never looked into', () => {
    const nested = helmRelease('gateway', 'service:\n  annotations:\n    anything.example.com/x: "1"\npodAnnotations:\n  a: b\n')
    expect(check('istio/gateway.yaml', nested, '1.28')).toEqual([])
  })
})

describe('typos and removed values', () => {
  it('the upstream typo istioOwnedCNIConfigFilename (R3): the catalog entry explains the line, the generic finding steps aside', () => {
    const text = helmRelease('cni', 'profile: ambient\nistioOwnedCNIConfig: true\nistioOwnedCNIConfigFilename: 00-istio-cni.conflist\n')
    const at = lineOf(text, 'istioOwnedCNIConfigFilename')
    const file = parseManifestFile('istio/cni.yaml', text)
    const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, { target: parseRelease('1.27'), files: [file] }))
    // One finding on the line: the written entry (as for the native-side typo), not a second generic "ignored".
    expect(found).toEqual([expect.objectContaining({ rule: 'no-effect', severity: 'warning', file: 'istio/cni.yaml', line: at, path: 'spec.values.istioOwnedCNIConfigFilename' })])
    expect(found[0].message).toContain('istioOwnedCNIConfigFileName')
    expect(found[0].fix?.edits).toEqual([{ startLine: at, endLine: at, replacement: '    istioOwnedCNIConfigFileName: 00-istio-cni.conflist' }])
  })

  it('defaults: is the values wrapper until 1.23 and makes every chart fail from 1.24', () => {
    const read: Record<string, string> = { istiod: 'global:\n    hub: docker.io/istio', gateway: 'replicaCount: 2', cni: 'global:\n    hub: docker.io/istio', ztunnel: 'hub: docker.io/istio', base: 'global:\n    istioNamespace: istio-system' }
    for (const [chart, values] of Object.entries(read)) {
      const text = helmRelease(chart, `defaults:\n  ${values}\n`)
      expect(check(`istio/${chart}.yaml`, text, '1.23')).toEqual([])
      expect(check(`istio/${chart}.yaml`, text, '1.24')).toEqual([expect.objectContaining({ rule: 'helm-value-rejected', severity: 'error', line: lineOf(text, 'defaults:'), path: 'spec.values.defaults' })])
    }
  })

  it('global.tracer.stackdriver values make the 1.24+ istiod chart fail (NOTES.txt)', () => {
    const text = helmRelease('istiod', 'global:\n  tracer:\n    stackdriver:\n      debug: true\n')
    expect(check('istio/istiod.yaml', text, '1.24')).toEqual([expect.objectContaining({ rule: 'helm-value-rejected', severity: 'error', line: lineOf(text, 'debug:'), path: 'spec.values.global.tracer.stackdriver.debug' })])
  })

  it('removed values NOTES.txt checks inside meshConfig (a map the chart takes whole) fail too; Helm dict pairs decide which paths are checked', () => {
    const text = helmRelease('istiod', [
      'meshConfig:',
      '  accessLogFile: /dev/stdout',
      '  defaultConfig:',
      '    tracing:',
      '      stackdriver:',
      '        maxNumberOfAttributes: 200',
      'telemetry:',
      '  v2:',
      '    stackdriver:',
      '      configOverride: {}',
      '      disableOutbound: true',
      ''
    ].join('\n'))
    const found = check('istio/istiod.yaml', text, '1.28')
    expect(found.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, path: f.path }))).toEqual([
      { rule: 'helm-value-rejected', severity: 'error', file: 'istio/istiod.yaml', line: lineOf(text, 'maxNumberOfAttributes'), path: 'spec.values.meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAttributes' },
      // configOverride is the value half of a NOTES.txt dict pair, not a checked key: the chart just ignores it.
      { rule: 'helm-value-ignored', severity: 'warning', file: 'istio/istiod.yaml', line: lineOf(text, 'configOverride'), path: 'spec.values.telemetry.v2.stackdriver.configOverride' },
      { rule: 'helm-value-rejected', severity: 'error', file: 'istio/istiod.yaml', line: lineOf(text, 'disableOutbound'), path: 'spec.values.telemetry.v2.stackdriver.disableOutbound' }
    ])
    expect(check('istio/istiod.yaml', text, '1.20').filter((f) => f.rule === 'helm-value-rejected')).toEqual([])
  })

  it('global.tracer.stackdriver.debug does not point at its NOTES.txt partner, which is removed as well', () => {
    const text = helmRelease('istiod', 'global:\n  tracer:\n    stackdriver:\n      debug: true\n')
    const [found] = check('istio/istiod.yaml', text, '1.28')
    expect(found).toEqual(expect.objectContaining({ rule: 'helm-value-rejected', line: lineOf(text, 'debug:') }))
    expect(found.message).not.toContain('use meshConfig.defaultConfig.tracing.stackdriver.debug')
  })

  it('an IstioOperator carrying removed values fails istioctl install the same way (istioctl renders NOTES.txt with Helm\'s engine)', () => {
    const text = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    telemetry:
      v2:
        stackdriver:
          disableOutbound: true
    global:
      hub: docker.io/istio
      tracer:
        stackdriver:
          maxNumberOfMessageEvents: 10
    meshConfig:
      defaultConfig:
        tracing:
          stackdriver:
            debug: true
`
    const found = check('istio/operator.yaml', text, '1.28')
    expect(found.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, path: f.path }))).toEqual([
      { rule: 'helm-value-rejected', severity: 'error', file: 'istio/operator.yaml', line: lineOf(text, 'disableOutbound'), path: 'spec.values.telemetry.v2.stackdriver.disableOutbound' },
      { rule: 'helm-value-rejected', severity: 'error', file: 'istio/operator.yaml', line: lineOf(text, 'maxNumberOfMessageEvents'), path: 'spec.values.global.tracer.stackdriver.maxNumberOfMessageEvents' },
      { rule: 'helm-value-rejected', severity: 'error', file: 'istio/operator.yaml', line: lineOf(text, 'debug: true'), path: 'spec.values.meshConfig.defaultConfig.tracing.stackdriver.debug' }
    ])
    expect(found[0].message).toContain('istioctl install fails')
    expect(found[0].source).toBe('https://github.com/istio/istio/tree/1.28.6/manifests/charts/istio-control/istio-discovery (https://github.com/istio/istio/blob/1.28.6/operator/pkg/helm/helm.go)')
    // The 1.20 charts had no such checks.
    expect(check('istio/operator.yaml', text, '1.20').filter((f) => f.rule === 'helm-value-rejected')).toEqual([])
  })

  it('a value the chart moved to MeshConfig names its replacement', () => {
    const text = helmRelease('istiod', 'global:\n  proxy:\n    accessLogFile: /dev/stdout\n')
    const found = check('istio/istiod.yaml', text, '1.28')
    expect(found).toEqual([expect.objectContaining({ rule: 'helm-value-ignored', line: lineOf(text, 'accessLogFile') })])
    expect(found[0].message).toContain('meshConfig.accessLogFile')
  })
})

describe('free-form values and where values live', () => {
  it('maps the chart takes as a whole produce nothing for their children', () => {
    const text = helmRelease('istiod', [
      'pilot:',
      '  env:',
      '    ANY_FLAG: "true"',
      '  podAnnotations:',
      '    example.com/a: b',
      '  nodeSelector:',
      '    pool: system',
      '  resources:',
      '    requests:',
      '      cpu: 100m',
      'meshConfig:',
      '  anythingAtAll: true',
      'global:',
      '  proxy:',
      '    resources:',
      '      limits:',
      '        memory: 1Gi',
      'sidecarInjectorWebhook:',
      '  templates:',
      '    custom: |',
      '      spec: {}'
    ].join('\n') + '\n')
    for (const target of ['1.20', '1.24', '1.31']) expect(check('istio/istiod.yaml', text, target)).toEqual([])
  })

  it('Argo CD helm.values (string), valuesObject and multi-source', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istiod
spec:
  destination:
    namespace: istio-system
  sources:
  - repoURL: https://istio-release.storage.googleapis.com/charts
    chart: istiod
    targetRevision: 1.28.0
    helm:
      values: |
        pilot:
          autoscaleEnabled: false
          notAValue: 1
  - repoURL: https://istio-release.storage.googleapis.com/charts
    chart: cni
    targetRevision: 1.28.0
    helm:
      valuesObject:
        cni:
          notAValueEither: 2
`
    const found = check('argo/istio.yaml', text, '1.28')
    expect(found.map((f) => [f.rule, f.line, f.path])).toEqual([
      ['helm-value-ignored', lineOf(text, 'notAValue:'), 'spec.sources[0].helm.values.pilot.notAValue'],
      ['helm-value-ignored', lineOf(text, 'notAValueEither'), 'spec.sources[1].helm.valuesObject.cni.notAValueEither']
    ])
  })

  it('IstioOperator spec.values: the istiod subtrees are checked, gateways and unknown subtrees are not, global only for values first read later', () => {
    const text = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    pilot:
      autoscaleEnabled: true
      notAValue: 1
    gateways:
      istio-ingressgateway:
        anything: 1
    global:
      proxy:
        privileged: false
      defaultTolerations: []
`
    expect(check('istio/operator.yaml', text, '1.28')).toEqual([expect.objectContaining({ rule: 'helm-value-ignored', file: 'istio/operator.yaml', line: lineOf(text, 'notAValue'), path: 'spec.values.pilot.notAValue' })])
  })

  it('IstioOperator spec.values.global: a value only a later chart reads is not yet available (audit 1.26–1.31 G5)', () => {
    const text = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    global:
      hub: docker.io/istio
      readerServiceAccount:
        name: custom-reader
        namespace: istio-system
`
    const found = check('istio/operator.yaml', text, '1.30')
    expect(found).toEqual([expect.objectContaining({ rule: 'not-yet-available', severity: 'warning', file: 'istio/operator.yaml', line: lineOf(text, 'readerServiceAccount:'), path: 'spec.values.global.readerServiceAccount' })])
    expect(found[0].message).toContain('global.readerServiceAccount only from 1.31.0-rc.0')
    expect(found[0].message).toContain('the Istio charts of the release (istiod 1.30.')
    expect(check('istio/operator.yaml', text, '1.31')).toEqual([])
    expect(check('istio/operator.yaml', text, '1.31.0-rc.0')).toEqual([])
  })

  it('IstioOperator spec.values.global: values no indexed chart reads, or that older charts read, stay quiet (the legacy gateway charts may read them)', () => {
    const text = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    global:
      notAValueAnyChartReads: 1
      tracer:
        lightstep:
          address: collector:8080
`
    expect(check('istio/operator.yaml', text, '1.30')).toEqual([])
    expect(check('istio/operator.yaml', text, '1.22')).toEqual([])
  })

  it('a chart that is not Istio\'s gives nothing', () => {
    const text = helmRelease('podinfo', 'pilot:\n  notAValue: 1\nreplicaCount: 2\n')
    expect(check('apps/podinfo.yaml', text, '1.28')).toEqual([])
  })

  it('a loose values file is checked only when its path names the chart and every top-level key is the chart\'s', () => {
    const text = 'pilot:\n  autoscaleEnabled: false\n  notAValue: 1\n'
    expect(check('clusters/prod/istiod-values.yaml', text, '1.28')).toEqual([expect.objectContaining({ rule: 'helm-value-ignored', file: 'clusters/prod/istiod-values.yaml', line: 3, path: 'pilot.notAValue' })])
    // No chart in the path: the chart is a guess.
    expect(check('clusters/prod/istio-values.yaml', text, '1.28')).toEqual([])
    // A Helm profile holds values for every chart.
    expect(check('manifests/charts/istiod/files/profile-demo.yaml', text, '1.28')).toEqual([])
    // The chart's own values.yaml (Chart.yaml next to it).
    expect(check('charts/istiod/values.yaml', text, '1.28', ['charts/istiod/Chart.yaml'])).toEqual([])
    // An umbrella chart's values: a top-level key the istiod chart never reads.
    expect(check('istiod-values.yaml', `${text}gateway:\n  enabled: true\n`, '1.28')).toEqual([])
  })
})
