// Helm values checked against what the target's chart version reads (data/chart-values-index.json): a value
// the chart does not read is ignored (warning), one only later charts read is not yet available, a key the
// gateway chart's closed values schema refuses or a key that makes the chart fail stops the install (error).
import type { Finding, Severity } from '../model.js'
import type { ManifestDocument, PosNode } from '../manifests/types.js'
import { deref, formatPath, mergedEntries } from '../manifests/locate.js'
import { chartKnowledge, type ChartKnowledge } from '../knowledge/chart-values.js'
import type { Release } from '../knowledge/versions.js'
import { closest } from '../closest.js'
import { buildFix } from './catalog/fix.js'
import { helmTreesOf, type HelmTree } from './catalog/collect.js'
import type { RuleMeta } from './types.js'

export const HELM_VALUE_IGNORED = 'helm-value-ignored'
export const HELM_VALUE_REJECTED = 'helm-value-rejected'

export const HELM_VALUE_RULES: RuleMeta[] = [
  { id: HELM_VALUE_IGNORED, description: "A Helm value the target release's Istio chart does not read, so it has no effect.", defaultSeverity: 'warning', fixable: true },
  { id: HELM_VALUE_REJECTED, description: "A Helm value the target release's Istio chart refuses (closed values schema, or a key that makes the chart fail).", defaultSeverity: 'error', fixable: true }
]

/** Where each chart lives in istio/istio, for the source link of a finding. */
const CHART_DIRS: Record<string, string> = {
  istiod: 'istio-control/istio-discovery',
  base: 'base',
  cni: 'istio-cni',
  ztunnel: 'ztunnel',
  gateway: 'gateway'
}

/**
 * IstioOperator spec.values: which charts read each top-level subtree (the same paths). `global` is below; other
 * subtrees (gateways, ...) are left alone.
 */
const IOP_SUBTREES: Record<string, string[]> = {
  pilot: ['istiod'],
  sidecarInjectorWebhook: ['istiod'],
  telemetry: ['istiod'],
  istiodRemote: ['istiod'],
  revisionTags: ['istiod'],
  cni: ['cni', 'istiod'],
  base: ['base', 'istiod']
}

/**
 * IstioOperator spec.values subtrees checked for values that make the istiod chart refuse to render; meshConfig only
 * for those, global also for values only later charts read (below).
 */
const IOP_FAIL_ONLY = ['global', 'meshConfig']
/**
 * IstioOperator spec.values.global feeds every chart istioctl renders, including the legacy ingress/egress gateway
 * charts, which the index does not hold. So a global value no indexed chart of the target reads may still be read
 * by those, and is not reported as ignored. What is reported is a global value that none of these charts read at
 * or before the target and a later istiod, base or istio-cni chart reads (not-yet-available): a value first read
 * after the target is one the target's gateway charts, which are of the same release, do not read either. ztunnel
 * counts as a reader, not as the later one (it reads global values flattened to the top level from 1.22.4, so its
 * later reads are its own top-level keys).
 */
const IOP_GLOBAL_READERS = ['istiod', 'base', 'cni', 'ztunnel']
const IOP_GLOBAL_LATER: ReadonlySet<string> = new Set(['istiod', 'base', 'cni'])

interface Reader {
  chart: ChartKnowledge
  index: number
}

interface Status {
  kind: 'fail' | 'open' | 'read' | 'wrapper' | 'ignored'
  more?: boolean
}

function combined(readers: readonly Reader[], path: readonly string[]): Status {
  let read = false
  let more = false
  for (const r of readers) {
    const s = r.chart.status(path, r.index)
    if (s.kind === 'open' || s.kind === 'wrapper' || s.kind === 'fail') return s
    if (s.kind === 'read') {
      read = true
      more ||= s.more === true
    }
  }
  return read ? { kind: 'read', more } : { kind: 'ignored' }
}

function sourceOf(chart: ChartKnowledge, tag: string): string {
  return `https://github.com/istio/istio/tree/${tag}/manifests/charts/${CHART_DIRS[chart.name]}`
}

/** A nearby key the chart does read: same parent, small edit distance (case differences count as none). */
function suggestion(readers: readonly Reader[], path: readonly string[]): string | undefined {
  const key = path[path.length - 1]
  const candidates = new Set<string>()
  for (const r of readers) for (const s of r.chart.siblings(path, r.index)) if (s !== key) candidates.add(s)
  const max = key.length >= 8 ? 2 : 1
  return closest(key, [...candidates].sort(), max)
}

interface Walk {
  doc: ManifestDocument
  tree: HelmTree
  target: Release
  lines: readonly string[]
  skipLines: ReadonlySet<number>
  out: Finding[]
  /** Only values first read after the target, by these charts (IstioOperator global); nothing else is reported. */
  onlyNewFrom?: ReadonlySet<string>
}

function report(w: Walk, path: readonly string[], keyNode: PosNode, valueNode: PosNode | null, rule: string, severity: Severity, message: string, source: string, rename?: string): void {
  if (w.skipLines.has(keyNode.line)) return
  const fix = rename ? buildFix({ type: 'renameKey', to: rename }, { line: keyNode.line, keyNode }, w.lines) : undefined
  const endLine = Math.max(keyNode.endLine, valueNode?.endLine ?? keyNode.line)
  w.out.push({
    rule,
    severity,
    message,
    file: w.doc.file,
    line: keyNode.line,
    ...(endLine > keyNode.line ? { endLine } : {}),
    ...(w.doc.resource ? { resource: w.doc.resource } : {}),
    path: formatPath([...w.tree.at, ...path]),
    ...(fix ? { fix } : {}),
    source
  })
}

function chartLabel(readers: readonly Reader[]): string {
  if (readers.length === 1) return `the ${readers[0].chart.name} chart ${readers[0].chart.tags[readers[0].index]}`
  return `the Istio charts of the release (${readers.map((r) => `${r.chart.name} ${r.chart.tags[r.index]}`).join(', ')})`
}

function visit(w: Walk, readers: readonly Reader[], map: PosNode | null | undefined, prefix: readonly string[]): void {
  const node = deref(map)
  if (node?.kind !== 'map') return
  for (const entry of mergedEntries(node)) {
    if (entry.key === '<complex>' || entry.key === '<<') continue
    const path = [...prefix, entry.key]
    const status = combined(readers, path)
    if (status.kind === 'wrapper') {
      visit(w, readers, entry.value, path)
      continue
    }
    if (status.kind === 'open') {
      // A free-form subtree (meshConfig) can still hold removed values the chart checks for.
      if (readers.some((r) => r.chart.failsBelow(path, r.index))) visitFails(w, readers, entry.value, path)
      continue
    }
    if (status.kind === 'read') {
      if (status.more) visit(w, readers, entry.value, path)
      continue
    }
    const first = readers[0]
    const dotted = path.join('.')
    if (w.onlyNewFrom) {
      if (status.kind !== 'ignored') continue
      let later: string | undefined
      let earlier = false
      for (const r of readers) {
        const a = r.chart.around(path, r.index)
        if (a.earlier) earlier = true
        if (a.later && w.onlyNewFrom.has(r.chart.name) && (later === undefined || compareTags(a.later, later) < 0)) later = a.later
      }
      if (later && !earlier) {
        report(w, path, entry.keyNode, entry.value, 'not-yet-available', 'warning',
          `Istio's charts read ${dotted} only from ${later}; ${chartLabel(readers)} installed for Istio ${w.target.version} ignore it.`, sourceOf(first.chart, first.chart.tags[first.index]))
      }
      continue
    }
    if (status.kind === 'fail') {
      reportFail(w, first, path, entry.keyNode, entry.value)
      continue
    }
    const suggest = suggestion(readers, path)
    const rename = suggest !== undefined && suggest !== entry.key ? suggest : undefined
    const schemaChart = readers.length === 1 && first.chart.hasSchema && path.length === 1 ? first.chart : undefined
    const tag = first.chart.tags[first.index]
    if (schemaChart?.schemaRefuses(entry.key, first.index)) {
      report(w, path, entry.keyNode, entry.value, HELM_VALUE_REJECTED, 'error',
        `The values schema of the gateway chart ${tag} does not allow the top-level key ${entry.key}, so Helm refuses to install or upgrade the release${rename ? `; did you mean ${rename}?` : '.'}`,
        sourceOf(first.chart, tag), rename)
      continue
    }
    // A key the schema declares but no chart version reads (`enabled`, the umbrella-chart condition) is a
    // deliberate no-op, not a mistake.
    if (schemaChart?.schemaDeclares(entry.key) && !schemaChart.knowsTopLevel(entry.key)) continue
    let later: string | undefined
    let stopped: string | undefined
    for (const r of readers) {
      const a = r.chart.around(path, r.index)
      if (a.later && (later === undefined || compareTags(a.later, later) < 0)) later = a.later
      if (a.earlier) {
        const next = r.chart.tags[r.chart.tags.indexOf(a.earlier) + 1]
        if (next && (stopped === undefined || compareTags(next, stopped) > 0)) stopped = next
      }
    }
    const source = sourceOf(first.chart, tag)
    if (later) {
      report(w, path, entry.keyNode, entry.value, 'not-yet-available', 'warning',
        `Istio's ${readers.length === 1 ? `${first.chart.name} chart` : 'charts'} read ${dotted} only from ${later}; ${chartLabel(readers)} installed for Istio ${w.target.version} ${readers.length === 1 ? 'ignores' : 'ignore'} it.`, source)
      continue
    }
    const moved = readers.map((r) => r.chart.moved.get(dotted)).find((m) => m !== undefined)
    const parts = [`${capitalise(chartLabel(readers))} installed for Istio ${w.target.version} ${readers.length === 1 ? 'does' : 'do'} not read ${dotted}, so the value is ignored.`]
    if (stopped) parts.push(`The chart stopped reading it in ${stopped}.`)
    if (moved) parts.push(`Its replacement is ${moved}.`)
    if (rename) parts.push(`Did you mean ${[...path.slice(0, -1), rename].join('.')}?`)
    report(w, path, entry.keyNode, entry.value, HELM_VALUE_IGNORED, 'warning', parts.join(' '), source, rename)
  }
}

/**
 * A value whose presence makes the chart `fail` (zzz_profile.yaml, or the removed values NOTES.txt checks).
 * istioctl renders IstioOperator spec.values through the same charts with Helm's engine, NOTES.txt included
 * (operator/pkg/helm/helm.go renders every template, then keeps only the WARNING lines of NOTES.txt), so
 * `istioctl install` fails the same way as `helm install`.
 */
function reportFail(w: Walk, reader: Reader, path: readonly string[], keyNode: PosNode, valueNode: PosNode | null): void {
  const tag = reader.chart.tags[reader.index]
  const dotted = path.join('.')
  // NOTES.txt pairs some removed values with a successor that is itself removed (the stackdriver tracer settings).
  const successor = reader.chart.moved.get(dotted)
  const moved = successor !== undefined && reader.chart.status(successor.split('.'), reader.index).kind !== 'fail' ? successor : undefined
  const why = path.length === 1 && path[0] === 'defaults'
    ? 'the defaults: wrapper is gone; set these keys at the top level'
    : `the value was removed${moved ? `; use ${moved}` : ''}`
  if (w.tree.chart === 'istio-operator') {
    report(w, path, keyNode, valueNode, HELM_VALUE_REJECTED, 'error',
      `istioctl renders the ${reader.chart.name} chart ${tag} with these values, and the chart refuses to render when ${dotted} is set (${why}), so istioctl install fails.`,
      `${sourceOf(reader.chart, tag)} (https://github.com/istio/istio/blob/${tag}/operator/pkg/helm/helm.go)`)
    return
  }
  report(w, path, keyNode, valueNode, HELM_VALUE_REJECTED, 'error', `The ${reader.chart.name} chart ${tag} refuses to render when ${dotted} is set (${why}), so the install or upgrade fails.`, sourceOf(reader.chart, tag))
}

/**
 * The values under an IstioOperator subtree that make the istiod chart fail (meshConfig, global: subtrees that also
 * feed charts or settings the index does not hold, so what is merely unread there is not reported as ignored).
 */
function visitFails(w: Walk, readers: readonly Reader[], map: PosNode | null | undefined, prefix: readonly string[]): void {
  const node = deref(map)
  if (node?.kind !== 'map') return
  for (const entry of mergedEntries(node)) {
    if (entry.key === '<complex>' || entry.key === '<<') continue
    const path = [...prefix, entry.key]
    const failing = readers.find((r) => r.chart.status(path, r.index).kind === 'fail')
    if (failing) reportFail(w, failing, path, entry.keyNode, entry.value)
    else if (readers.some((r) => r.chart.failsBelow(path, r.index))) visitFails(w, readers, entry.value, path)
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function compareTags(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

/**
 * Findings on the Helm values of one document. `skipLines`: lines where a catalog entry already says something
 * about a value (its message is the more specific one).
 */
export function helmValueFindings(doc: ManifestDocument, target: Release, lines: readonly string[], skipLines: ReadonlySet<number>, files: ReadonlySet<string> = new Set()): Finding[] {
  const out: Finding[] = []
  for (const tree of helmTreesOf(doc)) {
    const w: Walk = { doc, tree, target, lines, skipLines, out }
    const root = deref(tree.root)
    if (root?.kind !== 'map') continue
    if (tree.chart === 'istio-operator') {
      for (const entry of mergedEntries(root)) {
        if (IOP_FAIL_ONLY.includes(entry.key)) {
          const istiod = readersFor(['istiod'], target)
          if (istiod.some((r) => r.chart.failsBelow([entry.key], r.index))) visitFails(w, istiod, entry.value, [entry.key])
          if (entry.key !== 'global') continue
        }
        const global = entry.key === 'global'
        const charts = global ? IOP_GLOBAL_READERS : IOP_SUBTREES[entry.key]
        if (!charts) continue
        const readers = readersFor(charts, target)
        if (readers.length === 0) continue
        // The subtree's own key is known; look at what is under it.
        const value = deref(entry.value)
        if (value?.kind !== 'map') continue
        const status = combined(readers, [entry.key])
        if (status.kind !== 'wrapper' && (status.kind !== 'read' || !status.more)) continue
        visit(global ? { ...w, onlyNewFrom: IOP_GLOBAL_LATER } : w, readers, value, [entry.key])
      }
      continue
    }
    const readers = readersFor([tree.chart], target)
    if (readers.length === 0) continue
    if (doc.kind === 'helm-values' && tree.at.length === 0 && !looseFileChecked(doc.file, tree.chart, readers[0].chart, root, files)) continue
    visit(w, readers, root, [])
  }
  return out
}

/** Chart names as they appear in file and directory names of values files. */
const CHART_FILE_NAMES: Record<string, string> = {
  base: 'base', 'istio-base': 'base',
  istiod: 'istiod', 'istio-discovery': 'istiod', 'istiod-remote': 'istiod', 'istio-control': 'istiod',
  gateway: 'gateway', 'istio-gateway': 'gateway', 'istio-ingressgateway': 'gateway', 'istio-egressgateway': 'gateway',
  cni: 'cni', 'istio-cni': 'cni',
  ztunnel: 'ztunnel'
}

/**
 * A values file found by its name and keys, not installed by a HelmRelease/Application that names the chart, is
 * checked only when the chart is certain: its path names that chart, it is not a Helm profile (profiles hold
 * values for every chart) nor a chart's own values.yaml (next to Chart.yaml), and every top-level key is one
 * that some version of the chart reads (else it is likely an umbrella chart's or another chart's values).
 */
function looseFileChecked(file: string, chart: string, knowledge: ChartKnowledge, root: PosNode, files: ReadonlySet<string>): boolean {
  const segments = file.split('/')
  const base = segments[segments.length - 1].toLowerCase()
  if (base.startsWith('profile-') || segments.some((s) => s === 'helm-profiles')) return false
  const dir = segments.slice(0, -1).join('/')
  if (files.has(dir ? `${dir}/Chart.yaml` : 'Chart.yaml')) return false
  const named = segments.some((segment) => {
    const name = segment.toLowerCase().replace(/\.ya?ml$/, '').replace(/[-_.]?values$/, '').replace(/^values[-_.]?/, '')
    return CHART_FILE_NAMES[name] === chart
  })
  if (!named) return false
  const map = deref(root)
  if (map?.kind !== 'map') return false
  return mergedEntries(map).every((e) => knowledge.knowsTopLevel(e.key))
}

function readersFor(charts: readonly string[], target: Release): Reader[] {
  const out: Reader[] = []
  for (const name of charts) {
    const chart = chartKnowledge(name)
    const index = chart?.versionFor(target)
    if (chart && index !== undefined) out.push({ chart, index })
  }
  return out
}
