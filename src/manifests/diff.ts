// Base vs head, resource by resource: added, changed (which paths), removed, unchanged.
import { groupOf } from './recognise.js'
import type { ManifestDocument, ManifestFile, ResourceChange } from './types.js'

/** Identity of a document across the two states: the resource for resources, file + index otherwise. */
export function resourceKey(doc: ManifestDocument, renamedFrom?: ReadonlyMap<string, string>): string {
  const r = doc.resource
  if (r) return `${groupOf(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name ?? `${doc.file}#${doc.index}`}`
  const file = renamedFrom?.get(doc.file) ?? doc.file
  return `file:${file}#${doc.index}`
}

/**
 * @param renames head path → base path, so non-resource documents of renamed files keep their identity.
 */
export function diffResources(base: readonly ManifestFile[], head: readonly ManifestFile[], renames: ReadonlyMap<string, string> = new Map()): ResourceChange[] {
  const before = new Map<string, ManifestDocument>()
  for (const file of base) for (const doc of file.documents) before.set(resourceKey(doc), doc)
  const out: ResourceChange[] = []
  const seen = new Set<string>()
  for (const file of head) {
    for (const doc of file.documents) {
      const key = resourceKey(doc, renames)
      seen.add(key)
      const old = before.get(key)
      if (!old) {
        out.push({ status: 'added', key, head: doc, changedPaths: [] })
        continue
      }
      const changedPaths: string[] = []
      diffValues(old.value, doc.value, '', changedPaths)
      out.push({ status: changedPaths.length ? 'changed' : 'unchanged', key, head: doc, base: old, changedPaths })
    }
  }
  for (const [key, doc] of before) if (!seen.has(key)) out.push({ status: 'removed', key, base: doc, changedPaths: [] })
  return out
}

/** Paths reported per resource; beyond this the list says "…" (a rewritten resource needs no full list). */
const MAX_PATHS = 200

function diffValues(a: unknown, b: unknown, path: string, out: string[], seen = new WeakSet<object>()): void {
  if (out.length >= MAX_PATHS) return
  if (a === b) return
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(path || '<root>')
    return
  }
  // Shared references from aliases are compared once.
  if (seen.has(b)) return
  seen.add(b)
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length)
    for (let i = 0; i < n; i++) diffValues(a[i], b[i], `${path}[${i}]`, out, seen)
    return
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) diffValues(ao[k], bo[k], path ? `${path}.${k}` : k, out, seen)
}
