// What each document is: identity, family, and the Istio YAML embedded in it, with file positions.
import { lineOf, parsePath, valueRange } from '../../src/manifests/locate.js'
import type { EmbeddedDocument, ManifestDocument } from '../../src/manifests/types.js'
import { only, parse, yaml } from './helpers.js'

const resource = (apiVersion: string, kind: string, name = 'x', namespace = 'shop'): string =>
  yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`)

describe('resource identity and family', () => {
  it.each([
    ['networking.istio.io/v1', 'VirtualService', 'istio'],
    ['networking.istio.io/v1beta1', 'DestinationRule', 'istio'],
    ['security.istio.io/v1', 'AuthorizationPolicy', 'istio'],
    ['telemetry.istio.io/v1', 'Telemetry', 'istio'],
    ['extensions.istio.io/v1alpha1', 'WasmPlugin', 'istio'],
    ['install.istio.io/v1alpha1', 'IstioOperator', 'istio-operator'],
    ['gateway.networking.k8s.io/v1', 'HTTPRoute', 'gateway-api'],
    ['gateway.networking.k8s.io/v1alpha2', 'TLSRoute', 'gateway-api'],
    ['gateway.networking.x-k8s.io/v1alpha1', 'XBackendTrafficPolicy', 'gateway-api'],
    ['inference.networking.k8s.io/v1', 'InferencePool', 'inference'],
    ['inference.networking.x-k8s.io/v1alpha2', 'InferenceObjective', 'inference'],
    ['apps/v1', 'Deployment', 'workload'],
    ['apps/v1', 'StatefulSet', 'workload'],
    ['apps/v1', 'DaemonSet', 'workload'],
    ['v1', 'Pod', 'workload'],
    ['v1', 'Namespace', 'namespace'],
    ['v1', 'Service', 'service'],
    ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'webhook'],
    ['v1', 'ConfigMap', 'other'],
    ['cert-manager.io/v1', 'Certificate', 'other']
  ])('%s %s → %s', (apiVersion, kind, family) => {
    const doc = only(resource(apiVersion, kind, 'web', 'shop'), 'k8s/web.yaml')
    expect(doc).toMatchObject({ file: 'k8s/web.yaml', kind: 'resource', family, resource: { apiVersion, kind, name: 'web', namespace: 'shop' } })
    expect(lineOf(doc.root, ['kind'])).toEqual({ line: 2, endLine: 2 })
  })

  it('leaves namespace and name out when they are not strings', () => {
    const doc = only(yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: istio-system}'))
    expect(doc.resource).toEqual({ apiVersion: 'v1', kind: 'Namespace', name: 'istio-system' })
    expect(only(yaml('apiVersion: v1', 'kind: List')).resource).toEqual({ apiVersion: 'v1', kind: 'List' })
  })

  it('keeps workloads with Istio labels and annotations reachable by path', () => {
    const doc = only(yaml(
      'apiVersion: apps/v1', //                               1
      'kind: Deployment', //                                  2
      'metadata:', //                                         3
      '  name: web', //                                       4
      '  labels: {istio.io/rev: canary}', //                  5
      'spec:', //                                             6
      '  template:', //                                       7
      '    metadata:', //                                     8
      '      annotations:', //                                9
      '        sidecar.istio.io/inject: "true"', //           10
      '        proxy.istio.io/config: |', //                  11
      '          holdApplicationUntilProxyStarts: true' //    12
    ), 'apps/web/deploy.yaml')
    expect(doc.family).toBe('workload')
    expect(lineOf(doc.root, parsePath('metadata.labels["istio.io/rev"]'))).toEqual({ line: 5, endLine: 5 })
    expect(lineOf(doc.root, parsePath('spec.template.metadata.annotations["sidecar.istio.io/inject"]'))).toEqual({ line: 10, endLine: 10 })
    expect(lineOf(doc.root, parsePath('spec.template.metadata.annotations["proxy.istio.io/config"]'))).toEqual({ line: 11, endLine: 12 })
  })

  it('does not take a document without apiVersion and kind for a resource', () => {
    const doc = only(yaml('kind: Deployment', 'metadata: {name: x}'))
    expect(doc.kind).toBe('unknown')
    expect(doc.resource).toBeUndefined()
  })
})

/** The mesh ConfigMap with `mesh` written in `header` style; its lines 8.. are the block's content. */
const meshConfigMap = (header: string, body: string[], name = 'istio'): string =>
  yaml(
    'apiVersion: v1', //                 1
    'kind: ConfigMap', //                2
    'metadata:', //                      3
    `  name: ${name}`, //                4
    '  namespace: istio-system', //      5
    'data:', //                          6
    `  mesh: ${header}`, //              7
    ...body, //                          8..
    '  meshNetworks: "networks: {}"'
  )

const MESH_BODY = [
  '    accessLogFile: /dev/stdout', //                       8
  '    defaultConfig:', //                                   9
  '      holdApplicationUntilProxyStarts: true', //          10
  '      proxyMetadata:', //                                 11
  '        ISTIO_META_DNS_CAPTURE: "true"', //               12
  '    outboundTrafficPolicy: {mode: REGISTRY_ONLY}' //      13
]

function mesh(doc: ManifestDocument): EmbeddedDocument {
  const found = doc.embedded.find((e) => e.role === 'mesh-config')
  expect(found).toBeDefined()
  return found!
}

describe('MeshConfig in the istio ConfigMap', () => {
  it.each([
    ['|', MESH_BODY, 0],
    ['|-', MESH_BODY, 0],
    ['|+', [...MESH_BODY, ''], 0],
    ['|2', MESH_BODY, 0],
    ['| # comment after the header', MESH_BODY, 0],
    ['|', ['', ...MESH_BODY], 1]
  ])('mesh: %s → inner paths point at file lines', (header, body, shift) => {
    const text = meshConfigMap(header, body)
    const file = parse(text, 'istio/mesh.yaml')
    expect(file.problems).toEqual([])
    const doc = file.documents[0]
    expect(doc.family).toBe('mesh-configmap')
    const m = mesh(doc)
    expect(m.at).toEqual(['data', 'mesh'])
    expect(m.value).toMatchObject({ accessLogFile: '/dev/stdout', defaultConfig: { holdApplicationUntilProxyStarts: true } })
    expect(lineOf(m.root, ['accessLogFile'])).toEqual({ line: 8 + shift, endLine: 8 + shift })
    expect(lineOf(m.root, parsePath('defaultConfig.holdApplicationUntilProxyStarts'))).toEqual({ line: 10 + shift, endLine: 10 + shift })
    expect(lineOf(m.root, parsePath('defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE'))).toEqual({ line: 12 + shift, endLine: 12 + shift })
    expect(lineOf(m.root, parsePath('outboundTrafficPolicy.mode'))).toEqual({ line: 13 + shift, endLine: 13 + shift })
    expect(lineOf(m.root, ['defaultConfig'])).toEqual({ line: 9 + shift, endLine: 12 + shift })
    // Exact offsets: the inner value can be edited in the file.
    const range = valueRange(m.root, parsePath('defaultConfig.holdApplicationUntilProxyStarts'))
    expect(text.slice(range!.start, range!.end)).toBe('true')
    const quoted = valueRange(m.root, parsePath('defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE'))
    expect(text.slice(quoted!.start, quoted!.end)).toBe('"true"')
    // The outer document still spans the block.
    expect(lineOf(doc.root, ['data', 'mesh'])).toEqual({ line: 7, endLine: 13 + shift })
  })

  it('maps a block with an indentation indicator and a more-indented first line', () => {
    const text = meshConfigMap('|2', ['      # indented comment line', '    enableTracing: true', '    accessLogFile: x'])
    const m = mesh(parse(text, 'istio/mesh.yaml').documents[0])
    expect(lineOf(m.root, ['enableTracing'])).toEqual({ line: 9, endLine: 9 })
    const range = valueRange(m.root, ['accessLogFile'])
    expect(text.slice(range!.start, range!.end)).toBe('x')
  })

  it('maps lines and offsets with CRLF line endings', () => {
    const text = meshConfigMap('|', MESH_BODY).replace(/\n/g, '\r\n')
    const m = mesh(parse(text, 'istio/mesh.yaml').documents[0])
    expect(lineOf(m.root, parsePath('defaultConfig.holdApplicationUntilProxyStarts'))).toEqual({ line: 10, endLine: 10 })
    const range = valueRange(m.root, parsePath('outboundTrafficPolicy.mode'))
    expect(range?.line).toBe(13)
    expect(text.slice(range!.start, range!.end)).toBe('REGISTRY_ONLY')
  })

  it('falls back to the scalar for a folded block: every inner node sits on the block, no offsets', () => {
    const text = meshConfigMap('>', ['    accessLogFile: /dev/stdout', '', '    enableTracing: true'])
    const m = mesh(parse(text, 'istio/mesh.yaml').documents[0])
    expect(m.value).toEqual({ accessLogFile: '/dev/stdout', enableTracing: true })
    expect(lineOf(m.root, ['enableTracing'])).toEqual({ line: 8, endLine: 10 })
    expect(valueRange(m.root, ['enableTracing'])).toBeUndefined()
  })

  it('maps a one-line quoted mesh exactly', () => {
    const text = meshConfigMap("'{accessLogFile: /dev/stdout, enableTracing: true}'", [])
    const m = mesh(parse(text).documents[0])
    const range = valueRange(m.root, ['enableTracing'])
    expect(range?.line).toBe(7)
    expect(text.slice(range!.start, range!.end)).toBe('true')
  })

  it('recognises a revision ConfigMap istio-<rev> by its mesh key, not other istio-* ConfigMaps', () => {
    expect(only(meshConfigMap('|', MESH_BODY, 'istio-canary')).family).toBe('mesh-configmap')
    const injector = yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: istio-sidecar-injector}', 'data:', '  config: |', '    policy: enabled')
    expect(only(injector).family).toBe('other')
    expect(only(yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: app-settings}', 'data:', '  mesh: |', '    a: 1')).embedded).toEqual([])
  })

  it('reports broken YAML inside the block on its file line and keeps the ConfigMap', () => {
    const text = meshConfigMap('|', ['    accessLogFile: /dev/stdout', '    defaultConfig:', '      a: 1', '     b: 2'])
    const file = parse(text, 'istio/mesh.yaml')
    expect(file.problems).toEqual([expect.objectContaining({ rule: 'parse', severity: 'error', file: 'istio/mesh.yaml', line: 11 })])
    expect(file.problems[0].message).toMatch(/data\.mesh/)
    expect(file.documents[0].family).toBe('mesh-configmap')
    expect(file.documents[0].embedded).toEqual([])
  })

  it('warns of a duplicate key inside the block on the duplicate; the last value counts, as for istiod', () => {
    const text = meshConfigMap('|', ['    enableTracing: true', '    accessLogFile: x', '    enableTracing: false'])
    const file = parse(text)
    expect(file.problems).toMatchObject([{ rule: 'duplicate-key', severity: 'warning', line: 10 }])
    expect(file.problems[0].message).toContain('first on line 8')
    expect(file.problems[0].message).toContain('data.mesh')
    expect(mesh(file.documents[0]).value).toMatchObject({ enableTracing: false })
  })

  it('finds the mesh ConfigMap as the third document of a file', () => {
    const text = resource('v1', 'Namespace', 'istio-system', 'default') + '---\n' + resource('v1', 'ServiceAccount', 'istiod', 'istio-system') + '---\n' + meshConfigMap('|', MESH_BODY)
    const file = parse(text, 'istio/all.yaml')
    const third = file.documents[2]
    expect(third.index).toBe(2)
    expect(lineOf(mesh(third).root, parsePath('defaultConfig.holdApplicationUntilProxyStarts'))).toEqual({ line: 10 + 12, endLine: 10 + 12 })
  })
})

describe('Helm values of Flux HelmRelease and Argo CD Application', () => {
  const helmRelease = (chart: string, extra: string[] = []): string =>
    yaml(
      'apiVersion: helm.toolkit.fluxcd.io/v2', //   1
      'kind: HelmRelease', //                       2
      'metadata:', //                               3
      '  name: istiod', //                          4
      '  namespace: istio-system', //               5
      'spec:', //                                   6
      '  chart:', //                                7
      '    spec:', //                               8
      `      chart: ${chart}`, //                   9
      '      version: 1.28.1', //                   10
      '      sourceRef: {kind: HelmRepository, name: istio}', // 11
      ...extra
    )

  it('takes spec.values of an Istio chart, with MeshConfig inside', () => {
    const doc = only(helmRelease('istiod', [
      '  values:', //                                  12
      '    pilot:', //                                 13
      '      env: {PILOT_ENABLE_ALPHA_GATEWAY_API: "true"}', // 14
      '    meshConfig:', //                            15
      '      accessLogFile: /dev/stdout' //            16
    ]), 'clusters/prod/istiod.yaml')
    expect(doc).toMatchObject({ family: 'helm-release', chart: 'istiod' })
    const values = doc.embedded.find((e) => e.role === 'helm-values')!
    expect(values).toMatchObject({ chart: 'istiod', at: ['spec', 'values'] })
    expect(lineOf(values.root, parsePath('pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API'))).toEqual({ line: 14, endLine: 14 })
    const m = mesh(doc)
    expect(m.at).toEqual(['spec', 'values', 'meshConfig'])
    expect(lineOf(m.root, ['accessLogFile'])).toEqual({ line: 16, endLine: 16 })
  })

  it('recognises a HelmRelease without values and one using chartRef', () => {
    expect(only(helmRelease('istiod'))).toMatchObject({ family: 'helm-release', chart: 'istiod', embedded: [] })
    const chartRef = only(yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata: {name: ztunnel}', 'spec:', '  chartRef: {kind: OCIRepository, name: ztunnel}', '  values: {variant: distroless}'))
    expect(chartRef).toMatchObject({ family: 'helm-release', chart: 'ztunnel' })
    expect(lineOf(chartRef.embedded[0].root, ['variant'])).toEqual({ line: 6, endLine: 6 })
  })

  it.each([
    ['cert-manager', undefined],
    ['gateway', 'gateway'],
    ['istio-ingressgateway', 'gateway'],
    ['oci://registry.example.com/mirror/istiod', 'istiod']
  ])('a HelmRelease of chart %s installs Istio chart %s', (chart, istio) => {
    const doc = only(helmRelease(chart))
    expect(doc.family).toBe('helm-release')
    expect(doc.chart).toBe(istio)
  })

  it('does not take a generic chart name from another source for Istio', () => {
    const text = yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata: {name: edge, namespace: edge}', 'spec:', '  chart:', '    spec: {chart: gateway, sourceRef: {kind: HelmRepository, name: kong}}', '  values: {replicas: 2}')
    const doc = only(text)
    expect(doc).toMatchObject({ family: 'helm-release', embedded: [] })
    expect(doc.chart).toBeUndefined()
  })

  it('takes a generic chart name without any source for Istio (nothing says otherwise)', () => {
    const text = yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata: {name: cni, namespace: default}', 'spec:', '  chart: {spec: {chart: cni}}', '  values:', '    cni: {ambient: true}')
    const doc = only(text)
    expect(doc.chart).toBe('cni')
    expect(lineOf(doc.embedded[0].root, parsePath('cni.ambient'))).toEqual({ line: 7, endLine: 7 })
  })

  const application = (source: string[]): string =>
    yaml(
      'apiVersion: argoproj.io/v1alpha1', //   1
      'kind: Application', //                  2
      'metadata:', //                          3
      '  name: istiod', //                     4
      '  namespace: argocd', //                5
      'spec:', //                              6
      '  destination: {namespace: istio-system}', // 7
      ...source
    )

  it('parses an Argo CD helm.values string and maps it into the file', () => {
    const text = application([
      '  source:', //                                                8
      '    repoURL: https://istio-release.storage.googleapis.com/charts', // 9
      '    chart: istiod', //                                         10
      '    targetRevision: 1.28.1', //                                11
      '    helm:', //                                                 12
      '      values: |', //                                           13
      '        pilot:', //                                            14
      '          autoscaleMin: 2', //                                 15
      '        meshConfig:', //                                       16
      '          enableTracing: true' //                              17
    ])
    const doc = only(text, 'argocd/istiod.yaml')
    expect(doc).toMatchObject({ family: 'helm-release', chart: 'istiod' })
    const values = doc.embedded.find((e) => e.role === 'helm-values')!
    expect(values.at).toEqual(['spec', 'source', 'helm', 'values'])
    expect(values.value).toEqual({ pilot: { autoscaleMin: 2 }, meshConfig: { enableTracing: true } })
    expect(lineOf(values.root, parsePath('pilot.autoscaleMin'))).toEqual({ line: 15, endLine: 15 })
    const range = valueRange(values.root, parsePath('pilot.autoscaleMin'))
    expect(text.slice(range!.start, range!.end)).toBe('2')
    expect(lineOf(mesh(doc).root, ['enableTracing'])).toEqual({ line: 17, endLine: 17 })
  })

  it('takes helm.valuesObject, which Argo CD prefers over helm.values', () => {
    const doc = only(application([
      '  source:', //                                 8
      '    repoURL: https://istio-release.storage.googleapis.com/charts', // 9
      '    chart: cni', //                              10
      '    helm:', //                                   11
      '      values: "cni: {ambient: false}"', //      12
      '      valuesObject:', //                         13
      '        cni:', //                                14
      '          ambient: true' //                      15
    ]))
    expect(doc.chart).toBe('cni')
    expect(doc.embedded).toHaveLength(1)
    expect(doc.embedded[0]).toMatchObject({ role: 'helm-values', chart: 'cni', at: ['spec', 'source', 'helm', 'valuesObject'], value: { cni: { ambient: true } } })
    expect(lineOf(doc.embedded[0].root, parsePath('cni.ambient'))).toEqual({ line: 15, endLine: 15 })
  })

  it('takes the Istio charts of spec.sources[] and skips the others', () => {
    const doc = only(application([
      '  sources:', //                                                 8
      '    - repoURL: https://charts.jetstack.io', //                   9
      '      chart: cert-manager', //                                   10
      '      helm: {valuesObject: {installCRDs: true}}', //             11
      '    - repoURL: https://istio-release.storage.googleapis.com/charts', // 12
      '      chart: base', //                                           13
      '    - repoURL: https://github.com/istio/istio.git', //           14
      '      path: manifests/charts/istio-control/istio-discovery', //  15
      '      helm:', //                                                 16
      '        valuesObject:', //                                       17
      '          pilot: {traceSampling: 0.1}' //                        18
    ]))
    expect(doc).toMatchObject({ family: 'helm-release', chart: 'base' })
    expect(doc.embedded.map((e) => [e.role, e.chart, e.at.join('.')])).toEqual([['helm-values', 'istiod', 'spec.sources.2.helm.valuesObject']])
    expect(lineOf(doc.embedded[0].root, parsePath('pilot.traceSampling'))).toEqual({ line: 18, endLine: 18 })
  })

  it('reports a broken helm.values string on its file line', () => {
    const file = parse(application(['  source:', '    chart: istiod', '    repoURL: https://istio-release.storage.googleapis.com/charts', '    helm:', '      values: |', '        pilot:', '          a: [1,']), 'argocd/broken.yaml')
    expect(file.problems).toMatchObject([{ severity: 'error', file: 'argocd/broken.yaml', line: 14 }])
    expect(file.documents[0].embedded).toEqual([])
  })

  it('merges helm.parameters (Helm --set) over the inline values, lines on the parameters (name to value)', () => {
    const doc = only(application([
      '  source:', //                                 8
      '    repoURL: https://istio-release.storage.googleapis.com/charts', // 9
      '    chart: istiod', //                           10
      '    helm:', //                                   11
      '      valuesObject:', //                         12
      '        pilot: {autoscaleMin: 2, env: {A: x}}', // 13
      '      parameters:', //                           14
      '      - name: pilot.autoscaleMin', //            15
      '        value: "3"', //                          16
      '      - name: global.tag', //                    17
      '        value: "1.25"', //                       18
      '        forceString: true', //                   19
      '      - name: pilot.env.B\\.C', //               20
      '        value: "true"', //                       21
      '      - name: meshConfig.extensionProviders[0].name', // 22
      '        value: otel' //                           23
    ]))
    expect(doc.embedded[0]).toMatchObject({ role: 'helm-values', chart: 'istiod', at: ['spec', 'source', 'helm', 'valuesObject'] })
    expect(doc.embedded[0].value).toEqual({ pilot: { autoscaleMin: 3, env: { A: 'x', 'B.C': true } }, global: { tag: '1.25' }, meshConfig: { extensionProviders: [{ name: 'otel' }] } })
    expect(lineOf(doc.embedded[0].root, parsePath('pilot.autoscaleMin'))).toEqual({ line: 15, endLine: 16 })
    expect(lineOf(doc.embedded[0].root, parsePath('global.tag'))).toEqual({ line: 17, endLine: 18 })
    expect(lineOf(doc.embedded[0].root, ['pilot', 'env', 'A'])).toEqual({ line: 13, endLine: 13 })
    expect(lineOf(doc.embedded[0].root, ['pilot', 'env', 'B.C'])).toEqual({ line: 20, endLine: 21 })
    // The document's own valuesObject is left as written.
    expect((doc.value as { spec: { source: { helm: { valuesObject: unknown } } } }).spec.source.helm.valuesObject).toEqual({ pilot: { autoscaleMin: 2, env: { A: 'x' } } })
    // meshConfig set through a parameter is MeshConfig too.
    expect(doc.embedded.find((e) => e.role === 'mesh-config')?.value).toEqual({ extensionProviders: [{ name: 'otel' }] })
  })

  it('takes helm.parameters alone as the values of spec.sources[]', () => {
    const doc = only(application([
      '  sources:', //                                 8
      '    - repoURL: https://istio-release.storage.googleapis.com/charts', // 9
      '      chart: ztunnel', //                        10
      '      helm:', //                                 11
      '        parameters:', //                         12
      '        - {name: resourceName, value: ztunnel}' // 13
    ]))
    expect(doc.embedded).toHaveLength(1)
    expect(doc.embedded[0]).toMatchObject({ role: 'helm-values', chart: 'ztunnel', at: ['spec', 'sources', 0, 'helm', 'parameters'], value: { resourceName: 'ztunnel' } })
    expect(lineOf(doc.embedded[0].root, ['resourceName'])).toEqual({ line: 13, endLine: 13 })
  })

  it('marks the values of a Flux HelmRelease with valuesFrom as incomplete', () => {
    const hr = (valuesFrom: boolean): string => yaml(
      'apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata: {name: istiod, namespace: istio-system}', 'spec:',
      '  chart: {spec: {chart: istiod, sourceRef: {kind: HelmRepository, name: istio}}}', '  values: {pilot: {autoscaleMin: 2}}',
      ...(valuesFrom ? ['  valuesFrom:', '  - {kind: ConfigMap, name: istiod-values}'] : []))
    expect(only(hr(true)).embedded[0]).toMatchObject({ role: 'helm-values', valuesIncomplete: true })
    expect(only(hr(false)).embedded[0].valuesIncomplete).toBeUndefined()
  })

  it('ignores an Application of another chart', () => {
    const doc = only(application(['  source:', '    repoURL: https://prometheus-community.github.io/helm-charts', '    chart: kube-prometheus-stack', '    helm: {valuesObject: {pilot: {x: 1}}}']))
    expect(doc).toMatchObject({ family: 'helm-release', embedded: [] })
    expect(doc.chart).toBeUndefined()
  })
})

describe('IstioOperator', () => {
  const text = yaml(
    'apiVersion: install.istio.io/v1alpha1', // 1
    'kind: IstioOperator', //                   2
    'metadata: {name: control-plane, namespace: istio-system}', // 3
    'spec:', //                                 4
    '  tag: 1.24.2', //                         5
    '  meshConfig:', //                         6
    '    accessLogFile: /dev/stdout', //        7
    '  values:', //                             8
    '    global:', //                           9
    '      proxy: {holdApplicationUntilProxyStarts: true}' // 10
  )

  it('takes spec.values and spec.meshConfig with their lines', () => {
    const doc = only(text, 'install/operator.yaml')
    expect(doc).toMatchObject({ family: 'istio-operator', chart: 'istio-operator' })
    expect(doc.embedded.map((e) => [e.role, e.at.join('.')])).toEqual([
      ['helm-values', 'spec.values'],
      ['mesh-config', 'spec.meshConfig']
    ])
    expect(lineOf(doc.embedded[0].root, parsePath('global.proxy.holdApplicationUntilProxyStarts'))).toEqual({ line: 10, endLine: 10 })
    expect(lineOf(mesh(doc).root, ['accessLogFile'])).toEqual({ line: 7, endLine: 7 })
  })
})

describe('plain Helm values files', () => {
  it.each([
    ['istio/values-istiod.yaml', yaml('pilot:', '  autoscaleEnabled: false', 'meshConfig:', '  accessLogFile: /dev/stdout'), 'istiod'],
    ['clusters/prod/istio/cni-values.yaml', yaml('cni:', '  ambient: true', 'global: {hub: docker.io/istio}'), 'cni'],
    ['charts/istio-control/istio-discovery/values.yaml', yaml('_internal_defaults_do_not_set:', '  pilot: {}'), 'istiod'],
    ['platform/istio/gateway.yaml', yaml('revision: canary', 'service: {type: LoadBalancer}'), 'gateway'],
    ['platform/mesh/settings.yaml', yaml('compatibilityVersion: "1.26"'), 'istiod'],
    ['istio/ztunnel/values.yaml', yaml('ztunnel: {}', 'global: {}'), 'ztunnel'],
    // a file that sets only a key no other chart has (round 36 r36b: its opt-out was missed before)
    ['platform/mesh/trust.yaml', yaml('trustedZtunnelName: istio-ztunnel'), 'istiod'],
    ['platform/mesh/classes.yaml', yaml('gatewayClasses:', '  istio: {service: {spec: {type: ClusterIP}}}'), 'istiod'],
    ['platform/mesh/node-agent.yaml', yaml('istioOwnedCNIConfigFileName: 02-istio.conflist'), 'cni'],
    ['platform/istio/node.yaml', yaml('ambient:', '  enabled: false'), 'cni']
  ])('%s → values of %s', (path, text, chart) => {
    const doc = only(text, path)
    expect(doc).toMatchObject({ file: path, kind: 'helm-values', chart })
    expect(doc.embedded[0]).toMatchObject({ role: 'helm-values', chart, at: [] })
    expect(doc.embedded[0].root).toBe(doc.root)
  })

  it('gives MeshConfig of a values file its own embedded document with lines', () => {
    const doc = only(yaml('pilot: {}', 'meshConfig:', '  enableTracing: true'), 'istio/values.yaml')
    expect(lineOf(mesh(doc).root, ['enableTracing'])).toEqual({ line: 3, endLine: 3 })
  })

  it.each([
    ['charts/redis/values.yaml', yaml('global: {imageRegistry: ""}', 'image: {repository: redis}')],
    ['apps/web/values.yaml', yaml('replicaCount: 2', 'telemetry: {enabled: true}')],
    ['config/app.yaml', yaml('server:', '  port: 8080')],
    // `ambient` alone counts only in a file whose path names istio
    ['apps/sound/values.yaml', yaml('ambient:', '  enabled: false')]
  ])('%s is not recognised', (path, text) => {
    const doc = only(text, path)
    expect(doc.kind).toBe('unknown')
    expect(doc.embedded).toEqual([])
    expect(doc.chart).toBeUndefined()
  })
})
