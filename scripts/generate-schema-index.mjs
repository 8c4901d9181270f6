#!/usr/bin/env node
// Builds data/schema-index.json from the CRDs in ../shared: which Istio releases serve each
// group/kind/apiVersion, have each field path and enum value, and apply each validation that changed.
//
// Usage: node scripts/generate-schema-index.mjs [--check]
//   ISTIO_COMPAT_SHARED=<dir> overrides the sources root (default <repo>/../shared).
//   --check exits 1 when the committed index differs from a fresh generation.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { loadAll } from 'js-yaml'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const INDEX_PATH = path.join(REPO, 'data', 'schema-index.json')
export const FORMAT_VERSION = 1

/** The Istio minors the index covers, oldest first (must match KNOWN_MINORS in src/knowledge/versions.ts). */
export const RELEASES = ['1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31']

/** Root keys every Kubernetes object has; the CRD schemas do not describe them (or only loosely). */
const ROOT_SKIP = new Set(['apiVersion', 'kind', 'metadata', 'status'])

/** Schema keywords whose change between releases makes validation stricter or looser. */
const LIMIT_KEYWORDS = ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern']

export function defaultSharedRoot() {
  return process.env.ISTIO_COMPAT_SHARED || path.resolve(REPO, '..', 'shared')
}

export function sharedSourcesExist(root = defaultSharedRoot()) {
  return fs.existsSync(path.join(root, 'istio', 'crds', 'SOURCES.md'))
}

// ---------------------------------------------------------------------------------------------
// Sources: which CRD files make up each Istio release

/**
 * Reads the main table of istio/crds/SOURCES.md: per directory, the istio/istio tag and the bold
 * Gateway API / Inference Extension versions that release pins in its go.mod.
 */
export function readPins(root) {
  const text = fs.readFileSync(path.join(root, 'istio', 'crds', 'SOURCES.md'), 'utf8')
  const rows = new Map()
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ')) continue
    const cells = line.split('|').slice(1, -1).map((c) => c.trim())
    if (cells.length < 9 || !/^\d+\.\d+/.test(cells[0])) continue
    const bold = (cell) => /\*\*(v[^*]+)\*\*/.exec(cell)?.[1] ?? null
    const crdFile = /^[\w./-]+\.yaml/.exec(cells[4])?.[0] ?? null
    rows.set(cells[0], { dir: cells[0], istio: cells[1], crdFile, gatewayApi: bold(cells[7]), inference: bold(cells[8]) })
  }
  const pins = {}
  for (const release of RELEASES) {
    // A minor without a directory of its own is previewed by its newest pre-release directory (1.31 → 1.31.0-rc.0).
    const row = rows.get(release) ?? [...rows.values()].filter((r) => r.dir.startsWith(`${release}.`)).pop()
    if (!row) throw new Error(`istio/crds/SOURCES.md has no row for Istio ${release}`)
    if (!row.gatewayApi) throw new Error(`istio/crds/SOURCES.md names no Gateway API version for ${row.dir}`)
    pins[release] = row
  }
  return pins
}

function crdsOf(file) {
  const out = []
  for (const doc of loadAll(fs.readFileSync(file, 'utf8'))) {
    if (doc && doc.kind === 'CustomResourceDefinition') out.push(doc)
  }
  return out
}

/** Every CRD a release brings, tagged with the family and channel it came from. */
function releaseCrds(root, pin, cache) {
  const load = (file) => {
    if (!cache.has(file)) cache.set(file, crdsOf(file))
    return cache.get(file)
  }
  const out = []
  // IstioOperator (istio-operator-crd.yaml) is left out: it has no schema, and it is an istioctl input, not a served API.
  for (const crd of load(path.join(root, 'istio', 'crds', pin.dir, 'istio-crds.yaml'))) out.push({ family: 'istio', channel: 'istio', crd })
  for (const channel of ['standard', 'experimental']) {
    for (const crd of load(path.join(root, 'gateway-api', pin.gatewayApi, `${channel}-install.yaml`))) out.push({ family: 'gateway-api', channel, crd })
  }
  if (pin.inference) {
    for (const crd of load(path.join(root, 'gateway-api-inference', pin.inference, 'manifests.yaml'))) out.push({ family: 'inference', channel: 'inference', crd })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Flattening one openAPIV3Schema into paths, enums and constraints

/** Normalises CEL text so cosmetic rewrites (quote style, spacing) do not look like new rules. */
export function normaliseCel(rule) {
  return rule
    .replace(/'((?:[^'"\\]|\\.)*)'/g, '"$1"')
    .replace(/\s+/g, ' ')
    .replace(/\s*([()[\],!?:<>=&|+*/-]+)\s*/g, '$1')
    .trim()
}

/** Istio's "at most one of" encoding: oneOf [ not(anyOf(required a, required b…)), required a, required b… ]. */
function atMostOneOf(oneOf) {
  if (!Array.isArray(oneOf) || oneOf.length < 2) return null
  const [none, ...each] = oneOf
  const names = each.map((s) => (s && Array.isArray(s.required) && s.required.length === 1 && Object.keys(s).length === 1 ? s.required[0] : null))
  const noneNames = none?.not?.anyOf?.map((s) => (Array.isArray(s?.required) && s.required.length === 1 ? s.required[0] : null))
  if (names.includes(null) || !noneNames || noneNames.join() !== names.join()) return null
  return names
}

/**
 * Flattens a schema into a view: node paths ('' = the object, '.name', '[]' items, '.*' map values),
 * open nodes (unknown keys accepted), enums and constraints.
 */
export function flattenSchema(schema) {
  const view = { nodes: new Set(), open: new Set(), enums: new Map(), constraints: new Map() }
  const constrain = (p, k, v, m) => {
    const c = { p, k, v }
    if (m) c.m = m
    view.constraints.set(`${p}\u0000${k}\u0000${JSON.stringify(v)}`, c)
  }
  const visit = (s, p, isRoot) => {
    if (!s || typeof s !== 'object') return
    view.nodes.add(p)
    if (s['x-kubernetes-preserve-unknown-fields'] === true || s.additionalProperties === true) view.open.add(p)
    if (Array.isArray(s.enum)) view.enums.set(p, new Set(s.enum.map(String)))
    for (const k of LIMIT_KEYWORDS) if (s[k] !== undefined) constrain(p, k, s[k])
    for (const name of s.required ?? []) {
      // A defaulted field is filled in before validation, so requiring it never rejects anything.
      if (!(isRoot && ROOT_SKIP.has(name)) && s.properties?.[name]?.default === undefined) constrain(p, 'required', name)
    }
    if (s['x-kubernetes-list-type'] === 'set' || s['x-kubernetes-list-type'] === 'map') {
      constrain(p, 'listType', s['x-kubernetes-list-type'] === 'set' ? ['set'] : ['map', ...(s['x-kubernetes-list-map-keys'] ?? [])])
    }
    for (const r of s['x-kubernetes-validations'] ?? []) {
      if (typeof r.rule === 'string') constrain(p, 'cel', normaliseCel(r.rule), r.message ?? r.messageExpression)
    }
    const groups = s.oneOf ? [s.oneOf] : []
    for (const a of s.allOf ?? []) if (a?.oneOf) groups.push(a.oneOf)
    for (const g of groups) {
      const names = atMostOneOf(g)
      if (names) constrain(p, 'oneOf', names)
    }
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      if (isRoot && ROOT_SKIP.has(name)) continue
      visit(child, p ? `${p}.${name}` : name, false)
    }
    if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) visit(s.items, `${p}[]`, false)
    if (s.additionalProperties && typeof s.additionalProperties === 'object') visit(s.additionalProperties, p ? `${p}.*` : '*', false)
  }
  visit(schema, '', true)
  return view
}

/** One view from the channels that serve an apiVersion: fields and enum values of any, constraints common to all. */
function mergeViews(views) {
  if (views.length === 1) return views[0]
  const out = { nodes: new Set(), open: new Set(), enums: new Map(), constraints: new Map() }
  for (const v of views) {
    for (const n of v.nodes) out.nodes.add(n)
    for (const n of v.open) out.open.add(n)
    for (const [p, vals] of v.enums) {
      const set = out.enums.get(p) ?? new Set()
      for (const x of vals) set.add(x)
      out.enums.set(p, set)
    }
  }
  // A constraint binds only when every channel having its field has it; otherwise the user's choice of channel decides.
  for (const v of views) {
    for (const [key, c] of v.constraints) {
      if (!out.constraints.has(key) && views.every((w) => !w.nodes.has(c.p) || w.constraints.has(key))) out.constraints.set(key, c)
    }
  }
  return out
}

function viewSignature(view) {
  return JSON.stringify([
    [...view.nodes].sort(), [...view.open].sort(),
    [...view.enums].map(([p, v]) => [p, [...v].sort()]).sort(),
    [...view.constraints.keys()].sort()
  ])
}

// ---------------------------------------------------------------------------------------------
// Release sets: a bitmask over RELEASES, written as compact ranges ("1.22-1.31", "1.20-1.23,1.26")

export function formatReleases(mask) {
  const runs = []
  for (let i = 0; i < RELEASES.length; i++) {
    if (!(mask & (1 << i))) continue
    let j = i
    while (j + 1 < RELEASES.length && mask & (1 << (j + 1))) j++
    runs.push(i === j ? RELEASES[i] : `${RELEASES[i]}-${RELEASES[j]}`)
    i = j
  }
  return runs.join(',')
}

const bit = (i) => 1 << i
const addTo = (map, key, i) => map.set(key, (map.get(key) ?? 0) | bit(i))

// ---------------------------------------------------------------------------------------------
// The index

/**
 * Reads the sources under `root` and returns the index object that data/schema-index.json holds.
 * Pure apart from reading files; deterministic (sorted keys, no timestamps).
 */
export function generateSchemaIndex(root = defaultSharedRoot()) {
  const pins = readPins(root)
  const cache = new Map()
  // kindKey → { family, plural, versions: Map<version, { served, standard, views: view[] }> }
  const kinds = new Map()

  RELEASES.forEach((release, i) => {
    const perVersion = new Map() // `${kindKey}\u0000${version}` → { kindKey, version, views, standard }
    for (const { family, channel, crd } of releaseCrds(root, pins[release], cache)) {
      const kindKey = `${crd.spec.group}/${crd.spec.names.kind}`
      if (!kinds.has(kindKey)) kinds.set(kindKey, { family, plural: crd.spec.names.plural, versions: new Map() })
      for (const v of crd.spec.versions) {
        if (!v.served || !v.schema?.openAPIV3Schema) continue
        const key = `${kindKey}\u0000${v.name}`
        const entry = perVersion.get(key) ?? { kindKey, version: v.name, views: [], standard: false, standardView: undefined }
        const view = flattenSchema(v.schema.openAPIV3Schema)
        entry.views.push(view)
        if (channel === 'standard') {
          entry.standard = true
          entry.standardView = view
        }
        perVersion.set(key, entry)
      }
    }
    for (const { kindKey, version, views, standard, standardView } of perVersion.values()) {
      const versions = kinds.get(kindKey).versions
      const v = versions.get(version) ?? { served: 0, standard: 0, views: [], standardViews: [] }
      v.served |= bit(i)
      if (standard) v.standard |= bit(i)
      v.views[i] = mergeViews(views)
      // Gateway API: what the standard channel alone has, to tell experimental-only fields and values apart.
      if (standardView && views.length > 1) v.standardViews[i] = standardView
      versions.set(version, v)
    }
  })

  const out = {
    formatVersion: FORMAT_VERSION,
    generatedBy: 'scripts/generate-schema-index.mjs',
    sources: {
      istio: 'istio/crds/<dir>/istio-crds.yaml (istio/istio manifests/charts/base crd-all.gen.yaml at the tag)',
      gatewayApi: 'gateway-api/<version>/{standard,experimental}-install.yaml (kubernetes-sigs/gateway-api config/crd at the tag)',
      inference: 'gateway-api-inference/<version>/manifests.yaml (kubernetes-sigs/gateway-api-inference-extension config/crd at the tag)',
      pins: 'istio/crds/SOURCES.md (go.mod of istio/istio at each tag)'
    },
    releases: RELEASES,
    pins: Object.fromEntries(RELEASES.map((r) => [r, { istio: pins[r].istio, istioCrdFile: pins[r].crdFile, gatewayApi: pins[r].gatewayApi, inference: pins[r].inference }])),
    kinds: {}
  }

  for (const kindKey of [...kinds.keys()].sort()) {
    const kind = kinds.get(kindKey)
    const versionNames = [...kind.versions.keys()].sort(compareApiVersions)
    const entry = { family: kind.family, versions: {}, schemas: [] }
    for (const name of versionNames) {
      const v = kind.versions.get(name)
      entry.versions[name] = { served: formatReleases(v.served) }
      // Only Gateway API has channels; note the releases whose standard channel does not serve this version.
      if (kind.family === 'gateway-api' && v.standard !== v.served) entry.versions[name].standard = formatReleases(v.standard)
    }
    for (const members of schemaFamilies(versionNames, kind.versions)) {
      const schema = buildSchema(members, kind.versions)
      for (const m of members) entry.versions[m].schema = entry.schemas.length
      entry.schemas.push(schema)
    }
    out.kinds[kindKey] = entry
  }
  return out
}

/** Newest first: v1 > v1beta2 > v1beta1 > v1alpha3 …, the order Kubernetes prefers versions in. */
export function compareApiVersions(a, b) {
  const rank = (v) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v)
    if (!m) return [0, 0, 0]
    return [Number(m[1]), m[2] === 'beta' ? 2 : m[2] === 'alpha' ? 1 : 3, Number(m[3] ?? 0)]
  }
  const [x, y] = [rank(a), rank(b)]
  return y[1] - x[1] || y[0] - x[0] || y[2] - x[2] || a.localeCompare(b)
}

/**
 * Groups apiVersions whose schemas are identical in every release that serves both, so a field
 * gets one release range shared by those versions (Istio's v1alpha3/v1beta1/v1 always match).
 */
function schemaFamilies(versionNames, versions) {
  const families = []
  for (const name of versionNames) {
    const v = versions.get(name)
    const fits = (fam) => fam.every((other) => {
      const o = versions.get(other)
      for (let i = 0; i < RELEASES.length; i++) {
        if (v.views[i] && o.views[i] && viewSignature(v.views[i]) !== viewSignature(o.views[i])) return false
      }
      return true
    })
    const fam = families.find(fits)
    if (fam) fam.push(name)
    else families.push([name])
  }
  return families
}

function buildSchema(members, versions) {
  let all = 0
  const nodes = new Map()
  const open = new Map()
  const enums = new Map() // path → Map<value, mask>
  const constraints = new Map() // key → { c, mask }
  // Releases where a node / enum value exists only in the experimental channel while the standard channel serves the version.
  const experimentalNodes = new Map()
  const experimentalEnums = new Map() // path → Map<value, mask>
  const enumReleases = new Map() // path → mask of the releases whose schema lists values there
  for (const name of members) {
    const v = versions.get(name)
    v.views.forEach((view, i) => {
      if (!view) return
      const std = v.standardViews?.[i]
      if (std) {
        for (const n of view.nodes) if (!std.nodes.has(n)) addTo(experimentalNodes, n, i)
        for (const [p, vals] of view.enums) {
          const stdVals = std.enums.get(p)
          for (const x of vals) {
            if (std.nodes.has(p) && stdVals && !stdVals.has(x)) {
              const m = experimentalEnums.get(p) ?? new Map()
              addTo(m, x, i)
              experimentalEnums.set(p, m)
            }
          }
        }
      }
      all |= bit(i)
      for (const n of view.nodes) addTo(nodes, n, i)
      for (const n of view.open) addTo(open, n, i)
      for (const [p, vals] of view.enums) {
        const m = enums.get(p) ?? new Map()
        for (const x of vals) addTo(m, x, i)
        enums.set(p, m)
        addTo(enumReleases, p, i)
      }
      for (const [key, c] of view.constraints) {
        const e = constraints.get(key) ?? { c, mask: 0 }
        e.mask |= bit(i)
        e.c = c // the newest release's wording of a CEL message wins
        constraints.set(key, e)
      }
    })
  }
  // A release whose schema has the field without a list of values (Gateway API v1.5 turned BackendTLSPolicy
  // wellKnownCACertificates from an enum into a pattern) accepts every value the list had: no value was removed there.
  for (const [p, m] of enums) {
    const free = (nodes.get(p) ?? 0) & ~(enumReleases.get(p) ?? 0)
    if (free) for (const x of m.keys()) m.set(x, m.get(x) | free)
  }
  return { releases: formatReleases(all), tree: buildTree(nodes, open, enums, all, experimentalNodes, experimentalEnums), rules: changedRules(constraints, nodes) }
}

/** Splits a flattened path into tree keys: 'a.b[].*' → ['a', 'b', '[]', '*']. */
export function pathKeys(p) {
  return p === '' ? [] : p.replace(/\[\]/g, '.[]').split('.').filter((k) => k !== '')
}

/**
 * The schema as a tree of field names ('[]' = array items, '*' = map values). A node is 0 (a leaf
 * present whenever its parent is), a release-range string (a leaf with its own range) or an object
 * whose '@r' is its range when it differs from the parent's, '@open' marks unknown keys as accepted
 * and '@enum' maps each allowed value to 0 (whenever the node exists) or its own range. Gateway API only: '@x' is
 * the releases in which the node exists only in the experimental channel although the standard channel serves the
 * apiVersion, '@xenum' the same per enum value (a node without them is in both channels wherever it exists).
 */
function buildTree(nodes, open, enums, all, experimentalNodes = new Map(), experimentalEnums = new Map()) {
  const tree = new Map([['', { mask: all, children: new Map() }]])
  for (const p of [...nodes.keys()].sort()) {
    if (p === '') continue
    const keys = pathKeys(p)
    let parent = tree.get('')
    for (const k of keys) {
      if (!parent.children.has(k)) parent.children.set(k, { mask: 0, children: new Map() })
      parent = parent.children.get(k)
    }
    parent.mask = nodes.get(p)
    parent.path = p
  }
  const encode = (node, parentMask, p) => {
    const out = {}
    if (node.mask !== parentMask) out['@r'] = formatReleases(node.mask)
    if (open.has(p)) out['@open'] = 1
    // The root ('' path) is the object itself: its channel is the apiVersion's.
    if (p && experimentalNodes.has(p)) out['@x'] = formatReleases(experimentalNodes.get(p))
    const xvalues = experimentalEnums.get(p)
    if (xvalues) {
      out['@xenum'] = {}
      for (const [x, m] of [...xvalues].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out['@xenum'][x] = formatReleases(m)
    }
    const values = enums.get(p)
    if (values) {
      out['@enum'] = {}
      for (const [x, m] of [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out['@enum'][x] = m === node.mask ? 0 : formatReleases(m)
    }
    for (const k of [...node.children.keys()].sort()) {
      const child = node.children.get(k)
      out[k] = encode(child, node.mask, child.path)
    }
    const keys = Object.keys(out)
    if (keys.length === 0) return 0
    if (keys.length === 1 && keys[0] === '@r') return out['@r']
    return out
  }
  return encode(tree.get(''), all, '')
}

/**
 * The validations that do not hold in every release having their path (the compatibility hazards),
 * grouped so one rule text lists every path it guards.
 */
function changedRules(constraints, nodes) {
  const groups = new Map()
  for (const { c, mask } of constraints.values()) {
    const within = nodes.get(c.p) ?? 0
    if ((mask & within) === within) continue
    const releases = formatReleases(mask)
    const key = JSON.stringify([c.k, c.v, releases, c.m ?? null])
    const g = groups.get(key) ?? { kind: c.k, value: c.v, releases, ...(c.m ? { message: c.m } : {}), paths: [] }
    g.paths.push(c.p)
    groups.set(key, g)
  }
  const rules = [...groups.values()]
  for (const g of rules) g.paths.sort()
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
  rules.sort((a, b) => cmp(a.paths[0], b.paths[0]) || cmp(a.kind, b.kind) || cmp(JSON.stringify(a.value), JSON.stringify(b.value)) || cmp(a.releases, b.releases))
  return rules
}

/** Counts for the log line: kinds, apiVersions, field paths, enum values, validations. */
export function describeIndex(index) {
  let versions = 0, fields = 0, narrowFields = 0, enumFields = 0, enumValues = 0, rules = 0, rulePaths = 0
  const count = (node, isRoot) => {
    if (!isRoot) fields++
    if (typeof node === 'string') narrowFields++
    if (typeof node !== 'object') return
    if (node['@r'] !== undefined && !isRoot) narrowFields++
    if (node['@enum']) {
      enumFields++
      enumValues += Object.keys(node['@enum']).length
    }
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@')) count(v, false)
  }
  for (const kind of Object.values(index.kinds)) {
    versions += Object.keys(kind.versions).length
    for (const s of kind.schemas) {
      count(s.tree, true)
      rules += s.rules.length
      for (const r of s.rules) rulePaths += r.paths.length
    }
  }
  return `${Object.keys(index.kinds).length} kinds, ${versions} apiVersions, ${fields} field paths (${narrowFields} with a release range of their own), ` +
    `${enumValues} values of ${enumFields} enums, ${rules} changed validations on ${rulePaths} paths`
}

/** The committed text: stable, one JSON document, newline at the end. */
export function serializeSchemaIndex(index) {
  return `${JSON.stringify(index)}\n`
}

function main() {
  const root = defaultSharedRoot()
  if (!sharedSourcesExist(root)) {
    console.error(`No schema sources at ${root} (set ISTIO_COMPAT_SHARED).`)
    process.exit(2)
  }
  const text = serializeSchemaIndex(generateSchemaIndex(root))
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(INDEX_PATH) ? fs.readFileSync(INDEX_PATH, 'utf8') : ''
    if (current !== text) {
      console.error(`${path.relative(REPO, INDEX_PATH)} is stale; run npm run generate`)
      process.exit(1)
    }
    console.log(`${path.relative(REPO, INDEX_PATH)} is up to date`)
    return
  }
  fs.mkdirSync(path.dirname(INDEX_PATH), { recursive: true })
  fs.writeFileSync(INDEX_PATH, text)
  console.log(`wrote ${path.relative(REPO, INDEX_PATH)} (${Buffer.byteLength(text)} bytes): ${describeIndex(JSON.parse(text))}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main()
