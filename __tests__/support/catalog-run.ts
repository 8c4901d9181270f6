// What the catalog reports on one manifest file, for the tests of single catalog entries (the audits' fixes among
// them): every finding with the id of the entry that made it.
import { expect } from '@jest/globals'
import { catalogAnalyzer, catalogFindings, withinPodScope } from '../../src/analyze/catalog.js'
import { needsRepositoryFindings } from '../../src/analyze/catalog/plan.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

/** The catalog's findings on `text` read as the file `path`, for a target (and a from) release; the file must parse. */
export function run(path: string, text: string, target: string, from?: string): { entryId: string; finding: Finding }[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: [file] }
  const all = file.documents.flatMap((d) => catalogFindings(d, ctx))
  // A match that needs a repository setting (`ifRepository`) reports only where a file sets one, as the catalog's
  // settle step decides; the other opt-outs stay unapplied here, as the single-entry tests expect.
  const settled = new Set(catalogAnalyzer.settle!(all.map((h) => h.finding), ctx))
  // The pod scope (`pods`) is applied too: a Namespace in the same file decides for its pods as it does on a run.
  const scoped = new Set(withinPodScope(all.map((h) => h.finding), [file]))
  return all.filter((h) => (settled.has(h.finding) || !needsRepositoryFindings.has(h.finding)) && scoped.has(h.finding))
}

/**
 * Every finding the catalog analyzer makes on `text` read as the file `path`, the repository step's too (cross-object
 * pairs, which `run` does not see): each document checked, then the file as the repository.
 */
export function runWithRepository(path: string, text: string, target: string): Finding[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file] }
  const findings = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return [...findings, ...(catalogAnalyzer.checkRepository?.(ctx, file.documents) ?? [])]
}

/**
 * One entry's findings on `text` read as the file `path` after the catalog's settle step (opt-outs, pod scope, other
 * controllers' objects), with `others` (path → text) as more files of the repository, as `file:line severity`.
 */
export function settled(id: string, path: string, text: string, target: string, from?: string, others: Record<string, string> = {}): string[] {
  const files = [parseManifestFile(path, text), ...Object.entries(others).map(([p, t]) => parseManifestFile(p, t))]
  for (const f of files) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files }
  const found = files[0].documents.flatMap((d) => catalogFindings(d, ctx))
  const kept = new Set(catalogAnalyzer.settle!(found.map((h) => h.finding), ctx))
  return of(found.filter((h) => kept.has(h.finding)), id).map((f) => `${f.file}:${f.line} ${f.severity}`)
}

/** A Flux HelmRelease of the istiod chart whose inline values are `values` (lines, indented under `values:`). */
export function istiodRelease(values: readonly string[], version = '1.26.0'): string {
  return [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    `  chart: {spec: {chart: istiod, version: ${version}, sourceRef: {kind: HelmRepository, name: istio}}}`,
    '  values:',
    ...values.map((v) => `    ${v}`),
    ''
  ].join('\n')
}

/** An Argo CD Application of the istiod chart whose inline `helm.valuesObject` is the flow map `{values}`. */
export function istiodApplication(values: string, version = '1.26.0'): string {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata: {name: istiod, namespace: argocd}',
    'spec:',
    '  source:',
    '    repoURL: https://istio-release.storage.googleapis.com/charts',
    '    chart: istiod',
    `    targetRevision: ${version}`,
    '    helm:',
    `      valuesObject: {${values}}`,
    ''
  ].join('\n')
}

/** The findings one entry made. */
export const of = (found: { entryId: string; finding: Finding }[], id: string): Finding[] => found.filter((f) => f.entryId === id).map((f) => f.finding)

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

/** Where findings are, as `file:line severity`: what the audit tests compare. */
export const at = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)
