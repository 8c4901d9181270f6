// Thirty-sixth audit (census), helper r36g (docs/audit/catalog-audit-36-r36g.md): each test fails on the entry as it
// was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer, catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { of } from '../support/catalog-run.js'

/** One entry's findings on `path` after the catalog's settle step (ifRepository, opt-outs), as file:line severity. */
function settled(id: string, path: string, text: string, target: string, from?: string, others: Record<string, string> = {}): string[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: [file], pairingFiles: Object.entries(others).map(([p, t]) => parseManifestFile(p, t)) }
  const found = file.documents.flatMap((d) => catalogFindings(d, ctx))
  const kept = new Set(catalogAnalyzer.settle!(found.map((h) => h.finding), ctx))
  return of(found.filter((h) => kept.has(h.finding)), id).map((f) => `${f.file}:${f.line} ${f.severity}`)
}

const tcpRouteCrd = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata:',
  '  name: tcproutes.gateway.networking.k8s.io',
  '  annotations:',
  '    gateway.networking.k8s.io/bundle-version: v1.5.1',
  '    gateway.networking.k8s.io/channel: experimental',
  'spec:',
  '  group: gateway.networking.k8s.io',
  '  names: {kind: TCPRoute, plural: tcproutes}',
  '  scope: Namespaced',
  '  versions: []',
  ''
].join('\n')

const istiod = (alpha: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}',
    'spec:',
    '  template:',
    '    metadata: {labels: {app: istiod}}',
    '    spec:',
    '      containers:',
    '      - name: discovery',
    '        image: docker.io/istio/pilot:1.30.0',
    '        env:',
    `        - {name: PILOT_ENABLE_ALPHA_GATEWAY_API, value: "${alpha}"}`,
    ''
  ].join('\n')

describe('istio-1.31-gateway-api-bundle-1.6 (r36g ❌ c)', () => {
  const id = 'istio-1.31-gateway-api-bundle-1.6'
  it('is an error where istiod reads the alpha Gateway API kinds: the TCPRoutes it routed stop routing on 1.31', () => {
    expect(settled(id, 'crds/tcproutes.yaml', tcpRouteCrd, '1.31.0', '1.30.0', { 'istiod/deploy.yaml': istiod('true') })).toEqual(['crds/tcproutes.yaml:6 error'])
  })
  it('is a notice where no file turns the alpha flag on (older releases never routed a TCPRoute; round 38), quiet where istiod keeps it off (round 40, r40h)', () => {
    expect(settled(id, 'crds/tcproutes.yaml', tcpRouteCrd, '1.31.0', '1.30.0', { 'istiod/deploy.yaml': istiod('false') })).toEqual([])
    expect(settled(id, 'crds/tcproutes.yaml', tcpRouteCrd, '1.31.0', '1.30.0')).toEqual(['crds/tcproutes.yaml:6 notice'])
  })
  it('reports nothing before 1.31 and nothing for the 1.6 bundle', () => {
    expect(settled(id, 'crds/tcproutes.yaml', tcpRouteCrd, '1.30.5', '1.30.0', { 'istiod/deploy.yaml': istiod('true') })).toEqual([])
    expect(settled(id, 'crds/tcproutes.yaml', tcpRouteCrd.replace('v1.5.1', 'v1.6.0'), '1.31.0', '1.30.0', { 'istiod/deploy.yaml': istiod('true') })).toEqual([])
  })
})
