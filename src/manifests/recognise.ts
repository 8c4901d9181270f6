// What a document is: its resource identity, its family, and the YAML embedded in it.
import type { EmbeddedDocument, ManifestDocument, PosNode, ResourceFamily, ScalarNode, YamlPath } from './types.js'
import { nodeAt } from './locate.js'
import { forEachNode, lineAt, lineStarts, parseDocument, YamlError, type DuplicateKey, type ParsedDocument } from './yaml.js'

/** Istio's Helm charts, by the names they are published and vendored under. */
const ISTIO_CHARTS: Record<string, string> = {
  base: 'base', 'istio-base': 'base',
  istiod: 'istiod', 'istio-discovery': 'istiod', 'istiod-remote': 'istiod', 'istio-control': 'istiod',
  gateway: 'gateway', 'istio-gateway': 'gateway', 'istio-ingressgateway': 'gateway', 'istio-egressgateway': 'gateway',
  cni: 'cni', 'istio-cni': 'cni',
  ztunnel: 'ztunnel'
}
/** Chart names that other projects use too: from a named source, they count as Istio's only with an `istio` hint. */
export const GENERIC_CHARTS: ReadonlySet<string> = new Set(['base', 'gateway', 'cni'])

/** Top-level keys of Istio chart values: a values file with any of these is taken for Istio values. */
const ISTIO_VALUE_KEYS = new Set([
  'pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'telemetry',
  'global', 'cni', 'ztunnel', 'profile', 'compatibilityVersion', 'defaultRevision', '_internal_defaults_do_not_set',
  'base', 'revision', 'istioNamespace', 'networkGateway', 'ambient'
])
/** Keys that only the istio-cni chart reads: a values file with one of them (and no `pilot`) is that chart's. */
const CNI_ONLY_KEYS = new Set(['istioOwnedCNIConfigFileName', 'istioOwnedCNIConfig', 'cniBinDir', 'cniConfDir', 'cniConfFileName', 'cniNetnsDir'])
/** Keys that only the ztunnel chart reads. */
const ZTUNNEL_ONLY_KEYS = new Set(['peerCaCrl'])
/**
 * Keys that only Istio values have (global alone is too common across charts); a file that sets nothing else, such as
 * an istiod values file holding only `trustedZtunnelName`, is still Istio's.
 */
const ISTIO_ONLY_KEYS = new Set([
  'pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'compatibilityVersion', '_internal_defaults_do_not_set', 'istioNamespace', 'networkGateway',
  'trustedZtunnelName', 'trustedZtunnelNamespace', 'gatewayClasses', 'sidecarInjectorWebhookAnnotations', 'jwksResolverExtraRootCA',
  ...CNI_ONLY_KEYS, ...ZTUNNEL_ONLY_KEYS
])

/** The workload kinds with a pod template (or, for Pod, their own pod spec); the catalog's `$workload` macro stands for them. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Rollout'
])

export interface RecogniseContext {
  text: string
  /** Line starts of `text`; computed once per file. */
  starts: readonly number[]
  /** Embedded YAML that fails to parse: reported by the caller. */
  onEmbeddedError(line: number, message: string): void
  /** A key written twice in embedded YAML (lines already in the file's coordinates); `where` is its path. */
  onDuplicateKey?(duplicate: DuplicateKey, where: string): void
}

export function recognise(doc: ManifestDocument, ctx: RecogniseContext): ManifestDocument {
  const value = doc.value
  if (!isObject(value)) return doc
  const apiVersion = value.apiVersion
  const kind = value.kind
  if (typeof apiVersion === 'string' && typeof kind === 'string') {
    const metadata = isObject(value.metadata) ? value.metadata : {}
    doc.kind = 'resource'
    doc.resource = {
      apiVersion,
      kind,
      ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
      ...(typeof metadata.name === 'string' ? { name: metadata.name } : {})
    }
    doc.family = familyOf(apiVersion, kind, value, metadata)
    doc.embedded = embeddedOf(doc, ctx)
    return doc
  }
  const chart = helmValuesChart(doc.file, value)
  if (chart) {
    doc.kind = 'helm-values'
    doc.chart = chart
    doc.embedded = [{ role: 'helm-values', chart, at: [], root: doc.root, value }, ...meshConfigIn(doc.root, value, [])]
  }
  return doc
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}

function familyOf(apiVersion: string, kind: string, value: Record<string, unknown>, metadata: Record<string, unknown>): ResourceFamily {
  const group = groupOf(apiVersion)
  if (group === 'install.istio.io') return 'istio-operator'
  if (group.endsWith('.istio.io')) return 'istio'
  if (group === 'gateway.networking.k8s.io' || group === 'gateway.networking.x-k8s.io') return 'gateway-api'
  if (group === 'inference.networking.k8s.io' || group === 'inference.networking.x-k8s.io') return 'inference'
  if (WORKLOAD_KINDS.has(kind)) return 'workload'
  if (kind === 'Namespace' && group === '') return 'namespace'
  if (kind === 'Service' && group === '') return 'service'
  if (kind === 'ConfigMap' && group === '' && isMeshConfigMap(metadata.name, value.data)) return 'mesh-configmap'
  // Every release is one (rules match chart names themselves); doc.chart tells when it installs an Istio chart.
  if ((kind === 'HelmRelease' && group === 'helm.toolkit.fluxcd.io') || ((kind === 'Application' || kind === 'ApplicationSet') && group === 'argoproj.io')) return 'helm-release'
  if (kind === 'MutatingWebhookConfiguration' || kind === 'ValidatingWebhookConfiguration') return 'webhook'
  if (group === 'kyverno.io' || group === 'templates.gatekeeper.sh' || group === 'constraints.gatekeeper.sh' || kind.startsWith('ValidatingAdmissionPolicy') || kind.startsWith('MutatingAdmissionPolicy')) return 'policy'
  return 'other'
}

/**
 * istiod reads MeshConfig from the ConfigMap `istio`, or `istio-<revision>` for a revision. Istio ships other
 * `istio-*` ConfigMaps (sidecar injector, CA root cert, dashboards), so a revision name needs a `mesh` key too.
 */
function isMeshConfigMap(name: unknown, data: unknown): boolean {
  if (name === 'istio') return true
  return typeof name === 'string' && name.startsWith('istio-') && isObject(data) && typeof data.mesh === 'string'
}

function embeddedOf(doc: ManifestDocument, ctx: RecogniseContext): EmbeddedDocument[] {
  const value = doc.value as Record<string, unknown>
  const spec = isObject(value.spec) ? value.spec : undefined
  switch (doc.family) {
    case 'mesh-configmap': {
      const inner = parseEmbedded(doc.root, ['data', 'mesh'], ctx)
      return inner ? [{ role: 'mesh-config', at: ['data', 'mesh'], ...inner }] : []
    }
    case 'istio-operator': {
      doc.chart = 'istio-operator'
      const out: EmbeddedDocument[] = []
      if (spec && isObject(spec.values)) out.push({ role: 'helm-values', chart: 'istio-operator', at: ['spec', 'values'], root: nodeAt(doc.root, ['spec', 'values']) ?? null, value: spec.values })
      if (spec && isObject(spec.meshConfig)) for (const m of meshConfigIn(doc.root, spec, ['spec'])) out.push(m)
      return out
    }
    case 'helm-release':
      return helmReleaseValues(doc, ctx)
    default:
      return []
  }
}

export interface InstalledChart {
  chart: string
  /** Path of the source in the document (Argo CD: spec.source or spec.sources[i]; Flux: spec). */
  at: YamlPath
  source: Record<string, unknown>
}

/** The Istio charts a Flux HelmRelease or an Argo CD Application installs. */
export function chartsInstalled(value: Record<string, unknown>): InstalledChart[] {
  // An Argo CD ApplicationSet installs what its template's Application spec says.
  const set = value.kind === 'ApplicationSet'
  const template = set && isObject(value.spec) && isObject(value.spec.template) ? value.spec.template : {}
  const spec = set ? (isObject(template.spec) ? template.spec : {}) : isObject(value.spec) ? value.spec : {}
  const prefix: YamlPath = set ? ['spec', 'template', 'spec'] : ['spec']
  const out: InstalledChart[] = []
  if (value.kind === 'HelmRelease') {
    const chartSpec = isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : {}
    const chartRef = isObject(spec.chartRef) ? spec.chartRef : {}
    const name = chartSpec.chart ?? chartRef.name
    const sourceRef = isObject(chartSpec.sourceRef) ? chartSpec.sourceRef : {}
    // The HelmRepository's URL lives in another document: its name stands for it (`istio`, `istio-charts`).
    const chart = istioChart(name, typeof sourceRef.name === 'string' || typeof chartRef.name === 'string', [sourceRef.name, chartRef.name])
    if (chart) out.push({ chart, at: ['spec'], source: spec })
    return out
  }
  const sources: [YamlPath, unknown][] = []
  if (isObject(spec.source)) sources.push([[...prefix, 'source'], spec.source])
  if (Array.isArray(spec.sources)) spec.sources.forEach((s, i) => sources.push([[...prefix, 'sources', i], s]))
  for (const [at, source] of sources) {
    if (!isObject(source)) continue
    // A Git source names its chart by directory: manifests/charts/istio-control/istio-discovery.
    const name = source.chart ?? (typeof source.path === 'string' ? source.path.split('/').filter(Boolean).pop() : undefined)
    const chart = istioChart(name, typeof source.repoURL === 'string', [source.repoURL, source.path])
    if (chart) out.push({ chart, at, source })
  }
  return out
}

/**
 * The Istio chart `name` is, if any. A generic name (`gateway`) from a named source counts only when the source
 * is Istio's: an Argo CD repoURL or path naming istio, a Flux source named so; the release's own name or namespace
 * does not make Kong's `gateway` chart Istio's (FP-12). Without any source it gets the benefit of the doubt.
 */
function istioChart(name: unknown, hasSource: boolean, hints: unknown[]): string | undefined {
  if (typeof name !== 'string') return undefined
  const short = name.split('/').pop() ?? ''
  const chart = ISTIO_CHARTS[short]
  if (!chart) return undefined
  if (GENERIC_CHARTS.has(short) && hasSource && !hints.some((h) => typeof h === 'string' && /istio/i.test(h))) return undefined
  return chart
}

/** Values of a Flux HelmRelease or an Argo CD Application that installs an Istio chart. */
function helmReleaseValues(doc: ManifestDocument, ctx: RecogniseContext): EmbeddedDocument[] {
  const out: EmbeddedDocument[] = []
  const installed = chartsInstalled(doc.value as Record<string, unknown>)
  if (installed.length) doc.chart = installed[0].chart
  const add = (chart: string, at: YamlPath, root: PosNode | null, values: unknown): void => {
    if (!isObject(values)) return
    out.push({ role: 'helm-values', chart, at, root, value: values })
    for (const m of meshConfigIn(root, values, [], at)) out.push(m)
  }
  for (const { chart, at, source } of installed) {
    if (at.length === 1) {
      // Flux: spec.values; valuesFrom ConfigMaps/Secrets live in other objects, so these values may be incomplete.
      const before = out.length
      add(chart, ['spec', 'values'], nodeAt(doc.root, ['spec', 'values']) ?? null, source.values)
      if (takesValuesFrom(source)) {
        for (const e of out.slice(before)) if (e.role === 'helm-values') e.valuesIncomplete = true
      }
      continue
    }
    const helm = isObject(source.helm) ? source.helm : undefined
    if (!helm) continue
    let path: YamlPath | undefined
    let base: { root: PosNode | null; value: unknown } | undefined
    // Argo CD gives valuesObject precedence over the values string.
    if (isObject(helm.valuesObject)) {
      path = [...at, 'helm', 'valuesObject']
      base = { root: nodeAt(doc.root, path) ?? null, value: helm.valuesObject }
    } else if (typeof helm.values === 'string') {
      path = [...at, 'helm', 'values']
      base = parseEmbedded(doc.root, path, ctx)
    }
    // helm.parameters are Helm --set (--set-string with forceString): they take precedence over the values.
    const paramsPath = [...at, 'helm', 'parameters']
    const params = nodeAt(doc.root, paramsPath)
    if (Array.isArray(helm.parameters) && params?.kind === 'seq' && helm.parameters.length > 0) {
      const merged = applyParameters(base && isObject(base.value) ? base : undefined, helm.parameters, params)
      if (merged) {
        add(chart, path ?? paramsPath, merged.root, merged.value)
        continue
      }
    }
    if (path && base) add(chart, path, base.root, base.value)
  }
  return out
}

/** A Flux HelmRelease spec that takes values from ConfigMaps or Secrets (`valuesFrom`): its inline values may be incomplete. */
export function takesValuesFrom(spec: Record<string, unknown>): boolean {
  return Array.isArray(spec.valuesFrom) && spec.valuesFrom.length > 0
}

/**
 * Merges Argo CD helm.parameters into the values the way Helm's --set does: `name` is a dotted path (`\.` escapes a
 * dot, `a[0]` a list item), `value` is typed as --set types it (true/false, null, integers) unless forceString.
 * Position nodes are copied on write: a set value's node is the parameter's `value` scalar, so findings point at it.
 * Returns undefined when no parameter could be read.
 */
function applyParameters(base: { root: PosNode | null; value: unknown } | undefined, params: unknown[], seq: PosNode & { kind: 'seq' }): { root: PosNode; value: Record<string, unknown> } | undefined {
  const value: Record<string, unknown> = base ? (structuredClone(base.value) as Record<string, unknown>) : {}
  const first = seq.items[0]
  let root: PosNode = base?.root && base.root.kind === 'map' ? base.root : { kind: 'map', flow: false, entries: [], start: -1, end: -1, line: first?.line ?? seq.line, endLine: seq.endLine }
  let applied = 0
  params.forEach((p, i) => {
    const item = seq.items[i]
    if (!isObject(p) || typeof p.name !== 'string' || item?.kind !== 'map') return
    const steps = parameterPath(p.name)
    if (!steps) return
    const valueNode = item.entries.find((e) => e.key === 'value')?.value ?? null
    const text = p.value === undefined || p.value === null ? '' : String(p.value)
    const typed = p.forceString === true || p.forceString === 'true' ? text : setTyped(text)
    const nameNode = item.entries.find((e) => e.key === 'name')?.value ?? item
    const leaf: PosNode = valueNode ?? { kind: 'scalar', text, style: 'plain', start: -1, end: -1, line: item.line, endLine: item.line }
    // Values: walk and create maps/lists.
    let holder: unknown = value
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k]
      const last = k === steps.length - 1
      const next = last ? typed : typeof steps[k + 1] === 'number' ? [] : {}
      // A list index steps into a list (padded with nulls up to it), a key into a map.
      if (typeof step === 'number') {
        if (!Array.isArray(holder)) return
        while (holder.length <= step) holder.push(null)
      } else if (!isObject(holder)) return
      const container = holder as Record<string | number, unknown>
      if (last) container[step] = next
      else if (!(typeof steps[k + 1] === 'number' ? Array.isArray(container[step]) : isObject(container[step]))) container[step] = next
      holder = container[step]
    }
    root = setNode(root, steps, leaf, nameNode)
    applied++
  })
  return applied > 0 ? { root, value } : undefined
}

/** `a.b\.c[0].d` → ['a', 'b.c', 0, 'd']; undefined for what is not a plain --set path. */
function parameterPath(name: string): (string | number)[] | undefined {
  const out: (string | number)[] = []
  let key = ''
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]
    if (ch === '\\' && i + 1 < name.length) key += name[++i]
    else if (ch === '.') {
      if (key !== '') out.push(key)
      else if (out.length === 0 || typeof out[out.length - 1] !== 'number') return undefined
      key = ''
    } else if (ch === '[') {
      const close = name.indexOf(']', i)
      const index = close < 0 ? NaN : Number(name.slice(i + 1, close))
      if (!Number.isInteger(index) || index < 0 || index > 1000) return undefined
      if (key !== '') out.push(key)
      else if (out.length === 0) return undefined
      out.push(index)
      key = ''
      i = close
    } else key += ch
  }
  if (key !== '') out.push(key)
  return out.length > 0 ? out : undefined
}

/** How Helm's --set types a value (strvals typedVal): booleans, null, integers; otherwise a string. */
function setTyped(text: string): unknown {
  if (text.toLowerCase() === 'true') return true
  if (text.toLowerCase() === 'false') return false
  if (text.toLowerCase() === 'null') return null
  if (text === '0') return 0
  if (/^-?[1-9][0-9]*$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text)
  return text
}

/** A copy of `node` with `leaf` at `steps` (maps and lists copied on write; missing ones made at the key's line). */
function setNode(node: PosNode | null, steps: readonly (string | number)[], leaf: PosNode, keyNode: PosNode): PosNode {
  if (steps.length === 0) return leaf
  const [step, ...rest] = steps
  const fresh = (kind: 'map' | 'seq'): PosNode => kind === 'map'
    ? { kind: 'map', flow: false, entries: [], start: -1, end: -1, line: keyNode.line, endLine: keyNode.endLine }
    : { kind: 'seq', flow: false, items: [], start: -1, end: -1, line: keyNode.line, endLine: keyNode.endLine }
  if (typeof step === 'number') {
    const seq = node?.kind === 'seq' ? { ...node, items: [...node.items] } : (fresh('seq') as PosNode & { kind: 'seq' })
    while (seq.items.length <= step) seq.items.push({ kind: 'scalar', text: 'null', style: 'plain', start: -1, end: -1, line: keyNode.line, endLine: keyNode.line })
    seq.items[step] = setNode(seq.items[step], rest, leaf, keyNode)
    return seq
  }
  const map = node?.kind === 'map' ? { ...node, entries: [...node.entries] } : (fresh('map') as PosNode & { kind: 'map' })
  const at = map.entries.findIndex((e) => e.key === step)
  // The key's place: the parameter's name (not an editable key of the values, so no offsets).
  const key: PosNode = { kind: 'scalar', text: step, style: 'plain', start: -1, end: -1, line: keyNode.line, endLine: keyNode.endLine }
  // A replaced value takes the parameter's key place too, so the setting reads as one at the parameter.
  if (at >= 0) map.entries[at] = { ...map.entries[at], ...(rest.length === 0 ? { keyNode: key } : {}), value: setNode(map.entries[at].value, rest, leaf, keyNode) }
  else map.entries.push({ key: step, keyNode: key, value: setNode(null, rest, leaf, keyNode) })
  return map
}

function meshConfigIn(root: PosNode | null, values: Record<string, unknown>, prefix: YamlPath, rootPath: YamlPath = []): EmbeddedDocument[] {
  if (!isObject(values.meshConfig)) return []
  const at = [...prefix, 'meshConfig']
  return [{ role: 'mesh-config', at: [...rootPath, ...at], root: nodeAt(root, at) ?? null, value: values.meshConfig }]
}

/**
 * Parses YAML held in a string value (MeshConfig in `data.mesh`, Argo CD `helm.values`) and moves its nodes to
 * where they stand in the file. A literal block (`|`) keeps every line, so each inner line is one file line
 * shifted by the block's indentation; a one-line scalar without escapes is shifted as a whole. Other styles
 * (folded, multi-line quoted) rewrite line breaks: their nodes get the scalar's lines and no offsets (-1).
 */
function parseEmbedded(root: PosNode | null, path: YamlPath, ctx: RecogniseContext): { root: PosNode | null; value: unknown } | undefined {
  const node = nodeAt(root, path)
  if (node?.kind !== 'scalar' || node.text.trim() === '') return undefined
  const move = node.start < 0 ? undefined : node.style === 'literal' ? literalBlockMove(node, ctx) : exactLineMove(node, ctx)
  let inner: ParsedDocument | null
  try {
    // istiod and Argo CD read the string with go-yaml v2: its first document, as kubectl reads one.
    inner = parseDocument(node.text)
  } catch (error) {
    if (!(error instanceof YamlError)) throw error
    const line = move ? move.line(Math.min(error.fileOffset, node.text.length - 1)) : node.line
    ctx.onEmbeddedError(line, `Invalid YAML in ${path.join('.')}: ${error.message}`)
    return undefined
  }
  if (!inner || inner.root === null) return undefined
  const place = (n: PosNode): void => {
    if (!move) {
      n.start = n.end = -1
      n.line = node.line
      n.endLine = node.endLine
      return
    }
    const empty = n.end <= n.start
    const start = move.offset(n.start)
    const end = empty ? start : move.offset(n.end - 1) + 1
    n.line = move.line(n.start)
    n.endLine = empty ? n.line : move.line(n.end - 1)
    n.start = start
    n.end = end
  }
  forEachNode(inner.root, place)
  // The first of two duplicate keys is no longer in the tree; its line is still wanted in the message.
  for (const d of inner.duplicates) {
    forEachNode(d.first, place)
    ctx.onDuplicateKey?.(d, path.join('.'))
  }
  return { root: inner.root, value: inner.value }
}

interface Move {
  offset(inner: number): number
  line(inner: number): number
}

/**
 * Inner line k of a literal block is file line (first + k - 1); its columns are shifted by the block's
 * indentation. The indentation is read off the source (the first non-blank line's spaces minus those the
 * decoded text kept), which also covers an indentation indicator (`|2`) and more-indented first lines.
 */
function literalBlockMove(node: ScalarNode, ctx: RecogniseContext): Move {
  const innerStarts = lineStarts(node.text)
  const firstLine = lineAt(ctx.starts, node.start)
  let indent = 0
  for (let k = 0; k < innerStarts.length; k++) {
    const innerLine = node.text.slice(innerStarts[k], innerStarts[k + 1] ?? node.text.length).replace(/\n$/, '')
    if (innerLine.trim() === '') continue
    const fileLine = firstLine + k
    const source = ctx.text.slice(ctx.starts[fileLine - 1], ctx.starts[fileLine] ?? ctx.text.length)
    indent = leadingSpaces(source) - leadingSpaces(innerLine)
    break
  }
  const lastLine = ctx.starts.length
  const line = (o: number): number => Math.min(firstLine + lineAt(innerStarts, o) - 1, lastLine)
  return {
    line,
    offset: (o) => {
      const k = lineAt(innerStarts, o)
      return ctx.starts[line(o) - 1] + indent + (o - innerStarts[k - 1])
    }
  }
}

/** A one-line scalar whose decoded text is its source text (plain, or quoted without escapes) moves as a whole. */
function exactLineMove(node: ScalarNode, ctx: RecogniseContext): Move | undefined {
  if (node.line !== node.endLine || ctx.text.slice(node.start, node.end) !== node.text) return undefined
  return { line: () => node.line, offset: (o) => node.start + o }
}

function leadingSpaces(s: string): number {
  let i = 0
  while (i < s.length && s.charCodeAt(i) === 32) i++
  return i
}

function helmValuesChart(file: string, value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value)
  if (!keys.some((k) => ISTIO_ONLY_KEYS.has(k)) && !(keys.some((k) => ISTIO_VALUE_KEYS.has(k)) && /istio/i.test(file))) return undefined
  const segments = file.toLowerCase().split('/')
  for (const segment of segments.reverse()) {
    const name = segment.replace(/\.ya?ml$/, '').replace(/[-_.]?values$/, '').replace(/^values[-_.]?/, '')
    if (ISTIO_CHARTS[name]) return ISTIO_CHARTS[name]
  }
  if (('cni' in value || 'ambient' in value || keys.some((k) => CNI_ONLY_KEYS.has(k))) && !('pilot' in value)) return 'cni'
  if (('ztunnel' in value || keys.some((k) => ZTUNNEL_ONLY_KEYS.has(k))) && !('pilot' in value)) return 'ztunnel'
  return 'istiod'
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
