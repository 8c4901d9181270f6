// The plain values that parseYaml builds in its tree pass are what kubectl decodes (go-yaml v2, YAML 1.1 scalars,
// sigs.k8s.io/yaml's string keys); where YAML 1.1 and 1.2 agree they are also what js-yaml's own constructor builds.
// The 231 reference cases of kubectl itself are walked in yaml-parity.test.ts.
import { isDeepStrictEqual } from 'node:util'
import { CORE_SCHEMA, constructFromEvents, mergeTag, parseEvents } from 'js-yaml'
import { parseYaml, YamlError } from '../../src/manifests/yaml.js'

const SCHEMA = CORE_SCHEMA.withTags(mergeTag)

function reference(text: string): unknown[] {
  return constructFromEvents(parseEvents(text, { maxDepth: 200 }), { source: text, schema: SCHEMA, maxAliases: 50 })
}

const values = (text: string): unknown[] => parseYaml(text).map((d) => d.value)

/** Shapes where YAML 1.1 (kubectl) and YAML 1.2 (js-yaml's core schema) read the same values. */
const SHARED: [string, string][] = [
  ['plain map', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
  ['null forms', 'a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ""\n'],
  ['version strings', 'tag: 1.28.1\nv: "1.28"\nw: 1.28\nx: 1.20\n'],
  ['quoted keys that look like others', '"1": a\n\'true\': b\n"~": c\n'],
  ['block scalars', 'a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\nd: x\n'],
  ['empty block scalar', 'mesh: |\nnext: 1\n'],
  ['flow collections', 'a: {x: 1, z: [1, 2, {w: null}], "q": \'s\'}\nb: []\nc: {}\n'],
  ['nested sequences', 'a:\n- - 1\n  - 2\n- b: c\n  d: e\n- \n- null\n'],
  ['keys of the object prototype', 'constructor: 1\ntoString: 2\nhasOwnProperty: 3\nvalueOf: x\n'],
  ['__proto__ key', '__proto__: {polluted: true}\nsafe: 1\n'],
  ['anchors and aliases', 'a: &x {k: v}\nb: *x\nc: &s str\nd: *s\n'],
  ['merge-looking values', 'a: "<<"\nb: <<x\nc: <\n'],
  ['unicode and escapes', 'a: "tab\\there \\u00e9 \\x41"\nb: \'it\'\'s\'\nc: ünï cödé\n'],
  ['windows line ends', 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: |\r\n  z\r\n'],
  ['empty values in flow', 'a: {x: , z: }\nb: [a, ]\n']
]

describe('values built in the tree pass', () => {
  test.each(SHARED)('%s: the values js-yaml builds too', (_name, text) => {
    const ours = values(text)
    const theirs = reference(text)
    expect(ours).toEqual(theirs)
    // toEqual ignores key order and treats -0/0 alike; the value we hand on must match exactly.
    expect(isDeepStrictEqual(ours, theirs)).toBe(true)
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs))
  })

  test('YAML 1.1 booleans, as values and as keys', () => {
    expect(values('a: true\nb: False\nd: yes\ne: no\nf: on\ng: "true"\nh: tRUE\ni: Off\nj: y\nk: N\n')).toEqual([
      { a: true, b: false, d: true, e: false, f: true, g: 'true', h: 'tRUE', i: false, j: true, k: false }
    ])
    expect(values('m:\n  yes: 1\n  off: 2\n  y: 3\n')).toEqual([{ m: { true: 3, false: 2 } }])
  })

  test('YAML 1.1 numbers: octal, binary, underscores, and what go-yaml leaves a string', () => {
    expect(values('a: 0755\nb: 0o17\nc: 0x1F\nd: 0b1010\ne: 1_000\nf: 08\ng: -0\nh: 1e400\ni: 1:30\nj: .5\nk: +12\nl: -0b11\n')).toEqual([
      { a: 493, b: 15, c: 31, d: 10, e: 1000, f: 8, g: 0, h: '1e400', i: '1:30', j: 0.5, k: 12, l: -3 }
    ])
  })

  test('non-string keys become the strings sigs.k8s.io/yaml makes of them', () => {
    expect(values('1: a\n1.5: b\n0x10: c\n0755: d\n1e6: e\n0.00001: f\n"2": g\n')).toEqual([
      { 1: 'a', '1.5': 'b', 16: 'c', 493: 'd', '1e+06': 'e', '1e-05': 'f', 2: 'g' }
    ])
  })

  test('explicit tags as go-yaml v2 reads them; collection tags are ignored', () => {
    expect(values('a: !!str 1\nb: !!int "2"\nc: !!float 3\nd: !!null ""\ne: !!set {x, z}\nf: !!omap [p: 1]\ng: !Ref x\nh: !!binary aGk=\ni: !!bool yes\n')).toEqual([
      { a: '1', b: 2, c: 3, d: null, e: { x: null, z: null }, f: [{ p: 1 }], g: 'x', h: 'hi', i: true }
    ])
    expect(() => values('a: !!int abc\n')).toThrow(/cannot decode !!str `abc` as a !!int/)
  })

  test('merges apply where they stand (go-yaml v2): later keys win over them, they win over earlier keys', () => {
    expect(values('base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\np:\n  <<: [*b, {w: 4, x: 5}]\nq:\n  z: 0\n  <<: *b\n')).toEqual([
      { base: { x: 1, z: 2 }, m: { x: 1, z: 3 }, p: { x: 1, z: 2, w: 4 }, q: { x: 1, z: 2 } }
    ])
    expect(() => values('m:\n  <<: 1\n')).toThrow(/merge needs a mapping/)
  })

  test('a duplicate key: the last value wins, the tree keeps only the entry that counts, and the duplicate is listed', () => {
    const text = 'apiVersion: v1\nkind: A\nmetadata:\n  name: a\n  name: b\n'
    const [doc] = parseYaml(text)
    expect(doc.value).toEqual({ apiVersion: 'v1', kind: 'A', metadata: { name: 'b' } })
    expect(doc.duplicates).toMatchObject([{ key: 'name', sameText: true, node: { line: 5 }, first: { line: 4 } }])
    const metadata = doc.root?.kind === 'map' ? doc.root.entries[2].value : undefined
    expect(metadata?.kind === 'map' ? metadata.entries.map((e) => [e.key, e.keyNode.line]) : []).toEqual([['name', 5]])
  })

  test('documents split at --- lines keep their order in one text', () => {
    expect(values('a: 1\n---\nb: &x [1]\nc: *x\n---\nd: !!str 4\n---\ne: 5\n')).toEqual([{ a: 1 }, { b: [1], c: [1] }, { d: '4' }, { e: 5 }])
  })

  test('every prefix of a mixed file either reads or raises YamlError, never anything else', () => {
    const text = SHARED.map(([, t]) => t).join('---\n')
    let read = 0
    for (let end = 0; end <= text.length; end++) {
      try {
        values(text.slice(0, end))
        read++
      } catch (error) {
        expect(error).toBeInstanceOf(YamlError)
      }
    }
    expect(read).toBeGreaterThan(200)
  })
})
