import type { ManifestDocument } from '../../manifests/types.js'

/** Where Istio keeps its chart profiles (`manifests/helm-profiles/*.yaml`) and where a chart copies them (`files/profile-*.yaml`). */
export function isChartProfilePath(file: string): boolean {
  return /(^|\/)(?:manifests\/helm-profiles\/|files\/profile-)[^/]+\.ya?ml$/.test(file)
}

/**
 * A profile of Istio's own charts, as a repository that vendors the charts (or Istio's source tree) holds it:
 * `<chart>/files/profile-*.yaml`, which `make gen` copies with a do-not-edit header naming
 * /manifests/helm-profiles, and those originals under `manifests/helm-profiles/`. They set old defaults on
 * purpose (compatibility versions) and apply only when an install selects them, so findings on them are true but
 * nobody can act on them: the file belongs to the chart, and a selected profile is checked where it is selected.
 */
export function isIstioChartProfile(doc: ManifestDocument, lines: readonly string[]): boolean {
  if (doc.kind !== 'helm-values' || doc.resource || !isChartProfilePath(doc.file)) return false
  if (/(^|\/)manifests\/helm-profiles\/[^/]+\.ya?ml$/.test(doc.file)) return true
  const head = lines.slice(0, 5).join('\n')
  return head.includes('DO NOT EDIT, THIS FILE IS A COPY') && head.includes('/manifests/helm-profiles')
}
