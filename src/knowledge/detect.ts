// `auto` versions: the Istio release a repository installs, read from its GitOps and Helm files.
import type { ManifestDocument, ManifestFile, PosNode, YamlPath } from '../manifests/types.js'
import { entryAt, nodeAt } from '../manifests/locate.js'
import { parseManifestFile } from '../manifests/parse.js'
import { KNOWN_MINORS, LATEST_MINOR } from './versions.js'

export interface DetectedVersion {
  /** A version parseRelease accepts ('1.28', '1.28.1', '1.31.0-rc.0'), or the raw text when it is not one. */
  version: string
  file: string
  line: number
  /** Where it came from, for messages: e.g. "Flux HelmRelease spec.chart.spec.version (istiod)". */
  how: string
}

/** Istio chart names as published (the last path segment of a chart reference). */
const ISTIO_CHARTS = new Set(['base', 'istio-base', 'istiod', 'istio-discovery', 'istiod-remote', 'gateway', 'istio-gateway', 'cni', 'istio-cni', 'ztunnel', 'istio-ztunnel'])
/** Charts whose version is the control plane's: preferred over gateways and node agents. */
const CONTROL_PLANE_CHARTS = new Set(['istiod', 'istio-discovery', 'istiod-remote', 'base', 'istio-base'])

/** Image tag variants that are not part of the version. */
const VARIANT_SUFFIX = /-(distroless|debug)$/

interface Candidate extends DetectedVersion {
  /** Lower is preferred. */
  rank: number
}

type Input = ManifestFile | { path: string; text: string }

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function chartName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined
  const name = ref.replace(/\/+$/, '').split('/').pop() ?? ''
  return ISTIO_CHARTS.has(name) ? name : undefined
}

/** Compares dotted numeric versions (missing parts count as 0). */
function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function nums(v: string): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/.exec(v)
  if (!m) return undefined
  const out = [Number(m[1])]
  for (const part of [m[2], m[3]]) {
    if (part === undefined || /[xX*]/.test(part)) break
    out.push(Number(part))
  }
  return out
}

/** The known releases as [major, minor] pairs, oldest first. */
const KNOWN = KNOWN_MINORS.map((m) => m.split('.').map(Number))

/**
 * Resolves a version or a version range to the release it installs. Exact versions stay as written (variant
 * suffixes like -distroless dropped); `1.28`, `1.28.x`, `1.28.*` and `~1.28.0` mean the newest 1.28 patch
 * ('1.28'); comparator ranges (`>=1.27 <1.29`, `^1.27.0`, `1.27 - 1.28`, `||` alternatives) resolve to the
 * newest known release they allow, which is what Helm, Flux and Argo CD would pick; an upper bound inside a
 * minor (`<1.28.3`) gives that patch minus one. Undefined when nothing can be inferred (`*`, `latest`, garbage).
 */
export function resolveVersionSpec(spec: string): string | undefined {
  const text = spec.trim().replace(VARIANT_SUFFIX, '')
  if (text === '' || text === '*' || /^latest$/i.test(text)) return undefined
  const exact = /^[v=]?(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?)$/.exec(text)
  if (exact) return exact[1]
  const xrange = /^[v=]?(\d+)\.(\d+)\.[xX*]$/.exec(text)
  if (xrange) return `${Number(xrange[1])}.${Number(xrange[2])}`
  const alternatives = text.split('||').map((a) => resolveRange(a.trim())).filter((v): v is string => v !== undefined)
  if (alternatives.length === 0) return undefined
  return alternatives.sort((a, b) => cmp(nums(a) ?? [], nums(b) ?? [])).pop()
}

/** One comparator set → the newest known release inside it. */
function resolveRange(range: string): string | undefined {
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(range)
  const comparators = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : range.split(/[\s,]+/).filter(Boolean)
  let lower: { v: number[]; inclusive: boolean } | undefined
  let upper: { v: number[]; inclusive: boolean; raw: string } | undefined
  for (const c of comparators) {
    const m = /^(>=|<=|>|<|=|~>|~|\^)?\s*(.+)$/.exec(c)
    if (!m) return undefined
    const [, op = '=', raw] = m
    const v = nums(raw.replace(/^v/, ''))
    if (!v) return undefined
    switch (op) {
      case '>=':
      case '>':
        lower = { v, inclusive: op === '>=' }
        break
      case '<=':
      case '<':
        upper = { v, inclusive: op === '<=', raw }
        break
      case '~':
      case '~>':
        lower = { v, inclusive: true }
        upper = { v: v.length >= 2 ? [v[0], v[1] + 1] : [v[0] + 1], inclusive: false, raw: '' }
        break
      case '^':
        lower = { v, inclusive: true }
        upper = { v: [v[0] + 1], inclusive: false, raw: '' }
        break
      default:
        // A bare partial version (`1.28`, `1.x`) is a range over what it leaves open.
        lower = { v, inclusive: true }
        upper = { v: v.length >= 2 ? [v[0], v[1] + 1] : [v[0] + 1], inclusive: false, raw: '' }
    }
  }
  // An upper bound with a patch inside a known minor pins that minor's patch.
  if (upper && upper.v.length === 3 && upper.v[2] > (upper.inclusive ? -1 : 0)) {
    const patch = upper.inclusive ? upper.v[2] : upper.v[2] - 1
    const candidate = [upper.v[0], upper.v[1], patch]
    if (!lower || cmp(candidate, lower.v) > 0 || (lower.inclusive && cmp(candidate, lower.v) === 0)) return candidate.join('.')
  }
  for (let i = KNOWN.length - 1; i >= 0; i--) {
    const minor = KNOWN[i]
    const newestPatch = [...minor, Number.MAX_SAFE_INTEGER]
    if (upper) {
      const c = cmp(minor, upper.v.slice(0, 2))
      if (c > 0 || (c === 0 && !upper.inclusive && upper.v.length <= 2) || (c === 0 && upper.v.length === 3 && !upper.inclusive && upper.v[2] === 0)) continue
    }
    if (lower && cmp(newestPatch, lower.v) < 0) continue
    return minor.join('.')
  }
  // Nothing known fits: hand back the lower bound so the caller can name the unknown release.
  return lower ? lower.v.join('.') : undefined
}

function scalarAt(root: PosNode | null, path: YamlPath): { text: string; line: number } | undefined {
  const node = nodeAt(root, path)
  if (node?.kind !== 'scalar') return undefined
  const entry = entryAt(root, path)
  return { text: node.text, line: node.line ?? entry?.keyNode.line }
}

function candidatesOf(doc: ManifestDocument): Candidate[] {
  const out: Candidate[] = []
  const value = doc.value
  if (!isMap(value)) return out
  const take = (path: YamlPath, how: string, rank: number, root: PosNode | null = doc.root): void => {
    const found = scalarAt(root, path)
    if (!found) return
    const version = resolveVersionSpec(found.text)
    if (version) out.push({ version, file: doc.file, line: found.line, how, rank })
  }
  const rankOf = (chart: string): number => (CONTROL_PLANE_CHARTS.has(chart) ? 0 : 1)
  const spec = isMap(value.spec) ? value.spec : {}
  const kind = value.kind
  if (kind === 'HelmRelease' && isMap(spec.chart) && isMap(spec.chart.spec)) {
    const chart = chartName(spec.chart.spec.chart)
    if (chart) take(['spec', 'chart', 'spec', 'version'], `Flux HelmRelease spec.chart.spec.version (chart ${chart})`, rankOf(chart))
  }
  if (kind === 'OCIRepository' && typeof spec.url === 'string') {
    const chart = chartName(spec.url)
    if (chart && isMap(spec.ref)) {
      take(['spec', 'ref', 'tag'], `Flux OCIRepository spec.ref.tag (chart ${chart})`, rankOf(chart))
      take(['spec', 'ref', 'semver'], `Flux OCIRepository spec.ref.semver (chart ${chart})`, rankOf(chart))
    }
  }
  if (kind === 'Application') {
    if (isMap(spec.source)) {
      const chart = chartName(spec.source.chart)
      if (chart) take(['spec', 'source', 'targetRevision'], `Argo CD Application spec.source.targetRevision (chart ${chart})`, rankOf(chart))
    }
    if (Array.isArray(spec.sources)) {
      spec.sources.forEach((s, i) => {
        const chart = isMap(s) ? chartName(s.chart) : undefined
        if (chart) take(['spec', 'sources', i, 'targetRevision'], `Argo CD Application spec.sources[${i}].targetRevision (chart ${chart})`, rankOf(chart))
      })
    }
  }
  if (kind === 'IstioOperator') take(['spec', 'tag'], 'IstioOperator spec.tag', 0)
  if (/(^|\/)Chart\.ya?ml$/.test(doc.file) && Array.isArray(value.dependencies)) {
    value.dependencies.forEach((d, i) => {
      const chart = isMap(d) ? chartName(d.name) : undefined
      if (chart) take(['dependencies', i, 'version'], `Chart.yaml dependency ${chart}`, rankOf(chart))
    })
  }
  if (/(^|\/)kustomization\.ya?ml$/.test(doc.file) && Array.isArray(value.helmCharts)) {
    value.helmCharts.forEach((h, i) => {
      const chart = isMap(h) ? chartName(h.name) : undefined
      if (chart) take(['helmCharts', i, 'version'], `kustomization helmCharts ${chart}`, rankOf(chart))
    })
  }
  // Helm values: an image tag pins the release; compatibilityVersion only says which behaviour is kept.
  for (const e of doc.embedded) {
    if (e.role !== 'helm-values') continue
    take(['global', 'tag'], `Helm values global.tag (chart ${e.chart ?? 'istio'})`, 2, e.root)
    take(['compatibilityVersion'], `Helm values compatibilityVersion (chart ${e.chart ?? 'istio'})`, 3, e.root)
  }
  if (kind === 'IstioOperator') take(['spec', 'compatibilityVersion'], 'IstioOperator spec.compatibilityVersion', 3)
  return out
}

/** Only files that hold one of the sources above are parsed (detection runs over whole repositories). */
const MAY_NAME_VERSION = /HelmRelease|OCIRepository|kind:\s*["']?Application|IstioOperator|dependencies:|helmCharts:|compatibilityVersion|global:/

function toManifestFile(input: Input): ManifestFile | undefined {
  if ('documents' in input) return input
  if (!MAY_NAME_VERSION.test(input.text)) return undefined
  return parseManifestFile(input.path, input.text)
}

/** Every Istio version the files name, best first (control-plane charts and IstioOperator, then others). */
export function detectIstioVersions(files: readonly Input[]): DetectedVersion[] {
  const candidates: Candidate[] = []
  for (const input of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const file = toManifestFile(input)
    if (!file) continue
    for (const doc of file.documents) for (const c of candidatesOf(doc)) candidates.push(c)
  }
  return candidates
    .sort((a, b) => a.rank - b.rank || a.file.localeCompare(b.file) || a.line - b.line)
    .map(({ rank: _rank, ...rest }) => rest)
}

/** The Istio version the repository installs, with the file and line that say so; undefined when none does. */
export function detectIstioVersion(files: readonly Input[]): DetectedVersion | undefined {
  return detectIstioVersions(files)[0]
}

export { LATEST_MINOR }

/** True when detection would read the text at all (callers that parse files once for several uses ask first). */
export function mayNameVersion(text: string): boolean {
  return MAY_NAME_VERSION.test(text)
}
