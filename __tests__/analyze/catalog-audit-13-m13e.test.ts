// Audit 13 (m13e, measurement of 10 sampled 1.30 entries): the ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-13-m13e.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


describe('istio-1.30.2-authz-trust-domains: an empty trustDomains / notTrustDomains list changes nothing', () => {
  const ID = 'istio-1.30.2-authz-trust-domains'
  const policy = (apiVersion: string, source: string) =>
    `apiVersion: ${apiVersion}\nkind: AuthorizationPolicy\nmetadata:\n  name: td\n  namespace: foo\nspec:\n  action: ALLOW\n  rules:\n  - from:\n    - source:\n        ${source}\n`
  const path = 'security/authz.yaml'

  for (const source of ['trustDomains: []', 'notTrustDomains: []']) {
    for (const target of ['1.30.0', '1.30.1']) {
      it(`is silent on ${source} for ${target}, whose CRD accepts the field (istiod ignoring an empty list is a no-op)`, () => {
        expect(of(run(path, policy('security.istio.io/v1beta1', source), target), ID)).toEqual([])
      })
    }
  }

  for (const [source, needle] of [['trustDomains: ["cluster.local"]', 'trustDomains'], ['notTrustDomains: ["legacy.local"]', 'notTrustDomains']]) {
    for (const target of ['1.29', '1.30.0', '1.30.1']) {
      it(`still errors on ${source} for ${target}`, () => {
        const text = policy('security.istio.io/v1', source)
        const found = of(run(path, text, target), ID)
        expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`${path}:${lineOf(text, needle)} error`])
        expect(found[0].message).toContain(`AuthorizationPolicy source.${needle} is only enforced from Istio 1.30.2`)
      })
    }
    it(`is silent on ${source} from 1.30.2`, () => {
      expect(of(run(path, policy('security.istio.io/v1', source), '1.30.2'), ID)).toEqual([])
    })
  }

  it('reports a block list once, on its first item', () => {
    const text = policy('security.istio.io/v1', 'trustDomains:\n        - cluster.local\n        - legacy.local')
    const found = of(run(path, text, '1.30.1'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`${path}:${lineOf(text, '- cluster.local')} error`])
  })

  it('an empty list on a 1.29 target is still an error: the schema check reports the field the 1.29 CRD does not declare', async () => {
    const file: File = { path, text: policy('security.istio.io/v1', 'trustDomains: []') }
    const result = await runAnalysis({ changes: added([file]), head: snapshotOf([file]) }, { target: '1.29', paths: [] })
    const undeclared = result.findings.filter((f) => f.file === path && /trustDomains/.test(f.message))
    expect(at(undeclared)).toEqual([`${path}:${lineOf(file.text, 'trustDomains')} error`])
    expect(undeclared[0].rule).toBe('field-not-in-release')
  })
})

describe('istio-1.30-cni-config-permissions: CNI_CONF_GROUP_READ set in the values.yaml of the umbrella chart that depends on cni', () => {
  const CNI = /CNI config files Istio writes are mode 0600/
  const chart: File = {
    path: 'deploy/mesh/Chart.yaml',
    text: 'apiVersion: v2\nname: mesh\nversion: 0.1.0\ndependencies:\n- name: cni\n  version: 1.30.0\n  repository: https://istio-release.storage.googleapis.com/charts\n',
  }
  const values = (text: string): File => ({ path: 'deploy/mesh/values.yaml', text })
  async function cniFindings(files: readonly File[], target = '1.30', from = '1.29'): Promise<Finding[]> {
    const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
    return result.findings.filter((f) => CNI.test(f.message))
  }
  const notice = [`${chart.path}:${lineOf(chart.text, '- name: cni')} notice`]

  it('notices the dependency when nothing sets the variable', async () => {
    expect(at(await cniFindings([chart]))).toEqual(notice)
  })
  for (const text of ['cni:\n  env:\n    CNI_CONF_GROUP_READ: "true"\n', 'cni:\n  cni:\n    env:\n      CNI_CONF_GROUP_READ: true\n', 'global:\n  hub: docker.io/istio\ncni:\n  profile: ambient\n  env:\n    CNI_CONF_GROUP_READ: "false"\n']) {
    it(`is silent when the umbrella values.yaml sets it: ${JSON.stringify(text)}`, async () => {
      expect(await cniFindings([chart, values(text)])).toEqual([])
    })
  }
  it('still notices when the umbrella values.yaml sets only other cni variables', async () => {
    expect(at(await cniFindings([chart, values('cni:\n  env:\n    AMBIENT_ENABLE_DRY_RUN: "true"\n')]))).toEqual(notice)
  })
  it('still notices when the variable is set under another chart of the umbrella (istiod reads no CNI config)', async () => {
    expect(at(await cniFindings([chart, values('istiod:\n  env:\n    CNI_CONF_GROUP_READ: "true"\n')]))).toEqual(notice)
  })
})
