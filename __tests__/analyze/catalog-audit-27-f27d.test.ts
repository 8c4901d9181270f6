// Round 27's measurement (docs/audit/catalog-audit-27-m27f.md): the ❌ it found, each pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.30-pick-best-service-namespace: only a host a Kubernetes Service can have (<name>.<ns>.svc.<suffix>)', () => {
  const se = (ns: string, host: string): File => ({
    path: 'mesh/se.yaml',
    text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: foo\n  namespace: ${ns}\nspec:\n  hosts:\n  - ${host}\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n  resolution: DNS\n`
  })
  const PICK = /pick the Kubernetes Service/

  it('is silent on a host ending in .svc (pb6): no Service has that hostname', async () => {
    const f = se('aaa', 'foo.zzz.svc')
    expect(await findings([f], '1.30', '1.29', f.path, PICK)).toEqual([])
  })

  it('still warns on foo.zzz.svc.cluster.local from a namespace that sorts first (pb1), and on another domain suffix', async () => {
    for (const host of ['foo.zzz.svc.cluster.local', 'foo.zzz.svc.corp.example']) {
      const f = se('aaa', host)
      expect(at(await findings([f], '1.30', '1.29', f.path, PICK))).toEqual([`${f.path}:${lineOf(f.text, `- ${host}`)} warning`])
    }
  })

  it('stays silent when the ServiceEntry namespace sorts after the host namespace (pb5)', async () => {
    const f = se('zzz', 'foo.aaa.svc.cluster.local')
    expect(await findings([f], '1.30', '1.29', f.path, PICK)).toEqual([])
  })
})

describe('istio-1.31-waypoint-canary: a canary that resolves to the primary waypoint changes nothing', () => {
  const obj = (kind: 'Service' | 'ServiceEntry' | 'Namespace', labels: string): File => {
    const api = kind === 'ServiceEntry' ? 'networking.istio.io/v1' : 'v1'
    const meta = kind === 'Namespace' ? '  name: shop\n' : '  name: reviews\n  namespace: shop\n'
    const spec = kind === 'Service' ? 'spec:\n  ports:\n  - port: 9080\n' : kind === 'ServiceEntry' ? 'spec:\n  hosts:\n  - reviews.example.com\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n' : ''
    return { path: `mesh/${kind.toLowerCase()}.yaml`, text: `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n${meta}  labels:\n${labels}  annotations:\n    istio.io/use-waypoint-canary-weight: "10"\n${spec}` }
  }
  const CANARY = /Weighted waypoint canaries/
  const KINDS = ['Service', 'ServiceEntry', 'Namespace'] as const

  it('is silent when the canary namespace is the object\'s own namespace and the name is the primary (wc2)', async () => {
    for (const kind of KINDS) {
      const f = obj(kind, '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-canary: wp\n    istio.io/use-waypoint-canary-namespace: shop\n')
      expect(await findings([f], '1.30', '1.29', f.path, CANARY)).toEqual([])
    }
  })

  it('is silent when canary name and namespace equal use-waypoint and use-waypoint-namespace (wc3)', async () => {
    for (const kind of KINDS) {
      const f = obj(kind, '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-namespace: x\n    istio.io/use-waypoint-canary: wp\n    istio.io/use-waypoint-canary-namespace: x\n')
      expect(await findings([f], '1.30', '1.29', f.path, CANARY)).toEqual([])
    }
  })

  it('still warns when the same-named canary lives in another namespace than the primary', async () => {
    const cases = [
      '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-canary: wp\n    istio.io/use-waypoint-canary-namespace: canary\n',
      '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-namespace: x\n    istio.io/use-waypoint-canary: wp\n    istio.io/use-waypoint-canary-namespace: shop\n',
      '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-namespace: x\n    istio.io/use-waypoint-canary: wp\n    istio.io/use-waypoint-canary-namespace: y\n'
    ]
    for (const kind of KINDS) {
      for (const labels of cases) {
        const f = obj(kind, labels)
        expect(at(await findings([f], '1.30', '1.29', f.path, CANARY))).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/use-waypoint-canary: wp')} warning`])
        expect(await findings([f], '1.31', '1.30', f.path, CANARY)).toEqual([])
      }
    }
  })

  it('still warns on a canary with another name than the primary (wc1)', async () => {
    const f = obj('Service', '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-canary: wp2\n')
    expect(at(await findings([f], '1.30', '1.29', f.path, CANARY))).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/use-waypoint-canary: wp2')} warning`])
  })

  it('validates equalsPath: field matches only, absolute paths, no other value test', () => {
    const release = (match: unknown): CatalogRelease =>
      ({ release: '1.31', entries: [{ id: 'x', change: 'added', severity: 'warning', since: '1.31', message: 'm', match: [match], sources: [{ path: 'releases/1.31/change-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
    const field = (cond: unknown): unknown => ({ type: 'field', kinds: ['Service'], paths: ['metadata.labels["a"]'], where: [cond] })
    expect(validateCatalog([release(field({ path: 'metadata.labels["b"]', equalsPath: 'metadata.namespace', absent: true }))]).join('\n')).not.toMatch(/equalsPath/)
    expect(validateCatalog([release(field({ path: 'metadata.labels["b"]', equalsPath: '@.x' }))]).join('\n')).toMatch(/equalsPath needs absolute paths/)
    expect(validateCatalog([release(field({ path: 'metadata.labels["b"]', equalsPath: 'metadata.namespace', pattern: 'x' }))]).join('\n')).toMatch(/equalsPath needs absolute paths and no other value test/)
    expect(validateCatalog([release({ type: 'resource', apiVersions: ['v1'], kinds: ['Service'], where: [{ path: 'metadata.name', equalsPath: 'metadata.namespace' }] })]).join('\n')).toMatch(/equalsPath is only read on field matches/)
  })
})
