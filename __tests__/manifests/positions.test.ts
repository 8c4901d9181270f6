// Every key and value of every document gets its file and line range.
import { entryAt, lineOf, nodeAt, parsePath } from '../../src/manifests/locate.js'
import type { ScalarNode } from '../../src/manifests/types.js'
import { only, parse, where, yaml } from './helpers.js'

const VIRTUAL_SERVICE = yaml(
  '# routes for reviews', //                      1
  'apiVersion: networking.istio.io/v1', //        2
  'kind: VirtualService', //                      3
  'metadata:', //                                 4
  '  name: reviews', //                           5
  '  namespace: shop', //                         6
  'spec:', //                                     7
  '  hosts: [reviews]', //                        8
  '  http:', //                                   9
  '    - name: canary', //                        10
  '      route:', //                              11
  '        - destination: {host: reviews, subset: v1}', // 12
  '          weight: 90', //                      13
  '        - destination:', //                    14
  '            host: reviews', //                 15
  '            subset: v2', //                    16
  '          weight: 10 # canary share', //       17
  '      timeout: "10s"', //                      18
  '      retries: {', //                          19
  '        attempts: 3,', //                      20
  '        perTryTimeout: 2s', //                 21
  '        }' //                                  22
)

describe('positions of keys and values', () => {
  const doc = only(VIRTUAL_SERVICE, 'mesh/reviews.yaml')

  it.each([
    ['apiVersion', 'mesh/reviews.yaml:2-2'],
    ['metadata', 'mesh/reviews.yaml:4-6'],
    ['metadata.name', 'mesh/reviews.yaml:5-5'],
    ['spec.hosts', 'mesh/reviews.yaml:8-8'],
    ['spec.hosts[0]', 'mesh/reviews.yaml:8-8'],
    ['spec.http', 'mesh/reviews.yaml:9-22'],
    ['spec.http[0]', 'mesh/reviews.yaml:10-22'],
    ['spec.http[0].route[0].destination.subset', 'mesh/reviews.yaml:12-12'],
    ['spec.http[0].route[0].weight', 'mesh/reviews.yaml:13-13'],
    ['spec.http[0].route[1]', 'mesh/reviews.yaml:14-17'],
    ['spec.http[0].route[1].destination', 'mesh/reviews.yaml:14-16'],
    ['spec.http[0].route[1].destination.subset', 'mesh/reviews.yaml:16-16'],
    ['spec.http[0].route[1].weight', 'mesh/reviews.yaml:17-17'],
    ['spec.http[0].timeout', 'mesh/reviews.yaml:18-18'],
    // A multi-line flow map ends at its closing brace.
    ['spec.http[0].retries', 'mesh/reviews.yaml:19-22'],
    ['spec.http[0].retries.perTryTimeout', 'mesh/reviews.yaml:21-21']
  ])('%s is at %s', (path, expected) => {
    expect(where(doc, parsePath(path))).toBe(expected)
  })

  it('gives the key line and the value node of an entry', () => {
    const entry = entryAt(doc.root, parsePath('spec.http[0].route[1].weight'))
    expect(entry?.keyNode.line).toBe(17)
    expect(entry?.value).toMatchObject({ kind: 'scalar', text: '10', line: 17, endLine: 17 })
  })

  it('excludes the quotes from a quoted scalar and keeps its style', () => {
    const node = nodeAt(doc.root, parsePath('spec.http[0].timeout')) as ScalarNode
    expect(node).toMatchObject({ text: '10s', style: 'double', line: 18 })
    expect(doc.file).toBe('mesh/reviews.yaml')
  })

  it('spans the document from its first to its last content line (comments before it excluded)', () => {
    expect([doc.line, doc.endLine]).toEqual([2, 22])
  })

  it('has no position for a path that does not exist', () => {
    expect(lineOf(doc.root, parsePath('spec.http[3]'))).toBeUndefined()
    expect(lineOf(doc.root, parsePath('spec.tcp'))).toBeUndefined()
    expect(lineOf(doc.root, parsePath('metadata.name.x'))).toBeUndefined()
  })
})

describe('styles', () => {
  it.each([
    ['flow sequence on one line', yaml('a: [1, 2, 3]'), 'a[2]', 1, 1],
    ['flow sequence closing on a later line', yaml('a: [1,', '  2', ' ]', 'b: 1'), 'a', 1, 3],
    ['flow map with a comment holding a brace', yaml('a: {x: 1, # }', '  y: 2', '  }', 'b: 1'), 'a', 1, 3],
    ['flow map in a flow sequence', yaml('a: [{x: 1},', '  {z: 2}]'), 'a[1].z', 2, 2],
    ['empty flow map', yaml('a: {}', 'b: 1'), 'a', 1, 1],
    ['empty flow sequence over two lines', yaml('a: [', '  ]', 'b: 1'), 'a', 1, 2],
    ['block sequence of maps', yaml('a:', '  - x: 1', '    y: 2', '  - x: 3'), 'a[1].x', 4, 4],
    ['compact nested sequence', yaml('a:', '- - x', '  - y', '- z'), 'a[0][1]', 3, 3],
    ['single-quoted value over two lines', yaml("a: 'one", "  two'", 'b: 1'), 'a', 1, 2],
    ['double-quoted key', yaml('"a.b": 1'), '["a.b"]', 1, 1],
    ['explicit key', yaml('? a', ': 1', 'b: 2'), 'a', 1, 2],
    ['literal block', yaml('a: |', '  one', '  two', 'b: 1'), 'a', 1, 3],
    ['literal block with trailing blank lines kept (|+)', yaml('a: |+', '  one', '', '', 'b: 1'), 'a', 1, 2],
    ['folded block', yaml('a: >-', '  one', '  two', '', 'b: 1'), 'a', 1, 3],
    ['block with leading blank lines', yaml('a: |', '', '  one', 'b: 1'), 'a', 1, 3],
    ['block with an indentation indicator', yaml('a: |2', '   one', '  two', 'b: 1'), 'a', 1, 3],
    ['empty literal block: on its header line', yaml('a: |', '', 'b: 1'), 'a', 1, 1],
    ['empty literal block at the end of the file', 'x: 1\na: |-\n', 'a', 2, 2],
    ['empty folded block with CRLF', 'a: >\r\n\r\nb: 1\r\n', 'a', 1, 1],
    ['map ending in a block with trailing blank lines', yaml('m:', '  a: |', '    x', '', '', 'b: 1'), 'm', 1, 3],
    ['plain scalar over two lines', yaml('a: one', '  two', 'b: 1'), 'a', 1, 2],
    ['anchored and tagged value', yaml('a: &x !!str 1', 'b: 1'), 'a', 1, 1]
  ])('%s', (_name, text, path, line, endLine) => {
    const doc = only(text)
    expect(lineOf(doc.root, parsePath(path))).toEqual({ line, endLine })
  })

  it('flow and block forms of the same value give the same value', () => {
    const flow = only(yaml('spec: {hosts: [a, b], http: [{route: [{weight: 1}]}]}'))
    const block = only(yaml('spec:', '  hosts:', '    - a', '    - b', '  http:', '    - route:', '        - weight: 1'))
    expect(flow.value).toEqual(block.value)
    expect(lineOf(flow.root, parsePath('spec.http[0].route[0].weight'))).toEqual({ line: 1, endLine: 1 })
    expect(lineOf(block.root, parsePath('spec.http[0].route[0].weight'))).toEqual({ line: 7, endLine: 7 })
  })
})

describe('empty values', () => {
  const doc = only(yaml('a:', 'b: ~', 'c: &anchor', 'd: !!str', 'e:', '  -', '  - x', 'f: 1'))

  it.each([
    ['a', 1, null],
    ['b', 2, null],
    ['c', 3, null],
    ['d', 4, ''],
    ['e[0]', 6, null]
  ])('%s sits on line %i', (path, line, value) => {
    expect(lineOf(doc.root, parsePath(path))).toEqual({ line, endLine: line })
    expect(parsePath(path).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], doc.value)).toBe(value)
  })

  it('keeps the line of the key after an empty value', () => {
    expect(lineOf(doc.root, ['f'])).toEqual({ line: 8, endLine: 8 })
  })
})

describe('keys that are not strings', () => {
  // As kubectl reads them: YAML 1.1 resolves the key, sigs.k8s.io/yaml writes it as a string (`0755` is 493, `on` is true).
  const doc = only(yaml('1: one', 'on: yes', '1.5: float', '0x10: hex', '0755: octal', '"2": quoted', 'False: no'))

  it.each([
    ['1', 1],
    ['true', 2],
    ['1.5', 3],
    ['16', 4],
    ['493', 5],
    ['2', 6],
    ['false', 7]
  ])('key %s resolves like the plain value (line %i)', (key, line) => {
    expect(entryAt(doc.root, [key])?.keyNode.line).toBe(line)
    expect(Object.keys(doc.value as object)).toContain(key)
  })

  it('a number in a path finds a numeric map key', () => {
    expect(lineOf(doc.root, [1])).toEqual({ line: 1, endLine: 1 })
  })
})

describe('line endings and encodings', () => {
  const lf = yaml('a: 1', 'b:', '  c: |', '    x', '    y', '  d: [1,', '    2]', 'e: "q"')

  it.each([
    ['LF', lf],
    ['CRLF', lf.replace(/\n/g, '\r\n')],
    ['BOM + LF', '\ufeff' + lf],
    ['BOM + CRLF', '\ufeff' + lf.replace(/\n/g, '\r\n')]
  ])('%s gives the same lines and values', (_name, text) => {
    const file = parse(text)
    const doc = file.documents[0]
    expect(file.problems).toEqual([])
    expect(doc.value).toEqual({ a: 1, b: { c: 'x\ny\n', d: [1, 2] }, e: 'q' })
    expect(lineOf(doc.root, ['b', 'c'])).toEqual({ line: 3, endLine: 5 })
    expect(lineOf(doc.root, ['b', 'd'])).toEqual({ line: 6, endLine: 7 })
    expect(lineOf(doc.root, ['e'])).toEqual({ line: 8, endLine: 8 })
    expect(file.lines.slice(0, 3)).toEqual(['a: 1', 'b:', '  c: |'])
  })

  it('reads UTF-8 bytes, with and without a BOM', () => {
    const bytes = new TextEncoder().encode('\ufeffname: café\nx: 1\n')
    const doc = parse(bytes).documents[0]
    expect(doc.value).toEqual({ name: 'café', x: 1 })
    expect(lineOf(doc.root, ['x'])).toEqual({ line: 2, endLine: 2 })
  })
})
