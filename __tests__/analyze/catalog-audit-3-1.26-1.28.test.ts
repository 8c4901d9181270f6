// Third audit of the 1.26–1.28 catalog entries (docs/audit/catalog-audit-3-1.26-1.28.md): all 31 entries no earlier
// audit had named were correct, so nothing here fails on an old entry. These tests pin the boundaries the audit
// verified for the 13 error entries — the costliest false positives — so a later edit that moves one shows up:
// each manifest trips its entry on the release before the change (file and line asserted) and is quiet on the
// release where the change landed.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

interface Case {
  id: string
  yaml: string
  needle: string
  trips: string
  /** a release where the entry must stay quiet; null for a no-effect entry, which no release reads */
  quiet: string | null
  /** the severity when not error (census 7 lowered the Gateway API 1.3 CRD one: its BackendTLSPolicy objects are ignored, which is a warning) */
  severity?: string
}

const cases: Case[] = [
  {
    id: 'istio-1.26-backend-tls-policy-alpha',
    // The BackendTLSPolicy half (audit 7 made the XBackendTrafficPolicy half a warning: an ignored retry budget breaks nothing).
    yaml: `apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata:
  name: api-tls
spec:
  targetRefs:
  - {group: "", kind: Service, name: api}
  validation:
    hostname: api.example.com
    wellKnownCACertificates: System
`,
    needle: 'apiVersion:',
    trips: '1.25',
    quiet: '1.26',
    // Round 40 (r40c, docs/audit/catalog-audit-40-r40c.md): with no file turning PILOT_ENABLE_ALPHA_GATEWAY_API on, a notice.
    severity: 'notice'
  },
  {
    id: 'istio-1.26-envoyfilter-vhost-domain-name',
    yaml: `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: vhost-headers
spec:
  configPatches:
  - applyTo: VIRTUAL_HOST
    match:
      routeConfiguration:
        vhost:
          domainName: api.example.com
    patch:
      operation: MERGE
      value: {}
`,
    needle: 'applyTo: VIRTUAL_HOST', // audit 14 (r14d): at 1.25 the finding sits on the patch (only VIRTUAL_HOST/HTTP_ROUTE patches read vhost),
    trips: '1.25',
    quiet: '1.26'
  },
  {
    id: 'istio-1.27-inference-extension-flag-typo',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: SUPPORT_GATEWAY_API_INFERENCE_EXTENSION
          value: "true"
`,
    needle: 'SUPPORT_GATEWAY_API_INFERENCE_EXTENSION',
    trips: '1.27',
    quiet: null
  },
  {
    id: 'istio-1.27-xlistenerset',
    yaml: `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XListenerSet
metadata:
  name: extra
spec:
  parentRef: {name: gw}
  listeners: []
`,
    needle: 'apiVersion:',
    trips: '1.26',
    quiet: '1.27',
    // a notice since round 40: no file turns PILOT_ENABLE_ALPHA_GATEWAY_API on
    severity: 'notice'
  },
  {
    id: 'istio-1.27-gateway-multiple-certificates',
    yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
spec:
  gatewayClassName: istio
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    tls:
      certificateRefs:
      - name: rsa
      - name: ecdsa
`,
    needle: 'name: ecdsa',
    trips: '1.26',
    quiet: '1.27'
  },
  {
    id: 'istio-1.27-wasm-fail-reload',
    yaml: `apiVersion: extensions.istio.io/v1alpha1
kind: WasmPlugin
metadata:
  name: authz
spec:
  url: oci://registry.example.com/authz:1
  failStrategy: FAIL_RELOAD
`,
    needle: 'failStrategy:',
    trips: '1.26',
    quiet: '1.27'
  },
  {
    id: 'istio-1.28-inferencepool-v1alpha2-removed',
    yaml: `apiVersion: inference.networking.x-k8s.io/v1alpha2
kind: InferencePool
metadata:
  name: llm
spec:
  targetPortNumber: 8000
  selector: {app: llm}
  extensionRef: {name: epp}
`,
    needle: 'apiVersion:',
    trips: '1.28',
    quiet: '1.27',
    // a notice since round 37 (m37a): no file turns ENABLE_GATEWAY_API_INFERENCE_EXTENSION on
    severity: 'notice'
  },
  {
    id: 'istio-1.28-inferencepool-v1',
    yaml: `apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata:
  name: llm
spec:
  targetPorts: [{number: 8000}]
  selector: {matchLabels: {app: llm}}
  endpointPickerRef: {name: epp, port: {number: 9002}}
`,
    needle: 'apiVersion:',
    trips: '1.27',
    quiet: '1.28',
    // a notice since round 38 (r38e): no file turns the flag on
    severity: 'notice'
  },
  {
    id: 'istio-1.28-inferencepool-port-number-removed',
    yaml: `apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata:
  name: llm
spec:
  targetPorts: [{number: 8000}]
  selector: {matchLabels: {app: llm}}
  endpointPickerRef:
    name: epp
    portNumber: 9002
`,
    needle: 'portNumber:',
    trips: '1.28',
    quiet: '1.27'
  },
  {
    id: 'istio-1.28-backend-tls-policy-v1',
    yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: api-tls
spec:
  targetRefs:
  - {group: "", kind: Service, name: api}
  validation: {hostname: api.example.com, wellKnownCACertificates: System}
`,
    needle: 'apiVersion:',
    trips: '1.27',
    quiet: '1.28'
  },
  {
    id: 'istio-1.28-backend-tls-policy-section-name',
    yaml: `apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata:
  name: api-tls
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: api
    sectionName: https
  validation: {hostname: api.example.com, wellKnownCACertificates: System}
`,
    needle: 'sectionName:',
    trips: '1.27',
    quiet: '1.28',
    // a notice since round 38 (r38e): no file turns the flag on
    severity: 'notice'
  },
  {
    id: 'istio-1.28-ca-cert-credential-name',
    yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: mtls
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls:
      mode: MUTUAL
      credentialName: server-cert
      caCertCredentialName: client-ca
`,
    needle: 'caCertCredentialName:',
    trips: '1.27',
    quiet: '1.28'
  },
  {
    id: 'istio-1.28-gateway-api-bundle-1.4',
    yaml: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backendtlspolicies.gateway.networking.k8s.io
  annotations:
    gateway.networking.k8s.io/bundle-version: v1.3.0
`,
    needle: 'bundle-version:',
    trips: '1.28',
    quiet: '1.27',
    // notice since round 38 (r38f): without PILOT_ENABLE_ALPHA_GATEWAY_API=true, 1.27 read no BackendTLSPolicy either
    severity: 'notice'
  }
]

describe('audit 3 1.26–1.28: the 13 error entries keep the boundaries the audit verified', () => {
  for (const c of cases) {
    it(`${c.id} trips on ${c.trips} at its line${c.quiet ? ` and is quiet on ${c.quiet}` : ''}`, () => {
      const found = of(run('mesh/x.yaml', c.yaml, c.trips), c.id)
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['mesh/x.yaml', lineOf(c.yaml, c.needle), c.severity ?? 'error']])
      if (c.quiet) expect(of(run('mesh/x.yaml', c.yaml, c.quiet), c.id)).toEqual([])
    })
  }

  it('istio-1.27-inference-extension-flag-typo stays an error on later releases (no release reads the misspelling) and leaves the real variable alone', () => {
    const typo = cases.find((c) => c.id === 'istio-1.27-inference-extension-flag-typo')!.yaml
    const found = of(run('mesh/x.yaml', typo, '1.29'), 'istio-1.27-inference-extension-flag-typo')
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['mesh/x.yaml', lineOf(typo, 'SUPPORT_GATEWAY'), 'error']])
    const real = typo.replace('SUPPORT_GATEWAY', 'ENABLE_GATEWAY')
    expect(of(run('mesh/x.yaml', real, '1.27'), 'istio-1.27-inference-extension-flag-typo')).toEqual([])
  })

  it('istio-1.28-gateway-api-bundle-1.4 leaves a v1.4.0 BackendTLSPolicy CRD and other v1.3.0 CRDs alone', () => {
    const crds = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backendtlspolicies.gateway.networking.k8s.io
  annotations:
    gateway.networking.k8s.io/bundle-version: v1.4.0
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: httproutes.gateway.networking.k8s.io
  annotations:
    gateway.networking.k8s.io/bundle-version: v1.3.0
`
    expect(of(run('crds/gw.yaml', crds, '1.28'), 'istio-1.28-gateway-api-bundle-1.4')).toEqual([])
  })

  it('istio-1.27-gateway-multiple-certificates leaves a listener with one certificateRef alone on 1.26', () => {
    const one = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
spec:
  gatewayClassName: istio
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    tls:
      certificateRefs:
      - name: rsa
`
    expect(of(run('gw/web.yaml', one, '1.26'), 'istio-1.27-gateway-multiple-certificates')).toEqual([])
  })
})
