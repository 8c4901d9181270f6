// The benchmark corpus must be real work for the engine: deterministic, valid YAML, every document recognised.
import { generateCorpus } from '../scripts/bench/corpus.mjs'
import { parseManifestFile } from '../src/manifests/parse.js'

/** Lines where each document's content starts: the first line after a marker that is not blank or a comment. */
function documentStartLines(text: string): number[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const starts: number[] = []
  let waiting = true
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) {
      waiting = true
      return
    }
    if (waiting && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      starts.push(i + 1)
      waiting = false
    }
  })
  return starts
}

describe('benchmark corpus', () => {
  const corpus = generateCorpus(400)

  it('is the same for the same seed and different for another', () => {
    expect(generateCorpus(400).files).toEqual(corpus.files)
    expect(generateCorpus(400, 7).files).not.toEqual(corpus.files)
  })

  it('holds exactly the documents asked for, in several files, some multi-document', () => {
    expect(corpus.documents).toBe(400)
    expect(corpus.files.length).toBeGreaterThan(50)
    expect(corpus.files.some((f) => documentStartLines(f.text).length > 1)).toBe(true)
  })

  it('parses without problems, each document at the line where it starts, each recognised', () => {
    let documents = 0
    for (const file of corpus.files) {
      const parsed = parseManifestFile(file.path, file.text)
      expect({ file: file.path, problems: parsed.problems }).toEqual({ file: file.path, problems: [] })
      expect({ file: file.path, lines: parsed.documents.map((d) => d.line) }).toEqual({ file: file.path, lines: documentStartLines(file.text) })
      for (const doc of parsed.documents) expect({ file: doc.file, line: doc.line, kind: doc.kind === 'unknown' ? 'unknown' : 'known' }).toEqual({ file: file.path, line: doc.line, kind: 'known' })
      documents += parsed.documents.length
    }
    expect(documents).toBe(400)
  })
})
