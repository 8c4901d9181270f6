// What the benchmark runs of the engine, bundled by scripts/bench/build.mjs into .bench/engine.js (never dist/).
export { parseManifestFile } from '../../src/manifests/parse.js'
export { analyzeDocuments, ANALYZERS } from '../../src/analyze/index.js'
export { runAnalysis } from '../../src/pipeline.js'
export { parseRelease } from '../../src/knowledge/versions.js'
