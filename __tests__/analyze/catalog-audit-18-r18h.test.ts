// Audit 18 (r18h, census of 30 entries of 1.30–1.31): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-18-r18h.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

/** Findings on `changed` whose message matches `re`; `others` are already in the repository (the base). */
async function findings(changed: File, others: readonly File[], target: string, from: string, re: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added([changed]), head: snapshotOf([changed, ...others]), ...(others.length ? { base: snapshotOf(others) } : {}) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === changed.path && re.test(f.message))
}

// ---- 1. the sidecar injector's skip set on pod-annotation entries -------------------------------------------------
const FLUSH = /statsFlushInterval values of a minute or more/
const EVICT = /statsEvictionInterval loses its sub-second part/
const SCRAPE = /prometheus\.istio\.io\/scrape-targets annotation is only read from Istio 1\.31/

const workload = (namespace: string, extraSpec = ''): File => ({
  path: 'apps/deploy.yaml',
  text:
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      annotations:\n` +
    '        sidecar.istio.io/statsFlushInterval: "250ms"\n        sidecar.istio.io/statsEvictionInterval: "500ms"\n        prometheus.istio.io/scrape-targets: "8080:/metrics"\n' +
    `    spec:\n${extraSpec}      containers:\n      - name: app\n        image: app\n`,
})
const ambientNs: File = { path: 'apps/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
const disabledNs: File = { path: 'apps/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio-injection: disabled\n' }
const injectedNs: File = { path: 'apps/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio-injection: enabled\n' }

describe('stats-flush / stats-eviction / scrape-targets: quiet on pods the sidecar injector never touches', () => {
  const plain = workload('apps')
  it('reports an injected pod (positive, still there)', async () => {
    expect(at(await findings(plain, [injectedNs], '1.30.4', '1.29', FLUSH))).toEqual([`${plain.path}:${lineOf(plain.text, 'statsFlushInterval')} error`])
    expect(at(await findings(plain, [injectedNs], '1.30.4', '1.29', EVICT))).toEqual([`${plain.path}:${lineOf(plain.text, 'statsEvictionInterval')} warning`])
    expect(at(await findings(plain, [injectedNs], '1.30', '1.29', SCRAPE))).toEqual([`${plain.path}:${lineOf(plain.text, 'scrape-targets')} warning`])
  })
  it('says nothing on a hostNetwork pod', async () => {
    const host = workload('apps', '      hostNetwork: true\n')
    for (const re of [FLUSH, EVICT]) expect(at(await findings(host, [], '1.30.4', '1.29', re))).toEqual([])
    expect(at(await findings(host, [], '1.30', '1.29', SCRAPE))).toEqual([])
  })
  it('says nothing in kube-system', async () => {
    const sys = workload('kube-system')
    for (const re of [FLUSH, EVICT]) expect(at(await findings(sys, [], '1.30.4', '1.29', re))).toEqual([])
    expect(at(await findings(sys, [], '1.30', '1.29', SCRAPE))).toEqual([])
  })
  it('says nothing when the repository labels the namespace ambient (no injection label) or injection-disabled', async () => {
    for (const ns of [ambientNs, disabledNs]) {
      for (const re of [FLUSH, EVICT]) expect(at(await findings(plain, [ns], '1.30.4', '1.29', re))).toEqual([])
      expect(at(await findings(plain, [ns], '1.30', '1.29', SCRAPE))).toEqual([])
    }
  })
})

// ---- 2. PILOT_ENABLE_GATEWAY_API=false: istiod reads no Gateway API object --------------------------------------
const gwapiOff: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_GATEWAY_API: "false"\n' }

const cases: { name: string; file: File; needle: string; re: RegExp; target: string; from: string; severity: string }[] = [
  {
    name: 'istio-1.31-gateway-api-bundle-1.6',
    file: {
      path: 'crds/tcproutes.yaml',
      text: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: tcproutes.gateway.networking.k8s.io\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.5.0\nspec:\n  group: gateway.networking.k8s.io\n  names: {kind: TCPRoute, plural: tcproutes}\n  scope: Namespaced\n  versions: []\n',
    },
    // a notice since round 38: no file here turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    needle: 'bundle-version', re: /does not process any TCPRoute while the tcproutes CRD comes from a Gateway API bundle older than 1\.6/, target: '1.31', from: '1.30', severity: 'notice',
  },
  {
    name: 'istio-1.30-referencegrant-to-same-kind',
    file: {
      path: 'b/grant.yaml',
      text: 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: rg\n  namespace: b\nspec:\n  from:\n  - group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    namespace: a\n  to:\n  - group: ""\n    kind: Service\n    name: s1\n  - kind: Service\n    group: ""\n    name: s2\n',
    },
    needle: '- kind: Service', re: /only the last spec\.to entry of each kind/, target: '1.29', from: '1.28', severity: 'error',
  },
  {
    name: 'istio-1.31-allow-insecure-fallback',
    file: {
      path: 'gw/gateway.yaml',
      text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: gw\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      certificateRefs: [{name: c}]\n  tls:\n    frontend:\n      default:\n        validation:\n          mode: AllowInsecureFallback\n          caCertificateRefs: [{kind: ConfigMap, group: "", name: ca}]\n',
    },
    needle: 'mode: AllowInsecureFallback', re: /AllowInsecureFallback only from 1\.31/, target: '1.30', from: '1.29', severity: 'error',
  },
  {
    name: 'istio-1.30-httproute-without-backends-404',
    file: {
      path: 'x/route.yaml',
      text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: x\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - matches:\n    - path: {type: PathPrefix, value: /}\n',
    },
    needle: '- matches', re: /Istio 1\.30 answers HTTPRoute rules without backendRefs with 404/, target: '1.30', from: '1.29', severity: 'notice',
  },
  {
    name: 'istio-1.31-httproute-without-backends-500',
    file: {
      path: 'x/route.yaml',
      text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: x\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - matches:\n    - path: {type: PathPrefix, value: /}\n',
    },
    needle: '- matches', re: /Istio 1\.31 answers HTTPRoute rules without backendRefs with 500 again/, target: '1.31', from: '1.30', severity: 'notice',
  },
  {
    name: 'istio-1.30.4-backend-tls-policy-fails-closed',
    file: {
      path: 'x/btls.yaml',
      text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata:\n  name: b\n  namespace: x\nspec:\n  targetRefs: [{group: "", kind: Service, name: s}]\n  validation:\n    hostname: s.example.com\n    caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]\n',
    },
    needle: 'caCertificateRefs', re: /sidecars refuse traffic under a BackendTLSPolicy/, target: '1.31.1', from: '1.30.3', severity: 'notice',
  },
]

describe('Gateway API entries: quiet when istiod has PILOT_ENABLE_GATEWAY_API=false in another file', () => {
  for (const c of cases) {
    it(`${c.name}: reported without the switch`, async () => {
      expect(at(await findings(c.file, [], c.target, c.from, c.re))).toEqual([`${c.file.path}:${lineOf(c.file.text, c.needle)} ${c.severity}`])
    })
    it(`${c.name}: nothing with the switch off in the istiod values`, async () => {
      expect(at(await findings(c.file, [gwapiOff], c.target, c.from, c.re))).toEqual([])
    })
  }
})

// ---- 3. istio-1.31-waypoint-canary: the label value none names no canary (ambient getUseWaypointCanary) ---------------
const CANARY = /Weighted waypoint canaries/
const service = (canary: string): File => ({
  path: 'x/svc.yaml',
  text:
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: x\n  labels:\n    istio.io/use-waypoint: wp\n' +
    `    istio.io/use-waypoint-canary: ${canary}\n  annotations:\n    istio.io/use-waypoint-canary-weight: "20"\nspec:\n  ports:\n  - port: 80\n`,
})

describe('istio-1.31-waypoint-canary: quiet when the canary label is none', () => {
  it('reports a named canary with a weight', async () => {
    const f = service('wp-v2')
    expect(at(await findings(f, [], '1.30', '1.29', CANARY))).toEqual([`${f.path}:${lineOf(f.text, 'use-waypoint-canary:')} warning`])
  })
  it('says nothing for use-waypoint-canary: none (no canary on 1.31 either)', async () => {
    expect(at(await findings(service('none'), [], '1.30', '1.29', CANARY))).toEqual([])
  })
})

// ---- 4. istio-1.31-strict-gateway-merging: no managed Gateway API gateway when istiod reads no Gateway API
const MERGE = /from Istio 1\.31 an Istio Gateway/
const legacy: File = {
  path: 'apps/legacy-gateway.yaml',
  text:
    'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: legacy\n  namespace: apps\nspec:\n  selector:\n    gateway.networking.k8s.io/gateway-name: public\n' +
    '  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n',
}
const managed: File = {
  path: 'ingress/gateway.yaml',
  text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: public\n  namespace: ingress\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n',
}

describe('istio-1.31-strict-gateway-merging: quiet when istiod reads no Gateway API', () => {
  it('reports the cross-namespace selector (positive)', async () => {
    expect(at(await findings(legacy, [managed], '1.31', '1.30', MERGE))).toEqual([`${legacy.path}:${lineOf(legacy.text, 'gateway-name: public')} error`])
  })
  it('says nothing with PILOT_ENABLE_GATEWAY_API=false', async () => {
    expect(at(await findings(legacy, [managed, gwapiOff], '1.31', '1.30', MERGE))).toEqual([])
  })
})

// ---- 5. istio-1.31-agentgateway-waypoint: with Gateway API off no class works on 1.31 either ------------------------
describe('istio-1.31-agentgateway-waypoint: quiet when istiod has PILOT_ENABLE_GATEWAY_API=false', () => {
  const wp: File = {
    path: 'x/waypoint.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: x\nspec:\n  gatewayClassName: istio-agentgateway-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n',
  }
  const AGW = /istio-agentgateway-waypoint GatewayClass only exists from Istio 1\.31/
  it('reports the class on 1.30 (positive)', async () => {
    expect(at(await findings(wp, [], '1.30', '1.29', AGW))).toEqual([`${wp.path}:${lineOf(wp.text, 'gatewayClassName')} error`])
  })
  it('says nothing with the switch off in the istiod values', async () => {
    expect(at(await findings(wp, [gwapiOff], '1.30', '1.29', AGW))).toEqual([])
  })
})
