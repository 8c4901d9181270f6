// Builds schema test documents from the index: the release pairs, the fields and apiVersions each adds
// or drops, and a manifest that sets one field path (with the line its key lands on).
import { schemaAnalyzer } from '../../src/analyze/schema.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { ManifestFile } from '../../src/manifests/types.js'
import type { Finding } from '../../src/model.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import {
  SCHEMA_INDEX,
  compileSchemaIndex,
  schemaPathKeys,
  type CompiledKind,
  type CompiledVersion,
  type SchemaNode
} from '../../src/knowledge/schema-index.js'

export const catalog = compileSchemaIndex(SCHEMA_INDEX)
export const RELEASES = catalog.releases

export interface ReleasePair {
  prev: string
  next: string
  /** Index of `next` in RELEASES. */
  i: number
}

export const RELEASE_PAIRS: ReleasePair[] = RELEASES.slice(1).map((next, k) => ({ prev: RELEASES[k], next, i: k + 1 }))

export function checkText(target: string, text: string, file = 'deploy/case.yaml'): { findings: Finding[]; file: ManifestFile } {
  const parsed = parseManifestFile(file, text)
  const ctx = { target: parseRelease(target), files: [parsed] }
  return { findings: parsed.documents.flatMap((d) => schemaAnalyzer.check(d, ctx)), file: parsed }
}

export function check(target: string, text: string, file = 'deploy/case.yaml'): Finding[] {
  return checkText(target, text, file).findings
}

/** file, line, rule and path of each finding: what the tables compare. */
export function where(findings: readonly Finding[], rule?: string): { rule: string; file: string; line: number; path?: string }[] {
  return findings.filter((f) => !rule || f.rule === rule).map((f) => ({ rule: f.rule, file: f.file, line: f.line, path: f.path }))
}

// ---------------------------------------------------------------------------------------------

export interface FieldCase {
  kind: CompiledKind
  version: CompiledVersion
  node: SchemaNode
}

interface Visit {
  node: SchemaNode
  parent: SchemaNode
}

function* withParents(node: SchemaNode): Generator<Visit> {
  for (const child of [...(node.props?.values() ?? []), node.items, node.values]) {
    if (!child) continue
    yield { node: child, parent: node }
    yield* withParents(child)
  }
}

/**
 * Fields that appear (or disappear) between two releases at the top of their subtree, on an
 * apiVersion served in both releases (so the field is the only difference).
 */
export function fieldChanges(pair: ReleasePair, direction: 'added' | 'removed'): FieldCase[] {
  const [had, has] = direction === 'added' ? [pair.i - 1, pair.i] : [pair.i, pair.i - 1]
  const out: FieldCase[] = []
  for (const kind of catalog.kinds.values()) {
    for (const schema of kind.schemas) {
      const version = [...kind.versions.values()].find((v) => v.schema === schema && v.served & (1 << (pair.i - 1)) && v.served & (1 << pair.i))
      if (!version) continue
      for (const { node, parent } of withParents(schema.root)) {
        // Only named keys: '[]' and '*' nodes follow their parent.
        if (node.path.endsWith('[]') || node.path.endsWith('*')) continue
        if (node.mask & (1 << has) && !(node.mask & (1 << had)) && parent.mask & (1 << had)) out.push({ kind, version, node })
      }
    }
  }
  return out
}

export interface VersionCase {
  kind: CompiledKind
  version: CompiledVersion
}

/** apiVersions served in `next` but not `prev` ('added'), or the other way round ('removed'). */
export function versionChanges(pair: ReleasePair, direction: 'added' | 'removed'): VersionCase[] {
  const [had, has] = direction === 'added' ? [pair.i - 1, pair.i] : [pair.i, pair.i - 1]
  const out: VersionCase[] = []
  for (const kind of catalog.kinds.values()) {
    for (const version of kind.versions.values()) if (version.served & (1 << has) && !(version.served & (1 << had))) out.push({ kind, version })
  }
  return out
}

/** A value the node accepts in release `i`, as YAML text. */
function leafText(node: SchemaNode, i: number): string {
  if (node.enumValues) {
    for (const [value, mask] of node.enumValues) if (mask & (1 << i)) return value
  }
  if (node.props || node.values) return '{}'
  if (node.items) return '[]'
  return 'x'
}

export interface BuiltDocument {
  text: string
  /** 1-based line of the last key of the path. */
  line: number
  /** The finding path (`spec.http[0].corsPolicy`). */
  path: string
}

/** A manifest of kind/apiVersion that sets the schema path of `node`, valued for release `i`. */
export function documentWithField(kind: CompiledKind, version: CompiledVersion, node: SchemaNode, i: number): BuiltDocument {
  return documentWithValue(kind, version, node.path, leafText(node, i))
}

/**
 * A manifest that sets a schema path ('[]' → the first item, '*' → the key k1) to `valueText`, a YAML
 * scalar or JSON (flow YAML) written on the line of the last key.
 */
export function documentWithValue(kind: CompiledKind, version: CompiledVersion, schemaPath: string, valueText: string): BuiltDocument {
  const lines = [`apiVersion: ${kind.group}/${version.name}`, `kind: ${kind.kind}`, 'metadata:', '  name: case']
  const keys = schemaPathKeys(schemaPath)
  if (keys.length === 0) throw new Error('documentWithValue needs a path below the root')
  let indent = 0
  let dashes = 0
  let path = ''
  keys.forEach((key, k) => {
    const last = k === keys.length - 1
    if (key === '[]') {
      dashes++
      path += '[0]'
      if (last) lines.push(`${' '.repeat(indent)}${'- '.repeat(dashes)}${valueText}`)
      return
    }
    const name = key === '*' ? 'k1' : key
    path += path === '' ? name : /^[A-Za-z0-9_-]+$/.test(name) ? `.${name}` : `["${name}"]`
    lines.push(`${' '.repeat(indent)}${'- '.repeat(dashes)}${name}:${last ? ` ${valueText}` : ''}`)
    indent += 2 * dashes + 2
    dashes = 0
  })
  return { text: `${lines.join('\n')}\n`, line: lines.length, path }
}

export function documentWithVersion(kind: CompiledKind, version: CompiledVersion): string {
  return `apiVersion: ${kind.group}/${version.name}\nkind: ${kind.kind}\nmetadata:\n  name: case\n`
}
