#!/usr/bin/env node
// Parse-layer benchmark: parseManifestFile (positions + values + recognition) vs raw js-yaml loadAll over the
// same generated multi-document corpus. Not a test: timings depend on the machine. Usage:
//   node --expose-gc scripts/bench-parse.mjs [manifests=10000] [docsPerFile=10] [rounds=7]
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = '/work/wt-yaml'
const [manifests = 10_000, docsPerFile = 10, rounds = 7] = process.argv.slice(2).map(Number)

// Compile src/ once into a scratch folder that sees the project's node_modules.
const out = mkdtempSync(join(tmpdir(), 'istio-compat-bench-'))
symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'))
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--outDir', out], { stdio: 'inherit' })
const { parseManifestFile } = await import(pathToFileURL(join(out, "src/manifests/parse.js")).href)
const out2 = mkdtempSync(join(tmpdir(), "istio-compat-bench-old-"))
symlinkSync(join(root, "node_modules"), join(out2, "node_modules"))
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "/tmp/yaml-old/tsconfig.json", "--outDir", out2], { stdio: "inherit" })
const old = await import(pathToFileURL(join(out2, "src/manifests/parse.js")).href)
const { loadAll, parseEvents, CORE_SCHEMA, mergeTag } = await import('js-yaml')

const templates = [
  (i) => `# route ${i}
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-${i}
  namespace: shop
  labels: {app: reviews, version: "v${i % 3}"}
spec:
  hosts: [reviews.shop.svc.cluster.local]
  gateways:
    - mesh
  http:
    - name: canary
      match:
        - headers:
            end-user: {exact: jason}
          uri:
            prefix: /api/v${i % 4}
      route:
        - destination: {host: reviews, subset: v2}
          weight: 90
        - destination:
            host: reviews
            subset: v3
          weight: 10
      retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,reset"}
      timeout: 10s
`,
  (i) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews-${i}
  namespace: shop
spec:
  host: reviews
  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: 100}
      http:
        http1MaxPendingRequests: 1024
        maxRequestsPerConnection: 10
    outlierDetection:
      consecutive5xxErrors: 7
      interval: 5m
      baseEjectionTime: 15m
    tls:
      mode: ISTIO_MUTUAL
  subsets:
    - name: v1
      labels: {version: v1}
    - name: v2
      labels: {version: v2}
`,
  (i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: shop
  labels:
    app: app-${i}
    istio.io/rev: canary
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels:
        app: app-${i}
        sidecar.istio.io/inject: "true"
      annotations:
        proxy.istio.io/config: |
          holdApplicationUntilProxyStarts: true
        sidecar.istio.io/proxyCPU: 100m
    spec:
      containers:
        - name: app
          image: "registry.example.com/app:${i}.0.1"
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: MODE
              value: production
          resources:
            requests: {cpu: 100m, memory: 128Mi}
`,
  (i) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web-${i}
  namespace: shop
spec:
  parentRefs:
    - name: public
      namespace: istio-ingress
  hostnames: ["web-${i}.example.com"]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /}
      backendRefs:
        - name: web
          port: 80
          weight: 1
`,
  (i) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |-
    accessLogFile: /dev/stdout
    defaultConfig:
      discoveryAddress: istiod.istio-system.svc:15012
      holdApplicationUntilProxyStarts: true
    enableTracing: ${i % 2 === 0}
    outboundTrafficPolicy:
      mode: REGISTRY_ONLY
  meshNetworks: 'networks: {}'
`,
  (i) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod-${i}
  namespace: istio-system
spec:
  interval: 10m
  chart:
    spec:
      chart: istiod
      version: 1.26.${i % 5}
      sourceRef: {kind: HelmRepository, name: istio}
  values:
    pilot:
      env:
        PILOT_ENABLE_ALPHA_GATEWAY_API: "true"
    meshConfig:
      accessLogFile: /dev/stdout
`,
  (i) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-${i}
  namespace: shop
spec:
  selector:
    matchLabels: &labels
      app: web
  action: ALLOW
  rules:
    - from:
        - source:
            principals: ["cluster.local/ns/shop/sa/web"]
      to:
        - operation:
            methods: ["GET", "POST"]
            paths: ['/api/*']
      when:
        - key: request.headers[x-token]
          values: ["a", "b"]
`,
  (i) => `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: shop
  annotations:
    networking.istio.io/exportTo: "."
spec:
  selector: {app: svc-${i}}
  ports:
    - name: http
      port: 80
      targetPort: 8080
      appProtocol: http
`
]

// A GitOps repository is mostly workloads, services and routing; the mesh ConfigMap and the Istio HelmRelease
// (whose embedded YAML is parsed a second time) are a few documents among many.
const MESH_CONFIGMAP = 4
const HELM_RELEASE = 5
const mix = [0, 1, 2, 3, 6, 7, 2, 7, 0, 3, 6, 2, 7, 0, 1, 2, 7, 3, 0, 2, 7, 6, 0, 2, 7]
const pick = (n) => (n % 50 === 0 ? MESH_CONFIGMAP : n % 50 === 25 ? HELM_RELEASE : mix[n % mix.length])
const files = []
let n = 0
while (n < manifests) {
  const docs = []
  for (let d = 0; d < docsPerFile && n < manifests; d++, n++) docs.push(templates[pick(n)](n))
  files.push({ path: `apps/app-${files.length}/manifests.yaml`, text: docs.join('---\n') })
}
if (process.env.DUMP_CORPUS) (await import("node:fs")).writeFileSync(process.env.DUMP_CORPUS, JSON.stringify(files))
const bytes = files.reduce((s, f) => s + f.text.length, 0)
const mergeSchema = CORE_SCHEMA.withTags(mergeTag)

const encoded = files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }))
const decoder = new TextDecoder('utf-8')
const runners = {
  'js-yaml loadAll': () => { for (const f of files) loadAll(f.text) },
  'TextDecoder + loadAll (bytes)': () => { for (const f of encoded) loadAll(decoder.decode(f.bytes)) },
  'js-yaml loadAll (merge schema)': () => { for (const f of files) loadAll(f.text, { schema: mergeSchema }) },
  'js-yaml parseEvents only': () => { for (const f of files) parseEvents(f.text, {}) },
  'parseManifestFile (string)': () => { for (const f of files) parseManifestFile(f.path, f.text) },
  'parseManifestFile (bytes)': () => { for (const f of encoded) parseManifestFile(f.path, f.bytes) },
  'OLD parseManifestFile (string)': () => { for (const f of files) old.parseManifestFile(f.path, f.text) },
  'OLD parseManifestFile (bytes)': () => { for (const f of encoded) old.parseManifestFile(f.path, f.bytes) }
}

function timeOnce(fn) {
  globalThis.gc?.()
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

const results = {}
for (const fn of Object.values(runners)) fn() // warm up every path before measuring
for (let r = 0; r < rounds; r++) {
  // Interleave so that machine noise hits every runner alike.
  for (const [name, fn] of Object.entries(runners)) (results[name] ??= []).push(timeOnce(fn))
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const base = median(results['js-yaml loadAll'])
console.log(`${manifests} manifests in ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${rounds} rounds (median, min)`)
for (const [name, xs] of Object.entries(results)) {
  console.log(`${name.padEnd(32)} ${median(xs).toFixed(1).padStart(8)} ms  ${Math.min(...xs).toFixed(1).padStart(8)} ms  ×${(median(xs) / base).toFixed(2)}`)
}
rmSync(out, { recursive: true, force: true })
