// The release catalog as an analyzer: what a manifest shows that the target (or the upgrade to it) changes.
import type { Finding } from '../model.js'
import type { ManifestDocument, ManifestFile } from '../manifests/types.js'
import { entryAt } from '../manifests/locate.js'
import type { AnalysisContext, Analyzer, RuleMeta } from './types.js'
import { collectHits, compatibilityVersionsIn, matchedScalar, type CatalogHit } from './catalog/collect.js'
import { buildFix, lineHolding } from './catalog/fix.js'
import { istioRouteFindings, needsRepositoryFindings, optOutKeyOf, planFor, podScopeOf, type CatalogRule, type Plan } from './catalog/plan.js'
import { kubernetesFindings, KUBERNETES_RULE } from './catalog/kubernetes.js'
import { helmValueFindings, HELM_VALUE_RULES } from './helm-values.js'
import { crossObjectFindings, noteDocument, optedOut, repositoryNamespaces, servedOnlyByOthers } from './catalog/cross-object.js'
import { inPodScope } from './catalog/pods.js'
import { isIstioChartProfile } from './catalog/profile.js'
import { skewFindings, SKEW_RULE, upgradePathFindings, UPGRADE_PATH_RULE } from './catalog/upgrade.js'

export const COMPATIBILITY_RULE = 'compatibility-version-unsupported'

export const CATALOG_RULES: RuleMeta[] = [
  { id: 'removed-feature', description: 'The manifest uses something the target Istio release removed or stopped honouring.', defaultSeverity: 'error', fixable: true },
  { id: 'not-yet-available', description: 'The manifest uses something that only exists in a newer Istio release than the target.', defaultSeverity: 'error', fixable: true },
  { id: 'deprecated', description: 'The manifest uses something the target Istio release deprecates.', defaultSeverity: 'warning', fixable: true },
  { id: 'no-effect', description: 'An identifier Istio never reads (usually a typo copied from the release notes).', defaultSeverity: 'error', fixable: true },
  { id: 'default-changed', description: 'A default the manifest relies on changes between the release the mesh runs and the target.', defaultSeverity: 'warning' },
  { id: 'behaviour-changed', description: 'Istio behaves differently for this manifest after the upgrade to the target.', defaultSeverity: 'warning' },
  { id: COMPATIBILITY_RULE, description: 'Helm compatibilityVersion names a profile the target release does not ship.', defaultSeverity: 'error', fixable: true },
  { id: KUBERNETES_RULE, description: 'The Kubernetes version is outside the range the target Istio release supports.', defaultSeverity: 'error' },
  { id: UPGRADE_PATH_RULE, description: 'The upgrade from the running release to the target crosses more minor releases than Istio supports in one step.', defaultSeverity: 'warning' },
  { id: SKEW_RULE, description: 'A gateway (data plane) is pinned to a release the control plane release does not support: newer, or more than one minor older.', defaultSeverity: 'warning' },
  ...HELM_VALUE_RULES
]

const linesByFile = new WeakMap<readonly ManifestFile[], Map<string, readonly string[]>>()

function linesOf(ctx: AnalysisContext, file: string): readonly string[] {
  let index = linesByFile.get(ctx.files)
  if (!index) {
    index = new Map(ctx.files.map((f) => [f.path, f.lines]))
    linesByFile.set(ctx.files, index)
  }
  return index.get(file) ?? []
}

const pathsByFiles = new WeakMap<readonly ManifestFile[], ReadonlySet<string>>()

function filePathsOf(ctx: AnalysisContext): ReadonlySet<string> {
  if (ctx.repositoryPaths) return ctx.repositoryPaths
  let paths = pathsByFiles.get(ctx.files)
  if (!paths) {
    paths = new Set(ctx.files.map((f) => f.path))
    pathsByFiles.set(ctx.files, paths)
  }
  return paths
}

/** A catalog hit with the entry it comes from, for callers that need more than the Finding (tests, suppressions). */
export interface CatalogFinding {
  entryId: string
  finding: Finding
}

/** The scalar a finding matched (a selector's label value), for `sameValue` opt-outs. */
const matchedValueOf = new WeakMap<Finding, string>()

/** `{name}` becomes the matched key, variable or path; `{value}` the matched scalar (or the name when there is none). */
function renderMessage(hit: CatalogHit): string {
  const value = matchedScalar(hit) ?? hit.name
  return hit.message.split('{name}').join(hit.name).split('{value}').join(value)
}

function toFinding(doc: ManifestDocument, hit: CatalogHit, lines: readonly string[]): Finding {
  const line = hit.needle !== undefined && hit.valueNode ? lineHolding(hit.valueNode, hit.needle, lines) : hit.line
  const fix = hit.fix ? buildFix(hit.fix, hit, lines) : undefined
  const source = hit.entry.sources[0]
  const finding: Finding = {
    rule: hit.rule,
    severity: hit.severity,
    message: renderMessage(hit),
    file: doc.file,
    line,
    ...(hit.endLine !== undefined && hit.endLine > line ? { endLine: hit.endLine } : {}),
    ...(doc.resource ? { resource: doc.resource } : {}),
    path: hit.path,
    ...(fix ? { fix } : {}),
    source: source.refs?.length ? `${source.url} (${source.refs.join(', ')})` : source.url
  }
  if (hit.optOutKey) optOutKeyOf.set(finding, hit.optOutKey)
  const held = matchedScalar(hit)
  if (hit.optOutKey && held) matchedValueOf.set(finding, held)
  if (hit.istioRoutes) istioRouteFindings.add(finding)
  if (hit.needsRepository) needsRepositoryFindings.add(finding)
  if (hit.pod) podScopeOf.set(finding, hit.pod)
  return finding
}

/** Helm compatibilityVersion: accepted values of the target, and the YAML float trap (1.30 read as 1.3). */
function compatibilityFindings(doc: ManifestDocument, ctx: AnalysisContext, lines: readonly string[]): Finding[] {
  const plan = planFor(ctx.target, ctx.from)
  const out: Finding[] = []
  for (const found of compatibilityVersionsIn(doc)) {
    const node = found.valueNode
    const text = node?.kind === 'scalar' ? node.text : found.value
    const base = { rule: COMPATIBILITY_RULE, file: doc.file, line: found.line, path: found.path, ...(doc.resource ? { resource: doc.resource } : {}) }
    if (node?.kind === 'scalar' && node.style === 'plain' && /^\d+\.\d+0$/.test(text)) {
      const line = lines[node.line - 1] ?? ''
      const quoted = line.replace(new RegExp(`(:\\s*)${text.replace('.', '\\.')}(?=\\s*(#.*)?$)`), `$1"${text}"`)
      const fix = quoted !== line ? { description: `Quote ${text}`, edits: [{ startLine: node.line, endLine: node.line, replacement: quoted }] } : undefined
      out.push({ ...base, severity: 'error', message: `compatibilityVersion ${text} is unquoted, so YAML reads it as the number ${Number(text)} and Helm looks for a profile that does not exist; write "${text}".`, ...(fix ? { fix } : {}) })
      continue
    }
    if (plan.compatibilityVersions.length === 0) {
      out.push({ ...base, severity: 'warning', message: `Istio ${ctx.target.version} has no compatibilityVersion setting (it arrived in 1.21), so ${text} is ignored.` })
    } else if (!plan.compatibilityVersions.includes(text)) {
      out.push({ ...base, severity: 'error', message: `Istio ${ctx.target.version} ships compatibility profiles ${plan.compatibilityVersions.join(', ')} only; compatibilityVersion ${text} makes the install fail.` })
    }
  }
  return out
}

/**
 * IstioOperator components and addons that no release from 1.20 on has (removed with Mixer, Citadel and Galley in
 * 1.5–1.8): istioctl decodes IstioOperator strictly and rejects the file on any target. The components every
 * release 1.20–1.31 knows are base, pilot, cni, ztunnel, istiodRemote, ingressGateways and egressGateways.
 */
const REMOVED_IOP_COMPONENTS = new Set(['citadel', 'galley', 'policy', 'telemetry', 'nodeAgent', 'node_agent', 'proxy', 'sidecarInjector', 'sidecar_injector', 'security', 'configManagement', 'autoInjection', 'trafficManagement'])
const IOP_API_SOURCE = 'https://istio.io/latest/docs/reference/config/istio.operator.v1alpha1/'

function istioOperatorFindings(doc: ManifestDocument): Finding[] {
  if (doc.family !== 'istio-operator' || doc.resource?.kind !== 'IstioOperator' || doc.root?.kind !== 'map') return []
  const spec = entryAt(doc.root, ['spec'])?.value
  if (spec?.kind !== 'map') return []
  const out: Finding[] = []
  const base = { rule: 'removed-feature', severity: 'error' as const, file: doc.file, resource: doc.resource, source: IOP_API_SOURCE }
  for (const e of spec.entries) {
    if (e.key === 'addonComponents') {
      out.push({ ...base, line: e.keyNode.line, path: 'spec.addonComponents', message: 'IstioOperator spec.addonComponents was removed with the bundled addons (Istio 1.8); no release from 1.20 on has it, so istioctl rejects this file; install Prometheus, Grafana, Kiali and tracing from their own charts or samples/addons.' })
    }
    if (e.key === 'components' && e.value?.kind === 'map') {
      for (const c of e.value.entries) {
        if (!REMOVED_IOP_COMPONENTS.has(c.key)) continue
        out.push({ ...base, line: c.keyNode.line, path: `spec.components.${c.key}`, message: `IstioOperator component ${c.key} belongs to the pre-istiod control plane (removed in Istio 1.5–1.8); no release from 1.20 on has it, so istioctl rejects this file; istiod (components.pilot) does its work.` })
      }
    }
  }
  return out
}

/** A hit limited to some Gateway API channels applies to the channel the cluster runs (experimental when unsaid). */
function hitsFor(doc: ManifestDocument, ctx: AnalysisContext, plan: Plan, lines: readonly string[]): CatalogHit[] {
  const channel = ctx.gatewayApiChannel ?? 'experimental'
  return collectHits(doc, plan, lines).filter((hit) => !hit.channels || hit.channels.includes(channel))
}

/** Catalog findings of one document, each with the id of the catalog entry behind it. */
export function catalogFindings(doc: ManifestDocument, ctx: AnalysisContext, plan: Plan = planFor(ctx.target, ctx.from)): CatalogFinding[] {
  const lines = linesOf(ctx, doc.file)
  if (isIstioChartProfile(doc, lines)) return []
  return hitsFor(doc, ctx, plan, lines).map((hit) => ({ entryId: hit.entry.id, finding: toFinding(doc, hit, lines) }))
}

/**
 * Drops the findings of pod-scoped matches (`pods`) on pods that, by their Namespace wherever the files hold it, get no
 * sidecar (scope sidecar) or are not captured by ztunnel (scope ambient). The pod's own facts were checked per document.
 */
export function withinPodScope<F extends Finding>(findings: readonly F[], files: readonly ManifestFile[]): F[] {
  if (!findings.some((f) => podScopeOf.has(f))) return [...findings]
  const namespaces = repositoryNamespaces(files)
  return findings.filter((f) => {
    const pod = podScopeOf.get(f)
    if (!pod) return true
    const variants = pod.facts.namespace === undefined ? undefined : namespaces.get(pod.facts.namespace)
    return variants ? variants.some((ns) => inPodScope(pod.scope, pod.facts, ns)) : inPodScope(pod.scope, pod.facts, undefined)
  })
}

/** Every file the run read: the analysed ones and, on a pull request, the untouched ones parsed as pairing context. */
function filesRead(ctx: AnalysisContext): readonly ManifestFile[] {
  return ctx.pairingFiles?.length ? [...ctx.files, ...ctx.pairingFiles] : ctx.files
}

export const catalogAnalyzer: Analyzer = {
  meta: CATALOG_RULES,
  check(doc, ctx) {
    const lines = linesOf(ctx, doc.file)
    // What the cross-object checks pair later (and the opt-outs it sets), taken while the document still has its position tree.
    noteDocument(doc, lines)
    if (isIstioChartProfile(doc, lines)) return []
    const hits = hitsFor(doc, ctx, planFor(ctx.target, ctx.from), lines)
    const findings = [...hits.map((hit) => toFinding(doc, hit, lines)), ...compatibilityFindings(doc, ctx, lines), ...istioOperatorFindings(doc)]
    // Helm values the target's chart does not read; a line a catalog entry already explains is left to it.
    if (doc.embedded.some((e) => e.role === 'helm-values') || doc.kind === 'helm-values') {
      for (const f of helmValueFindings(doc, ctx.target, lines, new Set(findings.map((f) => f.line)), filePathsOf(ctx))) findings.push(f)
    }
    return findings
  },
  checkRepository(ctx, docs) {
    const crossObject = crossObjectFindings(filesRead(ctx), planFor(ctx.target, ctx.from), docs).map((f) => f.finding)
    return [...kubernetesFindings(ctx), ...upgradePathFindings(ctx), ...skewFindings(ctx), ...crossObject]
  },
  settle(findings, ctx) {
    // A mesh-wide opt-out (an istiod variable, a compatibilityVersion) in any file the run reads keeps the old
    // behaviour for every resource, so the matches it names report nothing, whichever file the resource is in.
    const silenced = optedOut(filesRead(ctx), ctx.target)
    // A match about Istio's handling of routes says nothing of a route that only other controllers' Gateways serve, nor
    // of an InferencePool that only such routes name as a backend.
    const foreign = findings.some((f) => istioRouteFindings.has(f)) ? servedOnlyByOthers(filesRead(ctx)) : undefined
    if (foreign) findings = findings.filter((f) => !(istioRouteFindings.has(f) && f.resource && foreign(f.resource)))
    // A pod-scoped match speaks only of pods its scope covers, as their Namespace in any file read tells.
    findings = withinPodScope(findings, filesRead(ctx))
    return findings.filter((f) => {
      const key = optOutKeyOf.get(f)
      if (key === undefined) return true
      const namespace = f.resource?.namespace
      // A match that needs a setting of the repository reports only where some file sets one (a Namespace's own setting:
      // only for the resources of that namespace).
      if (needsRepositoryFindings.has(f) && !silenced.has(`${key}+`) && !(namespace && silenced.has(`${key}+@${namespace}`))) return false
      // A Namespace's own setting silences the resources of that namespace (a written metadata.namespace).
      if (silenced.has(key) || (namespace && silenced.has(`${key}@${namespace}`))) return false
      // A setting that holds the same value as the finding's matched one (sameValue) silences only that finding.
      const held = matchedValueOf.get(f)
      if (held !== undefined && silenced.has(`${key}~${held}`)) return false
      // A setting that names an object silences the finding on that object: same name, and the same namespace where
      // both are written.
      const name = f.resource?.name
      if (!name) return true
      const named = `${key}=${name}@`
      if (namespace) return !silenced.has(`${named}${namespace}`) && !silenced.has(named)
      return ![...silenced].some((k) => k.startsWith(named))
    })
  }
}

export type { CatalogRule }
