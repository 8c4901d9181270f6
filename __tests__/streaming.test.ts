// Files streamed through the analysis (src/streaming.ts): the same findings as parsing everything first, with the
// position trees of documents nothing points into released once their findings are made.
import { describe, expect, it } from '@jest/globals'
import { generateCorpus } from '../scripts/bench/corpus.mjs'
import { runAnalysis, type Snapshot, type Sources } from '../src/pipeline.js'
import { ANALYZERS } from '../src/analyze/index.js'
import { EMPTY_CONFIG } from '../src/config.js'
import { detectionReads } from '../src/knowledge/detect.js'
import { parseRelease } from '../src/knowledge/versions.js'
import type { ManifestDocument } from '../src/manifests/types.js'
import type { Finding } from '../src/model.js'
import { BATCH_FILES, parseAndCheck } from '../src/streaming.js'
import { catalogEntries } from '../src/knowledge/catalog.js'

/**
 * Sources of the catalog entries whose findings pair documents (crossObject matches): those are made from facts
 * recorded while each document was checked, so the documents they point into need no tree afterwards.
 */
const CROSS_OBJECT_SOURCES = new Set(
  catalogEntries()
    .filter((e) => e.match.some((m) => m.type === 'crossObject'))
    .map((e) => (e.sources[0].refs?.length ? `${e.sources[0].url} (${e.sources[0].refs.join(', ')})` : e.sources[0].url))
)

function snapshotOf(files: { path: string; text: string }[]): Snapshot {
  const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
  return {
    list: async () => [...contents.keys()],
    read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array]))
  }
}

const describeFinding = (f: { file: string; line: number; rule: string; message: string; suppressed?: unknown }) => `${f.file}:${f.line} ${f.rule} ${f.suppressed ? 'suppressed ' : ''}${f.message}`

describe('streaming files through the analysis', () => {
  // More files than one batch, with suppression annotations and install documents among them.
  const corpus = generateCorpus(1200)
  const extra = [
    { path: 'zz/suppressed.yaml', text: 'apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata:\n  name: old\n  annotations:\n    istio-compat.io/ignore: "unknown-field: migrating next sprint"\nspec:\n  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n    timeoutt: 5s\n' },
    { path: 'zz/plain.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: plain\nspec:\n  ports: [{port: 80}]\n' }
  ]
  const files = [...corpus.files, ...extra]
  const changes = { source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }

  it('finds exactly what parsing every file first finds, over several batches', async () => {
    expect(files.length).toBeGreaterThan(BATCH_FILES)
    const options = { target: '1.28', from: '1.26', kubernetesVersion: '1.24', paths: [] }
    // No base: every file streams through. An empty base snapshot (nothing to bump from): the files are parsed first.
    const streamed = await runAnalysis({ changes, head: snapshotOf(files) }, options)
    const whole = await runAnalysis({ changes, head: snapshotOf(files), base: snapshotOf([]) } as Sources, options)
    expect(whole.versionBump).toBe(false)
    // Enough findings for the comparison to mean something (the catalog's narrowing of round 7 took it from ~130 to ~90).
    expect(streamed.findings.length).toBeGreaterThan(50)
    expect(streamed.findings.map(describeFinding)).toEqual(whole.findings.map(describeFinding))
    // With a base every finding is classified: all new here (the base is empty), except the repository-level
    // Kubernetes range finding, which the explicit inputs make on either side whatever the PR changes.
    expect(whole.findings.filter((f) => f.baselineState !== 'new').map((f) => f.rule)).toEqual(['kubernetes-version-unsupported'])
    expect(streamed.findings).toEqual(whole.findings.map(({ baselineState: _state, ...f }) => f))
    // The suppression on zz/suppressed.yaml line 12 was read from its annotation's tree.
    expect(streamed.findings.filter((f) => f.file === 'zz/suppressed.yaml').map((f) => `${f.line} ${f.rule} ${f.suppressed ? 'suppressed' : ''}`)).toContain('12 unknown-field suppressed')
  })

  it('without a base keeps whole only what suppression and version detection read; the rest keeps its identity', async () => {
    const result = await runAnalysis({ changes, head: snapshotOf(files) }, { target: '1.28', from: '1.26', paths: [] })
    const heads = result.resources.flatMap((r) => (r.head ? [r.head] : []))
    const annotated = (d: ManifestDocument) => Object.keys((d.value as { metadata?: { annotations?: object } } | null)?.metadata?.annotations ?? {}).some((k) => k === 'istio-compat.io/ignore' || k === 'galley.istio.io/analyze-suppress')
    const kept = heads.filter((d) => d.value !== null)
    expect(kept.map((d) => `${d.file}:${d.line}`)).toContain('zz/suppressed.yaml:1')
    // Those kept whole are a few (HelmReleases, IstioOperators, values files, annotated documents), with their trees.
    for (const d of kept) expect({ file: d.file, line: d.line, kept: annotated(d) || detectionReads(d), tree: d.root !== null }).toEqual({ file: d.file, line: d.line, kept: true, tree: true })
    expect(kept.length).toBeLessThan(heads.length / 10)
    // The others: no tree, no value, but every field reporting reads.
    const plain = heads.find((d) => d.file === 'zz/plain.yaml')
    expect(plain).toMatchObject({ file: 'zz/plain.yaml', index: 0, line: 1, endLine: 6, root: null, value: null, kind: 'resource', family: 'service', resource: { apiVersion: 'v1', kind: 'Service', name: 'plain' } })
    expect(result.findings.some((f) => f.file === 'zz/suppressed.yaml' && f.line === 12 && f.suppressed)).toBe(true)
  })

  it('without a base keeps the lines of a file only when one of its documents is kept whole', async () => {
    const inputs = { target: parseRelease('1.28'), from: parseRelease('1.26'), files: [] }
    const { files: parsed, early } = await parseAndCheck(snapshotOf(extra), extra.map((f) => f.path), inputs, EMPTY_CONFIG, ANALYZERS, { withFindings: false })
    const byPath = new Map(parsed.map((f) => [f.path, f]))
    expect(byPath.get('zz/suppressed.yaml')?.lines[11]).toBe('    timeoutt: 5s')
    expect(byPath.get('zz/plain.yaml')).toMatchObject({ path: 'zz/plain.yaml', lines: [], problems: [] })
    expect(byPath.get('zz/plain.yaml')?.lineStarts).toBeUndefined()
    // The findings of every document are made before anything is released.
    const suppressed = byPath.get('zz/suppressed.yaml')?.documents[0]
    expect(early.get(suppressed!)?.map((f) => `${f.file}:${f.line} ${f.rule}`)).toContain('zz/suppressed.yaml:12 unknown-field')
  })

  it('without a base the repository checks still see the version pins of every batch (upgrade path, data-plane skew)', async () => {
    // A chart repository in the first batch tells that a HelmRelease of chart `gateway` in the last one is Istio's.
    const repo = { path: 'a/istio-repo.yaml', text: 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: istio\n  namespace: flux-system\nspec:\n  url: https://istio-release.storage.googleapis.com/charts\n' }
    const release = (name: string, chart: string, version: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: ${chart}\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: istio, namespace: flux-system}\n`
    const services = Array.from({ length: BATCH_FILES + 10 }, (_, i) => ({ path: `m/svc-${i}.yaml`, text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  ports: [{port: 80}]\n` }))
    const repoFiles = [repo, ...services, { path: 'z/istiod.yaml', text: release('istiod', 'istiod', '1.28.1') }, { path: 'z/gateway.yaml', text: release('gateway', 'gateway', '1.26.0') }]
    const repoChanges = { source: 'paths' as const, files: repoFiles.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
    const options = { target: '1.28', from: '1.24', paths: [] }
    const streamed = await runAnalysis({ changes: repoChanges, head: snapshotOf(repoFiles) }, options)
    const whole = await runAnalysis({ changes: repoChanges, head: snapshotOf(repoFiles), base: snapshotOf([]) } as Sources, options)
    const repositoryLevel = (fs: Finding[]) => fs.filter((f) => f.rule === 'upgrade-path-unsupported' || f.rule === 'data-plane-skew-unsupported').map((f) => `${f.file}:${f.line} ${f.rule}`)
    expect(repositoryLevel(streamed.findings)).toEqual(['z/gateway.yaml:10 data-plane-skew-unsupported', 'z/istiod.yaml:10 upgrade-path-unsupported'])
    expect(repositoryLevel(whole.findings)).toEqual(repositoryLevel(streamed.findings))
  })

  it('on a version bump keeps the trees of documents with findings (the base side checks them again)', async () => {
    const bump = (version: string) => ({ path: 'clusters/istiod.yaml', text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: istio}\n` })
    const plainFiles = files.filter((f) => !/^kind: ["']?(HelmRelease|Application|IstioOperator)\b/m.test(f.text) && !f.path.includes('/istio/values'))
    const head = snapshotOf([...plainFiles, bump('1.28.1')])
    const base = snapshotOf([...plainFiles, bump('1.26.8')])
    const bumpChanges = { source: 'git' as const, files: [{ path: 'clusters/istiod.yaml', status: 'modified' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }] }
    const result = await runAnalysis({ changes: bumpChanges, head, base }, { target: 'auto', from: 'auto', paths: [] })
    expect(result.versionBump).toBe(true)
    const withFindings = new Set(result.findings.map((f) => `${f.file}:${f.line}`))
    const heads = result.resources.flatMap((r) => (r.head ? [r.head] : []))
    const plain = heads.find((d) => d.file === 'zz/plain.yaml')
    expect(plain?.root).toBeNull()
    expect(heads.find((d) => d.file === 'zz/suppressed.yaml')?.root).not.toBeNull()
    // Every document a finding points into keeps its tree (cross-object findings come from recorded facts).
    for (const doc of heads) {
      const pointed = result.findings.some((f) => !CROSS_OBJECT_SOURCES.has(f.source ?? '') && f.file === doc.file && f.line >= doc.line && f.line <= doc.endLine)
      if (pointed) expect({ file: doc.file, line: doc.line, tree: doc.root !== null }).toEqual({ file: doc.file, line: doc.line, tree: true })
    }
    const released = heads.filter((d) => d.root === null).length
    expect(released).toBeGreaterThan(heads.length / 2)
    expect(withFindings.size).toBeGreaterThan(0)
  })
})
