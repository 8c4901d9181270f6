// Audit 16 (r16f, census of its share of 1.29/1.30 entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16f.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(changed: readonly File[], target: string, from: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(changed, target, from)
  return result.findings.filter((f) => pattern.test(f.message))
}

describe('istio-1.29-bypass-inbound-capture-hbone: only ambient pods lose inbound HBONE', () => {
  const BYPASS = /bypass-inbound-capture/
  const deployment = (labels: string): File => ({
    path: 'apps/deploy.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n${labels}      annotations:\n        ambient.istio.io/bypass-inbound-capture: "true"\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`,
  })
  it('is an error on a pod labelled istio.io/dataplane-mode: ambient', async () => {
    const d = deployment('        istio.io/dataplane-mode: ambient\n')
    expect(at(await findings([d], '1.28', '1.27', BYPASS))).toEqual([`${d.path}:${lineOf(d.text, 'bypass-inbound-capture')} error`])
  })
  it('is only a conditional warning on a pod whose ambient enrolment is not in the file (outside ambient the annotation does nothing)', async () => {
    const d = deployment('')
    const fs = await findings([d], '1.28', '1.27', BYPASS)
    expect(at(fs)).toEqual([`${d.path}:${lineOf(d.text, 'bypass-inbound-capture')} warning`])
    expect(fs[0]?.message).toMatch(/if this pod is in ambient mode/)
  })
  it('says nothing from 1.29', async () => {
    const d = deployment('        istio.io/dataplane-mode: ambient\n')
    expect(at(await findings([d], '1.29', '1.28', BYPASS))).toEqual([])
  })
})

describe('istio-1.30-exclude-interfaces-validation: a namespace the injector never serves', () => {
  const EXCL = /excludeInterfaces only accepts/
  const deployment: File = {
    path: 'apps/deploy.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n      annotations:\n        traffic.sidecar.istio.io/excludeInterfaces: "eth0,averyveryverylongname0"\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`,
  }
  const namespace = (name: string, injection: string): File => ({
    path: `namespaces/${name}.yaml`,
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    istio-injection: ${injection}\n`,
  })
  it('errs on an invalid name in a pod the injector serves', async () => {
    expect(at(await findings([deployment], '1.30', '1.29', EXCL))).toEqual([`${deployment.path}:${lineOf(deployment.text, 'excludeInterfaces')} error`])
  })
  it('says nothing when the pod\'s own namespace is labelled istio-injection: disabled (the webhook never sees the pod)', async () => {
    expect(at(await findings([deployment, namespace('apps', 'disabled')], '1.30', '1.29', EXCL))).toEqual([])
  })
  it('still errs when another namespace is disabled, or its own is enabled', async () => {
    expect(at(await findings([deployment, namespace('other', 'disabled')], '1.30', '1.29', EXCL))).toEqual([`${deployment.path}:${lineOf(deployment.text, 'excludeInterfaces')} error`])
    expect(at(await findings([deployment, namespace('apps', 'enabled')], '1.30', '1.29', EXCL))).toEqual([`${deployment.path}:${lineOf(deployment.text, 'excludeInterfaces')} error`])
  })
})

describe('istio-1.29-tls-cipher-suites-option: only Istio\'s own Gateways', () => {
  const CIPHER = /tls-cipher-suites is only read/
  const gateway = (cls: string): File => ({
    path: 'gw/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: apps\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      certificateRefs:\n      - name: cert\n      options:\n        gateway.istio.io/tls-cipher-suites: ECDHE-RSA-AES128-GCM-SHA256\n`,
  })
  it('warns on an istio-class Gateway before 1.29', async () => {
    const g = gateway('istio')
    expect(at(await findings([g], '1.28', '1.27', CIPHER))).toEqual([`${g.path}:${lineOf(g.text, 'tls-cipher-suites')} warning`])
  })
  it('says nothing on a Gateway of another controller (Istio never programs it, before or after 1.29)', async () => {
    expect(at(await findings([gateway('envoy-gateway')], '1.28', '1.27', CIPHER))).toEqual([])
  })
})

describe('istio-1.30-new-annotations: istio.io/connect-strategy only where DNS resolves several addresses', () => {
  const CONNECT = /istio\.io\/connect-strategy annotation/
  const se = (resolution: string): File => ({
    path: 'mesh/se.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: apps\n  labels:\n    istio.io/use-waypoint: egress\n  annotations:\n    istio.io/connect-strategy: RACE_FIRST_TCP_CONNECT\nspec:\n  hosts: [ext.example.com]\n  ports:\n  - {number: 443, name: tls, protocol: TLS}\n  resolution: ${resolution}\n`,
  })
  it('warns on a DNS ServiceEntry before 1.30', async () => {
    const f = se('DNS')
    expect(at(await findings([f], '1.29', '1.28', CONNECT))).toEqual([`${f.path}:${lineOf(f.text, 'connect-strategy')} warning`])
  })
  it('says nothing on a STATIC or NONE ServiceEntry (no DNS answers to race, on any release)', async () => {
    expect(at(await findings([se('STATIC')], '1.29', '1.28', CONNECT))).toEqual([])
    expect(at(await findings([se('NONE')], '1.29', '1.28', CONNECT))).toEqual([])
  })
})

describe('istio-1.30-tls-listeners-without-alpha-flag: only where the listener really was refused before', () => {
  const TLS = /protocol TLS work without PILOT_ENABLE_ALPHA_GATEWAY_API/
  const gateway = (cls: string): File => ({
    path: 'gw/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: apps\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: tls\n    port: 443\n    protocol: TLS\n    tls:\n      mode: Passthrough\n`,
  })
  const istiod: File = {
    path: 'istio/values.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_ALPHA_GATEWAY_API: "true"\n`,
  }
  it('notes an istio-class TLS listener', async () => {
    const g = gateway('istio')
    expect(at(await findings([g], '1.30', '1.29', TLS))).toEqual([`${g.path}:${lineOf(g.text, 'protocol: TLS')} notice`])
  })
  it('says nothing on another controller\'s Gateway, or where istiod already has PILOT_ENABLE_ALPHA_GATEWAY_API=true', async () => {
    expect(at(await findings([gateway('envoy-gateway')], '1.30', '1.29', TLS))).toEqual([])
    expect(at(await findings([gateway('istio'), istiod], '1.30', '1.29', TLS))).toEqual([])
  })
})

describe('istio-1.30-untaint-controller-env: the variable already set by hand elsewhere', () => {
  const UNTAINT = /starts removing the CNI readiness taint/
  const values: File = {
    path: 'istio/iop.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      taint:\n        enabled: true\n`,
  }
  const patch: File = {
    path: 'istio/istiod-env.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: env\n  namespace: istio-system\nspec:\n  components:\n    pilot:\n      k8s:\n        env:\n        - name: PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS\n          value: "true"\n`,
  }
  it('notes taint.enabled without the variable', async () => {
    expect(at(await findings([values], '1.30', '1.29', UNTAINT))).toEqual([`${values.path}:${lineOf(values.text, 'enabled: true')} notice`])
  })
  it('does not claim the controller newly starts when another file already sets the variable', async () => {
    expect(at(await findings([values, patch], '1.30', '1.29', UNTAINT))).toEqual([])
  })
})

describe('Gateway API entries stay quiet where istiod has Gateway API support switched off (PILOT_ENABLE_GATEWAY_API=false)', () => {
  const off: File = {
    path: 'istio/iop.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_GATEWAY_API: "false"\n`,
  }
  const crd: File = {
    path: 'crds/tlsroutes.yaml',
    text: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: tlsroutes.gateway.networking.k8s.io\n  annotations:\n    gateway.networking.k8s.io/bundle-version: v1.4.1\nspec:\n  group: gateway.networking.k8s.io\n  names: {kind: TLSRoute, plural: tlsroutes}\n  scope: Namespaced\n  versions: []\n`,
  }
  const route: File = {
    path: 'routes/tls.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: TLSRoute\nmetadata:\n  name: r\n  namespace: apps\nspec:\n  hostnames: [a.example.com]\n  parentRefs: [{name: gw}]\n  rules:\n  - backendRefs: [{name: a, port: 443}]\n`,
  }
  const BUNDLE = /unless the TLSRoute CRD comes from Gateway API 1\.5/
  const V1 = /reads TLSRoute at gateway\.networking\.k8s\.io\/v1 only from 1\.30/
  it('istio-1.30-gateway-api-bundle-1.5: reported on a 1.4 TLSRoute CRD, none when istiod does not read Gateway API', async () => {
    expect(at(await findings([crd], '1.30', '1.29', BUNDLE))).toEqual([`${crd.path}:${lineOf(crd.text, 'bundle-version')} notice`]) // a notice since round 38: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    expect(at(await findings([crd, off], '1.30', '1.29', BUNDLE))).toEqual([])
  })
  it('istio-1.30-tlsroute-v1: error on a v1 TLSRoute before 1.30, none when istiod does not read Gateway API', async () => {
    expect(at(await findings([route], '1.29', '1.28', V1))).toEqual([`${route.path}:1 error`])
    expect(at(await findings([route, off], '1.29', '1.28', V1))).toEqual([])
  })
})

describe('istio-1.30-agentgateway: quiet where istiod reads no Gateway API', () => {
  const AGW = /istio-agentgateway GatewayClass/
  const gw: File = {
    path: 'gw/agw.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: agw\n  namespace: apps\nspec:\n  gatewayClassName: istio-agentgateway\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n`,
  }
  const off: File = {
    path: 'istio/iop.yaml',
    text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_GATEWAY_API: "false"\n`,
  }
  it('errs before 1.30, and says nothing with PILOT_ENABLE_GATEWAY_API=false', async () => {
    expect(at(await findings([gw], '1.29', '1.28', AGW))).toEqual([`${gw.path}:${lineOf(gw.text, 'gatewayClassName')} error`])
    expect(at(await findings([gw, off], '1.29', '1.28', AGW))).toEqual([])
  })
})
