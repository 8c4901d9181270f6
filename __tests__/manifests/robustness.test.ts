// Never a crash: every prefix and many mutations of a realistic file parse to documents and findings.
import { lineOf } from '../../src/manifests/locate.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { walk } from '../../src/manifests/locate.js'
import type { ManifestFile } from '../../src/manifests/types.js'
import { yaml } from './helpers.js'

const SAMPLE = yaml(
  '# shop routing',
  'apiVersion: networking.istio.io/v1',
  'kind: VirtualService',
  'metadata: {name: web, namespace: "shop"}',
  'spec:',
  '  hosts: [web]',
  '  http:',
  '    - route:',
  '        - destination: &dest {host: web, subset: v1}',
  '          weight: 90',
  '        - destination: *dest',
  '          weight: 10',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: istio',
  'data:',
  '  mesh: |-',
  '    defaultConfig:',
  "      proxyMetadata: {A: '1'}",
  '    accessLogFile: >',
  '      /dev/stdout',
  '---',
  'base: &b {x: 1}',
  'merged:',
  '  <<: *b',
  '  y: "two"',
  '...'
)

/** Every position a file reports must be a line of that file. */
function expectSane(file: ManifestFile, text: string): void {
  const lineCount = text.split('\n').length
  for (const p of file.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1)
    expect(p.line).toBeLessThanOrEqual(lineCount)
  }
  for (const doc of file.documents) {
    expect(doc.line).toBeGreaterThanOrEqual(1)
    expect(doc.endLine).toBeLessThanOrEqual(lineCount)
    expect(doc.line).toBeLessThanOrEqual(doc.endLine)
    walk(doc.root, (node) => {
      expect(node.line).toBeGreaterThanOrEqual(doc.line)
      expect(node.endLine).toBeLessThanOrEqual(doc.endLine)
      expect(node.line).toBeLessThanOrEqual(node.endLine)
    })
    for (const e of doc.embedded) {
      walk(e.root, (node) => {
        expect(node.line).toBeGreaterThanOrEqual(1)
        expect(node.endLine).toBeLessThanOrEqual(lineCount)
      })
    }
  }
}

describe('robustness', () => {
  it('parses the sample cleanly', () => {
    const file = parseManifestFile('sample.yaml', SAMPLE)
    expect(file.problems).toEqual([])
    expect(file.documents.map((d) => [d.line, d.endLine, d.family ?? d.kind])).toEqual([
      [2, 12, 'istio'],
      [14, 23, 'mesh-configmap'],
      [25, 28, 'unknown']
    ])
    expect(lineOf(file.documents[0].root, ['spec', 'http', 0, 'route', 1, 'destination', 'subset'])).toEqual({ line: 9, endLine: 9 })
    expectSane(file, SAMPLE)
  })

  it('survives every prefix of the sample (a file cut anywhere)', () => {
    for (let cut = 0; cut <= SAMPLE.length; cut++) {
      const text = SAMPLE.slice(0, cut)
      expectSane(parseManifestFile('cut.yaml', text), text)
    }
  })

  it('survives single-character mutations at every position', () => {
    const replacements = ['', ' ', '\n', ':', '-', '[', '{', '"', "'", '&', '*', '|', '>', '#', '\t', '!', '%', '@', '{{']
    let seed = 42
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < SAMPLE.length; i++) {
      const r = replacements[next() % replacements.length]
      const text = SAMPLE.slice(0, i) + r + SAMPLE.slice(i + 1)
      expectSane(parseManifestFile('mutated.yaml', text), text)
    }
  })

  it('survives the sample with CRLF and a BOM cut anywhere', () => {
    const crlf = '\ufeff' + SAMPLE.replace(/\n/g, '\r\n')
    for (let cut = 0; cut <= crlf.length; cut += 7) {
      const text = crlf.slice(0, cut)
      expectSane(parseManifestFile('crlf.yaml', text), text.replace(/^\ufeff/, ''))
    }
  })
})
