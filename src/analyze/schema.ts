// Schema compatibility: each Istio / Gateway API / Inference Extension resource against the CRDs of
// the target release (data/schema-index.json): served apiVersions, fields, enum values, validations.
import { formatPath } from '../manifests/locate.js'
import type { MapEntry, ManifestDocument, ManifestFile, PosNode } from '../manifests/types.js'
import type { Finding, ResourceRef } from '../model.js'
import {
  compileSchemaIndex,
  type CompiledKind,
  type CompiledSchema,
  type CompiledVersion,
  type SchemaCatalog,
  type SchemaIndexData,
  type SchemaNode,
  type SchemaRule
} from '../knowledge/schema-index.js'
import { nearestName, replaceKeyFix, replaceValueFix } from './schema-fixes.js'
import { celRuleId, keywordEvaluator, type Evaluator, type Violation } from './schema-validation.js'
import type { AnalysisContext, Analyzer, RuleMeta } from './types.js'
import { installedCrds } from './catalog/cross-object.js'

export { nearestName } from './schema-fixes.js'

export const SCHEMA_RULES = {
  apiVersionNotServed: 'api-version-not-served',
  fieldNotInRelease: 'field-not-in-release',
  enumValueNotInRelease: 'enum-value-not-in-release',
  stricterValidation: 'stricter-validation',
  unknownField: 'unknown-field'
} as const

export const SCHEMA_RULE_META: RuleMeta[] = [
  { id: SCHEMA_RULES.apiVersionNotServed, description: 'The resource uses an apiVersion the target release does not serve (too new, or already removed).', defaultSeverity: 'error', fixable: true },
  { id: SCHEMA_RULES.fieldNotInRelease, description: 'A field the target release\'s CRD does not have yet, or no longer has.', defaultSeverity: 'error' },
  { id: SCHEMA_RULES.enumValueNotInRelease, description: 'An enum value the target release does not accept.', defaultSeverity: 'error' },
  { id: SCHEMA_RULES.stricterValidation, description: 'A value that a validation of the target release (limit, pattern, required field or CEL rule) rejects, where that validation differs between releases.', defaultSeverity: 'error' },
  { id: SCHEMA_RULES.unknownField, description: 'A field that no release of the CRD has: most likely a typo.', defaultSeverity: 'warning', fixable: true }
]

/** Root keys every object has; not part of the compatibility question. */
const ROOT_SKIP = new Set(['apiVersion', 'kind', 'metadata', 'status'])

/**
 * Istio API groups removed long before the oldest release istio-compat knows: no release from 1.20 on installs a
 * CRD for them, so the API server rejects every object (no matches for kind). Reported on any target.
 */
const REMOVED_GROUPS: Record<string, { what: string; removed: string; instead: string; source: string }> = {
  'config.istio.io': {
    what: 'the Mixer configuration API (handlers, instances, rules, adapters)',
    removed: '1.8',
    instead: 'use the Telemetry API, AuthorizationPolicy or WasmPlugin for what Mixer adapters did',
    source: 'https://istio.io/latest/news/releases/1.8.x/announcing-1.8/upgrade-notes/'
  },
  'rbac.istio.io': {
    what: 'the v1alpha1 RBAC API (ClusterRbacConfig, ServiceRole, ServiceRoleBinding)',
    removed: '1.6',
    instead: 'use security.istio.io AuthorizationPolicy',
    source: 'https://istio.io/latest/news/releases/1.6.x/announcing-1.6/upgrade-notes/'
  },
  'authentication.istio.io': {
    what: 'the v1alpha1 authentication policy API (Policy, MeshPolicy)',
    removed: '1.6',
    instead: 'use security.istio.io PeerAuthentication and RequestAuthentication',
    source: 'https://istio.io/latest/news/releases/1.6.x/announcing-1.6/upgrade-notes/'
  }
}
/**
 * Strategic merge patch directives (kustomize patches, kubectl patch): instructions to the merge, never fields
 * of the object: `$patch`, `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`.
 */
const PATCH_DIRECTIVE = /^\$(?:patch|retainKeys)$|^\$(?:setElementOrder|deleteFromPrimitiveList)\//

/** A map that a strategic merge patch deletes or replaces wholesale ({$patch: delete} in a list): not an object to validate. */
function isPatchMarker(pos: PosNode & { kind: 'map' }): boolean {
  return pos.entries.some((e) => e.key === '$patch' && e.value?.kind === 'scalar' && e.value.text === 'delete')
}
const NO_FINDINGS: Finding[] = []

/** An analyzer over `data` (default: the committed index); the index is compiled on first use. */
export function createSchemaAnalyzer(data?: SchemaIndexData): Analyzer {
  let checker: SchemaChecker | undefined
  return {
    meta: SCHEMA_RULE_META,
    check: (doc, ctx) => (checker ??= new SchemaChecker(compileSchemaIndex(data))).check(doc, ctx),
    settle: settleInstalled
  }
}

/**
 * An apiVersion the Gateway API (or Inference Extension) release Istio pins does not serve, with what a repository's
 * own CRDs would have to serve for the finding not to hold: Istio only reads these kinds, the user installs the CRDs.
 */
interface PinnedVersionClaim {
  /** `<group>/<kind>` */
  key: string
  version: string
  /** The versions of the kind the target's pinned CRDs serve: the ones that release's Istio knows how to read. */
  reads: string[]
}
const pinnedClaims = new WeakMap<Finding, PinnedVersionClaim>()

/**
 * Drops the "not served" findings that the repository's own Gateway API CRDs answer: when a CRD the run reads serves the
 * resource's apiVersion and also a version the target's Istio reads, the API server stores the object and hands it to
 * Istio at the version it watches (these CRDs convert without a webhook, so every served version holds the same object).
 */
function settleInstalled(findings: Finding[], ctx: AnalysisContext): Finding[] {
  if (!findings.some((f) => pinnedClaims.has(f))) return findings
  const installed = installedCrds(ctx.pairingFiles?.length ? [...ctx.files, ...ctx.pairingFiles] : ctx.files)
  if (installed.size === 0) return findings
  return findings.filter((f) => {
    const claim = pinnedClaims.get(f)
    const served = claim && installed.get(claim.key)
    return !(claim && served && served.has(claim.version) && claim.reads.some((v) => served.has(v)))
  })
}

/** The analyzer over the committed index. */
export const schemaAnalyzer: Analyzer = createSchemaAnalyzer()

// ---------------------------------------------------------------------------------------------

interface CompiledRule {
  rule: SchemaRule
  evaluate: Evaluator
  /** Releases applying this rule or a rewrite of it: where "added in" / "dropped in" come from. */
  lineage: number
}

interface WalkState {
  doc: ManifestDocument
  resource: ResourceRef
  kind: CompiledKind
  /** Index of the target release in the catalog and its bit. */
  t: number
  bit: number
  path: (string | number)[]
  findings: Finding[]
  files: readonly ManifestFile[]
  /** The cluster runs the standard channel of the Gateway API CRDs and it serves this apiVersion: experimental-only fields count as missing. */
  standardOnly: boolean
  /** Anchored maps already merged in (created on the first `<<`). */
  visitedMerges?: Set<PosNode>
}

class SchemaChecker {
  private readonly compiledRules = new Map<SchemaNode, CompiledRule[]>()
  private readonly byKindName = new Map<string, CompiledKind[]>()

  constructor(private readonly catalog: SchemaCatalog) {
    for (const kind of catalog.kinds.values()) {
      const list = this.byKindName.get(kind.kind) ?? []
      list.push(kind)
      this.byKindName.set(kind.kind, list)
    }
  }

  check(doc: ManifestDocument, ctx: AnalysisContext): Finding[] {
    const resource = doc.resource
    if (doc.kind !== 'resource' || !resource || doc.root?.kind !== 'map') return NO_FINDINGS
    const kind = this.catalog.kindOf(resource.apiVersion, resource.kind)
    if (!kind) return this.removedGroup(doc, resource)
    const t = this.catalog.releaseIndex(ctx.target.minor)
    if (t < 0) return NO_FINDINGS
    const st: WalkState = {
      doc, resource, kind, t, bit: 1 << t, path: [], findings: [], files: ctx.files, standardOnly: false
    }
    const versionName = resource.apiVersion.slice(resource.apiVersion.lastIndexOf('/') + 1)
    const version = kind.versions.get(versionName)
    let schema: CompiledSchema | undefined = version?.schema
    const standardChannel = kind.family === 'gateway-api' && ctx.gatewayApiChannel === 'standard'
    if (!version || !(version.served & st.bit)) {
      this.apiVersionNotServed(st, versionName, version)
      // Fields are still checked when a sibling apiVersion with the same schema is served (the fix moves there).
      if (!schema || !(schema.mask & st.bit)) schema = undefined
    } else if (standardChannel && !(version.standard & st.bit)) {
      this.apiVersionNotServed(st, versionName, version, true)
    } else if (standardChannel) {
      st.standardOnly = true
    }
    if (schema) this.walk(doc.root, doc.value, schema.root, undefined, st, true)
    return st.findings.length > 1 ? dedupe(st.findings) : st.findings
  }

  // ---- apiVersion ---------------------------------------------------------------------------

  private removedGroup(doc: ManifestDocument, resource: ResourceRef): Finding[] {
    const slash = resource.apiVersion.lastIndexOf('/')
    const removed = slash > 0 ? REMOVED_GROUPS[resource.apiVersion.slice(0, slash)] : undefined
    if (!removed) return NO_FINDINGS
    const line = rootEntry(doc.root, 'apiVersion')?.value?.line ?? doc.line
    const first = this.catalog.releases[0]
    const last = this.catalog.releases.at(-1)
    const message = `${resource.kind} ${resource.apiVersion} belongs to ${removed.what}, removed in Istio ${removed.removed}: no release from ${first} to ${last} has a CRD for it, so the API server rejects the object; ${removed.instead}.`
    return [{ rule: SCHEMA_RULES.apiVersionNotServed, severity: 'error', message, file: doc.file, line, resource, path: 'apiVersion', source: removed.source }]
  }

  private apiVersionNotServed(st: WalkState, versionName: string, version: CompiledVersion | undefined, experimentalOnly = false): void {
    const { kind, resource } = st
    const entry = rootEntry(st.doc.root, 'apiVersion')
    const line = entry?.value?.line ?? st.doc.line
    const servedHere = [...kind.versions.values()].filter((v) => v.served & st.bit && (!experimentalOnly || v.standard & st.bit))
    let message: string
    if (experimentalOnly && version) {
      message = `${resource.kind} ${resource.apiVersion} is served by ${this.where(st.kind, st.t)} only in the experimental channel, and the cluster runs the standard channel (gateway-api-channel: standard)` +
        `${version.standard ? `; the standard channel serves it in ${this.catalog.formatMask(version.standard)}` : ''}.`
    } else if (!version) {
      const all = [...kind.versions.keys()].map((v) => `${kind.group}/${v}`).join(', ')
      message = `${resource.kind} ${resource.apiVersion} is not served by any release from ${this.catalog.releases[0]} to ${this.catalog.releases.at(-1)}; known apiVersions: ${all}.`
    } else {
      message = `${resource.kind} ${resource.apiVersion} is not served by ${this.where(st.kind, st.t)}; ${this.availability(kind, version.served, st.t)}.`
    }
    const channel = (v: CompiledVersion) => (v.standard & st.bit ? '' : ' (experimental channel)')
    if (servedHere.length) message += ` ${this.where(st.kind, st.t)} serves ${servedHere.map((v) => `${kind.group}/${v.name}${channel(v)}`).join(', ')}.`
    else {
      const others = (this.byKindName.get(kind.kind) ?? []).filter((k) => k !== kind && [...k.versions.values()].some((v) => v.served & st.bit))
      if (others.length) message += ` ${this.where(st.kind, st.t)} serves ${kind.kind} only as ${others.map((k) => [...k.versions.values()].filter((v) => v.served & st.bit).map((v) => `${k.group}/${v.name}`).join(', ')).join(', ')}, with a different schema.`
      else if (kind.family === 'inference' && !this.catalog.pins[this.catalog.releases[st.t]]?.inference) message += ` Istio ${this.catalog.releases[st.t]} does not support the Gateway API Inference Extension.`
    }
    const finding = this.finding(st, SCHEMA_RULES.apiVersionNotServed, line, message, 'apiVersion', this.source(kind, version ? firstOf(version.served, st.t) : st.t))
    if (!experimentalOnly && kind.family !== 'istio') pinnedClaims.set(finding, { key: `${kind.group}/${kind.kind}`, version: versionName, reads: [...kind.versions.values()].filter((v) => v.served & st.bit).map((v) => v.name) })
    const candidate = this.equivalentVersion(st, version)
    if (candidate && entry?.value) {
      const same = candidate.schema === version?.schema
      const why = same ? `${this.where(st.kind, st.t)} serves it with the same schema as ${resource.apiVersion}` : `every field this resource sets exists there in ${this.where(st.kind, st.t)}`
      const fix = replaceValueFix(fileLines(st), entry.value, resource.apiVersion, `${kind.group}/${candidate.name}`, `Use ${kind.group}/${candidate.name}: ${why}`)
      if (fix) finding.fix = fix
    }
    st.findings.push(finding)
  }

  /** A served apiVersion of the same kind under which every field and enum value of the document exists in the target. */
  private equivalentVersion(st: WalkState, current: CompiledVersion | undefined): CompiledVersion | undefined {
    // Same schema lineage first (identical wherever both are served), newest first; a Gateway API version only
    // the experimental channel serves is not offered: the cluster may well run the standard channel.
    const candidates = [...st.kind.versions.values()].filter((v) => v.standard & st.bit).sort((a, b) => Number(b.schema === current?.schema) - Number(a.schema === current?.schema))
    for (const v of candidates) {
      if (v.schema === current?.schema || fits(st.doc.root, st.doc.value, v.schema.root, st.bit, true)) return v
    }
    return undefined
  }

  // ---- the walk -----------------------------------------------------------------------------

  private walk(pos: PosNode | null, value: unknown, node: SchemaNode, keyLine: number | undefined, st: WalkState, isRoot = false): void {
    // Aliases are checked where their anchor is (walking them again would also open the door to alias bombs).
    if (!pos || pos.kind === 'alias') return
    if (pos.kind === 'map' && isPatchMarker(pos)) return
    if (node.rules) this.checkRules(pos, value, node, keyLine, st)
    if (pos.kind === 'map') {
      if (node.props) this.walkProps(pos.entries, value, node, st, isRoot)
      else if (node.values) {
        const values = node.values
        for (const e of pos.entries) {
          if (e.key === '<<') continue
          st.path.push(e.key)
          this.walk(e.value, member(value, e.key), values, e.keyNode.line, st)
          st.path.pop()
        }
      }
    } else if (pos.kind === 'seq') {
      const items = node.items
      if (!items) return
      for (let i = 0; i < pos.items.length; i++) {
        st.path.push(i)
        this.walk(pos.items[i], Array.isArray(value) ? value[i] : undefined, items, undefined, st)
        st.path.pop()
      }
    } else if (node.enumValues) {
      const text = enumText(value)
      if (text !== undefined) this.checkEnum(pos, text, node, st)
    }
  }

  private walkProps(entries: readonly MapEntry[], value: unknown, node: SchemaNode, st: WalkState, isRoot: boolean, own?: readonly MapEntry[]): void {
    const props = node.props as Map<string, SchemaNode>
    for (const e of entries) {
      if (e.key === '<<') {
        this.walkMerge(e, entries, value, node, st, isRoot)
        continue
      }
      // Keys merged in from an anchor lose against the map's own keys.
      if (own && own.some((o) => o.key === e.key)) continue
      if (isRoot && ROOT_SKIP.has(e.key)) continue
      if (PATCH_DIRECTIVE.test(e.key)) continue
      const child = props.get(e.key)
      st.path.push(e.key)
      if (!child) {
        if (!node.open) this.unknownField(e, node, st, own ?? entries)
      } else if (!(child.mask & st.bit)) {
        if (!node.open) this.fieldNotInRelease(e, child, st)
      } else if (st.standardOnly && child.experimental & st.bit && !node.open) {
        this.experimentalOnly(e.keyNode.line, formatPath(st.path), `a field of ${st.resource.kind}`, child.mask & ~child.experimental, st, e.value?.endLine)
      } else {
        this.walk(e.value, member(value, e.key), child, e.keyNode.line, st)
      }
      st.path.pop()
    }
  }

  private walkMerge(entry: MapEntry, own: readonly MapEntry[], value: unknown, node: SchemaNode, st: WalkState, isRoot: boolean): void {
    const source = entry.value?.kind === 'alias' ? entry.value.target : entry.value
    const sources = source?.kind === 'seq' ? source.items.map((i) => (i.kind === 'alias' ? i.target : i)) : [source]
    for (const s of sources) {
      st.visitedMerges ??= new Set()
      if (s?.kind !== 'map' || st.visitedMerges.has(s)) continue
      st.visitedMerges.add(s)
      this.walkProps(s.entries, value, node, st, isRoot, own)
    }
  }

  private checkEnum(pos: PosNode, value: string, node: SchemaNode, st: WalkState): void {
    const values = node.enumValues as Map<string, number>
    const mask = values.get(value)
    if (mask !== undefined && mask & st.bit) {
      const experimental = st.standardOnly ? node.experimentalValues?.get(value) ?? 0 : 0
      if (experimental & st.bit) this.experimentalOnly(pos.line, formatPath(st.path), `an allowed value (${value})`, mask & ~experimental, st, undefined, SCHEMA_RULES.enumValueNotInRelease)
      return
    }
    const path = formatPath(st.path)
    let message: string
    if (mask !== undefined) {
      message = `${path}: ${value} is not an allowed value in ${this.where(st.kind, st.t)}; ${this.availability(st.kind, mask, st.t)}.`
    } else {
      const allowed = [...values].filter(([, m]) => m & st.bit).map(([v]) => v)
      const near = nearestName(value, [...values.keys()])
      message = `${path}: ${value} is not an allowed value in any release; ${this.where(st.kind, st.t)} accepts ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}.`
    }
    st.findings.push(this.finding(st, SCHEMA_RULES.enumValueNotInRelease, pos.line, message, path, this.source(st.kind, mask !== undefined ? firstOf(mask, st.t) : st.t)))
  }

  private fieldNotInRelease(e: MapEntry, child: SchemaNode, st: WalkState): void {
    const path = formatPath(st.path)
    const message = `${path} is not a field of ${st.resource.kind} in ${this.where(st.kind, st.t)}; ${this.availability(st.kind, child.mask, st.t)}.`
    st.findings.push(this.finding(st, SCHEMA_RULES.fieldNotInRelease, e.keyNode.line, message, path, this.source(st.kind, firstOf(child.mask, st.t)), e.value?.endLine))
  }

  /** A field or value the target's Gateway API CRDs have only in the experimental channel, for a cluster on the standard channel. */
  private experimentalOnly(line: number, path: string, what: string, standardMask: number, st: WalkState, endLine?: number, rule: string = SCHEMA_RULES.fieldNotInRelease): void {
    let later = -1
    for (let i = st.t + 1; i < this.catalog.releases.length; i++) if (standardMask & (1 << i)) { later = i; break }
    const message = `${path} is ${what} only in the experimental channel of ${this.where(st.kind, st.t)}, and the cluster runs the standard channel (gateway-api-channel: standard), whose CRD does not have it (kubectl rejects it, or the API server drops it)` +
      `${later >= 0 ? `; the standard channel has it from ${this.label(st.kind, later)}` : ''}.`
    st.findings.push(this.finding(st, rule, line, message, path, this.source(st.kind, st.t), endLine))
  }

  private unknownField(e: MapEntry, node: SchemaNode, st: WalkState, siblings: readonly MapEntry[]): void {
    const path = formatPath(st.path)
    const names = [...(node.props as Map<string, SchemaNode>).keys()]
    const near = nearestName(e.key, names)
    const first = this.catalog.releases[0]
    const last = this.catalog.releases.at(-1)
    const message = `${path} is not a field of ${st.resource.kind} in any release from ${first} to ${last}${near ? `; did you mean ${near}?` : '.'}`
    const finding = this.finding(st, SCHEMA_RULES.unknownField, e.keyNode.line, message, path, undefined, e.value?.endLine)
    if (near) {
      const nearNode = (node.props as Map<string, SchemaNode>).get(near) as SchemaNode
      if (nearNode.mask & st.bit && !siblings.some((s) => s.key === near)) {
        const fix = replaceKeyFix(fileLines(st), e, near)
        if (fix) finding.fix = fix
      }
    }
    st.findings.push(finding)
  }

  // ---- validations --------------------------------------------------------------------------

  private checkRules(pos: PosNode, value: unknown, node: SchemaNode, keyLine: number | undefined, st: WalkState): void {
    for (const c of this.rulesOf(node)) {
      if (!(c.rule.mask & st.bit)) continue
      const violation = c.evaluate(value)
      if (violation) this.stricterValidation(pos, c, violation, keyLine, st)
    }
  }

  private rulesOf(node: SchemaNode): CompiledRule[] {
    let list = this.compiledRules.get(node)
    if (list) return list
    list = []
    const lineageOf = new Map<string, number>()
    const ids: (string | undefined)[] = []
    for (const rule of node.rules ?? []) {
      const id = rule.kind === 'cel' ? celRuleId(rule.value as string) : `${rule.kind}:${JSON.stringify(rule.value)}`
      ids.push(id)
      if (id) lineageOf.set(id, (lineageOf.get(id) ?? 0) | rule.mask)
    }
    ;(node.rules ?? []).forEach((rule, i) => {
      const evaluate = keywordEvaluator(rule.kind, rule.value)
      const id = ids[i]
      if (evaluate && id) list!.push({ rule, evaluate, lineage: lineageOf.get(id) as number })
    })
    this.compiledRules.set(node, list)
    return list
  }

  private stricterValidation(pos: PosNode, c: CompiledRule, v: Violation, keyLine: number | undefined, st: WalkState): void {
    const atPath = v.at === undefined ? st.path : [...st.path, v.at]
    const path = formatPath(atPath)
    let line = pos.kind === 'scalar' ? pos.line : keyLine ?? pos.line
    if (v.at !== undefined) line = childLine(pos, v.at) ?? line
    const what = c.rule.kind === 'cel' && c.rule.message ? `${c.rule.message} (${formatPath(st.path) || st.resource.kind} ${v.detail})` : `${formatPath(st.path) || st.resource.kind} ${v.detail}`
    const message = `${this.where(st.kind, st.t)} rejects this: ${what}; ${this.ruleHistory(c.lineage, st.t)}.`
    st.findings.push(this.finding(st, SCHEMA_RULES.stricterValidation, line, message, path, this.source(st.kind, st.t)))
  }

  // ---- wording --------------------------------------------------------------------------------

  /** Whose CRDs the target uses: "Istio 1.28" or "Istio 1.28 (Gateway API v1.4.1)". */
  private where(kind: CompiledKind, t: number): string {
    const release = this.catalog.releases[t]
    const pin = this.catalog.pins[release]
    if (kind.family === 'gateway-api') return `Istio ${release} (Gateway API ${pin.gatewayApi})`
    if (kind.family === 'inference' && pin.inference) return `Istio ${release} (Inference Extension ${pin.inference})`
    return `Istio ${release}`
  }

  /** Where else the thing exists: "added in 1.27", "removed in 1.31 (last in 1.30)", "only in 1.22-1.23". */
  private availability(kind: CompiledKind, mask: number, t: number): string {
    const rs = this.catalog.releases
    let after = -1
    for (let i = t + 1; i < rs.length; i++) if (mask & (1 << i)) { after = i; break }
    let before = -1
    for (let i = t - 1; i >= 0; i--) if (mask & (1 << i)) { before = i; break }
    if (after >= 0 && before < 0) return `added in ${this.label(kind, after)}`
    if (before >= 0 && after < 0) return `removed in ${this.label(kind, before + 1)} (last in ${rs[before]})`
    if (before >= 0 && after >= 0) return `only in ${this.catalog.formatMask(mask)}`
    return 'in no release'
  }

  /** The releases of a validation around the target: "added in 1.23", "applies in 1.20-1.26, dropped in 1.27". */
  private ruleHistory(lineage: number, t: number): string {
    const rs = this.catalog.releases
    let a = t
    while (a > 0 && lineage & (1 << (a - 1))) a--
    let b = t
    while (b + 1 < rs.length && lineage & (1 << (b + 1))) b++
    const parts: string[] = []
    parts.push(a > 0 ? `validation added in ${rs[a]}` : `validation present since ${rs[0]}`)
    if (b + 1 < rs.length) parts.push(`dropped in ${rs[b + 1]}`)
    return parts.join(', ')
  }

  /** "1.30" or, for Gateway API / Inference, "1.30 (Gateway API v1.5.1)": the version that brought the change. */
  private label(kind: CompiledKind, i: number): string {
    const release = this.catalog.releases[i]
    const pin = this.catalog.pins[release]
    if (kind.family === 'gateway-api') return `${release} (Gateway API ${pin.gatewayApi})`
    if (kind.family === 'inference' && pin.inference) return `${release} (Inference Extension ${pin.inference})`
    return release
  }

  /** Upstream CRD file the statement rests on. */
  private source(kind: CompiledKind, t: number): string | undefined {
    const release = this.catalog.releases[t]
    const pin = this.catalog.pins[release]
    if (!pin) return undefined
    if (kind.family === 'gateway-api') return `https://github.com/kubernetes-sigs/gateway-api/tree/${pin.gatewayApi}/config/crd (pinned by Istio ${release})`
    if (kind.family === 'inference') {
      if (!pin.inference) return undefined
      const ref = /-([0-9a-f]{12})$/.exec(pin.inference)?.[1] ?? pin.inference
      return `https://github.com/kubernetes-sigs/gateway-api-inference-extension/tree/${ref}/config/crd (pinned by Istio ${release})`
    }
    return pin.istioCrdFile ? `https://github.com/istio/istio/blob/${pin.istio}/${pin.istioCrdFile}` : undefined
  }

  private finding(st: WalkState, rule: string, line: number, message: string, path: string, source: string | undefined, endLine?: number): Finding {
    const f: Finding = { rule, severity: rule === SCHEMA_RULES.unknownField ? 'warning' : 'error', message, file: st.doc.file, line, resource: st.resource, path }
    if (endLine !== undefined && endLine > line) f.endLine = endLine
    if (source) f.source = source
    return f
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
}

function rootEntry(root: PosNode | null, key: string): MapEntry | undefined {
  return root?.kind === 'map' ? root.entries.find((e) => e.key === key) : undefined
}

/** The nearest release in `mask` at or after `t`, else before it (for citing a source). */
function firstOf(mask: number, t: number): number {
  for (let i = t; i < 31; i++) if (mask & (1 << i)) return i
  for (let i = t; i >= 0; i--) if (mask & (1 << i)) return i
  return t
}

function childLine(pos: PosNode, at: string | number): number | undefined {
  if (pos.kind === 'map' && typeof at === 'string') return pos.entries.find((e) => e.key === at)?.keyNode.line
  if (pos.kind === 'seq' && typeof at === 'number') return pos.items[at]?.line
  return undefined
}

/** True when every field and enum value of the document exists in `root` for the release bit. */
function fits(pos: PosNode | null, value: unknown, node: SchemaNode, bit: number, isRoot = false): boolean {
  if (!pos || pos.kind === 'alias') return true
  if (pos.kind === 'map') {
    for (const e of pos.entries) {
      if (e.key === '<<' || (isRoot && ROOT_SKIP.has(e.key))) continue
      const child = node.props ? node.props.get(e.key) : node.values
      if (!child) {
        if (node.open || (!node.props && !node.values)) continue
        return false
      }
      if (!(child.mask & bit) && !node.open) return false
      if (!fits(e.value, member(value, e.key), child, bit)) return false
    }
    return true
  }
  if (pos.kind === 'seq') return !node.items || pos.items.every((item, i) => fits(item, Array.isArray(value) ? value[i] : undefined, node.items as SchemaNode, bit))
  const text = enumText(value)
  if (node.enumValues && text !== undefined) return ((node.enumValues.get(text) ?? 0) & bit) !== 0
  return true
}

/**
 * A scalar as the index spells enum values (String of the CRD's enum entry), so integer enums (HTTPRoute
 * requestRedirect.statusCode) are checked like string ones. Booleans are left alone: the only boolean enum
 * (CORS allowCredentials, `[true]` in Gateway API 1.3–1.4) lost its list in 1.5, and the index cannot tell a
 * release without a list from a value no list ever had, so `false` would be reported on releases that accept it.
 */
function enumText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

function fileLines(st: WalkState): readonly string[] | undefined {
  return st.files.find((f) => f.path === st.doc.file)?.lines
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.line}\u0000${f.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
