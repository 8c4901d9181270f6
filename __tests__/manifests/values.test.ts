// The plain values that parseYaml builds in its tree pass must be what js-yaml's own constructor builds, key order
// and types included; documents with tags, anchors, merge keys or odd keys are handed to js-yaml itself.
import { isDeepStrictEqual } from 'node:util'
import { CORE_SCHEMA, constructFromEvents, mergeTag, parseEvents } from 'js-yaml'
import { parseYaml, YamlError } from '../../src/manifests/yaml.js'

const SCHEMA = CORE_SCHEMA.withTags(mergeTag)

function reference(text: string): unknown[] {
  return constructFromEvents(parseEvents(text, { maxDepth: 200 }), { source: text, schema: SCHEMA, maxAliases: 50 })
}

function expectSameValues(text: string): void {
  const ours = parseYaml(text).map((d) => d.value)
  const theirs = reference(text)
  expect(ours).toEqual(theirs)
  // toEqual ignores key order and treats -0/0 alike; the value we hand on must match exactly.
  expect(isDeepStrictEqual(ours, theirs)).toBe(true)
  expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs))
}

const CASES: [string, string][] = [
  ['plain map', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
  ['null forms', 'a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: ""\n'],
  ['booleans and look-alikes', 'a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: "true"\nh: tRUE\n'],
  ['numbers', 'a: 1\nb: -2\nc: +3\nd: 0x1F\ne: 0o17\nf: 1.5\ng: .5\nh: 1e3\ni: .inf\nj: -.Inf\nk: .nan\nl: 1_000\nm: 0b1\nn: 017\no: -0\np: 1.0\n'],
  ['version strings', 'tag: 1.28.1\nv: "1.28"\nw: 1.28\nx: 1.20\n'],
  ['numeric and null keys', '1: a\n1.0: b\n0x10: c\n~: d\ntrue: e\n"2": f\n-1: g\n'],
  ['quoted keys that look like others', '"1": a\n\'true\': b\n"~": c\n'],
  ['block scalars', 'a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\nd: x\n'],
  ['empty block scalar', 'mesh: |\nnext: 1\n'],
  ['flow collections', 'a: {x: 1, y: [1, 2, {z: null}], "q": \'s\'}\nb: []\nc: {}\n'],
  ['nested sequences', 'a:\n- - 1\n  - 2\n- b: c\n  d: e\n- \n- null\n'],
  ['multi-document', '---\na: 1\n---\n---\nb: 2\n...\n---\n# only a comment\n'],
  ['scalar and sequence roots', '--- hello\n--- 12\n--- [1, 2]\n--- ~\n'],
  ['keys of the object prototype', 'constructor: 1\ntoString: 2\nhasOwnProperty: 3\nvalueOf: x\n'],
  ['__proto__ key', '__proto__: {polluted: true}\nsafe: 1\n'],
  ['anchors and aliases', 'a: &x {k: v}\nb: *x\nc: &s str\nd: *s\n'],
  ['merge keys', 'base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nn:\n  <<: [*b, {z: 4}]\n'],
  ['merge-looking values', 'a: "<<"\nb: <<x\nc: <\n'],
  ['tags', 'a: !!str 1\nb: !!int "2"\nc: !!float 3\nd: !!null ""\ne: !!map {x: 1}\nf: !!seq [1]\n'],
  ['complex keys', '? [a, b]\n: c\n'],
  ['unicode and escapes', 'a: "tab\\there \\u00e9 \\x41"\nb: \'it\'\'s\'\nc: ünï: cödé\n'],
  ['windows line ends', 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: |\r\n  z\r\n'],
  ['empty values in flow', 'a: {x: , y: }\nb: [a, , ]\n']
]

describe('values built in the tree pass', () => {
  test.each(CASES)('%s', (_name, text) => {
    let theirs: unknown[] | undefined
    let theirError: unknown
    try {
      theirs = reference(text)
    } catch (error) {
      theirError = error
    }
    if (theirError) {
      // Where js-yaml refuses the text, so do we.
      expect(() => parseYaml(text)).toThrow(YamlError)
      return
    }
    expect(theirs).toBeDefined()
    expectSameValues(text)
  })

  test('a duplicate key is refused, with the line of the second key', () => {
    const text = 'apiVersion: v1\nkind: A\nmetadata:\n  name: a\n  name: b\n'
    let caught: unknown
    try {
      parseYaml(text)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(YamlError)
    expect((caught as YamlError).message).toMatch(/duplicated mapping key/)
    expect(text.slice(0, (caught as YamlError).fileOffset).split('\n').length).toBe(5)
  })

  test('merge keys count across the documents of one text, as js-yaml counts them', () => {
    // 120 documents of 100 merged keys each exceed the text's budget of 10,000 merged keys; 80 do not.
    const keys = Array.from({ length: 99 }, (_, i) => `k${i}: ${i}`).join(', ')
    const doc = `b: &b {${keys}}\nm:\n  <<: *b\n`
    expect(() => reference(Array(120).fill(doc).join('---\n'))).toThrow(/maxTotalMergeKeys/)
    expect(() => parseYaml(Array(120).fill(doc).join('---\n'))).toThrow(/merged with <</)
    expect(() => parseYaml(Array(80).fill(doc).join('---\n'))).not.toThrow()
  })

  test('plain documents and js-yaml-constructed ones keep their order in one text', () => {
    const text = 'a: 1\n---\nb: &x [1]\nc: *x\n---\nd: !!str 4\n---\ne: 5\n'
    expectSameValues(text)
    expect(parseYaml(text).map((d) => d.value)).toEqual([{ a: 1 }, { b: [1], c: [1] }, { d: '4' }, { e: 5 }])
  })

  test('every prefix of a mixed file gives the values js-yaml gives, or both refuse it', () => {
    const text = CASES.filter(([name]) => !/tags|complex/.test(name)).map(([, t]) => t.replace(/^---\n/, '')).join('---\n')
    let compared = 0
    for (let end = 0; end <= text.length; end++) {
      const prefix = text.slice(0, end)
      let theirs: unknown[] | undefined
      try {
        theirs = reference(prefix)
      } catch {
        expect(() => parseYaml(prefix)).toThrow(YamlError)
        continue
      }
      expect(parseYaml(prefix).map((d) => d.value)).toEqual(theirs)
      compared++
    }
    expect(compared).toBeGreaterThan(200)
  })
})
