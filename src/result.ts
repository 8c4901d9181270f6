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
}
