#!/usr/bin/env node
// Builds data/chart-values-index.json from Istio's Helm charts in ../shared/istio/charts: for each chart
// (istiod, base, cni, ztunnel, gateway) and each release tag at which the chart changed, the value paths the
// chart reads, the subtrees it takes as a whole (free-form maps and lists), how its values are wrapped and
// re-scoped, which keys make it fail, and (gateway) which top-level keys its values schema lets Helm accept.
//
// What counts as read, per chart version:
//  - every key of values.yaml (under the `defaults:` / `_internal_defaults_do_not_set:` wrapper, unwrapped);
//  - every `.Values.a.b` / `$.Values.a.b` in templates/ and files/ (files/ holds the injection templates,
//    rendered by istiod with the same values), including `(.Values.a).b`, `index .Values "a" "b"`,
//    `$v := .Values.a` then `$v.b`, and `.b` inside `{{ with .Values.a }}`;
//  - a path used as a whole (`toYaml`, `toJson`, `range`, `merge`, `tpl`, `include`, a bare `.` inside its
//    `with`) whose default is a map, a list or unset, or any path whose default is `{}`, is "open": every key
//    below it counts as read (pod annotations, env maps, node selectors, resources, meshConfig).
// Not resolved (documented in docs/catalog.md): values read through dynamic keys (`index .Values $name`),
// through variables assigned from anything but a plain values path, or inside `define` blocks called with a
// scoped context; NOTES.txt is not a reader (it only prints deprecation hints, which the index keeps as
// `moved`, and fails on removed values, kept as `fail`).
//
// Usage: node scripts/generate-chart-values-index.mjs [--check]
//   ISTIO_COMPAT_SHARED=<dir> overrides the sources root (default <repo>/../shared).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { load } from 'js-yaml'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CHART_INDEX_PATH = path.join(REPO, 'data', 'chart-values-index.json')
export const CHART_INDEX_FORMAT = 1
export const CHART_NAMES = ['istiod', 'base', 'cni', 'ztunnel', 'gateway']

/** Wrapper keys of values.yaml: users set the keys below them without the wrapper. */
const WRAPPERS = ['defaults', '_internal_defaults_do_not_set']
/** Functions that take a value as a whole: a map or list given to them is read key by key by something else. */
const WHOLE_FUNCS = /\b(toYaml|toJson|toPrettyJson|toRawJson|merge|mergeOverwrite|mustMerge|mustMergeOverwrite|deepCopy|mustDeepCopy|tpl|include|keys|values|fromYaml|toString)\b/
/** Template files that are not readers of values (zzz_profile and zzy_descope are handled structurally). */
const STRUCTURAL = new Set(['zzz_profile.yaml', 'zzy_descope_legacy.yaml', 'NOTES.txt'])
/** Always free-form, whatever the templates do: MeshConfig is checked by the MeshConfig rules. */
const ALWAYS_OPEN = ['meshConfig']

export function defaultSharedRoot() {
  return process.env.ISTIO_COMPAT_SHARED || path.resolve(REPO, '..', 'shared')
}

export function chartSourcesExist(root = defaultSharedRoot()) {
  return fs.existsSync(path.join(root, 'istio', 'charts', 'SOURCES.md'))
}

// ---- versions ---------------------------------------------------------------------------------------------

function parseTag(tag) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(tag)
  if (!m) throw new Error(`not a release tag: ${tag}`)
  return { major: +m[1], minor: +m[2], patch: +m[3], pre: m[4] }
}

export function compareTags(a, b) {
  const x = parseTag(a), y = parseTag(b)
  if (x.major !== y.major) return x.major - y.major
  if (x.minor !== y.minor) return x.minor - y.minor
  if (x.patch !== y.patch) return x.patch - y.patch
  if (x.pre && !y.pre) return -1
  if (!x.pre && y.pre) return 1
  return (x.pre ?? '').localeCompare(y.pre ?? '', 'en', { numeric: true })
}

// ---- templates --------------------------------------------------------------------------------------------

/** The actions `{{ ... }}` of a template, comments dropped, in order. */
function actionsOf(text) {
  const out = []
  const re = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g
  let m
  while ((m = re.exec(text))) {
    const body = m[1]
    if (body.startsWith('/*')) continue
    out.push(body)
  }
  return out
}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*'
const CHAIN = `(?:\\.${IDENT})*`

/**
 * Rewrites the null-safe forms to plain chains: `(.Values.a).b` → `.Values.a.b`, `($.Values).a` → `$.Values.a`,
 * `index .Values "a" "b"` → `.Values.a.b` (string keys only).
 */
function normaliseAction(body) {
  let s = body
  for (let i = 0; i < 8; i++) {
    const before = s
    s = s.replace(new RegExp(`\\(\\s*((?:\\$${IDENT}|\\$)?(?:\\.${IDENT})+|\\$)\\s*\\)((?:\\.${IDENT})+)`, 'g'), '$1$2')
    s = s.replace(new RegExp(`\\bindex\\s+((?:\\$${IDENT}|\\$)?(?:\\.${IDENT})+|\\$${IDENT})((?:\\s+"[^"\\s.]+")+)(?=\\s*[)|]|\\s*$)`, 'g'), (_, base, keys) => {
      const parts = [...keys.matchAll(/"([^"]+)"/g)].map((k) => k[1])
      if (!parts.every((p) => new RegExp(`^${IDENT}$`).test(p))) return _
      return `${base}.${parts.join('.')}`
    })
    s = s.replace(new RegExp(`\\(\\s*index\\s+((?:\\$${IDENT}|\\$)?(?:\\.${IDENT})+|\\$${IDENT})((?:\\s+"[^"\\s.]+")+)\\s*\\)`, 'g'), (_, base, keys) => {
      const parts = [...keys.matchAll(/"([^"]+)"/g)].map((k) => k[1])
      if (!parts.every((p) => new RegExp(`^${IDENT}$`).test(p))) return _
      return `${base}.${parts.join('.')}`
    })
    // `hasKey .Values "a"` asks about .Values.a.
    s = s.replace(new RegExp(`\\bhasKey\\s+((?:\\$${IDENT}|\\$)?(?:\\.${IDENT})+)\\s+"(${IDENT})"`, 'g'), '$1.$2')
    // `dig "a" "b" <default> .Values`: the keys are every argument but the last before the map.
    s = s.replace(new RegExp(`\\bdig\\s+((?:(?:"[^"]*"|[^\\s()"]+)\\s+)+?)((?:\\$${IDENT}|\\$)?(?:\\.${IDENT})+)(?=[\\s)]|$)`, 'g'), (all, args, base) => {
      const tokens = [...args.matchAll(/"[^"]*"|[^\s"]+/g)].map((t) => t[0])
      const keys = tokens.slice(0, -1)
      if (keys.length === 0 || !keys.every((k) => new RegExp(`^"${IDENT}"$`).test(k))) return all
      return `${base}.${keys.map((k) => k.slice(1, -1)).join('.')}`
    })
    if (s === before) break
  }
  return s
}

/**
 * Every values path a template reads, and the paths it uses as a whole. `dot` tracking: `with` and `range`
 * push a scope, `end` pops; inside `with <values path>` a relative `.b` is that path's `b`.
 */
export function scanTemplate(text) {
  const reads = new Set()
  const whole = new Set()
  const vars = new Map()
  const stack = [] // { kind, dot, outer }
  let dot = null // values path (array) the dot stands for, or null (root / unknown)
  const refRe = new RegExp(`(\\$${IDENT}|\\$|)(\\.${IDENT}${CHAIN}|(?<![\\w)\\]])\\.(?![\\w.]))`, 'g')

  const resolve = (prefix, chain) => {
    const parts = chain === '.' ? [] : chain.slice(1).split('.')
    if (prefix === '' || prefix === '$') {
      if (parts[0] === 'Values') return parts.slice(1)
      if (prefix === '' && dot && !['Release', 'Chart', 'Capabilities', 'Files', 'Template'].includes(parts[0])) return [...dot, ...parts]
      return undefined
    }
    const base = vars.get(prefix)
    return base ? [...base, ...parts] : undefined
  }

  for (const raw of actionsOf(text)) {
    const body = normaliseAction(raw)
    const head = /^(\w+)/.exec(body)?.[1]
    if (head === 'end') {
      const frame = stack.pop()
      dot = frame ? frame.outer : null
      continue
    }
    if (head === 'else') {
      const frame = stack[stack.length - 1]
      if (frame) dot = frame.outer
      // `else with X` re-scopes like a with.
      const m = new RegExp(`^else\\s+with\\s+(.*)$`, 's').exec(body)
      if (m && frame) {
        const inner = collect(m[1])
        dot = inner.single ?? null
      }
      continue
    }
    // Assignments `$x := <values path>` bind a variable (re-binding with `=` too).
    const assign = new RegExp(`^(?:range\\s+)?(\\$${IDENT})\\s*:?=\\s*(.*)$`, 's').exec(body)
    const rangeVars = new RegExp(`^range\\s+(?:\\$${IDENT}\\s*,\\s*)?\\$${IDENT}\\s*:=\\s*(.*)$`, 's').exec(body)
    const info = collect(rangeVars ? rangeVars[1] : body)
    if (head === 'with') {
      stack.push({ outer: dot })
      const subject = /^with\s+(.*)$/s.exec(body)[1]
      dot = collect(subject).single ?? null
      continue
    }
    if (head === 'range') {
      const subject = rangeVars ? rangeVars[1] : /^range\s+(.*)$/s.exec(body)[1]
      const s = collect(subject).single
      if (s) whole.add(s.join('.'))
      stack.push({ outer: dot })
      dot = null
      continue
    }
    if (head === 'if' || head === 'define' || head === 'block') {
      stack.push({ outer: dot })
      if (head !== 'if') dot = null
      continue
    }
    if (assign && !rangeVars) {
      const value = collect(assign[2])
      if (value.single) vars.set(assign[1], value.single)
      else vars.delete(assign[1])
    }
    void info
  }
  return { reads, whole }

  /** References in an expression; `single` when the expression is one plain values path. */
  function collect(expr) {
    // Text inside string literals is not a reference: `printf "files/profile-%s.yaml" .` inside
    // `with .Values.profile` would otherwise read as a field `yaml` of the profile. (index/dig/hasKey keys were
    // turned into paths by normaliseAction before this.)
    expr = expr.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""')
    const found = []
    refRe.lastIndex = 0
    let m
    while ((m = refRe.exec(expr))) {
      const p = resolve(m[1], m[2])
      if (p === undefined) continue
      found.push(p)
      if (p.length) reads.add(p.join('.'))
    }
    if (found.length && WHOLE_FUNCS.test(expr)) {
      // `toYaml .Values.a`, `merge (dict) .Values.a`: the argument is taken as a whole. The values root itself
      // (`.Values | toPrettyJson` in a debug ConfigMap) is never an open subtree.
      for (const p of found) if (p.length) whole.add(p.join('.'))
    }
    // `{{ . }}` / `{{ $v }}` printed where the dot/var is a values path: used as a whole too.
    const trimmed = expr.trim()
    const plain = new RegExp(`^(\\$${IDENT}|\\$|)(\\.${IDENT}${CHAIN}|\\.)$`).exec(trimmed)
    const single = plain ? resolve(plain[1], plain[2]) : undefined
    if (single && single.length && (plain[2] === '.' || plain[1].startsWith('$') && plain[1] !== '$' && plain[2] === '')) whole.add(single.join('.'))
    return { single }
  }
}

/** `$deps := dict "a" "b" ...` of NOTES.txt: deprecated paths with their replacement, and removed paths that fail. */
function notesOf(text) {
  const dictOf = (name) => {
    const m = new RegExp(`\\$${name}\\s*:=\\s*dict([\\s\\S]*?)\\}\\}`).exec(text)
    if (!m) return new Map()
    const words = [...m[1].matchAll(/"([^"]*)"/g)].map((w) => w[1])
    const out = new Map()
    for (let i = 0; i + 1 < words.length; i += 2) out.set(words[i], words[i + 1])
    return out
  }
  return { moved: dictOf('deps'), fail: dictOf('failDeps') }
}

// ---- one chart version --------------------------------------------------------------------------------------

function listFiles(dir) {
  if (!fs.existsSync(dir)) return []
  const out = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...listFiles(p))
    else out.push(p)
  }
  return out.sort()
}

function isMap(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Every key path of a values map (not into lists), with its default. */
function valuePaths(value, prefix, out) {
  for (const [k, v] of Object.entries(value)) {
    const p = prefix ? `${prefix}.${k}` : k
    out.set(p, v)
    if (isMap(v)) valuePaths(v, p, out)
  }
  return out
}

/** The facts of one chart version. */
export function scanChartVersion(dir) {
  const valuesFile = path.join(dir, 'values.yaml')
  let values = fs.existsSync(valuesFile) ? load(fs.readFileSync(valuesFile, 'utf8')) ?? {} : {}
  let wrapper = null
  const keys = Object.keys(values)
  if (keys.length === 1 && WRAPPERS.includes(keys[0]) && isMap(values[keys[0]])) {
    wrapper = keys[0]
    values = values[wrapper]
  }
  const defaults = valuePaths(values, '', new Map())
  const reads = new Set(defaults.keys())
  const whole = new Set()
  const profile = fs.existsSync(path.join(dir, 'templates', 'zzz_profile.yaml')) ? fs.readFileSync(path.join(dir, 'templates', 'zzz_profile.yaml'), 'utf8') : ''
  const descopeText = fs.existsSync(path.join(dir, 'templates', 'zzy_descope_legacy.yaml')) ? fs.readFileSync(path.join(dir, 'templates', 'zzy_descope_legacy.yaml'), 'utf8') : ''
  const descope = /mustMergeOverwrite\s+\$\.Values\s+\(index\s+\$\.Values\s+"(\w+)"\)/.exec(descopeText)?.[1] ?? null
  const flattenGlobal = /Flatten globals[^\n]*\n\{\{-\s*if true\s*\}\}/.test(profile)
  // `{{- if $.Values.defaults}} {{ fail ...`: a key whose presence makes the chart refuse to render.
  const fail = new Map()
  for (const m of profile.matchAll(new RegExp(`if \\$\\.Values\\.(${IDENT})\\s*\\}\\}\\s*\\{\\{\\s*fail`, 'g'))) fail.set(m[1], 'chart')
  let moved = new Map()
  for (const file of [...listFiles(path.join(dir, 'templates')), ...listFiles(path.join(dir, 'files'))]) {
    const base = path.basename(file)
    const text = fs.readFileSync(file, 'utf8')
    if (base === 'NOTES.txt') {
      const notes = notesOf(text)
      moved = notes.moved
      for (const k of notes.fail.keys()) fail.set(k, 'notes')
      continue
    }
    if (base.startsWith('profile-')) continue
    const scan = scanTemplate(text)
    if (base === 'zzz_profile.yaml' || base === 'zzy_descope_legacy.yaml') {
      // Only the plain reads (profile, compatibilityVersion, platform); the merges are structural.
      for (const r of scan.reads) if (!WRAPPERS.includes(r.split('.')[0]) && r !== descope && r !== 'global') reads.add(r)
      continue
    }
    for (const r of scan.reads) reads.add(r)
    for (const w of scan.whole) whole.add(w)
  }
  // A path taken whole is open when its default is a map, a list or unset (a string default stays a leaf).
  const open = new Set(ALWAYS_OPEN)
  for (const w of whole) {
    const d = defaults.get(w)
    if (d === undefined || d === null || isMap(d) || Array.isArray(d)) open.add(w)
  }
  for (const [p, d] of defaults) if (isMap(d) && Object.keys(d).length === 0) open.add(p)
  for (const k of fail.keys()) if (fail.get(k) === 'chart') reads.delete(k)
  // Every prefix of a read path is read (an intermediate map).
  for (const r of [...reads]) {
    const parts = r.split('.')
    for (let i = 1; i < parts.length; i++) reads.add(parts.slice(0, i).join('.'))
  }
  for (const o of open) reads.add(o)
  const schemaFile = path.join(dir, 'values.schema.json')
  const schema = fs.existsSync(schemaFile) ? schemaFacts(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))) : null
  // An object the schema leaves free is open only when the templates read nothing below it (gateway `global`
  // is typed as a bare object, but the chart reads a few `global.*` keys: the others are ignored).
  if (schema) for (const p of schema.freeForm) if (![...reads].some((r) => r.startsWith(`${p}.`))) open.add(p)
  return { wrapper, descope, flattenGlobal, reads, open, fail, moved, schema }
}

/**
 * How Helm applies a gateway values.schema.json. Helm validates the merged values with the schema:
 *  - root `additionalProperties: false` with root `properties` (1.20.x): unknown top-level keys are refused;
 *  - root `additionalProperties: false` next to a root `$ref` and no root `properties` (1.21.0 … 1.27.0 except
 *    the later patches): draft-07 validators ignore the siblings of `$ref`, so Helm before 3.18.5 accepts any
 *    key, and 3.18.5+ refuses every key (the chart's own included) — not something a values key decides;
 *  - `$ref` to a `$defs/values` that is closed (1.25.5+, 1.26.4+, 1.27.1+, 1.28+): unknown keys are refused.
 */
function schemaFacts(schema) {
  const resolve = (node) => {
    if (node && typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
      let target = schema
      for (const step of node.$ref.slice(2).split('/')) target = target?.[step]
      return target
    }
    return node
  }
  let closed = null
  if (schema.$ref === undefined) {
    if (schema.additionalProperties === false && isMap(schema.properties)) closed = schema
  } else {
    const target = resolve(schema)
    if (target && target.additionalProperties === false && isMap(target.properties)) closed = target
  }
  const top = closed ?? resolve(schema)
  const freeForm = []
  if (top && isMap(top.properties)) {
    for (const [k, v] of Object.entries(top.properties)) {
      const t = resolve(v)
      if (t && t.type === 'object' && !isMap(t.properties) && t.additionalProperties !== false) freeForm.push(k)
    }
  }
  return { closed: closed !== null, allowed: closed ? Object.keys(closed.properties).sort() : [], freeForm }
}

// ---- the index ------------------------------------------------------------------------------------------------

/** Index intervals of the true positions of a boolean list: "0-3,7-" style, `-` open to the end. */
function ranges(bits) {
  const out = []
  let start = -1
  for (let i = 0; i <= bits.length; i++) {
    const on = i < bits.length && bits[i]
    if (on && start < 0) start = i
    if (!on && start >= 0) {
      out.push(i === bits.length ? `${start}-` : start === i - 1 ? `${start}` : `${start}-${i - 1}`)
      start = -1
    }
  }
  return out.join(',')
}

/** Folds a flat map path → range into a tree; a node's own range under "", children by key. */
function treeOf(entries) {
  const root = {}
  for (const [p, r] of entries) {
    let node = root
    for (const k of p.split('.')) node = node[k] ??= {}
    node[''] = r
  }
  // A leaf node with only its range collapses to the range string.
  const fold = (node) => {
    for (const [k, v] of Object.entries(node)) {
      if (k === '') continue
      const keys = Object.keys(v)
      if (keys.length === 1 && keys[0] === '') node[k] = v['']
      else fold(v)
    }
    return node
  }
  return fold(root)
}

function sortedObject(map) {
  return Object.fromEntries([...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
}

export function generateChartValuesIndex(root = defaultSharedRoot()) {
  const charts = {}
  for (const chart of CHART_NAMES) {
    const dir = path.join(root, 'istio', 'charts', chart)
    const tags = fs.readdirSync(dir).filter((t) => /^\d+\.\d+\.\d+/.test(t)).sort(compareTags)
    const versions = tags.map((t) => scanChartVersion(path.join(dir, t)))
    const collectRanges = (pick) => {
      const all = new Set()
      versions.forEach((v) => pick(v).forEach((p) => all.add(p)))
      const out = new Map()
      for (const p of all) out.set(p, ranges(versions.map((v) => pick(v).has(p))))
      return out
    }
    const reads = collectRanges((v) => v.reads)
    const open = collectRanges((v) => v.open)
    const entry = {
      tags,
      reads: treeOf([...reads].sort()),
      open: sortedObject(open),
      wrapper: sortedObject(collectRanges((v) => new Set(v.wrapper ? [v.wrapper] : []))),
      descope: sortedObject(collectRanges((v) => new Set(v.descope ? [v.descope] : []))),
      flattenGlobal: ranges(versions.map((v) => v.flattenGlobal)),
      fail: sortedObject(collectRanges((v) => new Set(v.fail.keys())))
    }
    const moved = new Map()
    for (const v of versions) for (const [k, to] of v.moved) moved.set(k, to)
    entry.moved = sortedObject(moved)
    if (versions.some((v) => v.schema)) {
      entry.schemaClosed = ranges(versions.map((v) => v.schema?.closed ?? false))
      entry.schemaAllowed = sortedObject(collectRanges((v) => new Set(v.schema?.closed ? v.schema.allowed : [])))
    }
    charts[chart] = entry
  }
  return { format: CHART_INDEX_FORMAT, charts }
}

export function serializeChartValuesIndex(index) {
  return `${JSON.stringify(index)}\n`
}

export function describeChartValuesIndex(index) {
  const parts = []
  for (const [name, c] of Object.entries(index.charts)) {
    let paths = 0
    const count = (node) => {
      for (const [k, v] of Object.entries(node)) {
        if (k === '') continue
        paths++
        if (typeof v === 'object') count(v)
      }
    }
    count(c.reads)
    parts.push(`${name}: ${c.tags.length} versions, ${paths} paths, ${Object.keys(c.open).length} open`)
  }
  return parts.join('; ')
}

function main() {
  const root = defaultSharedRoot()
  if (!chartSourcesExist(root)) {
    console.error(`No chart sources at ${root} (set ISTIO_COMPAT_SHARED).`)
    process.exit(2)
  }
  const text = serializeChartValuesIndex(generateChartValuesIndex(root))
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(CHART_INDEX_PATH) ? fs.readFileSync(CHART_INDEX_PATH, 'utf8') : ''
    if (current !== text) {
      console.error(`${path.relative(REPO, CHART_INDEX_PATH)} is stale; run npm run generate`)
      process.exit(1)
    }
    console.log(`${path.relative(REPO, CHART_INDEX_PATH)} is up to date`)
    return
  }
  fs.writeFileSync(CHART_INDEX_PATH, text)
  console.log(`wrote ${path.relative(REPO, CHART_INDEX_PATH)} (${Buffer.byteLength(text)} bytes): ${describeChartValuesIndex(JSON.parse(text))}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main()
