// The Gateway API CRDs a repository installs decide which apiVersions the API server serves (round 33, m33a:
// docs/audit/catalog-audit-33-m33a.md). A v1 GRPCRoute on an Istio 1.21 target is readable where the repository's
// CRDs also serve v1alpha2 (Gateway API 1.1, experimental channel) and istiod runs with the alpha Gateway API flag.
// Each test below fails on the code before the change: both the catalog entry istio-1.22-grpcroute-v1 and the schema
// rule api-version-not-served took the Gateway API release Istio 1.21 pins (1.0) for the cluster's CRDs.
import { afterAll, describe, expect, it } from '@jest/globals'
import { analyzeDocuments } from '../../src/analyze/index.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { gitChangeSet } from '../../src/changes/git.js'
import { gitSnapshot } from '../../src/changes/snapshots.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { runAnalysis } from '../../src/pipeline.js'
import { makeRepo, type TempRepo } from '../support/gitrepo.js'

const route = [
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: GRPCRoute',
  'metadata:',
  '  name: r',
  '  namespace: default',
  'spec:',
  '  parentRefs:',
  '  - name: gw',
  '  rules:',
  '  - backendRefs:',
  '    - name: svc',
  '      port: 9000',
  ''
].join('\n')

/** A GRPCRoute CRD as Gateway API 1.1 ships it, trimmed: `versions` maps each version to whether it is served. */
const crd = (versions: Record<string, boolean>, name = 'grpcroutes.gateway.networking.k8s.io'): string =>
  [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    gateway.networking.k8s.io/bundle-version: v1.1.0',
    'spec:',
    '  group: gateway.networking.k8s.io',
    '  names:',
    '    kind: GRPCRoute',
    '    plural: grpcroutes',
    '  scope: Namespaced',
    '  versions:',
    ...Object.entries(versions).flatMap(([v, served]) => [
      `  - name: ${v}`,
      `    served: ${served}`,
      `    storage: ${v === 'v1'}`,
      '    schema:',
      '      openAPIV3Schema:',
      '        type: object',
      '        x-kubernetes-preserve-unknown-fields: true'
    ]),
    ''
  ].join('\n')

const alphaFlag = [
  'apiVersion: install.istio.io/v1alpha1',
  'kind: IstioOperator',
  'metadata:',
  '  name: control-plane',
  '  namespace: istio-system',
  'spec:',
  '  components:',
  '    pilot:',
  '      k8s:',
  '        env:',
  '        - name: PILOT_ENABLE_ALPHA_GATEWAY_API',
  '          value: "true"',
  ''
].join('\n')

const EXPERIMENTAL_1_1 = { v1: true, v1alpha2: true }
const STANDARD_1_1 = { v1: true, v1alpha2: false }

/** Every analyzer over the files (the route first), for target 1.21 from 1.20: the findings on route.yaml. */
function onRoute(files: Record<string, string>): string[] {
  const parsed = Object.entries({ 'route.yaml': route, ...files }).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease('1.21'), from: parseFromRelease('1.20'), files: parsed }
  const findings: Finding[] = analyzeDocuments(parsed.flatMap((f) => f.documents), ctx)
  return findings.filter((f) => f.file === 'route.yaml').map((f) => `${f.rule} ${f.file}:${f.line} ${f.severity}`).sort()
}

describe('a v1 GRPCRoute on Istio 1.21 against the CRDs the repository installs', () => {
  it('without CRDs in the repository: the catalog entry and the schema rule both err on the apiVersion line', () => {
    expect(onRoute({})).toEqual(['api-version-not-served route.yaml:1 error', 'not-yet-available route.yaml:1 error'])
  })

  it('experimental 1.1 CRDs (v1 and v1alpha2 served) and the alpha flag: nothing, Istio 1.21 reads it as v1alpha2', () => {
    expect(onRoute({ 'crds.yaml': crd(EXPERIMENTAL_1_1), 'iop.yaml': alphaFlag })).toEqual([])
  })

  it('experimental 1.1 CRDs without the alpha flag: one error, that istiod does not watch GRPCRoute', () => {
    const parsed = [parseManifestFile('route.yaml', route), parseManifestFile('crds.yaml', crd(EXPERIMENTAL_1_1))]
    const ctx: AnalysisContext = { target: parseRelease('1.21'), from: parseFromRelease('1.20'), files: parsed }
    const found = analyzeDocuments(parsed.flatMap((f) => f.documents), ctx).filter((f) => f.file === 'route.yaml')
    expect(found.map((f) => `${f.rule} ${f.file}:${f.line} ${f.severity}`)).toEqual(['not-yet-available route.yaml:1 error'])
    expect(found[0].message).toContain('PILOT_ENABLE_ALPHA_GATEWAY_API=true')
    expect(found[0].message).toContain('also serve GRPCRoute at v1alpha2')
    expect(found[0].fix).toBeUndefined()
  })

  it('standard 1.1 CRDs (v1alpha2 not served) and the alpha flag: both errors stay, 1.21 watches only v1alpha2', () => {
    expect(onRoute({ 'crds.yaml': crd(STANDARD_1_1), 'iop.yaml': alphaFlag })).toEqual(['api-version-not-served route.yaml:1 error', 'not-yet-available route.yaml:1 error'])
    // the catalog's finding names the repository's CRD (round 40), and offers no v1alpha2 rewrite that CRD would refuse
    const parsed = [parseManifestFile('route.yaml', route), parseManifestFile('crds.yaml', crd(STANDARD_1_1)), parseManifestFile('iop.yaml', alphaFlag)]
    const ctx: AnalysisContext = { target: parseRelease('1.21'), from: parseFromRelease('1.20'), files: parsed }
    const catalog = analyzeDocuments(parsed.flatMap((f) => f.documents), ctx).filter((f) => f.rule === 'not-yet-available')
    expect(catalog.map((f) => f.message)).toEqual([expect.stringContaining('the GRPCRoute CRD this repository installs does not serve v1alpha2')])
    expect(catalog[0].fix).toBeUndefined()
  })

  it('a CRD of another kind answers nothing', () => {
    const other = crd(EXPERIMENTAL_1_1).replace('kind: GRPCRoute', 'kind: TLSRoute').replace('grpcroutes.', 'tlsroutes.')
    expect(onRoute({ 'crds.yaml': other, 'iop.yaml': alphaFlag })).toEqual(['api-version-not-served route.yaml:1 error', 'not-yet-available route.yaml:1 error'])
  })

  it('the schema rule takes only a boolean served: the API server refuses a CRD that writes the string "true"', () => {
    const quoted = crd(EXPERIMENTAL_1_1).replace(/served: true/g, 'served: "true"')
    expect(onRoute({ 'crds.yaml': quoted, 'iop.yaml': alphaFlag })).toContain('api-version-not-served route.yaml:1 error')
  })
})

describe('on a pull request the CRDs may sit in an untouched file', () => {
  const repos: TempRepo[] = []
  afterAll(() => repos.forEach((r) => r.cleanup()))

  it('a route added next to untouched experimental CRDs and alpha flag reports nothing; with standard CRDs it errs', async () => {
    const analyse = async (crds: string) => {
      const repo = makeRepo({ 'gateway-api/crds.yaml': crds, 'istio/iop.yaml': alphaFlag }, { 'gateway-api/crds.yaml': crds, 'istio/iop.yaml': alphaFlag, 'apps/route.yaml': route })
      repos.push(repo)
      const changes = gitChangeSet(repo.dir, repo.baseSha, repo.headSha)
      const result = await runAnalysis({ changes, head: gitSnapshot(repo.dir, repo.headSha), base: gitSnapshot(repo.dir, changes.baseRef as string) }, { target: '1.21', from: '1.20', paths: [] })
      return result.findings.filter((f) => f.file === 'apps/route.yaml').map((f) => `${f.rule} ${f.file}:${f.line} ${f.severity}`)
    }
    expect(await analyse(crd(EXPERIMENTAL_1_1))).toEqual([])
    // The schema finding and the catalog's share a line and a severity: the review shows the catalog's one.
    expect(await analyse(crd(STANDARD_1_1))).toEqual(['not-yet-available apps/route.yaml:1 error'])
  })
})

describe('a v1 TLSRoute on Istio 1.29 against the CRDs the repository installs (round 40, r40f doubt)', () => {
  const tls = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: TLSRoute',
    'metadata: {name: t, namespace: default}',
    'spec:',
    '  parentRefs: [{name: gw}]',
    '  hostnames: [a.example.com]',
    '  rules:',
    '  - backendRefs: [{name: svc, port: 443}]',
    ''
  ].join('\n')
  const tlsCrd = (versions: Record<string, boolean>): string =>
    crd(versions, 'tlsroutes.gateway.networking.k8s.io').replace('kind: GRPCRoute', 'kind: TLSRoute').replace('plural: grpcroutes', 'plural: tlsroutes').replace('v1.1.0', 'v1.5.0')
  const onTls = (files: Record<string, string>): Finding[] => {
    const parsed = Object.entries({ 'tls.yaml': tls, ...files }).map(([p, t]) => parseManifestFile(p, t))
    const ctx: AnalysisContext = { target: parseRelease('1.29'), from: parseFromRelease('1.28'), files: parsed }
    return analyzeDocuments(parsed.flatMap((f) => f.documents), ctx).filter((f) => f.file === 'tls.yaml')
  }
  const rules = (fs: Finding[]): string[] => fs.map((f) => `${f.rule} ${f.file}:${f.line} ${f.severity}`).sort()

  it('experimental 1.5 CRDs (v1alpha2 and v1 served) and the alpha flag: nothing, 1.29 reads it as v1alpha2', () => {
    expect(rules(onTls({ 'crds.yaml': tlsCrd(EXPERIMENTAL_1_1), 'iop.yaml': alphaFlag }))).toEqual([])
  })
  it('the same CRDs without the flag: the catalog errs that istiod does not watch TLSRoute', () => {
    const found = onTls({ 'crds.yaml': tlsCrd(EXPERIMENTAL_1_1) })
    expect(rules(found)).toEqual(['not-yet-available tls.yaml:1 error'])
    expect(found[0].message).toContain('which no file here sets')
  })
  it('CRDs that do not serve v1alpha2: errs that the repository CRD does not serve it; without CRDs: the pinned release decides', () => {
    const found = onTls({ 'crds.yaml': tlsCrd(STANDARD_1_1), 'iop.yaml': alphaFlag }).filter((f) => f.rule === 'not-yet-available')
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('the TLSRoute CRD this repository installs does not serve v1alpha2')])
    expect(rules(onTls({ 'iop.yaml': alphaFlag }))).toContain('not-yet-available tls.yaml:1 error')
  })
})
