// changes → manifests → analyze: one run of the engine, shared by the action and the CLI.
import { allRules, analyzeDocuments, ANALYZERS, applyRuleSettings } from './analyze/index.js'
import { groupByTarget } from './analyze/groups.js'
import { mergeOverlaps } from './analyze/overlap.js'
import { applySuppressions } from './analyze/suppress.js'
import { GATEWAY_API_CHANNELS, type AnalysisContext, type Analyzer, type GatewayApiChannel } from './analyze/types.js'
import type { ChangeSet } from './changes/types.js'
import { EMPTY_CONFIG, matchesPatterns, type RepoConfig } from './config.js'
import type { Detection } from './knowledge/detect.js'
import { detectSides, type Parsed } from './detection.js'
import { parseFromRelease, parseRelease, type Release } from './knowledge/versions.js'
import { MAX_PULL_FILES } from './github/pulls.js'
import { classifyFindings, documentsWithFindings, pairRenamedResources, resourceIdentity } from './baseline.js'
import { kubernetesMinor } from './analyze/catalog/kubernetes.js'
import { diffResources } from './manifests/diff.js'
import { parseManifestFile } from './manifests/parse.js'
import { parseAndCheck, type EarlyFindings } from './streaming.js'
import type { ManifestDocument, ManifestFile } from './manifests/types.js'
import { compareFindings, UsageError, type Finding } from './model.js'
import type { AnalysisResult, NotChecked, VersionChoice } from './result.js'

/** A state of the repository (a commit, the work tree, or the API at a sha). */
export interface Snapshot {
  list(): Promise<string[]>
  read(paths: readonly string[]): Promise<Map<string, Uint8Array>>
}

export interface Sources {
  changes: ChangeSet
  head: Snapshot
  /** Absent when there is nothing to compare with (plain paths): everything counts as added. */
  base?: Snapshot
  /** `changes` lists every file that differs between `base` and `head` (a git diff of exactly these commits). */
  diffComplete?: boolean
}

export interface RunOptions {
  target: string
  from?: string
  kubernetesVersion?: string
  /** Gateway API CRD channel of the cluster (input); falls back to the config's gatewayApiChannel, then experimental. */
  gatewayApiChannel?: string
  /** minimatch patterns; `!` excludes. */
  paths: string[]
  config?: RepoConfig
  /** The analyzers to run; default: every registered one (tests inject their own). */
  analyzers?: readonly Analyzer[]
  /** Findings already there before the PR gate too (input fail-on-existing); reporters say so. */
  failOnExisting?: boolean
  /** Files above this many bytes are skipped with a warning; default: the config's maxFileSize, else 4 MiB. */
  maxFileBytes?: number
  /**
   * The repository's manifests around `paths` (minimatch patterns; the config's ignore list applies): nothing reports
   * on them, but an opt-out or the other half of a cross-object pair found there counts, as on a pull request that
   * touches only the checked files. The CLI passes the default patterns when it checks named paths.
   */
  contextPaths?: string[]
}

export { detectInSnapshot } from './detection.js'

export const DEFAULT_PATTERNS = ['**/*.yaml', '**/*.yml']

export async function runAnalysis(sources: Sources, options: RunOptions): Promise<AnalysisResult> {
  const config = options.config ?? EMPTY_CONFIG
  // The Kubernetes rule skips versions it cannot read, so a typo here would silently switch it off.
  if (options.kubernetesVersion && kubernetesMinor(options.kubernetesVersion) === undefined) {
    throw new UsageError(`kubernetes-version "${options.kubernetesVersion}" is not a Kubernetes version; expected e.g. 1.31 or v1.31.2`)
  }
  const channelInput = options.gatewayApiChannel ?? config.gatewayApiChannel
  if (channelInput !== undefined && !(GATEWAY_API_CHANNELS as readonly string[]).includes(channelInput)) {
    throw new UsageError(`gateway-api-channel "${channelInput}" is not a Gateway API channel; expected standard or experimental`)
  }
  const gatewayApiChannel = channelInput as GatewayApiChannel | undefined
  const matches = pathMatcher(options.paths.length ? options.paths : DEFAULT_PATTERNS, config.ignore)
  const notChecked: NotChecked[] = []

  // Detection runs on both sides whenever there is a base: a PR that moves the Istio version widens the scope.
  const maxFileBytes = options.maxFileBytes ?? config.maxFileSize
  // With a base, detection also parses the files that may hold half of a cross-object pair (pairing context).
  const context = options.contextPaths ? pathMatcher(options.contextPaths, config.ignore) : undefined
  const { head: headDetection, base: baseDetection } = await detectSides(sources, matches, maxFileBytes, options, context)
  const headDetected = headDetection?.detection
  const baseDetected = baseDetection?.detection

  const target = chooseVersion(options.target, headDetected?.chosen, 'target-version')
  if (!target) throw new UsageError(noVersionMessage(headDetected))
  const from = options.from && options.from !== '' ? chooseVersion(options.from, baseDetected?.chosen, 'from-version', parseFromRelease) : undefined
  const versionBump = !!(headDetected?.chosen && baseDetected?.chosen && headDetected.chosen.version !== baseDetected.chosen.version)

  // Scope: the changed files, or every manifest when the PR moves the Istio version.
  const changed = sources.changes.files.filter((f) => f.status !== 'removed' && matches(f.path))
  const headPaths = versionBump ? (await sources.head.list()).filter(matches) : changed.map((f) => f.path)
  const analyzers = options.analyzers ?? ANALYZERS
  const inputs: AnalysisContext = {
    target: target.release,
    ...(from ? { from: from.release } : {}),
    ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
    ...(gatewayApiChannel ? { gatewayApiChannel } : {}),
    repositoryPaths: headDetection?.paths ?? new Set(headPaths),
    files: []
  }
  // Untouched files a pair's other half may be in: cross-object checks read them, nothing reports on them. None on a
  // version bump: every file is in scope then.
  const headPairing = versionBump ? [] : pairingFiles(headDetection, headPaths)
  if (headPairing.length) inputs.pairingFiles = headPairing
  // Every head document is in scope without a base and on a version bump: those files stream through the analysis
  // (checked file by file while parsed, then position trees released, and without a base values and lines too), so a
  // whole repository never holds all its trees at once, nor, without a base, more of a document than reporting reads.
  const streamed = !sources.base || versionBump ? await parseAndCheck(sources.head, headPaths, { ...inputs, files: [] }, config, analyzers, { withFindings: !!sources.base, maxFileBytes }) : undefined
  const headFiles = streamed ? streamed.files : await parseAll(sources.head, headPaths, maxFileBytes, headDetection?.parsed)
  // What detection parsed and the analysis does not use is dropped now, not held for the rest of the run.
  headDetection?.parsed.clear()
  inputs.files = headFiles

  let baseFiles: ManifestFile[] = []
  let basePairing: ManifestFile[] = []
  const renames = new Map<string, string>()
  const touched = new Set(sources.changes.files.map((f) => f.path))
  if (sources.base) {
    const basePaths = new Set<string>()
    for (const f of sources.changes.files) {
      if (!matches(f.path) && !(f.previousPath && matches(f.previousPath))) continue
      if (f.status === 'added') continue
      const old = f.previousPath ?? f.path
      if (f.previousPath) renames.set(f.path, f.previousPath)
      basePaths.add(old)
    }
    // A file the PR did not touch is the same before it: its head parse stands for the base one (half the
    // parsing of a version bump). Past GitHub's 3000-file listing the change set may be incomplete: read the base.
    const reused: ManifestFile[] = []
    if (versionBump) {
      const complete = !(sources.changes.source === 'github' && sources.changes.files.length >= MAX_PULL_FILES)
      for (const file of headFiles) {
        if (touched.has(file.path)) continue
        if (complete) reused.push(file)
        else basePaths.add(file.path)
      }
    }
    baseFiles = [...(await parseAll(sources.base, [...basePaths], maxFileBytes, baseDetection?.parsed)), ...reused]
    basePairing = versionBump ? [] : pairingFiles(baseDetection, baseFiles.map((f) => f.path))
    baseDetection?.parsed.clear()
  }
  const resources = diffResources(baseFiles, headFiles, renames)

  const inScope: ManifestDocument[] = []
  for (const change of resources) {
    if (!change.head) continue
    if (versionBump || !sources.base || change.status === 'added' || change.status === 'changed') inScope.push(change.head)
  }
  const knownRules = allRules(analyzers).map((r) => r.id)
  const head = analyseSide(headFiles, inScope, inputs, config, analyzers, knownRules, headFiles.flatMap((f) => f.documents), streamed?.early)
  for (const file of headFiles) {
    if (file.problems.some((p) => p.severity !== 'error') && file.documents.length === 0) notChecked.push({ file: file.path, reason: file.problems[0].message })
  }

  let findings = head.findings
  // Auto detection: files that name another Istio minor than the chosen one (classified with the rest below).
  if (options.target === 'auto' && headDetected) findings = [...findings, ...applyRuleSettings(disagreement(headDetected), config)]
  let baseline: AnalysisResult['baseline']
  if (sources.base) {
    // The base, analysed as it ran before the PR: against the release it was at when the PR moves the version
    // (so what the move breaks is new), else against the same releases as the head.
    const baseRelease = versionBump ? (from?.release ?? releaseOrUndefined(baseDetected?.chosen?.version) ?? target.release) : target.release
    const baseInputs: AnalysisContext = {
      target: baseRelease,
      ...(!versionBump && from ? { from: from.release } : {}),
      ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
      ...(gatewayApiChannel ? { gatewayApiChannel } : {}),
      ...(baseDetection?.paths ? { repositoryPaths: baseDetection.paths } : {}),
      ...(basePairing.length ? { pairingFiles: basePairing } : {}),
      // Repository checks need a file to anchor to; a PR that only adds files has no base file in scope.
      files: baseFiles.length ? baseFiles : headFiles
    }
    // Only the base counterparts of head documents with findings: the cost follows the findings, not the repository.
    const renamed = pairRenamedResources(resources, renames)
    const counterpart = new Map<ManifestDocument, ManifestDocument>(renamed)
    for (const change of resources) if (change.head && change.base) counterpart.set(change.head, change.base)
    // Documents known by their place in a file (no name) lose their pairing when a document is inserted above
    // them: for those, every base document of the same kind in the same file is a possible counterpart.
    const sameKind = (file: string, d: ManifestDocument) => `${file}\u0000${d.resource ? `${d.resource.apiVersion}/${d.resource.kind}` : d.kind}`
    const byKind = new Map<string, ManifestDocument[]>()
    for (const file of baseFiles) {
      for (const d of file.documents) {
        const key = sameKind(d.file, d)
        const list = byKind.get(key)
        if (list) list.push(d)
        else byKind.set(key, [d])
      }
    }
    const wanted = new Set<ManifestDocument>()
    for (const doc of documentsWithFindings(findings, inScope)) {
      const old = counterpart.get(doc)
      if (old) wanted.add(old)
      if (doc.resource?.name === undefined) for (const d of byKind.get(sameKind(renames.get(doc.file) ?? doc.file, doc)) ?? []) wanted.add(d)
    }
    const baseDocs = [...wanted]
    // Listed only when a base document is analysed (only document checks read the listing).
    if (baseDetection && !baseDetection.paths && baseDocs.length) baseInputs.repositoryPaths = new Set(await sources.base.list())
    const baseSide = analyseSide(baseFiles, baseDocs, baseInputs, config, analyzers, knownRules, baseDocs)
    const renamedResources = new Map<string, string>()
    for (const [now, before] of renamed) {
      const a = resourceIdentity(now.resource)
      const b = resourceIdentity(before.resource)
      if (a && b) renamedResources.set(a, b)
    }
    const byPath = new Map(sources.changes.files.map((f) => [f.path, f]))
    findings = classifyFindings(findings, baseSide.findings, {
      renames,
      renamedResources,
      untouched: (path) => !touched.has(path),
      addedLine: (path, line) => byPath.get(path)?.addedLines.has(line) ?? false
    })
    baseline = { target: baseRelease, ...(baseInputs.from ? { from: baseInputs.from } : {}), documentsChecked: baseDocs.length }
  }

  return {
    target,
    ...(from ? { from } : {}),
    ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
    versionBump,
    changes: sources.changes,
    resources,
    findings: findings.sort(compareFindings),
    notChecked,
    documentsChecked: inScope.length,
    ...(Object.keys(head.targetsByFile).length ? { targetsByFile: head.targetsByFile } : {}),
    ...(options.target === 'auto' && headDetected?.candidates.length ? { versionCandidates: headDetected.candidates } : {}),
    ...(baseline ? { baseline } : {}),
    ...(options.failOnExisting ? { failOnExisting: true } : {})
  }
}

/**
 * One side's findings: the files' parse problems, the analyzers over `docs` (grouped by per-path targets),
 * suppressions (annotations of `suppressors` may suppress), rule settings and overlap merging.
 */
function analyseSide(files: readonly ManifestFile[], docs: readonly ManifestDocument[], inputs: AnalysisContext, config: RepoConfig, analyzers: readonly Analyzer[], knownRules: readonly string[], suppressors: readonly ManifestDocument[], early?: EarlyFindings) {
  const findings: Finding[] = []
  for (const file of files) for (const p of file.problems) findings.push(p)
  // Per-path targets: one analysis per set of releases, each with its own context.
  const { groups, targetsByFile } = groupByTarget(docs, files, config, inputs)
  for (const group of groups) for (const f of analyzeDocuments(group.docs, group.ctx, analyzers, early)) findings.push(f)
  // Annotations of any head document may suppress (repository findings can point anywhere); broken ones are reported only in scope.
  const suppressed = applySuppressions(findings, suppressors, { inScope: new Set(docs), knownRules })
  return { findings: mergeOverlaps(applyRuleSettings(suppressed, config)), targetsByFile }
}

function releaseOrUndefined(version: string | undefined): Release | undefined {
  if (version === undefined) return undefined
  try {
    return parseRelease(version)
  } catch {
    return undefined
  }
}

/** Why `auto` found nothing, naming the Istio installs whose version could not be read (e.g. a Flux "${version}"). */
function noVersionMessage(detected: Detection | undefined): string {
  const base = 'target-version is auto, but no Istio version was found in the repository (Flux HelmRelease, Argo CD Application or ApplicationSet, kustomize helmCharts, Chart.yaml dependency, istiod image or IstioOperator spec.tag)'
  const unresolved = detected?.unresolved ?? []
  if (unresolved.length === 0) return `${base}; set target-version, e.g. 1.28`
  const named = unresolved.slice(0, 3).map((u) => `${u.file}:${u.line} (${u.how}: "${u.version}")`).join(', ')
  return `${base}; ${unresolved.length === 1 ? 'this install names its version in a form' : 'these installs name their version in a form'} istio-compat cannot read, such as a Flux substitution: ${named}${unresolved.length > 3 ? ` and ${unresolved.length - 3} more` : ''}; set target-version, e.g. 1.28`
}

/**
 * One `version-sources-disagree` warning per file that names another Istio minor than the one auto detection
 * chose, so a decoy (an example IstioOperator, a stale values file) is visible instead of silently outranked.
 */
function disagreement(detected: Detection): Finding[] {
  const chosen = detected.chosen
  if (!chosen) return []
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const d of detected.disagreeing) {
    if (seen.has(d.file)) continue
    seen.add(d.file)
    out.push({
      rule: 'version-sources-disagree',
      severity: 'warning',
      message: `${d.how} names Istio ${d.version}, but the repository installs ${chosen.version} (${chosen.how} at ${chosen.file}:${chosen.line}); istio-compat checks against ${chosen.version}, so this file is checked against a release it does not name.`,
      file: d.file,
      line: d.line
    })
  }
  return out
}

/** The release an input names, or for `auto` the one detection found; a detected string that is not a release is a usage error naming its file and line. */
export function chooseVersion(input: string, detected: { version: string; file: string; line: number; how: string } | undefined, name: string, parse: (v: string) => Release = parseRelease): VersionChoice | undefined {
  if (input !== 'auto') return { release: parse(input), origin: 'input' }
  if (!detected) return undefined
  try {
    return { release: parse(detected.version), origin: `${detected.file}:${detected.line} (${detected.how})` }
  } catch (error) {
    throw new UsageError(`${name} auto: ${detected.file}:${detected.line} names Istio ${detected.version}: ${(error as Error).message}`)
  }
}

/** The pairing context of a side: files detection parsed because they may hold cross-object facts, minus those analysed. */
function pairingFiles(detection: { parsed: Parsed } | undefined, analysed: readonly string[]): ManifestFile[] {
  if (!detection) return []
  const skip = new Set(analysed)
  const out: ManifestFile[] = []
  for (const [path, p] of detection.parsed) if (p.pairs && !skip.has(path)) out.push(p.file)
  return out
}

async function parseAll(snapshot: Snapshot, paths: readonly string[], maxFileBytes: number | undefined, parsed?: Parsed): Promise<ManifestFile[]> {
  const wanted = parsed ? paths.filter((p) => !parsed.has(p)) : paths
  const contents = await snapshot.read(wanted)
  const out: ManifestFile[] = []
  for (const p of paths) {
    const known = parsed?.get(p)
    if (known) out.push(known.file)
    else if (contents.has(p)) out.push(parseManifestFile(p, contents.get(p) as Uint8Array, maxFileBytes ? { maxFileBytes } : {}))
  }
  return out
}

/** minimatch patterns, `!` negates; the config's ignore list always excludes. */
export function pathMatcher(patterns: readonly string[], ignore: readonly string[] = []): (path: string) => boolean {
  const all = [...patterns, ...ignore.map((p) => `!${p}`)]
  return (path) => matchesPatterns(path, all)
}
