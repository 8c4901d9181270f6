// Applies a compiled plan to one document: finds every catalog match with its exact position.
import { load } from 'js-yaml'
import type { ManifestDocument, PosNode, YamlPath } from '../../manifests/types.js'
import { entryAt, formatPath, nodeAt, walk } from '../../manifests/locate.js'
import { chartsInstalled, GENERIC_CHARTS, takesValuesFrom } from '../../manifests/recognise.js'
import { isIstioChartRepository } from '../../knowledge/chart-repos.js'
import type { Severity } from '../../model.js'
import type { CatalogEntry, FixSpec, PodScope } from '../../knowledge/catalog.js'
import { injectorSkips, outOfScopeAnyway, podFactsAt, podFactsOf, type PodFacts } from './pods.js'
import { isMap, passes, podTemplatePath, resolvePath, scalarText, valueAt, WORKLOAD_KINDS, type ConcretePath, type PathPattern } from './paths.js'
import type { CatalogRule, Compiled, CompiledCondition, CompiledEnv, CompiledMetadata, CompiledText, CompiledTree, Plan } from './plan.js'

/** One catalog match in a document, before it becomes a Finding. */
export interface CatalogHit {
  entry: CatalogEntry
  rule: CatalogRule
  severity: Severity
  message: string
  fix?: FixSpec
  line: number
  endLine?: number
  /** YAML path of the match in the document (embedded documents are prefixed with where they sit). */
  path: string
  /** The identifier that matched (key, env name, path), for `{name}` in messages. */
  name: string
  /** The scalar that names the matched thing (a map key, or the `name:` of an env list item). */
  keyNode?: PosNode
  /** The matched value. */
  valueNode?: PosNode
  /** The matched scalar, for `{value}`, where it has no position node (the YAML inside an annotation). */
  value?: string
  /** For text matches: the literal text searched for, to find its own line in a multi-line scalar. */
  needle?: string
  /** See `Compiled.optOutKey` and `Compiled.optOutUntil`. */
  optOutKey?: string
  optOutUntil?: string
  optOutSince?: readonly string[]
  /** The match's `istioRoutes`: dropped on a route whose parents are all Gateways of another controller. */
  istioRoutes?: true
  /** The match has `ifRepository`: dropped unless a file the run reads sets one of those settings. */
  needsRepository?: true
  /** Resource matches of Gateway API kinds: the CRD channels the match applies to (absent: every channel). */
  channels?: readonly ('standard' | 'experimental')[]
  /** The match's `pods` and the pod's own facts: settle keeps the hit only if the pod's Namespace in the repository agrees. */
  pod?: { scope: PodScope; facts: PodFacts }
}

/** The scalar a hit matched: the text of its value node, else the value it carries where it has no node (the YAML inside an annotation). */
export function matchedScalar(hit: CatalogHit): string | undefined {
  return hit.valueNode?.kind === 'scalar' ? hit.valueNode.text : hit.value
}

/** A YAML tree inside the document: the document itself, or an embedded MeshConfig / values block. */
export interface Tree {
  value: unknown
  root: PosNode | null
  /** Where the tree sits in the document, for finding paths. */
  at: YamlPath
  /** A MeshConfig tree: the Helm values (IstioOperator spec.values) that hold it, for `$values.` conditions. */
  values?: unknown
}

export interface HelmTree extends Tree {
  /** Normalised chart name, or 'istio-operator' for IstioOperator spec.values. */
  chart: string
  /** The release takes more values from elsewhere (Flux valuesFrom): a setting missing here may be set there. */
  valuesIncomplete?: true
}

const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config'

/** An empty map or list, or null: what a `where` condition with `empty: true` looks for. */
function isEmpty(v: unknown): boolean {
  return v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0)
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}

/** Position of a concrete path: the key line for map entries, else the node's own line. */
export function located(root: PosNode | null, path: YamlPath): { line: number; endLine: number; keyNode?: PosNode; valueNode?: PosNode } | undefined {
  const entry = entryAt(root, path)
  if (entry) {
    return {
      line: entry.keyNode.line,
      endLine: Math.max(entry.keyNode.endLine, entry.value?.endLine ?? entry.keyNode.line),
      keyNode: entry.keyNode,
      ...(entry.value ? { valueNode: entry.value } : {})
    }
  }
  const node = nodeAt(root, path)
  return node ? { line: node.line, endLine: node.endLine, valueNode: node } : undefined
}

export class HitCollector {
  readonly hits: CatalogHit[] = []
  private readonly seen = new Set<string>()

  /** `lines`: the file's lines, for cheap text pre-checks; without them every walk runs. */
  constructor(readonly doc: ManifestDocument, readonly plan: Plan, readonly lines?: readonly string[]) {}

  add(c: Compiled, where: { line: number; endLine?: number; keyNode?: PosNode; valueNode?: PosNode; needle?: string; value?: string }, path: YamlPath, name: string): void {
    // Matches of one entry limited to different Gateway API channels are kept apart (one of them is dropped later).
    const channels = c.match.type === 'resource' && c.match.channels ? `|${c.match.channels.join()}` : ''
    // A match that needs a repository setting is kept apart too: settle drops it, or the match it stands beside.
    const needs = c.match.ifRepository ? `|${c.optOutKey}` : ''
    // A pod-scoped match is kept apart as well: settle may drop it where a match of the other scope stays.
    const scope = c.match.pods && !this.plan.optOuts ? c.match.pods : undefined
    const key = `${this.plan.optOuts ? c.optOutKey : c.entry.id}|${c.rule}|${where.line}${channels}${needs}${scope ? `|${scope}` : ''}`
    if (this.seen.has(key)) return
    if (c.documentConditions && !conditionsHold(this.doc.value, c.documentConditions)) return
    // Pods outside the scope whatever their Namespace says (host network, an ignored namespace, inject off) report nothing.
    const pod = scope ? this.podFacts() : undefined
    if (scope && pod && outOfScopeAnyway(scope, pod)) return
    this.seen.add(key)
    const strict = this.strictMeshConfig(c, path)
    this.hits.push({
      entry: c.entry,
      rule: c.rule,
      severity: strict ? 'error' : c.severity,
      message: strict ?? c.message,
      ...(c.fix ? { fix: c.fix } : {}),
      line: where.line,
      ...(where.endLine !== undefined && where.endLine !== where.line ? { endLine: where.endLine } : {}),
      path: formatPath(path),
      name,
      ...(where.keyNode ? { keyNode: where.keyNode } : {}),
      ...(where.valueNode ? { valueNode: where.valueNode } : {}),
      ...(where.needle !== undefined ? { needle: where.needle } : {}),
      ...(where.value !== undefined ? { value: where.value } : {}),
      ...(c.optOutKey ? { optOutKey: c.optOutKey } : {}),
      ...(c.optOutUntil ? { optOutUntil: c.optOutUntil } : {}),
      ...(c.optOutSince ? { optOutSince: c.optOutSince } : {}),
      ...(c.match.istioRoutes ? { istioRoutes: true as const } : {}),
      ...(c.match.ifRepository ? { needsRepository: true as const } : {}),
      ...(c.match.type === 'resource' && c.match.channels ? { channels: c.match.channels } : {}),
      ...(scope && pod ? { pod: { scope, facts: pod } } : {})
    })
  }

  private pod: PodFacts | null | undefined

  /** The document's pod facts when it is a workload (null otherwise), read once. */
  private podFacts(): PodFacts | undefined {
    if (this.pod === undefined) this.pod = podFactsOf(this.doc.value, this.doc.resource?.kind) ?? null
    return this.pod ?? undefined
  }

  /**
   * A MeshConfig field (or enum value) too new for the target, written in an IstioOperator's meshConfig: istioctl and
   * the in-cluster operator before 1.24 unmarshal it strictly (operator/pkg/validate `validateMeshConfig`,
   * `ApplyYAMLStrict`) and refuse the install, where istiod itself would only ignore it. The message for that case.
   */
  private strictMeshConfig(c: Compiled, path: YamlPath): string | undefined {
    if (c.rule !== 'not-yet-available' && c.rule !== 'no-effect') return undefined
    if (c.match.type !== 'meshConfig' && c.match.type !== 'proxyConfig') return undefined
    if (this.doc.resource?.kind !== 'IstioOperator' || this.plan.target.major !== 1 || this.plan.target.minorNumber >= 24) return undefined
    const at = formatPath(path)
    if (!at.startsWith('spec.meshConfig.') && !at.startsWith('spec.values.meshConfig.')) return undefined
    // A no-effect meshConfig/proxyConfig entry names a field no release has (round 28: ProxyConfig outlierLogPath):
    // the same strict read refuses it.
    if (c.rule === 'no-effect') return `This IstioOperator's meshConfig sets {name}, a field no Istio release has: the istioctl and in-cluster operator of Istio ${this.plan.target.minor} read an IstioOperator's meshConfig strictly, so the install fails with an unknown field (a ConfigMap or Helm values would only ignore it); remove it.`
    return `Istio ${this.plan.target.minor} does not know meshConfig {name}, which arrives in ${c.entry.since}: its istioctl and in-cluster operator read an IstioOperator's meshConfig strictly, so the install fails with an unknown field or value (a ConfigMap or Helm values would only be ignored).`
  }

  /** Reports a concrete path of a tree, located in that tree's position tree. */
  addAt(c: Compiled, tree: Tree, path: readonly (string | number)[], name: string): void {
    const where = located(tree.root, path) ?? this.fallback(tree)
    if (where) this.add(c, where, [...tree.at, ...path], name)
  }

  /** When a position cannot be resolved (e.g. a node in a collapsed scalar), point at the tree itself. */
  private fallback(tree: Tree): { line: number } | undefined {
    if (tree.root) return { line: tree.root.line }
    const parent = located(this.doc.root, tree.at)
    return parent ? { line: parent.line } : undefined
  }
}

/** The map or list that holds the value at `path` (map keys and list indices), for `@..` conditions. */
function holderOf(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root
  for (const step of path.slice(0, -1)) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step]
    else if (isMap(current) && Object.prototype.hasOwnProperty.call(current, String(step))) current = current[String(step)]
    else return undefined
  }
  return current
}

function conditionsHold(value: unknown, conditions: readonly CompiledCondition[], relative = false, values?: unknown, parent?: unknown, podMetadata?: unknown): boolean {
  for (const c of conditions) {
    if (c.equalsGroup !== undefined || c.equalsPatterns !== undefined || c.relative !== relative) continue
    // `$annotations` / `$labels` conditions see the pod metadata only where ProxyConfig comes from proxy.istio.io/config.
    const on = c.onValues ? values : c.onPodMetadata ? podMetadata : c.parent ? parent : value
    const found = on !== undefined && c.patterns.some((p) => resolvePath(on, p).some((r) => (c.empty ? isEmpty(r.value) : passes(r.value, c))))
    if (found === c.absent) return false
  }
  return true
}

/** Conditions whose value test is a capture group of the match pattern on the matched value (`equalsGroup`). */
function groupConditionsHold(doc: unknown, matched: unknown, c: Compiled, conditions: readonly CompiledCondition[], holder?: unknown): boolean {
  for (const cond of conditions) {
    if (cond.equalsPatterns !== undefined) {
      const others = new Set(cond.equalsPatterns.flatMap((p) => resolvePath(doc, p).map((r) => scalarText(r.value))).filter((v) => v !== undefined))
      const same = cond.patterns.some((p) => resolvePath(doc, p).some((r) => {
        const v = scalarText(r.value)
        return v !== undefined && others.has(v)
      }))
      if (same === cond.absent) return false
      continue
    }
    if (cond.equalsGroup === undefined) continue
    const text = scalarText(matched)
    const group = text === undefined ? undefined : c.test.pattern?.exec(text)?.[cond.equalsGroup]
    // An `@..` condition reads the map holding the matched value (a port's own `number` next to its `targetPort`).
    const on = cond.parent ? holder : doc
    const found = group !== undefined && on !== undefined && cond.patterns.some((p) => resolvePath(on, p).some((r) => {
      const v = scalarText(r.value)
      return v !== undefined && (cond.beforeGroup ? v < group : v === group)
    }))
    if (found === cond.absent) return false
  }
  return true
}

/** Whether `value` has what the pattern's first step needs (a resolvePath that fails there finds nothing). */
function firstStepPresent(value: unknown, pattern: PathPattern): boolean {
  if (pattern.length === 0) return true
  const step = pattern[0]
  if (step.kind === 'key') return isMap(value) && Object.prototype.hasOwnProperty.call(value, step.key)
  return step.kind === 'anyKey' ? isMap(value) : Array.isArray(value)
}

/** Every match of a tree-path compiled matcher (MeshConfig, ProxyConfig, Helm) in one tree. */
function matchTree(out: HitCollector, c: CompiledTree, tree: Tree, patterns: readonly PathPattern[], prefix: ConcretePath = [], conditionsOnBase = false): void {
  const base = valueAt(tree.value, prefix)
  if (base === undefined) return
  // Most matchers of a plan name settings a tree does not have: a look at the first step settles those.
  if (!patterns.some((p) => firstStepPresent(base, p))) return
  if (!conditionsHold(conditionsOnBase ? base : tree.value, c.conditions, false, tree.values)) return
  // Values the document does not hold (Flux valuesFrom) may set what an `absent` condition looks for: stay quiet.
  if ((tree as HelmTree).valuesIncomplete && c.conditions.some((k) => k.absent && !k.relative && !k.parent && !k.onPodMetadata)) return
  for (const pattern of patterns) {
    for (const r of resolvePath(base, pattern, prefix)) {
      if (passes(r.value, c.test) && conditionsHold(r.value, c.conditions, true)) out.addAt(c, tree, r.path, formatPath(r.path.slice(prefix.length)))
    }
  }
}

/** Collects all hits of the plan in one document. */
export function collectHits(doc: ManifestDocument, plan: Plan, lines?: readonly string[]): CatalogHit[] {
  const out = new HitCollector(doc, plan, lines)
  const helmTrees = helmTreesOf(doc)
  const meshTrees = meshTreesOf(doc, helmTrees)

  if (doc.kind === 'resource' && doc.resource && isMap(doc.value)) {
    const docTree: Tree = { value: doc.value, root: doc.root, at: [] }
    checkKind(out, doc, docTree)
    checkMetadata(out, doc, docTree)
    checkIstiodEnvInResources(out, doc, docTree)
    checkProxyConfigResource(out, doc, docTree)
    checkText(out, doc)
    checkCharts(out, doc)
  } else if (isChartYaml(doc)) {
    checkChartYaml(out, doc)
  }
  for (const tree of helmTrees) checkHelm(out, tree)
  for (const tree of meshTrees) checkMesh(out, tree)
  return out.hits
}

function isChartYaml(doc: ManifestDocument): boolean {
  return /(^|\/)Chart\.ya?ml$/.test(doc.file) && isMap(doc.value) && Array.isArray(doc.value.dependencies)
}

// ---- trees -------------------------------------------------------------------------------------------

export function helmTreesOf(doc: ManifestDocument): HelmTree[] {
  const trees: HelmTree[] = doc.embedded
    .filter((e) => e.role === 'helm-values' && isMap(e.value))
    .map((e) => ({ value: e.value, root: e.root, at: e.at, chart: e.chart ?? 'istiod', ...(e.valuesIncomplete ? { valuesIncomplete: true as const } : {}) }))
  // A values document the parser recognised but did not embed: the document itself is the values.
  if (doc.kind === 'helm-values' && isMap(doc.value) && !trees.some((t) => t.at.length === 0)) {
    trees.push({ value: doc.value, root: doc.root, at: [], chart: 'istiod' })
  }
  const spec = isMap(doc.value) ? doc.value.spec : undefined
  // IstioOperator spec.values, when the parser did not already embed it.
  if (doc.family === 'istio-operator' && isMap(spec) && isMap(spec.values) && !trees.some((t) => formatPath(t.at) === 'spec.values')) {
    trees.push({ value: spec.values, root: nodeAt(doc.root, ['spec', 'values']) ?? null, at: ['spec', 'values'], chart: 'istio-operator' })
  }
  return trees
}

export function meshTreesOf(doc: ManifestDocument, helmTrees: readonly HelmTree[]): Tree[] {
  const trees: Tree[] = doc.embedded.filter((e) => e.role === 'mesh-config' && isMap(e.value)).map((e) => ({ value: e.value, root: e.root, at: e.at }))
  const have = new Set(trees.map((t) => formatPath(t.at)))
  const add = (value: unknown, root: PosNode | null, at: YamlPath): void => {
    if (!isMap(value) || have.has(formatPath(at))) return
    have.add(formatPath(at))
    trees.push({ value, root, at })
  }
  for (const h of helmTrees) {
    if (h.chart !== 'istiod' && h.chart !== 'istio-operator') continue
    if (isMap(h.value)) add(h.value.meshConfig, nodeAt(h.root, ['meshConfig']) ?? null, [...h.at, 'meshConfig'])
  }
  const spec = isMap(doc.value) ? doc.value.spec : undefined
  if (doc.family === 'istio-operator' && isMap(spec)) add(spec.meshConfig, nodeAt(doc.root, ['spec', 'meshConfig']) ?? null, ['spec', 'meshConfig'])
  // The values that hold each MeshConfig (for `$values.` conditions): the istiod chart's values around its
  // meshConfig, an IstioOperator's spec.values next to spec.meshConfig (or around spec.values.meshConfig).
  const holders = new Map<string, unknown>()
  for (const h of helmTrees) if (h.chart === 'istiod' || h.chart === 'istio-operator') holders.set(formatPath([...h.at, 'meshConfig']), h.value)
  if (doc.family === 'istio-operator' && isMap(spec) && isMap(spec.values)) holders.set('spec.meshConfig', spec.values)
  for (const t of trees) {
    const values = holders.get(formatPath(t.at))
    if (values !== undefined) t.values = values
  }
  return trees
}

// ---- resources -----------------------------------------------------------------------------------------

function checkKind(out: HitCollector, doc: ManifestDocument, tree: Tree): void {
  const { kind, apiVersion } = doc.resource!
  const compiled = out.plan.byKind.get(kind)
  if (!compiled) return
  for (const c of compiled) {
    if (c.match.type === 'resource') {
      const res = c as import('./plan.js').CompiledResource
      if (res.apiVersions.has(apiVersion) && conditionsHold(doc.value, res.conditions(kind))) out.addAt(c, tree, ['apiVersion'], `${apiVersion} ${kind}`)
      continue
    }
    const field = c as import('./plan.js').CompiledField
    if (field.apiVersions && !field.apiVersions.has(apiVersion)) continue
    const conditions = field.conditions(kind)
    if (!conditionsHold(doc.value, conditions)) continue
    // duplicates: only a value some earlier match already had (the second subset named v1, ...).
    const seen = field.match.duplicates ? new Set<string>() : undefined
    for (const pattern of field.patterns(kind)) {
      const resolved = resolvePath(doc.value, pattern)
      // duplicates with `@..` conditions: the last item of that value must meet them too (it is the one that counts,
      // e.g. a ReferenceGrant's last `to` entry of a kind; without a name it allows every object of the kind).
      const last = seen ? lastByValue(resolved) : undefined
      for (const r of resolved) {
        if (seen) {
          const text = scalarText(r.value)
          if (text === undefined) continue
          const repeated = seen.has(text)
          seen.add(text)
          if (!repeated) continue
          const final = last!.get(text)!
          if (!conditionsHold(final.value, conditions, true, undefined, holderOf(doc.value, final.path))) continue
          // ... and some item of that value must say something the last one does not (two identical `to`
          // entries, e.g. `Service a` twice, lose nothing when only the last counts).
          if (conditions.some(k => k.relative) && allHoldersEqual(doc.value, resolved, text, final.path)) continue
        }
        if (passes(r.value, c.test) && conditionsHold(r.value, conditions, true, undefined, holderOf(doc.value, r.path)) && groupConditionsHold(doc.value, r.value, c, conditions, holderOf(doc.value, r.path))) out.addAt(c, tree, r.path, formatPath(r.path))
      }
    }
  }
}

/** Whether every resolved item of value `text` sits in a map equal to the one holding the item at `finalPath`. */
function allHoldersEqual(root: unknown, resolved: readonly { value: unknown; path: readonly (string | number)[] }[], text: string, finalPath: readonly (string | number)[]): boolean {
  const want = JSON.stringify(holderOf(root, finalPath))
  return resolved.every(r => scalarText(r.value) !== text || JSON.stringify(holderOf(root, r.path)) === want)
}

/** The last resolved item of each scalar value. */
function lastByValue<R extends { value: unknown }>(resolved: readonly R[]): Map<string, R> {
  const last = new Map<string, R>()
  for (const r of resolved) {
    const text = scalarText(r.value)
    if (text !== undefined) last.set(text, r)
  }
  return last
}

interface Holder {
  /** The names (`on` values of label and annotation matches) this metadata block answers to. */
  tags: ReadonlySet<string>
  path: readonly string[]
}

const holdersByType = new Map<string, Holder[]>()

/** The metadata blocks of a resource and the names they answer to; the same for every resource of a type. */
function holdersOf(doc: ManifestDocument): Holder[] {
  const { kind, apiVersion } = doc.resource!
  const group = groupOf(apiVersion)
  const type = `${group}/${kind}`
  let holders = holdersByType.get(type)
  if (holders) return holders
  const own = new Set(['*', kind, `${kind}.${group}`])
  holders = [{ tags: own, path: ['metadata'] }]
  if (WORKLOAD_KINDS.has(kind)) {
    // Istio reads pod annotations and labels on the pod: a Pod's own metadata, or the template a controller
    // stamps pods from. A Deployment's (StatefulSet's, …) own metadata never reaches the pod, so it is only
    // `pod` for a Pod.
    const template = podTemplatePath(kind)
    if (template === '') own.add('pod')
    else holders.push({ tags: new Set(['pod']), path: [...template.split('.'), 'metadata'] })
  }
  holdersByType.set(type, holders)
  return holders
}

function checkMetadata(out: HitCollector, doc: ManifestDocument, tree: Tree): void {
  const plan = out.plan
  const wantAnnotations = plan.annotations.size > 0 || plan.proxyEnv.size > 0 || plan.proxyConfig.length > 0
  for (const holder of holdersOf(doc)) {
    const metadata = valueAt(doc.value, holder.path)
    if (!isMap(metadata)) continue
    const annotations = metadata.annotations
    if (wantAnnotations && isMap(annotations)) {
      for (const key in annotations) {
        const value = annotations[key]
        for (const c of plan.annotations.get(key) ?? []) if (applies(c, holder.tags) && passes(value, c.test)) out.addAt(c, tree, [...holder.path, 'annotations', key], key)
        if (key === PROXY_CONFIG_ANNOTATION && holder.tags.has('pod') && !podSkipped(doc, holder.path, metadata)) checkProxyConfigAnnotation(out, tree, [...holder.path, 'annotations', key], value, metadata)
      }
    }
    const labels = metadata.labels
    if (plan.labels.size > 0 && isMap(labels)) {
      for (const key in labels) {
        for (const c of plan.labels.get(key) ?? []) if (applies(c, holder.tags) && passes(labels[key], c.test)) out.addAt(c, tree, [...holder.path, 'labels', key], key)
      }
    }
  }
  if (plan.selectorLabelKeys.length > 0 && mayMention(out.lines, doc, plan.selectorLabelKeys)) checkSelectorLabels(out, doc, tree)
}

/**
 * Whether the document's own lines contain one of `words` literally: a label key in a selector is written out
 * (a key spelt with escapes in a double-quoted scalar is the exception this accepts). Without lines: true.
 */
function mayMention(lines: readonly string[] | undefined, doc: ManifestDocument, words: readonly string[]): boolean {
  if (!lines) return true
  const last = Math.min(doc.endLine, lines.length)
  for (let i = doc.line - 1; i < last; i++) {
    const line = lines[i]
    for (const word of words) if (line.includes(word)) return true
  }
  return false
}

function applies(c: CompiledMetadata, tags: ReadonlySet<string>): boolean {
  for (const on of c.on) if (tags.has(on)) return true
  return false
}

/** Label keys used in selectors: `selector`/`matchLabels`/`workloadSelector.labels` maps and `matchExpressions[].key`. */
function checkSelectorLabels(out: HitCollector, doc: ManifestDocument, tree: Tree): void {
  const labels = out.plan.labels
  // One path stack for the walk over every map and list of the document; copied only for a hit.
  const path: ConcretePath = []
  const kindOf = doc.resource?.kind
  const selectorKind = (c: CompiledMetadata): boolean => {
    const m = c.match
    if (m.selectorKinds && (kindOf === undefined || !m.selectorKinds.includes(kindOf))) return false
    if (m.notSelectorKinds && kindOf !== undefined && m.notSelectorKinds.includes(kindOf)) return false
    return true
  }
  // A match's `selectorSibling`: whether the same selector also names another key.
  const siblingOk = (c: CompiledMetadata, names: (k: string) => boolean): boolean => {
    const s = c.match.type === 'label' ? c.match.selectorSibling : undefined
    return s === undefined || names(s.key) === s.present
  }
  const report = (key: string, value: unknown, map: Record<string, unknown>): void => {
    for (const c of labels.get(key) ?? []) if (c.on.has('selector') && selectorKind(c) && passes(value, c.test) && siblingOk(c, (k) => Object.hasOwn(map, k))) out.addAt(c, tree, [...path, key], key)
  }
  // In `matchExpressions: [{key: <label>}]` the label is the value of `key`: a rename replaces that value.
  const reportExpression = (key: string, list: readonly unknown[]): void => {
    const at = located(tree.root, [...path, 'key'])
    const named = (k: string): boolean => list.some((e) => typeof e === 'object' && e !== null && (e as Record<string, unknown>).key === k)
    for (const c of labels.get(key) ?? []) {
      if (!c.on.has('selector') || !selectorKind(c) || !passes(undefined, c.test) || !siblingOk(c, named)) continue
      if (at) out.add(c, { line: at.line, ...(at.valueNode ? { keyNode: at.valueNode } : {}) }, [...tree.at, ...path, 'key'], key)
      else out.addAt(c, tree, [...path, 'key'], key)
    }
  }
  // A controller's own selector (a Deployment's `spec.selector`, a CronJob's `spec.jobTemplate.spec.selector`) must
  // match the labels of its own pod template, which Kubernetes checks on apply: those labels come from the manifest,
  // never from Istio, so a label Istio stops adding cannot leave it empty, and renaming its key there would break it.
  const kind = doc.resource?.kind
  const ownSelector = kind !== undefined && WORKLOAD_KINDS.has(kind) && kind !== 'Pod' ? [...podTemplatePath(kind).split('.').slice(0, -1), 'selector'] : undefined
  const isOwnSelector = (): boolean => ownSelector !== undefined && path.length === ownSelector.length && ownSelector.every((k, i) => path[i] === k)
  const visit = (value: unknown, parentKey: string | undefined, list?: readonly unknown[]): void => {
    if (isOwnSelector()) return
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i]
        if (typeof item !== 'object' || item === null) continue
        path.push(i)
        visit(item, parentKey, value)
        path.pop()
      }
      return
    }
    if (typeof value !== 'object' || value === null) return
    const map = value as Record<string, unknown>
    if (path[0] !== 'metadata' && isLabelMap(map, parentKey, path)) {
      for (const k in map) if (labels.has(k)) report(k, map[k], map)
      return
    }
    // `NotIn` / `DoesNotExist` select the pods WITHOUT the label: a label Istio stops adding makes such a selector
    // select more pods, never none, so the selector findings (all about a label that goes away) do not apply.
    if (parentKey === 'matchExpressions' && typeof map.key === 'string' && labels.has(map.key) && map.operator !== 'NotIn' && map.operator !== 'DoesNotExist') reportExpression(map.key, list ?? [map])
    // for...in over plain objects (own keys only: values come from YAML, prototypes hold nothing enumerable)
    // allocates nothing, where Object.keys builds an array per map.
    for (const k in map) {
      const v = map[k]
      if (typeof v !== 'object' || v === null || (k === 'metadata' && path.length === 0)) continue
      path.push(k)
      visit(v, k)
      path.pop()
    }
  }
  visit(doc.value, undefined)
}

function isLabelMap(map: Record<string, unknown>, parentKey: string | undefined, path: ConcretePath): boolean {
  if (parentKey === 'matchLabels') return true
  if (parentKey === 'labels') return path[path.length - 2] === 'workloadSelector'
  if (parentKey !== 'selector' || 'matchLabels' in map || 'matchExpressions' in map) return false
  for (const k in map) {
    const v = map[k]
    if (typeof v === 'object' && v !== null) return false
  }
  return true
}

/** Parsed proxy.istio.io/config texts: workloads of one repository tend to share a few (read only, never changed). */
const proxyConfigs = new Map<string, unknown>()

function proxyConfigOf(raw: string): unknown {
  if (proxyConfigs.has(raw)) return proxyConfigs.get(raw)
  let config: unknown
  try {
    config = load(raw)
  } catch {
    config = undefined
  }
  if (proxyConfigs.size >= 256) proxyConfigs.clear()
  proxyConfigs.set(raw, config)
  return config
}

/**
 * Whether the sidecar injector leaves the pod of this metadata block alone, so nothing reads its proxy.istio.io/config
 * (the pod scope's injector rules, src/analyze/catalog/pods.ts). A namespace's own labels live in another file and are
 * left to the entries' opt-outs.
 */
function podSkipped(doc: ManifestDocument, metadataPath: readonly string[], metadata: Record<string, unknown>): boolean {
  return injectorSkips(podFactsAt(metadata, valueAt(doc.value, [...metadataPath.slice(0, -1), 'spec']), valueAt(doc.value, ['metadata', 'namespace'])))
}

/** proxy.istio.io/config holds ProxyConfig as YAML text: its proxyMetadata and fields are checked, reported on the annotation. */
function checkProxyConfigAnnotation(out: HitCollector, tree: Tree, path: ConcretePath, raw: unknown, podMetadata: Record<string, unknown>): void {
  if (typeof raw !== 'string' || (out.plan.proxyEnv.size === 0 && out.plan.proxyConfig.length === 0)) return
  const config = proxyConfigOf(raw)
  if (!isMap(config)) return
  const at = located(tree.root, path)
  if (!at) return
  // The annotation's inner YAML has no positions of its own: every hit points at the annotation.
  const inner: Tree = { value: config, root: null, at: [] }
  // No key/value nodes: a fix must never rewrite the annotation itself.
  // Its values have no nodes either: the matched scalar is carried as text, for `{value}` in messages.
  const report = (c: Compiled, innerPath: ConcretePath, name: string, value: unknown): void => {
    const text = scalarText(value)
    out.add(c, { line: at.line, ...(text !== undefined ? { value: text } : {}) }, [...path, ...innerPath], name)
  }
  const metadata = config.proxyMetadata
  if (isMap(metadata)) {
    envMapHits(metadata, out.plan.proxyEnv, (c, name) => report(c, ['proxyMetadata', name], name, metadata[name]))
  }
  for (const c of out.plan.proxyConfig) {
    if (!conditionsHold(config, c.conditions, false, undefined, undefined, podMetadata)) continue
    for (const pattern of c.patterns) for (const r of resolvePath(inner.value, pattern)) if (passes(r.value, c.test) && conditionsHold(r.value, c.conditions, true)) report(c, r.path, formatPath(r.path), r.value)
  }
}

/**
 * Component env lists: istiod in IstioOperator components.pilot.k8s.env and a rendered istiod Deployment (container
 * discovery); the istio-cni agent in components.cni.k8s.env and a rendered DaemonSet (container install-cni).
 */
function checkIstiodEnvInResources(out: HitCollector, doc: ManifestDocument, tree: Tree): void {
  const { istiodEnv, cniEnv } = out.plan
  if (istiodEnv.size === 0 && cniEnv.size === 0) return
  const value = doc.value as Record<string, unknown>
  const iop = doc.family === 'istio-operator'
  if (iop && istiodEnv.size > 0) checkEnvList(out, tree, ['spec', 'components', 'pilot', 'k8s', 'env'], istiodEnv)
  if (iop && cniEnv.size > 0) checkEnvList(out, tree, ['spec', 'components', 'cni', 'k8s', 'env'], cniEnv)
  const kind = doc.resource!.kind
  const container = kind === 'Deployment' && istiodEnv.size > 0 ? 'discovery' : kind === 'DaemonSet' && cniEnv.size > 0 ? 'install-cni' : undefined
  if (container === undefined) return
  const containers = resolvePath(value, [{ kind: 'key', key: 'spec' }, { kind: 'key', key: 'template' }, { kind: 'key', key: 'spec' }, { kind: 'key', key: 'containers' }, { kind: 'anyItem' }])
  for (const c of containers) if (isMap(c.value) && c.value.name === container) checkEnvList(out, tree, [...c.path, 'env'], container === 'discovery' ? istiodEnv : cniEnv)
}

/** `- name: X` / `value: Y` lists: reported on the name. */
function checkEnvList(out: HitCollector, tree: Tree, listPath: ConcretePath, index: Map<string, CompiledEnv[]>): void {
  const list = resolvePath(tree.value, listPath.map((k) => (typeof k === 'number' ? { kind: 'item' as const, index: k } : { kind: 'key' as const, key: k })))[0]?.value
  if (!Array.isArray(list)) return
  list.forEach((item, i) => {
    if (!isMap(item) || typeof item.name !== 'string') return
    for (const c of index.get(item.name) ?? []) {
      if (!passes(item.value, c.test) || listSetsAnyOf(list, c)) continue
      const nameEntry = entryAt(tree.root, [...listPath, i, 'name'])
      const valueNode = nodeAt(tree.root, [...listPath, i, 'value'])
      if (!nameEntry) continue
      out.add(c, { line: nameEntry.keyNode.line, ...(nameEntry.value ? { keyNode: nameEntry.value } : {}), ...(valueNode ? { valueNode } : {}) }, [...tree.at, ...listPath, i, 'name'], item.name)
    }
  })
}

/** networking.istio.io ProxyConfig: spec.environmentVariables. */
function checkProxyConfigResource(out: HitCollector, doc: ManifestDocument, tree: Tree): void {
  if (doc.resource!.kind !== 'ProxyConfig' || groupOf(doc.resource!.apiVersion) !== 'networking.istio.io') return
  const env = valueAt(doc.value, ['spec', 'environmentVariables'])
  if (!isMap(env)) return
  envMapHits(env, out.plan.proxyEnv, (c, name) => out.addAt(c, tree, ['spec', 'environmentVariables', name], name))
}

/** Substrings in any scalar of the selected kinds; reported on the file line that holds the text. */
function checkText(out: HitCollector, doc: ManifestDocument): void {
  const candidates = out.plan.text.filter((c) => (c.kinds?.has(doc.resource!.kind) ?? false) || (doc.family !== undefined && (c.families?.has(doc.family) ?? false)))
  if (candidates.length === 0) return
  // Without a fix, one finding per document and match says enough: on the first scalar that is a bare word
  // (`- name: istio-proxy`), else on the first prose mentioning it (a policy message). With a fix, every line
  // gets its edit.
  const done = new Set<CompiledText>()
  const prose = new Map<CompiledText, { node: PosNode; path: ConcretePath }>()
  // A match reads every scalar but those under its `notUnder` keys.
  const reads = (c: CompiledText, path: readonly (string | number)[]): boolean => !(c.notUnder && path.some((k) => typeof k === 'string' && c.notUnder!.has(k)))
  // A match whose document already holds one of its unlessContains strings is done before it starts: in a scalar,
  // or in a map key (a Kyverno pattern writes `=(initContainers):` as a key).
  if (candidates.some((c) => c.unlessContains)) {
    walk(doc.root, (node, path, entry) => {
      if (path.length === 1 && path[0] === 'metadata') return 'skip'
      const texts = node.kind === 'scalar' ? [node.text] : []
      if (entry) texts.push(entry.key)
      if (texts.length === 0) return
      for (const c of candidates) {
        if (!c.unlessContains || done.has(c) || !reads(c, path)) continue
        if (c.unlessContains.some((s) => texts.some((t) => t.includes(s)))) done.add(c)
      }
    })
  }
  const report = (c: CompiledText, node: PosNode & { kind: 'scalar' }, path: readonly (string | number)[]): void =>
    out.add(c, { line: node.line, valueNode: node, ...(c.needle !== undefined ? { needle: c.needle } : {}) }, [...path], c.needle ?? c.match.pattern ?? '')
  walk(doc.root, (node, path) => {
    // A resource's own name and labels say nothing about what it matches (require-istio-proxy is a name).
    if (path.length === 1 && path[0] === 'metadata') return 'skip'
    if (node.kind !== 'scalar') return
    for (const c of candidates) {
      if (done.has(c)) continue
      if (!reads(c, path)) continue
      // With both, the substring places the finding and the pattern must hold on the whole scalar too.
      const hit = (c.needle === undefined || node.text.includes(c.needle)) && (c.regex === undefined || c.regex.test(node.text))
      if (!hit) continue
      if (!c.fix) {
        if (/\s/.test(node.text.trim())) {
          if (!prose.has(c)) prose.set(c, { node, path: [...path] })
          continue
        }
        done.add(c)
        prose.delete(c)
      }
      report(c, node, path)
    }
  })
  for (const [c, at] of prose) report(c, at.node as PosNode & { kind: 'scalar' }, at.path)
}

/** Chart names installed by a Flux HelmRelease or an Argo CD Application. */
function checkCharts(out: HitCollector, doc: ManifestDocument): void {
  if (out.plan.charts.size === 0 || doc.family !== 'helm-release') return
  const spec = (doc.value as Record<string, unknown>).spec
  if (!isMap(spec)) return
  const value = doc.value as Record<string, unknown>
  const metadata = isMap(value.metadata) ? value.metadata : {}
  const name = typeof metadata.name === 'string' ? metadata.name : undefined
  // Generic chart names (base, gateway, cni) count only where recognise took the source for Istio's.
  const istio = chartsInstalled(value).map((c) => c.at.join('.'))
  const places: { place: ConcretePath; at: YamlPath; install: ChartInstall; otherSource: boolean }[] = []
  if (doc.resource!.kind === 'HelmRelease') {
    const releaseName = typeof spec.releaseName === 'string' ? spec.releaseName : name && typeof spec.targetNamespace === 'string' ? `${spec.targetNamespace}-${name}` : name
    const chartSpec = isMap(spec.chart) && isMap(spec.chart.spec) ? spec.chart.spec : {}
    const sourceName = isMap(chartSpec.sourceRef) ? chartSpec.sourceRef.name : isMap(spec.chartRef) ? spec.chartRef.name : undefined
    const valuesIncomplete = takesValuesFrom(spec)
    places.push({ place: ['spec', 'chart', 'spec', 'chart'], at: ['spec'], install: { releaseName, installer: 'HelmRelease', values: valuesAt(doc, ['spec', 'values']), ...(valuesIncomplete ? { valuesIncomplete } : {}) }, otherSource: namesOtherSource(sourceName) })
  } else {
    // An ApplicationSet's template is an Application: its spec one level down.
    const set = doc.resource!.kind === 'ApplicationSet'
    const appSpec = set ? (isMap(spec.template) && isMap(spec.template.spec) ? spec.template.spec : {}) : spec
    const prefix: YamlPath = set ? ['spec', 'template', 'spec'] : ['spec']
    const sources: [YamlPath, unknown][] = []
    if (isMap(appSpec.source)) sources.push([[...prefix, 'source'], appSpec.source])
    if (Array.isArray(appSpec.sources)) appSpec.sources.forEach((s, i) => sources.push([[...prefix, 'sources', i], s]))
    for (const [at, source] of sources) {
      const helm = isMap(source) && isMap(source.helm) ? source.helm : {}
      const releaseName = typeof helm.releaseName === 'string' ? helm.releaseName : name
      const repo = isMap(source) ? source.repoURL : undefined
      places.push({ place: [...at, 'chart'], at, install: { releaseName, installer: doc.resource!.kind, values: valuesAt(doc, [...at, 'helm']) }, otherSource: namesOtherSource(repo) && !(isMap(source) && typeof source.path === 'string' && /istio/i.test(source.path)) })
    }
  }
  const tree: Tree = { value: doc.value, root: doc.root, at: [] }
  for (const { place, at, install, otherSource } of places) reportChart(out, tree, place, install, istio.includes(at.join('.')), otherSource)
}

/**
 * Chart names another project also publishes: Banzai Cloud's `istio-operator` is its own operator, not the one Istio
 * 1.24 removed. They count when the source is Istio's, or not named at all (as for the generic names without a source).
 */
const SHARED_CHART_NAMES = new Set(['istio-operator'])

/** A chart source (Flux source name, Argo CD repoURL, Chart.yaml repository) that is named and does not name istio. */
function namesOtherSource(source: unknown): boolean {
  return typeof source === 'string' && source !== '' && !isIstioChartRepository(source)
}

/**
 * What a chart's conditions read: the Helm release name (undefined when unknown), what installs the chart
 * (`HelmRelease`, `Application`, `ApplicationSet`; undefined for a Chart.yaml dependency) and its inline values.
 */
interface ChartInstall {
  releaseName?: string
  installer?: string
  values: unknown
  /** More values come from objects the document does not hold (Flux valuesFrom). */
  valuesIncomplete?: boolean
}

/** The inline Helm values embedded at or under `prefix` (recognise parsed them), or {}. */
function valuesAt(doc: ManifestDocument, prefix: YamlPath): unknown {
  const e = doc.embedded.find((x) => x.role === 'helm-values' && prefix.every((p, i) => x.at[i] === p))
  return e?.value ?? {}
}

function checkChartYaml(out: HitCollector, doc: ManifestDocument): void {
  if (out.plan.charts.size === 0) return
  const deps = (doc.value as Record<string, unknown>).dependencies as unknown[]
  const tree: Tree = { value: doc.value, root: doc.root, at: [] }
  // A dependency is rendered under the parent chart's release, whose name the file does not say.
  deps.forEach((d, i) => reportChart(out, tree, ['dependencies', i, 'name'], { values: {} }, isMap(d) && isIstioChartRepository(d.repository), isMap(d) && namesOtherSource(d.repository)))
}

function reportChart(out: HitCollector, tree: Tree, place: ConcretePath, install: ChartInstall, istioSource: boolean, otherSource = false): void {
  const node = nodeAt(tree.root, place)
  const name = node?.kind === 'scalar' ? node.text.split('/').pop() ?? '' : ''
  if (GENERIC_CHARTS.has(name) && !istioSource) return
  if (SHARED_CHART_NAMES.has(name) && otherSource) return
  for (const c of out.plan.charts.get(name) ?? []) {
    if (c.conditions.length && !conditionsHold(install, c.conditions)) continue
    // A `values.*` condition that wants a setting absent cannot hold when some values are out of sight.
    if (install.valuesIncomplete && c.conditions.some((k) => k.absent && k.patterns.some((p) => p[0]?.kind === 'key' && p[0].key === 'values'))) continue
    out.addAt(c, tree, place, name)
  }
}

// ---- Helm values and MeshConfig ------------------------------------------------------------------------------

function checkHelm(out: HitCollector, tree: HelmTree): void {
  const plan = out.plan
  const iop = tree.chart === 'istio-operator'
  for (const c of plan.helm) {
    if (iop) matchTree(out, c, tree, c.iopPatterns)
    else if (c.match.chart === tree.chart) matchTree(out, c, tree, c.patterns)
  }
  if (!isMap(tree.value)) return
  // istiod: pilot.env (and the istiod chart's top-level env); the istio-cni agent: the cni chart's env, which the
  // chart writes into the agent's ConfigMap (read through envFrom), also as cni.env (the chart lifts its cni:
  // block to the top, zzy_descope_legacy.yaml), and values.cni.env of an IstioOperator.
  const places: [ConcretePath, Map<string, CompiledEnv[]>][] = []
  if (plan.istiodEnv.size > 0 && (tree.chart === 'istiod' || iop)) {
    places.push([['pilot', 'env'], plan.istiodEnv])
    if (!iop) places.push([['env'], plan.istiodEnv])
  }
  if (plan.cniEnv.size > 0 && (tree.chart === 'cni' || iop)) {
    places.push([['cni', 'env'], plan.cniEnv])
    if (!iop) places.push([['env'], plan.cniEnv])
  }
  for (const [place, index] of places) {
    const env = valueAt(tree.value, place)
    if (isMap(env)) envMapHits(env, index, (c, name) => out.addAt(c, tree, [...place, name], name))
  }
}

function checkMesh(out: HitCollector, tree: Tree): void {
  const plan = out.plan
  for (const c of plan.meshConfig) matchTree(out, c, tree, c.patterns)
  // A ProxyConfig match's conditions read the same ProxyConfig (defaultConfig), as on the annotation.
  for (const c of plan.proxyConfig) matchTree(out, c, tree, c.patterns, ['defaultConfig'], true)
  if (plan.proxyEnv.size === 0 || !isMap(tree.value)) return
  const defaults = tree.value.defaultConfig
  const metadata = isMap(defaults) ? defaults.proxyMetadata : undefined
  if (isMap(metadata)) envMapHits(metadata, plan.proxyEnv, (c, name) => out.addAt(c, tree, ['defaultConfig', 'proxyMetadata', name], name))
}

/**
 * The env matches one env map trips (proxyMetadata, Helm `env`, ProxyConfig environmentVariables): each variable's
 * matches whose value test passes, unless the same map sets a variable of the match's `unlessSet`.
 */
function envMapHits(env: Record<string, unknown>, index: ReadonlyMap<string, readonly CompiledEnv[]>, report: (c: CompiledEnv, name: string) => void): void {
  for (const [name, value] of Object.entries(env)) {
    for (const c of index.get(name) ?? []) if (passes(value, c.test) && !c.match.unlessSet?.some((n) => Object.hasOwn(env, n))) report(c, name)
  }
}

/** An env match's `unlessSet` on a `- name:` list. */
function listSetsAnyOf(list: readonly unknown[], c: CompiledEnv): boolean {
  return c.match.unlessSet?.some((n) => list.some((item) => isMap(item) && item.name === n)) ?? false
}

/** Helm compatibilityVersion values in a document, with positions (Helm values of any chart and IstioOperator spec). */
export function compatibilityVersionsIn(doc: ManifestDocument): { value: string; line: number; path: string; valueNode?: PosNode }[] {
  const out: { value: string; line: number; path: string; valueNode?: PosNode }[] = []
  const add = (tree: Tree, path: ConcretePath): void => {
    const text = scalarText(valueAt(tree.value, path))
    if (text === undefined) return
    const where = located(tree.root, path)
    if (where) out.push({ value: text, line: where.line, path: formatPath([...tree.at, ...path]), ...(where.valueNode ? { valueNode: where.valueNode } : {}) })
  }
  for (const tree of helmTreesOf(doc)) add(tree, ['compatibilityVersion'])
  if (doc.family === 'istio-operator') add({ value: doc.value, root: doc.root, at: [] }, ['spec', 'compatibilityVersion'])
  return out
}
