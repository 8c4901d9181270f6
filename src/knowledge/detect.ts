// `auto` versions: the Istio release a repository installs, read from its GitOps files.
import { loadAll } from 'js-yaml'

export interface DetectedVersion {
  version: string
  file: string
  line: number
  how: string
}

const ISTIO_CHARTS = new Set(['base', 'istiod', 'gateway', 'cni', 'ztunnel'])
const VERSION = /(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?)/

/** The first Istio version found: Flux HelmRelease, Argo CD Application, Chart.yaml, IstioOperator. */
export function detectIstioVersion(files: readonly { path: string; text: string }[]): DetectedVersion | undefined {
  for (const { path, text } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!/istio|1\.\d\d/.test(text)) continue
    let docs: unknown[]
    try {
      docs = loadAll(text, { maxAliases: 50 })
    } catch {
      continue
    }
    for (const doc of docs) {
      const found = fromDocument(doc, path)
      if (found) {
        const i = text.split(/\r?\n/).findIndex((l) => l.includes(found.raw))
        return { version: found.version, file: path, line: i + 1 || 1, how: found.how }
      }
    }
  }
  return undefined
}

function fromDocument(doc: unknown, path: string): { version: string; raw: string; how: string } | undefined {
  const d = doc as Record<string, any> | null
  if (!d || typeof d !== 'object') return undefined
  const pick = (raw: unknown, how: string) => {
    const m = typeof raw === 'string' ? VERSION.exec(raw) : undefined
    return m ? { version: m[1], raw: String(raw), how } : undefined
  }
  if (d.kind === 'HelmRelease' && ISTIO_CHARTS.has(d.spec?.chart?.spec?.chart)) return pick(d.spec.chart.spec.version, 'Flux HelmRelease spec.chart.spec.version')
  if (d.kind === 'Application' && ISTIO_CHARTS.has(d.spec?.source?.chart)) return pick(d.spec.source.targetRevision, 'Argo CD Application spec.source.targetRevision')
  if (d.kind === 'IstioOperator') return pick(d.spec?.tag, 'IstioOperator spec.tag')
  if (/(^|\/)Chart\.ya?ml$/.test(path) && Array.isArray(d.dependencies)) {
    for (const dep of d.dependencies) if (ISTIO_CHARTS.has(dep?.name)) return pick(dep.version, 'Chart.yaml dependency')
  }
  return undefined
}
