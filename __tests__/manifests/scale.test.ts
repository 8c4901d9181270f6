// Big inputs: parsing is linear in the size of the file whatever its shape (issue 15 item 2), and nothing spreads
// an unbounded array into a call (item 3: "Maximum call stack size exceeded" at ~120k items). Work is counted, not
// timed: lineWork counts the line-lookup steps, the only part of the parse that ever walked back to line 1.
import { describe, expect, it } from '@jest/globals'
import type { Analyzer } from '../../src/analyze/types.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { ManifestDocument } from '../../src/manifests/types.js'
import type { Finding } from '../../src/model.js'
import { runAnalysis, type Snapshot, type Sources } from '../../src/pipeline.js'
import { lineWork } from '../../src/manifests/yaml.js'

const MB = 1024 * 1024

/** `bytes` of documents made by `doc(i)`, with `broken` (if given) in the middle. */
function corpus(bytes: number, doc: (i: number) => string, broken?: string): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const d = broken !== undefined && size >= bytes / 2 && !parts.includes(broken) ? broken : doc(i)
    parts.push(d)
    size += d.length + 4
  }
  return parts.join('---\n')
}

const plain = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: shop\ndata:\n  key: value-${i}\n`
const tagged = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: !!str c${i}\n  labels: &l {app: a${i}}\ndata:\n  key: !Ref value-${i}\n`
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\ndata: [unclosed\n'

function work(text: string): { steps: number; documents: number; problems: number } {
  lineWork.steps = 0
  const file = parseManifestFile('big/all.yaml', text)
  return { steps: lineWork.steps, documents: file.documents.length, problems: file.problems.length }
}

describe('parsing is linear in the size of the file', () => {
  it.each([
    ['many documents, one broken in the middle', (n: number) => corpus(n, plain, BROKEN)],
    ['many documents with tags and anchors', (n: number) => corpus(n, tagged)],
    ['tags and anchors, one broken document', (n: number) => corpus(n, tagged, BROKEN)]
  ])('%s: 4 MB costs about four times 1 MB', (_name, make) => {
    const small = make(1 * MB)
    const big = make(4 * MB - 64 * 1024)
    const a = work(small)
    const b = work(big)
    expect(b.documents).toBeGreaterThan(3.5 * a.documents)
    expect(b.problems).toBe(a.problems)
    // Line lookups: linear (about one step per line), where a scan from line 1 per document was quadratic.
    const lines = big.split('\n').length
    expect(b.steps).toBeLessThan(4 * lines)
    expect(b.steps / Math.max(1, a.steps)).toBeLessThan(4.6)
  })
})

describe('no spread of unbounded arrays', () => {
  // 200,000 documents in one file (under the 4 MiB limit): three in four broken, so 150,000 parse findings.
  const DOCS = 200_000
  const text = Array.from({ length: DOCS }, (_, i) => (i % 4 === 0 ? `a: ${i}\n` : 'a: [\n')).join('---\n')

  it('parseManifestFile reads 200,000 documents and reports 150,000 broken ones on their lines', () => {
    const file = parseManifestFile('big/many.yaml', text)
    expect(file.documents).toHaveLength(DOCS / 4)
    expect(file.problems).toHaveLength((DOCS * 3) / 4)
    expect(file.problems[0]).toMatchObject({ rule: 'parse', severity: 'error', file: 'big/many.yaml', line: 3 })
    expect(file.documents[DOCS / 4 - 1]).toMatchObject({ index: DOCS - 4, line: 2 * (DOCS - 4) + 1 })
  })

  it('runAnalysis carries 150,000 parse findings and 250,000 analyzer findings through to the result', async () => {
    const tree = { 'big/many.yaml': text, 'big/resources.yaml': Array.from({ length: 60_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n') }
    const head: Snapshot = {
      list: async () => Object.keys(tree),
      read: async (paths) => new Map(paths.filter((p) => p in tree).map((p) => [p, new TextEncoder().encode(tree[p as keyof typeof tree])]))
    }
    const files = Object.keys(tree).map((path) => ({ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }))
    const sources: Sources = { changes: { source: 'paths', files }, head }
    const two: Analyzer = {
      meta: [{ id: 'probe-every-doc', description: 'test', defaultSeverity: 'notice' }],
      check: (doc: ManifestDocument): Finding[] =>
        doc.kind === 'resource' ? [0, 1].map((k) => ({ rule: 'probe-every-doc', severity: 'notice' as const, message: `m${k}`, file: doc.file, line: doc.line })) : [],
      checkRepository: () => Array.from({ length: 130_000 }, (_, i) => ({ rule: 'probe-every-doc', severity: 'notice' as const, message: `r${i}`, file: 'big/resources.yaml', line: 1 }))
    }
    const result = await runAnalysis(sources, { target: '1.28', paths: [], analyzers: [two] })
    const byRule = new Map<string, number>()
    for (const f of result.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1)
    expect(byRule.get('parse')).toBe((DOCS * 3) / 4)
    expect(byRule.get('probe-every-doc')).toBe(2 * 60_000 + 130_000)
    expect(result.findings.find((f) => f.rule === 'parse')).toMatchObject({ file: 'big/many.yaml', line: 3 })
  }, 300_000)
})
