// The measured work: the parse floor (raw js-yaml), the engine (parse + recognise + analyzers), the whole pipeline.
import { loadAll } from 'js-yaml'

export const TARGET = '1.28'
export const FROM = '1.26'

/** The floor: js-yaml's own loadAll over every file, values only, no positions. */
export function parseFloor(files) {
  let documents = 0
  const values = []
  for (const f of files) {
    const docs = loadAll(f.text)
    documents += docs.length
    values.push(docs)
  }
  return { documents, values }
}

/** What a run costs per manifest: parse with positions, recognise, and every registered analyzer. */
export function analyse(engine, files) {
  const parsed = files.map((f) => engine.parseManifestFile(f.path, f.text))
  const documents = []
  for (const file of parsed) for (const doc of file.documents) documents.push(doc)
  const ctx = { target: engine.parseRelease(TARGET), from: engine.parseRelease(FROM), files: parsed }
  const findings = engine.analyzeDocuments(documents, ctx)
  const problems = parsed.reduce((n, f) => n + f.problems.length, 0)
  return { parsed, documents: documents.length, findings, problems }
}

/** The parse layer alone: positions, values, recognition; no analyzer. */
export function parseOnly(engine, files) {
  return files.map((f) => engine.parseManifestFile(f.path, f.text))
}

/** One analyzer over already parsed documents: what each rule set adds. */
export function analyzerRun(engine, analyzer, parsed) {
  const ctx = { target: engine.parseRelease(TARGET), from: engine.parseRelease(FROM), files: parsed }
  let findings = 0
  for (const file of parsed) for (const doc of file.documents) findings += analyzer.check(doc, ctx).length
  if (analyzer.checkRepository) findings += analyzer.checkRepository(ctx).length
  return findings
}

/** The whole engine as the action runs it: bytes in, path matching, resource diff, sorted findings out. */
export function pipelineSources(files) {
  const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
  const paths = [...contents.keys()]
  // As the CLI's wholeFileSources: no diff, so every file shares one empty map and set.
  const commentableLines = new Map()
  const addedLines = new Set()
  return {
    changes: { source: 'paths', files: paths.map((path) => ({ path, status: 'added', commentableLines, addedLines })) },
    head: {
      list: async () => paths,
      read: async (wanted) => new Map(wanted.filter((p) => contents.has(p)).map((p) => [p, contents.get(p)]))
    }
  }
}

export function runPipeline(engine, sources) {
  return engine.runAnalysis(sources, { target: TARGET, from: FROM, paths: [] })
}
