// Files → documents, and every way a file can be unreadable → a `parse` finding or notice, never a crash.
import { lineOf, nodeAt, parsePath } from '../../src/manifests/locate.js'
import { MAX_FILE_BYTES, parseManifestFile } from '../../src/manifests/parse.js'
import { MAX_DEPTH } from '../../src/manifests/yaml.js'
import { parse, where, yaml } from './helpers.js'

const THREE_DOCS = yaml(
  '# first: a namespace', //                  1
  'apiVersion: v1', //                        2
  'kind: Namespace', //                       3
  'metadata: {name: shop}', //                4
  '---', //                                   5
  '# second', //                              6
  '', //                                      7
  'apiVersion: v1', //                        8
  'kind: Service', //                         9
  'metadata:', //                             10
  '  name: web', //                           11
  '...', //                                   12
  '# between documents', //                   13
  '---', //                                   14
  'apiVersion: networking.istio.io/v1', //    15
  'kind: VirtualService', //                  16
  'metadata:', //                             17
  '  name: web', //                           18
  'spec:', //                                 19
  '  http:', //                               20
  '    - route:', //                          21
  '        - destination: {host: web}', //    22
  '          weight: 100' //                  23
)

describe('multi-document files', () => {
  const file = parse(THREE_DOCS, 'apps/web.yaml')

  it('parses every document with its index and lines', () => {
    expect(file.problems).toEqual([])
    expect(file.documents.map((d) => [d.index, d.line, d.endLine, d.resource?.kind])).toEqual([
      [0, 2, 4, 'Namespace'],
      [1, 8, 11, 'Service'],
      [2, 15, 23, 'VirtualService']
    ])
  })

  it('resolves a path in the third document to file lines', () => {
    const third = file.documents[2]
    expect(third.file).toBe('apps/web.yaml')
    expect(where(third, parsePath('spec.http[0].route[0].weight'))).toBe('apps/web.yaml:23-23')
    expect(where(third, parsePath('spec.http[0].route[0].destination.host'))).toBe('apps/web.yaml:22-22')
    expect(where(third, ['metadata', 'name'])).toBe('apps/web.yaml:18-18')
  })

  it('keeps the lines of the file without terminators', () => {
    expect(file.lines[14]).toBe('apiVersion: networking.istio.io/v1')
    expect(file.lines).toHaveLength(24)
  })

  it('gives the same documents with CRLF line endings', () => {
    const crlf = parse(THREE_DOCS.replace(/\n/g, '\r\n'), 'apps/web.yaml')
    expect(crlf.problems).toEqual([])
    expect(crlf.documents.map((d) => [d.line, d.endLine])).toEqual([[2, 4], [8, 11], [15, 23]])
    expect(where(crlf.documents[2], parsePath('spec.http[0].route[0].weight'))).toBe('apps/web.yaml:23-23')
  })
})

describe('document markers and directives', () => {
  it.each([
    ['end markers', yaml('a: 1', '...', '---', 'b: 2', '...'), [[1, 1], [4, 4]]],
    ['leading marker and comments', yaml('# header', '---', '# doc comment', 'a: 1'), [[4, 4]]],
    ['a comment on the marker line', yaml('--- # first', 'a: 1', '--- # second', 'b: 2'), [[2, 2], [4, 4]]],
    ['a directive after an end marker', yaml('a: 1', '...', '%YAML 1.1', '---', 'b: 2'), [[1, 1], [5, 5]]]
  ])('%s', (_name, text, ranges) => {
    const file = parse(text)
    expect(file.problems).toEqual([])
    expect(file.documents.map((d) => [d.line, d.endLine])).toEqual(ranges)
  })

  // kubectl splits documents at lines starting with `---` and refuses anything but a comment after the dashes;
  // a %YAML or %TAG directive then stands alone in its chunk, which go-yaml refuses.
  it.each([
    ['%YAML directive', yaml('%YAML 1.2', '---', 'a: 1', '---', 'b: 2'), 1, [[3, { a: 1 }], [5, { b: 2 }]]],
    ['tag on the marker line', yaml('--- !shop', 'a: 1', '---', 'b: 2'), 1, [[4, { b: 2 }]]],
    ['flow map on the marker line', yaml('a: 0', '--- {a: 1}', '---', 'b: 2'), 2, [[1, { a: 0 }], [4, { b: 2 }]]],
    ['block scalar on the marker line', yaml('--- |', '  text', '---', 'b: 2'), 1, [[4, { b: 2 }]]]
  ])('%s is a parse error on its line; the other documents are read', (_name, text, line, docs) => {
    const file = parse(text)
    expect(file.problems).toMatchObject([{ rule: 'parse', severity: 'error', line }])
    expect(file.documents.map((d) => [d.line, d.value])).toEqual(docs)
  })

  it('reads only the first document before an end marker, as kubectl does', () => {
    const file = parse(yaml('a: 1', '... trailing words', 'b: 2', '---', 'c: 3'))
    expect(file.problems).toEqual([])
    expect(file.documents.map((d) => [d.line, d.value])).toEqual([[1, { a: 1 }], [5, { c: 3 }]])
  })
})

describe('empty and non-map documents', () => {
  it.each([
    ['an empty file', ''],
    ['only comments', yaml('# nothing here', '  # still nothing')],
    ['only markers', yaml('---', '---', '...')]
  ])('%s has no documents and no problems', (_name, text) => {
    const file = parse(text)
    expect(file.documents).toEqual([])
    expect(file.problems).toEqual([])
  })

  it('skips empty documents without giving them an index', () => {
    const file = parse(yaml('---', '---', 'a: 1', '---', '---', 'b: 2', '---'))
    expect(file.documents.map((d) => [d.index, d.line, d.value])).toEqual([
      [0, 3, { a: 1 }],
      [1, 6, { b: 2 }]
    ])
  })

  it('keeps a bare scalar and a bare list as unknown documents with positions', () => {
    const file = parse(yaml('just text', '---', '- a', '- b: 1'))
    expect(file.documents.map((d) => [d.kind, d.value, d.line, d.endLine])).toEqual([
      ['unknown', 'just text', 1, 1],
      ['unknown', ['a', { b: 1 }], 3, 4]
    ])
    expect(lineOf(file.documents[1].root, [1, 'b'])).toEqual({ line: 4, endLine: 4 })
  })
})

describe('broken YAML costs only its own document', () => {
  it.each([
    ['unclosed flow sequence', ['a: [1, 2', 'b: 3'], 2],
    ['bad indentation', ['a:', '  b: 1', ' c: 2'], 3],
    ['tab indentation', ['a:', '\tb: 1'], 2],
    ['sequence after a map', ['a: 1', '- x'], 2],
    ['unknown alias', ['a: *nowhere'], 1],
    ['null key', ['a: 1', '~: 2'], 2],
    ['a line holding only a tab', ['a: 1', '\t', 'b: 2'], 2],
    ['infinity, which JSON cannot hold', ['a: 1', 'b: .inf'], 2],
    ['key longer than 1024 characters', ['a: 1', `${'k'.repeat(1100)}: v`], 2],
    ['unclosed quote at the end of the document', ['a: 1', 'b: "open'], 2],
    ['unclosed flow map at the end of the document', ['a: 1', 'b: {x: 1'], 2]
  ])('%s in document 2 of 3 → error on its line; documents 1 and 3 parsed', (_name, broken, brokenLine) => {
    const text = yaml('kind: First', '---', ...broken, '---', 'kind: Third', 'x: 1')
    const file = parse(text, 'k8s/all.yaml')
    const offset = 2 // the broken document starts on line 3
    expect(file.problems).toHaveLength(1)
    expect(file.problems[0]).toMatchObject({ rule: 'parse', severity: 'error', file: 'k8s/all.yaml', line: brokenLine + offset })
    expect(file.problems[0].message).toMatch(/^Invalid YAML: /)
    expect(file.documents.map((d) => [d.index, (d.value as { kind: string }).kind, d.line])).toEqual([
      [0, 'First', 1],
      [2, 'Third', broken.length + 4]
    ])
    expect(lineOf(file.documents[1].root, ['x'])).toEqual({ line: broken.length + 5, endLine: broken.length + 5 })
  })

  it('does not let an alias reach an anchor of an earlier document', () => {
    const file = parse(yaml('a: &x 1', '---', 'b: *x'))
    expect(file.problems).toMatchObject([{ severity: 'error', line: 3 }])
    expect(file.problems[0].message).toMatch(/alias \*x refers to no anchor/)
    expect(file.documents.map((d) => d.value)).toEqual([{ a: 1 }])
  })

  it('reports an error at the end of the last document on its last content line', () => {
    const file = parse(yaml('a: 1', 'b: [1,', '  2', '', '# trailing comment'))
    expect(file.problems).toMatchObject([{ severity: 'error', line: 3 }])
    expect(file.documents).toEqual([])
  })

  it('names the lines of the document that was not checked', () => {
    const file = parse(yaml('a: 1', '---', '# comment', 'b: [', 'c: 1', '---', 'd: 1'))
    expect(file.problems[0].message).toMatch(/the document at lines 4-5 was not checked/)
  })

  it('reads a duplicate key in a flow map as kubectl does (last wins) and warns on the duplicate', () => {
    const file = parse(yaml('a: 1', 'b: {x: 1,', '  x: 2}'))
    expect(file.problems).toMatchObject([{ rule: 'duplicate-key', severity: 'warning', line: 3 }])
    expect(file.documents[0].value).toEqual({ a: 1, b: { x: 2 } })
  })
})

describe('alias bombs, recursion and depth', () => {
  const laughs = (levels: number, width: number): string => {
    const lines = ['a: &a ["lol"]']
    for (let i = 1; i < levels; i++) {
      const prev = String.fromCharCode(96 + i)
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(width).fill(`*${prev}`).join(', ')}]`)
    }
    return yaml(...lines)
  }

  it('reports the billion laughs (9 × 9 aliases) as a parse error and keeps the other documents', () => {
    const file = parse(yaml('kind: Before') + '---\n' + laughs(9, 9) + '---\n' + yaml('kind: After'))
    expect(file.problems).toMatchObject([{ rule: 'parse', severity: 'error' }])
    expect(file.problems[0].line).toBeGreaterThanOrEqual(3)
    expect(file.problems[0].line).toBeLessThanOrEqual(11)
    expect(file.documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['Before', 'After'])
  })

  it('stops a doubling chain as go-yaml does (aliases make up most of the document)', () => {
    // 26 levels of [*x, *x]: 50 aliases, 2^25 nodes when expanded.
    const text = laughs(26, 2)
    const file = parse(text)
    expect(file.problems).toHaveLength(1)
    expect(file.problems[0].message).toContain('excessive aliasing')
    expect(file.problems[0].line).toBeGreaterThan(1)
    expect(file.problems[0].line).toBeLessThanOrEqual(26)
  })

  it('accepts more than 50 aliases in a document, as kubectl does', () => {
    const file = parse(yaml('x: &x 1', ...Array.from({ length: 60 }, (_, i) => `k${i}: *x`)))
    expect(file.problems).toEqual([])
    expect((file.documents[0].value as Record<string, number>).k59).toBe(1)
  })

  it('counts aliases per document, not per file', () => {
    const doc = yaml('x: &x 1', ...Array.from({ length: 30 }, (_, i) => `k${i}: *x`))
    const file = parse(doc + '---\n' + doc)
    expect(file.problems).toEqual([])
    expect(file.documents).toHaveLength(2)
  })

  it('reports a recursive alias on its line', () => {
    const file = parse(yaml('a: 1', 'b: &loop', '  - x', '  - *loop'))
    expect(file.problems).toMatchObject([{ severity: 'error', line: 4 }])
    expect(file.problems[0].message).toMatch(/recursive/)
  })

  it(`reports nesting deeper than ${MAX_DEPTH} levels`, () => {
    const depth = MAX_DEPTH + 10
    const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`)
    const file = parse(yaml(...lines, `${'  '.repeat(depth)}leaf`) + '---\n' + yaml('ok: 1'))
    expect(file.problems).toHaveLength(1)
    expect(file.problems[0]).toMatchObject({ severity: 'error' })
    expect(file.problems[0].message).toContain(`nesting deeper than ${MAX_DEPTH} levels`)
    expect(file.problems[0].line).toBeGreaterThan(MAX_DEPTH - 2)
    expect(file.documents.map((d) => d.value)).toEqual([{ ok: 1 }])
  })

  it('accepts nesting within the limit', () => {
    const depth = MAX_DEPTH - 10
    const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`)
    const file = parse(yaml(...lines, `${'  '.repeat(depth)}leaf: 1`))
    expect(file.problems).toEqual([])
    const path = Array.from({ length: depth }, (_, i) => `k${i}`)
    expect(lineOf(file.documents[0].root, [...path, 'leaf'])).toEqual({ line: depth + 1, endLine: depth + 1 })
  })

  it('accepts a handful of anchors and aliases', () => {
    const file = parse(yaml('base: &b {x: 1}', 'one: *b', 'two: *b'))
    expect(file.problems).toEqual([])
    expect(nodeAt(file.documents[0].root, ['two', 'x'])).toMatchObject({ line: 1 })
  })
})

describe('files that are not manifests', () => {
  it('skips a binary file (NUL bytes) with a warning', () => {
    const bytes = new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02])
    const file = parse(bytes, 'assets/logo.yaml')
    expect(file.problems).toEqual([expect.objectContaining({ rule: 'parse', severity: 'warning', file: 'assets/logo.yaml', line: 1 })])
    expect(file.problems[0].message).toMatch(/Binary/)
    expect(file.documents).toEqual([])
  })

  it('skips a string holding NUL characters the same way', () => {
    expect(parse('a: 1\n\0\0').problems).toMatchObject([{ severity: 'warning', line: 1 }])
  })

  it('turns an unexpected failure into a finding for that file instead of stopping the run', () => {
    const hostile = { byteLength: 10, subarray: () => { throw new Error('boom') } } as unknown as Uint8Array
    const file = parse(hostile, 'odd/file.yaml')
    expect(file.problems).toEqual([expect.objectContaining({ rule: 'parse', severity: 'error', file: 'odd/file.yaml', line: 1 })])
    expect(file.problems[0].message).toContain('boom')
    expect(file.documents).toEqual([])
  })

  it('skips a file above the size limit with a warning that names the limit', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)
    const file = parse(big, 'gen/bundle.yaml')
    expect(file.problems).toEqual([expect.objectContaining({ rule: 'parse', severity: 'warning', file: 'gen/bundle.yaml', line: 1 })])
    expect(file.problems[0].message).toContain('size limit of 4 MiB (4194304 bytes)')
    expect(file.problems[0].message).toContain('max-file-size')
    expect(parse('#'.repeat(MAX_FILE_BYTES + 1)).problems).toMatchObject([{ severity: 'warning' }])
  })

  it('takes the size limit from the options', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}')
    expect(parseManifestFile('a.yaml', text, { maxFileBytes: 10 }).problems).toMatchObject([{ severity: 'warning', line: 1, message: expect.stringContaining('size limit of 10 bytes') }])
    expect(parseManifestFile('a.yaml', new TextEncoder().encode(text), { maxFileBytes: 8 * 1024 * 1024 }).documents).toHaveLength(1)
  })

  it('decodes UTF-16 with a byte order mark (little and big endian)', () => {
    const text = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: wide')
    const le = new Uint8Array(2 + text.length * 2)
    const be = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    be.set([0xfe, 0xff])
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i)
      be[3 + 2 * i] = text.charCodeAt(i)
    }
    for (const bytes of [le, be]) {
      const file = parse(bytes, 'k8s/wide.yaml')
      expect(file.problems).toEqual([])
      expect(file.documents.map((d) => [d.line, d.resource?.name])).toEqual([[1, 'wide']])
      expect(lineOf(file.documents[0].root, ['metadata', 'name'])).toEqual({ line: 4, endLine: 4 })
    }
  })

  it('reports bytes that are not UTF-8 on their line and reads the other documents', () => {
    const head = new TextEncoder().encode(yaml('a: 1', '---', '# caf'))
    const tail = new TextEncoder().encode(yaml('', 'b: 2', '---', 'c: 3'))
    const bytes = new Uint8Array([...head.slice(0, -1), 0xe9, ...tail])
    const file = parse(bytes)
    expect(file.problems).toMatchObject([{ rule: 'parse', severity: 'error', line: 3, message: expect.stringContaining('Invalid UTF-8: byte 0xE9') }])
    expect(file.documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }])
  })
})

describe('Helm templates', () => {
  const CHART_TEMPLATE = yaml(
    '# Source: chart/templates/deployment.yaml', // 1
    '{{- if .Values.enabled }}', //                  2
    'apiVersion: apps/v1', //                        3
    'kind: Deployment', //                           4
    'metadata:', //                                  5
    '  name: {{ include "app.fullname" . }}', //     6
    '{{- end }}' //                                  7
  )

  it('skips a chart template with one notice on the first template line', () => {
    const file = parse(CHART_TEMPLATE, 'charts/app/templates/deployment.yaml')
    expect(file.problems).toEqual([expect.objectContaining({ rule: 'parse', severity: 'notice', file: 'charts/app/templates/deployment.yaml', line: 2 })])
    expect(file.problems[0].message).toMatch(/Helm template/)
    expect(file.documents).toEqual([])
  })

  it('counts the template documents of a multi-document template in one notice', () => {
    const file = parse(CHART_TEMPLATE + '---\n' + yaml('kind: Service', 'metadata:', '  name: {{ .Values.name }}'))
    expect(file.problems).toHaveLength(1)
    expect(file.problems[0]).toMatchObject({ severity: 'notice', line: 2 })
    expect(file.problems[0].message).toMatch(/2 documents/)
  })

  it('checks a document whose template syntax does not break its YAML: a string with braces is data', () => {
    const file = parse(yaml('kind: ConfigMap', 'metadata:', '  name: app-{{ .Values.suffix }}', '  annotations:', '    note: see {{ .Values.x }}', '---', 'kind: Real'))
    expect(file.problems).toEqual([])
    expect(file.documents.map((d) => [d.index, d.line])).toEqual([[0, 1], [1, 7]])
    expect(lineOf(file.documents[0].root, ['metadata', 'annotations', 'note'])).toEqual({ line: 5, endLine: 5 })
  })

  it('checks a Prometheus rule with {{ with }} in an alert annotation (FP-11)', () => {
    const file = parse(yaml(
      'apiVersion: monitoring.coreos.com/v1', //                                            1
      'kind: PrometheusRule', //                                                            2
      'metadata: {name: mesh}', //                                                          3
      'spec:', //                                                                           4
      '  groups:', //                                                                       5
      '    - rules:', //                                                                    6
      '        - alert: IstioHighErrors', //                                                7
      '          annotations:', //                                                          8
      '            description: {{ with $labels }}{{ .destination_service }}{{ end }} fails' // 9
    ))
    // `{{ with` at the start of a plain value opens a flow mapping that does not close: YAML breaks → template.
    // Written as a plain scalar after other text, it is data:
    const data = parse(yaml('apiVersion: monitoring.coreos.com/v1', 'kind: PrometheusRule', 'metadata: {name: mesh}', 'spec:', '  groups:', '    - rules:', '        - alert: IstioHighErrors', '          annotations:', '            description: service {{ with $labels }}{{ .destination_service }}{{ end }} fails'))
    expect(data.problems).toEqual([])
    expect(lineOf(data.documents[0].root, parsePath('spec.groups[0].rules[0].annotations.description'))).toEqual({ line: 9, endLine: 9 })
    expect(file.problems).toMatchObject([{ severity: 'notice', line: 9 }])
  })

  it('keeps templates that are data: quoted strings and block scalars (injection templates, alert text)', () => {
    const file = parse(yaml(
      'sidecarInjectorWebhook:',
      '  templates:',
      '    custom: |',
      '      metadata:',
      '        annotations:',
      '          x: {{ .ObjectMeta.Name }}',
      'alert: "{{ $labels.instance }} is down"',
      'set: \'{{ .Values.x }}\' # {{ in a comment }}'
    ), 'istio/values.yaml')
    expect(file.problems).toEqual([])
    expect(file.documents).toHaveLength(1)
    expect(lineOf(file.documents[0].root, ['alert'])).toEqual({ line: 7, endLine: 7 })
  })

  it('keeps plain-scalar templates that are not Helm (Prometheus rules, ApplicationSet)', () => {
    const file = parse(yaml(
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'metadata: {name: mesh}',
      'spec:',
      '  groups:',
      '    - rules:',
      '        - alert: IstiodDown',
      '          annotations:',
      '            summary: Instance {{ $labels.instance }} is down for {{ $value }}s'
    ))
    expect(file.problems).toEqual([])
    expect(lineOf(file.documents[0].root, parsePath('spec.groups[0].rules[0].annotations.summary'))).toEqual({ line: 9, endLine: 9 })
  })

  it('reports broken YAML that merely contains quoted templates as an error, not a template', () => {
    const file = parse(yaml('a: "{{ .x }}"', 'b: [1,'))
    expect(file.problems).toMatchObject([{ severity: 'error', line: 2 }])
  })
})
