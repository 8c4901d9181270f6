// Runs every analyzer over the documents in scope and applies the repository config.
import type { Finding } from '../model.js'
import type { RepoConfig } from '../config.js'
import type { ManifestDocument } from '../manifests/types.js'
import { catalogAnalyzer } from './catalog.js'
import { schemaAnalyzer } from './schema.js'
import type { AnalysisContext, Analyzer, RuleMeta } from './types.js'

export const ANALYZERS: Analyzer[] = [schemaAnalyzer, catalogAnalyzer]

/** Rules that do not come from an analyzer: the manifests layer's own findings. */
const BUILTIN_RULES: RuleMeta[] = [
  { id: 'parse', description: 'A file could not be read as YAML manifests (broken YAML, templates, binary or huge files).', defaultSeverity: 'error' },
  { id: 'duplicate-key', description: 'A key written twice in one mapping: kubectl keeps the last value, kustomize and Flux refuse the file.', defaultSeverity: 'warning' },
  // Auto detection (src/pipeline.ts) when files name different Istio minors.
  { id: 'version-sources-disagree', description: 'With target-version auto, files name different Istio minors; the one that installs Istio was chosen.', defaultSeverity: 'warning' },
  // The suppression step's own findings (src/analyze/suppress.ts).
  { id: 'suppression-without-reason', description: 'An istio-compat.io/ignore annotation without a reason (or without rule ids); it suppresses nothing.', defaultSeverity: 'warning' },
  { id: 'suppression-unknown-rule', description: 'An istio-compat.io/ignore annotation names a rule that does not exist.', defaultSeverity: 'warning' }
]

export function allRules(analyzers: readonly Analyzer[] = ANALYZERS): RuleMeta[] {
  return [...BUILTIN_RULES, ...analyzers.flatMap((a) => a.meta)]
}

/**
 * Every analyzer's `check` over `docs`, then its `checkRepository`, then its `settle` over all of them. `early` holds the `check` findings of documents
 * already checked while their file was parsed (src/streaming.ts), with the same releases: they are taken as they are.
 */
export function analyzeDocuments(docs: readonly ManifestDocument[], ctx: AnalysisContext, analyzers: readonly Analyzer[] = ANALYZERS, early?: ReadonlyMap<ManifestDocument, readonly Finding[]>): Finding[] {
  const findings: Finding[] = []
  for (const doc of docs) {
    const done = early?.get(doc)
    if (done) {
      for (const f of done) findings.push(f)
      continue
    }
    for (const analyzer of analyzers) for (const f of analyzer.check(doc, ctx)) findings.push(f)
  }
  for (const analyzer of analyzers) if (analyzer.checkRepository) for (const f of analyzer.checkRepository(ctx, docs)) findings.push(f)
  let settled = findings
  for (const analyzer of analyzers) if (analyzer.settle) settled = analyzer.settle(settled, ctx)
  return settled
}

/** Rules switched off are dropped; severity overrides are applied. */
export function applyRuleSettings(findings: readonly Finding[], config: RepoConfig): Finding[] {
  const out: Finding[] = []
  for (const f of findings) {
    const setting = config.rules[f.rule]
    if (setting === 'off') continue
    out.push(setting ? { ...f, severity: setting } : f)
  }
  return out
}
