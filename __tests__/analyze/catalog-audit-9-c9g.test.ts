// Ninth audit round (census of the 1.30/1.31 entries round 8 did not sample, helper c9g;
// docs/audit/catalog-audit-9-c9g.md). Each test fails on the entry as it stood before this audit and asserts the file
// and line of what must, or must not, be reported; each narrowed matcher keeps a trip test on the YAML it must still report.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const at = (found: { file: string; line?: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

const istiodRelease = (values: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
  namespace: istio-system
spec:
  chart:
    spec:
      chart: istiod
  values:
${values}`

const pilotEnv = (name: string, value: string): string => istiodRelease(`    pilot:
      env:
        ${name}: "${value}"
`)
const proxyEnv = (name: string, value: string): string => istiodRelease(`    meshConfig:
      defaultConfig:
        proxyMetadata:
          ${name}: "${value}"
`)

describe('new variables: a value that keeps the behaviour the older release has anyway is not reported', () => {
  const cases: { id: string; make: (n: string, v: string) => string; name: string; quiet: string[]; trips: string[]; target: string }[] = [
    { id: 'istio-1.30-new-env', make: pilotEnv, name: 'PILOT_ENABLE_AGENTGATEWAY', quiet: ['false', '0', ''], trips: ['true'], target: '1.29' },
    { id: 'istio-1.30-new-env', make: pilotEnv, name: 'PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT', quiet: ['15s'], trips: ['30s', '0s'], target: '1.29' },
    { id: 'istio-1.30-new-env', make: pilotEnv, name: 'PILOT_MULTICLUSTER_KUBECONFIG_PATH', quiet: [''], trips: ['/etc/remote'], target: '1.29' },
    { id: 'istio-1.30-new-env', make: proxyEnv, name: 'DNS_FORWARD_TIMEOUT', quiet: ['5s'], trips: ['10s'], target: '1.29' },
    { id: 'istio-1.30.2-agent-merge-envoy-stats', make: proxyEnv, name: 'PILOT_AGENT_MERGE_ENVOY_STATS', quiet: ['true', ''], trips: ['false', '0'], target: '1.30.1' },
    { id: 'istio-1.31-new-env', make: proxyEnv, name: 'ISTIO_META_ENABLE_SELF_DISCOVERY', quiet: ['false'], trips: ['true'], target: '1.30' },
    { id: 'istio-1.31-new-env', make: proxyEnv, name: 'ENVOY_SECURE_METRICS_PORT', quiet: [''], trips: ['15091'], target: '1.30' },
    { id: 'istio-1.31-new-env', make: pilotEnv, name: 'PILOT_ENABLE_REMOTE_CREDENTIALS_CONTROLLER', quiet: ['true'], trips: ['false'], target: '1.30' },
    { id: 'istio-1.31-new-env', make: pilotEnv, name: 'PILOT_ENABLE_STRICT_GATEWAY_MERGING', quiet: ['false', 'False'], trips: ['true'], target: '1.30' },
    { id: 'istio-1.31-new-env', make: pilotEnv, name: 'PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS', quiet: ['false', '0'], trips: ['true'], target: '1.30' }
  ]
  for (const c of cases) {
    for (const v of c.quiet) {
      it(`${c.id}: ${c.name}="${v}" is quiet on ${c.target}`, () => {
        expect(of(run('istiod.yaml', c.make(c.name, v), c.target), c.id)).toEqual([])
      })
    }
    for (const v of c.trips) {
      it(`${c.id}: ${c.name}="${v}" is still a notice on ${c.target}`, () => {
        const text = c.make(c.name, v)
        const found = of(run('istiod.yaml', text, c.target), c.id)
        expect(at(found)).toEqual([['istiod.yaml', lineOf(text, c.name), 'notice']])
        expect(found[0].message).toContain(c.name)
      })
    }
  }
  it('istio-1.30.2-agent-merge-envoy-stats says what an older agent does with false, and is quiet from 1.30.2', () => {
    const text = proxyEnv('PILOT_AGENT_MERGE_ENVOY_STATS', 'false')
    const found = of(run('istiod.yaml', text, '1.30.1'), 'istio-1.30.2-agent-merge-envoy-stats')
    expect(found[0].message).toContain('still merges')
    expect(of(run('istiod.yaml', text, '1.30.2'), 'istio-1.30.2-agent-merge-envoy-stats')).toEqual([])
  })
})

describe('istio-1.31-allow-any-dynamic-dns-implemented: on 1.30 the unimplemented mode drops traffic to unknown hosts', () => {
  const text = istiodRelease(`    meshConfig:
      outboundTrafficPolicy:
        mode: ALLOW_ANY_DYNAMIC_DNS
`)
  const id = 'istio-1.31-allow-any-dynamic-dns-implemented'
  it('is an error on 1.30 that names the REGISTRY_ONLY behaviour, and quiet on 1.31', () => {
    for (const target of ['1.30.0', '1.30']) {
      const found = of(run('istiod.yaml', text, target), id)
      expect(at(found)).toEqual([['istiod.yaml', lineOf(text, 'ALLOW_ANY_DYNAMIC_DNS'), 'error']])
      expect(found[0].message).toContain('REGISTRY_ONLY')
    }
    expect(of(run('istiod.yaml', text, '1.31'), id)).toEqual([])
  })
})

describe('istio-1.30.5-serviceentry-empty-workload-selector: the entry loses its endpoints, an error', () => {
  const se = (selector: string): string => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: vm
  namespace: shop
spec:
  hosts:
  - vm.shop.internal
  ports:
  - number: 80
    name: http
    protocol: HTTP
  resolution: STATIC
${selector}`
  const id = 'istio-1.30.5-serviceentry-empty-workload-selector'
  it('is an error for 1.30.4 -> 1.30.5 and 1.31.0 -> 1.31.1 on an empty selector, quiet with labels', () => {
    const empty = se('  workloadSelector: {}\n')
    for (const [target, from] of [['1.30.5', '1.30.4'], ['1.31.1', '1.31.0']]) {
      const found = of(run('se.yaml', empty, target, from), id)
      expect(at(found)).toEqual([['se.yaml', lineOf(empty, 'workloadSelector'), 'error']])
      expect(found[0].message).toContain('but none again')
    }
    const labelled = se('  workloadSelector:\n    labels:\n      app: vm\n')
    expect(of(run('se.yaml', labelled, '1.30.5', '1.30.4'), id)).toEqual([])
  })
})

describe('istio-1.31-gcp-hosting-deprecated: a hub or chart repository without any 1.31 artifact fails the 1.31 install', () => {
  const id = 'istio-1.31-gcp-hosting-deprecated'
  it('is an error for the istiod hub gcr.io/istio-release on 1.31, quiet for docker.io/istio and before 1.31', () => {
    const text = istiodRelease(`    global:
      hub: gcr.io/istio-release
`)
    const found = of(run('istiod.yaml', text, '1.31'), id)
    expect(at(found)).toEqual([['istiod.yaml', lineOf(text, 'hub:'), 'error']])
    expect(found[0].message).toContain('cannot pull')
    expect(of(run('istiod.yaml', text.replace('gcr.io/istio-release', 'docker.io/istio'), '1.31'), id)).toEqual([])
    expect(of(run('istiod.yaml', text, '1.30'), id)).toEqual([])
  })
  it('is an error for a Flux HelmRepository on istio-release.storage.googleapis.com on 1.31', () => {
    const text = `apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata:
  name: istio
  namespace: flux-system
spec:
  interval: 1h
  url: https://istio-release.storage.googleapis.com/charts
`
    const found = of(run('repo.yaml', text, '1.31'), id)
    expect(at(found)).toEqual([['repo.yaml', lineOf(text, 'url:'), 'error']])
    expect(found[0].message).toContain('cannot be fetched')
  })
})

describe('istio-1.31-allow-insecure-fallback: 1.28 to 1.30 validate strictly, so clients without a certificate are refused', () => {
  const id = 'istio-1.31-allow-insecure-fallback'
  const gw = (validation: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: ingress
spec:
  gatewayClassName: istio
  tls:
    frontend:
      default:
        validation:
${validation}  listeners:
  - name: https
    port: 443
    protocol: HTTPS
`
  const withCa = gw(`          mode: AllowInsecureFallback
          caCertificateRefs:
          - name: client-ca
            kind: ConfigMap
            group: ""
`)
  it('is an error on 1.28 to 1.30 with caCertificateRefs, quiet on 1.31 and before 1.28 (the field is not read there)', () => {
    for (const target of ['1.28', '1.29', '1.30']) {
      const found = of(run('gw.yaml', withCa, target), id)
      expect(at(found)).toEqual([['gw.yaml', lineOf(withCa, 'mode: AllowInsecureFallback'), 'error']])
      expect(found[0].message).toContain('refused')
    }
    expect(of(run('gw.yaml', withCa, '1.31'), id)).toEqual([])
    expect(of(run('gw.yaml', withCa, '1.27'), id)).toEqual([])
  })
  it('is quiet without caCertificateRefs (nothing is validated on any release)', () => {
    const noCa = gw('          mode: AllowInsecureFallback\n')
    expect(of(run('gw.yaml', noCa, '1.30'), id)).toEqual([])
  })
})

describe('istio-1.30.4-backend-tls-policy-fails-closed: a policy Istio is told to ignore is not reported', () => {
  const id = 'istio-1.30.4-backend-tls-policy-fails-closed'
  const policy = (annotations: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: b
  namespace: app
${annotations}spec:
  targetRefs:
  - group: ""
    kind: Service
    name: svc
  validation:
    hostname: svc.example.com
    caCertificateRefs:
    - group: ""
      kind: ConfigMap
      name: ca
`
  it('is quiet with istio.io/ignore-policy-attachment: "true", a notice without it', () => {
    const ignored = policy('  annotations:\n    istio.io/ignore-policy-attachment: "true"\n')
    expect(of(run('btp.yaml', ignored, '1.31.1', '1.31.0'), id)).toEqual([])
    const plain = policy('')
    expect(at(of(run('btp.yaml', plain, '1.31.1', '1.31.0'), id))).toEqual([['btp.yaml', lineOf(plain, 'caCertificateRefs'), 'notice']])
  })
})

describe('istio-1.30-debug-endpoint-allowed-namespaces-env: an empty list adds no namespace and is not reported', () => {
  const id = 'istio-1.30-debug-endpoint-allowed-namespaces-env'
  it('is quiet on "" and reported on a namespace, on 1.29.0 (a warning there since round 35: debug auth is already on)', () => {
    expect(of(run('istiod.yaml', pilotEnv('DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES', ''), '1.29.0'), id)).toEqual([])
    const text = pilotEnv('DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES', 'kiali')
    expect(at(of(run('istiod.yaml', text, '1.29.0'), id))).toEqual([['istiod.yaml', lineOf(text, 'DEBUG_ENDPOINT'), 'warning']])
  })
})

describe('istio-1.31-gcp-hosting-deprecated: an Argo CD Application pins its chart revision, so it stays a warning', () => {
  it('warns (not errs) on an Application whose targetRevision is an older chart still hosted there', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: istio-cni
  namespace: argocd
spec:
  project: default
  destination:
    namespace: kube-system
  sources:
  - repoURL: https://istio-release.storage.googleapis.com/charts
    targetRevision: 1.18.5
    chart: cni
`
    const found = of(run('app.yaml', text, '1.31'), 'istio-1.31-gcp-hosting-deprecated')
    expect(at(found)).toEqual([['app.yaml', lineOf(text, 'repoURL'), 'warning']])
  })
})
