// Base vs head per resource: added, changed (with the paths), removed, unchanged; renames and moves.
import { changedPathsOf, diffResources, MAX_CHANGED_PATHS, resourceKey } from '../../src/manifests/diff.js'
import type { ResourceChange } from '../../src/manifests/types.js'
import { parse, yaml } from './helpers.js'

const vs = (name: string, weight: number, extra: string[] = []): string =>
  yaml('apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata:', `  name: ${name}`, '  namespace: shop', 'spec:', '  http:', '    - route:', '        - destination: {host: web}', `          weight: ${weight}`, ...extra)

const summary = (changes: ResourceChange[]): string[] =>
  changes.map((c) => `${c.status} ${c.key} ${c.base ? `${c.base.file}#${c.base.index}` : '-'} → ${c.head ? `${c.head.file}:${c.head.line}` : '-'}${c.changedPaths.length ? ` [${c.changedPaths.join(', ')}]` : ''}`).sort()

describe('diffResources', () => {
  it('classifies added, changed, removed and unchanged resources, with the changed paths', () => {
    const base = [parse(vs('a', 100) + '---\n' + vs('b', 100) + '---\n' + vs('c', 100), 'mesh/routes.yaml')]
    const head = [parse(vs('a', 100) + '---\n' + vs('b', 90, ['      timeout: 5s']) + '---\n' + vs('d', 100), 'mesh/routes.yaml')]
    expect(summary(diffResources(base, head))).toEqual([
      'added networking.istio.io/VirtualService/shop/d - → mesh/routes.yaml:24',
      'changed networking.istio.io/VirtualService/shop/b mesh/routes.yaml#1 → mesh/routes.yaml:12 [spec.http[0].route[0].weight, spec.http[0].timeout]',
      'removed networking.istio.io/VirtualService/shop/c mesh/routes.yaml#2 → -',
      'unchanged networking.istio.io/VirtualService/shop/a mesh/routes.yaml#0 → mesh/routes.yaml:1'
    ])
  })

  it('follows a resource that moved to another file (same identity, not removed + added)', () => {
    const base = [parse(vs('a', 100) + '---\n' + vs('b', 100), 'mesh/all.yaml')]
    const head = [parse(vs('a', 100), 'mesh/all.yaml'), parse(yaml('# moved', '') + vs('b', 50), 'mesh/b.yaml')]
    expect(summary(diffResources(base, head))).toEqual([
      'changed networking.istio.io/VirtualService/shop/b mesh/all.yaml#1 → mesh/b.yaml:3 [spec.http[0].route[0].weight]',
      'unchanged networking.istio.io/VirtualService/shop/a mesh/all.yaml#0 → mesh/all.yaml:1'
    ])
  })

  it('keeps the identity of non-resource documents across a rename', () => {
    const values = yaml('pilot:', '  autoscaleMin: 2')
    const base = [parse(values, 'istio/values.yaml')]
    const head = [parse(values, 'istio/istiod-values.yaml')]
    expect(summary(diffResources(base, head, new Map([['istio/istiod-values.yaml', 'istio/values.yaml']])))).toEqual([
      'unchanged file:istio/values.yaml#0 istio/values.yaml#0 → istio/istiod-values.yaml:1'
    ])
    // Without the rename the same change reads as a new file and a deleted one.
    expect(summary(diffResources(base, head))).toEqual([
      'added file:istio/istiod-values.yaml#0 - → istio/istiod-values.yaml:1',
      'removed file:istio/values.yaml#0 istio/values.yaml#0 → -'
    ])
  })

  it('keys an unnamed resource by its file, through renames too', () => {
    const list = yaml('apiVersion: v1', 'kind: List', 'items: []')
    const changes = diffResources([parse(list, 'old/list.yaml')], [parse(list, 'new/list.yaml')], new Map([['new/list.yaml', 'old/list.yaml']]))
    expect(summary(changes)).toEqual(['unchanged /List//old/list.yaml#0 old/list.yaml#0 → new/list.yaml:1'])
  })

  it('pairs a resource defined twice in file order', () => {
    const base = [parse(vs('a', 1), 'overlays/a.yaml'), parse(vs('a', 2), 'overlays/b.yaml')]
    const head = [parse(vs('a', 2), 'overlays/b.yaml'), parse(vs('a', 3), 'overlays/a.yaml')]
    expect(summary(diffResources(base, head))).toEqual([
      'changed networking.istio.io/VirtualService/shop/a overlays/a.yaml#0 → overlays/a.yaml:1 [spec.http[0].route[0].weight]',
      'unchanged networking.istio.io/VirtualService/shop/a overlays/b.yaml#0 → overlays/b.yaml:1'
    ])
  })

  it('keeps the identity of documents after a broken one', () => {
    const base = [parse(yaml('pilot: {a: 1}', '---', 'pilot: {b: 1}', '---', 'pilot: {c: 1}'), 'istio/values.yaml')]
    const head = [parse(yaml('pilot: {a: 1}', '---', 'pilot: {b: [1}', '---', 'pilot: {c: 1}'), 'istio/values.yaml')]
    expect(head[0].problems).toMatchObject([{ severity: 'error', line: 3 }])
    expect(summary(diffResources(base, head))).toEqual([
      'removed file:istio/values.yaml#1 istio/values.yaml#1 → -',
      'unchanged file:istio/values.yaml#0 istio/values.yaml#0 → istio/values.yaml:1',
      'unchanged file:istio/values.yaml#2 istio/values.yaml#2 → istio/values.yaml:5'
    ])
  })

  it('gives every change a key from resourceKey', () => {
    const file = parse(vs('a', 1), 'x.yaml')
    expect(resourceKey(file.documents[0])).toBe('networking.istio.io/VirtualService/shop/a')
  })
})

describe('changedPathsOf', () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['equal values', { a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }, []],
    ['a leaf', { a: { b: 1 } }, { a: { b: 2 } }, ['a.b']],
    ['an added key', { a: {} }, { a: { b: 1 } }, ['a.b']],
    ['a removed key', { a: { b: 1, c: 2 } }, { a: { c: 2 } }, ['a.b']],
    ['a key added with a null value', { a: 1 }, { a: 1, b: null }, ['b']],
    ['an appended list item', { l: [1] }, { l: [1, 2] }, ['l[1]']],
    ['a type change', { a: [1] }, { a: { 0: 1 } }, ['a']],
    ['a key that needs quoting', { metadata: { annotations: { 'sidecar.istio.io/inject': 'true' } } }, { metadata: { annotations: { 'sidecar.istio.io/inject': 'false' } } }, ['metadata.annotations["sidecar.istio.io/inject"]']],
    ['a whole document', 1, 'one', ['<root>']]
  ])('%s', (_name, a, b, paths) => {
    expect(changedPathsOf(a, b)).toEqual(paths)
  })

  it('reports every place of a value shared through an alias', () => {
    const base = parse(yaml('a: {x: 1}', 'b: {x: 1}')).documents[0].value
    const head = parse(yaml('t: &t {x: 2}', 'a: *t', 'b: *t')).documents[0].value
    expect(changedPathsOf(base, head)).toEqual(['a.x', 'b.x', 't'])
  })

  it(`stops at ${MAX_CHANGED_PATHS} paths`, () => {
    const a = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]))
    const b = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, -i - 1]))
    expect(changedPathsOf(a, b)).toHaveLength(MAX_CHANGED_PATHS)
  })
})
