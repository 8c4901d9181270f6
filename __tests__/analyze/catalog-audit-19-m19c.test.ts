// Nineteenth audit (measurement), helper m19c (docs/audit/catalog-audit-19-m19c.md): one test per fix, each failing
// on the entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { run, of, lineOf } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

/** This entry's findings: the removed-feature ones on the istio.io/gateway-name selector key. */
const labelRemoved = (fs: Finding[]): Finding[] => fs.filter((f) => f.rule === 'removed-feature' && f.path?.includes('istio.io/gateway-name'))

describe('istio-1.24-gateway-name-label-removed: gateways deployed before 1.24 keep the old label', () => {
  const id = 'istio-1.24-gateway-name-label-removed'
  const policy = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: gw
  namespace: istio-ingress
spec:
  selector:
    matchLabels:
      istio.io/gateway-name: my-gw
  action: ALLOW
  rules:
    - {}
`
  const gateway = (metadata: string, spec = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: my-gw
  namespace: istio-ingress
${metadata}spec:
  gatewayClassName: istio
${spec}  listeners:
    - name: http
      port: 80
      protocol: HTTP
`

  it('warns (not errs) on a policy selector, saying gateways deployed before the upgrade keep the label', () => {
    // Istio PR #54170 (1.24.3, Issue #54145) keeps istio.io/gateway-name on Deployments that already selected on it.
    const found = of(run('p.yaml', policy, '1.24', '1.23'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'p.yaml', line: lineOf(policy, 'istio.io/gateway-name'), severity: 'warning' })])
    expect(found[0]!.message).toContain('gateways deployed before the upgrade keep it')
    expect(found[0]!.message).not.toContain('matches none of their pods')
  })

  it('is quiet when a Gateway elsewhere sets the label in its own metadata.labels (istiod copies them to the pods)', () => {
    const files = { 'p.yaml': policy, 'gw.yaml': gateway('  labels:\n    istio.io/gateway-name: my-gw\n') }
    expect(labelRemoved(runInRepository(files, 'p.yaml', '1.24', '1.23'))).toEqual([])
  })

  it('still warns when that Gateway also sets spec.infrastructure.labels (then its metadata labels are not copied)', () => {
    const files = { 'p.yaml': policy, 'gw.yaml': gateway('  labels:\n    istio.io/gateway-name: my-gw\n', '  infrastructure:\n    labels:\n      team: a\n') }
    expect(labelRemoved(runInRepository(files, 'p.yaml', '1.24', '1.23'))).toEqual([
      expect.objectContaining({ file: 'p.yaml', line: lineOf(policy, 'istio.io/gateway-name'), severity: 'warning' })
    ])
  })
})
