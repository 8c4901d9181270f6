// Audit 16 (r16e, census of 29 entries of 1.27–1.29): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-16-r16e.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(file: File, target: string, from: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added([file]), head: snapshotOf([file]) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file.path && pattern.test(f.message))
}

interface PodOpts { namespace?: string; hostNetwork?: boolean; injectLabel?: boolean; injectAnnotation?: boolean }
const deployment = (annotations: string, o: PodOpts = {}): File => ({
  path: 'apps/deploy.yaml',
  text:
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${o.namespace ?? 'apps'}\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n` +
    (o.injectLabel ? '        sidecar.istio.io/inject: "false"\n' : '') +
    `      annotations:\n${annotations}` +
    (o.injectAnnotation ? '        sidecar.istio.io/inject: "false"\n' : '') +
    `    spec:\n` + (o.hostNetwork ? '      hostNetwork: true\n' : '') + `      containers:\n      - name: web\n        image: nginx\n`,
})

const CONTROL = /injection rejects the proxy resource annotation sidecar\.istio\.io\/proxyCPU/
const CPU = '        sidecar.istio.io/proxyCPU: "100m\\n"\n'

describe('istio-1.29-annotation-control-characters: only pods the injector processes', () => {
  it('errors on an injected pod with a newline in proxyCPU', async () => {
    const d = deployment(CPU)
    expect(at(await findings(d, '1.29', '1.28', CONTROL))).toEqual([`${d.path}:${lineOf(d.text, 'sidecar.istio.io/proxyCPU')} error`])
  })
  it('says nothing when injection is disabled by label or annotation (the webhook never renders the template)', async () => {
    expect(at(await findings(deployment(CPU, { injectLabel: true }), '1.29', '1.28', CONTROL))).toEqual([])
    expect(at(await findings(deployment(CPU, { injectAnnotation: true }), '1.29', '1.28', CONTROL))).toEqual([])
  })
  it('says nothing on hostNetwork pods and in the namespaces injection ignores', async () => {
    expect(at(await findings(deployment(CPU, { hostNetwork: true }), '1.29', '1.28', CONTROL))).toEqual([])
    expect(at(await findings(deployment(CPU, { namespace: 'kube-system' }), '1.29', '1.28', CONTROL))).toEqual([])
  })
  it('still errors in a namespace whose name only starts like an ignored one', async () => {
    const d = deployment(CPU, { namespace: 'kube-system-apps' })
    expect(at(await findings(d, '1.29', '1.28', CONTROL))).toEqual([`${d.path}:${lineOf(d.text, 'sidecar.istio.io/proxyCPU')} error`])
  })
})

const EVICT = '        sidecar.istio.io/statsEvictionInterval: 90s\n'
const MINUTE = /statsEvictionInterval of a minute or more/
const ONLY_128 = /statsEvictionInterval annotation is only read from Istio 1\.28/
const GZIP = '        sidecar.istio.io/statsCompression: gzip\n'
const COMPRESSION = /no longer reads sidecar\.istio\.io\/statsCompression/

describe('stats annotations: no sidecar on hostNetwork pods or in kube-system', () => {
  const cases: [string, string, string, string, RegExp, 'error' | 'warning' | 'notice'][] = [
    ['istio-1.28.2-stats-eviction-interval-minute', EVICT, '1.28.0', '1.27', MINUTE, 'error'],
    ['istio-1.28-stats-annotations', EVICT, '1.27', '1.26', ONLY_128, 'warning'],
    ['istio-1.29-stats-compression-annotation-removed', GZIP, '1.29', '1.28', COMPRESSION, 'notice'],
  ]
  for (const [id, annotation, target, from, pattern, severity] of cases) {
    it(`${id}: reports on an injected pod`, async () => {
      const d = deployment(annotation)
      const key = annotation.trim().split(':')[0]!
      expect(at(await findings(d, target, from, pattern))).toEqual([`${d.path}:${lineOf(d.text, key)} ${severity}`])
    })
    it(`${id}: quiet on a hostNetwork pod and in kube-system`, async () => {
      expect(at(await findings(deployment(annotation, { hostNetwork: true }), target, from, pattern))).toEqual([])
      expect(at(await findings(deployment(annotation, { namespace: 'kube-system' }), target, from, pattern))).toEqual([])
    })
  }
})

describe('istio-1.28-stats-annotations: statsFlushInterval at Envoy\'s default', () => {
  const FLUSH = /statsFlushInterval annotation is only read from Istio 1\.28/
  it('warns on a flush interval other than 5s', async () => {
    const d = deployment('        sidecar.istio.io/statsFlushInterval: 10s\n')
    expect(at(await findings(d, '1.27', '1.26', FLUSH))).toEqual([`${d.path}:${lineOf(d.text, 'statsFlushInterval')} warning`])
  })
  it('says nothing on 5s or 5000ms: an older proxy that ignores it flushes every 5s anyway', async () => {
    expect(at(await findings(deployment('        sidecar.istio.io/statsFlushInterval: 5s\n'), '1.27', '1.26', FLUSH))).toEqual([])
    expect(at(await findings(deployment('        sidecar.istio.io/statsFlushInterval: 5000ms\n'), '1.27', '1.26', FLUSH))).toEqual([])
  })
})
