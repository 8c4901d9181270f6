// Audit 11 (m11a, a seeded sample of 1.20–1.23): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-11-m11a.md. All three are a "the user already did it" setting that sits in another
// file of the repository (a sibling Helm values file), or a value that makes the change a no-op.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const values = (text: string): File => ({ path: 'platform/istiod/values.yaml', text })
const sibling = (name: string, text: string): File => ({ path: `platform/istiod/values-${name}.yaml`, text })

describe('istio-1.20-sidecar-startup-probe: the readiness values recommended for a disabled probe, set in a sibling values file', () => {
  const off = values('global:\n  proxy:\n    startupProbe:\n      enabled: false\n')
  const NO_PROBE = /so no startup probe is injected/
  it('warns at enabled: false when no readiness period is set anywhere', async () => {
    expect(at(await findings([off], '1.20', '1.19', off.path, NO_PROBE))).toEqual([`${off.path}:${lineOf(off.text, 'enabled: false')} warning`])
  })
  it('is silent when another values file of the repository sets the readiness probe', async () => {
    const probes = sibling('probes', 'global:\n  proxy:\n    readinessInitialDelaySeconds: 1\n    readinessPeriodSeconds: 2\n    readinessFailureThreshold: 30\n')
    expect(await findings([off, probes], '1.20', '1.19', off.path, NO_PROBE)).toEqual([])
    // and the sibling's values, which are the documented ones for a disabled probe, are not reported either
    expect(await findings([off, probes], '1.20', '1.19', probes.path, /startup probe/)).toEqual([])
  })
})

describe('istio-1.22-enhanced-resource-scoping: an istiod that already scopes config by the flag set in another file', () => {
  const selectors = values('meshConfig:\n  discoverySelectors:\n  - matchLabels:\n      istio-discovery: enabled\n')
  const SCOPING = /also limits which namespaces istiod reads/
  it('warns at discoverySelectors on the 1.21 → 1.22 upgrade', async () => {
    expect(at(await findings([selectors], '1.22', '1.21', selectors.path, SCOPING))).toEqual([`${selectors.path}:${lineOf(selectors.text, 'discoverySelectors')} warning`])
    expect(await findings([selectors], '1.23', '1.22', selectors.path, SCOPING)).toEqual([])
  })
  for (const value of ['"true"', 'true', '"1"']) {
    it(`is silent when a sibling values file already sets ENABLE_ENHANCED_RESOURCE_SCOPING: ${value}`, async () => {
      const env = sibling('env', `pilot:\n  env:\n    ENABLE_ENHANCED_RESOURCE_SCOPING: ${value}\n`)
      expect(await findings([selectors, env], '1.22', '1.21', selectors.path, SCOPING)).toEqual([])
    })
  }
  it('still warns when the sibling sets another istiod variable', async () => {
    const env = sibling('env', 'pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "true"\n')
    expect(at(await findings([selectors, env], '1.22', '1.21', selectors.path, SCOPING))).toEqual([`${selectors.path}:${lineOf(selectors.text, 'discoverySelectors')} warning`])
  })
})

describe('istio-1.22-default-zipkin-tracing-removed: a tracing provider configured in another file of the repository', () => {
  const tracing = values('meshConfig:\n  enableTracing: true\n')
  const ZIPKIN = /no longer sends traces to zipkin/
  const warned = [`${tracing.path}:${lineOf(tracing.text, 'enableTracing')} warning`]
  it('warns at enableTracing when no provider is configured anywhere', async () => {
    expect(at(await findings([tracing], '1.22', '1.21', tracing.path, ZIPKIN))).toEqual(warned)
  })
  const configured: [string, File][] = [
    ['meshConfig.defaultConfig.tracing.zipkin.address', sibling('tracing', 'meshConfig:\n  defaultConfig:\n    tracing:\n      zipkin:\n        address: jaeger-collector.observability:9411\n')],
    ['an OpenTelemetry provider made the default', sibling('otel', 'meshConfig:\n  extensionProviders:\n  - name: otel\n    opentelemetry:\n      service: otel.observability.svc.cluster.local\n      port: 4317\n  defaultProviders:\n    tracing: [otel]\n')],
    ['global.proxy.tracer datadog (still rendered by the 1.22 chart)', sibling('datadog', 'global:\n  proxy:\n    tracer: datadog\n')]
  ]
  for (const [what, file] of configured) {
    it(`is silent with ${what}`, async () => {
      expect(await findings([tracing, file], '1.22', '1.21', tracing.path, ZIPKIN)).toEqual([])
    })
  }
  it('still warns when the sibling sets the tracer to none', async () => {
    expect(at(await findings([tracing, sibling('none', 'global:\n  proxy:\n    tracer: none\n')], '1.22', '1.21', tracing.path, ZIPKIN))).toEqual(warned)
  })
})
