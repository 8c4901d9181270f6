// Seventh audit (census of every entry, helper c7b: the 1.22–1.24 entries of docs/audit/catalog-audit-7-c7b.md):
// one test per fix, each failing on the entry as it was before, asserting the file and line of what must (or must
// not) be reported.
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { run, of, lineOf } from '../support/catalog-run.js'
import { runAnalysis } from '../../src/pipeline.js'

const ISTIOD = 'istio/istiod/values.yaml'
const pilotEnv = (vars: string): string => `pilot:\n  env:\n${vars}`

describe('c7b #1: meshConfig inboundTrafficPolicy (1.22) only matters for mode LOCALHOST', () => {
  const id = 'istio-1.22-inbound-traffic-policy'
  const values = (mode: string): string => `meshConfig:\n  inboundTrafficPolicy:\n    mode: ${mode}\n`
  it('says nothing for PASSTHROUGH, which is what an older istiod does anyway', () => {
    expect(of(run(ISTIOD, values('PASSTHROUGH'), '1.21'), id)).toEqual([])
  })
  it('warns for LOCALHOST on 1.21, on the mode line', () => {
    const text = values('LOCALHOST')
    expect(of(run(ISTIOD, text, '1.21'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'mode:'), severity: 'warning' })])
    expect(of(run(ISTIOD, text, '1.22'), id)).toEqual([])
  })
})

describe('c7b #2: PILOT_ENABLE_HBONE / PILOT_ENABLE_AMBIENT_CONTROLLERS (1.22) by value', () => {
  const id = 'istio-1.22-ambient-flags-removed'
  it('is only a notice for a flag left off', () => {
    const text = pilotEnv('    PILOT_ENABLE_HBONE: "false"\n')
    expect(of(run(ISTIOD, text, '1.22'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'PILOT_ENABLE_HBONE'), severity: 'notice' })])
  })
  it('says nothing when PILOT_ENABLE_AMBIENT is set next to it', () => {
    expect(of(run(ISTIOD, pilotEnv('    PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"\n    PILOT_ENABLE_AMBIENT: "true"\n'), '1.22'), id)).toEqual([])
  })
  it('errs for PILOT_ENABLE_AMBIENT_CONTROLLERS switched on alone (audit 20 r20b: istiod 1.22 then serves no ambient config)', () => {
    const text = pilotEnv('    PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"\n')
    expect(of(run(ISTIOD, text, '1.22'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'PILOT_ENABLE_AMBIENT_CONTROLLERS'), severity: 'error' })])
  })
  it('warns for PILOT_ENABLE_HBONE switched on alone', () => {
    const text = pilotEnv('    PILOT_ENABLE_HBONE: "true"\n')
    expect(of(run(ISTIOD, text, '1.22'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'PILOT_ENABLE_HBONE'), severity: 'warning' })])
  })
})

describe('c7b #3: AuthorizationPolicy path templates (1.22): the message is true for notPaths in a DENY rule', () => {
  const id = 'istio-1.22-authz-path-templates'
  const text = 'apiVersion: security.istio.io/v1beta1\nkind: AuthorizationPolicy\nmetadata:\n  name: api\nspec:\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        notPaths: ["/api/{**}"]\n'
  it('says a notPaths template excludes nothing instead of claiming the request is let through', () => {
    const found = of(run('mesh/ap.yaml', text, '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/ap.yaml', line: lineOf(text, 'notPaths'), severity: 'error' })])
    expect(found[0].message).toMatch(/notPaths template excludes nothing/)
    expect(found[0].message).not.toMatch(/\(or notPaths\) lets it through/)
  })
})

describe('c7b #4/#5: GRPCRoute v1 (1.22) and v1alpha2 by Gateway API channel', () => {
  const route = (version: string): string => `apiVersion: gateway.networking.k8s.io/${version}\nkind: GRPCRoute\nmetadata:\n  name: greeter\nspec:\n  parentRefs:\n  - name: gw\n`
  it('v1 on 1.21: the message says the v1alpha2 of the fix exists only in the experimental channel', () => {
    const text = route('v1')
    const found = of(run('apps/route.yaml', text, '1.21'), 'istio-1.22-grpcroute-v1')
    expect(found).toEqual([expect.objectContaining({ file: 'apps/route.yaml', line: lineOf(text, 'apiVersion'), severity: 'error' })])
    expect(found[0].message).toMatch(/only as v1alpha2 in the experimental channel/)
  })
  const findings = (text: string, target: string, channel?: 'standard' | 'experimental') => {
    const file = parseManifestFile('apps/route.yaml', text)
    return file.documents.flatMap((d) => catalogFindings(d, { target: parseRelease(target), files: [file], ...(channel ? { gatewayApiChannel: channel } : {}) }))
  }
  it('v1alpha2 on 1.22/1.23 with the standard channel: no deprecation next to the schema error', () => {
    const text = route('v1alpha2')
    for (const target of ['1.22', '1.23']) expect(of(findings(text, target, 'standard'), 'istio-1.22-grpcroute-v1alpha2-removed')).toEqual([])
  })
  it('v1alpha2 on the experimental channel (and when the channel is not said) still gets the deprecation', () => {
    const text = route('v1alpha2')
    for (const channel of ['experimental' as const, undefined]) {
      expect(of(findings(text, '1.23', channel), 'istio-1.22-grpcroute-v1alpha2-removed')).toEqual([expect.objectContaining({ file: 'apps/route.yaml', line: lineOf(text, 'apiVersion'), severity: 'warning' })])
    }
  })
})

describe('c7b #6: the istiod flags 1.23 removed, by value', () => {
  const id = 'istio-1.23-flags-removed'
  it('is a notice for a flag set to its default (optimisations on, tracking off)', () => {
    const text = pilotEnv('    ISTIO_ENABLE_OPTIMIZED_SERVICE_PUSH: "true"\n    ENABLE_OPTIMIZED_CONFIG_REBUILD: "true"\n    PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING: "false"\n')
    expect(of(run(ISTIOD, text, '1.23'), id)).toEqual([
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'ISTIO_ENABLE_OPTIMIZED_SERVICE_PUSH'), severity: 'notice' }),
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'ENABLE_OPTIMIZED_CONFIG_REBUILD'), severity: 'notice' }),
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING'), severity: 'notice' })
    ])
  })
  it('warns for an opt-out that is now ignored', () => {
    const text = pilotEnv('    ENABLE_OPTIMIZED_CONFIG_REBUILD: "false"\n    PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING: "true"\n')
    const found = of(run(ISTIOD, text, '1.23'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'ENABLE_OPTIMIZED_CONFIG_REBUILD'), severity: 'warning' }),
      expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING'), severity: 'warning' })
    ])
    expect(found[0].message).toMatch(/always on/)
  })
})

describe('c7b #7: istio-cni logLevel (1.23) next to the logging.level that replaces it', () => {
  const id = 'istio-1.23-cni-log-level-deprecated'
  const release = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.23.0
      sourceRef: {kind: HelmRepository, name: istio}
  values:
${values}`
  it('is a notice when cni.logging.level is already set', () => {
    const text = release('    cni:\n      logLevel: debug\n      logging:\n        level: debug\n')
    expect(of(run('istio/cni.yaml', text, '1.23'), id)).toEqual([expect.objectContaining({ file: 'istio/cni.yaml', line: lineOf(text, 'logLevel'), severity: 'notice' })])
  })
  it('stays a warning when nothing replaces it', () => {
    const text = release('    cni:\n      logLevel: warn\n')
    expect(of(run('istio/cni.yaml', text, '1.23'), id)).toEqual([expect.objectContaining({ file: 'istio/cni.yaml', line: lineOf(text, 'logLevel'), severity: 'warning' })])
  })
})

describe('c7b #8: WORKLOAD_IDENTITY_SOCKET_FILE (1.23.6) set to the default name', () => {
  const id = 'istio-1.23.6-workload-identity-socket-file'
  const values = (v: string): string => `meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      WORKLOAD_IDENTITY_SOCKET_FILE: ${v}\n`
  it('says nothing for "socket", the name the bootstrap always used', () => {
    expect(of(run(ISTIOD, values('socket'), '1.23.5'), id)).toEqual([])
  })
  it('still warns for another socket name before the fix', () => {
    const text = values('spire-agent.sock')
    expect(of(run(ISTIOD, text, '1.23.5'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'WORKLOAD_IDENTITY_SOCKET_FILE'), severity: 'warning' })])
  })
})

describe('c7b #9: DestinationRule merge by exportTo (1.24) ignores exportTo "*", the default', () => {
  const id = 'istio-1.24-destination-rule-merge'
  const dr = (exportTo: string): string => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api\n  exportTo: ${exportTo}\n`
  it('says nothing for ["*"]', () => {
    expect(of(run('mesh/dr.yaml', dr('["*"]'), '1.24', '1.23'), id)).toEqual([])
  })
  it('reports ["."]', () => {
    const text = dr('["."]')
    expect(of(run('mesh/dr.yaml', text, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'mesh/dr.yaml', line: lineOf(text, 'exportTo'), severity: 'notice' })])
  })
})

describe('c7b #10: Telemetry CEL attributes (1.24): node. only as a CEL attribute', () => {
  const id = 'istio-1.24-telemetry-cel-attributes'
  const telemetry = (value: string): string => `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: t\nspec:\n  metrics:\n  - overrides:\n    - tagOverrides:\n        node:\n          value: ${value}\n`
  it('ignores a host name such as node.example.com', () => {
    expect(of(run('mesh/t.yaml', telemetry('node.example.com'), '1.24', '1.23'), id)).toEqual([])
  })
  it('reports node.metadata', () => {
    const text = telemetry("node.metadata['CLUSTER_ID']")
    expect(of(run('mesh/t.yaml', text, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'mesh/t.yaml', line: lineOf(text, "node.metadata['CLUSTER_ID']"), severity: 'warning' })])
  })
})

describe('c7b #11: DNS capture honours exclusions (1.23): a warning only where the pod turns DNS capture on', () => {
  const id = 'istio-1.23-dns-capture-honours-exclusions'
  const deployment = (annotations: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n${annotations}    spec:\n      containers:\n      - name: web\n        image: web\n`
  it('is a notice without DNS capture, which the default sidecar does not have', () => {
    const text = deployment('        traffic.sidecar.istio.io/excludeOutboundPorts: "53"\n')
    expect(of(run('k8s/web.yaml', text, '1.23', '1.22'), id)).toEqual([expect.objectContaining({ file: 'k8s/web.yaml', line: lineOf(text, 'excludeOutboundPorts'), severity: 'notice' })])
  })
  it('is a warning when the pod turns DNS capture on in proxy.istio.io/config and excludes port 53', () => {
    const text = deployment('        traffic.sidecar.istio.io/excludeOutboundPorts: "53"\n        proxy.istio.io/config: |\n          proxyMetadata:\n            ISTIO_META_DNS_CAPTURE: "true"\n')
    expect(of(run('k8s/web.yaml', text, '1.23', '1.22'), id)).toEqual([expect.objectContaining({ file: 'k8s/web.yaml', line: lineOf(text, 'excludeOutboundPorts'), severity: 'warning' })])
  })
  // Audit 10 (c10b): whether an excluded range holds the pod's DNS server is not in the manifest, so a range is a
  // notice whose message says it matters only then (a metadata-server /32 changes nothing).
  it('is a notice, conditional on the range holding the DNS server, for excluded IP ranges with DNS capture on', () => {
    const text = deployment('        traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.96.0.0/12\n        proxy.istio.io/config: |\n          proxyMetadata:\n            ISTIO_META_DNS_CAPTURE: "true"\n')
    expect(of(run('k8s/web.yaml', text, '1.23', '1.22'), id)).toEqual([expect.objectContaining({ file: 'k8s/web.yaml', line: lineOf(text, 'excludeOutboundIPRanges'), severity: 'notice' })])
  })
})

describe('c7b #12: ext_authz includeHeadersInCheck (1.22): deprecated long before 1.22', () => {
  const id = 'istio-1.22-ext-authz-include-headers-deprecated'
  const text = 'meshConfig:\n  extensionProviders:\n  - name: authz\n    envoyExtAuthzHttp:\n      service: authz.svc\n      port: 8000\n      includeHeadersInCheck: [x-user]\n'
  it('does not claim the deprecation started in 1.22', () => {
    const found = of(run(ISTIOD, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(text, 'includeHeadersInCheck'), severity: 'notice' })])
    expect(found[0].message).not.toMatch(/deprecated since Istio 1\.22/)
  })
})

describe('c7b #13: retry defaults (1.24): the 503 opt-out next to defaultHttpRetryPolicy keeps the old behaviour', () => {
  const id = 'istio-1.24-retry-defaults'
  const mesh = 'meshConfig:\n  defaultHttpRetryPolicy:\n    attempts: 3\n'
  // The opt-outs are repository-wide (unlessRepository, audit 9 c9b), so these go through the whole pipeline.
  async function retry(path: string, text: string): Promise<{ file: string; line: number; severity: string }[]> {
    const bytes = new TextEncoder().encode(text)
    const head = { list: async () => [path], read: async (paths: readonly string[]) => new Map(paths.filter((p) => p === path).map((p) => [p, bytes])) }
    const changes = { source: 'paths' as const, files: [{ path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }] }
    const result = await runAnalysis({ changes, head }, { target: '1.24', from: '1.23', paths: [] })
    return result.findings.filter((f) => /retry|RETRY/.test(f.message)).map((f) => ({ file: f.file, line: f.line, severity: f.severity }))
  }
  it('says nothing on the policy when pilot.env sets EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY=false (only the notice on the switch)', async () => {
    const text = `${mesh}pilot:\n  env:\n    EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY: "false"\n`
    expect(await retry(ISTIOD, text)).toEqual([{ file: ISTIOD, line: lineOf(text, 'EXCLUDE_UNSAFE_503'), severity: 'notice' }])
  })
  it('says nothing on the policy under compatibilityVersion 1.23, whose profile sets the opt-out', async () => {
    expect(await retry(ISTIOD, `compatibilityVersion: "1.23"\n${mesh}`)).toEqual([])
  })
  it('reads the opt-out from an IstioOperator spec.values next to spec.meshConfig', async () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    defaultHttpRetryPolicy:\n      attempts: 3\n  values:\n    pilot:\n      env:\n        EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY: "false"\n'
    expect((await retry('istio/iop.yaml', text)).filter((f) => f.severity === 'warning')).toEqual([])
  })
  it('still warns without the opt-out, on the policy line, and on a ConfigMap MeshConfig, which has no Helm values', () => {
    expect(of(run(ISTIOD, mesh, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: ISTIOD, line: lineOf(mesh, 'defaultHttpRetryPolicy'), severity: 'warning' })])
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultHttpRetryPolicy:\n      attempts: 3\n'
    expect(of(run('istio/cm.yaml', cm, '1.24', '1.23'), id)).toEqual([expect.objectContaining({ file: 'istio/cm.yaml', line: lineOf(cm, 'defaultHttpRetryPolicy'), severity: 'warning' })])
  })
})

describe('c7b #14/#15: Sidecar scoping and DestinationRule merging (1.24) change only with a sibling the file does not show', () => {
  it('a Sidecar is a notice naming when it matters and the opt-out', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\n  namespace: apps\nspec:\n  egress:\n  - hosts: ["./*"]\n'
    const found = of(run('mesh/sidecar.yaml', text, '1.24', '1.23'), 'istio-1.24-unified-sidecar-scope')
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/sidecar.yaml', line: lineOf(text, 'apiVersion'), severity: 'notice' })])
    expect(found[0].message).toMatch(/PILOT_UNIFIED_SIDECAR_SCOPE=false/)
  })
  it('a DestinationRule exportTo is a notice naming when it matters and the opt-out', () => {
    const text = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api\n  exportTo: ["."]\n'
    const found = of(run('mesh/dr.yaml', text, '1.24', '1.23'), 'istio-1.24-destination-rule-merge')
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/dr.yaml', line: lineOf(text, 'exportTo'), severity: 'notice' })])
    expect(found[0].message).toMatch(/if another DestinationRule for this host has a different exportTo/)
  })
})

describe('c7b #16/#17: waypoint-for on a GatewayClass (1.23) and Telemetry node. attributes (1.24)', () => {
  const gc = (v: string): string => `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: istio-waypoint\n  labels:\n    istio.io/waypoint-for: ${v}\nspec:\n  controllerName: istio.io/mesh-controller\n`
  it('says nothing for waypoint-for: service, the default an older release uses anyway', () => {
    expect(of(run('mesh/gc.yaml', gc('service'), '1.22'), 'istio-1.23-waypoint-for-on-gatewayclass')).toEqual([])
  })
  it('warns for another traffic type on 1.22', () => {
    const text = gc('all')
    expect(of(run('mesh/gc.yaml', text, '1.22'), 'istio-1.23-waypoint-for-on-gatewayclass')).toEqual([expect.objectContaining({ file: 'mesh/gc.yaml', line: lineOf(text, 'waypoint-for'), severity: 'warning' })])
  })
  it('says nothing on a node. fallback next to xds.node (the mixed-proxy form the upgrade notes recommend)', () => {
    const text = 'apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata:\n  name: t\nspec:\n  metrics:\n  - overrides:\n    - tagOverrides:\n        cluster:\n          value: "has(xds.node) ? xds.node.metadata[\'CLUSTER_ID\'] : node.metadata[\'CLUSTER_ID\']"\n'
    expect(of(run('mesh/t.yaml', text, '1.24', '1.23'), 'istio-1.24-telemetry-cel-attributes')).toEqual([])
  })
})

describe("c7b #18: the istio-operator chart (1.24) only from Istio's source, not Banzai Cloud's operator of the same name", () => {
  const id = 'istio-1.24-in-cluster-operator-removed'
  const release = (source: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-operator\nspec:\n  chart:\n    spec:\n      chart: istio-operator\n      version: 2.0.0\n${source}`
  it('says nothing for a chart from a named source that is not Istio', () => {
    expect(of(run('infra/op.yaml', release('      sourceRef: {kind: HelmRepository, name: banzaicloud-stable}\n'), '1.24'), id)).toEqual([])
    const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: op\nspec:\n  source:\n    repoURL: https://kubernetes-charts.banzaicloud.com\n    chart: istio-operator\n    targetRevision: 2.0.0\n'
    expect(of(run('infra/app.yaml', app, '1.24'), id)).toEqual([])
  })
  it("still reports it from Istio's source or with no source named", () => {
    for (const source of ['      sourceRef: {kind: HelmRepository, name: istio}\n', '']) {
      const text = release(source)
      expect(of(run('infra/op.yaml', text, '1.24'), id)).toEqual([expect.objectContaining({ file: 'infra/op.yaml', line: lineOf(text, 'chart: istio-operator'), severity: 'error' })])
    }
  })
})

describe('c7b #7b: GRPCRoute v1 (1.22) on the standard channel gets no fix to an apiVersion that channel does not serve', () => {
  it('reports without the v1alpha2 fix and says the standard channel has no GRPCRoute', () => {
    const text = 'apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata:\n  name: greeter\nspec:\n  parentRefs:\n  - name: gw\n'
    const file = parseManifestFile('apps/route.yaml', text)
    const found = of(file.documents.flatMap((d) => catalogFindings(d, { target: parseRelease('1.21'), files: [file], gatewayApiChannel: 'standard' })), 'istio-1.22-grpcroute-v1')
    expect(found).toEqual([expect.objectContaining({ file: 'apps/route.yaml', line: lineOf(text, 'apiVersion'), severity: 'error' })])
    expect(found[0].fix).toBeUndefined()
    expect(found[0].message).toMatch(/standard channel has no GRPCRoute/)
  })
})
