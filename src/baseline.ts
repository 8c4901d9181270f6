// The baseline: which findings the pull request causes. The head's findings are matched against the findings of
// the base (analysed against the release the base runs, see pipeline.ts) by what they are about — rule, resource,
// YAML path and message — never by line numbers, which shift with every edit above them.
import type { Finding, ResourceRef } from './model.js'
import { groupOf } from './manifests/recognise.js'
import { KUBERNETES_RULE } from './analyze/catalog/kubernetes.js'
import type { ManifestDocument, ResourceChange } from './manifests/types.js'

export type BaselineState = NonNullable<Finding['baselineState']>

/** Rule id of the parse findings (src/manifests/parse.ts); its messages carry line and column numbers. */
const PARSE_RULE = 'parse'
/** Findings about the repository as a whole: anchored at whichever file pins the version, so known by no file. */
const REPOSITORY_RULES = new Set([KUBERNETES_RULE])

/**
 * Istio releases in a message (`1.28`, `1.28.1`, `v1.26.8`, `1.31.0-rc.0`): the same problem reads "Istio 1.26.8
 * rejects …" on the base and "Istio 1.28.1 rejects …" on the head. Kubernetes versions and ranges go the same way.
 */
const RELEASE = /\bv?\d+\.\d+(?:\.\d+)?(?:-(?:alpha|beta|rc)(?:\.?\d+)?)?\b/g

export function normaliseMessage(rule: string, message: string): string {
  // A parse message names lines and columns of the file, which move; what is broken stays.
  if (rule === PARSE_RULE) return message.replace(/\d+/g, '#')
  return message.replace(RELEASE, '<release>')
}

/** Sequence indexes move when an item is inserted above; `spec.http[2].route` and `spec.http[1].route` are one place. */
export function normalisePath(path: string | undefined): string {
  return path === undefined ? '' : path.replace(/\[\d+\]/g, '[]')
}

/** group/kind/namespace/name of a named resource (the apiVersion's version is left out: v1beta1 → v1 is the same object). */
export function resourceIdentity(r: ResourceRef | undefined): string | undefined {
  if (!r || r.name === undefined) return undefined
  return `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name}`
}

export interface ClassifyOptions {
  /** Head path → base path of files the PR renamed. */
  renames?: ReadonlyMap<string, string>
  /** Head identity → base identity of resources the PR renamed (see pairRenamedResources). */
  renamedResources?: ReadonlyMap<string, string>
  /** True for head files the PR did not touch: whatever cannot be parsed there was so before. */
  untouched?: (path: string) => boolean
  /** True for head lines the PR added: among equal findings, those on such lines are the new ones. */
  addedLine?: (path: string, line: number) => boolean
}

interface Keys {
  /** What the finding is about, wherever it is. */
  loose: string
  /** The same in one file (its base path). */
  strict: string
  /** Rule, resource and YAML path only; undefined for findings without a path. */
  place?: string
}

function keysOf(f: Finding, fileOf: (path: string) => string, identityOf: (id: string) => string): Keys {
  const id = resourceIdentity(f.resource)
  const file = fileOf(f.file)
  // Unnamed things (values files, kustomize patches without a name, parse problems) are known by their file.
  const who = REPOSITORY_RULES.has(f.rule)
    ? 'repository'
    : id !== undefined
      ? `r:${identityOf(id)}`
      : `f:${file}${f.resource ? `:${groupOf(f.resource.apiVersion)}/${f.resource.kind}` : ''}`
  const place = [f.rule, who, normalisePath(f.path)].join('\u0000')
  const loose = `${place}\u0000${normaliseMessage(f.rule, f.message)}`
  return { loose, strict: `${loose}\u0000${file}`, ...(f.path ? { place } : {}) }
}

/**
 * Sets `baselineState` on every head finding: 'unchanged' when an equal finding is on the base, else 'new'.
 * Equal findings are counted as multisets (three on the head and two on the base: one is new); a finding
 * first meets its equal in the same file, then anywhere (a resource that moved between files). Last, a finding
 * on a line the PR did not add may meet a base finding of the same rule at the same YAML path of the same
 * resource whose wording differs beyond release numbers (e.g. "Istio 1.28 accepts A, B, C" where 1.26 listed
 * A, B): the problem was there before; on a line the PR wrote, a different message is a different problem.
 */
export function classifyFindings(head: readonly Finding[], base: readonly Finding[], options: ClassifyOptions = {}): Finding[] {
  const renames = options.renames ?? new Map<string, string>()
  const renamedResources = options.renamedResources ?? new Map<string, string>()
  const headKeys = head.map((f) => keysOf(f, (p) => renames.get(p) ?? p, (id) => renamedResources.get(id) ?? id))
  const strictLeft = new Map<string, number>()
  const looseLeft = new Map<string, number>()
  const placeLeft = new Map<string, number>()
  const count = (left: Map<string, number>, key: string) => left.set(key, (left.get(key) ?? 0) + 1)
  for (const f of base) {
    if (f.suppressed) continue // suppressed on the base: the PR that lifts the suppression brings the finding in
    const k = keysOf(f, (p) => p, (id) => id)
    count(strictLeft, k.strict)
    count(looseLeft, k.loose)
    if (k.place !== undefined) count(placeLeft, k.place)
  }

  const state: BaselineState[] = head.map(() => 'new')
  // Among equal findings, those on lines the PR did not add claim the base's first.
  const added = (i: number) => (options.addedLine?.(head[i].file, head[i].line) ? 1 : 0)
  const order = head.map((_, i) => i).sort((a, b) => added(a) - added(b) || a - b)
  const take = (left: Map<string, number>, key: string): boolean => {
    const n = left.get(key) ?? 0
    if (n === 0) return false
    left.set(key, n - 1)
    return true
  }
  const pending: number[] = []
  for (const i of order) {
    const f = head[i]
    if (f.rule === PARSE_RULE && options.untouched?.(f.file)) {
      state[i] = 'unchanged'
      continue
    }
    if (take(strictLeft, headKeys[i].strict)) {
      take(looseLeft, headKeys[i].loose)
      if (headKeys[i].place !== undefined) take(placeLeft, headKeys[i].place!)
      state[i] = 'unchanged'
    } else {
      pending.push(i)
    }
  }
  const reworded: number[] = []
  for (const i of pending) {
    if (take(looseLeft, headKeys[i].loose)) {
      if (headKeys[i].place !== undefined) take(placeLeft, headKeys[i].place!)
      state[i] = 'unchanged'
    } else if (headKeys[i].place !== undefined && added(i) === 0) {
      reworded.push(i)
    }
  }
  for (const i of reworded) if (take(placeLeft, headKeys[i].place!)) state[i] = 'unchanged'
  return head.map((f, i) => ({ ...f, baselineState: state[i] }))
}

/**
 * A resource the PR renamed (or moved to another namespace) is 'added' on the head and 'removed' on the base.
 * Pairs each such added document with a removed one of the same group and kind in the same file (its base path):
 * the one at the same document index, else the only candidate.
 */
export function pairRenamedResources(resources: readonly ResourceChange[], renames: ReadonlyMap<string, string> = new Map()): Map<ManifestDocument, ManifestDocument> {
  const kindOf = (d: ManifestDocument) => (d.resource ? `${groupOf(d.resource.apiVersion)}/${d.resource.kind}` : '')
  const removed = new Map<string, ManifestDocument[]>()
  for (const change of resources) {
    const doc = change.base
    if (change.status !== 'removed' || !doc?.resource) continue
    const list = removed.get(doc.file) ?? []
    list.push(doc)
    removed.set(doc.file, list)
  }
  const pairs = new Map<ManifestDocument, ManifestDocument>()
  const used = new Set<ManifestDocument>()
  for (const change of resources) {
    const doc = change.head
    if (change.status !== 'added' || !doc?.resource) continue
    const candidates = (removed.get(renames.get(doc.file) ?? doc.file) ?? []).filter((d) => !used.has(d) && kindOf(d) === kindOf(doc))
    const pick = candidates.find((d) => d.index === doc.index) ?? (candidates.length === 1 ? candidates[0] : undefined)
    if (!pick) continue
    used.add(pick)
    pairs.set(doc, pick)
  }
  return pairs
}

/**
 * The head documents that carry at least one of the findings (by file and line range): only their base
 * counterparts need analysing, which keeps the baseline's cost proportional to the findings, not the repository.
 */
export function documentsWithFindings(findings: readonly Finding[], docs: readonly ManifestDocument[]): Set<ManifestDocument> {
  const byFile = new Map<string, ManifestDocument[]>()
  for (const doc of docs) {
    const list = byFile.get(doc.file)
    if (list) list.push(doc)
    else byFile.set(doc.file, [doc])
  }
  const out = new Set<ManifestDocument>()
  for (const f of findings) {
    const list = byFile.get(f.file)
    if (!list) continue
    const doc = list.find((d) => d.line <= f.line && f.line <= d.endLine)
    if (doc) out.add(doc)
  }
  return out
}
