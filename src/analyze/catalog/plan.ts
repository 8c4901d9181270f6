// Which catalog entries apply for one (target, from) pair, compiled and indexed for fast per-document lookup.
import type { Finding, Severity } from '../../model.js'
import {
  CATALOG,
  catalogEntries,
  catalogRelease,
  conditionRoot,
  type CatalogEntry,
  type CatalogRelease,
  type Condition,
  type CrossObjectCheck,
  type FixSpec,
  type Match,
  type PodScope
} from '../../knowledge/catalog.js'
import type { PodFacts } from './pods.js'
import { includesChange, parseRelease, type Release } from '../../knowledge/versions.js'
import { compilePath, expandMacros, WORKLOAD_KINDS, type PathPattern, type ValuePredicate } from './paths.js'

/** One rule id per kind of finding the catalog produces (documented in docs/rules/<id>.md). */
export type CatalogRule = 'removed-feature' | 'not-yet-available' | 'deprecated' | 'no-effect' | 'default-changed' | 'behaviour-changed'

export interface Compiled {
  entry: CatalogEntry
  match: Match
  rule: CatalogRule
  severity: Severity
  message: string
  fix?: FixSpec
  test: ValuePredicate
  /** `documentWhere` of env and meshConfig matches: conditions on the whole document, checked before a hit is kept. */
  documentConditions?: CompiledCondition[]
  /**
   * `<entry id>#<match index>` of a match with `unlessRepository`: in a release plan, the match whose findings an
   * opt-out anywhere in the run silences; in the opt-out plan (`optOutPlan`), the match this opt-out silences.
   */
  optOutKey?: string
  /** In the opt-out plan: the opt-out's `until`, the release from which it keeps nothing. */
  optOutUntil?: string
  /** In the opt-out plan: the opt-out's `since`, the release that first reads the setting and its backports. */
  optOutSince?: readonly string[]
}

export interface CompiledCondition extends ValuePredicate {
  /** Alternatives (macros expand to several paths); the condition holds if any alternative holds. */
  patterns: PathPattern[]
  absent: boolean
  /** `@.`-paths: evaluated on each matched value (a list item) instead of the whole resource. */
  relative: boolean
  /** `@..`-paths of field matches: evaluated on the map that holds each matched value (its sibling keys). */
  parent?: true
  /** `$values.`-paths of meshConfig matches: evaluated on the Helm values that hold the MeshConfig. */
  onValues?: true
  /** `$annotations[…]` / `$labels[…]` paths of proxyConfig matches: evaluated on the metadata of the pod whose proxy.istio.io/config holds the ProxyConfig. */
  onPodMetadata?: true
  /** Capture group of the match pattern on the matched value that is the value test (checked per hit). */
  equalsGroup?: number
  /** With equalsGroup: the value sorts before the group instead of equalling it. */
  beforeGroup?: boolean
  /** The value test is the value at these paths of the same resource (`equalsPath`, checked per hit). */
  equalsPatterns?: PathPattern[]
  /** The value test is emptiness (an empty map or list, or null). */
  empty?: true
}

export interface CompiledResource extends Compiled {
  match: Extract<Match, { type: 'resource' }>
  apiVersions: ReadonlySet<string>
  /** The match's `where` conditions, compiled per kind. */
  conditions: (kind: string) => CompiledCondition[]
}

export interface CompiledField extends Compiled {
  match: Extract<Match, { type: 'field' }>
  apiVersions?: ReadonlySet<string>
  /** Path patterns after macro expansion, per kind. */
  patterns(kind: string): PathPattern[]
  conditions(kind: string): CompiledCondition[]
}

export interface CompiledMetadata extends Compiled {
  match: Extract<Match, { type: 'annotation' | 'label' }>
  on: ReadonlySet<string>
}

export interface CompiledTree extends Compiled {
  /** Paths relative to the tree root (MeshConfig, ProxyConfig or Helm values). */
  patterns: PathPattern[]
  conditions: CompiledCondition[]
}

export interface CompiledChart extends Compiled {
  /** Conditions on { releaseName, values } of the installation. */
  conditions: CompiledCondition[]
}

export interface CompiledHelm extends CompiledTree {
  match: Extract<Match, { type: 'helmValue' }>
  /** Same values under IstioOperator spec.values. */
  iopPatterns: PathPattern[]
}

export interface CompiledEnv extends Compiled {
  match: Extract<Match, { type: 'env' }>
}

export interface CompiledText extends Compiled {
  match: Extract<Match, { type: 'text' }>
  kinds?: ReadonlySet<string>
  families?: ReadonlySet<string>
  needle?: string
  regex?: RegExp
  notUnder?: ReadonlySet<string>
  unlessContains?: readonly string[]
}

export interface Plan {
  target: Release
  from?: Release
  release: CatalogRelease | undefined
  byKind: Map<string, (CompiledResource | CompiledField)[]>
  annotations: Map<string, CompiledMetadata[]>
  labels: Map<string, CompiledMetadata[]>
  /** True when some label entry looks at label selectors (walks only run then). */
  /** Label keys matched in selectors (`on: [selector]`). */
  selectorLabelKeys: string[]
  meshConfig: CompiledTree[]
  proxyConfig: CompiledTree[]
  helm: CompiledHelm[]
  istiodEnv: Map<string, CompiledEnv[]>
  proxyEnv: Map<string, CompiledEnv[]>
  /** Variables of the istio-cni node agent. */
  cniEnv: Map<string, CompiledEnv[]>
  text: CompiledText[]
  charts: Map<string, CompiledChart[]>
  /** Cross-object checks (src/analyze/catalog/cross-object.ts) with the entries that report them for this upgrade. */
  crossObject: Map<CrossObjectCheck, Compiled[]>
  /** Values the target's Helm compatibilityVersion accepts. */
  compatibilityVersions: readonly string[]
  /** The opt-out plan (`optOutPlan`): one hit per opted-out match, not per entry. */
  optOuts?: true
}

/** Whether `release` carries a change that landed in any of `versions` (a release and its backports). */
export function includedIn(release: Release, versions: readonly string[]): boolean {
  const parsed = versions.map((v) => parseRelease(v))
  const sameMinor = parsed.filter((v) => v.minor === release.minor)
  if (sameMinor.length > 0) return sameMinor.some((v) => includesChange(release, v.version))
  // A minor older than the change's own release (the first version) carries it only through a backport it names.
  const own = parsed[0]
  if (own && release.major === own.major && release.minorNumber < own.minorNumber) return false
  return parsed.some((v) => includesChange(release, v.version))
}

/** The rule an entry reports under for this upgrade, or undefined when it does not apply. */
export function ruleFor(entry: CatalogEntry, target: Release, from?: Release): CatalogRule | undefined {
  const versions = [entry.since, ...(entry.backports ?? [])]
  const inTarget = includedIn(target, versions)
  const gone = entry.until !== undefined && includesChange(target, entry.until)
  switch (entry.change) {
    case 'removed':
      return inTarget ? 'removed-feature' : undefined
    case 'added':
      if (entry.introduced !== undefined && !includesChange(target, entry.introduced)) return undefined
      return !inTarget && !gone ? 'not-yet-available' : undefined
    case 'deprecated':
      return inTarget && !gone ? 'deprecated' : undefined
    case 'no-effect':
      return gone ? undefined : 'no-effect'
    case 'default-changed':
    case 'behaviour-changed':
      // A change reverted in `until` is no change for an upgrade that lands past the revert; a revert
      // (`reverts`) is a change only for a from-release that had the reverted behaviour.
      if (from === undefined || !inTarget || includedIn(from, versions) || gone) return undefined
      if (entry.reverts !== undefined && !includesChange(from, entry.reverts)) return undefined
      // A from-release before the feature existed had no old behaviour to change (the field was rejected there).
      if (entry.introduced !== undefined && !includesChange(from, entry.introduced)) return undefined
      return entry.change
  }
}

function predicate(m: { values?: (string | number | boolean)[]; pattern?: string; valueTypes?: string[] }): ValuePredicate {
  return {
    ...(m.values ? { values: new Set(m.values.map(String)) } : {}),
    ...(m.pattern !== undefined ? { pattern: new RegExp(m.pattern) } : {}),
    ...(m.valueTypes ? { types: new Set(m.valueTypes) } : {})
  }
}

function compileConditions(conditions: readonly Condition[] | undefined, kind: string): CompiledCondition[] {
  return (conditions ?? []).map((c) => {
    const relative = c.path === '@' || c.path.startsWith('@.')
    const parent = c.path.startsWith('@..')
    const root = conditionRoot(c.path)
    return {
      ...predicate(c),
      ...(parent ? { parent: true as const } : {}),
      patterns: parent ? [compilePath(c.path.slice(3))] : relative ? [compilePath(c.path.slice(2))] : root ? [compilePath(root.path)] : expandMacros(c.path, kind).map(compilePath),
      absent: c.absent === true,
      relative,
      ...(root?.on === 'values' ? { onValues: true as const } : {}),
      ...(root?.on === 'pod' ? { onPodMetadata: true as const } : {}),
      ...(c.equalsGroup !== undefined ? { equalsGroup: c.equalsGroup } : {}),
      ...(c.beforeGroup ? { beforeGroup: true } : {}),
      ...(c.equalsPath !== undefined ? { equalsPatterns: expandMacros(c.equalsPath, kind).map(compilePath) } : {}),
      ...(c.empty ? { empty: true as const } : {})
    }
  })
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Memoises per-kind work (macro expansion depends on the kind's pod template). */
function perKind<T>(make: (kind: string) => T): (kind: string) => T {
  const cache = new Map<string, T>()
  return (kind) => {
    let v = cache.get(kind)
    if (v === undefined) {
      v = make(kind)
      cache.set(kind, v)
    }
    return v
  }
}

/** Default IstioOperator spec.values location of a chart's value. */
function defaultIopPaths(chart: string, paths: readonly string[]): string[] {
  switch (chart) {
    case 'gateway':
      return []
    case 'cni':
      return paths.map((p) => (p.startsWith('cni.') ? p : `cni.${p}`))
    case 'ztunnel':
      return paths.map((p) => (p.startsWith('ztunnel.') ? p : `ztunnel.${p}`))
    default:
      return [...paths]
  }
}

function emptyPlan(target: Release, from: Release | undefined, releases: readonly CatalogRelease[]): Plan {
  return {
    target,
    ...(from ? { from } : {}),
    release: catalogRelease(target.minor, releases),
    byKind: new Map(),
    annotations: new Map(),
    labels: new Map(),
    selectorLabelKeys: [],
    meshConfig: [],
    proxyConfig: [],
    helm: [],
    istiodEnv: new Map(),
    proxyEnv: new Map(),
    cniEnv: new Map(),
    text: [],
    charts: new Map(),
    crossObject: new Map(),
    compatibilityVersions: catalogRelease(target.minor, releases)?.compatibilityVersions ?? []
  }
}

function compiledBase(entry: CatalogEntry, match: Match, rule: CatalogRule, severity: Severity, message: string, fix: FixSpec | undefined, optOutKey: string | undefined): Compiled {
  return {
    entry,
    match,
    rule,
    severity,
    message,
    ...(fix ? { fix } : {}),
    test: 'values' in match || 'pattern' in match || 'valueTypes' in match ? predicate(match as { values?: string[]; pattern?: string; valueTypes?: string[] }) : {},
    ...((match.type === 'env' || match.type === 'meshConfig') && match.documentWhere ? { documentConditions: compileConditions(match.documentWhere, '') } : {}),
    ...(optOutKey ? { optOutKey } : {})
  }
}

export function compilePlan(target: Release, from?: Release, releases: readonly CatalogRelease[] = CATALOG): Plan {
  const plan = emptyPlan(target, from, releases)
  for (const entry of catalogEntries(releases)) {
    const rule = ruleFor(entry, target, from)
    if (!rule) continue
    entry.match.forEach((match, i) => {
      if (match.until !== undefined && includesChange(target, match.until)) return
      if (match.since !== undefined && !includesChange(target, match.since)) return
      const fix = match.fix === null ? undefined : (match.fix ?? entry.fix)
      add(plan, compiledBase(entry, match, rule, match.severity ?? entry.severity, match.message ?? entry.message, fix, match.unlessRepository || match.ifRepository ? `${entry.id}#${i}` : undefined), match)
    })
  }
  return plan
}

/**
 * Every `unlessRepository` opt-out of the catalog as one plan, whatever the releases: a hit in any document means
 * the repository keeps the old behaviour for the match named by the hit's `optOutKey`.
 */
export function compileOptOutPlan(releases: readonly CatalogRelease[] = CATALOG): Plan | undefined {
  const newest = releases[releases.length - 1]
  if (!newest) return undefined
  const plan: Plan = { ...emptyPlan(parseRelease(newest.release), undefined, releases), optOuts: true }
  let any = false
  for (const entry of catalogEntries(releases)) {
    entry.match.forEach((match, i) => {
      // A setting keys its hits with the match's key and a mark (see `optOutsOf` and the catalog's `settle`): none for
      // a mesh-wide opt-out; `@` for a namespace's own one, to which that namespace is appended (a Namespace's name, any
      // other carrier's written namespace); `=` for one that
      // names an object, to which the name and the namespace are appended; `~` for one that must hold the finding's
      // own matched value, to which that value is appended; `+` for a setting the match needs
      // (`ifRepository`), whose findings stay only where one is set, and `+@` for a Namespace's own such setting.
      const settings = [
        ...(match.unlessRepository ?? []).map((o) => ({ o, mark: o.ownNamespace ? '@' : o.namesObject ? '=' : o.sameValue ? '~' : '' })),
        ...(match.ifRepository ?? []).map((o) => ({ o, mark: o.ownNamespace ? '+@' : '+' }))
      ]
      for (const { o, mark } of settings) {
        const { until, since, ownNamespace: _own, namesObject: _names, sameValue: _same, ...setting } = o
        const base = compiledBase(entry, setting as Match, 'behaviour-changed', 'notice', entry.message, undefined, `${entry.id}#${i}${mark}`)
        add(plan, { ...base, ...(until ? { optOutUntil: until } : {}), ...(since ? { optOutSince: Array.isArray(since) ? since : [since] } : {}) }, setting as Match)
        any = true
      }
    })
  }
  return any ? plan : undefined
}

function add(plan: Plan, base: Compiled, match: Match): void {
  switch (match.type) {
    case 'resource': {
      const compiled: CompiledResource = { ...base, match, apiVersions: new Set(match.apiVersions), conditions: perKind((kind) => compileConditions(match.where, kind)) }
      for (const kind of match.kinds) push(plan.byKind, kind, compiled)
      return
    }
    case 'field': {
      const compiled: CompiledField = {
        ...base,
        match,
        ...(match.apiVersions ? { apiVersions: new Set(match.apiVersions) } : {}),
        patterns: perKind((kind) => match.paths.flatMap((p) => expandMacros(p, kind)).map(compilePath)),
        conditions: perKind((kind) => compileConditions(match.where, kind))
      }
      for (const kind of match.kinds) {
        if (kind === '$workload') for (const w of WORKLOAD_KINDS) push(plan.byKind, w, compiled)
        else push(plan.byKind, kind, compiled)
      }
      return
    }
    case 'annotation':
    case 'label': {
      const compiled: CompiledMetadata = { ...base, match, on: new Set(match.on) }
      push(match.type === 'annotation' ? plan.annotations : plan.labels, match.key, compiled)
      if (match.type === 'label' && match.on.includes('selector') && !plan.selectorLabelKeys.includes(match.key)) plan.selectorLabelKeys.push(match.key)
      return
    }
    case 'meshConfig':
    case 'proxyConfig': {
      const compiled: CompiledTree = { ...base, patterns: match.paths.map(compilePath), conditions: compileConditions(match.where, '') }
      ;(match.type === 'meshConfig' ? plan.meshConfig : plan.proxyConfig).push(compiled)
      return
    }
    case 'helmValue': {
      plan.helm.push({
        ...base,
        match,
        patterns: match.paths.map(compilePath),
        iopPatterns: (match.iopPaths ?? defaultIopPaths(match.chart, match.paths)).map(compilePath),
        conditions: compileConditions(match.where, '')
      })
      return
    }
    case 'env': {
      const compiled: CompiledEnv = { ...base, match }
      if (match.component === 'istiod' || match.component === 'any') push(plan.istiodEnv, match.name, compiled)
      if (match.component === 'proxy' || match.component === 'any') push(plan.proxyEnv, match.name, compiled)
      if (match.component === 'cni') push(plan.cniEnv, match.name, compiled)
      return
    }
    case 'text': {
      plan.text.push({
        ...base,
        match,
        ...(match.kinds ? { kinds: new Set(match.kinds) } : {}),
        ...(match.families ? { families: new Set(match.families) } : {}),
        ...(match.contains !== undefined ? { needle: match.contains } : {}),
        ...(match.pattern !== undefined ? { regex: new RegExp(match.pattern) } : {}),
        ...(match.notUnder ? { notUnder: new Set(match.notUnder) } : {}),
        ...(match.unlessContains ? { unlessContains: match.unlessContains } : {})
      })
      return
    }
    case 'helmChart':
      for (const name of match.names) push(plan.charts, name, { ...base, conditions: compileConditions(match.where, '') })
      return
    case 'crossObject':
      push(plan.crossObject, match.check, base)
      return
  }
}

/** Findings of matches with `ifRepository`: the catalog's `settle` keeps them only where a file sets one of those settings. */
export const needsRepositoryFindings = new WeakSet<Finding>()

/** Findings of matches with `unlessRepository` opt-outs, by the match's key: the catalog's `settle` drops them when a file opts out. */
export const optOutKeyOf = new WeakMap<Finding, string>()

/** Findings of matches with `pods`, with the pod's own facts: the catalog's `settle` keeps them only if the pod's Namespace in the repository agrees. */
export const podScopeOf = new WeakMap<Finding, { scope: PodScope; facts: PodFacts }>()

/** Findings of matches with `istioRoutes`: the catalog's `settle` drops those on routes only other controllers serve. */
export const istioRouteFindings = new WeakSet<Finding>()

const plans = new Map<string, Plan>()
let optOuts: { plan: Plan | undefined } | undefined

/** The opt-out plan of the catalog (undefined when no entry has opt-outs); compiled once. */
export function optOutPlan(): Plan | undefined {
  optOuts ??= { plan: compileOptOutPlan() }
  return optOuts.plan
}

/** The compiled plan for a (target, from) pair; cached, since every document of a run shares it. */
export function planFor(target: Release, from?: Release): Plan {
  const key = `${target.version}|${from?.version ?? ''}`
  let plan = plans.get(key)
  if (!plan) {
    plan = compilePlan(target, from)
    plans.set(key, plan)
  }
  return plan
}
