// Census 7, coordinator's share: the fixes that needed another helper's code (TCPRoute v1alpha2 by Gateway API
// channel, c7g's open item) and the entries given `unlessRepository` opt-outs (whole engine, istiod values in
// another file: __tests__/analyze/opt-outs.test.ts has the mechanism's own cases).
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { runAnalysis } from '../../src/pipeline.js'
import { lineOf, of } from '../support/catalog-run.js'
import { snapshotOf, type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.31-tcproute-v1alpha2 by Gateway API channel', () => {
  const id = 'istio-1.31-tcproute-v1alpha2'
  const text = 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata:\n  name: db\nspec:\n  parentRefs:\n  - name: gw\n'
  const findings = (channel?: 'standard' | 'experimental') => {
    const file = parseManifestFile('apps/tcp.yaml', text)
    return file.documents.flatMap((d) => catalogFindings(d, { target: parseRelease('1.31'), files: [file], ...(channel ? { gatewayApiChannel: channel } : {}) }))
  }
  it('leaves the standard channel to the schema error (no second finding on the line)', () => {
    expect(of(findings('standard'), id)).toEqual([])
  })
  it('keeps the notice on the experimental channel, which still serves v1alpha2, and when the channel is not said', () => {
    for (const channel of ['experimental' as const, undefined]) expect(of(findings(channel), id)).toEqual([expect.objectContaining({ file: 'apps/tcp.yaml', line: lineOf(text, 'apiVersion'), severity: 'notice' })])
  })
})

async function lines(files: readonly File[], target: string, from: string, message: RegExp): Promise<string[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => message.test(f.message)).map((f) => `${f.file}:${f.line} ${f.severity}`)
}
const values = (text: string): File => ({ path: 'platform/istiod.yaml', text })

describe('default changes whose opt-out sits in the istiod values, not in the resource file', () => {
  const cases: { name: string; resource: File; target: string; from: string; message: RegExp; line: number; severity: string; envOptOut: string; compat?: string; optInBefore?: boolean }[] = [
    {
      name: 'auto SNI (1.21)',
      resource: { path: 'apps/dr.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ext\nspec:\n  host: api.example.com\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n      caCertificates: /etc/ca.pem\n' },
      target: '1.22', from: '1.20', message: /without an explicit sni sends/, line: 9, severity: 'warning', envOptOut: 'ENABLE_AUTO_SNI', compat: '1.20', optInBefore: true
    },
    {
      name: 'ExternalName alias (1.21)',
      resource: { path: 'apps/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy\nspec:\n  type: ExternalName\n  externalName: legacy.example.com\n' },
      target: '1.22', from: '1.20', message: /ExternalName Service is only a DNS alias/, line: 6, severity: 'warning', envOptOut: 'ENABLE_EXTERNAL_NAME_ALIAS', compat: '1.20', optInBefore: true
    },
    {
      name: 'circuit-breaker remaining gauges (1.29)',
      resource: { path: 'apps/dr.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: cb\nspec:\n  host: api\n  trafficPolicy:\n    connectionPool:\n      tcp: {maxConnections: 10}\n' },
      target: '1.29', from: '1.28', message: /remaining gauges/, line: 8, severity: 'notice', envOptOut: 'DISABLE_TRACK_REMAINING_CB_METRICS', compat: '1.28'
    },
    {
      name: 'strict gateway merging (1.31)',
      resource: { path: 'apps/gw.yaml', text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n  namespace: istio-ingress\nspec:\n  gatewayClassName: istio\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: extra\n  namespace: apps\nspec:\n  selector:\n    gateway.networking.k8s.io/gateway-name: edge\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n' },
      target: '1.31', from: '1.30', message: /no longer merged/, line: 17, severity: 'error', envOptOut: 'PILOT_ENABLE_STRICT_GATEWAY_MERGING', compat: '1.30'
    }
  ]
  for (const c of cases) {
    it(`${c.name}: reported without an opt-out, silent with ${c.envOptOut}=false${c.compat ? ` or compatibilityVersion ${c.compat}` : ''} in another file`, async () => {
      expect(await lines([c.resource], c.target, c.from, c.message)).toEqual([`${c.resource.path}:${c.line} ${c.severity}`])
      expect(await lines([c.resource, values(`pilot:\n  env:\n    ${c.envOptOut}: "false"\n`)], c.target, c.from, c.message)).toEqual([])
      if (c.compat) expect(await lines([c.resource, values(`compatibilityVersion: "${c.compat}"\n`)], c.target, c.from, c.message)).toEqual([])
      // The new default set explicitly keeps nothing of the old behaviour. Where the switch already existed before
      // the flip (ENABLE_AUTO_SNI, ENABLE_EXTERNAL_NAME_ALIAS: registered with default false in 1.20), true is the
      // opt-in that gave the 1.21 behaviour already, so nothing changes and nothing is reported (audit 12, r12a).
      expect((await lines([c.resource, values(`pilot:\n  env:\n    ${c.envOptOut}: "true"\n`)], c.target, c.from, c.message)).length).toBe(c.optInBefore ? 0 : 1)
    })
  }
})

describe('istio-1.31-strict-gateway-merging pairs the Istio Gateway with the Gateway API Gateway it selects', () => {
  const apiGateway = (namespace: string) => ({ path: 'infra/edge.yaml', text: `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n  namespace: ${namespace}\nspec:\n  gatewayClassName: istio\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n` })
  const istioGateway = { path: 'apps/extra.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: extra\n  namespace: apps\nspec:\n  selector:\n    gateway.networking.k8s.io/gateway-name: edge\n  servers:\n  - port: {number: 8080, name: http, protocol: HTTP}\n    hosts: ["*"]\n' }
  it('reports the selector when the Gateway API Gateway sits in another namespace, in another file', async () => {
    expect(await lines([apiGateway('istio-ingress'), istioGateway], '1.31', '1.30', /no longer merged/)).toEqual(['apps/extra.yaml:8 error'])
  })
  it('is quiet in the same namespace, without the Gateway API Gateway in the repository, or before 1.31', async () => {
    expect(await lines([apiGateway('apps'), istioGateway], '1.31', '1.30', /no longer merged/)).toEqual([])
    expect(await lines([istioGateway], '1.31', '1.30', /no longer merged/)).toEqual([])
    expect(await lines([apiGateway('istio-ingress'), istioGateway], '1.30', '1.29', /no longer merged/)).toEqual([])
  })
  it('on a pull request that only touches the Istio Gateway, reads the Gateway API Gateway from the untouched file', async () => {
    const changes = { source: 'git' as const, files: [{ path: istioGateway.path, status: 'modified' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>([8]) }] }
    const before = { path: istioGateway.path, text: istioGateway.text.replace('gateway-name: edge', 'gateway-name: other') }
    const result = await runAnalysis({ changes, head: snapshotOf([apiGateway('istio-ingress'), istioGateway]), base: snapshotOf([apiGateway('istio-ingress'), before]) }, { target: '1.31', from: '1.30', paths: [] })
    expect(result.findings.filter((f) => /no longer merged/.test(f.message)).map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['apps/extra.yaml:8 new'])
    const { mayHoldPairingFacts } = await import('../../src/analyze/catalog/cross-object.js')
    expect(mayHoldPairingFacts(apiGateway('istio-ingress').text)).toBe(true)
    expect(mayHoldPairingFacts(istioGateway.text)).toBe(true)
    expect(mayHoldPairingFacts('apiVersion: networking.istio.io/v1\nkind: Gateway\nspec:\n  selector:\n    istio: ingressgateway\n')).toBe(false)
  })
})
