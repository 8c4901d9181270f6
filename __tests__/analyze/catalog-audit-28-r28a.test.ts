// Round 28 census, share r28a (docs/audit/catalog-audit-28-r28a.md).
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

// kind 28: the "targetPort equals the port number" exemption must compare the SAME port item: a targetPort that equals
// another port's number still sends this port's traffic elsewhere from 1.22.
describe('istio-1.22-serviceentry-none-target-port: targetPort compared with its own port number only', () => {
  const MSG = /honours ports\[\]\.targetPort/
  const se = (ports: string): File => ({
    path: 'mesh/se.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ext\n  namespace: shop\nspec:\n  hosts: [db.example.com]\n  resolution: NONE\n  ports:\n${ports}`
  })

  it('warns on port 80 whose targetPort 8080 is the number of another port', async () => {
    const f = se('  - {number: 80, name: http, protocol: HTTP, targetPort: 8080}\n  - {number: 8080, name: http-alt, protocol: HTTP, targetPort: 8080}\n')
    expect(at(await findings([f], '1.22', '1.21', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'number: 80,')} warning`])
  })

  it('stays quiet where every targetPort equals its own port number', async () => {
    const f = se('  - {number: 8080, name: http-alt, protocol: HTTP, targetPort: 8080}\n  - {number: 9090, name: tcp, protocol: TCP, targetPort: 9090}\n')
    expect(await findings([f], '1.22', '1.21', f.path, MSG)).toEqual([])
  })
})

// kinds 23/39: a selector item without any requirement (`matchLabels: {}`, `matchExpressions: []`) selects every
// namespace (metav1.LabelSelectorAsSelector of an empty selector is Everything), so scoping by it ignores nothing.
describe('istio-1.22-enhanced-resource-scoping: a selector item with no requirement selects every namespace', () => {
  const MSG = /also limits which namespaces istiod reads/
  const values = (item: string): File => ({ path: 'istio/values.yaml', text: `meshConfig:\n  discoverySelectors:\n${item}` })

  it('stays quiet for matchLabels: {} and for matchExpressions: []', async () => {
    for (const item of ['  - matchLabels: {}\n', '  - matchExpressions: []\n', '  - matchLabels: {env: prod}\n  - matchLabels: {}\n']) {
      const f = values(item)
      expect(await findings([f], '1.22', '1.21', f.path, MSG)).toEqual([])
    }
  })

  it('still warns for a selector that names a label', async () => {
    const f = values('  - matchLabels: {env: prod}\n')
    expect(at(await findings([f], '1.22', '1.21', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'discoverySelectors')} warning`])
  })
})

// kinds 3/13: the 1.23 cni chart reads global.logging.level (templates/daemonset.yaml `coalesce .Values.cni.logging.level
// .Values.global.logging.level`), the very key the message recommends: where it is set, the advice is already followed.
describe('istio-1.23-cni-log-level-deprecated: global.logging.level already set', () => {
  const MSG = /stops reading logLevel/
  const values: File = { path: 'istio-cni/values.yaml', text: 'cni:\n  logLevel: warn\n' }

  it('is a notice when global.logging.level sits next to logLevel', async () => {
    const f: File = { path: 'istio-cni/values.yaml', text: 'cni:\n  logLevel: warn\nglobal:\n  logging:\n    level: "default:warn"\n' }
    const found = await findings([f], '1.23', '1.22', f.path, MSG)
    expect(at(found)).toEqual([`${f.path}:${lineOf(f.text, 'logLevel')} notice`])
    expect(found[0]!.message).toMatch(/global\.logging\.level, set here/)
  })

  it('is silent when another values file of the chart sets global.logging.level', async () => {
    const prod: File = { path: 'istio-cni/values-prod.yaml', text: 'global:\n  logging:\n    level: "default:warn"\n' }
    expect(await findings([values, prod], '1.23', '1.22', values.path, MSG)).toEqual([])
  })

  it('still warns for logLevel alone', async () => {
    expect(at(await findings([values], '1.23', '1.22', values.path, MSG))).toEqual([`${values.path}:${lineOf(values.text, 'logLevel')} warning`])
  })
})

// kind 27: CNI switched on in ANOTHER values file (pilot.cni.enabled in values-prod.yaml): the 1.22 injection template
// (files/injection-template.yaml:48-49) then reads istio_cni.provider / istio_cni.chained, so "does not change what istiod
// injects ... can simply be deleted" is false there.
describe('istio-1.22-istio-cni-values-deprecated: CNI enabled in another values file', () => {
  const prod: File = { path: 'istiod/values-prod.yaml', text: 'pilot:\n  cni:\n    enabled: true\n' }
  const ID = /istio_cni/

  for (const [key, value] of [['provider', 'multus'], ['chained', 'false']] as const) {
    it(`warns (not "can simply be deleted") on istio_cni.${key}: ${value}`, async () => {
      const f: File = { path: 'istiod/values.yaml', text: `istio_cni:\n  ${key}: ${value}\n` }
      const found = await findings([f, prod], '1.22', '1.21', f.path, ID)
      expect(at(found)).toEqual([`${f.path}:${lineOf(f.text, key)} warning`])
      expect(found[0]!.message).not.toMatch(/simply be deleted/)
    })

    it(`keeps the notice on istio_cni.${key}: ${value} where CNI is enabled nowhere`, async () => {
      const f: File = { path: 'istiod/values.yaml', text: `istio_cni:\n  ${key}: ${value}\n` }
      expect(at(await findings([f], '1.22', '1.21', f.path, ID))).toEqual([`${f.path}:${lineOf(f.text, key)} notice`])
    })
  }
})
