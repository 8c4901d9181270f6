// Mesh-wide opt-outs (`unlessRepository` on catalog matches): an istiod variable or a Helm compatibilityVersion that
// keeps the old behaviour silences the per-resource findings of a default change, whichever file sets it, on a pull
// request that does not touch that file, across streaming batches, and only up to the release that removes the switch.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import { BATCH_FILES } from '../../src/streaming.js'
import type { Finding } from '../../src/model.js'
import { CATALOG, validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { mayHoldPairingFacts } from '../../src/analyze/catalog/cross-object.js'
import { snapshotOf, type File, added, analyzeAdded } from '../support/snapshot.js'

// TLS origination to an in-cluster host without a CA: Istio 1.21 starts verifying the certificate (an error).
const rule: File = {
  path: 'apps/backend-dr.yaml',
  text: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: backend\n  namespace: apps\nspec:\n  host: backend.apps.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n'
}
const istiodValues = (env: string): File => ({ path: 'platform/istiod-values.yaml', text: `pilot:\n  env:\n${env}` })
const optOut = istiodValues('    VERIFY_CERTIFICATE_AT_CLIENT: "false"\n')

const VERIFY = /verifies the server certificate/
async function verifyFindings(files: readonly File[], target: string, from: string): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => VERIFY.test(f.message))
}
const where = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

describe('an istiod opt-out in another file silences the per-resource finding', () => {
  it('reports the DestinationRule without the opt-out, and nothing with VERIFY_CERTIFICATE_AT_CLIENT=false in the istiod values', async () => {
    expect(where(await verifyFindings([rule], '1.22', '1.20'))).toEqual(['apps/backend-dr.yaml:10 error'])
    expect(await verifyFindings([rule, optOut], '1.22', '1.20')).toEqual([])
    // The opt-out itself still gets its own notice (the switch goes in 1.24).
    const all = await runAnalysis({ changes: added([rule, optOut]), head: snapshotOf([rule, optOut]) }, { target: '1.22', from: '1.20', paths: [] })
    expect(all.findings.filter((f) => f.file === optOut.path).map((f) => `${f.line} ${f.severity}`)).toEqual(['3 notice'])
  })

  it('keeps reporting when another variable is set, or where the switch is gone (1.24)', async () => {
    expect(where(await verifyFindings([rule, istiodValues('    PILOT_ENABLE_ALPHA_GATEWAY_API: "true"\n')], '1.22', '1.20'))).toEqual(['apps/backend-dr.yaml:10 error'])
    // VERIFY_CERTIFICATE_AT_CLIENT: "true" is the 1.20 opt-in (registered with default false before 1.21): such an istiod
    // already verified, so nothing changes on the upgrade (audit 12, r12a) and the DestinationRule is not reported.
    expect(await verifyFindings([rule, istiodValues('    VERIFY_CERTIFICATE_AT_CLIENT: "true"\n')], '1.22', '1.20')).toEqual([])
    expect(where(await verifyFindings([rule, optOut], '1.24', '1.20'))).toEqual(['apps/backend-dr.yaml:10 error'])
  })

  it('takes compatibilityVersion 1.20 (Helm values or IstioOperator) as the opt-out while a release ships that profile', async () => {
    const helm = { path: 'platform/istiod-values.yaml', text: 'compatibilityVersion: "1.20"\n' }
    expect(await verifyFindings([rule, helm], '1.23', '1.20')).toEqual([])
    const iop = { path: 'platform/iop.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  compatibilityVersion: "1.20"\n' }
    expect(await verifyFindings([rule, iop], '1.22', '1.20')).toEqual([])
    // 1.24 no longer ships the 1.20 profile.
    expect(where(await verifyFindings([rule, helm], '1.24', '1.20'))).toEqual(['apps/backend-dr.yaml:10 error'])
    // A newer profile keeps nothing of 1.21.
    expect(where(await verifyFindings([rule, { path: helm.path, text: 'compatibilityVersion: "1.21"\n' }], '1.23', '1.20'))).toEqual(['apps/backend-dr.yaml:10 error'])
  })

  it('does not take a profile file of Istio\'s charts as an opt-out: it applies only where an install selects it', async () => {
    const profile = (path: string): File => ({ path, text: 'pilot:\n  env:\n    VERIFY_CERTIFICATE_AT_CLIENT: "false"\n' })
    for (const path of ['vendor/istiod/files/profile-compatibility-version-1.20.yaml', 'istio/manifests/helm-profiles/compatibility-version-1.20.yaml']) {
      expect(where(await verifyFindings([rule, profile(path)], '1.22', '1.20'))).toEqual(['apps/backend-dr.yaml:10 error'])
    }
    // The same values under another name are the user's own settings.
    expect(await verifyFindings([rule, profile('platform/profile.yaml')], '1.22', '1.20')).toEqual([])
  })

  it('counts an opt-out only on targets that read it (`since`, with the patches it was backported to)', async () => {
    // DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES exists from 1.30, 1.29.1, 1.28.5 and 1.27.8 (the 2026-03-10 security patches);
    // before, the Kiali namespace loses debug access.
    const kiali: File = { path: 'apps/kiali.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kiali\n  namespace: observability\nspec:\n  selector:\n    matchLabels: {app: kiali}\n  template:\n    metadata:\n      labels: {app: kiali}\n    spec:\n      containers:\n      - name: kiali\n        image: quay.io/kiali/kiali:v2.0\n' }
    const allowed = istiodValues('    DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: "observability"\n')
    const debug = async (target: string) => {
      const r = await runAnalysis({ changes: added([kiali, allowed]), head: snapshotOf([kiali, allowed]) }, { target, from: '1.28.3', paths: [] })
      return where(r.findings.filter((f) => f.file === kiali.path && /debug/i.test(f.message)))
    }
    expect(await debug('1.29.0')).toEqual(['apps/kiali.yaml:4 warning'])
    expect(await debug('1.28.4')).toEqual(['apps/kiali.yaml:4 warning'])
    expect(await debug('1.29.1')).toEqual([])
    expect(await debug('1.28.5')).toEqual([])
    expect(await debug('1.30')).toEqual([])
  })

  it('takes compatibilityVersion 1.21 as the scoping opt-out only from 1.22.2, the patch that put the switch into that profile', async () => {
    const mesh: File = { path: 'platform/mesh.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    discoverySelectors:\n    - matchLabels: {istio-discovery: enabled}\n' }
    const profile: File = { path: 'platform/istiod-values.yaml', text: 'compatibilityVersion: "1.21"\n' }
    const scoping = async (target: string) => {
      const r = await runAnalysis({ changes: added([mesh, profile]), head: snapshotOf([mesh, profile]) }, { target, from: '1.21', paths: [] })
      return where(r.findings.filter((f) => f.file === mesh.path && /discoverySelectors/.test(f.message)))
    }
    expect(await scoping('1.22.1')).toEqual(['platform/mesh.yaml:8 warning'])
    expect(await scoping('1.22.2')).toEqual([])
    expect(await scoping('1.23')).toEqual([])
  })

  it('finds the opt-out in another streaming batch', async () => {
    const filler = Array.from({ length: BATCH_FILES * 2 }, (_, i) => ({ path: `m/svc-${String(i).padStart(4, '0')}.yaml`, text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports: [{port: 80}]\n` }))
    const files = [rule, ...filler, { ...optOut, path: 'z/istiod-values.yaml' }]
    expect(await verifyFindings(files, '1.22', '1.20')).toEqual([])
  })

  it('on a pull request that only touches the DestinationRule, reads the opt-out from the untouched values file', async () => {
    const changes = { source: 'git' as const, files: [{ path: rule.path, status: 'modified' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>([10]) }] }
    const before = { path: rule.path, text: rule.text.replace('mode: SIMPLE', 'mode: DISABLE') }
    const run = (head: File[], base: File[]) => runAnalysis({ changes, head: snapshotOf(head), base: snapshotOf(base) }, { target: '1.22', from: '1.20', paths: [] })
    const without = await run([rule], [before])
    expect(without.findings.filter((f) => VERIFY.test(f.message)).map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['apps/backend-dr.yaml:10 new'])
    const withOptOut = await run([rule, optOut], [before, optOut])
    expect(withOptOut.findings.filter((f) => VERIFY.test(f.message))).toEqual([])
  })

  it('parses an untouched file as context only when it may hold an opt-out the catalog knows', () => {
    expect(mayHoldPairingFacts(optOut.text)).toBe(true)
    expect(mayHoldPairingFacts('compatibilityVersion: "1.20"\n')).toBe(true)
    expect(mayHoldPairingFacts('pilot:\n  env:\n    PILOT_TRACE_SAMPLING: "1"\n')).toBe(false)
    // Opt-out paths end in common keys (address, service, enabled, mode): a Service or a plain values file that
    // only shares those keys is not context; a file naming the opt-out's own keys is.
    expect(mayHoldPairingFacts('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - {port: 80}\n# service address\nmonitoring:\n  enabled: true\n  mode: push\n')).toBe(false)
    expect(mayHoldPairingFacts('meshConfig:\n  extensionProviders:\n  - name: zipkin\n    zipkin:\n      service: zipkin.tracing.svc.cluster.local\n')).toBe(true)
    expect(mayHoldPairingFacts('global:\n  proxy:\n    startupProbe:\n      enabled: false\n')).toBe(true)
    // An opt-out on a named value (a GatewayClass called istio-agentgateway) is looked for by that name, not by
    // `metadata` or `name`, which every manifest has.
    expect(mayHoldPairingFacts('apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: istio-agentgateway\nspec:\n  controllerName: agentgateway.dev/agentgateway\n')).toBe(true)
    // A Namespace's own opt-out on metadata.name alone (a Namespace without the ambient label) is looked for by its kind.
    expect(mayHoldPairingFacts('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: legacy\n')).toBe(true)
    expect(mayHoldPairingFacts('apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: eg\nspec:\n  controllerName: gateway.envoyproxy.io/gatewayclass-controller\n')).toBe(false)
  })
})

describe('catalog validation of unlessRepository', () => {
  const id = 'istio-1.21-auto-sni'
  const broken = (optOuts: unknown): readonly CatalogRelease[] =>
    CATALOG.map((r) => r.release !== '1.21' ? r : { ...r, entries: r.entries.map((e) => e.id !== id ? e : { ...e, match: e.match.map((m, i) => (i === 0 ? { ...m, unlessRepository: optOuts } : m)) }) } as CatalogRelease)

  it('accepts the catalog as it is', () => {
    expect(validateCatalog(CATALOG)).toEqual([])
  })

  it('rejects opt-outs that are not mesh-wide settings, have no value test, report something or name no release', () => {
    const problems = validateCatalog(broken([
      { type: 'annotation', key: 'a', on: ['pod'], values: ['x'] },
      { type: 'env', name: 'ENABLE_AUTO_SNI', component: 'istiod' },
      { type: 'env', name: 'ENABLE_AUTO_SNI', component: 'istiod', values: ['false'], severity: 'notice' },
      { type: 'env', name: 'ENABLE_AUTO_SNI', component: 'istiod', values: ['false'], until: '9.99' }
    ]))
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining(`${id} match[0] unlessRepository[0]: only env, helmValue, meshConfig, field matches`),
      expect.stringContaining(`${id} match[0] unlessRepository[1]: an opt-out names the values`),
      expect.stringContaining(`${id} match[0] unlessRepository[2]: an opt-out reports nothing`),
      expect.stringContaining(`${id} match[0] unlessRepository[3]: until 9.99 is not a known release`)
    ]))
    expect(validateCatalog(broken([]))).toEqual([expect.stringContaining(`${id} match[0]: unlessRepository must be a non-empty list of matches`)])
  })

  it('rejects a since that names no release, an empty since list, and an until not after since', () => {
    const env = { type: 'env', name: 'ENABLE_AUTO_SNI', component: 'istiod', values: ['false'] }
    expect(validateCatalog(broken([{ ...env, since: ['1.24', '1.2x'] }, { ...env, since: [] }, { ...env, since: '1.23', until: '1.22' }]))).toEqual([
      expect.stringContaining(`${id} match[0] unlessRepository[0]: since 1.2x is not a known release`),
      expect.stringContaining(`${id} match[0] unlessRepository[1]: since must name a release`),
      expect.stringContaining(`${id} match[0] unlessRepository[2]: until must be after since`)
    ])
  })
})
