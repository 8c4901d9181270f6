// The repository config (.github/istio-compat.yml): rules on/off, severity overrides, ignored paths and
// per-path target releases. Read from the position tree, so every error names the exact file:line.
import { Minimatch } from 'minimatch'
import { allRules } from './analyze/index.js'
import { closest } from './closest.js'
import { insideRoot, readRepositoryFile, readUserFile } from './files.js'
import { compareReleases, parseRelease, type Release } from './knowledge/versions.js'
import { deref } from './manifests/locate.js'
import type { MapEntry, MapNode, PosNode } from './manifests/types.js'
import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import { lineAt, lineStarts, parseYamlDocuments, YamlError, type ParsedDocument, type SourceMap } from './manifests/yaml.js'
import { UsageError, SEVERITIES, type Severity } from './model.js'

export const DEFAULT_CONFIG_PATH = '.github/istio-compat.yml'
/** A config is a few dozen lines; anything past this is not one (and is not read into memory). */
export const CONFIG_MAX_BYTES = 1024 * 1024

export type RuleSetting = 'off' | Severity

/** One `targets:` entry: files matching `paths` are checked against these releases instead of the inputs. */
export interface TargetOverride {
  /** minimatch patterns relative to the repository root; `!` excludes. */
  paths: string[]
  target: Release
  /** Absent: only target checks for these files (the `from` input is not inherited). */
  from?: Release
  /** Absent: no Kubernetes range check for these files (the input is not inherited). */
  kubernetesVersion?: string
  /** `file:line` of the entry, for the summary. */
  origin: string
}

export interface RepoConfig {
  rules: Record<string, RuleSetting>
  /** minimatch patterns of files never checked. */
  ignore: string[]
  /** Per-path releases; the first entry whose paths match a file wins. Absent or empty: the inputs apply everywhere. */
  targets?: TargetOverride[]
  /** Gateway API CRD channel the cluster runs (standard | experimental); the action input / CLI flag wins. */
  gatewayApiChannel?: 'standard' | 'experimental'
  /** Files above this many bytes are skipped with a warning (`maxFileSize`; the input / CLI option wins). */
  maxFileSize?: number
}

/** A size limit as written by users: bytes (`8388608`) or with a unit (`8MiB`, `512 KiB`, `8M`). */
export function parseSize(text: string, what: string): number {
  const m = /^\s*(\d+)\s*(b|bytes?|k|kb|kib|m|mb|mib)?\s*$/i.exec(text)
  const unit = (m?.[2] ?? '').toLowerCase()
  const scale = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1
  const n = m ? Number(m[1]) * scale : NaN
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${what} must be a size such as 4MiB, 512KiB or 4194304 (bytes), not "${text}"`)
  return n
}

export const EMPTY_CONFIG: RepoConfig = { rules: {}, ignore: [], targets: [] }

const TOP_KEYS = ['rules', 'ignore', 'targets', 'gatewayApiChannel', 'maxFileSize'] as const
const TARGET_KEYS = ['paths', 'target', 'from', 'kubernetes'] as const
const SETTINGS: readonly string[] = ['off', ...SEVERITIES]
const KUBERNETES_VERSION = /^v?1\.\d+(?:\.\d+)?$/

/** Options shared with minimatch elsewhere: dotfiles and dot-folders match like any other path. */
const GLOB_OPTIONS = { dot: true } as const

/**
 * Parses and validates a config file. `knownRules` are the rule ids `rules:` may name
 * (default: every rule registered at run time).
 */
export function parseConfig(text: string, file: string, knownRules: readonly string[] = allRules().map((r) => r.id)): RepoConfig {
  const reader: ConfigReader = new ConfigReader(text.replace(/^\uFEFF/, ''), file)
  const root = reader.root()
  const config: RepoConfig = { rules: {}, ignore: [], targets: [] }
  if (root === undefined) return config
  if (root.kind !== 'map') reader.fail(root, `the config must be a mapping with the keys ${TOP_KEYS.join(', ')}`)

  for (const entry of entriesOf(root)) {
    const value = deref(entry.value)
    if (entry.key === 'rules') config.rules = reader.rules(entry, value, knownRules)
    else if (entry.key === 'ignore') config.ignore = reader.patterns(entry, value, 'ignore', false)
    else if (entry.key === 'targets') config.targets = reader.targets(entry, value)
    else if (entry.key === 'gatewayApiChannel') {
      const text = value?.kind === 'scalar' ? value.text.trim() : undefined
      if (text !== 'standard' && text !== 'experimental') reader.fail(placed(value, entry.keyNode), `"gatewayApiChannel" must be standard or experimental`)
      config.gatewayApiChannel = text
    }
    else if (entry.key === 'maxFileSize') {
      if (value?.kind !== 'scalar' || value.text.trim() === '') reader.fail(placed(value, entry.keyNode), '"maxFileSize" must be a size such as 4MiB, 512KiB or 4194304 (bytes)')
      try {
        config.maxFileSize = parseSize(value.text, '"maxFileSize"')
      } catch (error) {
        reader.fail(value, (error as Error).message)
      }
    }
    else reader.fail(entry.keyNode, unknownKey(entry.key, TOP_KEYS, 'the config'))
  }
  return config
}

/** The `targets:` entry that applies to `path`, or undefined when the inputs apply. */
export function targetOverrideFor(config: RepoConfig, path: string): TargetOverride | undefined {
  return config.targets?.find((t) => matchesPatterns(path, t.paths))
}

/**
 * The repository config at `path` under `root` (the workspace or `--repo`). The file is read only as a regular file
 * inside the repository, through no symbolic link, and no larger than CONFIG_MAX_BYTES: a PR controls it. Absent:
 * the empty config, unless `explicit` (the user named it), which makes a missing file an error. An explicit path
 * outside the repository (`allowOutside`, the CLI's `--config ~/x.yml`) is the user's own file and may be a link.
 */
export function loadRepoConfig(root: string, path: string = DEFAULT_CONFIG_PATH, options: { explicit?: boolean; allowOutside?: boolean } = {}): RepoConfig {
  const what = `config ${path}`
  const inside = insideRoot(realpathSync(root), resolve(realpathSync(root), path)) ?? insideRoot(resolve(root), resolve(root, path))
  if (inside === '') throw new UsageError(`${what} is a directory, not a file`)
  let data: Buffer | undefined
  if (inside !== undefined) data = readRepositoryFile(root, inside, { maxBytes: CONFIG_MAX_BYTES, what })
  else if (options.allowOutside) data = readUserFile(resolve(root, path), { maxBytes: CONFIG_MAX_BYTES, what })
  else throw new UsageError(`${what} is outside the repository (${root}); give a path inside it`)
  if (data === undefined) {
    if (options.explicit) throw new UsageError(`${what} does not exist`)
    return EMPTY_CONFIG
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw new UsageError(`${what} is not UTF-8 text`)
  }
  return parseConfig(text, path)
}

/** Each pattern compiled once per process (patterns come from inputs and the config: a handful). */
const compiled = new Map<string, Minimatch>()
function compile(pattern: string): Minimatch {
  let m = compiled.get(pattern)
  if (!m) compiled.set(pattern, (m = new Minimatch(pattern, GLOB_OPTIONS)))
  return m
}

/** minimatch list semantics: at least one positive pattern matches and no `!` pattern does. */
export function matchesPatterns(path: string, patterns: readonly string[]): boolean {
  let included = false
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (compile(p.slice(1)).match(path)) return false
    } else if (!included && compile(p).match(path)) included = true
  }
  return included
}

class ConfigReader {
  private readonly starts: number[]

  constructor(private readonly text: string, private readonly file: string) {
    this.starts = lineStarts(text)
  }

  fail(at: PosNode | number, message: string): never {
    const line = typeof at === 'number' ? at : at.line
    throw new UsageError(`${this.file}:${line}: ${message}`)
  }

  root(): PosNode | undefined {
    const map: SourceMap = { offset: (o) => o, line: (o) => lineAt(this.starts, o) }
    let docs
    try {
      docs = parseYamlDocuments(this.text, map)
    } catch (error) {
      if (!(error instanceof YamlError)) throw error
      this.fail(lineAt(this.starts, error.fileOffset), `invalid YAML: ${error.message}`)
    }
    // kubectl would keep the last value; in the config a repeated key is a mistake either way.
    for (const d of docs) for (const dup of (d as ParsedDocument).duplicates ?? []) this.fail(dup.node, `invalid YAML: duplicated mapping key "${dup.key}" (first on line ${dup.first.line})`)
    const roots = docs.map((d) => d.root).filter((r): r is PosNode => r !== null)
    if (roots.length > 1) this.fail(roots[1], 'the config must be a single YAML document; found a second one here')
    return deref(roots[0])
  }

  rules(entry: MapEntry, value: PosNode | undefined, knownRules: readonly string[]): Record<string, RuleSetting> {
    const rules: Record<string, RuleSetting> = {}
    if (value === undefined || isNull(value)) return rules
    if (value.kind !== 'map') this.fail(value, `"rules" must map rule ids to off, error, warning or notice, not ${describe(value)}`)
    for (const rule of entriesOf(value)) {
      const id = rule.key
      if (!knownRules.includes(id)) {
        const near = closest(id, knownRules)
        this.fail(rule.keyNode, `unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''}`)
      }
      const setting = deref(rule.value)
      const text = setting?.kind === 'scalar' ? setting.text : undefined
      const normalised = setting?.kind === 'scalar' && setting.style === 'plain' && text === 'false' ? 'off' : text
      if (normalised === undefined || !SETTINGS.includes(normalised)) {
        const shown = setting === undefined || isNull(setting) ? 'no setting' : `setting ${setting.kind === 'scalar' ? JSON.stringify(text) : describe(setting)}`
        this.fail(placed(setting, rule.keyNode), `rule "${id}" has ${shown}; expected off, error, warning or notice`)
      }
      rules[id] = normalised as RuleSetting
    }
    return rules
  }

  patterns(entry: MapEntry, value: PosNode | undefined, name: string, allowNegation: boolean): string[] {
    if (value === undefined || isNull(value)) {
      if (name === 'ignore') return []
      this.fail(entry.keyNode, `"${name}" needs a list of path patterns`)
    }
    if (value.kind !== 'seq') this.fail(value, `"${name}" must be a list of path patterns, not ${describe(value)}`)
    const patterns: string[] = []
    for (const raw of value.items) {
      const item = deref(raw)
      if (item?.kind !== 'scalar' || isNull(item) || item.text.trim() === '') this.fail(placed(item, value), `each entry of "${name}" must be a path pattern such as "clusters/**"`)
      const p = item.text
      if (p.startsWith('./') || p.startsWith('/')) this.fail(item, `pattern "${p}" of "${name}" must be relative to the repository root without a leading "${p.startsWith('/') ? '/' : './'}"`)
      if (!allowNegation && p.startsWith('!')) this.fail(item, `pattern "${p}" of "${name}" cannot be negated: "${name}" lists only files to leave out`)
      patterns.push(p)
    }
    if (patterns.length === 0 && name !== 'ignore') this.fail(value, `"${name}" needs at least one path pattern`)
    return patterns
  }

  targets(entry: MapEntry, value: PosNode | undefined): TargetOverride[] {
    if (value === undefined || isNull(value)) return []
    if (value.kind !== 'seq') this.fail(value, `"targets" must be a list of { paths, target, from?, kubernetes? } entries, not ${describe(value)}`)
    return value.items.map((raw, i) => {
      const item = deref(raw)
      const where = `targets[${i}]`
      if (item?.kind !== 'map') this.fail(placed(item, value), `${where} must be a mapping with paths and target, not ${item ? describe(item) : 'empty'}`)
      const fields = new Map<string, MapEntry>()
      for (const e of entriesOf(item)) {
        if (!(TARGET_KEYS as readonly string[]).includes(e.key)) this.fail(e.keyNode, unknownKey(e.key, TARGET_KEYS, where))
        fields.set(e.key, e)
      }
      const pathsEntry = fields.get('paths')
      const targetEntry = fields.get('target')
      if (!pathsEntry) this.fail(item, `${where} has no "paths": list the files it applies to, e.g. paths: ["clusters/legacy/**"]`)
      if (!targetEntry) this.fail(item, `${where} has no "target": name the Istio release of those files, e.g. target: "1.26"`)
      const paths = this.patterns(pathsEntry, deref(pathsEntry.value), `${where}.paths`, true)
      const target = this.release(targetEntry, `${where}.target`)
      const fromEntry = fields.get('from')
      const from = fromEntry ? this.release(fromEntry, `${where}.from`, true) : undefined
      if (from && fromEntry && compareReleases(from, target) > 0) this.fail(fromEntry.value ?? fromEntry.keyNode, `${where}.from ${from.version} is newer than its target ${target.version}`)
      const k8sEntry = fields.get('kubernetes')
      const kubernetesVersion = k8sEntry ? this.kubernetes(k8sEntry, `${where}.kubernetes`) : undefined
      return {
        paths,
        target,
        ...(from ? { from } : {}),
        ...(kubernetesVersion ? { kubernetesVersion } : {}),
        origin: `${this.file}:${item.line}`
      }
    })
  }

  private scalar(entry: MapEntry, where: string, example: string): { node: PosNode; text: string } {
    const node = deref(entry.value)
    if (node?.kind !== 'scalar' || isNull(node)) this.fail(placed(node, entry.keyNode), `${where} must be a version such as "${example}"`)
    // Plain scalars are read as written: `target: 1.30` means 1.30, not the number 1.3.
    return { node, text: node.text.trim() }
  }

  private release(entry: MapEntry, where: string, from = false): Release {
    const { node, text } = this.scalar(entry, where, '1.26')
    if (text === 'auto') this.fail(node, `${where} cannot be auto: a targets entry names the release of its files, e.g. "1.26"`)
    try {
      return parseRelease(text, { from })
    } catch (error) {
      return this.fail(node, `${where}: ${(error as Error).message}`)
    }
  }

  private kubernetes(entry: MapEntry, where: string): string {
    const { node, text } = this.scalar(entry, where, '1.30')
    if (!KUBERNETES_VERSION.test(text)) this.fail(node, `${where} "${text}" is not a Kubernetes version; expected e.g. "1.30"`)
    return text.replace(/^v/, '')
  }
}

/** Own entries plus those brought in by `<<` merges (own keys win, as in YAML). */
function entriesOf(map: MapNode): MapEntry[] {
  const own = map.entries.filter((e) => e.key !== '<<')
  const seen = new Set(own.map((e) => e.key))
  const merged: MapEntry[] = []
  for (const e of map.entries) {
    if (e.key !== '<<') continue
    const source = deref(e.value)
    for (const s of source?.kind === 'seq' ? source.items.map(deref) : [source]) {
      if (s?.kind !== 'map') continue
      for (const m of entriesOf(s)) {
        if (seen.has(m.key)) continue
        seen.add(m.key)
        merged.push(m)
      }
    }
  }
  return [...own, ...merged]
}

/** The node to point an error at; an empty value has no position of its own (js-yaml gives it offset -1). */
function placed(node: PosNode | undefined, fallback: PosNode): PosNode {
  return node && node.start >= 0 ? node : fallback
}

function isNull(node: PosNode): boolean {
  return node.kind === 'scalar' && node.style === 'plain' && ['', '~', 'null', 'Null', 'NULL'].includes(node.text)
}

function describe(node: PosNode): string {
  if (node.kind === 'map') return 'a mapping'
  if (node.kind === 'seq') return 'a list'
  if (node.kind === 'alias') return `an alias *${node.anchor}`
  return JSON.stringify(node.text)
}

function unknownKey(key: string, known: readonly string[], where: string): string {
  const near = closest(key, known, 3)
  return `unknown key "${key}" in ${where}; expected ${known.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`
}
