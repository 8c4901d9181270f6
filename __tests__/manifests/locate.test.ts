// Paths → nodes and lines through anchors, aliases and merge keys; walks that never follow aliases.
import { entryAt, formatPath, lineOf, mergedEntries, nodeAt, ownNodeAt, parsePath, valueRange, walk } from '../../src/manifests/locate.js'
import type { MapNode, PosNode, YamlPath } from '../../src/manifests/types.js'
import { only, parse, yaml } from './helpers.js'

const ANCHORS = yaml(
  'defaults: &defaults', //         1
  '  timeout: 5s', //               2
  '  retries: 3', //                3
  'tls: &tls', //                   4
  '  mode: ISTIO_MUTUAL', //        5
  '  retries: 9', //                6
  'single:', //                     7
  '  <<: *defaults', //             8
  '  retries: 1', //                9
  'both:', //                       10
  '  <<: [*defaults, *tls]', //     11
  '  name: both', //                12
  'inline:', //                     13
  '  <<: {inline: true}', //        14
  'quoted:', //                     15
  '  "<<": *tls', //                16
  'hosts: &hosts [a, b]', //        17
  'copy: *hosts', //                18
  'nested:', //                     19
  '  <<: *defaults', //             20
  '  deeper:', //                   21
  '    <<: *tls' //                 22
)

describe('anchors, aliases and merge keys', () => {
  const doc = only(ANCHORS, 'base/anchors.yaml')

  it('builds the plain value with merges applied (own keys win, earlier merges win)', () => {
    expect(doc.value).toMatchObject({
      single: { timeout: '5s', retries: 1 },
      both: { timeout: '5s', retries: 3, mode: 'ISTIO_MUTUAL', name: 'both' },
      inline: { inline: true },
      quoted: { '<<': { mode: 'ISTIO_MUTUAL', retries: 9 } },
      copy: ['a', 'b']
    })
  })

  it.each<[string, YamlPath, number, number]>([
    ['own key beside a merge', ['single', 'retries'], 9, 9],
    ['merged key: the anchor source', ['single', 'timeout'], 2, 2],
    ['first of two merged maps wins', ['both', 'retries'], 3, 3],
    ['key only in the second merged map', ['both', 'mode'], 5, 5],
    ['inline merge', ['inline', 'inline'], 14, 14],
    ['merge inside a nested map', ['nested', 'deeper', 'mode'], 5, 5],
    ['through an alias to a sequence', ['copy', 1], 17, 17]
  ])('%s', (_name, path, line, endLine) => {
    expect(lineOf(doc.root, path)).toEqual({ line, endLine })
    expect(path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc.value)).toBeDefined()
  })

  it('applies a merge where it stands, as kubectl does: it overrides an own key written before it', () => {
    const d = only(yaml('base: &b {x: 1}', 'm:', '  x: 0', '  <<: *b', '  z: 2'))
    expect(d.value).toMatchObject({ m: { x: 1, z: 2 } })
    expect(lineOf(d.root, ['m', 'x'])).toEqual({ line: 1, endLine: 1 })
    expect(mergedEntries(nodeAt(d.root, ['m']) as MapNode).map((e) => [e.key, e.keyNode.line])).toEqual([['x', 1], ['z', 5]])
  })

  it('reads a quoted "<<" as an ordinary key, not a merge', () => {
    expect(entryAt(doc.root, ['quoted', '<<'])?.keyNode.line).toBe(16)
    expect(nodeAt(doc.root, ['quoted', 'mode'])).toBeUndefined()
    expect(nodeAt(doc.root, ['quoted', '<<', 'mode'])).toMatchObject({ line: 5 })
  })

  it('lists the effective entries of a merging map in precedence order', () => {
    const both = nodeAt(doc.root, ['both']) as MapNode
    expect(mergedEntries(both).map((e) => [e.key, e.keyNode.line])).toEqual([
      ['timeout', 2],
      ['retries', 2 + 1],
      ['mode', 5],
      ['name', 12]
    ])
    const single = nodeAt(doc.root, ['single']) as MapNode
    expect(mergedEntries(single).map((e) => [e.key, e.keyNode.line])).toEqual([
      ['timeout', 2],
      ['retries', 9]
    ])
  })

  it('gives an alias its own line in the tree', () => {
    const copy = entryAt(doc.root, ['copy'])
    expect(copy?.value).toMatchObject({ kind: 'alias', anchor: 'hosts', line: 18 })
    expect(copy?.value?.kind === 'alias' && copy.value.target).toMatchObject({ kind: 'seq', line: 17 })
  })

  it('distinguishes anchors whose names share a first letter', () => {
    const d = only(yaml('ab: &ab 1', 'ac: &ac 2', 'x: *ab', 'z: *ac'))
    expect(d.value).toEqual({ ab: 1, ac: 2, x: 1, z: 2 })
    expect(nodeAt(d.root, ['x'])).toMatchObject({ text: '1', line: 1 })
    expect(nodeAt(d.root, ['z'])).toMatchObject({ text: '2', line: 2 })
  })

  it('walks own nodes only: aliases are visited once, never followed; merged keys stay at their anchor', () => {
    const seen: string[] = []
    walk(doc.root, (node, path) => {
      if (node.kind !== 'map' && node.kind !== 'seq') seen.push(`${formatPath(path)}@${node.line}:${node.kind}`)
    })
    expect(seen).toContain('copy@18:alias')
    expect(seen).toContain('single.retries@9:scalar')
    expect(seen).toContain('single["<<"]@8:alias')
    expect(seen.filter((s) => s.startsWith('single.timeout'))).toEqual([])
    expect(seen.filter((s) => s.startsWith('copy[')).length).toBe(0)
  })

  it('walks an alias-heavy document that go-yaml accepts in time linear in its text', () => {
    // 4 levels × 8 aliases = 32 aliases, 8^4 = 4,096 leaves once expanded; 1,100 plain items keep go-yaml's alias
    // ratio under its limit (a document made mostly of aliases is refused, see parse.test.ts).
    const lines = [`pad: [${Array(1100).fill('p').join(', ')}]`, 'l0: &l0 [x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 4; i++) lines.push(`l${i}: &l${i} [${Array(8).fill(`*l${i - 1}`).join(', ')}]`)
    lines.push(`l4: [${Array(8).fill('*l3').join(', ')}]`)
    const file = parse(yaml(...lines))
    expect(file.problems).toEqual([])
    let visited = 0
    walk(file.documents[0].root, () => {
      visited++
    })
    // The root, six sequences, eight scalars, 32 aliases and the padding.
    expect(visited).toBe(1 + 6 + 8 + 4 * 8 + 1100)
    expect(file.documents[0].value).toMatchObject({ l4: expect.any(Array) })
  })

  it('lets a visitor skip a subtree', () => {
    const paths: string[] = []
    walk(doc.root, (node, path) => {
      paths.push(formatPath(path))
      return path[0] === 'both' ? 'skip' : undefined
    })
    expect(paths).toContain('both')
    expect(paths).not.toContain('both.name')
  })
})

describe('valueRange', () => {
  const text = yaml(
    'spec:', //                               1
    '  mode: STRICT # keep', //               2
    '  quoted: "a b"', //                     3
    "  single: 'it''s'", //                   4
    '  list: [one, "two"]', //                5
    '  block: |', //                          6
    '    line one', //                        7
    '    line two', //                        8
    '  empty:', //                            9
    '  ref: &r shared', //                    10
    '  alias: *r' //                          11
  )
  const file = parse(text, 'k8s/peer.yaml')
  const root = file.documents[0].root

  it.each<[string, number, number, string]>([
    ['spec.mode', 2, 2, 'STRICT'],
    ['spec.quoted', 3, 3, '"a b"'],
    ['spec.single', 4, 4, "'it''s'"],
    ['spec.list[0]', 5, 5, 'one'],
    ['spec.list[1]', 5, 5, '"two"'],
    ['spec.block', 7, 8, '    line one\n    line two'],
    ['spec.ref', 10, 10, 'shared']
  ])('%s is written at lines %i-%i as %s', (path, line, endLine, source) => {
    const range = valueRange(root, parsePath(path))
    expect(range).toMatchObject({ line, endLine })
    expect(text.slice(range!.start, range!.end)).toBe(source)
    expect(file.path).toBe('k8s/peer.yaml')
  })

  it.each(['spec', 'spec.list', 'spec.empty', 'spec.alias', 'spec.missing'])('has no range for %s', (path) => {
    expect(valueRange(root, parsePath(path))).toBeUndefined()
  })

  it('has no range for a merged key (an edit there would change every user of the anchor)', () => {
    const d = only(yaml('a: &a {x: 1}', 'b:', '  <<: *a'))
    expect(valueRange(d.root, ['b', 'x'])).toBeUndefined()
    expect(valueRange(d.root, ['a', 'x'])).toMatchObject({ line: 1 })
    expect(ownNodeAt(d.root, ['b', 'x'])).toBeUndefined()
  })

  it('gives exact offsets with CRLF and a BOM', () => {
    const crlf = '\ufeff' + text.replace(/\n/g, '\r\n')
    const f = parse(crlf)
    const range = valueRange(f.documents[0].root, ['spec', 'quoted'])
    expect(range).toMatchObject({ line: 3, endLine: 3 })
    expect(crlf.slice(1).slice(range!.start, range!.end)).toBe('"a b"')
  })
})

describe('paths', () => {
  it.each<[string, YamlPath]>([
    ['spec.http[0].route[1].weight', ['spec', 'http', 0, 'route', 1, 'weight']],
    ['metadata.annotations["sidecar.istio.io/inject"]', ['metadata', 'annotations', 'sidecar.istio.io/inject']],
    ['["a.b"].c', ['a.b', 'c']],
    ['data["say \\"hi\\""]', ['data', 'say "hi"']],
    ['data["back\\\\slash"]', ['data', 'back\\slash']],
    ['[0][1]', [0, 1]],
    ['', []]
  ])('%s ⇄ %j', (text, path) => {
    expect(formatPath(path)).toBe(text)
    expect(parsePath(text)).toEqual(path)
  })

  it('parses a plain dotted path', () => {
    expect(parsePath('spec.hosts[2]')).toEqual(['spec', 'hosts', 2])
  })

  it('resolves nothing through a scalar, a missing index or a key on a sequence', () => {
    const d = only(yaml('a: [1]', 'b: x'))
    const bad: YamlPath[] = [['a', 1], ['a', 'x'], ['b', 'c'], ['c']]
    for (const path of bad) expect(nodeAt(d.root, path)).toBeUndefined()
    expect(nodeAt(d.root, [])).toBe(d.root as PosNode)
    expect(entryAt(d.root, [])).toBeUndefined()
    expect(lineOf(d.root, [])).toEqual({ line: 1, endLine: 2 })
  })
})
