// The outcome of one analysis run: everything a reporter needs, nothing it must recompute.
import type { Finding } from './model.js'
import type { ChangeSet } from './changes/types.js'
import type { ResourceChange } from './manifests/types.js'
import type { Release } from './knowledge/versions.js'

export interface VersionChoice {
  release: Release
  /** How it was chosen: 'input', or where auto-detection found it (file:line). */
  origin: string
}

/** The releases one file was checked against because a config `targets:` entry matched it. */
export interface FileTarget {
  /** origin is the entry's place in the config, e.g. '.github/istio-compat.yml:7 (targets)'. */
  target: VersionChoice
  /** Absent: the entry names no `from`, so only target checks ran for the file. */
  from?: VersionChoice
  kubernetesVersion?: string
}

export interface NotChecked {
  file: string
  reason: string
}

export interface AnalysisResult {
  target: VersionChoice
  from?: VersionChoice
  kubernetesVersion?: string
  /** True when the PR changes the Istio version itself, so every manifest of the repository was checked. */
  versionBump: boolean
  changes: ChangeSet
  /** Per resource: added / changed / removed / unchanged between base and head. */
  resources: ResourceChange[]
  /** All findings, sorted; suppressed ones carry `suppressed`. */
  findings: Finding[]
  notChecked: NotChecked[]
  /** Number of YAML documents analysed. */
  documentsChecked: number
  /**
   * Files checked against other releases than `target`/`from`/`kubernetesVersion` (config `targets:`), by path.
   * Absent when no entry matched a file; files not listed were checked against the top-level releases.
   */
  targetsByFile?: Record<string, FileTarget>
  /**
   * Present when there was a base to compare with: every finding then carries `baselineState`. The base was
   * analysed against `target` (the release it ran before a version bump, else the head's releases) and `from`;
   * `documentsChecked` counts the base documents analysed (the counterparts of head documents with findings).
   */
  baseline?: { target: Release; from?: Release; documentsChecked: number }
  /** The gate counts findings already there before the PR too (input fail-on-existing). */
  failOnExisting?: boolean
}
