// Audit 20 (r20g, census of its share of the 1.30/1.31 entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-20-r20g.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => pattern.test(f.message))
}

describe('istio-1.30-authz-regex-escaping: ztunnel never read these values as regexes', () => {
  const REGEX = /regex metacharacters in AuthorizationPolicy/
  const policy = (selector: boolean, field: string): File => ({
    path: 'apps/authz.yaml',
    text: `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-teams\n  namespace: apps\nspec:\n${selector ? '  selector:\n    matchLabels: {app: web}\n' : ''}  action: ALLOW\n  rules:\n  - from:\n    - source:\n        ${field}\n`
  })
  const ambient: File = { path: 'namespaces/apps.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
  const sidecar: File = { path: 'namespaces/apps.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio-injection: enabled\n' }

  it('stays an error for a sidecar namespace, and for a namespace-wide policy of an ambient namespace', async () => {
    const p = policy(true, 'namespaces: ["team-(a|b)"]')
    expect(at(await findings([p, sidecar], '1.30', '1.29.2', REGEX))).toEqual([`${p.path}:${lineOf(p.text, 'namespaces:')} error`])
    const wide = policy(false, 'namespaces: ["team-(a|b)"]')
    expect(at(await findings([wide, ambient], '1.30', '1.29.2', REGEX))).toEqual([`${wide.path}:${lineOf(wide.text, 'namespaces:')} error`])
  })

  it('says nothing on a selector policy of an ambient namespace (ztunnel enforces it with exact/prefix/suffix matches)', async () => {
    for (const field of ['namespaces: ["team-(a|b)"]', 'principals: ["*/ns/(a|b)/sa/web"]', 'notNamespaces: ["team-[ab]"]', 'notPrincipals: ["*/sa/(x|y)"]']) {
      expect(at(await findings([policy(true, field), ambient], '1.30', '1.29.2', REGEX))).toEqual([])
    }
  })
})

describe('istio-1.30-authz-regex-escaping: a selector naming gateway pods still errs in an ambient namespace', () => {
  const REGEX = /regex metacharacters in AuthorizationPolicy/
  const ambient: File = { path: 'namespaces/edge.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: edge\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
  for (const label of ['istio: ingressgateway', 'gateway.networking.k8s.io/gateway-name: waypoint', 'istio.io/gateway-name: waypoint']) {
    it(`errs for selector ${label} (an Envoy gateway or waypoint enforces it)`, async () => {
      const p: File = {
        path: 'edge/authz.yaml',
        text: `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-teams\n  namespace: edge\nspec:\n  selector:\n    matchLabels: {${label}}\n  action: DENY\n  rules:\n  - from:\n    - source:\n        namespaces: ["team-(a|b)"]\n`
      }
      expect(at(await findings([p, ambient], '1.30', '1.29.2', REGEX))).toEqual([`${p.path}:${lineOf(p.text, 'namespaces:')} error`])
    })
  }
})

describe('istio-1.30-retry-budget-*: nothing to compare from a release without retryBudget', () => {
  const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: web
  namespace: apps
spec:
  host: web
  trafficPolicy:
    retryBudget: {minRetryConcurrency: 3}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      retryBudget: {percent: 10}
`
  it('reports both from 1.27 (which has retryBudget)', () => {
    const found = run('dr.yaml', dr, '1.30', '1.27')
    expect(at(of(found, 'istio-1.30-retry-budget-default-percent'))).toEqual([`dr.yaml:${lineOf(dr, 'retryBudget: {minRetryConcurrency')} warning`])
    // The only subset carries its own budget, so the top-level one was never what applied there (round 24): only the subset's.
    expect(at(of(found, 'istio-1.30-retry-budget-fixes'))).toEqual([`dr.yaml:${lineOf(dr, 'retryBudget: {percent')} warning`])
  })

  it('says nothing from 1.26, where the field did not exist (no old default, no old subset handling)', () => {
    const found = run('dr.yaml', dr, '1.30', '1.26')
    expect(of(found, 'istio-1.30-retry-budget-default-percent')).toEqual([])
    expect(of(found, 'istio-1.30-retry-budget-fixes')).toEqual([])
  })
})
