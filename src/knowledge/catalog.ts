// The release catalog: every manifest-visible change of Istio 1.20 → newest, one data file per minor.
import type { Severity } from '../model.js'
import { KNOWN_MINORS, parseRelease, compareReleases, includesChange } from './versions.js'
import { WORKLOAD_KINDS } from '../manifests/recognise.js'
import c120 from '../../data/catalog/1.20.json' with { type: 'json' }
import c121 from '../../data/catalog/1.21.json' with { type: 'json' }
import c122 from '../../data/catalog/1.22.json' with { type: 'json' }
import c123 from '../../data/catalog/1.23.json' with { type: 'json' }
import c124 from '../../data/catalog/1.24.json' with { type: 'json' }
import c125 from '../../data/catalog/1.25.json' with { type: 'json' }
import c126 from '../../data/catalog/1.26.json' with { type: 'json' }
import c127 from '../../data/catalog/1.27.json' with { type: 'json' }
import c128 from '../../data/catalog/1.28.json' with { type: 'json' }
import c129 from '../../data/catalog/1.29.json' with { type: 'json' }
import c130 from '../../data/catalog/1.30.json' with { type: 'json' }
import c131 from '../../data/catalog/1.31.json' with { type: 'json' }

/**
 * How a change affects a manifest that shows the matched thing:
 * - added: exists from `since`; using it on an older target is wrong (rule not-yet-available)
 * - removed: gone from `since`; using it on that target or newer is wrong (rule removed-feature)
 * - deprecated: still works from `since` but is on its way out (rule deprecated)
 * - no-effect: an identifier that never did anything (upstream doc typos), wrong on every target (rule no-effect)
 * - default-changed / behaviour-changed: reported only when the upgrade from → target crosses `since`
 */
export type ChangeKind = 'added' | 'removed' | 'deprecated' | 'no-effect' | 'default-changed' | 'behaviour-changed'

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'deprecated', 'no-effect', 'default-changed', 'behaviour-changed']

/** Istio Helm charts by their normalised names (as src/manifests/recognise.ts reports them). */
export type Chart = 'base' | 'istiod' | 'gateway' | 'cni' | 'ztunnel'

export const CHARTS: readonly Chart[] = ['base', 'istiod', 'gateway', 'cni', 'ztunnel']

export type Scalar = string | number | boolean

/** Which pods a match speaks of (see `MatchBase.pods`). */
export type PodScope = 'sidecar' | 'ambient'

interface MatchBase {
  /** Overrides the entry severity for this match (e.g. an opt-out already set is only a notice). */
  severity?: Severity
  /**
   * On matches that read a pod template (`$workload` field matches, `pod` annotations and labels, proxy env and
   * ProxyConfig read from a pod's proxy.istio.io/config): report only for pods that get Istio's sidecar (`sidecar`) or
   * that ztunnel captures (`ambient`), as far as the repository tells: the pod's own labels, annotations,
   * hostNetwork and namespace, and its Namespace wherever the repository holds it (src/analyze/catalog/pods.ts holds
   * the rules). Hits outside a pod (a MeshConfig defaultConfig, a ProxyConfig resource) are not scoped.
   */
  pods?: PodScope
  /**
   * On Gateway API routes (and listener sets, whose spec.parentRef counts as their one parentRef): the behaviour is
   * Istio's, so a route whose every parentRef names a Gateway of another
   * controller (a Gateway in the analysed files whose class does not start with `istio`) reports nothing. A route with
   * a Service or ServiceEntry parent, an Istio-class Gateway, or a Gateway the files do not hold still reports.
   * On InferencePool: a pool that analysed routes name as a backend, every one of them such a route, reports nothing.
   */
  istioRoutes?: true
  /** Overrides the entry message for this match. */
  message?: string
  /**
   * The target release from which this match reports nothing: the switch it describes is gone there (and the
   * entry that removes it speaks for it), so its message would no longer be true.
   */
  until?: string
  /**
   * The target release from which this match reports (before it, nothing): what the match says is only true from
   * there, e.g. a misspelt opt-in that is harmless once the behaviour it asks for became the default, and needs a
   * stronger word on the releases before.
   */
  since?: string
  /** Overrides the entry fix; null = no fix for this match. */
  fix?: FixSpec | null
  /**
   * Mesh-wide settings that keep the old behaviour (an istiod opt-out variable, a Helm compatibilityVersion): when
   * any file the run reads holds one of these `env`, `helmValue`, `meshConfig` or `field` (IstioOperator) matches, this match reports
   * nothing, wherever the setting sits (usually the istiod values, not the file of the resource it concerns).
   * `until`: the release that removes the switch (or no longer ships the compatibility profile); from it on the
   * setting keeps nothing and the match reports again. `since`: the release that first reads the setting, or a
   * list of it and the patches it was backported to (`["1.30", "1.29.1", "1.28.5"]`); on other targets it keeps
   * nothing either.
   */
  unlessRepository?: OptOut[]
  /**
   * The opposite: settings of which some file the run reads must hold one for this match to report (a switch that
   * turns the behaviour on, e.g. istiod's ENABLE_NATIVE_SIDECARS=true), with the same `since`/`until` windows.
   */
  ifRepository?: OptOut[]
}

/**
 * Where a condition path outside the matched tree reads from: `$values.<path>` (meshConfig matches) the Helm values
 * that hold the MeshConfig, `$annotations[...]` / `$labels[...]` (proxyConfig matches) the pod metadata next to a
 * proxy.istio.io/config; `path` is the rest, relative to that root. Undefined for every other path.
 */
export function conditionRoot(path: string): { on: 'values' | 'pod'; path: string } | undefined {
  if (path.startsWith('$values.')) return { on: 'values', path: path.slice('$values.'.length) }
  if (path.startsWith('$annotations') || path.startsWith('$labels')) return { on: 'pod', path: path.slice(1) }
  return undefined
}

/** Conditions with the `on` root's prefix taken off their paths (the rest is checked as an ordinary path). */
function rootedAt(conditions: readonly Condition[] | undefined, on: 'values' | 'pod'): Condition[] | undefined {
  return conditions?.map((c) => {
    const root = conditionRoot(c.path)
    return root?.on === on ? { ...c, path: root.path } : c
  })
}

function knownRelease(text: string): boolean {
  try {
    parseRelease(text)
    return true
  } catch {
    return false
  }
}

/** A mesh-wide setting that keeps the old behaviour on targets from `since` up to `until` (see `unlessRepository`). */
export type OptOut = Match & {
  until?: string
  since?: string | string[]
  /**
   * The setting is a namespace's own (a `field` opt-out on kind Namespace, e.g. its `istio.io/dataplane-mode` label,
   * or on an object written in a namespace, e.g. an istiod Deployment, whose namespace is the system namespace): it
   * keeps the old behaviour only for the resources of that namespace (metadata.namespace written and equal to the
   * Namespace's name, or to the carrier's written metadata.namespace), not mesh-wide.
   */
  ownNamespace?: true
  /**
   * The setting names the object it keeps working (a `field` opt-out whose value is an object's name, e.g. a
   * `istio.io/use-waypoint: <waypoint>` label): it silences only the finding on the resource of that name, in the
   * namespace of the object that carries the setting (a Namespace's own name for kind Namespace) where both are written.
   */
  namesObject?: true
  /**
   * The setting holds the same value as the finding's own matched value (a `field` or `helmValue` opt-out, e.g. pods
   * labelled `istio.io/gateway-name: public`): it silences only findings whose matched scalar is that value (a
   * selector on `istio.io/gateway-name: public`), not those of another value.
   */
  sameValue?: true
}

/** A value test on the matched scalar: exact values (compared as strings) or a regular expression. */
interface ValueTest {
  values?: Scalar[]
  pattern?: string
}

/** An object header: apiVersion + kind. Reported on the apiVersion line. */
export interface ResourceMatch extends MatchBase {
  type: 'resource'
  apiVersions: string[]
  kinds: string[]
  /**
   * Gateway API kinds only: the CRD channels the cluster may run for the match to apply (default: both). A
   * GRPCRoute v1alpha2 the standard channel does not serve at all is the schema check's to report, not a deprecation.
   */
  channels?: ('standard' | 'experimental')[]
  /** Every condition must hold somewhere in the resource (absolute paths only, e.g. `spec.rules[1]` absent). */
  where?: Condition[]
}

/**
 * A field of a resource. Path syntax: `spec.http[].mirrors` (`[]` any item, `[1]` one item, `*` any key,
 * `["a.b"]` a key with dots). Macros: `$trafficPolicy` (the four DestinationRule traffic-policy places),
 * `$podSpec` / `$podMetadata` (the pod template of any workload kind; use kinds ["$workload"]).
 */
export interface FieldMatch extends MatchBase, ValueTest {
  type: 'field'
  apiVersions?: string[]
  kinds: string[]
  paths: string[]
  /** Every condition must hold somewhere in the same resource. */
  where?: Condition[]
  /** Report only a value that repeats one found earlier by the same paths in the resource (duplicate names). */
  duplicates?: boolean
}

export interface Condition extends ValueTest {
  /** Path in the resource (or values); `@.sub.path` is relative to each matched value, e.g. one list item. */
  path: string
  /** True: the condition holds when no value at path passes the test. */
  absent?: boolean
  /**
   * Field matches with a pattern only: the value test is capture group N of the pattern on the matched value,
   * checked per hit (e.g. a ServiceEntry host `svc.<ns>.svc.cluster.local` against the entry's own namespace).
   */
  equalsGroup?: number
  /** With equalsGroup: the value must sort before the capture group (plain string order) instead of equalling it. */
  beforeGroup?: boolean
  /**
   * Field matches only: the value test is the value at another absolute path of the same resource (scalar text equal),
   * e.g. a canary waypoint namespace against the primary's `istio.io/use-waypoint-namespace`.
   */
  equalsPath?: string
  /**
   * The value test is emptiness: an empty map or list, or null (e.g. a label selector `{}`, which selects everything).
   * Takes no values or pattern.
   */
  empty?: true
}

/**
 * An annotation or label key. `on` says on which objects it is read: `pod` (Pod, pod templates of workloads and
 * the workload object itself), a kind (`Namespace`, `Service`, `Gateway.gateway.networking.k8s.io`), `*`, or for
 * labels `selector` (label selectors of any object).
 */
export interface MetadataMatch extends MatchBase, ValueTest {
  type: 'annotation' | 'label'
  key: string
  on: string[]
  /**
   * For `on: selector` labels: report only selectors of objects of these kinds (`notSelectorKinds`: of any kind but
   * these), e.g. to grade a selector whose emptiness breaks traffic apart from one that only affects telemetry.
   */
  selectorKinds?: string[]
  notSelectorKinds?: string[]
  /**
   * Labels on `selector` only: another label key and whether the same selector (one map, or one
   * `matchExpressions` list) must also name it (`present: true`) or must not (`present: false`), e.g. the new key
   * of a renamed label already written next to the old one.
   */
  selectorSibling?: { key: string; present: boolean }
}

/** A MeshConfig path: ConfigMap istio data.mesh, Helm `meshConfig`, IstioOperator spec.meshConfig / spec.values.meshConfig. */
export interface MeshConfigMatch extends MatchBase, ValueTest {
  type: 'meshConfig'
  paths: string[]
  /**
   * Conditions on the same MeshConfig (paths relative to its root, or `@.sub.path` relative to each matched value),
   * or with `$values.sub.path` on the Helm values (IstioOperator spec.values) that hold it, e.g. an istiod opt-out
   * in `pilot.env` next to the MeshConfig it concerns; a MeshConfig without such values (a ConfigMap) has none.
   */
  where?: Condition[]
  /** Conditions on the whole document that holds the MeshConfig (e.g. Helm values `global.proxy.tracer` next to `meshConfig`). */
  documentWhere?: Condition[]
}

/** A ProxyConfig path: MeshConfig defaultConfig.<path> and the pod annotation proxy.istio.io/config. */
export interface ProxyConfigMatch extends MatchBase, ValueTest {
  type: 'proxyConfig'
  paths: string[]
  /**
   * Conditions on the same ProxyConfig (paths relative to it, or `@.sub.path` relative to each matched value), or
   * with `$annotations["key"]` / `$labels["key"]` on the pod annotations / labels next to a proxy.istio.io/config
   * that holds it (a MeshConfig defaultConfig has none, so an `absent` condition there holds).
   */
  where?: Condition[]
}

/**
 * A Helm value of one chart, also under HelmRelease/Application values. `iopPaths` are the same values under an
 * IstioOperator spec.values (default: istiod/base paths as they are, cni paths under `cni.`, ztunnel under
 * `ztunnel.`, none for the gateway chart); [] = not settable through IstioOperator.
 */
export interface HelmValueMatch extends MatchBase, ValueTest {
  type: 'helmValue'
  chart: Chart
  paths: string[]
  iopPaths?: string[]
  /**
   * The YAML types the value must have besides passing `values`/`pattern` (which compare text, so `0` and `"0"` match
   * alike): e.g. `["number"]` where the chart's schema refuses a quoted number.
   */
  valueTypes?: ('number' | 'string' | 'boolean')[]
  /** Conditions on the same values (paths relative to the values root). */
  where?: Condition[]
}

/**
 * An environment variable. istiod: Helm pilot.env / env, IstioOperator spec.values.pilot.env and
 * components.pilot.k8s.env, a rendered istiod Deployment (container discovery). proxy: MeshConfig
 * defaultConfig.proxyMetadata, pod annotation proxy.istio.io/config, ProxyConfig spec.environmentVariables (the
 * injector copies proxyMetadata into istio-proxy and istio-init). any: istiod and proxy. cni: the istio-cni node
 * agent: istio-cni chart `env` / `cni.env`, IstioOperator spec.values.cni.env and components.cni.k8s.env, a rendered
 * DaemonSet (container install-cni).
 */
export interface EnvMatch extends MatchBase, ValueTest {
  type: 'env'
  name: string
  component: 'istiod' | 'proxy' | 'any' | 'cni'
  /**
   * Names of other variables: when the same env block (one map or one `- name:` list) also sets one of them, the
   * variable is not reported (a misspelt name next to the right one does no harm, and a rename would duplicate it).
   */
  unlessSet?: string[]
  /**
   * Conditions on the whole document that sets the variable, paths from its root (all must hold), e.g. a documented
   * replacement written in the same Helm values or IstioOperator: `{"path": "meshConfig.inboundTrafficPolicy", "absent": true}`.
   */
  documentWhere?: Condition[]
}

/** A substring or pattern in any scalar of the selected resources (CEL expressions, EnvoyFilter patches, policies). */
export interface TextMatch extends MatchBase {
  type: 'text'
  kinds?: string[]
  /** ResourceFamily names (src/manifests/types.ts), e.g. policy, webhook. */
  families?: string[]
  contains?: string
  pattern?: string
  /**
   * Mapping keys whose values the match does not read, e.g. `literal` (a Telemetry or Envoy tracing tag's constant
   * value, which is never evaluated as an expression).
   */
  notUnder?: string[]
  /**
   * Strings whose presence in any scalar of the document (outside metadata, honouring `notUnder`) means it already
   * does the new thing, e.g. code that reads the new metadata key next to the old one: such a document is not reported.
   */
  unlessContains?: string[]
}

/** A Helm chart name installed through HelmRelease, Argo CD Application or Chart.yaml dependencies. */
export interface HelmChartMatch extends MatchBase {
  type: 'helmChart'
  names: string[]
  /**
   * Conditions on the installation, with paths under `releaseName` (the Helm release name: Flux spec.releaseName
   * or [targetNamespace-]name, Argo CD helm.releaseName or the Application name; absent when unknown, as for a
   * Chart.yaml dependency), `installer` (the kind that installs it: HelmRelease, Application or ApplicationSet;
   * absent for a Chart.yaml dependency) and `values` (the release's inline values).
   */
  where?: Condition[]
}

/**
 * A built-in check that looks across objects (every document of the analysed files, whatever batch it was parsed
 * in) instead of one document: `check` names it (src/analyze/catalog/cross-object.ts says what each one pairs).
 */
export interface CrossObjectMatch extends MatchBase {
  type: 'crossObject'
  check: CrossObjectCheck
  /** For the tracing-provider checks: the kind of meshConfig.extensionProviders item they look at (`lightstep`). */
  provider?: string
}

/**
 * - secret-name-forms: an Istio Gateway server names a TLS Secret as `name` and another (or the same gateway
 *   workload's other server) as `<namespace>/name`, both resolving to the same Secret of the gateway workload's namespace.
 * - https-http-bind: an HTTP server and an HTTPS/TLS server of Istio Gateways with equal selectors on one port number
 *   with different bind addresses (in one Gateway, the TLS server listed first).
 * - ambient-serviceentry-hosts: two ServiceEntries of one namespace declare the same host, in a repository that runs ambient.
 * - istio-operator-applied: an IstioOperator that the repository applies to the cluster as an object (a kustomization
 *   lists its file, a Flux Kustomization or Argo CD Application deploys its directory, or the repository installs the
 *   in-cluster operator), as opposed to an input file for istioctl; not one the operator skipped (annotation
 *   `install.istio.io/ignoreReconcile: "true"`, or `spec.profile: ambient`).
 * - gateway-merge-namespaces: an Istio Gateway selecting the pods of a Gateway API Gateway Istio deploys in another namespace.
 * - tracing-provider-selected: a tracing provider of kind `provider` in meshConfig.extensionProviders whose name a
 *   defaultProviders.tracing list or a Telemetry resource's spec.tracing[].providers names (a tracing entry with
 *   disableSpanReporting: true does not count, unless a Telemetry turns span reporting back on).
 * - tracing-provider-unselected: such a provider that nothing in the analysed files selects.
 */
export type CrossObjectCheck = 'secret-name-forms' | 'https-http-bind' | 'ambient-serviceentry-hosts' | 'istio-operator-applied' | 'gateway-merge-namespaces' | 'tracing-provider-selected' | 'tracing-provider-unselected'

export const CROSS_OBJECT_CHECKS: readonly CrossObjectCheck[] = ['secret-name-forms', 'https-http-bind', 'ambient-serviceentry-hosts', 'istio-operator-applied', 'gateway-merge-namespaces', 'tracing-provider-selected', 'tracing-provider-unselected']

/** The cross-object checks that look at one kind of tracing provider (the match names it as `provider`). */
export const TRACING_PROVIDER_CHECKS: readonly CrossObjectCheck[] = ['tracing-provider-selected', 'tracing-provider-unselected']

export type Match =
  | ResourceMatch
  | FieldMatch
  | MetadataMatch
  | MeshConfigMatch
  | ProxyConfigMatch
  | HelmValueMatch
  | EnvMatch
  | TextMatch
  | HelmChartMatch
  | CrossObjectMatch

export type MatchType = Match['type']

/** A mechanical fix: a one-line text edit on the matched key or value. */
export type FixSpec =
  | { type: 'renameKey'; to: string; description?: string }
  | { type: 'replaceValue'; to: string; description?: string }
  | { type: 'replaceText'; from: string; to: string; description?: string }

export interface Source {
  /**
   * Path under shared/istio/, e.g. releases/1.28/upgrade-notes/index.md; must be listed in data/catalog/SOURCES.
   * Absent only for a file of istio/istio or istio/api that has no stored copy (a release-note YAML that never
   * reached istio.io): then `url` must name that file at a release tag.
   */
  path?: string
  /** Heading of the section the entry rests on. */
  section?: string
  /** The upstream page (istio.io). */
  url: string
  /** Upstream issues / pull requests, or further istio.io pages such as a patch announcement (URLs). */
  refs?: string[]
}

export interface CatalogEntry {
  /** Stable id: istio-<minor>-<slug>. */
  id: string
  change: ChangeKind
  severity: Severity
  /** Release the change landed in: '1.28' or, for a patch, '1.28.1'. */
  since: string
  /**
   * Release the matched thing went away in; added/deprecated/no-effect entries stop applying there. On a
   * default-changed / behaviour-changed entry: the release that reverted the change (an upgrade to it or later
   * no longer sees the change).
   */
  until?: string
  /** Patch releases of other minors that carry the same change (backports), e.g. ['1.31.1'] for a 1.30.5 fix. */
  backports?: string[]
  /**
   * default-changed / behaviour-changed only: the release whose change this entry undoes. The entry is reported
   * only when the from-release already has that change (an upgrade from before it sees no change at all).
   * Paired with `until` on the reverted entry, which is then reported only for targets before the revert.
   */
  reverts?: string
  /**
   * added entries only, for a fixed defect: the release the broken behaviour (or the feature it sits in) first
   * shipped in. Targets before it never had the defect, so the entry is not reported for them (e.g. a native
   * nftables bug fixed in 1.27.4 cannot hit a 1.26 target, which has no native nftables at all). On
   * behaviour-changed / default-changed entries: the release the feature first shipped in; an upgrade from an older
   * release is not reported (the old behaviour never ran there, e.g. retryBudget fixes of 1.30 from 1.26).
   */
  introduced?: string
  /** One sentence, our own words. */
  message: string
  match: Match[]
  fix?: FixSpec
  sources: Source[]
}

export interface CatalogRelease {
  release: string
  /** Kubernetes minors the release supports (inclusive). */
  kubernetes: { min: string; max: string }
  /** Values the Helm compatibilityVersion accepts on this release ([] = the setting does not exist yet). */
  compatibilityVersions: string[]
  /** Where the Kubernetes range and the compatibility versions come from. */
  sources: Source[]
  entries: CatalogEntry[]
}

/** Every release file, oldest first. Adding a release = one JSON file + one line here. */
export const CATALOG: readonly CatalogRelease[] = [c120, c121, c122, c123, c124, c125, c126, c127, c128, c129, c130, c131].map(
  (file) => file as unknown as CatalogRelease
)

export function catalogEntries(releases: readonly CatalogRelease[] = CATALOG): CatalogEntry[] {
  return releases.flatMap((r) => r.entries)
}

/** The catalog file of a minor ('1.28'), if any. */
export function catalogRelease(minor: string, releases: readonly CatalogRelease[] = CATALOG): CatalogRelease | undefined {
  return releases.find((r) => r.release === minor)
}

/** Upstream copies a source may point at (under shared/istio/); release notes first, code-derived facts from the others
 * (charts/ holds the chart files at each patch tag, the evidence for a patch-level boundary the notes do not give). */
export const SOURCE_DIRS = ['releases/', 'annotations/', 'crds/', 'helm/', 'meshconfig/', 'charts/']
const ID_RE = /^istio-\d+\.\d+(?:\.\d+)?-[a-z0-9]+(?:-[a-z0-9.]+)*$/
const MATCH_KEYS: Record<MatchType, { required: string[]; optional: string[] }> = {
  resource: { required: ['apiVersions', 'kinds'], optional: ['channels', 'where'] },
  field: { required: ['kinds', 'paths'], optional: ['apiVersions', 'values', 'pattern', 'where', 'duplicates'] },
  annotation: { required: ['key', 'on'], optional: ['values', 'pattern'] },
  label: { required: ['key', 'on'], optional: ['values', 'pattern', 'selectorKinds', 'notSelectorKinds', 'selectorSibling'] },
  meshConfig: { required: ['paths'], optional: ['values', 'pattern', 'where', 'documentWhere'] },
  proxyConfig: { required: ['paths'], optional: ['values', 'pattern', 'where'] },
  helmValue: { required: ['chart', 'paths'], optional: ['iopPaths', 'values', 'pattern', 'valueTypes', 'where'] },
  env: { required: ['name', 'component'], optional: ['values', 'pattern', 'unlessSet', 'documentWhere'] },
  text: { required: [], optional: ['kinds', 'families', 'contains', 'pattern', 'notUnder', 'unlessContains'] },
  helmChart: { required: ['names'], optional: ['where'] },
  crossObject: { required: ['check'], optional: ['provider'] }
}
/** The Gateway API route kinds, and the listener sets, which name their Gateway the same way (`istioRoutes`). */
export const ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'ListenerSet', 'XListenerSet']
/** The backend policy kinds whose targetRefs name Services (`istioRoutes`: a policy only other controllers' routes use). */
export const BACKEND_POLICY_KINDS: readonly string[] = ['BackendTLSPolicy', 'XBackendTrafficPolicy']
const COMMON_KEYS = ['type', 'severity', 'message', 'fix', 'unlessRepository', 'ifRepository', 'until', 'since', 'istioRoutes', 'pods']

export { WORKLOAD_KINDS }
/** Pod-template kinds and the `$workload` macro that stands for them. */
const POD_KINDS: ReadonlySet<string> = new Set(['$workload', ...WORKLOAD_KINDS])
/** Pod keys only a sidecar or ztunnel reads: a pod-template match that reads one (or tests one in `where`) says which pods it means. */
const POD_SCOPED_KEY = /sidecar\.istio\.io\/|ambient\.istio\.io\/|istio\.io\/dataplane-mode|istio\.io\/use-waypoint/
/**
 * Entries whose pod-template matches read such keys without `pods`, on purpose: the key is read on pods of every
 * data plane, or the match is about the key itself wherever it sits (each with its reason in docs/catalog.md).
 */
export const POD_SCOPE_EXEMPT: ReadonlySet<string> = new Set<string>([
  // Its workload arm still tests the ambient labels by hand (narrowed in round 28 outside the scope's conversion);
  // moving it onto the ambient scope is left to do.
  'istio-1.23-use-waypoint-namespace-label',
  // Its `none` arm is about the label that takes a pod out of ambient itself, so the ambient scope (which leaves such
  // pods out) cannot carry it: the arm keeps its own conditions on the namespaces where the label changes anything.
  'istio-1.22-pod-dataplane-mode-label'
])

/** Whether a match reads a pod template's sidecar/ambient keys (in its paths, key or conditions). */
function readsPodScopedKeys(m: Match): boolean {
  if (m.type === 'field') return Array.isArray(m.kinds) && m.kinds.some((k) => POD_KINDS.has(k)) && [...(m.paths ?? []), ...(m.where ?? []).map((c) => c.path)].some((p) => POD_SCOPED_KEY.test(p))
  if (m.type === 'annotation' || m.type === 'label') return Array.isArray(m.on) && m.on.includes('pod') && POD_SCOPED_KEY.test(m.key)
  if (m.type === 'env' || m.type === 'proxyConfig') {
    const conditions = m.type === 'env' ? m.documentWhere : m.where
    return (conditions ?? []).some((c) => /sidecar\.istio\.io\/inject/.test(c.path))
  }
  return false
}

/** `pods` sits on a match that can read a pod template. */
function checkPodScope(m: Match, where: string, problems: string[]): void {
  if (m.pods === undefined) return
  if (m.pods !== 'sidecar' && m.pods !== 'ambient') return void problems.push(`${where}: pods must be "sidecar" or "ambient"`)
  const fits =
    (m.type === 'field' && Array.isArray(m.kinds) && m.kinds.every((k) => POD_KINDS.has(k))) ||
    ((m.type === 'annotation' || m.type === 'label') && Array.isArray(m.on) && m.on.length === 1 && m.on[0] === 'pod') ||
    (m.type === 'env' && (m.component === 'proxy' || m.component === 'any')) ||
    m.type === 'proxyConfig'
  if (!fits) problems.push(`${where}: pods applies to field matches of pod-template kinds ($workload), annotations and labels on pod only, proxy env and proxyConfig matches`)
}
/** Match types that state a mesh-wide setting, the ones `unlessRepository` may name. */
const OPT_OUT_TYPES = ['env', 'helmValue', 'meshConfig', 'field']
const FIXES_BY_MATCH: Record<MatchType, FixSpec['type'][]> = {
  resource: ['replaceValue'],
  field: ['replaceValue', 'renameKey', 'replaceText'],
  annotation: ['renameKey', 'replaceValue', 'replaceText'],
  label: ['renameKey', 'replaceValue'],
  meshConfig: ['replaceValue', 'renameKey', 'replaceText'],
  proxyConfig: [],
  helmValue: ['replaceValue', 'renameKey', 'replaceText'],
  env: ['renameKey', 'replaceValue'],
  text: ['replaceText'],
  helmChart: ['replaceValue'],
  crossObject: []
}
const PATH_SEGMENT_RE = /^(?:\$trafficPolicy|\$podSpec|\$podMetadata|\*|[A-Za-z0-9_:@/-]+|\["[^"]+"\])(?:\[\d*\])*$/

/** Splits a catalog path into segments, keeping `["a.b"]` keys whole. */
export function splitCatalogPath(path: string): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]
    // `key["a.b"]` is two segments: key, then the quoted key.
    if (ch === '[' && path[i + 1] === '"' && !quoted && current !== '') {
      out.push(current)
      current = ''
    }
    if (ch === '"') quoted = !quoted
    if (ch === '.' && !quoted) {
      out.push(current)
      current = ''
    } else current += ch
  }
  out.push(current)
  return out
}

function checkPath(path: unknown, where: string, problems: string[]): void {
  if (typeof path !== 'string' || path === '') return void problems.push(`${where}: path must be a non-empty string`)
  for (const segment of splitCatalogPath(path)) {
    if (!PATH_SEGMENT_RE.test(segment)) problems.push(`${where}: bad path segment "${segment}" in "${path}"`)
  }
}

function checkPattern(pattern: unknown, where: string, problems: string[]): void {
  if (pattern === undefined) return
  try {
    new RegExp(String(pattern))
  } catch {
    problems.push(`${where}: pattern does not compile: ${String(pattern)}`)
  }
}

function nonEmptyStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== '')
}

/** A file of istio/istio or istio/api at a release tag (1.25.0, 1.31.0-rc.0), optionally with a line anchor. */
// Istio's files at a release tag, or the Gateway API's (its CRDs at a v-tag, for facts of a bundle ../shared does not hold).
const UPSTREAM_FILE_AT_TAG_RE = /^https:\/\/github\.com\/(?:istio\/(?:istio|api)\/blob\/\d+\.\d+\.\d+(-(alpha|beta|rc)\.\d+)?|kubernetes-sigs\/gateway-api\/blob\/v\d+\.\d+\.\d+)\/[A-Za-z0-9._\/-]+(#L\d+(-L\d+)?)?$/

function checkSource(source: Source, where: string, knownSources: ReadonlySet<string> | undefined, problems: string[]): void {
  if (source.path === undefined) {
    if (typeof source.url !== 'string' || !UPSTREAM_FILE_AT_TAG_RE.test(source.url)) problems.push(`${where}: a source without a path must be a github.com/istio/istio, istio/api or kubernetes-sigs/gateway-api file at a release tag (got ${String(source.url)})`)
  } else if (typeof source.path !== 'string' || !SOURCE_DIRS.some((d) => source.path!.startsWith(d))) problems.push(`${where}: source path must be under ${SOURCE_DIRS.join(', ')} (got ${String(source.path)})`)
  else if (knownSources && !knownSources.has(source.path)) problems.push(`${where}: source path ${source.path} is not in data/catalog/SOURCES`)
  if (typeof source.url !== 'string' || !/^https:\/\/[^\s]+$/.test(source.url)) problems.push(`${where}: source url must be an https URL`)
  for (const ref of source.refs ?? []) if (!/^https:\/\/(github\.com\/[^\s]+\/(issues|pull)\/\d+|istio\.io\/[^\s]+)$/.test(ref)) problems.push(`${where}: ref ${ref} is not a GitHub issue/PR or istio.io URL`)
}

/** The paths and patterns of a match's `where` conditions. */
function checkConditions(conditions: readonly Condition[] | undefined, where: string, problems: string[], fieldMatch = false): void {
  for (const c of conditions ?? []) {
    if (!fieldMatch && c.equalsPath !== undefined) problems.push(`${where}: equalsPath is only read on field matches`)
    checkPath(typeof c.path === 'string' && c.path.startsWith('@..') ? `@.${c.path.slice(3)}` : c.path, where, problems)
    checkPattern(c.pattern, where, problems)
    if (c.empty !== undefined && (c.empty !== true || c.values !== undefined || c.pattern !== undefined || c.equalsGroup !== undefined)) problems.push(`${where}: empty must be true and takes no value test`)
  }
}

/** An environment variable's name as the catalog spells them. */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/

function checkMatch(m: Match, where: string, problems: string[]): void {
  const spec = MATCH_KEYS[m.type as MatchType]
  if (!spec) return void problems.push(`${where}: unknown match type ${String(m.type)}`)
  const record = m as unknown as Record<string, unknown>
  for (const key of spec.required) if (record[key] === undefined) problems.push(`${where}: ${m.type} match needs ${key}`)
  for (const key of Object.keys(record)) if (!COMMON_KEYS.includes(key) && !spec.required.includes(key) && !spec.optional.includes(key)) problems.push(`${where}: unexpected key ${key} on ${m.type} match`)
  checkPattern(record.pattern, where, problems)
  if (m.until !== undefined && !knownRelease(String(m.until))) problems.push(`${where}: until ${String(m.until)} is not a known release`)
  if (m.istioRoutes !== undefined && (m.istioRoutes !== true || (m.type !== 'field' && m.type !== 'resource') || !m.kinds?.every((k) => ROUTE_KINDS.includes(k) || k === 'InferencePool' || BACKEND_POLICY_KINDS.includes(k)))) problems.push(`${where}: istioRoutes must be true, on a field or resource match of Gateway API route kinds, ListenerSet, XListenerSet, InferencePool, BackendTLSPolicy or XBackendTrafficPolicy`)
  checkPodScope(m, where, problems)
  if (m.since !== undefined && !knownRelease(String(m.since))) problems.push(`${where}: since ${String(m.since)} is not a known release`)
  else if (m.since !== undefined && m.until !== undefined && knownRelease(String(m.until)) && compareReleases(parseRelease(String(m.until)), parseRelease(String(m.since))) <= 0) problems.push(`${where}: until must be after since`)
  for (const list of ['unlessRepository', 'ifRepository'] as const) {
    const settings = m[list]
    if (settings === undefined) continue
    if (!Array.isArray(settings) || settings.length === 0) problems.push(`${where}: ${list} must be a non-empty list of matches`)
    else
      settings.forEach((o, i) => {
        const at = `${where} ${list}[${i}]`
        if (!OPT_OUT_TYPES.includes(o.type)) return void problems.push(`${at}: only ${OPT_OUT_TYPES.join(', ')} matches state a mesh-wide setting`)
        // A field or meshConfig opt-out may be a block whose presence is the setting (an EnvoyFilter patch that writes
        // internal_address_config itself; a tracer chosen as `defaultConfig.tracing.stackdriver: {}`); variables and
        // values name the values that keep the old behaviour.
        if (!('values' in o) && !('pattern' in o) && o.type !== 'field' && o.type !== 'meshConfig') problems.push(`${at}: an opt-out names the values that keep the old behaviour (values or pattern)`)
        if (o.severity !== undefined || o.message !== undefined || o.fix !== undefined || o.unlessRepository !== undefined || o.ifRepository !== undefined || o.pods !== undefined) problems.push(`${at}: an opt-out reports nothing, so it has no severity, message, fix, pod scope or opt-outs of its own`)
        const { until, since, ownNamespace, namesObject, sameValue, ...setting } = o
        if (list === 'ifRepository' && (namesObject !== undefined || sameValue !== undefined)) problems.push(`${at}: ifRepository settings are mesh-wide or a Namespace's own (no namesObject or sameValue)`)
        if (sameValue !== undefined && (sameValue !== true || (o.type !== 'field' && o.type !== 'helmValue') || ownNamespace !== undefined || namesObject !== undefined)) problems.push(`${at}: sameValue is true on a field or helmValue opt-out without ownNamespace or namesObject only`)
        if (namesObject !== undefined && (namesObject !== true || o.type !== 'field' || ownNamespace !== undefined)) problems.push(`${at}: namesObject is true on a field opt-out without ownNamespace only`)
        if (ownNamespace !== undefined && (ownNamespace !== true || o.type !== 'field' || !Array.isArray(o.kinds) || o.kinds.length === 0)) problems.push(`${at}: ownNamespace is true on a field opt-out that names its kinds only`)
        const sinces = since === undefined ? [] : Array.isArray(since) ? since : [since]
        if (since !== undefined && sinces.length === 0) problems.push(`${at}: since must name a release`)
        for (const [key, release] of [['until', until], ...sinces.map((v) => ['since', v] as const)] as const) {
          if (release === undefined) continue
          if (!knownRelease(String(release))) problems.push(`${at}: ${key} ${String(release)} is not a known release`)
        }
        if (until !== undefined && sinces[0] !== undefined && knownRelease(until) && knownRelease(sinces[0]) && compareReleases(parseRelease(until), parseRelease(sinces[0])) <= 0) problems.push(`${at}: until must be after since`)
        checkMatch(setting as Match, at, problems)
      })
  }
  if (record.values !== undefined && (!Array.isArray(record.values) || record.values.length === 0)) problems.push(`${where}: values must be a non-empty list`)
  switch (m.type) {
    case 'resource':
      if (!nonEmptyStrings(m.apiVersions) || !nonEmptyStrings(m.kinds)) problems.push(`${where}: apiVersions and kinds must be non-empty lists`)
      if (m.channels !== undefined && (!nonEmptyStrings(m.channels) || !m.channels.every((c) => c === 'standard' || c === 'experimental'))) problems.push(`${where}: channels must list standard and/or experimental`)
      checkConditions(m.where, where, problems)
      if (m.where?.some((c) => c.path.startsWith('@') || c.equalsGroup !== undefined)) problems.push(`${where}: a resource match's conditions use absolute paths and no equalsGroup`)
      break
    case 'field':
      if (!nonEmptyStrings(m.kinds)) problems.push(`${where}: kinds must be a non-empty list`)
      if (!nonEmptyStrings(m.paths)) problems.push(`${where}: paths must be a non-empty list`)
      else m.paths.forEach((p) => checkPath(p, where, problems))
      if (m.duplicates !== undefined && (m.duplicates !== true || !m.paths?.every((p) => p.includes('[]')))) problems.push(`${where}: duplicates must be true and every path must go through a list ([])`)
      checkConditions(m.where, where, problems, true)
      for (const c of m.where ?? []) {
        if (c.equalsGroup !== undefined && (m.pattern === undefined || !Number.isInteger(c.equalsGroup) || c.equalsGroup < 1 || c.values !== undefined || c.pattern !== undefined)) problems.push(`${where}: equalsGroup needs a match pattern, a group number and no value test of its own`)
        if (c.beforeGroup !== undefined && (c.beforeGroup !== true || c.equalsGroup === undefined)) problems.push(`${where}: beforeGroup must be true and needs equalsGroup`)
        if (c.equalsPath !== undefined) {
          if (typeof c.equalsPath !== 'string' || c.equalsPath.startsWith('@') || c.equalsPath.startsWith('$') || c.path.startsWith('@') || c.path.startsWith('$') || c.equalsGroup !== undefined || c.values !== undefined || c.pattern !== undefined || c.empty !== undefined) problems.push(`${where}: equalsPath needs absolute paths and no other value test`)
          else checkPath(c.equalsPath, where, problems)
        }
      }
      break
    case 'annotation':
    case 'label':
      if (typeof m.key !== 'string' || !/^[A-Za-z0-9.\-/_]+$/.test(m.key)) problems.push(`${where}: bad ${m.type} key`)
      if (!nonEmptyStrings(m.on)) problems.push(`${where}: on must be a non-empty list`)
      if (m.type === 'annotation' && m.on?.includes('selector')) problems.push(`${where}: "selector" only applies to labels`)
      for (const f of ['selectorKinds', 'notSelectorKinds'] as const) {
        if (m[f] !== undefined && (!nonEmptyStrings(m[f]) || !m.on?.includes('selector'))) problems.push(`${where}: ${f} must be a non-empty list and needs on: selector`)
      }
      if (m.type === 'label' && m.selectorSibling !== undefined) {
        const s = m.selectorSibling
        if (!m.on?.includes('selector') || typeof s !== 'object' || s === null || typeof s.key !== 'string' || !/^[A-Za-z0-9.\-/_]+$/.test(s.key) || typeof s.present !== 'boolean') problems.push(`${where}: selectorSibling needs on "selector", a label key and present true or false`)
      }
      break
    case 'meshConfig':
    case 'proxyConfig':
      if (!nonEmptyStrings(m.paths)) problems.push(`${where}: paths must be a non-empty list`)
      else m.paths.forEach((p) => checkPath(p, where, problems))
      if (m.type === 'meshConfig') {
        checkConditions(rootedAt(m.where, 'values'), where, problems)
        checkConditions(m.documentWhere, where, problems)
      } else checkConditions(rootedAt(m.where, 'pod'), where, problems)
      break
    case 'helmValue':
      if (!CHARTS.includes(m.chart)) problems.push(`${where}: unknown chart ${String(m.chart)}`)
      if (!nonEmptyStrings(m.paths)) problems.push(`${where}: paths must be a non-empty list`)
      else m.paths.forEach((p) => checkPath(p, where, problems))
      checkConditions(m.where, where, problems)
      if (m.valueTypes !== undefined && (!nonEmptyStrings(m.valueTypes) || m.valueTypes.some((t) => !['number', 'string', 'boolean'].includes(t)))) {
        problems.push(`${where}: valueTypes must be a non-empty list of number, string, boolean`)
      }
      if (m.iopPaths !== undefined) {
        if (!Array.isArray(m.iopPaths)) problems.push(`${where}: iopPaths must be a list`)
        else m.iopPaths.forEach((p) => checkPath(p, where, problems))
      }
      break
    case 'env':
      if (typeof m.name !== 'string' || !ENV_NAME.test(m.name)) problems.push(`${where}: bad env name`)
      if (!['istiod', 'proxy', 'any', 'cni'].includes(m.component)) problems.push(`${where}: bad env component`)
      if (m.unlessSet !== undefined && (!nonEmptyStrings(m.unlessSet) || m.unlessSet.some((n) => !ENV_NAME.test(n)))) problems.push(`${where}: unlessSet must be a non-empty list of env names`)
      checkConditions(m.documentWhere, where, problems)
      break
    case 'text':
      if (m.contains === undefined && m.pattern === undefined) problems.push(`${where}: text match needs contains or pattern`)
      if (m.kinds === undefined && m.families === undefined) problems.push(`${where}: text match needs kinds or families`)
      if (m.notUnder !== undefined && !nonEmptyStrings(m.notUnder)) problems.push(`${where}: notUnder must be a non-empty list`)
      if (m.unlessContains !== undefined && !nonEmptyStrings(m.unlessContains)) problems.push(`${where}: unlessContains must be a non-empty list`)
      break
    case 'helmChart':
      if (!nonEmptyStrings(m.names)) problems.push(`${where}: names must be a non-empty list`)
      checkConditions(m.where, where, problems)
      for (const c of m.where ?? []) {
        if (!/^(releaseName$|installer$|values\.)/.test(c.path)) problems.push(`${where}: helmChart conditions read releaseName, installer or values.<path>`)
      }
      break
    case 'crossObject':
      if (!CROSS_OBJECT_CHECKS.includes(m.check)) problems.push(`${where}: unknown cross-object check ${String(m.check)}`)
      if (TRACING_PROVIDER_CHECKS.includes(m.check) !== (m.provider !== undefined)) problems.push(`${where}: provider is required by the tracing-provider checks and read by no other`)
      else if (m.provider !== undefined && (typeof m.provider !== 'string' || !/^[a-z][a-zA-Z0-9]*$/.test(m.provider))) problems.push(`${where}: provider must be an extensionProviders key such as lightstep`)
      break
  }
}

function checkFix(fix: FixSpec | null | undefined, matchType: MatchType, where: string, problems: string[]): void {
  if (fix === undefined || fix === null) return
  if (!FIXES_BY_MATCH[matchType].includes(fix.type)) problems.push(`${where}: fix ${fix.type} does not apply to a ${matchType} match`)
  if (typeof fix.to !== 'string') problems.push(`${where}: fix needs "to"`)
  if (fix.type === 'replaceText' && typeof fix.from !== 'string') problems.push(`${where}: replaceText needs "from"`)
}

/**
 * Everything wrong with the catalog, as readable lines (empty = valid). `knownSources` is the committed
 * data/catalog/SOURCES list; when given, every source path must be in it.
 */
export function validateCatalog(releases: readonly CatalogRelease[], knownSources?: ReadonlySet<string>): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  const minors = releases.map((r) => r.release)
  if (minors.join() !== KNOWN_MINORS.join()) problems.push(`catalog releases ${minors.join()} differ from KNOWN_MINORS ${KNOWN_MINORS.join()}`)
  for (const release of releases) {
    const at = `catalog ${release.release}`
    const { min, max } = release.kubernetes ?? {}
    if (!/^1\.\d+$/.test(min ?? '') || !/^1\.\d+$/.test(max ?? '') || Number(min.split('.')[1]) > Number(max.split('.')[1])) problems.push(`${at}: kubernetes range must be { min: "1.N", max: "1.M" } with N <= M`)
    if (!Array.isArray(release.compatibilityVersions) || release.compatibilityVersions.some((v) => !/^1\.\d+$/.test(v))) problems.push(`${at}: compatibilityVersions must be a list of minors`)
    if (!Array.isArray(release.sources) || release.sources.length === 0) problems.push(`${at}: release sources are missing`)
    else release.sources.forEach((s) => checkSource(s, at, knownSources, problems))
    for (const entry of release.entries) {
      const where = `${at} ${entry.id}`
      if (typeof entry.id !== 'string' || !ID_RE.test(entry.id)) problems.push(`${where}: id must be kebab-case istio-<version>-<slug>`)
      if (ids.has(entry.id)) problems.push(`${where}: duplicate id`)
      ids.add(entry.id)
      if (!CHANGE_KINDS.includes(entry.change)) problems.push(`${where}: unknown change ${String(entry.change)}`)
      if (!['error', 'warning', 'notice'].includes(entry.severity)) problems.push(`${where}: unknown severity`)
      let since
      try {
        since = parseRelease(entry.since)
        if (since.minor !== release.release) problems.push(`${where}: since ${entry.since} does not belong in the ${release.release} file`)
        if (!entry.id.startsWith(`istio-${entry.since}-`)) problems.push(`${where}: id must start with istio-${entry.since}-`)
      } catch {
        problems.push(`${where}: since ${String(entry.since)} is not a known release`)
      }
      for (const b of entry.backports ?? []) {
        try {
          const backport = parseRelease(b)
          if (backport.patch === null || backport.minor === release.release) problems.push(`${where}: backport ${b} must be a patch release of another minor`)
        } catch {
          problems.push(`${where}: backport ${String(b)} is not a known release`)
        }
      }
      if (entry.until !== undefined) {
        try {
          const until = parseRelease(entry.until)
          if (since && compareReleases(until, since) <= 0) problems.push(`${where}: until must be after since`)
          if (!['added', 'deprecated', 'no-effect', 'default-changed', 'behaviour-changed'].includes(entry.change)) problems.push(`${where}: until does not apply to ${entry.change} entries`)
        } catch {
          problems.push(`${where}: until ${String(entry.until)} is not a known release`)
        }
      }
      if (entry.reverts !== undefined) {
        try {
          const reverted = parseRelease(entry.reverts)
          if (since && compareReleases(reverted, since) >= 0) problems.push(`${where}: reverts must name an earlier release than since`)
          if (entry.change !== 'default-changed' && entry.change !== 'behaviour-changed') problems.push(`${where}: reverts only applies to default-changed and behaviour-changed entries`)
        } catch {
          problems.push(`${where}: reverts ${String(entry.reverts)} is not a known release`)
        }
      }
      if (entry.introduced !== undefined) {
        try {
          parseRelease(entry.introduced)
          // '1.27' is the minor's first release here (the defect shipped in 1.27.0), so 1.27 < 1.27.4.
          if (since && (entry.introduced === entry.since || !includesChange(since, entry.introduced))) problems.push(`${where}: introduced must name an earlier release than since`)
          if (entry.change !== 'added' && entry.change !== 'behaviour-changed' && entry.change !== 'default-changed') problems.push(`${where}: introduced only applies to added, behaviour-changed and default-changed entries`)
        } catch {
          problems.push(`${where}: introduced ${String(entry.introduced)} is not a known release`)
        }
      }
      if (typeof entry.message !== 'string' || entry.message.length < 20 || entry.message.length > 400 || !/[.]$/.test(entry.message)) problems.push(`${where}: message must be one sentence of 20-400 characters ending with a period`)
      if (!Array.isArray(entry.match) || entry.match.length === 0) problems.push(`${where}: match is empty`)
      else
        entry.match.forEach((m, i) => {
          checkMatch(m, `${where} match[${i}]`, problems)
          if (m.pods === undefined && !POD_SCOPE_EXEMPT.has(entry.id) && readsPodScopedKeys(m)) problems.push(`${where} match[${i}]: a pod-template match that reads sidecar or ambient keys says which pods it means (pods: sidecar or ambient), or its entry is listed in POD_SCOPE_EXEMPT`)
          if (m.message !== undefined && (m.message.length < 20 || !m.message.endsWith('.'))) problems.push(`${where} match[${i}]: message must be a sentence`)
          checkFix(m.fix === undefined ? entry.fix : m.fix, m.type, `${where} match[${i}]`, problems)
        })
      if (!Array.isArray(entry.sources) || entry.sources.length === 0) problems.push(`${where}: no upstream source`)
      else entry.sources.forEach((s) => checkSource(s, where, knownSources, problems))
    }
  }
  return problems
}
