// Base vs head, resource by resource: added, changed (which paths), removed, unchanged.
import { formatPath } from './locate.js'
import { groupOf } from './recognise.js'
import type { ManifestDocument, ManifestFile, ResourceChange } from './types.js'

/**
 * Identity of a document across the two states: group/kind/namespace/name for named resources (so a resource
 * may move between files), else the file (its base path when renamed) and the document's index.
 */
export function resourceKey(doc: ManifestDocument, renamedFrom?: ReadonlyMap<string, string>): string {
  const r = doc.resource
  const file = renamedFrom?.get(doc.file) ?? doc.file
  if (r?.name !== undefined) return `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name}`
  if (r) return `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${file}#${doc.index}`
  return `file:${file}#${doc.index}`
}

/**
 * @param renames head path → base path, so non-resource documents of renamed files keep their identity.
 * A key that occurs more than once on a side (the same resource in two files) is paired in file order.
 */
export function diffResources(base: readonly ManifestFile[], head: readonly ManifestFile[], renames: ReadonlyMap<string, string> = new Map()): ResourceChange[] {
  const before = new Map<string, ManifestDocument[]>()
  for (const file of sortedByPath(base)) {
    for (const doc of file.documents) {
      const key = resourceKey(doc)
      const list = before.get(key)
      if (list) list.push(doc)
      else before.set(key, [doc])
    }
  }
  const out: ResourceChange[] = []
  const taken = new Map<string, number>()
  for (const file of sortedByPath(head)) {
    for (const doc of file.documents) {
      const key = resourceKey(doc, renames)
      const n = taken.get(key) ?? 0
      taken.set(key, n + 1)
      const old = before.get(key)?.[n]
      if (!old) {
        out.push({ status: 'added', key, head: doc, changedPaths: [] })
        continue
      }
      const changedPaths = changedPathsOf(old.value, doc.value)
      out.push({ status: changedPaths.length ? 'changed' : 'unchanged', key, head: doc, base: old, changedPaths })
    }
  }
  for (const [key, docs] of before) {
    for (let i = taken.get(key) ?? 0; i < docs.length; i++) out.push({ status: 'removed', key, base: docs[i], changedPaths: [] })
  }
  return out
}

function sortedByPath(files: readonly ManifestFile[]): readonly ManifestFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Paths reported per resource; a rewritten resource needs no full list. */
export const MAX_CHANGED_PATHS = 200
/** Value nodes compared per resource: aliases may share subtrees, and comparing them must stay bounded. */
const MAX_COMPARED = 200_000

/**
 * Paths (formatPath syntax) of what differs between two plain values: a leaf that changed, a key or item
 * that was added or removed (reported at its own path), a value that changed type (reported at its path).
 */
export function changedPathsOf(a: unknown, b: unknown): string[] {
  const out: string[] = []
  const budget = { left: MAX_COMPARED }
  diffValues(a, b, [], out, budget)
  if (budget.left <= 0 && out.length < MAX_CHANGED_PATHS) out.push('…')
  return out
}

function diffValues(a: unknown, b: unknown, path: (string | number)[], out: string[], budget: { left: number }): void {
  if (out.length >= MAX_CHANGED_PATHS || --budget.left <= 0) return
  if (a === b) return
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(path.length ? formatPath(path) : '<root>')
    return
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length)
    for (let i = 0; i < n; i++) {
      path.push(i)
      diffValues(a[i], b[i], path, out, budget)
      path.pop()
    }
    return
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  for (const k of Object.keys(ao)) {
    path.push(k)
    // A key only on one side differs even when its value is null.
    if (!Object.hasOwn(bo, k)) out.push(formatPath(path))
    else diffValues(ao[k], bo[k], path, out, budget)
    path.pop()
    if (out.length >= MAX_CHANGED_PATHS) return
  }
  for (const k of Object.keys(bo)) {
    if (Object.hasOwn(ao, k)) continue
    path.push(k)
    out.push(formatPath(path))
    path.pop()
    if (out.length >= MAX_CHANGED_PATHS) return
  }
}
