// What an analyzer sees and returns. Analyzers are pure: no I/O, no GitHub.
import type { Finding, Severity } from '../model.js'
import type { ManifestDocument, ManifestFile } from '../manifests/types.js'
import type { Release } from '../knowledge/versions.js'

export interface RuleMeta {
  /** Stable kebab-case id; docs/rules/<id>.md documents it. */
  id: string
  description: string
  defaultSeverity: Severity
  /** True when the rule attaches mechanical fixes. */
  fixable?: boolean
}

export type GatewayApiChannel = 'standard' | 'experimental'

export const GATEWAY_API_CHANNELS: readonly GatewayApiChannel[] = ['standard', 'experimental']

export interface AnalysisContext {
  target: Release
  /** The release the mesh runs today; enables every change in (from, target]. */
  from?: Release
  kubernetesVersion?: string
  /**
   * Gateway API CRD channel the cluster runs. experimental (the default) accepts every field either channel has;
   * standard reports fields, values and apiVersions only the experimental channel has.
   */
  gatewayApiChannel?: GatewayApiChannel
  /** All files of the head state that were parsed, for rules that look across resources. */
  files: readonly ManifestFile[]
  /**
   * Paths of the files of the head state, when known (e.g. a values file beside a Chart.yaml is that chart's own
   * defaults, not an Istio install). Absent: the paths of `files`. Streaming gives `files` one batch at a time,
   * so path questions must not depend on which files share a batch.
   */
  repositoryPaths?: ReadonlySet<string>
  /**
   * Files outside the analysed ones that checks pairing objects across files read (never report on): on a pull
   * request without a version bump, the untouched files that may hold the other half of a pair (src/pipeline.ts).
   */
  pairingFiles?: readonly ManifestFile[]
}

export interface Analyzer {
  meta: RuleMeta[]
  /** Findings for one document. Rules ids used in findings must be declared in meta. */
  check(doc: ManifestDocument, ctx: AnalysisContext): Finding[]
  /**
   * Findings that belong to the repository as a whole (e.g. the Kubernetes range) or pair documents across files;
   * `docs` are the documents in scope (findings about pairs go on those; absent: all), `ctx.files` all parsed files.
   */
  checkRepository?(ctx: AnalysisContext, docs?: readonly ManifestDocument[]): Finding[]
  /**
   * The run's findings once every document was checked (all analyzers'); returns those to keep. For facts only the
   * whole repository shows, e.g. a mesh-wide opt-out in another file. Must not drop other analyzers' findings.
   */
  settle?(findings: Finding[], ctx: AnalysisContext): Finding[]
}
