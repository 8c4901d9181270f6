// Line edits for suggestions: whole lines of the head text, indentation and trailing comments kept.
import { commentStart, replaceInLine, replaceRange, replaceValue } from '../../src/manifests/edit.js'
import { parsePath, valueRange } from '../../src/manifests/locate.js'
import type { ManifestFile } from '../../src/manifests/types.js'
import { parse, yaml } from './helpers.js'

const TEXT = yaml(
  'apiVersion: networking.istio.io/v1beta1   # pinned', // 1
  'kind: PeerAuthentication', //                          2
  'spec:', //                                             3
  '  mtls:', //                                           4
  '    mode: PERMISSIVE # TODO: STRICT', //               5
  '  note: "a # b" # PERMISSIVE here', //                 6
  '  list: [PERMISSIVE, "x"]', //                         7
  '  block: |', //                                        8
  '    PERMISSIVE', //                                    9
  "  quoted: 'it''s PERMISSIVE'" //                       10
)

describe('replaceInLine', () => {
  const file = parse(TEXT, 'k8s/peer.yaml')

  it.each<[number, string, string, string]>([
    [1, 'v1beta1', 'v1', 'apiVersion: networking.istio.io/v1   # pinned'],
    [5, 'PERMISSIVE', 'STRICT', '    mode: STRICT # TODO: STRICT'],
    [5, 'mode: PERMISSIVE', 'mode: STRICT', '    mode: STRICT # TODO: STRICT'],
    [6, 'a # b', 'c', '  note: "c" # PERMISSIVE here'],
    [7, 'PERMISSIVE', 'STRICT', '  list: [STRICT, "x"]'],
    [10, 'PERMISSIVE', 'STRICT', "  quoted: 'it''s STRICT'"]
  ])('line %i: %s → %s', (line, from, to, expected) => {
    expect(replaceInLine(file, line, from, to)).toEqual({ startLine: line, endLine: line, replacement: expected })
  })

  it.each<[string, number, string, string]>([
    ['text only in the comment', 1, 'pinned', 'fixed'],
    ['text not on the line', 2, 'Gateway', 'x'],
    ['a line past the end', 99, 'a', 'b'],
    ['ambiguous text', 5, 'E', 'e'],
    ['no change', 5, 'mode', 'mode'],
    ['empty text', 5, '', 'x']
  ])('gives nothing for %s', (_name, line, from, to) => {
    expect(replaceInLine(file, line, from, to)).toBeUndefined()
  })

  it('keeps a CRLF file\'s lines without their terminators', () => {
    const crlf = parse(TEXT.replace(/\n/g, '\r\n'))
    expect(replaceInLine(crlf, 5, 'PERMISSIVE', 'STRICT')?.replacement).toBe('    mode: STRICT # TODO: STRICT')
  })
})

describe('commentStart', () => {
  it.each<[string, number]>([
    ['a: 1 # c', 5],
    ['# whole line', 0],
    ['a: "x # y"', 10],
    ["a: 'it''s # not' # yes", 17],
    ['url: http://x/#anchor', 21],
    ['a: b#c', 6],
    ['msg: it\'s # c', 10]
  ])('%j → %i', (line, at) => {
    expect(commentStart(line)).toBe(at)
  })
})

describe('replaceValue and replaceRange', () => {
  const file = parse(TEXT, 'k8s/peer.yaml')
  const root = file.documents[0].root

  it.each<[string, string, number, string]>([
    ['spec.mtls.mode', 'STRICT', 5, '    mode: STRICT # TODO: STRICT'],
    ['spec.note', '"x"', 6, '  note: "x" # PERMISSIVE here'],
    ['spec.list[0]', 'STRICT', 7, '  list: [STRICT, "x"]'],
    ['spec.list[1]', 'y', 7, '  list: [PERMISSIVE, y]'],
    ['apiVersion', 'networking.istio.io/v1', 1, 'apiVersion: networking.istio.io/v1   # pinned']
  ])('%s ← %s', (path, yamlText, line, expected) => {
    expect(replaceValue(file, root, parsePath(path), yamlText)).toEqual({ startLine: line, endLine: line, replacement: expected })
  })

  it('refuses block scalars, collections and missing paths', () => {
    expect(replaceValue(file, root, parsePath('spec.block'), 'x')).toBeUndefined()
    expect(replaceValue(file, root, parsePath('spec.mtls'), 'x')).toBeUndefined()
    expect(replaceValue(file, root, parsePath('spec.nothing'), 'x')).toBeUndefined()
  })

  it('edits a value inside the MeshConfig block of the istio ConfigMap', () => {
    const text = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: istio, namespace: istio-system}',
      'data:',
      '  mesh: |-',
      '    defaultConfig:',
      '      holdApplicationUntilProxyStarts: false # keep',
      '    enableTracing: true'
    ).replace(/\n/g, '\r\n')
    const f = parse(text, 'istio/mesh.yaml')
    const mesh = f.documents[0].embedded[0]
    expect(replaceValue(f, mesh.root, parsePath('defaultConfig.holdApplicationUntilProxyStarts'), 'true')).toEqual({ startLine: 7, endLine: 7, replacement: '      holdApplicationUntilProxyStarts: true # keep' })
  })

  it('replaces a range that spans lines as one edit of those lines', () => {
    const f = parse(yaml('a: "one', '  two" # c', 'b: 1'))
    const range = valueRange(f.documents[0].root, ['a'])
    expect(range).toMatchObject({ line: 1, endLine: 2 })
    expect(replaceRange(f, range!, '"one two"')).toEqual({ startLine: 1, endLine: 2, replacement: 'a: "one two" # c' })
  })

  it('needs the line offsets of parseManifestFile', () => {
    const bare: ManifestFile = { path: 'x.yaml', lines: ['a: 1'], documents: [], problems: [] }
    expect(replaceRange(bare, { line: 1, endLine: 1, start: 3, end: 4 }, '2')).toBeUndefined()
    expect(replaceInLine(bare, 1, '1', '2')).toEqual({ startLine: 1, endLine: 1, replacement: 'a: 2' })
  })
})
