// Audit 16 (r16c, census of 29 entries of 1.24–1.26): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16c.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


/** Findings on `file` whose message matches `re`, when a pull request changes only `changed` and the repository holds `repo` besides. */
async function findings(changed: readonly File[], repo: readonly File[], file: string, re: RegExp, target: string, from?: string): Promise<Finding[]> {
  const base = repo.length > 0 ? { base: snapshotOf(repo) } : {}
  const result = await runAnalysis(
    { changes: added(changed), head: snapshotOf([...changed, ...repo]), ...base },
    { target, ...(from ? { from } : {}), paths: [] },
  )
  return result.findings.filter((f) => f.file === file && re.test(f.message))
}

describe('istio-1.25-ip-autoallocate: the allocation controller already switched on before 1.25', () => {
  const IPA = /istiod writes a virtual IP/
  const se: File = {
    path: 'mesh/se.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: api\nspec:\n  hosts: [api.example.com]\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n',
  }
  const values = (v: string): File => ({ path: 'istio/values.yaml', text: `pilot:\n  env:\n    PILOT_ENABLE_IP_AUTOALLOCATE: "${v}"\n` })

  it('gives the notice on an address-less ServiceEntry when nothing sets the switch', async () => {
    expect(at(await findings([se], [], se.path, IPA, '1.25', '1.24'))).toEqual([`${se.path}:${lineOf(se.text, 'resolution')} notice`])
  })
  it('says nothing when the repository already sets PILOT_ENABLE_IP_AUTOALLOCATE: "true" (istiod allocated before 1.25 too)', async () => {
    expect(at(await findings([se], [values('true')], se.path, IPA, '1.25', '1.24'))).toEqual([])
    expect(at(await findings([se, values('True')], [], se.path, IPA, '1.25', '1.24'))).toEqual([])
  })
  it('still says nothing with the opt-out "false" (unchanged)', async () => {
    expect(at(await findings([se], [values('false')], se.path, IPA, '1.25', '1.24'))).toEqual([])
  })
})

describe('istio-1.24-tracing-provider-fields: an empty zipkin path is the default', () => {
  const ZP = /zipkin\.path only exists from Istio 1\.24/
  const values = (path: string): File => ({
    path: 'istio/values.yaml',
    text: `meshConfig:\n  extensionProviders:\n  - name: z\n    zipkin:\n      service: z.ns.svc.cluster.local\n      port: 9411\n      path: ${path}\n`,
  })
  it('warns on a custom path at 1.23', async () => {
    const v = values('/custom/spans')
    expect(at(await findings([v], [], v.path, ZP, '1.23'))).toEqual([`${v.path}:${lineOf(v.text, 'path:')} warning`])
  })
  it('says nothing on path: "" (proto3 empty string = unset = /api/v2/spans), nor on the default itself', async () => {
    for (const p of ['""', '/api/v2/spans']) {
      const v = values(p)
      expect(at(await findings([v], [], v.path, ZP, '1.23'))).toEqual([])
    }
  })
})

describe('istio-1.24-xfcc-client-cert-details: the mesh-wide forwardedClientCert already drops the header', () => {
  const XFCC = /setCurrentClientCertDetails only exists from Istio 1\.24/
  const deploy: File = {
    path: 'apps/web.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        proxy.istio.io/config: |\n          proxyHeaders:\n            setCurrentClientCertDetails:\n              cert: true\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
  }
  const mesh = (mode: string): File => ({
    path: 'istio/values.yaml',
    text: `meshConfig:\n  defaultConfig:\n    proxyHeaders:\n      forwardedClientCert: ${mode}\n`,
  })
  it('warns on the pod annotation at 1.23 when nothing else is set', async () => {
    expect(at(await findings([deploy], [], deploy.path, XFCC, '1.23'))).toEqual([`${deploy.path}:${lineOf(deploy.text, 'proxy.istio.io/config')} warning`])
  })
  it('says nothing when the mesh default sets forwardedClientCert SANITIZE / FORWARD_ONLY (the details are never written)', async () => {
    for (const mode of ['SANITIZE', 'FORWARD_ONLY']) {
      expect(at(await findings([deploy], [mesh(mode)], deploy.path, XFCC, '1.23'))).toEqual([])
    }
  })
  it('still warns with the mesh default APPEND_FORWARD', async () => {
    expect(at(await findings([deploy], [mesh('APPEND_FORWARD')], deploy.path, XFCC, '1.23'))).toHaveLength(1)
  })
})

describe('istio-1.25-envoy-internal-address: an AuthorizationPolicy value that never matches what Envoy sets', () => {
  const EI = /x-envoy-internal/
  const ap = (field: string, value: string): File => ({
    path: 'policy/ap.yaml',
    text: `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: a\nspec:\n  action: ALLOW\n  rules:\n  - when:\n    - key: request.headers[x-envoy-internal]\n      ${field}: ["${value}"]\n`,
  })
  it('errs where the condition tests for "true" (or a presence / prefix match of it)', async () => {
    for (const [field, value] of [['values', 'true'], ['values', '*'], ['values', 'tr*'], ['notValues', 'true']]) {
      const p = ap(field, value)
      expect(at(await findings([p], [], p.path, EI, '1.25', '1.24'))).toEqual([`${p.path}:${lineOf(p.text, 'key:')} error`])
    }
  })
  it('says nothing on "false" (Envoy only ever sets true, so the condition holds or fails the same before and after)', async () => {
    for (const field of ['values', 'notValues']) {
      const p = ap(field, 'false')
      expect(at(await findings([p], [], p.path, EI, '1.25', '1.24'))).toEqual([])
    }
  })
})
