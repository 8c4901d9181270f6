// A deterministic corpus of realistic mesh manifests for the benchmark: Istio CRDs of many shapes, Gateway API
// routes, InferencePools, annotated workloads, the mesh ConfigMap, Helm values, Flux/Argo releases, multi-doc files.
import { block, comment, toYaml } from './yaml-writer.mjs'

/** mulberry32: a tiny seeded PRNG, so every run (and every machine) benchmarks the same bytes. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TEAMS = ['payments', 'checkout', 'catalog', 'search', 'identity', 'ledger', 'shipping', 'ml-serving', 'notifications', 'platform']
const WORDS = ['api', 'web', 'worker', 'gateway', 'reviews', 'ratings', 'orders', 'cart', 'users', 'auth', 'billing', 'inventory', 'pricing', 'reports', 'events', 'media']

function makeTools(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)]
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1))
  const chance = (p) => rand() < p
  const some = (lo, hi, f) => Array.from({ length: int(lo, hi) }, (_, i) => f(i))
  const name = () => `${pick(WORDS)}-${pick(WORDS)}${chance(0.3) ? `-v${int(1, 3)}` : ''}`
  const host = (ns) => `${name()}.${ns}.svc.cluster.local`
  const duration = () => pick(['1s', '2s', '250ms', '500ms', '5s', '10s', '30s', '1m'])
  const labels = (app) => ({ app, version: pick(['v1', 'v2', 'v3']), ...(chance(0.3) ? { 'app.kubernetes.io/part-of': pick(TEAMS) } : {}) })
  return { rand, pick, int, chance, some, name, host, duration, labels }
}

// Each generator returns a plain object (or, for values files, a non-resource document) for one YAML document.

function virtualService(t, ns) {
  const host = t.host(ns)
  const subsets = ['v1', 'v2', 'v3']
  const route = () => ({
    ...(t.chance(0.5) ? { name: t.pick(['primary', 'canary', 'default', 'api']) } : {}),
    ...(t.chance(0.6) ? { match: t.some(1, 3, () => (t.chance(0.5) ? { uri: { prefix: `/${t.pick(WORDS)}` } } : { headers: { [t.pick(['x-canary', 'end-user', 'x-tenant'])]: { exact: t.pick(['true', 'jason', 'acme']) } } })) } : {}),
    route: t.some(1, 2, (i) => ({ destination: { host, subset: subsets[i], ...(t.chance(0.4) ? { port: { number: t.pick([80, 8080, 9080]) } } : {}) }, ...(t.chance(0.5) ? { weight: i === 0 ? 90 : 10 } : {}) })),
    ...(t.chance(0.5) ? { timeout: t.duration() } : {}),
    ...(t.chance(0.5) ? { retries: { attempts: t.int(1, 5), perTryTimeout: t.duration(), retryOn: t.pick(['5xx,connect-failure', 'gateway-error,reset', 'retriable-4xx']), ...(t.chance(0.2) ? { backoff: '25ms' } : {}) } } : {}),
    ...(t.chance(0.1) ? { mirror: { host: t.host(ns) }, mirrorPercentage: { value: 10 } } : {}),
    ...(t.chance(0.1) ? { fault: { delay: { percentage: { value: 0.1 }, fixedDelay: '5s' } } } : {}),
    ...(t.chance(0.15) ? { corsPolicy: { allowOrigins: [{ exact: 'https://example.com' }], allowMethods: ['GET', 'POST'], maxAge: '24h' } } : {}),
    ...(t.chance(0.2) ? { headers: { request: { set: { 'x-forwarded-team': t.pick(TEAMS) } } } } : {})
  })
  return {
    apiVersion: `networking.istio.io/${t.pick(['v1', 'v1', 'v1beta1', 'v1alpha3'])}`,
    kind: 'VirtualService',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      hosts: t.chance(0.3) ? [host, `${t.name()}.example.com`] : [host],
      ...(t.chance(0.3) ? { gateways: [`istio-ingress/${t.name()}`, 'mesh'] } : {}),
      http: t.some(1, 4, route),
      ...(t.chance(0.1) ? { tcp: [{ match: [{ port: 3306 }], route: [{ destination: { host, port: { number: 3306 } } }] }] } : {})
    }
  }
}

function trafficPolicy(t) {
  return {
    ...(t.chance(0.6) ? { connectionPool: { tcp: { maxConnections: t.int(10, 1000), connectTimeout: t.duration(), ...(t.chance(0.3) ? { tcpKeepalive: { time: '7200s', interval: '75s' } } : {}) }, http: { http1MaxPendingRequests: t.int(10, 1024), maxRequestsPerConnection: t.int(1, 100), ...(t.chance(0.2) ? { maxConcurrentStreams: 100 } : {}) } } } : {}),
    ...(t.chance(0.5) ? { outlierDetection: { consecutive5xxErrors: t.int(1, 10), interval: t.duration(), baseEjectionTime: '30s', maxEjectionPercent: t.int(10, 100) } } : {}),
    ...(t.chance(0.5) ? { loadBalancer: t.chance(0.3) ? { consistentHash: { httpCookie: { name: 'session', ttl: '0s', ...(t.chance(0.2) ? { attributes: [{ name: 'SameSite', value: 'Strict' }] } : {}) } } } : { simple: t.pick(['ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM']), ...(t.chance(0.2) ? { warmup: { duration: '60s' } } : {}) } } : {}),
    ...(t.chance(0.3) ? { tls: { mode: t.pick(['ISTIO_MUTUAL', 'SIMPLE', 'DISABLE']) } } : {}),
    ...(t.chance(0.1) ? { retryBudget: { percent: 20, minRetryConcurrency: 3 } } : {})
  }
}

function destinationRule(t, ns) {
  return {
    apiVersion: `networking.istio.io/${t.pick(['v1', 'v1beta1', 'v1alpha3'])}`,
    kind: 'DestinationRule',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      host: t.host(ns),
      trafficPolicy: trafficPolicy(t),
      ...(t.chance(0.6) ? { subsets: t.some(1, 3, (i) => ({ name: `v${i + 1}`, labels: { version: `v${i + 1}` }, ...(t.chance(0.2) ? { trafficPolicy: trafficPolicy(t) } : {}) })) } : {}),
      ...(t.chance(0.2) ? { exportTo: ['.'] } : {})
    }
  }
}

function istioGateway(t, ns) {
  return {
    apiVersion: `networking.istio.io/${t.pick(['v1', 'v1beta1'])}`,
    kind: 'Gateway',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      selector: { istio: t.pick(['ingressgateway', 'egressgateway']) },
      servers: t.some(1, 3, (i) => ({
        port: { number: i === 0 ? 80 : 443, name: i === 0 ? 'http' : `https-${i}`, protocol: i === 0 ? 'HTTP' : 'HTTPS' },
        hosts: [`${t.name()}.example.com`],
        ...(i === 0 ? (t.chance(0.5) ? { tls: { httpsRedirect: true } } : {}) : { tls: { mode: t.pick(['SIMPLE', 'MUTUAL']), credentialName: `${t.name()}-cert`, ...(t.chance(0.1) ? { caCertCredentialName: 'ca-cert' } : {}) } })
      }))
    }
  }
}

function serviceEntry(t, ns) {
  const resolution = t.pick(['DNS', 'DNS', 'STATIC', 'NONE', 'DNS_ROUND_ROBIN'])
  return {
    apiVersion: `networking.istio.io/${t.pick(['v1', 'v1beta1'])}`,
    kind: 'ServiceEntry',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      hosts: [t.chance(0.8) ? `${t.name()}.${t.pick(['googleapis.com', 'stripe.com', 'amazonaws.com'])}` : `*.${t.pick(['example.org', 'corp.internal'])}`],
      location: 'MESH_EXTERNAL',
      ports: t.some(1, 2, (i) => ({ number: i === 0 ? 443 : 80, name: i === 0 ? 'https' : 'http', protocol: i === 0 ? 'TLS' : 'HTTP' })),
      resolution,
      ...(resolution === 'STATIC' ? { endpoints: t.some(1, 3, (i) => ({ address: `10.${t.int(0, 255)}.${t.int(0, 255)}.${i + 1}` })) } : {})
    }
  }
}

function sidecar(t, ns) {
  return {
    apiVersion: `networking.istio.io/${t.pick(['v1', 'v1beta1'])}`,
    kind: 'Sidecar',
    metadata: { name: t.chance(0.5) ? 'default' : t.name(), namespace: ns },
    spec: {
      ...(t.chance(0.5) ? { workloadSelector: { labels: { app: t.name() } } } : {}),
      egress: [{ hosts: ['./*', 'istio-system/*', ...(t.chance(0.5) ? [`${t.pick(TEAMS)}/*`] : [])] }],
      ...(t.chance(0.3) ? { outboundTrafficPolicy: { mode: t.pick(['REGISTRY_ONLY', 'ALLOW_ANY']) } } : {})
    }
  }
}

function envoyFilter(t, ns) {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      workloadSelector: { labels: { app: t.name() } },
      configPatches: [{
        applyTo: 'HTTP_FILTER',
        match: { context: t.pick(['SIDECAR_INBOUND', 'GATEWAY', 'SIDECAR_OUTBOUND']), listener: { filterChain: { filter: { name: 'envoy.filters.network.http_connection_manager', subFilter: { name: 'envoy.filters.http.router' } } } } },
        patch: {
          operation: 'INSERT_BEFORE',
          value: {
            name: 'envoy.filters.http.lua',
            typed_config: {
              '@type': 'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
              inlineCode: block(`function envoy_on_request(handle)\n  handle:headers():add("x-team", "${t.pick(TEAMS)}")\nend\n`)
            }
          }
        }
      }]
    }
  }
}

function workloadEntry(t, ns) {
  return t.chance(0.5)
    ? { apiVersion: 'networking.istio.io/v1', kind: 'WorkloadEntry', metadata: { name: t.name(), namespace: ns }, spec: { address: `10.0.${t.int(0, 255)}.${t.int(1, 254)}`, labels: { app: t.name() }, serviceAccount: t.name() } }
    : { apiVersion: 'networking.istio.io/v1', kind: 'WorkloadGroup', metadata: { name: t.name(), namespace: ns }, spec: { metadata: { labels: { app: t.name() } }, template: { serviceAccount: t.name(), network: 'vm-net' }, probe: { httpGet: { path: '/ready', port: 8080 } } } }
}

function authorizationPolicy(t, ns) {
  return {
    apiVersion: `security.istio.io/${t.pick(['v1', 'v1beta1'])}`,
    kind: 'AuthorizationPolicy',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      ...(t.chance(0.7) ? { selector: { matchLabels: { app: t.name() } } } : {}),
      action: t.pick(['ALLOW', 'ALLOW', 'DENY', 'CUSTOM']),
      ...(t.chance(0.2) ? { provider: { name: 'ext-authz' } } : {}),
      rules: t.some(1, 3, () => ({
        from: [{ source: t.chance(0.7) ? { principals: [`cluster.local/ns/${t.pick(TEAMS)}/sa/${t.name()}`] } : { namespaces: [t.pick(TEAMS)] } }],
        to: [{ operation: { methods: ['GET', 'POST'].slice(0, t.int(1, 2)), paths: [`/${t.pick(WORDS)}/*`] } }],
        ...(t.chance(0.2) ? { when: [{ key: 'request.auth.claims[iss]', values: ['https://accounts.example.com'] }] } : {})
      }))
    }
  }
}

function peerAuthentication(t, ns) {
  return {
    apiVersion: `security.istio.io/${t.pick(['v1', 'v1beta1'])}`,
    kind: 'PeerAuthentication',
    metadata: { name: 'default', namespace: ns },
    spec: { mtls: { mode: t.pick(['STRICT', 'STRICT', 'PERMISSIVE']) }, ...(t.chance(0.2) ? { selector: { matchLabels: { app: t.name() } }, portLevelMtls: { 8080: { mode: 'DISABLE' } } } : {}) }
  }
}

function requestAuthentication(t, ns) {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'RequestAuthentication',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      selector: { matchLabels: { app: t.name() } },
      jwtRules: [{ issuer: 'https://accounts.example.com', jwksUri: 'https://accounts.example.com/.well-known/jwks.json', forwardOriginalToken: true, ...(t.chance(0.2) ? { spaceDelimitedClaims: ['scope'] } : {}) }]
    }
  }
}

function telemetry(t, ns) {
  return {
    apiVersion: `telemetry.istio.io/${t.pick(['v1', 'v1alpha1'])}`,
    kind: 'Telemetry',
    metadata: { name: t.chance(0.5) ? 'mesh-default' : t.name(), namespace: ns },
    spec: {
      ...(t.chance(0.6) ? { tracing: [{ providers: [{ name: t.pick(['otel', 'zipkin', 'lightstep']) }], randomSamplingPercentage: t.pick([1, 10, 100]) }] } : {}),
      ...(t.chance(0.5) ? { accessLogging: [{ providers: [{ name: 'envoy' }], ...(t.chance(0.3) ? { filter: { expression: 'response.code >= 400' } } : {}) }] } : {}),
      ...(t.chance(0.4) ? { metrics: [{ providers: [{ name: 'prometheus' }], overrides: [{ match: { metric: 'REQUEST_COUNT' }, tagOverrides: { request_host: { operation: 'REMOVE' } } }] }] } : {})
    }
  }
}

function wasmPlugin(t, ns) {
  return {
    apiVersion: 'extensions.istio.io/v1alpha1',
    kind: 'WasmPlugin',
    metadata: { name: t.name(), namespace: ns },
    spec: { selector: { matchLabels: { istio: 'ingressgateway' } }, url: `oci://ghcr.io/example/${t.name()}:1.0.0`, phase: 'AUTHN', failStrategy: t.pick(['FAIL_CLOSE', 'FAIL_OPEN']), pluginConfig: { header: 'x-request-id', enabled: true } }
  }
}

function proxyConfig(t, ns) {
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'ProxyConfig',
    metadata: { name: t.name(), namespace: ns },
    spec: { concurrency: t.int(0, 4), environmentVariables: { ISTIO_META_DNS_CAPTURE: 'true', ...(t.chance(0.2) ? { METRIC_ROTATION_INTERVAL: '10m' } : {}) }, image: { imageType: t.pick(['distroless', 'debug', 'default']) } }
  }
}

function gatewayApiGateway(t, ns) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: t.name(), namespace: ns, ...(t.chance(0.3) ? { annotations: { 'networking.istio.io/service-type': 'ClusterIP' } } : {}) },
    spec: {
      gatewayClassName: t.pick(['istio', 'istio-waypoint']),
      listeners: t.some(1, 3, (i) => ({
        name: i === 0 ? 'http' : `https-${i}`,
        port: i === 0 ? 80 : 443,
        protocol: i === 0 ? 'HTTP' : 'HTTPS',
        hostname: `*.${t.pick(TEAMS)}.example.com`,
        ...(i > 0 ? { tls: { mode: 'Terminate', certificateRefs: [{ name: `${t.name()}-cert` }] } } : {}),
        allowedRoutes: { namespaces: { from: t.pick(['Same', 'All', 'Selector']) } }
      }))
    }
  }
}

function httpRoute(t, ns) {
  const inference = t.chance(0.1)
  return {
    apiVersion: `gateway.networking.k8s.io/${t.pick(['v1', 'v1', 'v1beta1'])}`,
    kind: 'HTTPRoute',
    metadata: { name: t.name(), namespace: ns },
    spec: {
      parentRefs: [{ name: t.name(), namespace: 'istio-ingress', ...(t.chance(0.3) ? { sectionName: 'https-1' } : {}) }],
      hostnames: [`${t.name()}.example.com`],
      rules: t.some(1, 4, () => ({
        matches: [{ path: { type: t.pick(['PathPrefix', 'Exact']), value: `/${t.pick(WORDS)}` }, ...(t.chance(0.2) ? { headers: [{ name: 'x-canary', value: 'true' }] } : {}) }],
        ...(t.chance(0.3) ? { filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'x-team', value: t.pick(TEAMS) }] } }] } : {}),
        backendRefs: inference
          ? [{ group: t.pick(['inference.networking.k8s.io', 'inference.networking.x-k8s.io']), kind: 'InferencePool', name: t.name() }]
          : t.some(1, 2, (i) => ({ name: t.name(), port: t.pick([80, 8080]), ...(i > 0 || t.chance(0.2) ? { weight: i === 0 ? 90 : 10 } : {}) })),
        ...(t.chance(0.2) ? { timeouts: { request: '10s' } } : {})
      }))
    }
  }
}

function grpcRoute(t, ns) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: { name: t.name(), namespace: ns },
    spec: { parentRefs: [{ name: t.name() }], rules: [{ matches: [{ method: { service: `${t.pick(WORDS)}.v1.Service`, method: 'Get' } }], backendRefs: [{ name: t.name(), port: 9090 }] }] }
  }
}

function otherRoute(t, ns) {
  const kind = t.pick(['TCPRoute', 'TLSRoute', 'ReferenceGrant', 'BackendTLSPolicy'])
  if (kind === 'ReferenceGrant') return { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind, metadata: { name: t.name(), namespace: ns }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-ingress' }], to: [{ group: '', kind: 'Service' }] } }
  if (kind === 'BackendTLSPolicy') return { apiVersion: `gateway.networking.k8s.io/${t.pick(['v1', 'v1alpha3'])}`, kind, metadata: { name: t.name(), namespace: ns }, spec: { targetRefs: [{ group: '', kind: 'Service', name: t.name() }], validation: { hostname: `${t.name()}.example.com`, caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }] } } }
  return { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind, metadata: { name: t.name(), namespace: ns }, spec: { parentRefs: [{ name: t.name() }], ...(kind === 'TLSRoute' ? { hostnames: ['db.example.com'] } : {}), rules: [{ backendRefs: [{ name: t.name(), port: kind === 'TLSRoute' ? 443 : 5432 }] }] } }
}

function inferencePool(t, ns) {
  if (t.chance(0.3)) {
    return {
      apiVersion: 'inference.networking.x-k8s.io/v1alpha2',
      kind: 'InferencePool',
      metadata: { name: t.name(), namespace: ns },
      spec: { targetPortNumber: 8000, selector: { app: 'vllm-llama3' }, extensionRef: { name: `${t.name()}-epp`, portNumber: 9002 } }
    }
  }
  return {
    apiVersion: 'inference.networking.k8s.io/v1',
    kind: 'InferencePool',
    metadata: { name: t.name(), namespace: ns },
    spec: { targetPorts: t.some(1, 2, (i) => ({ number: 8000 + i })), selector: { matchLabels: { app: 'vllm-llama3' } }, endpointPickerRef: { name: `${t.name()}-epp`, port: { number: 9002 }, failureMode: 'FailClose' } }
  }
}

function inferenceObjective(t, ns) {
  return t.chance(0.5)
    ? { apiVersion: 'inference.networking.x-k8s.io/v1alpha2', kind: 'InferenceObjective', metadata: { name: t.name(), namespace: ns }, spec: { priority: t.int(0, 10), poolRef: { name: t.name() } } }
    : { apiVersion: 'inference.networking.x-k8s.io/v1alpha2', kind: 'InferenceModel', metadata: { name: t.name(), namespace: ns }, spec: { modelName: 'llama3', criticality: 'Critical', poolRef: { name: t.name() } } }
}

function workload(t, ns) {
  const app = t.name()
  const annotations = {
    ...(t.chance(0.5) ? { 'sidecar.istio.io/inject': t.pick(['true', 'false']) } : {}),
    ...(t.chance(0.3) ? { 'proxy.istio.io/config': block(`holdApplicationUntilProxyStarts: true\n${t.chance(0.3) ? 'proxyMetadata:\n  METRIC_ROTATION_INTERVAL: 5m\n' : ''}`) } : {}),
    ...(t.chance(0.3) ? { 'traffic.sidecar.istio.io/excludeOutboundPorts': '5432,6379' } : {}),
    ...(t.chance(0.2) ? { 'sidecar.istio.io/proxyCPU': '100m', 'sidecar.istio.io/proxyMemory': '128Mi' } : {}),
    ...(t.chance(0.05) ? { 'sidecar.istio.io/native-side': 'false' } : {}),
    ...(t.chance(0.1) ? { 'sidecar.istio.io/nativeSidecar': 'true' } : {}),
    ...(t.chance(0.2) ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '15020' } : {})
  }
  const podSpec = {
    ...(t.chance(0.5) ? { serviceAccountName: app } : {}),
    containers: t.some(1, 2, (i) => ({
      name: i === 0 ? app : 'log-shipper',
      image: `ghcr.io/example/${app}:${t.int(1, 9)}.${t.int(0, 20)}.${t.int(0, 9)}`,
      ...(i === 0 ? { ports: [{ containerPort: t.pick([8080, 9080, 3000]), name: 'http' }] } : {}),
      ...(t.chance(0.6) ? { env: t.some(1, 4, () => ({ name: t.pick(['LOG_LEVEL', 'PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'FEATURE_FLAGS']), value: t.pick(['info', '8080', 'http://otel-collector:4317', 'a,b']) })) } : {}),
      resources: { requests: { cpu: t.pick(['50m', '100m', '250m']), memory: t.pick(['64Mi', '128Mi', '512Mi']) }, limits: { memory: t.pick(['256Mi', '1Gi']) } },
      ...(t.chance(0.5) ? { readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 } } : {})
    }))
  }
  const kind = t.pick(['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet'])
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: app, namespace: ns, labels: { app } },
    spec: {
      ...(kind !== 'DaemonSet' ? { replicas: t.int(1, 6) } : {}),
      selector: { matchLabels: { app } },
      template: { metadata: { labels: t.labels(app), ...(Object.keys(annotations).length ? { annotations } : {}) }, spec: podSpec }
    }
  }
}

function service(t, ns) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: t.name(), namespace: ns, labels: { app: t.name() } },
    spec: {
      selector: { app: t.name() },
      ports: t.some(1, 2, (i) => ({ name: i === 0 ? 'http' : 'grpc', port: i === 0 ? 80 : 9090, targetPort: i === 0 ? 8080 : 9090, ...(t.chance(0.3) ? { appProtocol: i === 0 ? 'http' : 'grpc' } : {}) })),
      ...(t.chance(0.1) ? { trafficDistribution: 'PreferClose' } : {})
    }
  }
}

function namespace(t, ns) {
  const mode = t.pick(['sidecar', 'sidecar', 'ambient', 'revision'])
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: mode === 'ambient' ? { 'istio.io/dataplane-mode': 'ambient', ...(t.chance(0.5) ? { 'istio.io/use-waypoint': 'waypoint' } : {}) } : mode === 'revision' ? { 'istio.io/rev': t.pick(['1-26', '1-28', 'stable']) } : { 'istio-injection': 'enabled' } }
  }
}

function meshConfigText(t) {
  const lines = [
    'accessLogFile: /dev/stdout',
    `enableTracing: ${t.chance(0.5)}`,
    'defaultConfig:',
    '  holdApplicationUntilProxyStarts: true',
    '  tracing:',
    '    sampling: 1.0',
    ...(t.chance(0.3) ? ['  proxyMetadata:', '    ISTIO_META_DNS_CAPTURE: "true"', ...(t.chance(0.4) ? ['    METRIC_ROTATION_INTERVAL: 10m'] : [])] : []),
    'extensionProviders:',
    '- name: otel',
    '  opentelemetry:',
    '    service: opentelemetry-collector.observability.svc.cluster.local',
    '    port: 4317',
    ...(t.chance(0.3) ? ['- name: lightstep', '  lightstep:', '    address: ingest.lightstep.com:443', '    accessToken: redacted'] : []),
    'outboundTrafficPolicy:',
    `  mode: ${t.pick(['ALLOW_ANY', 'REGISTRY_ONLY'])}`,
    'trustDomain: cluster.local'
  ]
  return lines.join('\n') + '\n'
}

function meshConfigMap(t) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: t.pick(['istio', 'istio', 'istio-1-28']), namespace: 'istio-system' }, data: { mesh: block(meshConfigText(t)), meshNetworks: 'networks: {}' } }
}

function plainConfigMap(t, ns) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${t.name()}-config`, namespace: ns }, data: { 'config.yaml': block(`server:\n  port: 8080\nfeatures:\n  - ${t.pick(WORDS)}\n`), LOG_LEVEL: 'info' } }
}

function istiodValues(t) {
  return {
    ...(t.chance(0.3) ? { profile: t.pick(['ambient', 'stable', 'demo']) } : {}),
    ...(t.chance(0.2) ? { compatibilityVersion: t.pick(['1.24', '1.25', '1.26']) } : {}),
    global: { hub: 'docker.io/istio', tag: t.pick(['1.26.3', '1.27.1', '1.28.0']), proxy: { resources: { requests: { cpu: '100m', memory: '128Mi' } } } },
    pilot: {
      autoscaleEnabled: true,
      resources: { requests: { cpu: '500m', memory: '2Gi' } },
      env: { PILOT_ENABLE_ALPHA_GATEWAY_API: t.chance(0.5), ...(t.chance(0.2) ? { ENABLE_NATIVE_SIDECARS: 'false' } : {}), ...(t.chance(0.1) ? { ENABLE_INBOUND_RETRY_POLICY: 'false' } : {}) }
    },
    meshConfig: {
      accessLogFile: '/dev/stdout',
      defaultConfig: { holdApplicationUntilProxyStarts: true, ...(t.chance(0.2) ? { proxyMetadata: { METRIC_ROTATION_INTERVAL: '10m' } } : {}) },
      ...(t.chance(0.3) ? { extensionProviders: [{ name: 'lightstep', lightstep: { address: 'ingest.lightstep.com:443', accessToken: 'redacted' } }] } : {})
    }
  }
}

function helmRelease(t) {
  const chart = t.pick(['istiod', 'base', 'gateway', 'cni', 'ztunnel'])
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: chart, namespace: 'istio-system' },
    spec: {
      interval: '10m',
      chart: { spec: { chart, version: t.pick(['1.26.3', '1.28.0', '1.28.1']), sourceRef: { kind: 'HelmRepository', name: 'istio', namespace: 'flux-system' } } },
      values: chart === 'istiod' ? istiodValues(t) : { global: { hub: 'docker.io/istio' } }
    }
  }
}

function argoApplication(t) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'istiod', namespace: 'argocd' },
    spec: {
      project: 'platform',
      source: { repoURL: 'https://istio-release.storage.googleapis.com/charts', chart: 'istiod', targetRevision: t.pick(['1.26.3', '1.28.1']), helm: t.chance(0.5) ? { valuesObject: istiodValues(t) } : { values: block(toYaml(istiodValues(t), t.rand)) } },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'istio-system' },
      syncPolicy: { automated: { prune: true, selfHeal: true } }
    }
  }
}

function istioOperator(t) {
  return {
    apiVersion: 'install.istio.io/v1alpha1',
    kind: 'IstioOperator',
    metadata: { name: 'control-plane', namespace: 'istio-system' },
    spec: {
      tag: t.pick(['1.26.3', '1.28.0']),
      profile: 'default',
      meshConfig: { accessLogFile: '/dev/stdout', enableTracing: true },
      components: { pilot: { k8s: { env: [{ name: 'PILOT_TRACE_SAMPLING', value: '1' }], resources: { requests: { cpu: '500m' } } } }, ingressGateways: [{ name: 'istio-ingressgateway', enabled: true }] },
      values: { global: { proxy: { holdApplicationUntilProxyStarts: true } }, pilot: { env: { ENABLE_NATIVE_SIDECARS: 'false' } } }
    }
  }
}

function misc(t, ns) {
  return t.pick([
    () => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: t.name(), namespace: ns } }),
    () => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: t.name(), namespace: ns }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: t.name() }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } }),
    () => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: t.name(), namespace: ns }, spec: { minAvailable: 1, selector: { matchLabels: { app: t.name() } } } })
  ])()
}

/** Kinds with their share of the documents (percent); the mix of a mid-size GitOps repository running Istio. */
const MIX = [
  [virtualService, 13], [destinationRule, 9], [istioGateway, 3], [serviceEntry, 4], [sidecar, 3], [envoyFilter, 2], [workloadEntry, 1],
  [authorizationPolicy, 7], [peerAuthentication, 3], [requestAuthentication, 2], [telemetry, 2], [wasmPlugin, 1], [proxyConfig, 1],
  [gatewayApiGateway, 2], [httpRoute, 8], [grpcRoute, 2], [otherRoute, 2], [inferencePool, 2], [inferenceObjective, 1],
  [workload, 12], [service, 7], [namespace, 2], [meshConfigMap, 1], [plainConfigMap, 2], [helmRelease, 1], [argoApplication, 0.5],
  [istioOperator, 0.5], [misc, 3]
]
const MIX_TOTAL = MIX.reduce((s, [, w]) => s + w, 0)

function pickGenerator(rand) {
  let r = rand() * MIX_TOTAL
  for (const [gen, w] of MIX) if ((r -= w) < 0) return gen
  return MIX[0][0]
}

/**
 * `documents` YAML documents in files: most files hold one document, some are multi-doc bundles, about 1% are
 * standalone Istio Helm values files. A few files use CRLF, a BOM, or anchors with merge keys.
 */
export function generateCorpus(documents, seed = 20261126) {
  const rand = prng(seed)
  const t = makeTools(rand)
  const files = []
  let made = 0
  let fileNo = 0
  while (made < documents) {
    fileNo++
    const team = t.pick(TEAMS)
    const ns = `${team}${t.chance(0.3) ? `-${t.pick(['prod', 'staging', 'dev'])}` : ''}`
    if (t.chance(0.01)) {
      const values = { ...(t.chance(0.5) ? { _comment: comment('Istio control plane values, rendered by the platform team') } : {}), ...istiodValues(t) }
      files.push({ path: `clusters/${t.pick(['prod', 'staging'])}-${fileNo}/istio/values${t.chance(0.5) ? '-istiod' : ''}.yaml`, text: toYaml(values, rand) })
      made++
      continue
    }
    const docCount = Math.min(documents - made, t.chance(0.6) ? 1 : t.int(2, 10))
    const docs = []
    let firstKind = ''
    for (let i = 0; i < docCount; i++) {
      const doc = pickGenerator(rand)(t, ns)
      firstKind ||= doc.kind
      docs.push(withComments(doc, t))
    }
    const anchored = t.chance(0.03)
    let text = (t.chance(0.2) ? '---\n' : '') + docs.map((d) => (anchored ? withAnchors(d, rand) : toYaml(d, rand))).join('---\n')
    if (t.chance(0.02)) text = text.replace(/\n/g, '\r\n')
    if (t.chance(0.01)) text = '\ufeff' + text
    const dir = docCount > 1 ? `apps/${team}/bundle` : `apps/${team}/${ns}`
    files.push({ path: `${dir}/${firstKind.toLowerCase()}-${fileNo}.yaml`, text })
    made += docCount
  }
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0)
  return { files, documents: made, bytes }
}

function withComments(doc, t) {
  if (!t.chance(0.25)) return doc
  return { _note: comment(t.pick(['managed by the platform team', 'see RUNBOOK.md before changing', 'TODO: tighten after the migration', 'generated once, edited by hand since'])), ...doc }
}

/** Labels behind an anchor, merged into the annotations with `<<`, as some repositories share metadata. */
function withAnchors(doc, rand) {
  const text = toYaml(doc, rand)
  if (!doc.metadata || doc.metadata.labels || doc.metadata.annotations) return text
  return text.replace(/^metadata:\n/m, 'metadata:\n  labels: &common\n    owner: platform\n    tier: backend\n  annotations:\n    <<: *common\n    reviewed-by: platform\n')
}
