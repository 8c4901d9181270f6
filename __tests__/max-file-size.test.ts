// The size limit: a file above it is a warning that names the limit (so fail-on: warning catches it), and the limit
// comes from the input / CLI option, else the config's maxFileSize, else 4 MiB.
import { describe, expect, it } from '@jest/globals'
import { parseConfig, parseSize } from '../src/config.js'
import { runAnalysis, type Snapshot, type Sources } from '../src/pipeline.js'

const DOC = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: padded\ndata:\n  pad: "' + 'x'.repeat(2000) + '"\n'

function sourcesOf(tree: Record<string, string>): Sources {
  const head: Snapshot = {
    list: async () => Object.keys(tree),
    read: async (paths) => new Map(paths.filter((p) => p in tree).map((p) => [p, new TextEncoder().encode(tree[p])]))
  }
  const files = Object.keys(tree).map((path) => ({ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }))
  return { changes: { source: 'paths', files }, head }
}

describe('max file size', () => {
  it('reads sizes with and without units', () => {
    expect(parseSize('4194304', 'x')).toBe(4 * 1024 * 1024)
    expect(parseSize('8MiB', 'x')).toBe(8 * 1024 * 1024)
    expect(parseSize('512 KiB', 'x')).toBe(512 * 1024)
    expect(() => parseSize('lots', 'max-file-size')).toThrow(/max-file-size must be a size/)
    expect(() => parseSize('0', 'max-file-size')).toThrow(/max-file-size must be a size/)
  })

  it('takes maxFileSize from the config, with file and line for a bad one', () => {
    expect(parseConfig('maxFileSize: 1KiB\n', '.github/istio-compat.yml').maxFileSize).toBe(1024)
    expect(() => parseConfig('rules: {}\nmaxFileSize: huge\n', '.github/istio-compat.yml')).toThrow(/\.github\/istio-compat\.yml:2.*maxFileSize/)
  })

  it('a file above the limit is a warning naming the limit; the option wins over the config', async () => {
    const tree = { 'k8s/padded.yaml': DOC }
    const config = parseConfig('maxFileSize: 1KiB\n', '.github/istio-compat.yml')
    const small = await runAnalysis(sourcesOf(tree), { target: '1.28', paths: [], config, analyzers: [] })
    expect(small.findings).toMatchObject([{ rule: 'parse', severity: 'warning', file: 'k8s/padded.yaml', line: 1, message: expect.stringContaining('size limit of 1 KiB (1024 bytes)') }])
    const raised = await runAnalysis(sourcesOf(tree), { target: '1.28', paths: [], config, analyzers: [], maxFileBytes: 8 * 1024 })
    expect(raised.findings).toEqual([])
    expect(raised.documentsChecked).toBe(1)
  })
})
