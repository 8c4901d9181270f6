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
const GENERIC_CHARTS = new Set(['base', 'gateway', 'cni'])

/** Top-level keys of Istio chart values: a values file with any of these is taken for Istio values. */
const ISTIO_VALUE_KEYS = new Set([
  'pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'telemetry',
  'global', 'cni', 'ztunnel', 'profile', 'compatibilityVersion', 'defaultRevision', '_internal_defaults_do_not_set',
  'base', 'revision', 'istioNamespace', 'networkGateway'
])
/** Keys that only Istio values have (global alone is too common across charts). */
const ISTIO_ONLY_KEYS = new Set(['pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'compatibilityVersion', '_internal_defaults_do_not_set', 'istioNamespace', 'networkGateway'])

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Job', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Rollout'])

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
  if ((kind === 'HelmRelease' && group === 'helm.toolkit.fluxcd.io') || (kind === 'Application' && group === 'argoproj.io')) return 'helm-release'
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

interface InstalledChart {
  chart: string
  /** Path of the source in the document (Argo CD: spec.source or spec.sources[i]; Flux: spec). */
  at: YamlPath
  source: Record<string, unknown>
}

/** The Istio charts a Flux HelmRelease or an Argo CD Application installs. */
function chartsInstalled(value: Record<string, unknown>): InstalledChart[] {
  const spec = isObject(value.spec) ? value.spec : {}
  const metadata = isObject(value.metadata) ? value.metadata : {}
  const out: InstalledChart[] = []
  if (value.kind === 'HelmRelease') {
    const chartSpec = isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : {}
    const chartRef = isObject(spec.chartRef) ? spec.chartRef : {}
    const name = chartSpec.chart ?? chartRef.name
    const sourceRef = isObject(chartSpec.sourceRef) ? chartSpec.sourceRef : {}
    const chart = istioChart(name, typeof sourceRef.name === 'string', [sourceRef.name, chartRef.name, metadata.name, metadata.namespace, spec.releaseName, spec.targetNamespace])
    if (chart) out.push({ chart, at: ['spec'], source: spec })
    return out
  }
  const destination = isObject(spec.destination) ? spec.destination : {}
  const sources: [YamlPath, unknown][] = []
  if (isObject(spec.source)) sources.push([['spec', 'source'], spec.source])
  if (Array.isArray(spec.sources)) spec.sources.forEach((s, i) => sources.push([['spec', 'sources', i], s]))
  for (const [at, source] of sources) {
    if (!isObject(source)) continue
    // A Git source names its chart by directory: manifests/charts/istio-control/istio-discovery.
    const name = source.chart ?? (typeof source.path === 'string' ? source.path.split('/').filter(Boolean).pop() : undefined)
    const chart = istioChart(name, typeof source.repoURL === 'string', [source.repoURL, source.path, metadata.name, destination.namespace])
    if (chart) out.push({ chart, at, source })
  }
  return out
}

/**
 * The Istio chart `name` is, if any. A generic name (`gateway`) from a named source (a Helm repository, a repo
 * URL) needs an `istio` hint there or in the release's names; without any source it gets the benefit of the doubt.
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
      // Flux: spec.values (valuesFrom lives in other objects).
      add(chart, ['spec', 'values'], nodeAt(doc.root, ['spec', 'values']) ?? null, source.values)
      continue
    }
    const helm = isObject(source.helm) ? source.helm : undefined
    if (!helm) continue
    // Argo CD gives valuesObject precedence over the values string.
    if (isObject(helm.valuesObject)) {
      const path = [...at, 'helm', 'valuesObject']
      add(chart, path, nodeAt(doc.root, path) ?? null, helm.valuesObject)
    } else if (typeof helm.values === 'string') {
      const path = [...at, 'helm', 'values']
      const inner = parseEmbedded(doc.root, path, ctx)
      if (inner) add(chart, path, inner.root, inner.value)
    }
  }
  return out
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
  if ('cni' in value && !('pilot' in value)) return 'cni'
  if ('ztunnel' in value && !('pilot' in value)) return 'ztunnel'
  return 'istiod'
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
