// Per-path targets (config `targets:`): the documents in scope, grouped by the releases their file is checked against.
import { targetOverrideFor, type RepoConfig } from '../config.js'
import type { ManifestDocument, ManifestFile } from '../manifests/types.js'
import type { FileTarget } from '../result.js'
import type { AnalysisContext } from './types.js'

export interface TargetGroup {
  ctx: AnalysisContext
  docs: ManifestDocument[]
}

export interface TargetGrouping {
  /** The group of the inputs comes first and is always present (repository checks run for it even when empty). */
  groups: TargetGroup[]
  /** Files a `targets:` entry matched, by path; empty when none did. */
  targetsByFile: Record<string, FileTarget>
}

export function groupByTarget(docs: readonly ManifestDocument[], files: readonly ManifestFile[], config: RepoConfig, inputs: AnalysisContext): TargetGrouping {
  const targetsByFile: Record<string, FileTarget> = {}
  const contextOf = new Map<string, AnalysisContext>()
  for (const file of files) {
    const override = targetOverrideFor(config, file.path)
    if (!override) continue
    const how = `${override.origin} (targets)`
    targetsByFile[file.path] = {
      target: { release: override.target, origin: how },
      ...(override.from ? { from: { release: override.from, origin: how } } : {}),
      ...(override.kubernetesVersion ? { kubernetesVersion: override.kubernetesVersion } : {})
    }
    contextOf.set(file.path, {
      target: override.target,
      ...(override.from ? { from: override.from } : {}),
      ...(override.kubernetesVersion ? { kubernetesVersion: override.kubernetesVersion } : {}),
      ...(inputs.gatewayApiChannel ? { gatewayApiChannel: inputs.gatewayApiChannel } : {}),
      ...(inputs.repositoryPaths ? { repositoryPaths: inputs.repositoryPaths } : {}),
      ...(inputs.pairingFiles ? { pairingFiles: inputs.pairingFiles } : {}),
      files: inputs.files
    })
  }

  // Entries naming the same releases as each other (or as the inputs) share one group and one context.
  const groups = new Map<string, TargetGroup>([[keyOf(inputs), { ctx: inputs, docs: [] }]])
  for (const doc of docs) {
    const ctx = contextOf.get(doc.file) ?? inputs
    const key = keyOf(ctx)
    const group = groups.get(key) ?? { ctx, docs: [] }
    group.docs.push(doc)
    groups.set(key, group)
  }
  return { groups: [...groups.values()], targetsByFile }
}

function keyOf(ctx: AnalysisContext): string {
  return [ctx.target.version, ctx.from?.version ?? '', ctx.kubernetesVersion ?? ''].join('|')
}
