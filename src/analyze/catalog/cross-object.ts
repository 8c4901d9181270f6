// Catalog checks that pair objects instead of looking at one document (match type `crossObject`).
//
// The analysis streams files in batches and releases position trees as it goes (src/streaming.ts), so the facts a
// check needs are taken from each document while it is checked (`noteDocument`, called from the catalog analyzer's
// `check`) and kept per document in a WeakMap: a few strings and line numbers, never the documents' trees. The
// repository step (`crossObjectFindings`) then reads the facts of every document of the analysed files, whichever
// batch they came in, and reports on the documents in scope.
import type { Finding, ResourceRef } from '../../model.js'
import type { ManifestDocument, ManifestFile, PosNode } from '../../manifests/types.js'
import { entryAt, formatPath, nodeAt } from '../../manifests/locate.js'
import { BACKEND_POLICY_KINDS, ROUTE_KINDS, TRACING_PROVIDER_CHECKS, type CrossObjectCheck } from '../../knowledge/catalog.js'
import { includesChange, type Release } from '../../knowledge/versions.js'
import { includedIn, needsRepositoryFindings, optOutKeyOf, optOutPlan, type Compiled, type Plan } from './plan.js'
import { collectHits, helmTreesOf, located, matchedScalar, meshTreesOf } from './collect.js'
import { isChartProfilePath } from './profile.js'
import { isMap } from './paths.js'
import { namespaceFactsOf, type NamespaceFacts } from './pods.js'

const ISTIO_NETWORKING = new Set(['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1'])

/** One reference of an Istio Gateway server to a TLS Secret (`credentialName` or an item of `credentialNames`). */
export interface SecretReference {
  /** `name` alone (read in the gateway workload's namespace) or `<namespace>/name`. */
  namespace?: string
  name: string
  /** As written, e.g. `kubernetes://istio-system/cert`. */
  written: string
  /** The Gateway's spec.selector, canonical: Gateways with equal selectors configure the same gateway workloads. */
  selector: string
  at: Place
}

/** One server of an Istio Gateway (its port line), for the bind-address pairing of HTTP and HTTPS servers. */
export interface ServerPort {
  port: number
  /** spec.servers[].port.protocol, upper-cased. */
  protocol: string
  /** spec.servers[].bind; '' when unset. */
  bind: string
  /** The Gateway's spec.selector, canonical (as for SecretReference). */
  selector: string
  /** Index of the server in its Gateway (the order istiod merges the servers of one Gateway in). */
  index: number
  at: Place
}

/** One host of a ServiceEntry. */
export interface HostReference {
  host: string
  /** metadata.namespace; absent when the file leaves it to kubectl -n / kustomize. */
  namespace?: string
  at: Place
}

/** A place in a document that may not be a resource (a Helm values file). */
interface Spot {
  file: string
  line: number
  /** The last line of what is reported (a provider's block), when it runs past `line`. */
  endLine?: number
  path: string
  resource?: ResourceRef
}

/** A place in a resource. */
interface Place extends Spot {
  resource: ResourceRef
}

/** An item of meshConfig.extensionProviders: its name and its kind (the key next to `name`, e.g. `lightstep`). */
export interface TracingProvider {
  kind: string
  name: string
  /** The line of the kind's key. */
  at: Spot
}

/** A tracing provider named by a defaultProviders.tracing list or a Telemetry resource's spec.tracing[].providers. */
export interface TracingSelection {
  name: string
  /** How the finding names the selector, e.g. `Telemetry mesh-default` or `defaultProviders.tracing`. */
  by: string
  at: Spot
  /**
   * The Telemetry tracing entry that names the provider sets `disableSpanReporting: true` (and no entry of that
   * Telemetry sets it back to false): istiod skips the provider of a disabled tracing spec, so it builds no tracer.
   */
  disabled?: true
  /**
   * Not a selection but a Telemetry tracing entry that sets `disableSpanReporting: false` without naming a provider:
   * it turns tracing back on with the provider it inherits, so disabled selections elsewhere may still be used.
   */
  reenables?: true
  /** The selection is a mesh config's defaultProviders.tracing (which a mesh-wide Telemetry naming providers overrides). */
  fromDefaults?: true
}

/**
 * A Telemetry resource without selector or targetRef(s) whose tracing entries name providers for client spans, server
 * spans or both (an entry without `match`, or `mode: CLIENT_AND_SERVER`, covers both). In the root namespace it is the
 * mesh-wide Telemetry: istiod takes its providers instead of meshConfig.defaultProviders.tracing for every workload.
 */
export interface TracingOverride {
  namespace: string
  by: string
  client: boolean
  server: boolean
}

/** An Istio Gateway that selects the pods of a managed Gateway API gateway by their gateway-name label. */
export interface GatewaySelection {
  /** The Gateway API Gateway named by the selector. */
  gateway: string
  /** metadata.namespace of the Istio Gateway; absent when the file leaves it to kubectl -n / kustomize. */
  namespace?: string
  at: Place
}

/** A Gateway API Gateway whose namespace is written (Istio deploys its proxy there, labelled with its name). */
export interface ManagedGateway {
  name: string
  namespace: string
  resource: ResourceRef
}

/** An IstioOperator object (one not marked as local input, see `operatorObject`). */
export interface OperatorObject {
  at: Place
}

/**
 * Something in the repository that puts files of it on the cluster: a kustomization (the files its `resources`
 * list), a Flux Kustomization or an Argo CD Application (a directory, and with Flux or `directory.recurse` the
 * directories below it), or an installation of the in-cluster operator itself (every IstioOperator).
 */
export interface Applier {
  /** How the finding names it, e.g. `kustomization apps/kustomization.yaml`. */
  what: string
  /** Repository paths of the files it lists (kustomization). */
  files?: string[]
  /** Repository directory it deploys ('' = the repository root), and whether the directories below it count. */
  dir?: { path: string; recurse: boolean }
  /** It runs the in-cluster operator, which reconciles every IstioOperator object of the cluster. */
  operator?: boolean
}

/**
 * Whether a file's text may hold facts a cross-object check reads (a Gateway's credentialName, a ServiceEntry, a
 * sign of ambient): the untouched files of a pull request that pass are parsed as pairing context. CRD schemas,
 * which name credentialName without a value, do not pass.
 */
export function mayHoldPairingFacts(text: string): boolean {
  return MAY_PAIR.test(text) || (optOutWords()?.test(text) ?? false)
}

let words: RegExp | null | undefined

/** Keys in nearly every values file or manifest: a poor sign that a file holds an opt-out. */
const GENERIC_KEYS = new Set(['enabled', 'mode', 'service', 'address', 'values', 'spec', 'name', 'type', 'value', 'pilot', 'global', 'metadata', 'namespace', 'labels', 'annotations', 'kind', 'port', 'env', 'config', 'data', 'image', 'tag', 'hub', 'containers', 'template'])
/** A string value specific enough to look for instead of its path's keys: six or more characters of a name. */
const TELLING_VALUE = /^[A-Za-z][\w./-]{4,}\w$/

/**
 * The names an `unlessRepository` opt-out can be written with (variables, the last key of a value path), as one
 * pattern: a file without any of them holds no opt-out. Null when the catalog has no opt-outs.
 */
function optOutWords(): RegExp | null {
  if (words !== undefined) return words
  const plan = optOutPlan()
  if (!plan) return (words = null)
  const names = new Set<string>([...plan.istiodEnv.keys(), ...plan.proxyEnv.keys(), ...plan.cniEnv.keys()])
  let unbounded = false
  for (const c of [...plan.helm, ...plan.meshConfig, ...[...plan.byKind.values()].flat()]) {
    if (c.match.type !== 'helmValue' && c.match.type !== 'meshConfig' && c.match.type !== 'field') continue
    for (const path of c.match.paths) {
      // A quoted last key (`$podMetadata.labels["istio.io/gateway-name"]`) is written as it is.
      const quoted = /\["([^"]+)"\]$/.exec(path)?.[1]
      if (quoted !== undefined && /^\w(?:.*\w)?$/.test(quoted)) {
        names.add(quoted.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        continue
      }
      // An opt-out on named string values (a GatewayClass metadata.name istio-agentgateway) is written with one of them.
      const values = 'values' in c.match ? c.match.values : undefined
      if (quoted === undefined && values && values.length > 0 && values.every((v) => typeof v === 'string' && TELLING_VALUE.test(v))) {
        for (const v of values as string[]) names.add(v.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        continue
      }
      // Every key of the path is written in a file that sets it, so one key is enough to look for: the longest (the
      // most telling; a last key such as `enabled`, `mode` or `service` is in nearly every file).
      // Generic keys (`enabled` of `pilot.cni.enabled`) are skipped when the path has another one to look for.
      const all = path.split('.').map((k) => k.replace(/\[\]$/, '')).filter((k) => /^[A-Za-z0-9_]+$/.test(k))
      const telling = all.filter((k) => !GENERIC_KEYS.has(k))
      // With generic keys only (a Namespace's metadata.name), a file that sets it names the kind.
      const written = c.match.type === 'field' ? c.match.kinds : []
      const kinds = written.filter((k) => /^[A-Z]\w+$/.test(k))
      if (telling.length === 0 && quoted === undefined && kinds.length > 0 && kinds.length === written.length) {
        for (const k of kinds) names.add(k)
        continue
      }
      const keys = telling.length > 0 ? telling : all
      const key = keys.reduce<string | undefined>((best, k) => (best === undefined || k.length > best.length ? k : best), undefined)
      if (key !== undefined && quoted === undefined) names.add(key)
      else unbounded = true
    }
  }
  return (words = unbounded ? /[^]/ : new RegExp(`\\b(?:${[...names].join('|')})\\b`))
}

const mentionsOptOut = new WeakMap<readonly string[], boolean>()

/** An opt-out a document sets: the key of the match it silences (`Compiled.optOutKey`), from `since` up to `until`. */
export interface OptOutFact {
  key: string
  until?: string
  since?: readonly string[]
}

/** The opt-outs a document sets. */
function optOutsOf(doc: ManifestDocument, lines?: readonly string[]): OptOutFact[] {
  const plan = optOutPlan()
  if (!plan) return []
  // A profile of Istio's own charts (vendored, or Istio's source tree) sets the old values for the installs that
  // select it: the selection (a compatibilityVersion) opts out, not the profile file.
  if (!doc.resource && isChartProfilePath(doc.file)) return []
  if (lines) {
    let mentions = mentionsOptOut.get(lines)
    if (mentions === undefined) {
      mentions = optOutWords()?.test(lines.join('\n')) ?? false
      mentionsOptOut.set(lines, mentions)
    }
    if (!mentions) return []
  }
  const out: OptOutFact[] = []
  for (const d of [doc, ...umbrellaSubcharts(doc)]) {
    for (const hit of collectHits(d, plan, lines)) {
      if (!hit.optOutKey) continue
      // A namespace's own setting (key ending in `@`) keeps the old behaviour for that namespace only: a Namespace's
      // setting for the namespace it names, any other object's for the namespace it is written in.
      const name = d.resource?.name
      const own = d.resource?.kind === 'Namespace' ? name : d.resource?.namespace
      if (hit.optOutKey.endsWith('@') && !own) continue
      let key = hit.optOutKey.endsWith('@') ? `${hit.optOutKey}${own}` : hit.optOutKey
      if (key.endsWith('~')) {
        // A setting that must hold the finding's own value (sameValue): the value it holds.
        const held = matchedScalar(hit)
        if (!held) continue
        key = `${key}${held}`
      }
      if (key.endsWith('=')) {
        // The object named, and the namespace it is looked for in ('' when the carrier writes none).
        const named = hit.value ?? (hit.valueNode?.kind === 'scalar' ? hit.valueNode.text : undefined)
        if (!named) continue
        // A waypoint in another namespace is named with istio.io/use-waypoint-namespace next to the name.
        const labels = isMap(d.value) && isMap(d.value.metadata) && isMap(d.value.metadata.labels) ? d.value.metadata.labels : {}
        const elsewhere = labels['istio.io/use-waypoint-namespace']
        const namespace = typeof elsewhere === 'string' ? elsewhere : d.resource?.kind === 'Namespace' ? (name ?? '') : (d.resource?.namespace ?? '')
        key = `${key}${named}@${namespace}`
      }
      out.push({ key, ...(hit.optOutUntil ? { until: hit.optOutUntil } : {}), ...(hit.optOutSince ? { since: hit.optOutSince } : {}) })
    }
  }
  return out
}

/** Istio charts by the name a Chart.yaml dependency gives them (the chart name, or a usual alias). */
const UMBRELLA_CHARTS: Record<string, string> = { base: 'base', istiod: 'istiod', cni: 'cni', 'istio-cni': 'cni', gateway: 'gateway', ztunnel: 'ztunnel' }

/**
 * An umbrella chart's values.yaml sets a dependency's values under the dependency's name (`cni: {env: {...}}` for a
 * Chart.yaml that depends on Istio's cni chart). Such a file is no Istio values file of its own, so its subtrees are
 * read for opt-outs only: each block under an Istio chart name, as that chart's values. Opt-outs only silence, and
 * they name Istio settings (CNI_CONF_GROUP_READ), so another project's block of the same name does not set one.
 */
function umbrellaSubcharts(doc: ManifestDocument): ManifestDocument[] {
  if (doc.resource || doc.kind === 'helm-values' || doc.embedded.length > 0 || !isMap(doc.value)) return []
  if (!/(^|\/)values\.ya?ml$/.test(doc.file)) return []
  const out: ManifestDocument[] = []
  for (const [key, value] of Object.entries(doc.value)) {
    const chart = UMBRELLA_CHARTS[key]
    if (!chart || !isMap(value)) continue
    out.push({ ...doc, embedded: [{ role: 'helm-values', chart, at: [key], root: nodeAt(doc.root, [key]) ?? null, value }] })
  }
  return out
}

const MAY_PAIR = /\b(?:lightstep|opencensus|defaultProviders|rootNamespace)\b|^kind:[ \t]*["']?Telemetry\b|gateway\.networking\.k8s\.io\/gateway-name["']?:[ \t]*["']?[\w.-]|^apiVersion:[ \t]*["']?gateway\.networking\.k8s\.io\/v1(?:beta1)?["']?[ \t]*\r?\nkind:[ \t]*["']?Gateway\b|^[ \t]*(?:- )?credentialNames?:[ \t]*[^\s#]|^kind:[ \t]*["']?(?:ServiceEntry|IstioOperator|Kustomization|Application)\b|^resources:|istio-operator\b|dataplane-mode["']?:[ \t]*["']?ambient|profile:[ \t]*["']?ambient|gatewayClassName:[ \t]*["']?istio-waypoint|^[ \t]*(?:- )?credentialNames:[ \t]*\r?\n[ \t]*- |chart:[ \t]*["']?ztunnel\b|^[ \t]*(?:- )?bind:[ \t]*[^\s#]|\bkind:[ \t]*["']?InferencePool\b|^kind:[ \t]*["']?(?:Namespace|HTTPRoute|GRPCRoute|TLSRoute|TCPRoute)\b|^[ \t]+group:[ \t]*["']?(?:gateway|inference)\.networking\.(?:x-)?k8s\.io["']?[ \t]*\r?$/m

/** A Gateway API route and the Gateways its parentRefs name (`parents`: undefined when some parent is not a Gateway). */
export interface RouteParents {
  resource: ResourceRef
  /** Each Gateway parent (namespace '' when neither the ref nor the route writes one); undefined when a parent is a Service, ServiceEntry or other kind. */
  gateways?: { namespace: string; name: string }[]
  /** The InferencePools its rules' backendRefs name (namespace '' when neither the ref nor the route writes one). */
  pools?: { namespace: string; name: string }[]
  /** The Services its rules' backendRefs name (kind Service is the default), for the backend policies. */
  services?: { namespace: string; name: string }[]
  /** A BackendTLSPolicy / XBackendTrafficPolicy: the Services its targetRefs name (no route: `gateways` and the rest unset). */
  targets?: { namespace: string; name: string }[]
}

/** A Gateway API Gateway and its class. */
export interface GatewayClassFact {
  name: string
  namespace?: string
  className: string
}

/** What the cross-object checks need from one document. */
export interface DocumentFacts {
  secrets: SecretReference[]
  servers: ServerPort[]
  hosts: HostReference[]
  /** The document shows that the mesh runs ambient (see `showsAmbient`). */
  ambient: boolean
  operators: OperatorObject[]
  appliers: Applier[]
  selections: GatewaySelection[]
  managed: ManagedGateway[]
  providers: TracingProvider[]
  tracers: TracingSelection[]
  overrides: TracingOverride[]
  /** meshConfig.rootNamespace of the mesh configs the document holds (none written: `meshWideTracing` takes istio-system). */
  roots: string[]
  routes: RouteParents[]
  gateways: GatewayClassFact[]
  /** The opt-outs the document sets (`unlessRepository`), which silence catalog matches everywhere. */
  optOuts: OptOutFact[]
  /** A v1 Namespace: its name and the labels that decide its pods' data plane (for the pod scope of matches). */
  namespace?: { name: string; facts: NamespaceFacts }
  /** A Gateway API or Inference Extension CustomResourceDefinition the repository installs, with the versions it serves. */
  crds: InstalledCrd[]
}

/** A CustomResourceDefinition of a group the cluster gets from the repository rather than from Istio's pins. */
export interface InstalledCrd {
  group: string
  kind: string
  /** The versions written with `served: true`. */
  served: string[]
}

/** Groups whose CRDs users install themselves (Istio only reads them): a repository's copy says what the API server serves. */
const INSTALLED_GROUPS = new Set(['gateway.networking.k8s.io', 'gateway.networking.x-k8s.io', 'inference.networking.k8s.io', 'inference.networking.x-k8s.io'])

const NONE: DocumentFacts = { secrets: [], servers: [], hosts: [], ambient: false, operators: [], appliers: [], selections: [], managed: [], providers: [], tracers: [], overrides: [], roots: [], routes: [], gateways: [], optOuts: [], crds: [] }
const factsByDoc = new WeakMap<ManifestDocument, DocumentFacts>()

/**
 * Records the facts of a document while its position tree is there. Cheap for every other document: a look at
 * its kind and a few metadata keys.
 */
export function noteDocument(doc: ManifestDocument, lines?: readonly string[]): void {
  if (factsByDoc.has(doc) || doc.root === null) return
  const facts = factsOf(doc, lines)
  if (facts !== NONE) factsByDoc.set(doc, facts)
}

/**
 * The recorded facts of a document, or (when it was never checked and still has its tree) the facts read now and
 * kept, NONE too, so that the repository checks and the opt-out lookup read each such document once.
 */
function recalled(doc: ManifestDocument, lines?: readonly string[]): DocumentFacts {
  const known = factsByDoc.get(doc)
  if (known) return known
  if (doc.root === null) return NONE
  const facts = factsOf(doc, lines)
  factsByDoc.set(doc, facts)
  return facts
}

function factsOf(doc: ManifestDocument, lines?: readonly string[]): DocumentFacts {
  const value = doc.value
  if (!isMap(value)) return NONE
  const resource = doc.resource
  const istioGateway = resource && resource.kind === 'Gateway' && ISTIO_NETWORKING.has(resource.apiVersion) ? resource : undefined
  const secrets = istioGateway ? secretReferences(doc, value, istioGateway) : []
  const servers = istioGateway ? serverPorts(doc, value, istioGateway) : []
  const hosts = resource && resource.kind === 'ServiceEntry' && ISTIO_NETWORKING.has(resource.apiVersion) ? hostReferences(doc, value, resource) : []
  const ambient = showsAmbient(doc, value)
  const operator = resource ? operatorObject(doc, value, resource) : undefined
  const operators = operator ? [operator] : []
  const appliers = appliersOf(doc, value)
  const selections = istioGateway ? gatewaySelections(doc, value, istioGateway) : []
  const managed = resource && resource.kind === 'Gateway' && resource.apiVersion.startsWith('gateway.networking.k8s.io/') && resource.name && resource.namespace && istioManages(value) ? [{ name: resource.name, namespace: resource.namespace, resource }] : []
  const { providers, tracers, overrides, roots } = tracingOf(doc, value)
  const gatewayApi = resource && (resource.apiVersion.startsWith('gateway.networking.k8s.io/') || resource.apiVersion.startsWith('gateway.networking.x-k8s.io/')) ? resource : undefined
  const routes = gatewayApi && ROUTE_KINDS.includes(gatewayApi.kind) ? [routeParents(value, gatewayApi)] : gatewayApi && BACKEND_POLICY_KINDS.includes(gatewayApi.kind) ? policyTargets(value, gatewayApi) : []
  const className = gatewayApi?.kind === 'Gateway' && isMap(value.spec) ? value.spec.gatewayClassName : undefined
  const gateways = gatewayApi?.name && typeof className === 'string' ? [{ name: gatewayApi.name, ...(gatewayApi.namespace ? { namespace: gatewayApi.namespace } : {}), className }] : []
  const optOuts = optOutsOf(doc, lines)
  const namespace = namespaceFactsOf(value, resource?.kind, resource?.apiVersion)
  const crds = resource?.kind === 'CustomResourceDefinition' && resource.apiVersion === 'apiextensions.k8s.io/v1' ? installedCrd(value) : []
  const empty = !namespace && crds.length === 0 && secrets.length === 0 && servers.length === 0 && hosts.length === 0 && !ambient && operators.length === 0 && appliers.length === 0 && selections.length === 0 && managed.length === 0 && providers.length === 0 && tracers.length === 0 && overrides.length === 0 && roots.length === 0 && routes.length === 0 && gateways.length === 0 && optOuts.length === 0
  return empty ? NONE : { secrets, servers, hosts, ambient, operators, appliers, selections, managed, providers, tracers, overrides, roots, routes, gateways, optOuts, crds, ...(namespace ? { namespace } : {}) }
}

/** A Gateway API / Inference Extension CRD: its group, kind and the versions it serves (`served: true`, as the API server requires a boolean). */
function installedCrd(value: Record<string, unknown>): InstalledCrd[] {
  const spec = value.spec
  if (!isMap(spec) || typeof spec.group !== 'string' || !INSTALLED_GROUPS.has(spec.group) || !isMap(spec.names) || typeof spec.names.kind !== 'string' || !Array.isArray(spec.versions)) return []
  const served = spec.versions.filter((v): v is Record<string, unknown> => isMap(v) && typeof v.name === 'string' && v.served === true).map((v) => v.name as string)
  return [{ group: spec.group, kind: spec.names.kind, served }]
}

/**
 * The Gateway API and Inference Extension CRDs the files install, as `<group>/<kind>` → every version some copy serves
 * (a CRD written more than once, e.g. per environment, serves what any of its copies does).
 */
export function installedCrds(files: readonly ManifestFile[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const file of files) {
    for (const doc of file.documents) {
      for (const crd of recalled(doc, file.lines).crds) {
        const key = `${crd.group}/${crd.kind}`
        const set = out.get(key) ?? new Set<string>()
        for (const v of crd.served) set.add(v)
        out.set(key, set)
      }
    }
  }
  return out
}

/** The Gateways a route's parentRefs name (kind Gateway is the default), or undefined gateways when a parent is not one. */
function routeParents(value: Record<string, unknown>, resource: ResourceRef): RouteParents {
  const { pools, services } = backendRefsOf(value, resource)
  const base: RouteParents = { resource, ...(pools.length > 0 ? { pools } : {}), ...(services.length > 0 ? { services } : {}) }
  // A ListenerSet (XListenerSet before Gateway API 1.5) names its one Gateway in spec.parentRef.
  const refs = isMap(value.spec) ? (value.spec.parentRefs ?? (isMap(value.spec.parentRef) ? [value.spec.parentRef] : undefined)) : undefined
  if (!Array.isArray(refs) || refs.length === 0) return base
  const gateways: { namespace: string; name: string }[] = []
  for (const ref of refs) {
    if (!isMap(ref) || typeof ref.name !== 'string') return base
    const kind = ref.kind ?? 'Gateway'
    const group = ref.group ?? 'gateway.networking.k8s.io'
    if (kind !== 'Gateway' || group !== 'gateway.networking.k8s.io') return base
    gateways.push(referenced(ref, ref.name, resource))
  }
  return { ...base, gateways }
}

/** What a reference of `resource` names: its name, and its namespace or else the resource's ('' when neither writes one). */
function referenced(ref: Record<string, unknown>, name: string, resource: ResourceRef): { namespace: string; name: string } {
  return { namespace: typeof ref.namespace === 'string' ? ref.namespace : (resource.namespace ?? ''), name }
}

/** A reference's group names the core API group (unset, empty or `core`), where Services are. */
function coreGroup(ref: Record<string, unknown>): boolean {
  return ref.group === undefined || ref.group === '' || ref.group === 'core'
}

/** A backend policy's Service targets, as a route-like fact without parents (none when a target is not a core Service). */
function policyTargets(value: Record<string, unknown>, resource: ResourceRef): RouteParents[] {
  const refs = isMap(value.spec) ? value.spec.targetRefs : undefined
  if (!Array.isArray(refs) || refs.length === 0) return []
  const targets: { namespace: string; name: string }[] = []
  for (const ref of refs) {
    if (!isMap(ref) || typeof ref.name !== 'string' || ref.kind !== 'Service' || !coreGroup(ref)) return []
    targets.push({ namespace: resource.namespace ?? '', name: ref.name })
  }
  return [{ resource, targets }]
}

/** The InferencePools (any group: the v1alpha2 and the v1 pool alike) and the core Services a route's rules name in backendRefs. */
function backendRefsOf(value: Record<string, unknown>, resource: ResourceRef): { pools: { namespace: string; name: string }[]; services: { namespace: string; name: string }[] } {
  const pools: { namespace: string; name: string }[] = []
  const services: { namespace: string; name: string }[] = []
  const rules = isMap(value.spec) ? value.spec.rules : undefined
  if (!Array.isArray(rules)) return { pools, services }
  for (const rule of rules) {
    const refs = isMap(rule) ? rule.backendRefs : undefined
    if (!Array.isArray(refs)) continue
    for (const ref of refs) {
      if (!isMap(ref) || typeof ref.name !== 'string') continue
      const kind = ref.kind ?? 'Service'
      if (kind === 'InferencePool') pools.push(referenced(ref, ref.name, resource))
      else if (kind === 'Service' && coreGroup(ref)) services.push(referenced(ref, ref.name, resource))
    }
  }
  return { pools, services }
}

/** A reference (namespace '' when neither the reference nor its holder writes one) names the object: same name, and the same namespace where both are written. */
function names(ref: { namespace: string; name: string }, object: { name?: string; namespace?: string }): boolean {
  return ref.name === object.name && (ref.namespace === '' || object.namespace === undefined || ref.namespace === object.namespace)
}

/**
 * Which Gateway API objects only another controller serves, for the `istioRoutes` matches: a route (or listener set)
 * whose every parentRef names a Gateway the files hold, each such Gateway's class not starting with `istio`; an
 * InferencePool that routes in the files name in backendRefs, every one of them such a route (a pool no analysed route
 * names is not). One pass over the documents' recorded facts.
 */
export function servedOnlyByOthers(files: readonly ManifestFile[]): (resource: ResourceRef) => boolean {
  const routes: RouteParents[] = []
  const gateways: GatewayClassFact[] = []
  for (const file of files) {
    for (const doc of file.documents) {
      const facts = recalled(doc, file.lines)
      for (const r of facts.routes) routes.push(r)
      for (const g of facts.gateways) gateways.push(g)
    }
  }
  const foreignGateway = (ref: { namespace: string; name: string }): boolean => {
    const named = gateways.filter((g) => names(ref, g))
    return named.length > 0 && named.every((g) => !g.className.startsWith('istio'))
  }
  const foreign = new Set<ResourceRef>()
  for (const r of routes) if (r.gateways && r.gateways.every(foreignGateway)) foreign.add(r.resource)
  const backends = routes.flatMap((r) => (r.pools ?? []).map((pool) => ({ pool, foreign: foreign.has(r.resource) })))
  const services = routes.flatMap((r) => (r.services ?? []).map((service) => ({ service, foreign: foreign.has(r.resource) })))
  return (resource) => {
    if (BACKEND_POLICY_KINDS.includes(resource.kind)) {
      // A backend policy whose every target Service only routes of other controllers' Gateways send to.
      const targets = routes.find((r) => r.resource === resource)?.targets ?? []
      return targets.length > 0 && targets.every((t) => {
        const named = services.filter((s) => names(s.service, { name: t.name, ...(t.namespace ? { namespace: t.namespace } : {}) }))
        return named.length > 0 && named.every((s) => s.foreign)
      })
    }
    if (resource.kind !== 'InferencePool') return foreign.has(resource)
    const named = backends.filter((b) => names(b.pool, resource))
    return named.length > 0 && named.every((b) => b.foreign)
  }
}

/**
 * The tracing providers a document defines (meshConfig.extensionProviders, wherever the mesh config sits) and the
 * ones it selects: a mesh config's defaultProviders.tracing, a Telemetry resource's spec.tracing[].providers.
 */
function tracingOf(doc: ManifestDocument, value: Record<string, unknown>): Pick<DocumentFacts, 'providers' | 'tracers' | 'overrides' | 'roots'> {
  const providers: TracingProvider[] = []
  const tracers: TracingSelection[] = []
  const overrides: TracingOverride[] = []
  const roots: string[] = []
  const resource = doc.resource
  if (resource && resource.kind === 'Telemetry' && resource.apiVersion.startsWith('telemetry.istio.io/')) {
    const tracing = isMap(value.spec) ? value.spec.tracing : undefined
    if (Array.isArray(tracing)) {
      // disableSpanReporting: true turns the tracing spec off before istiod looks at its provider (a later entry of
      // the same Telemetry that sets false turns it back on).
      const reenabled = tracing.some((t) => isMap(t) && t.disableSpanReporting === false)
      tracing.forEach((t, i) => {
        const list = isMap(t) ? t.providers : undefined
        if (isMap(t) && t.disableSpanReporting === false && !(Array.isArray(list) && list.length > 0)) {
          tracers.push({ name: '', by: who(resource), at: { file: doc.file, line: lineOf(entryAt(doc.root, ['spec', 'tracing', i, 'disableSpanReporting'])?.keyNode, doc.line), path: `spec.tracing[${i}].disableSpanReporting`, resource }, reenables: true })
        }
        if (!Array.isArray(list)) return
        const disabled = isMap(t) && t.disableSpanReporting === true && !reenabled
        list.forEach((p, j) => {
          if (!isMap(p) || typeof p.name !== 'string' || p.name === '') return
          const path: (string | number)[] = ['spec', 'tracing', i, 'providers', j, 'name']
          tracers.push({ name: p.name, by: who(resource), at: { file: doc.file, line: lineOf(entryAt(doc.root, path)?.keyNode, doc.line), path: `spec.tracing[${i}].providers[${j}].name`, resource }, ...(disabled ? { disabled: true as const } : {}) })
        })
      })
      const override = telemetryOverride(value, resource, tracing)
      if (override) overrides.push(override)
    }
  }
  // Mesh configs appear in Helm values, IstioOperator resources and the istio ConfigMap: a quick look at the text
  // of the document keeps every other one cheap.
  if (doc.embedded.length === 0 && doc.kind !== 'helm-values' && doc.family !== 'istio-operator') return { providers, tracers, overrides, roots }
  for (const tree of meshTreesOf(doc, helmTreesOf(doc))) {
    const mesh = tree.value
    if (!isMap(mesh)) continue
    const at = (path: (string | number)[]): Spot => {
      const where = located(tree.root, path)
      return { file: doc.file, line: where?.line ?? doc.line, ...(where && where.endLine > where.line ? { endLine: where.endLine } : {}), path: formatPath([...tree.at, ...path]), ...(resource ? { resource } : {}) }
    }
    if (Array.isArray(mesh.extensionProviders)) {
      mesh.extensionProviders.forEach((p, i) => {
        if (!isMap(p) || typeof p.name !== 'string') return
        for (const kind of Object.keys(p)) {
          if (kind === 'name' || !isMap(p[kind])) continue
          providers.push({ kind, name: p.name, at: at(['extensionProviders', i, kind]) })
        }
      })
    }
    const defaults = isMap(mesh.defaultProviders) ? mesh.defaultProviders.tracing : undefined
    if (Array.isArray(defaults)) {
      defaults.forEach((name, j) => {
        if (typeof name === 'string' && name !== '') tracers.push({ name, by: 'defaultProviders.tracing', at: at(['defaultProviders', 'tracing', j]), fromDefaults: true })
      })
    }
    if (typeof mesh.rootNamespace === 'string' && mesh.rootNamespace !== '') roots.push(mesh.rootNamespace)
  }
  return { providers, tracers, overrides, roots }
}

/** The override a selector-less Telemetry's tracing entries make (see TracingOverride), if they name any provider. */
function telemetryOverride(value: Record<string, unknown>, resource: ResourceRef, tracing: readonly unknown[]): TracingOverride | undefined {
  const spec = value.spec as Record<string, unknown>
  if (resource.namespace === undefined || spec.selector !== undefined || spec.targetRef !== undefined || spec.targetRefs !== undefined) return undefined
  let client = false
  let server = false
  for (const t of tracing) {
    if (!isMap(t) || !Array.isArray(t.providers) || !t.providers.some((p) => isMap(p) && typeof p.name === 'string' && p.name !== '')) continue
    const mode = isMap(t.match) ? t.match.mode : undefined
    if (mode === undefined || mode === 'CLIENT_AND_SERVER' || mode === 'CLIENT') client = true
    if (mode === undefined || mode === 'CLIENT_AND_SERVER' || mode === 'SERVER') server = true
  }
  return client || server ? { namespace: resource.namespace, by: who(resource), client, server } : undefined
}

/**
 * An IstioOperator object; none for one annotated `config.kubernetes.io/local-config: "true"`, the mark of a file
 * that kustomize and kpt read but never apply (here: an input for istioctl), nor for one the in-cluster operator
 * itself skipped (its Reconcile, up to 1.23: annotation `install.istio.io/ignoreReconcile: "true"`, or
 * `spec.profile: ambient`), whose reconciling nothing can lose.
 */
function operatorObject(doc: ManifestDocument, value: Record<string, unknown>, resource: ResourceRef): OperatorObject | undefined {
  if (resource.kind !== 'IstioOperator' || doc.family !== 'istio-operator') return undefined
  const metadata = value.metadata
  const annotations = isMap(metadata) ? metadata.annotations : undefined
  if (isMap(annotations) && String(annotations['config.kubernetes.io/local-config']) === 'true') return undefined
  if (isMap(annotations) && String(annotations['install.istio.io/ignoreReconcile']) === 'true') return undefined
  if (isMap(value.spec) && value.spec.profile === 'ambient') return undefined
  return { at: { file: doc.file, line: lineOf(entryAt(doc.root, ['apiVersion'])?.keyNode, doc.line), path: 'apiVersion', resource } }
}

/** `a/./b/../c/` → `a/c`; undefined for a path that leaves the repository or is not a plain path (a URL). */
function normalPath(path: string): string | undefined {
  if (path.includes('://') || path.startsWith('/') || /^(?:github\.com|gitlab\.com|bitbucket\.org)\//.test(path)) return undefined
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return undefined
      out.pop()
    } else out.push(part)
  }
  return out.join('/')
}

function dirOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''
}

const KUSTOMIZATION_FILE = /(^|\/)(?:kustomization\.ya?ml|Kustomization)$/

function appliersOf(doc: ManifestDocument, value: Record<string, unknown>): Applier[] {
  const resource = doc.resource
  const name = resource ? `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name ?? '(unnamed)'}` : ''
  if (KUSTOMIZATION_FILE.test(doc.file) && Array.isArray(value.resources)) {
    const dir = dirOf(doc.file)
    const files = value.resources.flatMap((r) => {
      const p = typeof r === 'string' ? normalPath(dir === '' ? r : `${dir}/${r}`) : undefined
      return p === undefined ? [] : [p]
    })
    return files.length > 0 ? [{ what: `kustomization ${doc.file}`, files }] : []
  }
  if (!resource) return []
  const spec = value.spec
  if (resource.kind === 'Kustomization' && resource.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') && isMap(spec) && typeof spec.path === 'string') {
    // Flux applies the kustomization.yaml of the directory, or generates one over every manifest below it. The
    // repository root is left out: a Flux Kustomization of the whole tree usually deploys another repository.
    const path = normalPath(spec.path)
    return path ? [{ what: `Flux Kustomization ${name}`, dir: { path, recurse: true } }] : []
  }
  if (resource.kind === 'Application' && resource.apiVersion.startsWith('argoproj.io/') && isMap(spec)) {
    const sources = [spec.source, ...(Array.isArray(spec.sources) ? spec.sources : [])].filter(isMap)
    return sources.flatMap((source) => {
      const path = typeof source.path === 'string' && source.chart === undefined ? normalPath(source.path) : undefined
      const recurse = isMap(source.directory) && source.directory.recurse === true
      return path ? [{ what: `Argo CD Application ${name}`, dir: { path, recurse } }] : []
    })
  }
  if (doc.family === 'helm-release' && doc.chart === 'istio-operator') return [{ what: `the istio-operator chart installed by ${resource.kind} ${name}`, operator: true }]
  if (resource.kind === 'Deployment' && resource.name === 'istio-operator') return [{ what: `the istio-operator Deployment in ${doc.file}`, operator: true }]
  return []
}

function lineOf(node: PosNode | undefined, fallback: number): number {
  return node ? node.line : fallback
}

/** `name`, `ns/name`, `kubernetes://name`, `kubernetes://ns/name`; other schemes (kubernetes-gateway://, builtin://, sds://) are keyed apart. */
function parseCredential(text: string): { namespace?: string; name: string } | undefined {
  const bare = text.startsWith('kubernetes://') ? text.slice('kubernetes://'.length) : text
  if (bare === '' || bare.includes('://')) return undefined
  const parts = bare.split('/')
  if (parts.length === 1) return { name: parts[0] }
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') return { namespace: parts[0], name: parts[1] }
  return undefined
}

function canonicalSelector(selector: unknown): string {
  if (!isMap(selector)) return ''
  return Object.keys(selector)
    .sort()
    .map((k) => `${k}=${String(selector[k])}`)
    .join(',')
}

function secretReferences(doc: ManifestDocument, value: Record<string, unknown>, resource: ResourceRef): SecretReference[] {
  const spec = value.spec
  if (!isMap(spec) || !Array.isArray(spec.servers)) return []
  const selector = canonicalSelector(spec.selector)
  const out: SecretReference[] = []
  spec.servers.forEach((server, i) => {
    const tls = isMap(server) ? server.tls : undefined
    if (!isMap(tls)) return
    const add = (text: unknown, path: (string | number)[], line: number) => {
      if (typeof text !== 'string') return
      const parsed = parseCredential(text)
      if (!parsed) return
      out.push({ ...parsed, written: text, selector, at: { file: doc.file, line, path: path.map((p, j) => (typeof p === 'number' ? `[${p}]` : j === 0 ? p : `.${p}`)).join(''), resource } })
    }
    const base = ['spec', 'servers', i, 'tls']
    add(tls.credentialName, [...base, 'credentialName'], lineOf(entryAt(doc.root, [...base, 'credentialName'])?.keyNode, doc.line))
    if (Array.isArray(tls.credentialNames)) {
      tls.credentialNames.forEach((c, j) => add(c, [...base, 'credentialNames', j], lineOf(nodeAt(doc.root, [...base, 'credentialNames', j]), doc.line)))
    }
  })
  return out
}

/** The servers of an Istio Gateway with a port number; none unless some server of it names a bind address. */
function serverPorts(doc: ManifestDocument, value: Record<string, unknown>, resource: ResourceRef): ServerPort[] {
  const spec = value.spec
  if (!isMap(spec) || !Array.isArray(spec.servers)) return []
  if (!spec.servers.some((s) => isMap(s) && typeof s.bind === 'string' && s.bind !== '')) return []
  const selector = canonicalSelector(spec.selector)
  const out: ServerPort[] = []
  spec.servers.forEach((server, i) => {
    if (!isMap(server) || !isMap(server.port)) return
    const port = Number(server.port.number)
    if (!Number.isInteger(port)) return
    const protocol = typeof server.port.protocol === 'string' ? server.port.protocol.toUpperCase() : ''
    const bind = typeof server.bind === 'string' ? server.bind : ''
    const line = lineOf(entryAt(doc.root, ['spec', 'servers', i, 'port', 'number'])?.keyNode, doc.line)
    out.push({ port, protocol, bind, selector, index: i, at: { file: doc.file, line, path: `spec.servers[${i}].port.number`, resource } })
  })
  return out
}

function hostReferences(doc: ManifestDocument, value: Record<string, unknown>, resource: ResourceRef): HostReference[] {
  const spec = value.spec
  if (!isMap(spec) || !Array.isArray(spec.hosts)) return []
  const out: HostReference[] = []
  spec.hosts.forEach((host, j) => {
    if (typeof host !== 'string' || host === '') return
    out.push({ host, ...(resource.namespace !== undefined ? { namespace: resource.namespace } : {}), at: { file: doc.file, line: lineOf(nodeAt(doc.root, ['spec', 'hosts', j]), doc.line), path: `spec.hosts[${j}]`, resource } })
  })
  return out
}

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name'
/** Labels Istio's kube-gateway template puts on the pods of a managed Gateway API gateway (besides spec.infrastructure.labels). */
const MANAGED_POD_LABELS: ReadonlySet<string> = new Set([GATEWAY_NAME_LABEL, 'gateway.istio.io/managed', 'sidecar.istio.io/inject', 'service.istio.io/canonical-name', 'service.istio.io/canonical-revision', 'istio.io/rev'])

function gatewaySelections(doc: ManifestDocument, value: Record<string, unknown>, resource: ResourceRef): GatewaySelection[] {
  const spec = value.spec
  const selector = isMap(spec) ? spec.selector : undefined
  const name = isMap(selector) ? selector[GATEWAY_NAME_LABEL] : undefined
  if (typeof name !== 'string' || name === '') return []
  // A selector that also asks for a label Istio does not put on a managed gateway's pods never matched them.
  if (Object.keys(selector as Record<string, unknown>).some((k) => !MANAGED_POD_LABELS.has(k))) return []
  const line = lineOf(entryAt(doc.root, ['spec', 'selector', GATEWAY_NAME_LABEL])?.keyNode, doc.line)
  return [{ gateway: name, ...(resource.namespace !== undefined ? { namespace: resource.namespace } : {}), at: { file: doc.file, line, path: `spec.selector["${GATEWAY_NAME_LABEL}"]`, resource } }]
}

/**
 * Ambient shows in: the dataplane-mode label set to ambient, the ambient profile (Helm values, IstioOperator), an
 * installation of the ztunnel chart or values for it, and waypoints (Gateways of class istio-waypoint).
 */
function showsAmbient(doc: ManifestDocument, value: Record<string, unknown>): boolean {
  if (doc.chart === 'ztunnel') return true
  const metadata = value.metadata
  if (isMap(metadata) && isMap(metadata.labels) && metadata.labels['istio.io/dataplane-mode'] === 'ambient') return true
  const spec = value.spec
  if (doc.family === 'istio-operator' && isMap(spec) && spec.profile === 'ambient') return true
  if (doc.resource?.kind === 'Gateway' && isMap(spec) && spec.gatewayClassName === 'istio-waypoint') return true
  if (doc.kind === 'helm-values' && value.profile === 'ambient') return true
  for (const e of doc.embedded) {
    if (e.role !== 'helm-values') continue
    if (e.chart === 'ztunnel') return true
    if (isMap(e.value) && (e.value.profile === 'ambient' || (isMap(e.value.global) && e.value.global.profile === 'ambient'))) return true
  }
  return false
}

// ---- the checks ------------------------------------------------------------------------------------------------

/** A finding-to-be: the reference reported, the text naming what it pairs with, and the compiled entry. */
interface PairHit {
  at: Spot
  detail: string
}

function who(r: ResourceRef): string {
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? '(unnamed)'}`
}

function byPlace(a: { at: Spot }, b: { at: Spot }): number {
  return a.at.file.localeCompare(b.at.file) || a.at.line - b.at.line
}

/**
 * Istio reads a Gateway's `credentialName: name` in the namespace of the gateway workload (the proxy), not the
 * Gateway's: `kubernetes://name` and `kubernetes://<that namespace>/name` are one Secret, and before the fix the
 * SDS cache keyed them alike, so one of the two resource names was answered with the other's secret and stayed
 * WARMING. A `<namespace>/name` reference only works on a workload of that namespace, so the workloads a selector
 * picks run in every namespace its Gateways name explicitly: that is where a bare name of the same selector resolves.
 * A bare name whose workloads' namespace nothing shows is left alone (the Gateway's own namespace says nothing).
 */
function secretNameForms(refs: readonly SecretReference[], inScope: (at: Place) => boolean): PairHit[] {
  const workloadNamespaces = new Map<string, Set<string>>()
  for (const r of refs) {
    if (r.namespace === undefined) continue
    const set = workloadNamespaces.get(r.selector) ?? new Set<string>()
    set.add(r.namespace)
    workloadNamespaces.set(r.selector, set)
  }
  // Secret (namespace/name) → the references that resolve to it.
  const bySecret = new Map<string, SecretReference[]>()
  const add = (key: string, r: SecretReference) => {
    const list = bySecret.get(key)
    if (list) list.push(r)
    else bySecret.set(key, [r])
  }
  for (const r of refs) {
    if (r.namespace !== undefined) add(`${r.namespace}/${r.name}`, r)
    else for (const ns of workloadNamespaces.get(r.selector) ?? []) add(`${ns}/${r.name}`, r)
  }
  const out: PairHit[] = []
  const reported = new Set<string>()
  for (const [secret, list] of bySecret) {
    const bare = list.filter((r) => r.namespace === undefined)
    const full = list.filter((r) => r.namespace !== undefined)
    if (bare.length === 0 || full.length === 0) continue
    const sorted = [...list].sort(byPlace)
    const first = sorted[0]
    const firstBare = first.namespace === undefined
    const other = (r: SecretReference) => (r.namespace === undefined ? full : bare).slice().sort(byPlace)[0]
    // The references written in the other form than the first one; when none of them is in scope, the first
    // in-scope reference of the first form (so a PR touching either side hears of the pair).
    let chosen = sorted.filter((r) => (r.namespace === undefined) !== firstBare && inScope(r.at))
    if (chosen.length === 0) chosen = sorted.filter((r) => inScope(r.at)).slice(0, 1)
    for (const r of chosen) {
      const o = other(r)
      const key = `${r.at.file}:${r.at.line}|${o.at.file}:${o.at.line}`
      if (reported.has(key)) continue
      reported.add(key)
      const where = o.at.resource === r.at.resource ? 'another server of this Gateway' : who(o.at.resource)
      const why = o.selector === r.selector ? 'same gateway selector' : `the gateway workloads of ${r.namespace === undefined ? 'this' : 'that'} selector run in ${secret.split('/')[0]}, as their explicit references show`
      const detail = `${r.written} here and ${o.written} in ${where} name the same Secret ${secret} (${why})`
      out.push({ at: r.at, detail })
    }
  }
  return out
}

const PLAINTEXT_HTTP = new Set(['HTTP', 'HTTP2', 'GRPC'])
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS'])

/**
 * An HTTP server and an HTTPS (or TLS) server of the same gateway workloads (equal selectors) on one port number
 * with different bind addresses: before the fix istiod keyed plaintext servers by port alone, so when the TLS
 * server was merged first the HTTP server lost its routes. In one Gateway the servers merge in list order (the TLS
 * server must come first); across Gateways the order is istiod's, so any such pair counts.
 */
function httpsHttpBind(servers: readonly ServerPort[], inScope: (at: Place) => boolean): PairHit[] {
  const out: PairHit[] = []
  for (const http of servers) {
    if (!PLAINTEXT_HTTP.has(http.protocol) || !inScope(http.at)) continue
    const tls = servers
      .filter((s) => TLS_PROTOCOLS.has(s.protocol) && s.selector === http.selector && s.port === http.port && s.bind !== http.bind)
      .filter((s) => s.at.resource !== http.at.resource || s.index < http.index)
      .sort(byPlace)[0]
    if (!tls) continue
    const where = tls.at.resource === http.at.resource ? 'an earlier server of this Gateway' : who(tls.at.resource)
    const bind = (b: string) => (b === '' ? 'no bind' : `bind ${b}`)
    out.push({ at: http.at, detail: `this ${http.protocol} server on port ${http.port} (${bind(http.bind)}) and the ${tls.protocol} server on that port in ${where} (${bind(tls.bind)}) configure the same gateway workloads` })
  }
  return out
}

/**
 * Two ServiceEntries of one namespace with the same host: before the fix ambient's index kept one of them per
 * namespace/host (the later write won, and deleting it lost the host until istiod restarted). Namespaces must be
 * known to match: both written and equal, or both left out in files of one directory (applied together).
 */
function ambientServiceEntryHosts(refs: readonly HostReference[], inScope: (at: Place) => boolean): PairHit[] {
  const groups = new Map<string, HostReference[]>()
  for (const r of refs) {
    const where = r.namespace !== undefined ? `ns:${r.namespace}` : `dir:${dirOf(r.at.file)}`
    const key = `${where}\u0000${r.host}`
    const list = groups.get(key)
    if (list) list.push(r)
    else groups.set(key, [r])
  }
  const out: PairHit[] = []
  for (const list of groups.values()) {
    const entries = new Set(list.map((r) => who(r.at.resource)))
    if (entries.size < 2) continue
    const sorted = [...list].sort(byPlace)
    const first = sorted[0]
    let chosen = sorted.filter((r) => who(r.at.resource) !== who(first.at.resource) && inScope(r.at))
    if (chosen.length === 0) chosen = sorted.filter((r) => inScope(r.at)).slice(0, 1)
    for (const r of chosen) {
      const o = who(r.at.resource) === who(first.at.resource) ? sorted.find((x) => who(x.at.resource) !== who(first.at.resource))! : first
      const ns = r.namespace ?? 'the namespace both are applied to'
      out.push({ at: r.at, detail: `host ${r.host} is also declared by ${who(o.at.resource)} in ${r.namespace !== undefined ? `namespace ${ns}` : ns}` })
    }
  }
  return out
}

/**
 * IstioOperator objects the repository applies to the cluster, each with what applies it: those are what the
 * in-cluster operator reconciled. An IstioOperator nothing applies is taken as an input file of istioctl, which
 * still reads it on every release.
 */
function appliedOperators(operators: readonly OperatorObject[], appliers: readonly Applier[], inScope: (at: Place) => boolean): PairHit[] {
  const out: PairHit[] = []
  for (const o of operators) {
    if (!inScope(o.at)) continue
    const dir = dirOf(o.at.file)
    const by = appliers.find((a) => a.files?.includes(o.at.file)) ??
      appliers.find((a) => a.dir && (a.dir.path === dir || (a.dir.recurse && dir.startsWith(`${a.dir.path}/`)))) ??
      appliers.find((a) => a.operator)
    if (!by) continue
    const how = by.operator ? `${by.what} runs the in-cluster operator` : by.files ? `${by.what} lists this file, so the object is applied to the cluster` : `${by.what} deploys ${by.dir?.path === dir ? 'the directory of this file' : `${by.dir?.path}/, which holds this file`}`
    out.push({ at: o.at, detail: how })
  }
  return out
}

/** Keys of the catalog matches that an opt-out somewhere in `files` silences on `target` (`unlessRepository`). */
export function optedOut(files: readonly ManifestFile[], target: Release): Set<string> {
  const out = new Set<string>()
  if (!optOutPlan()) return out
  for (const file of files) for (const doc of file.documents) for (const o of recalled(doc, file.lines).optOuts) if ((o.until === undefined || !includesChange(target, o.until)) && (o.since === undefined || includedIn(target, o.since))) out.add(o.key)
  return out
}

/**
 * The Namespaces the files the run reads hold, by name, with the labels that decide whether their pods get a sidecar
 * or ztunnel: what the pod scope of a match reads, whichever file they sit in. A name written more than once (an
 * overlay per environment, a kustomize patch that adds the injection label) keeps every variant: a pod is in scope
 * when some variant of its Namespace puts it there.
 */
export function repositoryNamespaces(files: readonly ManifestFile[]): Map<string, NamespaceFacts[]> {
  const out = new Map<string, NamespaceFacts[]>()
  for (const file of files) {
    for (const doc of file.documents) {
      const ns = recalled(doc, file.lines).namespace
      if (ns) out.set(ns.name, [...(out.get(ns.name) ?? []), ns.facts])
    }
  }
  return out
}

/**
 * Whether Istio deploys the proxies of a Gateway API Gateway (Istio's IsManaged): not for class istio-remote, nor for a
 * manual deployment, whose spec.addresses name more than one address or one that is not an IP address (a Hostname of
 * the Service that fronts the proxies the user runs).
 */
function istioManages(value: unknown): boolean {
  const spec = isMap(value) && isMap(value.spec) ? value.spec : undefined
  if (!spec) return false
  // Only the istio class deploys the kube-gateway proxies that merged Istio Gateways (istio-remote deploys nothing,
  // waypoint and agentgateway classes are other proxies, other classes belong to other controllers).
  if (spec.gatewayClassName !== 'istio') return false
  const addresses = spec.addresses
  if (!Array.isArray(addresses) || addresses.length === 0) return true
  if (addresses.length > 1) return false
  const first = addresses[0]
  const type = isMap(first) ? first.type : undefined
  return type === undefined || type === null || type === 'IPAddress'
}

/**
 * An Istio Gateway selecting a managed Gateway API gateway's pods (`gateway.networking.k8s.io/gateway-name: N`) from
 * another namespace than the Gateway API Gateway N: Istio 1.31 no longer merges the two. Both namespaces must be
 * written; a Gateway API Gateway of that name in the Istio Gateway's own namespace means the selection is local.
 */
function gatewayMergeNamespaces(selections: readonly GatewaySelection[], managed: readonly ManagedGateway[], inScope: (at: Place) => boolean): PairHit[] {
  const out: PairHit[] = []
  for (const s of selections) {
    if (s.namespace === undefined || !inScope(s.at)) continue
    const named = managed.filter((m) => m.name === s.gateway)
    if (named.length === 0 || named.some((m) => m.namespace === s.namespace)) continue
    out.push({ at: s.at, detail: `this Gateway in namespace ${s.namespace} selects the pods of ${who(named[0].resource)}` })
  }
  return out
}

/**
 * Tracing providers of one kind (`lightstep`) and what selects them. `selected`: each provider some selection names
 * (a defaultProviders.tracing list of any mesh config, a Telemetry resource), reported on the provider when it is in
 * scope, else on each selection in scope (a pull request that only starts using the provider hears of it); without
 * `selected`: each provider in scope that nothing in the analysed files names. `overriddenBy` names the mesh-wide
 * Telemetry whose providers replace defaultProviders.tracing for every workload: the defaults then select nothing.
 */
function tracingProviders(kind: string, selected: boolean, providers: readonly TracingProvider[], tracers: readonly TracingSelection[], inScope: (at: Spot) => boolean, overriddenBy?: string): PairHit[] {
  const out: PairHit[] = []
  const reported = new Set<string>()
  // A Telemetry entry that turns span reporting back on without naming a provider may inherit a disabled one.
  const reenabled = tracers.some((t) => t.reenables)
  for (const p of providers) {
    if (p.kind !== kind) continue
    const named = tracers.filter((t) => t.name === p.name).sort(byPlace)
    const by = named.filter((t) => (!t.disabled || reenabled) && !(t.fromDefaults && overriddenBy))
    if (!selected) {
      if (by.length === 0 && inScope(p.at)) {
        out.push({
          at: p.at,
          detail:
            named.length === 0
              ? `Nothing in the analysed files selects the ${kind} provider ${p.name} (no defaultProviders.tracing list or Telemetry resource names it)`
              : named.some((t) => t.fromDefaults) && overriddenBy
                ? `defaultProviders.tracing names the ${kind} provider ${p.name}, but ${overriddenBy} (root namespace, no selector) names other tracing providers, which istiod uses instead for every workload`
                : `The analysed files name the ${kind} provider ${p.name} only in tracing with disableSpanReporting: true (${named[0].by}), which builds no tracer`
        })
      }
      continue
    }
    if (by.length === 0) continue
    if (inScope(p.at)) {
      out.push({ at: p.at, detail: `The ${kind} provider ${p.name} is selected by ${by[0].by}${by.length > 1 ? ` and ${by.length - 1} more` : ''}` })
      continue
    }
    // Several mesh configs (clusters, overlays) may define the provider: one finding per selecting reference.
    for (const t of by) {
      const key = `${t.at.file}:${t.at.line}`
      if (!inScope(t.at) || reported.has(key)) continue
      reported.add(key)
      out.push({ at: t.at, detail: `This names ${p.name}, a ${kind} tracing provider` })
    }
  }
  return out
}

/**
 * Who overrides defaultProviders.tracing mesh-wide: the selector-less Telemetry resources of the root namespace
 * (meshConfig.rootNamespace where a mesh config of the files sets one, else istio-system) when their entries name
 * providers for client and server spans alike; undefined when none does.
 */
function meshWideTracing(overrides: readonly TracingOverride[], roots: readonly string[]): string | undefined {
  const root = new Set(roots.length > 0 ? roots : ['istio-system'])
  const meshWide = overrides.filter((o) => root.has(o.namespace))
  if (!meshWide.some((o) => o.client) || !meshWide.some((o) => o.server)) return undefined
  return meshWide.map((o) => o.by).join(' and ')
}

function providerOf(c: Compiled): string {
  return c.match.type === 'crossObject' && c.match.provider !== undefined ? c.match.provider : ''
}

/** A cross-object hit with the catalog entry behind it. */
export interface CrossObjectFinding {
  entryId: string
  finding: Finding
}

const PROPER_NAME = /^(?:Istio|Envoy|Kubernetes|Helm|Gateway API)\b/

function toFinding(c: Compiled, hit: PairHit): Finding {
  const source = c.entry.sources[0]
  return {
    rule: c.rule,
    severity: c.severity,
    // The entry's message follows the pair's detail; its first letter is lower-cased unless it starts with a name.
    message: `${hit.detail}: ${PROPER_NAME.test(c.message) ? c.message : `${c.message.charAt(0).toLowerCase()}${c.message.slice(1)}`}`,
    file: hit.at.file,
    line: hit.at.line,
    ...(hit.at.endLine !== undefined ? { endLine: hit.at.endLine } : {}),
    ...(hit.at.resource ? { resource: hit.at.resource } : {}),
    path: hit.at.path,
    source: source.refs?.length ? `${source.url} (${source.refs.join(', ')})` : source.url
  }
}

/**
 * The cross-object findings of the plan over every document of `files`, reported on references in the documents of
 * `scope` (the documents this analysis is about; default: all).
 */
export function crossObjectFindings(files: readonly ManifestFile[], plan: Plan, scope?: readonly ManifestDocument[]): CrossObjectFinding[] {
  if (plan.crossObject.size === 0) return []
  const secrets: SecretReference[] = []
  const servers: ServerPort[] = []
  const hosts: HostReference[] = []
  const operators: OperatorObject[] = []
  const appliers: Applier[] = []
  const selections: GatewaySelection[] = []
  const managed: ManagedGateway[] = []
  const providers: TracingProvider[] = []
  const tracers: TracingSelection[] = []
  const overrides: TracingOverride[] = []
  const roots: string[] = []
  let ambient = false
  for (const file of files) {
    for (const doc of file.documents) {
      const facts = recalled(doc, file.lines)
      if (facts === NONE) continue
      for (const s of facts.secrets) secrets.push(s)
      for (const s of facts.servers) servers.push(s)
      for (const h of facts.hosts) hosts.push(h)
      for (const o of facts.operators) operators.push(o)
      for (const a of facts.appliers) appliers.push(a)
      for (const g of facts.selections) selections.push(g)
      for (const m of facts.managed) managed.push(m)
      for (const p of facts.providers) providers.push(p)
      for (const t of facts.tracers) tracers.push(t)
      for (const o of facts.overrides) overrides.push(o)
      for (const r of facts.roots) roots.push(r)
      ambient ||= facts.ambient
    }
  }
  const scoped = scope ? new Set(scope.flatMap((d) => (d.resource ? [d.resource] : []))) : undefined
  const scopedFiles = scope ? new Set(scope.filter((d) => !d.resource).map((d) => d.file)) : undefined
  const inScope = (at: Spot) => scoped === undefined || (at.resource ? scoped.has(at.resource) : scopedFiles!.has(at.file))
  // Who overrides the default tracing providers mesh-wide: the same for every tracing-provider match.
  const overriddenBy = providers.length > 0 ? meshWideTracing(overrides, roots) : undefined
  const run: Record<CrossObjectCheck, (c: Compiled) => PairHit[]> = {
    'secret-name-forms': () => (secrets.length > 1 ? secretNameForms(secrets, inScope) : []),
    'https-http-bind': () => (servers.length > 1 ? httpsHttpBind(servers, inScope) : []),
    'ambient-serviceentry-hosts': () => (ambient && hosts.length > 1 ? ambientServiceEntryHosts(hosts, inScope) : []),
    'istio-operator-applied': () => (operators.length > 0 && appliers.length > 0 ? appliedOperators(operators, appliers, inScope) : []),
    'gateway-merge-namespaces': () => (selections.length > 0 && managed.length > 0 ? gatewayMergeNamespaces(selections, managed, inScope) : []),
    'tracing-provider-selected': (c) => (providers.length > 0 ? tracingProviders(providerOf(c), true, providers, tracers, inScope, overriddenBy) : []),
    'tracing-provider-unselected': (c) => (providers.length > 0 ? tracingProviders(providerOf(c), false, providers, tracers, inScope, overriddenBy) : [])
  }
  const out: CrossObjectFinding[] = []
  for (const [check, compiled] of plan.crossObject) {
    const shared = TRACING_PROVIDER_CHECKS.includes(check) ? undefined : run[check](compiled[0])
    for (const c of compiled) {
      for (const hit of shared ?? run[check](c)) {
        const finding = toFinding(c, hit)
        if (c.optOutKey) optOutKeyOf.set(finding, c.optOutKey)
        if (c.match.ifRepository) needsRepositoryFindings.add(finding)
        out.push({ entryId: c.entry.id, finding })
      }
    }
  }
  return out
}
