// The defects the twenty-fourth audit (census, helper r24f) found (docs/audit/catalog-audit-24-r24f.md): each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

/** The analyzer's findings on one file with a from release, after the settle step that applies unlessRepository. */
function settled(path: string, text: string, target: string, from: string): Finding[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), from: parseFromRelease(from), files: [file] }
  const findings = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const all = [...findings, ...(catalogAnalyzer.checkRepository?.(ctx, file.documents) ?? [])]
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(all, ctx) : all
}

// The istio-cni chart merges the profile (files/profile-ambient.yaml sets cni.ambient.enabled: true) under the user's
// values, then templates/zzy_descope_legacy.yaml copies everything under `cni` onto the top level. So a user's
// `cni.ambient.enabled: false` next to `profile: ambient` turns ambient off, and the agent enrolls no pod at all.
const release = (values: string, version = '1.30.0'): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: ${version}
  values:
${values}`

describe('audit 24 r24f: istio-1.30-cni-exclude-namespaces is quiet when the values turn ambient off', () => {
  const id = 'istio-1.30-cni-exclude-namespaces'
  const FILE = 'clusters/prod/istio-cni.yaml'
  const excluded = '    excludeNamespaces:\n      - kube-system\n      - legacy\n'
  it('still warns on an excluded namespace with profile ambient (trip)', () => {
    const text = release('    profile: ambient\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, '- legacy'), severity: 'warning' }),
    ])
  })
  it('still warns with a top-level ambient.enabled: false (the profile\'s cni.ambient.enabled: true is copied over it)', () => {
    const text = release('    profile: ambient\n    ambient:\n      enabled: false\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, '- legacy'), severity: 'warning' }),
    ])
  })
  it('says nothing when cni.ambient.enabled: false overrides the ambient profile', () => {
    const text = release('    profile: ambient\n    cni:\n      ambient:\n        enabled: false\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([])
  })
  it('says nothing when ambient.enabled: true is overridden by cni.ambient.enabled: false', () => {
    const text = release('    ambient:\n      enabled: true\n    cni:\n      ambient:\n        enabled: false\n' + excluded)
    expect(of(run(FILE, text, '1.30', '1.29'), id)).toEqual([])
  })
})

describe('audit 24 r24f: istio-1.29-reconcile-iptables-on-startup is quiet when the values turn ambient off', () => {
  const id = 'istio-1.29-reconcile-iptables-on-startup'
  const FILE = 'clusters/prod/istio-cni.yaml'
  it('still notes profile ambient (trip)', () => {
    const text = release('    profile: ambient\n', '1.29.0')
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'profile: ambient'), severity: 'notice' }),
    ])
  })
  it('says nothing when cni.ambient.enabled: false overrides the ambient profile', () => {
    const text = release('    profile: ambient\n    cni:\n      ambient:\n        enabled: false\n', '1.29.0')
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([])
  })
  const IOP = 'istio/operator.yaml'
  const iop = (extra: string): string => `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: ambient
  namespace: istio-system
spec:
  profile: ambient
${extra}`
  it('still notes an IstioOperator with profile ambient (trip)', () => {
    const text = iop('')
    expect(of(run(IOP, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: IOP, line: lineOf(text, 'profile: ambient'), severity: 'notice' }),
    ])
  })
  it('says nothing when the IstioOperator turns the CNI component or its ambient mode off', () => {
    expect(of(run(IOP, iop('  components:\n    cni:\n      enabled: false\n'), '1.29', '1.28'), id)).toEqual([])
    expect(of(run(IOP, iop('  values:\n    cni:\n      ambient:\n        enabled: false\n'), '1.29', '1.28'), id)).toEqual([])
  })
})

// pilot/pkg/features/ambient.go registers AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY with registerAmbient: istiod
// ignores it unless PILOT_ENABLE_AMBIENT is true, so with ambient switched off nothing is sent to any ztunnel.
describe('audit 24 r24f: istio-1.29-dry-run-authz-in-ztunnel is quiet when PILOT_ENABLE_AMBIENT is false', () => {
  const id = 'istio-1.29-dry-run-authz-in-ztunnel'
  const FILE = 'istio/istiod-values.yaml'
  it('still warns with the variable on, saying it needs ambient on (trip)', () => {
    const text = 'pilot:\n  env:\n    AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY: "true"\n'
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: lineOf(text, 'AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY'),
        severity: 'warning',
        message: expect.stringContaining('only with PILOT_ENABLE_AMBIENT=true'),
      }),
    ])
  })
  it('says nothing when the same values switch ambient off', () => {
    const dryRun = (fs: Finding[]): Finding[] => fs.filter((f) => /sends dry-run AuthorizationPolicies/.test(f.message))
    const trip = 'pilot:\n  env:\n    AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY: "true"\n'
    expect(dryRun(settled(FILE, trip, '1.29', '1.28'))).toHaveLength(1)
    const text = 'pilot:\n  env:\n    PILOT_ENABLE_AMBIENT: "false"\n    AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY: "true"\n'
    expect(dryRun(settled(FILE, text, '1.29', '1.28'))).toEqual([])
  })
})

// Istio's default stats inclusion (pkg/bootstrap/config.go requiredEnvoyStatsMatcherInclusionPrefixes:
// cluster_manager, listener_manager, server, cluster.xds-grpc, wasm) does not export the outbound clusters'
// circuit_breakers.*.remaining_* gauges: a DestinationRule with a connection pool alone has no such dashboards.
describe('audit 24 r24f: istio-1.29-circuit-breaker-remaining-metrics warns only where the gauges are exported', () => {
  const id = 'istio-1.29-circuit-breaker-remaining-metrics'
  it('gives a DestinationRule connection pool a notice that says the gauges are exported only by a stats inclusion', () => {
    const FILE = 'apps/shop/dr.yaml'
    const text = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: r
  namespace: shop
spec:
  host: r.shop.svc.cluster.local
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 10
`
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'connectionPool'), severity: 'notice', message: expect.stringContaining('default stats inclusion does not export them') }),
    ])
  })
  it('warns on a pod stats inclusion that exports the outbound cluster stats', () => {
    const FILE = 'apps/shop/deploy.yaml'
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/statsInclusionPrefixes: "cluster.outbound,cluster_manager"
    spec:
      containers:
      - name: app
        image: nginx
`
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'statsInclusionPrefixes'), severity: 'warning' }),
    ])
  })
  it('warns on a mesh-wide proxyStatsMatcher regexp for circuit_breakers, not on other regexps', () => {
    const FILE = 'istio/istiod-values.yaml'
    const text = 'meshConfig:\n  defaultConfig:\n    proxyStatsMatcher:\n      inclusionRegexps:\n        - ".*circuit_breakers.*"\n        - ".*upstream_rq_retry.*"\n'
    expect(of(run(FILE, text, '1.29', '1.28'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'circuit_breakers'), severity: 'warning' }),
    ])
  })
})
