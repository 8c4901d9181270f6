// What a document is: its resource identity, its family, and the YAML embedded in it.
import type { EmbeddedDocument, ManifestDocument, PosNode, ResourceFamily, ScalarNode, YamlPath } from './types.js'
import { entryAt, nodeAt } from './locate.js'
import { lineAt, lineStarts, parseYamlDocuments, type SourceMap } from './yaml.js'

/** Istio's Helm charts, by the names they are published and vendored under. */
const ISTIO_CHARTS: Record<string, string> = {
  base: 'base', 'istio-base': 'base',
  istiod: 'istiod', 'istio-discovery': 'istiod', 'istiod-remote': 'istiod', 'istio-control': 'istiod',
  gateway: 'gateway', 'istio-gateway': 'gateway', 'istio-ingressgateway': 'gateway', 'istio-egressgateway': 'gateway',
  cni: 'cni', 'istio-cni': 'cni',
  ztunnel: 'ztunnel'
}

/** Top-level keys of Istio chart values: a values file with any of these is taken for Istio values. */
const ISTIO_VALUE_KEYS = new Set([
  'pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'telemetry',
  'global', 'cni', 'ztunnel', 'profile', 'compatibilityVersion', 'defaultRevision', '_internal_defaults_do_not_set'
])
/** Keys that only Istio values have (global alone is too common across charts). */
const ISTIO_ONLY_KEYS = new Set(['pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'compatibilityVersion', '_internal_defaults_do_not_set'])

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Job', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Rollout'])

export interface RecogniseContext {
  text: string
  /** Line starts of `text`; computed once per file. */
  starts: readonly number[]
  /** Embedded YAML that fails to parse: reported by the caller. */
  onEmbeddedError(line: number, message: string): void
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
    doc.family = familyOf(apiVersion, kind, metadata)
    doc.embedded = embeddedOf(doc, ctx)
    return doc
  }
  const chart = helmValuesChart(doc.file, value)
  if (chart) {
    doc.kind = 'helm-values'
    doc.embedded = [{ role: 'helm-values', chart, at: [], root: doc.root, value }, ...meshConfigIn(doc.root, value, [])]
  }
  return doc
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}

function familyOf(apiVersion: string, kind: string, metadata: Record<string, unknown>): ResourceFamily {
  const group = groupOf(apiVersion)
  if (group === 'install.istio.io') return 'istio-operator'
  if (group.endsWith('.istio.io')) return 'istio'
  if (group === 'gateway.networking.k8s.io' || group === 'gateway.networking.x-k8s.io') return 'gateway-api'
  if (group === 'inference.networking.k8s.io' || group === 'inference.networking.x-k8s.io') return 'inference'
  if (WORKLOAD_KINDS.has(kind)) return 'workload'
  if (kind === 'Namespace' && group === '') return 'namespace'
  if (kind === 'Service' && group === '') return 'service'
  if (kind === 'ConfigMap' && group === '' && isMeshConfigMapName(metadata.name)) return 'mesh-configmap'
  if (kind === 'HelmRelease' && group === 'helm.toolkit.fluxcd.io') return 'helm-release'
  if (kind === 'Application' && group === 'argoproj.io') return 'helm-release'
  if (kind === 'MutatingWebhookConfiguration' || kind === 'ValidatingWebhookConfiguration') return 'webhook'
  if (group === 'kyverno.io' || group === 'templates.gatekeeper.sh' || group === 'constraints.gatekeeper.sh' || kind.startsWith('ValidatingAdmissionPolicy') || kind.startsWith('MutatingAdmissionPolicy')) return 'policy'
  return 'other'
}

/** istiod reads MeshConfig from the ConfigMap `istio` (or `istio-<revision>`). */
function isMeshConfigMapName(name: unknown): boolean {
  return name === 'istio' || (typeof name === 'string' && /^istio-[a-z0-9-]+$/.test(name) && !name.startsWith('istio-sidecar-injector') && !name.startsWith('istio-ca-root'))
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
      const out: EmbeddedDocument[] = []
      if (spec && isObject(spec.values)) out.push({ role: 'helm-values', chart: 'istio-operator', at: ['spec', 'values'], root: nodeAt(doc.root, ['spec', 'values']) ?? null, value: spec.values })
      if (spec && isObject(spec.meshConfig)) out.push(...meshConfigIn(doc.root, spec, ['spec']))
      return out
    }
    case 'helm-release':
      return helmReleaseValues(doc, ctx)
    default:
      return []
  }
}

/** Values of a Flux HelmRelease or an Argo CD Application that installs an Istio chart. */
function helmReleaseValues(doc: ManifestDocument, ctx: RecogniseContext): EmbeddedDocument[] {
  const value = doc.value as Record<string, unknown>
  const spec = isObject(value.spec) ? value.spec : {}
  const out: EmbeddedDocument[] = []
  const add = (chartName: unknown, at: YamlPath, root: PosNode | null, values: unknown): void => {
    const chart = typeof chartName === 'string' ? ISTIO_CHARTS[chartName.split('/').pop() ?? ''] : undefined
    if (!chart || !isObject(values)) return
    out.push({ role: 'helm-values', chart, at, root, value: values }, ...meshConfigIn(root, values, [], at))
  }
  if (value.kind === 'HelmRelease') {
    const chartSpec = isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : {}
    const chartName = chartSpec.chart ?? (isObject(spec.chartRef) ? spec.chartRef.name : undefined)
    add(chartName, ['spec', 'values'], nodeAt(doc.root, ['spec', 'values']) ?? null, spec.values)
    return out
  }
  const sources: [YamlPath, unknown][] = []
  if (isObject(spec.source)) sources.push([['spec', 'source'], spec.source])
  if (Array.isArray(spec.sources)) spec.sources.forEach((s, i) => sources.push([['spec', 'sources', i], s]))
  for (const [at, source] of sources) {
    if (!isObject(source) || !isObject(source.helm)) continue
    const chartName = source.chart ?? (typeof source.path === 'string' ? source.path.split('/').filter(Boolean).pop() : undefined)
    if (isObject(source.helm.valuesObject)) {
      const path = [...at, 'helm', 'valuesObject']
      add(chartName, path, nodeAt(doc.root, path) ?? null, source.helm.valuesObject)
    } else if (typeof source.helm.values === 'string') {
      const path = [...at, 'helm', 'values']
      const inner = parseEmbedded(doc.root, path, ctx)
      if (inner) add(chartName, path, inner.root, inner.value)
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
 * Parses YAML held in a string value (MeshConfig in `data.mesh`, Argo `helm.values`). For a literal block
 * (`|`) every line maps to its own file line; other styles map every node to the scalar's lines.
 */
function parseEmbedded(root: PosNode | null, path: YamlPath, ctx: RecogniseContext): { root: PosNode | null; value: unknown } | undefined {
  const node = nodeAt(root, path)
  if (node?.kind !== 'scalar' || node.text.trim() === '') return undefined
  const map = node.style === 'literal' && node.start >= 0 ? literalBlockMap(node, ctx) : collapsedMap(node)
  try {
    const docs = parseYamlDocuments(node.text, map)
    return docs[0] ?? undefined
  } catch (error) {
    const e = error as { message: string; fileOffset: number }
    const line = node.style === 'literal' ? lineAt(ctx.starts, e.fileOffset) : entryAt(root, path)?.keyNode.line ?? node.line
    ctx.onEmbeddedError(line, `Invalid YAML in ${path.join('.')}: ${e.message}`)
    return undefined
  }
}

function literalBlockMap(node: ScalarNode, ctx: RecogniseContext): SourceMap {
  const innerStarts = lineStarts(node.text)
  const firstLine = node.line
  let indent = 0
  // The block's indentation is that of its first non-blank line.
  for (let l = firstLine; l <= node.endLine; l++) {
    const t = ctx.text.slice(ctx.starts[l - 1], ctx.starts[l] ?? ctx.text.length)
    if (t.trim() !== '') {
      indent = t.length - t.replace(/^ +/, '').length
      break
    }
  }
  return {
    offset: (o) => {
      const k = lineAt(innerStarts, o)
      const col = o - innerStarts[k - 1]
      const fileLine = Math.min(firstLine + k - 1, ctx.starts.length)
      return ctx.starts[fileLine - 1] + indent + col
    },
    line: (fileOffset) => lineAt(ctx.starts, fileOffset)
  }
}

function collapsedMap(node: ScalarNode): SourceMap {
  // Folded and quoted scalars do not keep line breaks one-to-one: point at the scalar as a whole.
  return { offset: () => node.start, line: () => node.line }
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
  return 'istiod'
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
