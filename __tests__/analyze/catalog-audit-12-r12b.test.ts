// Audit 12 (r12b, census of 1.22–1.24 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12b.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

/** Findings on `file` when a pull request changes only `changed` and the repository holds `repo` besides. */
async function findings(changed: readonly File[], repo: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const base = repo.length > 0 ? { base: snapshotOf(repo) } : {}
  const result = await runAnalysis({ changes: added(changed), head: snapshotOf([...changed, ...repo]), ...base }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.22-ambient-flags-removed: ambient switched on in another file leaves nothing to warn about', () => {
  const HBONE = /PILOT_ENABLE_HBONE is no longer read/
  const values: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_HBONE: "true"\nglobal: {hub: docker.io/istio}\n' }
  const line = lineOf(values.text, 'PILOT_ENABLE_HBONE')

  it('alone: a warning on the variable (1.22 from 1.21)', async () => {
    expect(at(await findings([values], [], '1.22', '1.21', values.path, HBONE))).toEqual([`istio/istiod-values.yaml:${line} warning`])
  })

  it('profile: ambient in a sibling istiod values file: quiet', async () => {
    const profile: File = { path: 'istio/istiod-profile-values.yaml', text: 'profile: ambient\npilot: {}\n' }
    expect(at(await findings([values], [profile], '1.22', '1.21', values.path, HBONE))).toEqual([])
  })

  it('PILOT_ENABLE_AMBIENT=true in a sibling istiod values file: quiet', async () => {
    const env: File = { path: 'istio/istiod-extra-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_AMBIENT: "true"\n' }
    expect(at(await findings([values], [env], '1.22', '1.21', values.path, HBONE))).toEqual([])
  })

  it('trip: PILOT_ENABLE_AMBIENT=false elsewhere does not switch ambient on, the warning stays', async () => {
    const env: File = { path: 'istio/istiod-extra-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_AMBIENT: "false"\n' }
    expect(at(await findings([values], [env], '1.22', '1.21', values.path, HBONE))).toEqual([`istio/istiod-values.yaml:${line} warning`])
  })
})

describe('istio-1.23-cni-log-level-deprecated: logging.level set in another values file', () => {
  const DROPPED = /stops reading logLevel/
  // logLevel: debug was the chart's own default before 1.23 and is only a notice since round 16 (r16b): info keeps this test about the warning.
  const values: File = { path: 'istio/cni-values.yaml', text: 'cni:\n  logLevel: warn\nglobal: {hub: docker.io/istio}\n' }
  const line = lineOf(values.text, 'logLevel')

  it('alone: a warning on logLevel (1.23 from 1.22)', async () => {
    expect(at(await findings([values], [], '1.23', '1.22', values.path, DROPPED))).toEqual([`istio/cni-values.yaml:${line} warning`])
  })

  it('cni.logging.level in a sibling cni values file: quiet', async () => {
    const logging: File = { path: 'istio/cni-logging-values.yaml', text: 'cni:\n  logging:\n    level: "default:debug"\n' }
    expect(at(await findings([values], [logging], '1.23', '1.22', values.path, DROPPED))).toEqual([])
  })

  it('trip: an empty logging.level elsewhere sets nothing, the warning stays', async () => {
    const logging: File = { path: 'istio/cni-logging-values.yaml', text: 'cni:\n  logging:\n    level: ""\n' }
    expect(at(await findings([values], [logging], '1.23', '1.22', values.path, DROPPED))).toEqual([`istio/cni-values.yaml:${line} warning`])
  })
})

describe('istio-1.23.6-workload-identity-socket-file: an empty value names no other socket', () => {
  const id = 'istio-1.23.6-workload-identity-socket-file'
  const ISTIOD = 'istio/istiod-values.yaml'
  const values = (v: string): string => `meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      WORKLOAD_IDENTITY_SOCKET_FILE: ${v}\npilot: {}\n`

  it('a SPIRE socket name: a warning on the variable before 1.23.6, none on 1.23.6', () => {
    const text = values('spire-agent.sock')
    expect(of(run(ISTIOD, text, '1.23.5'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'WORKLOAD_IDENTITY_SOCKET_FILE'), severity: 'warning' })])
    expect(of(run(ISTIOD, text, '1.23.6'), id)).toEqual([])
  })

  it('an empty value (no socket named): quiet', () => {
    expect(of(run(ISTIOD, values('""'), '1.23.5'), id)).toEqual([])
    expect(of(run(ISTIOD, values('""'), '1.22'), id)).toEqual([])
  })
})

describe('istio-1.24-retry-defaults: retryOn written in another values file of the same mesh', () => {
  const RETRY = /no longer retries 503 responses/
  const values: File = { path: 'istio/istiod-values.yaml', text: 'meshConfig:\n  defaultHttpRetryPolicy:\n    attempts: 3\npilot: {}\n' }
  const line = lineOf(values.text, 'defaultHttpRetryPolicy')

  it('alone: a warning on defaultHttpRetryPolicy (1.24 from 1.23)', async () => {
    expect(at(await findings([values], [], '1.24', '1.23', values.path, RETRY))).toEqual([`istio/istiod-values.yaml:${line} warning`])
  })

  it('retryOn set in a sibling istiod values file (Helm merges them): quiet', async () => {
    const retryOn: File = { path: 'istio/istiod-retry-values.yaml', text: 'meshConfig:\n  defaultHttpRetryPolicy:\n    retryOn: "connect-failure,refused-stream,unavailable,cancelled,503"\n' }
    expect(at(await findings([values], [retryOn], '1.24', '1.23', values.path, RETRY))).toEqual([])
  })

  it('trip: an empty retryOn elsewhere sets nothing, the warning stays', async () => {
    const retryOn: File = { path: 'istio/istiod-retry-values.yaml', text: 'meshConfig:\n  defaultHttpRetryPolicy:\n    retryOn: ""\n' }
    expect(at(await findings([values], [retryOn], '1.24', '1.23', values.path, RETRY))).toEqual([`istio/istiod-values.yaml:${line} warning`])
  })
})

describe('istio-1.24-crd-templates: base.enableCRDTemplates false in a base values file of the repository', () => {
  const TEMPLATES = /templates the Istio CRDs/
  const release: File = {
    path: 'flux/istio-base.yaml',
    text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-base\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: base\n      version: 1.24.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values: {}\n'
  }
  const line = lineOf(release.text, 'chart: base')

  it('alone: a warning on the chart (1.24 from 1.23)', async () => {
    expect(at(await findings([release], [], '1.24', '1.23', release.path, TEMPLATES))).toEqual([`flux/istio-base.yaml:${line} warning`])
  })

  // Audit 30 (r30h) reversed this: the 1.24+ chart templates the CRDs from files/ with false too (templates/crds.yaml
  // `else` branch), so false elsewhere opts out of nothing and the warning stays.
  it('enableCRDTemplates: false in istio/base-values.yaml still templates the CRDs: the warning stays', async () => {
    const values: File = { path: 'istio/base-values.yaml', text: 'base:\n  enableCRDTemplates: false\nglobal: {istioNamespace: istio-system}\n' }
    expect(at(await findings([release], [values], '1.24', '1.23', release.path, TEMPLATES))).toEqual([`flux/istio-base.yaml:${line} warning`])
  })

  it('trip: enableCRDTemplates: true elsewhere is the new default, the warning stays', async () => {
    const values: File = { path: 'istio/base-values.yaml', text: 'base:\n  enableCRDTemplates: true\nglobal: {istioNamespace: istio-system}\n' }
    expect(at(await findings([release], [values], '1.24', '1.23', release.path, TEMPLATES))).toEqual([`flux/istio-base.yaml:${line} warning`])
  })
})
