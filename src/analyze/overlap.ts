// One problem, one comment: the schema and the catalog often see the same too-new field on the same line.
import type { Finding } from '../model.js'

/** Schema findings that say "the target's CRD does not have this". */
const SCHEMA_PRESENCE = new Set(['api-version-not-served', 'field-not-in-release', 'enum-value-not-in-release'])
/** Catalog findings that say the same thing with the release note behind it. */
const CATALOG_PRESENCE = new Set(['not-yet-available', 'removed-feature'])

const keyOf = (f: Finding): string => `${f.file}\0${f.line}\0${f.severity}\0${f.suppressed ? 's' : ''}`

/**
 * Where a schema finding and a catalog finding of the same severity share a line, keeps the catalog's (it
 * cites the upstream note) and gives it the schema's mechanical fix when it has none.
 */
export function mergeOverlaps(findings: readonly Finding[]): Finding[] {
  const catalog = new Map<string, Finding>()
  for (const f of findings) if (CATALOG_PRESENCE.has(f.rule) && !catalog.has(keyOf(f))) catalog.set(keyOf(f), f)
  const fixes = new Map<Finding, Finding['fix']>()
  const out: Finding[] = []
  for (const f of findings) {
    const twin = SCHEMA_PRESENCE.has(f.rule) ? catalog.get(keyOf(f)) : undefined
    if (!twin) {
      out.push(f)
      continue
    }
    if (!twin.fix && f.fix && !fixes.has(twin)) fixes.set(twin, f.fix)
  }
  return out.map((f) => (fixes.has(f) ? { ...f, fix: fixes.get(f) } : f))
}
