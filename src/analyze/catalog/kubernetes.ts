// The Kubernetes version of the cluster against the range the target Istio release supports.
import type { Finding } from '../../model.js'
import type { AnalysisContext } from '../types.js'
import { catalogRelease } from '../../knowledge/catalog.js'
import { detectIstioVersion } from '../../knowledge/detect.js'

export const KUBERNETES_RULE = 'kubernetes-version-unsupported'

/** '1.30', 'v1.30.2', '1.30.2-eks-1234' → 30 (the minor); undefined for anything else. */
export function kubernetesMinor(version: string): number | undefined {
  const m = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim())
  return m ? Number(m[1]) : undefined
}

/**
 * Where a repository-level finding is anchored: the file and line that pin the Istio version when one does,
 * else the first Istio document of the analysed files, else the first file.
 */
export function anchor(ctx: AnalysisContext): { file: string; line: number } | undefined {
  const detected = detectIstioVersion(ctx.files)
  if (detected) return { file: detected.file, line: detected.line }
  for (const f of ctx.files) {
    const doc = f.documents.find((d) => d.family === 'istio' || d.family === 'istio-operator' || d.family === 'helm-release' || d.family === 'mesh-configmap' || d.kind === 'helm-values')
    if (doc) return { file: f.path, line: doc.line }
  }
  const first = ctx.files[0]
  return first ? { file: first.path, line: 1 } : undefined
}

export function kubernetesFindings(ctx: AnalysisContext): Finding[] {
  if (!ctx.kubernetesVersion) return []
  const minor = kubernetesMinor(ctx.kubernetesVersion)
  const range = catalogRelease(ctx.target.minor)?.kubernetes
  // An unreadable version is an input error the CLI/action reports; nothing to anchor it to here.
  if (minor === undefined || !range) return []
  const min = Number(range.min.split('.')[1])
  const max = Number(range.max.split('.')[1])
  if (minor >= min && minor <= max) return []
  const where = anchor(ctx)
  if (!where) return []
  const supported = `Istio ${ctx.target.version} supports Kubernetes ${range.min} to ${range.max}`
  const tooOld = minor < min
  return [{
    rule: KUBERNETES_RULE,
    severity: tooOld ? 'error' : 'warning',
    file: where.file,
    line: where.line,
    message: tooOld
      ? `${supported}; the cluster runs ${ctx.kubernetesVersion}, which is older than that, so the install is unsupported and istioctl precheck may refuse it.`
      : `${supported}; the cluster runs ${ctx.kubernetesVersion}, which is newer than anything this release was tested on.`,
    source: 'https://istio.io/latest/docs/releases/supported-releases/'
  }]
}
