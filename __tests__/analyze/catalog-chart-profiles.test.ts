// Profiles of Istio's own charts (files/profile-*.yaml copies, manifests/helm-profiles originals) get no catalog
// findings: they belong to the chart and apply only where an install selects them.
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

function run(path: string, text: string, target: string): { entryId: string; finding: Finding }[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file] }
  return file.documents.flatMap((d) => catalogFindings(d, ctx))
}

function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0
  const i = text.split('\n').findIndex((l) => l.includes(needle) && ++seen === nth)
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

describe('profiles of Istio\'s own charts (vendored charts, Istio\'s source tree)', () => {
  const body = `pilot:
  env:
    # 1.22 behavioral changes
    ENABLE_RESOLUTION_NONE_TARGET_PORT: "false"
`
  const copyHeader = `# WARNING: DO NOT EDIT, THIS FILE IS A COPY.
# The original version of this file is located at /manifests/helm-profiles directory.
# If you want to make a change in this file, edit the original one and run "make gen".

`
  const removed = (path: string, text: string) => run(path, text, '1.31').filter((f) => f.entryId === 'istio-1.25-scoping-and-target-port-opt-outs-removed').map((f) => ({ file: f.finding.file, line: f.finding.line }))

  it('reports nothing on a chart\'s files/profile-*.yaml copy (do-not-edit header) nor on manifests/helm-profiles originals', () => {
    expect(removed('vendor/charts/istiod/files/profile-compatibility-version-1.20.yaml', copyHeader + body)).toEqual([])
    expect(removed('manifests/helm-profiles/compatibility-version-1.20.yaml', body)).toEqual([])
  })

  it('still reports the same values in a files/profile-*.yaml without the header, and in a values file of the repository', () => {
    const path = 'vendor/charts/istiod/files/profile-compatibility-version-1.20.yaml'
    expect(removed(path, body)).toEqual([{ file: path, line: lineOf(body, 'ENABLE_RESOLUTION_NONE_TARGET_PORT') }])
    expect(removed('istio/istiod-values.yaml', copyHeader + body)).toEqual([{ file: 'istio/istiod-values.yaml', line: lineOf(copyHeader + body, 'ENABLE_RESOLUTION_NONE_TARGET_PORT') }])
  })
})
