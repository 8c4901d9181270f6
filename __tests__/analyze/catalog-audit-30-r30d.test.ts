// Round 30 census, share r30d (docs/audit/catalog-audit-30-r30d.md).
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

// kinds 5/38: a ServiceEntry exported only to its own namespace (exportTo ["."], or the mesh default
// defaultServiceExportTo ["."]) is a second definition of the host for no sidecar outside that namespace, so the
// 1.30 duplicate-host choice changes nothing for it.
describe('istio-1.30-pick-best-service-namespace: a namespace-local ServiceEntry is no duplicate elsewhere', () => {
  const MSG = /sidecars pick the Kubernetes Service, then the oldest ServiceEntry/
  const se = (extra: string): File => ({
    path: 'mesh/se.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: s\n  namespace: a\nspec:\n  hosts: [foo.b.svc.cluster.local]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  resolution: DNS\n${extra}`
  })
  const mesh: File = {
    path: 'istio/mesh.yaml',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultServiceExportTo: ["."]\n'
  }

  it('stays quiet for exportTo ["."]', async () => {
    const f = se('  exportTo: ["."]\n')
    expect(await findings([f], '1.30', '1.29', f.path, MSG)).toEqual([])
  })

  it('stays quiet without exportTo where the mesh exports ServiceEntries to their own namespace by default', async () => {
    const f = se('')
    expect(await findings([f, mesh], '1.30', '1.29', f.path, MSG)).toEqual([])
  })

  it('still warns without exportTo, and for an exportTo that names another namespace even next to that mesh default', async () => {
    const plain = se('')
    expect(at(await findings([plain], '1.30', '1.29', plain.path, MSG))).toEqual([`${plain.path}:${lineOf(plain.text, 'hosts:')} warning`])
    const wide = se('  exportTo: [".", "c"]\n')
    expect(at(await findings([wide, mesh], '1.30', '1.29', wide.path, MSG))).toEqual([`${wide.path}:${lineOf(wide.text, 'hosts:')} warning`])
  })

  it('says only that sidecars which chose this ServiceEntry for sorting first now go to the Service', async () => {
    const f = se('')
    const [w] = await findings([f], '1.30', '1.29', f.path, MSG)
    expect(w?.message).toMatch(/sidecars that chose this ServiceEntry for sorting first now go to the Service/)
  })
})

// kind 30: a Namespace's istio.io/use-waypoint label binds that namespace's ServiceEntries only; a label on ANOTHER
// namespace left this wildcard ServiceEntry unbound yet silenced the warning.
describe('istio-1.30-wildcard-serviceentry-sidecars: only its own namespace\'s waypoint label binds the ServiceEntry', () => {
  const MSG = /wildcard ServiceEntry with resolution DYNAMIC_DNS/
  const se: File = {
    path: 'mesh/se.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: w\n  namespace: egress\nspec:\n  hosts: ["*.example.com"]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  resolution: DYNAMIC_DNS\n'
  }
  const ns = (name: string): File => ({
    path: `mesh/ns-${name}.yaml`,
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: {istio.io/use-waypoint: wp}\n`
  })

  it('still warns where only another namespace carries a use-waypoint label', async () => {
    expect(at(await findings([se, ns('other')], '1.29', '1.28', se.path, MSG))).toEqual([`${se.path}:${lineOf(se.text, 'resolution:')} warning`])
  })

  it('stays quiet where its own namespace is bound to a waypoint', async () => {
    expect(await findings([se, ns('egress')], '1.29', '1.28', se.path, MSG)).toEqual([])
  })
})
