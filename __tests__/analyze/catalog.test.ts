// Scenarios for the catalog analyzer on realistic manifests: every place a setting can live, fixes, versions.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer, catalogFindings, CATALOG_RULES } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { runWithRepository } from '../support/catalog-run.js'

function run(path: string, text: string, target: string, from?: string): { findings: Finding[]; withIds: { entryId: string; finding: Finding }[]; lines: string[] } {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseRelease(from) } : {}), files: [file] }
  return {
    findings: file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx)),
    withIds: file.documents.flatMap((d) => catalogFindings(d, ctx)),
    lines: file.lines
  }
}

/** The 1-based line of the first line containing `needle` (test fixtures are written so it is unique). */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

const byEntry = (r: ReturnType<typeof run>, id: string) => r.withIds.filter((f) => f.entryId === id).map((f) => f.finding)

describe('native sidecars on by default (1.27)', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/native-side: "false"
    spec:
      containers:
      - name: web
        image: web:1
      - name: istio-proxy
        image: auto
        resources:
          limits: { memory: 1Gi }
`
  it('flags an istio-proxy container in spec.containers when crossing 1.27, and the typo at any target', () => {
    const r = run('apps/web.yaml', deployment, '1.27', '1.26')
    expect(byEntry(r, 'istio-1.27-native-sidecars')).toEqual([
      expect.objectContaining({ rule: 'default-changed', severity: 'warning', file: 'apps/web.yaml', line: lineOf(deployment, '- name: istio-proxy'), path: 'spec.template.spec.containers[1].name' })
    ])
    const typo = byEntry(r, 'istio-1.27-native-side-annotation-typo')
    expect(typo).toEqual([expect.objectContaining({ rule: 'no-effect', severity: 'warning', line: 9 })])
    expect(typo[0].fix).toEqual({ description: 'Rename sidecar.istio.io/native-side to sidecar.istio.io/nativeSidecar', edits: [{ startLine: 9, endLine: 9, replacement: '        sidecar.istio.io/nativeSidecar: "false"' }] })
  })

  it('reports nothing about the default flip without a from version', () => {
    const r = run('apps/web.yaml', deployment, '1.27')
    expect(byEntry(r, 'istio-1.27-native-sidecars')).toEqual([])
    expect(byEntry(r, 'istio-1.27-native-side-annotation-typo')).toHaveLength(1)
  })

  it('flags admission policies that look for istio-proxy', () => {
    const policy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: proxy-limits
spec:
  rules:
  - name: limits
    validate:
      pattern:
        spec:
          containers:
          - (name): "istio-proxy"
            resources: { limits: { memory: "?*" } }
    message: "istio-proxy needs a memory limit"
`
    const r = run('policies/proxy.yaml', policy, '1.28', '1.26')
    // One finding per policy document: the first mention.
    expect(byEntry(r, 'istio-1.27-native-sidecars')).toEqual([expect.objectContaining({ file: 'policies/proxy.yaml', line: 12, severity: 'warning' })])
  })

  it('points at the container name a policy matches, not at a message that mentions it first', () => {
    const policy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-istio-proxy
spec:
  rules:
  - name: sidecar
    validate:
      message: "Pods need the istio-proxy sidecar."
      pattern:
        spec:
          containers:
          - name: istio-proxy
`
    const r = run('policies/require.yaml', policy, '1.28', '1.26')
    expect(byEntry(r, 'istio-1.27-native-sidecars').map((f) => f.line)).toEqual([13])
    // With only prose mentioning it, the first prose line it is.
    const prose = policy.replace('          - name: istio-proxy\n', '          - name: app\n')
    expect(byEntry(run('policies/require.yaml', prose, '1.28', '1.26'), 'istio-1.27-native-sidecars').map((f) => f.line)).toEqual([9])
  })

  it('reads istiod variables from IstioOperator components and from a rendered istiod Deployment; an explicit ENABLE_NATIVE_SIDECARS is quiet', () => {
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  components:
    pilot:
      k8s:
        env:
        - name: ENABLE_LAZY_SIDECAR_EVALUATION
          value: "true"
        - name: ENABLE_NATIVE_SIDECARS
          value: "false"
`
    expect(byEntry(run('iop.yaml', iop, '1.26'), 'istio-1.27-new-env')).toEqual([expect.objectContaining({ line: 8, severity: 'notice', path: 'spec.components.pilot.k8s.env[0].name' })])
    // An explicit ENABLE_NATIVE_SIDECARS keeps the pod's mode across 1.27, so the default flip has nothing to say (audit 7).
    expect(byEntry(run('iop.yaml', iop, '1.27', '1.26'), 'istio-1.27-native-sidecars')).toEqual([])
    const istiod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: PILOT_TRACE_SAMPLING
          value: "1"
        - name: PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS
          value: "false"
        - name: ENABLE_NATIVE_SIDECARS
          value: "true"
`
    expect(byEntry(run('istiod.yaml', istiod, '1.26'), 'istio-1.27-new-env')).toEqual([expect.objectContaining({ line: 13, severity: 'notice' })])
    expect(byEntry(run('istiod.yaml', istiod, '1.27', '1.26'), 'istio-1.27-native-sidecars')).toEqual([])
  })
})

describe('Lightstep provider removed (1.27)', () => {
  // the mesh config selects the provider as the default tracer (an unselected provider is only a warning); the
  // selection is a cross-object pairing, reported by the repository step, so these run the whole analysis
  const lightstep = (indent: string) => [`${indent}defaultProviders:`, `${indent}  tracing: [ls]`, `${indent}extensionProviders:`, `${indent}- name: ls`, `${indent}  lightstep:`, `${indent}    address: ingest.lightstep.com:443`].join('\n')

  it.each([
    ['the istio ConfigMap', 'mesh.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n${lightstep('    ')}\n`],
    ['istiod Helm values', 'istio/istiod/values.yaml', `meshConfig:\n${lightstep('  ')}\n`],
    ['a Flux HelmRelease', 'release.yaml', `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: 1.27.0\n  values:\n    meshConfig:\n${lightstep('      ')}\n`],
    ['IstioOperator spec.meshConfig', 'iop.yaml', `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n${lightstep('    ')}\n`],
    ['IstioOperator spec.values.meshConfig', 'iop.yaml', `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    meshConfig:\n${lightstep('      ')}\n`],
    ['an Argo CD Application', 'app.yaml', `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: istiod\nspec:\n  source:\n    chart: istiod\n    targetRevision: 1.27.0\n    helm:\n      valuesObject:\n        meshConfig:\n${lightstep('          ')}\n`]
  ])('is an error in %s on the lightstep line', (_where, path, text) => {
    const lightstep = (target: string) => runWithRepository(path, text, target).filter((f) => /removed the Lightstep tracing provider/.test(f.message))
    expect(lightstep('1.27')).toEqual([expect.objectContaining({ rule: 'removed-feature', severity: 'error', file: path, line: lineOf(text, 'lightstep:') })])
    // On 1.26 it still works but is deprecated.
    expect(lightstep('1.26')).toEqual([])
    const older = run(path, text, '1.26')
    expect(byEntry(older, 'istio-1.22-lightstep-deprecated')).toEqual([expect.objectContaining({ rule: 'deprecated', line: lineOf(text, 'lightstep:') })])
  })
})

describe('InferencePool (1.28, 1.28.1)', () => {
  const v1 = `apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata:
  name: llm
spec:
  selector:
    matchLabels: { app: vllm }
  targetPorts:
  - number: 8000
  - number: 8001
  endpointPickerRef:
    name: epp
    port: { number: 9002 }
`
  it('needs 1.28.1 for a second targetPort; 1.28 means the newest 1.28 patch', () => {
    // Since round 37 (m37a) an error arm that needs ENABLE_GATEWAY_API_INFERENCE_EXTENSION=true in some file (the settle
    // step, not run here, drops it without one) and a notice arm for repositories that do not show the flag.
    expect(byEntry(run('pool.yaml', v1, '1.28.0'), 'istio-1.28.1-inferencepool-multiple-target-ports')).toEqual([
      expect.objectContaining({ rule: 'not-yet-available', severity: 'error', line: 10, path: 'spec.targetPorts[1]' }),
      expect.objectContaining({ rule: 'not-yet-available', severity: 'notice', line: 10, path: 'spec.targetPorts[1]' })
    ])
    expect(byEntry(run('pool.yaml', v1, '1.28.1'), 'istio-1.28.1-inferencepool-multiple-target-ports')).toEqual([])
    expect(byEntry(run('pool.yaml', v1, '1.28'), 'istio-1.28.1-inferencepool-multiple-target-ports')).toEqual([])
    // round 38 (r38e): the error needs ENABLE_GATEWAY_API_INFERENCE_EXTENSION=true in some file, the notice says the condition
    expect(byEntry(run('pool.yaml', v1, '1.27'), 'istio-1.28-inferencepool-v1')).toEqual([
      expect.objectContaining({ line: 1, severity: 'error' }),
      expect.objectContaining({ line: 1, severity: 'notice' })
    ])
  })

  it('rejects v1alpha2 pools on 1.28 and fixes the HTTPRoute backend group', () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: llm
spec:
  rules:
  - backendRefs:
    - group: inference.networking.x-k8s.io
      kind: InferencePool
      name: llm
`
    const [finding] = byEntry(run('route.yaml', text, '1.28'), 'istio-1.28-inferencepool-v1alpha2-removed')
    expect(finding).toEqual(expect.objectContaining({ line: 8, rule: 'removed-feature' }))
    expect(finding.fix?.edits).toEqual([{ startLine: 8, endLine: 8, replacement: '    - group: inference.networking.k8s.io' }])
  })
})

describe('fixes', () => {
  it('rewrites the apiVersion of a v1alpha3 BackendTLSPolicy for 1.28', () => {
    const text = `apiVersion: "gateway.networking.k8s.io/v1alpha3" # alpha\nkind: BackendTLSPolicy\nmetadata:\n  name: tls\n`
    const [f] = byEntry(run('tls.yaml', text, '1.28'), 'istio-1.28-backend-tls-policy-v1alpha3-removed')
    expect(f.fix?.edits).toEqual([{ startLine: 1, endLine: 1, replacement: 'apiVersion: "gateway.networking.k8s.io/v1" # alpha' }])
  })

  it('replaces the old CEL attribute on its own line inside a block scalar', () => {
    const text = `apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: tags
spec:
  metrics:
  - overrides:
    - tagOverrides:
        source_ns:
          value: |
            has(x) ?
              filter_state["wasm.downstream_peer"].namespace : "unknown"
`
    const [f] = byEntry(run('telemetry.yaml', text, '1.24'), 'istio-1.24-telemetry-cel-attributes')
    expect(f).toEqual(expect.objectContaining({ rule: 'removed-feature', line: 12 }))
    expect(f.fix?.edits).toEqual([{ startLine: 12, endLine: 12, replacement: '              filter_state.downstream_peer.namespace : "unknown"' }])
  })

  it('renames an env var in a values map and in an env list', () => {
    const values = `pilot:\n  env:\n    VERIFY_CERT_AT_CLIENT: "false"\n`
    const [a] = byEntry(run('istio/istiod/values.yaml', values, '1.22'), 'istio-1.21-verify-cert-at-client-typo')
    expect(a.fix?.edits).toEqual([{ startLine: 3, endLine: 3, replacement: '    VERIFY_CERTIFICATE_AT_CLIENT: "false"' }])
    const iop = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        env:\n        - name: SUPPORT_GATEWAY_API_INFERENCE_EXTENSION\n          value: "true"\n`
    const [b] = byEntry(run('iop.yaml', iop, '1.28'), 'istio-1.27-inference-extension-flag-typo')
    expect(b.fix?.edits).toEqual([{ startLine: 8, endLine: 8, replacement: '        - name: ENABLE_GATEWAY_API_INFERENCE_EXTENSION' }])
  })

  it('renames istio.io/gateway-name in a selector for 1.24', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: gw\nspec:\n  selector:\n    istio.io/gateway-name: public\n`
    const [f] = byEntry(run('svc.yaml', text, '1.24'), 'istio-1.24-gateway-name-label-removed')
    expect(f.fix?.edits).toEqual([{ startLine: 7, endLine: 7, replacement: '    gateway.networking.k8s.io/gateway-name: public' }])
  })

  it('finds a selector label in matchLabels, workloadSelector.labels and matchExpressions, not in plain labels', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: gw
  labels:
    istio.io/gateway-name: not-a-selector
spec:
  podSelector:
    matchLabels:
      istio.io/gateway-name: public
  ingress:
  - from:
    - podSelector:
        matchExpressions:
        - key: istio.io/gateway-name
          operator: Exists
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: s
spec:
  workloadSelector:
    labels:
      istio.io/gateway-name: public
  configPatches:
  - applyTo: HTTP_FILTER
    labels:
      istio.io/gateway-name: not-a-selector-either
`
    const found = byEntry(run('np.yaml', text, '1.24'), 'istio-1.24-gateway-name-label-removed')
    expect(found.map((f) => f.line)).toEqual([10, 15, 25])
    // The label of a matchExpressions item is the value of `key`: the rename replaces that value.
    expect(found.find((f) => f.line === 15)?.fix?.edits).toEqual([{ startLine: 15, endLine: 15, replacement: '        - key: gateway.networking.k8s.io/gateway-name' }])
    expect(found.find((f) => f.line === 10)?.fix?.edits).toEqual([{ startLine: 10, endLine: 10, replacement: '      gateway.networking.k8s.io/gateway-name: public' }])
  })
})

describe('where settings live', () => {
  it('reads proxyMetadata inside the proxy.istio.io/config annotation and reports it on the annotation', () => {
    // A proxy variable (istio-init reads FORCE_IPTABLES_BINARY from 1.28); METRIC_ROTATION_INTERVAL, used here before
    // audit 11, is read by istiod only.
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        proxy.istio.io/config: |
          proxyMetadata:
            FORCE_IPTABLES_BINARY: nft
    spec:
      containers: [{ name: web, image: web }]
`
    const r = run('web.yaml', text, '1.27')
    expect(byEntry(r, 'istio-1.28-force-iptables-binary')).toEqual([expect.objectContaining({ line: 9, message: expect.stringContaining('FORCE_IPTABLES_BINARY') })])
    expect(byEntry(r, 'istio-1.28-force-iptables-binary')[0].fix).toBeUndefined()
    // The same annotation text on a second workload (parsed once, shared) is reported there too.
    const two = `${text}---\n${text.replace('name: web', 'name: api')}`
    expect(byEntry(run('two.yaml', two, '1.27'), 'istio-1.28-force-iptables-binary').map((f) => f.line)).toEqual([9, 23])
  })

  it('treats a recognised values document without an embedded tree as istiod values', () => {
    const file = parseManifestFile('istio/istiod/values.yaml', 'pilot:\n  env:\n    PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"\n')
    const doc = { ...file.documents[0], embedded: [] }
    expect(doc.kind).toBe('helm-values')
    const ctx: AnalysisContext = { target: parseRelease('1.22'), files: [file] }
    expect(catalogFindings(doc, ctx).map((f) => [f.entryId, f.finding.line])).toEqual([['istio-1.22-inbound-passthrough-flag-removed', 3]])
  })

  it('maps istio-cni values to spec.values.cni in an IstioOperator', () => {
    // dnsCapture: false (the value that keeps the pre-1.25 behaviour; true is already the 1.25 default, quiet since audit 10)
    const text = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    cni:\n      ambient:\n        dnsCapture: false\n`
    expect(byEntry(run('iop.yaml', text, '1.25', '1.24'), 'istio-1.25-ambient-dns-capture')).toEqual([expect.objectContaining({ line: 7, severity: 'notice' })])
  })

  it('reads istiod env from the flattened env block of the istiod chart', () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\nspec:\n  chart:\n    spec:\n      chart: istiod\n  values:\n    env:\n      PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY: "false"\n`
    const r = run('istiod.yaml', text, '1.31', '1.27')
    expect(byEntry(r, 'istio-1.31-spawn-upstream-span-flag-removed')).toEqual([expect.objectContaining({ line: 11, rule: 'removed-feature' })])
    // The 1.28 opt-out notice stops at 1.31 (audit 9, c9e), so it is read from the same block on 1.30.
    expect(byEntry(r, 'istio-1.28-spawn-upstream-span-for-gateway')).toEqual([])
    expect(byEntry(run('istiod.yaml', text, '1.30', '1.27'), 'istio-1.28-spawn-upstream-span-for-gateway')).toEqual([expect.objectContaining({ line: 11, rule: 'default-changed' })])
  })

  it('reports both MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP flips when the upgrade crosses 1.26 and 1.28', () => {
    const text = `pilot:\n  env:\n    MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP: "5"\n`
    const ids = (from: string, target: string) => run('istio/istiod/values.yaml', text, target, from).withIds.map((f) => f.entryId).sort()
    expect(ids('1.25', '1.28')).toEqual(['istio-1.26-max-connections-per-socket-event', 'istio-1.28-max-connections-per-socket-event-sidecars'])
    expect(ids('1.26', '1.28')).toEqual(['istio-1.28-max-connections-per-socket-event-sidecars'])
    expect(ids('1.28', '1.29')).toEqual([])
    // 0 (unlimited) is what every proxy did before 1.26 and already covers the sidecar listeners 1.28 adds to the
    // limit: neither flip changes anything for it (census 10: the 1.26 entry no longer reports it).
    const zero = `pilot:\n  env:\n    MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP: "0"\n`
    const zeroIds = (from: string, target: string) => run('istio/istiod/values.yaml', zero, target, from).withIds.map((f) => f.entryId).sort()
    expect(zeroIds('1.25', '1.28')).toEqual([])
    expect(zeroIds('1.26', '1.28')).toEqual([])
  })

  it('reads namespace labels', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n`
    expect(byEntry(run('ns.yaml', text, '1.25', '1.24'), 'istio-1.25-ambient-dns-capture')).toEqual([expect.objectContaining({ line: 6 })])
  })
})

describe('compatibilityVersion', () => {
  it('accepts the profiles the target ships and rejects the others', () => {
    const ok = run('istio/istiod/values.yaml', 'compatibilityVersion: "1.25"\n', '1.28').findings.filter((f) => f.rule === 'compatibility-version-unsupported')
    expect(ok).toEqual([])
    const bad = run('istio/istiod/values.yaml', 'compatibilityVersion: "1.24"\n', '1.28').findings.filter((f) => f.rule === 'compatibility-version-unsupported')
    expect(bad).toEqual([expect.objectContaining({ severity: 'error', line: 1, file: 'istio/istiod/values.yaml', message: expect.stringContaining('1.25, 1.26, 1.27') })])
  })

  it('catches an unquoted 1.30 that YAML reads as 1.3 and quotes it', () => {
    const [f] = run('istio/istiod/values.yaml', 'compatibilityVersion: 1.30 # keep\n', '1.31').findings.filter((x) => x.rule === 'compatibility-version-unsupported')
    expect(f).toEqual(expect.objectContaining({ severity: 'error', line: 1 }))
    expect(f.fix?.edits).toEqual([{ startLine: 1, endLine: 1, replacement: 'compatibilityVersion: "1.30" # keep' }])
  })

  it('warns that 1.20 has no such setting', () => {
    const text = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  compatibilityVersion: "1.20"\n`
    expect(run('iop.yaml', text, '1.20').findings.filter((f) => f.rule === 'compatibility-version-unsupported')).toEqual([expect.objectContaining({ severity: 'warning', line: 4 })])
  })
})

describe('analyzer contract', () => {
  it('declares every rule it reports, with stable kebab-case ids', () => {
    const ids = CATALOG_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
    const text = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\nspec:\n  http:\n  - mirror: { host: shadow }\n    route: [{ destination: { host: web } }]\n`
    const r = run('vs.yaml', text, '1.21', '1.20')
    expect(r.findings.length).toBeGreaterThan(0)
    for (const f of r.findings) {
      expect(ids).toContain(f.rule)
      expect(f.file).toBe('vs.yaml')
      expect(f.line).toBeGreaterThan(0)
      expect(f.source).toMatch(/^https:\/\//)
    }
    expect(r.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'not-yet-available', line: 1, fix: { description: 'Replace networking.istio.io/v1 with networking.istio.io/v1beta1', edits: [{ startLine: 1, endLine: 1, replacement: 'apiVersion: networking.istio.io/v1beta1' }] } })]))
  })

  it('reports each entry once per line even when several paths reach it', () => {
    const text = `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr\nspec:\n  host: web\n  trafficPolicy:\n    retryBudget: { percent: 10 }\n  subsets:\n  - name: v1\n    trafficPolicy:\n      retryBudget: { percent: 5 }\n`
    const hits = byEntry(run('dr.yaml', text, '1.26'), 'istio-1.27-retry-budget')
    expect(hits.map((h) => h.line)).toEqual([8, 12])
  })
})

describe('native sidecar text match', () => {
  it('matches the container name, not names that merely contain it', () => {
    const text = [
      'apiVersion: kyverno.io/v1',
      'kind: ClusterPolicy',
      'metadata:',
      '  name: require-istio-proxy',
      'spec:',
      '  rules:',
      '    - name: istio-proxy-present',
      '      validate:',
      '        pattern:',
      '          spec:',
      '            containers:',
      '              - name: istio-proxy',
      ''
    ].join('\n')
    const { findings } = run('policies/p.yaml', text, '1.27', '1.26')
    expect(findings.filter((f) => f.message.includes('istio-proxy')).map((f) => [f.file, f.line])).toEqual([['policies/p.yaml', 12]])
  })
})
