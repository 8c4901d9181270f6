// Twentieth audit (census), r20d's ❌ fixes. Each test fails on the entry as it was before the fix.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { runAnalysis } from '../../src/pipeline.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


const listenerSet = [
  'apiVersion: gateway.networking.x-k8s.io/v1alpha1',
  'kind: XListenerSet',
  'metadata:',
  '  name: ls',
  '  namespace: default',
  'spec:',
  '  parentRef:',
  '    name: gw',
  '    kind: Gateway',
  '    group: gateway.networking.k8s.io',
  '  listeners:',
  '  - name: http',
  '    port: 8080',
  '    protocol: HTTP',
  ''
].join('\n')
const gateway = (cls: string): string => ['---', 'apiVersion: gateway.networking.k8s.io/v1', 'kind: Gateway', 'metadata:', '  name: gw', '  namespace: default', 'spec:', `  gatewayClassName: ${cls}`, '  listeners:', '  - name: http', '    port: 80', '    protocol: HTTP', ''].join('\n')

describe('istio-1.27-xlistenerset: only XListenerSets Istio would serve', () => {
  const ID = 'istio-1.27-xlistenerset'
  it('errs on an XListenerSet whose parent is an istio Gateway (target 1.26)', () => {
    const text = listenerSet + gateway('istio')
    expect(at(of(run('ls.yaml', text, '1.26'), ID))).toEqual([`ls.yaml:${lineOf(text, 'apiVersion: gateway.networking.x-k8s.io')} error`])
  })
  it('errs when the parent Gateway is not in the files (the class is unknown)', () => {
    expect(at(of(run('ls.yaml', listenerSet, '1.26'), ID))).toEqual(['ls.yaml:1 error'])
  })
  it('says nothing when the parent Gateway belongs to another controller: Istio never reads that XListenerSet', async () => {
    const ls: File = { path: 'ls.yaml', text: listenerSet }
    const gw = (cls: string): File => ({ path: 'gw.yaml', text: gateway(cls).replace(/^---\n/, '') })
    const xls = async (cls: string) => (await runAnalysis({ changes: added([ls]), head: snapshotOf([ls, gw(cls)]) }, { target: '1.26', paths: ['ls.yaml'], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /experimental XListenerSet only from 1\.27/.test(f.message))
    expect(at(await xls('istio'))).toEqual(['ls.yaml:1 error'])
    expect(await xls('eg')).toEqual([])
  })
})
