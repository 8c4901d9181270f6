// Round 27's measurement (docs/audit/catalog-audit-27-m27c.md #9, catalog-audit-27-m27e.md #7): the ❌ fixed by f27c.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.29-circuit-breaker-remaining-metrics: only a stats inclusion that can still export circuit_breakers remaining_* gauges', () => {
  const REMAINING = /_remaining_/
  const proxyConfig = (key: string, value: string): File => ({
    path: 'apps/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      annotations:\n        proxy.istio.io/config: |\n          proxyStatsMatcher:\n            ${key}:\n            - "${value}"\n    spec:\n      containers:\n      - name: web\n        image: web:1\n`
  })
  const annotation = (key: string, value: string): File => ({
    path: 'apps/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      annotations:\n        sidecar.istio.io/${key}: "${value}"\n    spec:\n      containers:\n      - name: web\n        image: web:1\n`
  })
  const mesh = (key: string, value: string): File => ({
    path: 'mesh/istio.yaml',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    defaultConfig:\n      proxyStatsMatcher:\n        ${key}:\n        - "${value}"\n`
  })
  const ONE_STAT = 'cluster.outbound|9080||reviews.default.svc.cluster.local.upstream_rq'
  const quiet: Array<[string, File]> = [
    ['proxy.istio.io/config prefix naming one other stat (cb2)', proxyConfig('inclusionPrefixes', ONE_STAT)],
    ['statsInclusionPrefixes annotation naming one other stat (cb3)', annotation('statsInclusionPrefixes', `${ONE_STAT},cluster_manager`)],
    ['meshConfig defaultConfig prefix naming one other stat', mesh('inclusionPrefixes', ONE_STAT)],
    ['a prefix past circuit_breakers to a non-remaining gauge', proxyConfig('inclusionPrefixes', 'cluster.outbound|9080||reviews.default.svc.cluster.local.circuit_breakers.default.cx_open')],
    ['a suffix of another stat', annotation('statsInclusionSuffixes', 'upstream_rq_total')],
    ['a regexp that full-matches another stat', proxyConfig('inclusionRegexps', 'cluster\\\\..*\\\\.upstream_rq.*')]
  ]
  for (const [name, f] of quiet) {
    it(`is silent on ${name}`, async () => {
      expect(await findings([f], '1.29', '1.28', f.path, REMAINING)).toEqual([])
    })
  }
  const fire: Array<[string, File, string]> = [
    ['a prefix that stops at the cluster-name level', proxyConfig('inclusionPrefixes', 'cluster.outbound|9080||reviews.default.svc.cluster.local'), 'proxy.istio.io/config'],
    ['cluster.outbound in the annotation', annotation('statsInclusionPrefixes', 'cluster.outbound,cluster_manager'), 'statsInclusionPrefixes'],
    ['a prefix that continues with .circuit_breakers', annotation('statsInclusionPrefixes', 'cluster.outbound|9080||reviews.default.svc.cluster.local.circuit_breakers'), 'statsInclusionPrefixes'],
    ['a prefix that could still match circuit_breakers.default.remaining_', mesh('inclusionPrefixes', 'cluster.outbound|9080||reviews.default.svc.cluster.local.circuit_breakers.default.rem'), '- "cluster.outbound'],
    ['a remaining_ suffix', annotation('statsInclusionSuffixes', 'remaining_rq'), 'statsInclusionSuffixes'],
    ['a circuit_breakers regexp (cb4)', proxyConfig('inclusionRegexps', '.*circuit_breakers.*'), 'proxy.istio.io/config']
  ]
  for (const [name, f, needle] of fire) {
    it(`warns on ${name}`, async () => {
      expect(at(await findings([f], '1.29', '1.28', f.path, REMAINING))).toEqual([`${f.path}:${lineOf(f.text, needle)} warning`])
    })
  }
})

describe('istio-1.27-plugged-ca-crl: an empty ca-crl.pem revokes nothing', () => {
  const CRL = /certificate revocation list/
  const secret = (body: string): File => ({
    path: 'mesh/cacerts.yaml',
    text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: cacerts\n  namespace: istio-system\n${body}`
  })
  it('is silent on stringData ca-crl.pem: "" and data ca-crl.pem: ""', async () => {
    for (const body of ['stringData:\n  ca-crl.pem: ""\n', 'data:\n  ca-crl.pem: ""\n', 'stringData:\n  ca-crl.pem: "  "\n']) {
      const f = secret(body)
      expect(await findings([f], '1.26', '1.25', f.path, CRL)).toEqual([])
    }
  })
  it('still warns on a non-empty ca-crl.pem in data and stringData', async () => {
    for (const body of ['data:\n  ca-crl.pem: LS0tLS1CRUdJTiBYNTA5IENSTC0tLS0t\n', 'stringData:\n  ca-crl.pem: |\n    -----BEGIN X509 CRL-----\n    MIIB\n    -----END X509 CRL-----\n']) {
      const f = secret(body)
      expect(at(await findings([f], '1.26', '1.25', f.path, CRL))).toEqual([`${f.path}:${lineOf(f.text, 'ca-crl.pem')} warning`])
    }
  })
})
