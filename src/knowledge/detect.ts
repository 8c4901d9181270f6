// `auto` versions: the Istio release a repository installs, read from its GitOps and Helm files.
import type { ManifestDocument, ManifestFile, PosNode, YamlPath } from '../manifests/types.js'
import { entryAt, nodeAt } from '../manifests/locate.js'
import { parseManifestFile } from '../manifests/parse.js'
import { isObject as isMap } from '../manifests/recognise.js'
import { KNOWN_MINORS, LATEST_MINOR, parseRelease } from './versions.js'
import { isIstioChartRepository } from './chart-repos.js'

/** Chart names other projects publish too: Istio's only from Istio's repository. */
const GENERIC_CHARTS = new Set(['base', 'gateway', 'cni'])

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

/**
 * Ranks: what installs Istio first (0: control plane charts and the istiod image of a rendered install; 1: other
 * Istio charts), then what only names a release (2: IstioOperator spec.tag, Helm values global.tag), then
 * compatibilityVersion (3), which says which behaviour is kept, not what runs.
 */
const RANK = { installsControlPlane: 0, installs: 1, names: 2, compatibility: 3 } as const

/** Flux sources by kind/namespace/name → their URL, for charts whose name alone does not say they are Istio's. */
type SourceUrls = Map<string, string>

const sourceKey = (kind: string, namespace: string | undefined, name: string): string => `${kind}/${namespace ?? ''}/${name}`

function collectSources(doc: ManifestDocument, out: SourceUrls): void {
  const value = doc.value
  if (!isMap(value) || (value.kind !== 'HelmRepository' && value.kind !== 'OCIRepository')) return
  const metadata = isMap(value.metadata) ? value.metadata : {}
  const spec = isMap(value.spec) ? value.spec : {}
  if (typeof metadata.name !== 'string' || typeof spec.url !== 'string') return
  const ns = typeof metadata.namespace === 'string' ? metadata.namespace : undefined
  out.set(sourceKey(value.kind, ns, metadata.name), spec.url)
  out.set(sourceKey(value.kind, '*', metadata.name), spec.url)
}

/**
 * The Istio chart a reference names, or undefined. Generic names (base, gateway, cni) count only when the
 * repository is Istio's; istiod, ztunnel and the istio-* names count from any repository (mirrors).
 */
function istioChartOf(ref: unknown, repository: string | undefined): string | undefined {
  const name = chartName(ref)
  if (!name) return undefined
  if (GENERIC_CHARTS.has(name) && !isIstioChartRepository(repository) && !isIstioChartRepository(ref)) return undefined
  return name
}

/** The istiod image of a rendered install (`.../pilot:1.29.0`): the tag is the version that runs. */
const PILOT_IMAGE = /(?:^|\/)pilot:([^@\s]+)$/

/** The kinds candidatesOf reads a version from. */
const SOURCE_KINDS = new Set<unknown>(['HelmRelease', 'OCIRepository', 'Application', 'ApplicationSet', 'IstioOperator', 'Deployment'])
const CHART_OR_KUSTOMIZATION = /(^|\/)(Chart|kustomization)\.ya?ml$/

function candidatesOf(doc: ManifestDocument, sources: SourceUrls, unresolved: DetectedVersion[]): Candidate[] {
  const out: Candidate[] = []
  const value = doc.value
  if (!isMap(value)) return out
  // Most documents are none of the sources below (each needs one of these kinds, Helm values or one of these files).
  if (!SOURCE_KINDS.has(value.kind) && !doc.embedded.some((e) => e.role === 'helm-values') && !CHART_OR_KUSTOMIZATION.test(doc.file)) return out
  const take = (path: YamlPath, how: string, rank: number, root: PosNode | null = doc.root): void => {
    const found = scalarAt(root, path)
    if (!found) return
    const version = resolveVersionSpec(found.text)
    if (version) out.push({ version, file: doc.file, line: found.line, how, rank })
    else if (rank <= RANK.installs) unresolved.push({ version: found.text, file: doc.file, line: found.line, how })
  }
  const rankOf = (chart: string): number => (CONTROL_PLANE_CHARTS.has(chart) ? RANK.installsControlPlane : RANK.installs)
  const spec = isMap(value.spec) ? value.spec : {}
  const metadata = isMap(value.metadata) ? value.metadata : {}
  const kind = value.kind
  if (kind === 'HelmRelease' && isMap(spec.chart) && isMap(spec.chart.spec)) {
    const chartSpec = spec.chart.spec
    const ref = isMap(chartSpec.sourceRef) ? chartSpec.sourceRef : {}
    const refKind = typeof ref.kind === 'string' ? ref.kind : 'HelmRepository'
    const ns = typeof ref.namespace === 'string' ? ref.namespace : typeof metadata.namespace === 'string' ? metadata.namespace : undefined
    const url = typeof ref.name === 'string' ? sources.get(sourceKey(refKind, ns, ref.name)) ?? sources.get(sourceKey(refKind, '*', ref.name)) : undefined
    const chart = istioChartOf(chartSpec.chart, url)
    if (chart) take(['spec', 'chart', 'spec', 'version'], `Flux HelmRelease spec.chart.spec.version (chart ${chart})`, rankOf(chart))
  }
  if (kind === 'OCIRepository' && typeof spec.url === 'string') {
    const chart = istioChartOf(spec.url, spec.url)
    if (chart && isMap(spec.ref)) {
      take(['spec', 'ref', 'tag'], `Flux OCIRepository spec.ref.tag (chart ${chart})`, rankOf(chart))
      take(['spec', 'ref', 'semver'], `Flux OCIRepository spec.ref.semver (chart ${chart})`, rankOf(chart))
    }
  }
  // Argo CD: an Application, or the template of an ApplicationSet (the same spec one level down).
  const argo: [YamlPath, Record<string, unknown>, string][] = []
  if (kind === 'Application') argo.push([['spec'], spec, 'Argo CD Application'])
  if (kind === 'ApplicationSet' && isMap(spec.template) && isMap(spec.template.spec)) argo.push([['spec', 'template', 'spec'], spec.template.spec, 'Argo CD ApplicationSet'])
  for (const [at, appSpec, what] of argo) {
    if (isMap(appSpec.source)) {
      const chart = istioChartOf(appSpec.source.chart, typeof appSpec.source.repoURL === 'string' ? appSpec.source.repoURL : undefined)
      if (chart) take([...at, 'source', 'targetRevision'], `${what} ${at.join('.')}.source.targetRevision (chart ${chart})`, rankOf(chart))
    }
    if (Array.isArray(appSpec.sources)) {
      appSpec.sources.forEach((s, i) => {
        const chart = isMap(s) ? istioChartOf(s.chart, typeof s.repoURL === 'string' ? s.repoURL : undefined) : undefined
        if (chart) take([...at, 'sources', i, 'targetRevision'], `${what} ${at.join('.')}.sources[${i}].targetRevision (chart ${chart})`, rankOf(chart))
      })
    }
  }
  if (kind === 'IstioOperator') take(['spec', 'tag'], 'IstioOperator spec.tag', RANK.names)
  if (/(^|\/)Chart\.ya?ml$/.test(doc.file) && Array.isArray(value.dependencies)) {
    value.dependencies.forEach((d, i) => {
      const chart = isMap(d) ? istioChartOf(d.name, typeof d.repository === 'string' ? d.repository : undefined) : undefined
      if (chart) take(['dependencies', i, 'version'], `Chart.yaml dependency ${chart}`, rankOf(chart))
    })
  }
  if (/(^|\/)kustomization\.ya?ml$/.test(doc.file) && Array.isArray(value.helmCharts)) {
    value.helmCharts.forEach((h, i) => {
      const chart = isMap(h) ? istioChartOf(h.name, typeof h.repo === 'string' ? h.repo : undefined) : undefined
      if (chart) take(['helmCharts', i, 'version'], `kustomization helmCharts ${chart}`, rankOf(chart))
    })
  }
  // A rendered install: the istiod Deployment's pilot image tag.
  if (kind === 'Deployment') {
    const podSpec = isMap(spec.template) && isMap(spec.template.spec) ? spec.template.spec : {}
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : []
    containers.forEach((c, i) => {
      if (!isMap(c) || typeof c.image !== 'string') return
      const m = PILOT_IMAGE.exec(c.image)
      if (!m || !(/istio/i.test(c.image) || c.name === 'discovery')) return
      const path: YamlPath = ['spec', 'template', 'spec', 'containers', i, 'image']
      const found = scalarAt(doc.root, path)
      const version = resolveVersionSpec(m[1])
      if (found && version) out.push({ version, file: doc.file, line: found.line, how: `istiod image ${c.image}`, rank: RANK.installsControlPlane })
    })
  }
  // Helm values: an image tag pins the release; compatibilityVersion only says which behaviour is kept.
  for (const e of doc.embedded) {
    if (e.role !== 'helm-values') continue
    take(['global', 'tag'], `Helm values global.tag (chart ${e.chart ?? 'istio'})`, RANK.names, e.root)
    take(['compatibilityVersion'], `Helm values compatibilityVersion (chart ${e.chart ?? 'istio'})`, RANK.compatibility, e.root)
  }
  if (kind === 'IstioOperator') take(['spec', 'compatibilityVersion'], 'IstioOperator spec.compatibilityVersion', RANK.compatibility)
  return out
}

/** Kinds whose documents `candidatesOf` or `collectSources` read. */
const DETECTION_KINDS = new Set(['HelmRelease', 'HelmRepository', 'OCIRepository', 'Application', 'ApplicationSet', 'IstioOperator'])

/**
 * True when detection reads this document: a version source (its value, and its position tree for the line) or a
 * chart repository that tells whose a chart is. The streaming analysis keeps these documents whole, so the
 * repository checks that detect the version (Kubernetes range anchor, upgrade path, data-plane skew) see them.
 * A superset of what `candidatesOf` takes: the chart repositories it resolves against are known only at the end.
 */
export function detectionReads(doc: ManifestDocument): boolean {
  if (doc.embedded.some((e) => e.role === 'helm-values')) return true
  const value = doc.value
  if (!isMap(value)) return false
  if (typeof value.kind === 'string' && DETECTION_KINDS.has(value.kind)) return true
  if (Array.isArray(value.dependencies) && /(^|\/)Chart\.ya?ml$/.test(doc.file)) return true
  if (Array.isArray(value.helmCharts) && /(^|\/)kustomization\.ya?ml$/.test(doc.file)) return true
  if (value.kind !== 'Deployment') return false
  const spec = isMap(value.spec) ? value.spec : {}
  const podSpec = isMap(spec.template) && isMap(spec.template.spec) ? spec.template.spec : {}
  return Array.isArray(podSpec.containers) && podSpec.containers.some((c) => isMap(c) && typeof c.image === 'string' && PILOT_IMAGE.test(c.image))
}

/**
 * Only files that may hold one of the sources above are parsed (detection runs over whole repositories). Every source
 * needs one of these words as a whole scalar (a kind, a key: HelmRelease, dependencies, global, ...) or the text
 * `pilot:` inside an image: in YAML and JSON a scalar is delimited by characters other than letters, digits, `_` and
 * `.` (whitespace, quotes, `:`, `,`, brackets; a tag or an anchor is followed by whitespace), so the word stands in
 * the text between two such characters, which leaves out `.Values.global.hub` and `holdApplicationUntilProxyStarts`.
 * A double-quoted scalar may spell a word with escapes (`"Helm\x52elease"`, an escaped line break): any backslash lets
 * the file through. So does a UTF-16 byte order mark (the parser reads UTF-16; its bytes are not searched here).
 */
const MAY_NAME_VERSION = /(?<![\w.])(?:HelmRelease|HelmRepository|OCIRepository|Application|ApplicationSet|IstioOperator|dependencies|helmCharts|compatibilityVersion|global)(?![\w.])|pilot:|\\/

function toManifestFile(input: Input): ManifestFile | undefined {
  if ('documents' in input) return input
  if (!mayNameVersion(input.text)) return undefined
  return parseManifestFile(input.path, input.text)
}

export interface Detection {
  /** The version chosen, undefined when nothing names one. */
  chosen?: DetectedVersion
  /** Every candidate seen, best first. */
  candidates: DetectedVersion[]
  /** Istio installs whose version could not be read (a Flux substitution such as "${version}", `latest`, `*`). */
  unresolved: DetectedVersion[]
  /** Candidates that name another minor than the chosen one (compatibilityVersion excluded): sources disagree. */
  disagreeing: DetectedVersion[]
}

const minorOf = (v: string): string => v.split('.').slice(0, 2).join('.')

/**
 * Every source of the Istio version in the files, and the one to use: the best rank wins (what installs Istio over
 * loose files); within it the version most sources name, then the newest — never the order of the paths.
 * Known releases win over unknown ones (a chart's placeholder version 1.0.0).
 */
export function detectIstio(files: readonly Input[]): Detection {
  const parsed: ManifestFile[] = []
  for (const input of files) {
    const file = toManifestFile(input)
    if (file) parsed.push(file)
  }
  const sources: SourceUrls = new Map()
  for (const file of parsed) for (const doc of file.documents) collectSources(doc, sources)
  const all: Candidate[] = []
  const unresolved: DetectedVersion[] = []
  for (const file of parsed) for (const doc of file.documents) all.push(...candidatesOf(doc, sources, unresolved))
  all.sort((a, b) => a.rank - b.rank || a.file.localeCompare(b.file) || a.line - b.line)
  const known = all.filter((c) => isKnown(c.version))
  const pool = known.length ? known : all
  let chosen: Candidate | undefined
  if (pool.length) {
    const best = pool[0].rank
    const tier = pool.filter((c) => c.rank === best)
    const count = new Map<string, number>()
    for (const c of tier) count.set(c.version, (count.get(c.version) ?? 0) + 1)
    chosen = [...tier].sort((a, b) => (count.get(b.version) ?? 0) - (count.get(a.version) ?? 0) || cmp(nums(b.version) ?? [], nums(a.version) ?? []) || a.file.localeCompare(b.file) || a.line - b.line)[0]
  }
  const strip = ({ rank: _rank, ...rest }: Candidate): DetectedVersion => rest
  const disagreeing = chosen ? all.filter((c) => c.rank < RANK.compatibility && isKnown(c.version) && minorOf(c.version) !== minorOf(chosen.version)).map(strip) : []
  const candidates = chosen ? [chosen, ...all.filter((c) => c !== chosen)].map(strip) : []
  return { ...(chosen ? { chosen: strip(chosen) } : {}), candidates, unresolved, disagreeing }
}

function isKnown(version: string): boolean {
  try {
    parseRelease(version)
    return true
  } catch {
    return false
  }
}

/** Every Istio version the files name, best first (the chosen one, then the others by rank). */
export function detectIstioVersions(files: readonly Input[]): DetectedVersion[] {
  return detectIstio(files).candidates
}

/** The Istio version the repository installs, with the file and line that say so; undefined when none does. */
export function detectIstioVersion(files: readonly Input[]): DetectedVersion | undefined {
  return detectIstio(files).chosen
}

export { LATEST_MINOR }

/**
 * False only when the file cannot hold a version source, so detection need not parse it (callers that parse files
 * once for several uses ask first). Bytes are searched as Latin-1: the words are ASCII, and no byte of a multi-byte
 * UTF-8 character is ASCII, so a word is found in the bytes exactly when it is in the decoded text.
 */
export function mayNameVersion(content: string | Uint8Array): boolean {
  if (typeof content === 'string') return MAY_NAME_VERSION.test(content)
  if (content.length >= 2 && ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff))) return true
  return MAY_NAME_VERSION.test(Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1'))
}
