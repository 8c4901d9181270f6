// Thirtieth audit, helper r30g (docs/audit/catalog-audit-30-r30g.md). Each test fails on the entry as it was before
// the fix and asserts file and line.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

/** The findings of one entry on `path` with the other files as the untouched rest of the repository. */
function inRepository(id: string, path: string, text: string, others: Record<string, string>, target: string, from?: string): string[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: [file], pairingFiles: Object.entries(others).map(([p, t]) => parseManifestFile(p, t)) }
  const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const settled = new Set(catalogAnalyzer.settle!(found, ctx))
  const byId = new Set(of(run(path, text, target, from), id).map((f) => `${f.line}|${f.message}`))
  return at(found.filter((f) => settled.has(f) && byId.has(`${f.line}|${f.message}`)))
}

describe('istio-1.24-gateway-name-label-removed: ProxyConfig and Telemetry selectors (kind 40)', () => {
  const text = [
    'apiVersion: networking.istio.io/v1beta1',
    'kind: ProxyConfig',
    'metadata:',
    '  name: gw',
    '  namespace: ingress',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      istio.io/gateway-name: my-gw',
    '  concurrency: 2',
    '---',
    'apiVersion: telemetry.istio.io/v1',
    'kind: Telemetry',
    'metadata:',
    '  name: gw',
    '  namespace: ingress',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      istio.io/gateway-name: my-gw2',
    '  accessLogging:',
    '  - providers:',
    '    - name: envoy',
    ''
  ].join('\n')

  it('says the proxy setting or telemetry does not apply, not that monitoring misses the pods', () => {
    const found = of(run('k8s/gw.yaml', text, '1.24', '1.23'), 'istio-1.24-gateway-name-label-removed')
    expect(at(found)).toEqual([`k8s/gw.yaml:${lineOf(text, 'my-gw')} warning`, `k8s/gw.yaml:${lineOf(text, 'my-gw2')} warning`])
    for (const f of found) {
      expect(f.message).toContain('Telemetry or ProxyConfig it belongs to does not apply')
      expect(f.message).not.toContain('monitoring, disruption budgets')
    }
  })

  it('keeps the monitoring message for a selector that is not an Istio policy (trip test)', () => {
    const pdb = ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: gw', '  namespace: ingress', 'spec:', '  minAvailable: 1', '  selector:', '    matchLabels:', '      istio.io/gateway-name: my-gw', ''].join('\n')
    const found = of(run('k8s/pdb.yaml', pdb, '1.24', '1.23'), 'istio-1.24-gateway-name-label-removed')
    expect(at(found)).toEqual([`k8s/pdb.yaml:${lineOf(pdb, 'my-gw')} warning`])
    expect(found[0]!.message).toContain('monitoring, disruption budgets')
  })
})

describe('istio-1.22-ambient-flags-removed: the openshift-ambient profile also sets PILOT_ENABLE_AMBIENT (kind 13)', () => {
  const id = 'istio-1.22-ambient-flags-removed'
  const ISTIOD = 'istio/istiod/values.yaml'
  const values = (profile: string): string => `profile: ${profile}\npilot:\n  env:\n    PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"\n`

  it('is only a notice when profile openshift-ambient is set next to the old flag', () => {
    const text = values('openshift-ambient')
    const found = of(run(ISTIOD, text, '1.23', '1.22'), id)
    expect(at(found)).toEqual([`${ISTIOD}:${lineOf(text, 'PILOT_ENABLE_AMBIENT_CONTROLLERS')} notice`])
    expect(found[0]!.message).toContain('openshift-ambient')
  })

  it('is quiet when an IstioOperator elsewhere in the repository selects the openshift-ambient profile', () => {
    const text = `pilot:\n  env:\n    PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"\n`
    const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  profile: openshift-ambient\n'
    expect(inRepository(id, ISTIOD, text, { 'istio/iop.yaml': iop }, '1.23', '1.22')).toEqual([])
  })

  it('still errs with another profile (trip test)', () => {
    const text = values('openshift')
    expect(at(of(run(ISTIOD, text, '1.23', '1.22'), id))).toEqual([`${ISTIOD}:${lineOf(text, 'PILOT_ENABLE_AMBIENT_CONTROLLERS')} error`])
    const bare = `pilot:\n  env:\n    PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"\n`
    const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\nspec:\n  profile: openshift\n'
    expect(inRepository(id, ISTIOD, bare, { 'istio/iop.yaml': iop }, '1.23', '1.22')).toEqual([`${ISTIOD}:3 error`])
  })
})

describe('istio-1.22-grpcroute-v1: older releases read the alpha GRPCRoute only behind PILOT_ENABLE_ALPHA_GATEWAY_API (kinds 23/40)', () => {
  const id = 'istio-1.22-grpcroute-v1'
  const text = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: GRPCRoute',
    'metadata:',
    '  name: r',
    '  namespace: app',
    'spec:',
    '  parentRefs:',
    '  - group: ""',
    '    kind: Service',
    '    name: svc',
    '  rules:',
    '  - backendRefs:',
    '    - name: svc',
    '      port: 9000',
    ''
  ].join('\n')

  it('says the v1alpha2 route it suggests is read on 1.21 only with the alpha flag', () => {
    const found = of(run('k8s/route.yaml', text, '1.21'), id)
    expect(at(found)).toEqual([`k8s/route.yaml:${lineOf(text, 'apiVersion')} error`])
    expect(found[0]!.message).toContain('PILOT_ENABLE_ALPHA_GATEWAY_API=true')
  })

  it('is quiet on 1.22 (trip test)', () => {
    expect(of(run('k8s/route.yaml', text, '1.22', '1.21'), id)).toEqual([])
  })
})

describe('istio-1.23/1.24 in-cluster operator entries: an IstioOperator the operator itself skipped (kind 43)', () => {
  // The in-cluster operator's Reconcile (operator/pkg/controller/istiocontrolplane, up to 1.23) returns early for an
  // IstioOperator annotated install.istio.io/ignoreReconcile: "true" and, from 1.20 (istio/istio#46651), for
  // spec.profile: ambient; such an object was never reconciled, so the operator's removal changes nothing for it.
  async function operatorFindings(files: readonly File[], target: string, from?: string): Promise<Finding[]> {
    const result = await analyzeAdded(files, target, from)
    return result.findings.filter((f) => /in-cluster operator/.test(f.message))
  }
  const where = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)
  const kustomization: File = { path: 'platform/istio/kustomization.yaml', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- iop.yaml\n' }
  const iop = (annotations: string, profile: string): File => ({
    path: 'platform/istio/iop.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\n${annotations}spec:\n  profile: ${profile}\n`
  })

  it('is quiet on an applied IstioOperator annotated install.istio.io/ignoreReconcile: "true"', async () => {
    const file = iop('  annotations:\n    install.istio.io/ignoreReconcile: "true"\n', 'default')
    expect(await operatorFindings([file, kustomization], '1.24', '1.23')).toEqual([])
    expect(await operatorFindings([file, kustomization], '1.23', '1.22')).toEqual([])
  })

  it('is quiet on an applied IstioOperator with profile ambient', async () => {
    expect(await operatorFindings([iop('', 'ambient'), kustomization], '1.24', '1.23')).toEqual([])
  })

  it('still warns for an applied IstioOperator the operator reconciled (trip test)', async () => {
    const file = iop('  annotations:\n    install.istio.io/ignoreReconcile: "false"\n', 'default')
    expect(where(await operatorFindings([file, kustomization], '1.24', '1.23'))).toEqual([`platform/istio/iop.yaml:${lineOf(file.text, 'apiVersion:')} warning`])
  })
})
