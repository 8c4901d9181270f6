// Builders for the report-layer tests: analysis results, findings and a realistic two-state repository.
import { parsePatch } from '../src/changes/patch.js'
import type { ChangedFile } from '../src/changes/types.js'
import type { ManifestDocument, ResourceChange } from '../src/manifests/types.js'
import type { Finding } from '../src/model.js'
import type { AnalysisResult } from '../src/result.js'
import { parseRelease } from '../src/knowledge/versions.js'
import type { BuiltPull } from '../scripts/fake-github.mjs'

export function finding(partial: Partial<Finding> & Pick<Finding, 'file' | 'line'>): Finding {
  return { rule: 'api-version-removed', severity: 'error', message: 'A finding.', ...partial }
}

/** A ChangedFile from a unified-diff patch. */
export function changedFile(path: string, patch: string | undefined, extra: Partial<ChangedFile> = {}): ChangedFile {
  const lines = patch === undefined ? { commentableLines: new Map<number, number>(), addedLines: new Set<number>() } : parsePatch(patch)
  return { path, status: 'modified', ...lines, ...(patch === undefined ? { patchMissing: true } : {}), ...extra }
}

export function doc(file: string, line: number, kind: string, name: string, namespace?: string): ManifestDocument {
  return {
    file,
    index: 0,
    line,
    endLine: line + 10,
    root: null,
    value: {},
    kind: 'resource',
    resource: { apiVersion: 'networking.istio.io/v1', kind, name, ...(namespace ? { namespace } : {}) },
    embedded: []
  }
}

export function resourceChange(status: ResourceChange['status'], d: ManifestDocument): ResourceChange {
  return { status, key: `${d.resource?.kind}/${d.resource?.namespace ?? ''}/${d.resource?.name}`, ...(status === 'removed' ? { base: d } : { head: d }), changedPaths: [] }
}

export function result(partial: Partial<AnalysisResult> = {}): AnalysisResult {
  return {
    target: { release: parseRelease('1.28'), origin: 'input' },
    from: { release: parseRelease('1.26'), origin: 'charts/istio/Chart.yaml:9' },
    versionBump: false,
    changes: { source: 'github', headSha: 'a'.repeat(40), files: [] },
    resources: [],
    findings: [],
    notChecked: [],
    documentsChecked: 1,
    ...partial
  }
}

/** The changed files of a fake PR, as the product reads them from `pulls.listFiles`. */
export function filesOf(pull: BuiltPull): ChangedFile[] {
  return pull.files.map((f) => changedFile(f.filename, f.patch, { status: f.status === 'changed' ? 'modified' : f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) }))
}

// A GitOps repository before and after a PR that moves Istio config towards 1.28.
export const BASE_STATE: Record<string, string> = {
  'mesh/virtualservice.yaml': [
    'apiVersion: networking.istio.io/v1beta1', // 1
    'kind: VirtualService', //                   2
    'metadata:', //                              3
    '  name: reviews', //                        4
    '  namespace: bookinfo', //                  5
    'spec:', //                                  6
    '  hosts:', //                               7
    '  - reviews', //                            8
    '  http:', //                                9
    '  - route:', //                             10
    '    - destination:', //                     11
    '        host: reviews', //                  12
    '        subset: v1', //                     13
    ''
  ].join('\n'),
  'mesh/gateway.yaml': [
    'apiVersion: networking.istio.io/v1', //     1
    'kind: Gateway', //                          2
    'metadata:', //                              3
    '  name: public', //                         4
    'spec:', //                                  5
    '  selector:', //                            6
    '    istio: ingressgateway', //              7
    '  servers:', //                             8
    '  - port: {number: 80, name: http, protocol: HTTP}', // 9
    '    hosts: ["*"]', //                       10
    ''
  ].join('\n'),
  'mesh/unchanged.yaml': ['apiVersion: security.istio.io/v1beta1', 'kind: PeerAuthentication', 'metadata:', '  name: default', 'spec:', '  mtls:', '    mode: STRICT', ''].join('\n')
}

export const HEAD_CHANGES: Record<string, string | null> = {
  'mesh/virtualservice.yaml': [
    'apiVersion: networking.istio.io/v1alpha3', // 1  (changed)
    'kind: VirtualService', //                     2
    'metadata:', //                                3
    '  name: reviews', //                          4
    '  namespace: bookinfo', //                    5
    'spec:', //                                    6
    '  hosts:', //                                 7
    '  - reviews', //                              8
    '  http:', //                                  9
    '  - route:', //                               10
    '    - destination:', //                       11
    '        host: reviews', //                    12
    '        subset: v1', //                       13
    '    retries:', //                             14 (added)
    '      attempts: 3', //                        15 (added)
    '      retryOn: "5xx,reset"', //               16 (added)
    ''
  ].join('\n'),
  'mesh/destinationrule.yaml': [
    'apiVersion: networking.istio.io/v1beta1', // 1 (new file)
    'kind: DestinationRule', //                   2
    'metadata:', //                               3
    '  name: reviews', //                         4
    '  namespace: bookinfo', //                   5
    'spec:', //                                   6
    '  host: reviews', //                         7
    '  trafficPolicy:', //                        8
    '    loadBalancer:', //                       9
    '      simple: ROUND_ROBIN', //               10
    ''
  ].join('\n')
}
