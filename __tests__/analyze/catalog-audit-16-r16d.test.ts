// Audit 16 (r16d, census of 29 entries of 1.26/1.27): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16d.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import { lineOf, of, run } from '../support/catalog-run.js'
import { added, snapshotOf, type File } from '../support/snapshot.js'

const at = (fs: readonly { file: string; line?: number; severity: string }[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

const gateway = (cls: string): string =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n  gatewayClassName: ${cls}\n  infrastructure:\n    parametersRef:\n      group: ""\n      kind: ConfigMap\n      name: gw-options\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: rsa\n      - name: ecdsa\n`

describe('Gateway API Gateways of another controller: Istio never reads them (kind 20)', () => {
  const P = 'gw.yaml'
  it('istio-1.26-gateway-deployment-customisation warns on an istio-class Gateway only', () => {
    const istio = gateway('istio')
    expect(at(of(run(P, istio, '1.25'), 'istio-1.26-gateway-deployment-customisation'))).toEqual([`${P}:${lineOf(istio, 'parametersRef')} warning`])
    expect(at(of(run(P, gateway('istio-waypoint'), '1.25'), 'istio-1.26-gateway-deployment-customisation'))).toHaveLength(1)
    expect(of(run(P, gateway('envoy-gateway'), '1.25'), 'istio-1.26-gateway-deployment-customisation')).toEqual([])
  })
  it('istio-1.27-gateway-multiple-certificates errs on an istio-class Gateway only', () => {
    const istio = gateway('istio')
    expect(at(of(run(P, istio, '1.26'), 'istio-1.27-gateway-multiple-certificates'))).toEqual([`${P}:${lineOf(istio, 'name: ecdsa')} error`])
    expect(of(run(P, gateway('cilium'), '1.26'), 'istio-1.27-gateway-multiple-certificates')).toEqual([])
    expect(of(run(P, istio, '1.27'), 'istio-1.27-gateway-multiple-certificates')).toEqual([])
  })
})

describe('istio-1.27-virtualservice-mixed-case-hosts: only hosts that name a Kubernetes Service (kind b)', () => {
  const P = 'vs.yaml'
  const vs = (host: string): string =>
    `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\nspec:\n  hosts:\n  - ${host}\n  http:\n  - route:\n    - destination:\n        host: web\n`
  it('warns on a mixed-case Kubernetes Service host before 1.27', () => {
    for (const h of ['Reviews', 'Reviews.prod.svc.cluster.local', 'reviews.Prod.svc']) {
      const t = vs(h)
      expect(at(of(run(P, t, '1.26'), 'istio-1.27-virtualservice-mixed-case-hosts'))).toEqual([`${P}:${lineOf(t, `- ${h}`)} warning`])
    }
  })
  it('says nothing on an external (ServiceEntry-style) mixed-case host, which older releases match as written', () => {
    expect(of(run(P, vs('API.Example.com'), '1.26'), 'istio-1.27-virtualservice-mixed-case-hosts')).toEqual([])
    expect(of(run(P, vs('"*.Example.com"'), '1.26'), 'istio-1.27-virtualservice-mixed-case-hosts')).toEqual([])
  })
})

describe('istio-1.27-cluster-trust-bundle-v1beta1: every spelling of true (recall)', () => {
  it('warns on ENABLE_CLUSTER_TRUST_BUNDLE_API "1" as on "true"', () => {
    const P = 'iop.yaml'
    for (const v of ['"1"', '"true"', 'True']) {
      const t = `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  values:\n    pilot:\n      env:\n        ENABLE_CLUSTER_TRUST_BUNDLE_API: ${v}\n`
      expect(at(of(run(P, t, '1.27', '1.26'), 'istio-1.27-cluster-trust-bundle-v1beta1'))).toEqual([`${P}:${lineOf(t, 'ENABLE_CLUSTER')} warning`])
    }
  })
})

describe('istio-1.27-incomplete-cacerts-fails: istiod builds no CA when Kubernetes signs through the RA (kind 13)', () => {
  const secret: File = {
    path: 'pki/cacerts.yaml',
    text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\n  namespace: istio-system\ndata:\n  ca-key.pem: AAAA\n  root-cert.pem: AAAA\n',
  }
  const values = (env: string): File => ({ path: 'istiod/values.yaml', text: `pilot:\n  env:\n${env}` })
  const findings = async (repo: File[]) => {
    const result = await runAnalysis({ changes: added([secret]), head: snapshotOf([secret, ...repo]), base: snapshotOf(repo) }, { target: '1.27', from: '1.26', paths: [] })
    return result.findings.filter((f) => f.file === secret.path && /incomplete cacerts/.test(f.message)).map((f) => `${f.file}:${f.line} ${f.severity}`)
  }
  it('errs with EXTERNAL_CA alone (istiod still builds its own CA from cacerts)', async () => {
    expect(await findings([values('    EXTERNAL_CA: ISTIOD_RA_KUBERNETES_API\n')])).toEqual([`${secret.path}:${lineOf(secret.text, 'name: cacerts')} error`])
  })
  it('says nothing when EXTERNAL_CA=ISTIOD_RA_KUBERNETES_API and a k8s.io/ cert provider are set in another file', async () => {
    expect(await findings([values('    EXTERNAL_CA: ISTIOD_RA_KUBERNETES_API\n    PILOT_CERT_PROVIDER: k8s.io/example.com/signer\n')])).toEqual([])
    expect(await findings([{ path: 'istiod/values.yaml', text: 'global:\n  pilotCertProvider: k8s.io/example.com/signer\npilot:\n  env:\n    EXTERNAL_CA: ISTIOD_RA_KUBERNETES_API\n' }])).toEqual([])
  })
})

describe('istio-1.27.4-xlistenerset-tls-secrets: nothing reads XListenerSet with the alpha Gateway API switched off (kind 20)', () => {
  const ls: File = {
    path: 'gw/listenerset.yaml',
    text: 'apiVersion: gateway.networking.x-k8s.io/v1alpha1\nkind: XListenerSet\nmetadata:\n  name: extra\nspec:\n  parentRef:\n    name: gw\n  listeners:\n  - name: https\n    port: 443\n    protocol: HTTPS\n    tls:\n      mode: Terminate\n      certificateRefs:\n      - name: cert\n',
  }
  const findings = async (repo: File[]) => {
    const result = await runAnalysis({ changes: added([ls]), head: snapshotOf([ls, ...repo]), ...(repo.length ? { base: snapshotOf(repo) } : {}) }, { target: '1.27.3', paths: [] })
    return result.findings.filter((f) => f.file === ls.path && /XListenerSet listeners/.test(f.message)).map((f) => `${f.file}:${f.line} ${f.severity}`)
  }
  it('errs at 1.27.3 when nothing switches the alpha API off', async () => {
    expect(await findings([])).toEqual([`${ls.path}:${lineOf(ls.text, 'certificateRefs')} notice`])
  })
  it('says nothing when istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=false in another file', async () => {
    expect(await findings([{ path: 'istiod/values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "false"\n' }])).toEqual([])
  })
})
