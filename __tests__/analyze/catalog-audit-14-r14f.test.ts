// Audit 14 (r14f, census of 29 entries of 1.29/1.30): the ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-14-r14f.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function repoFindings(files: readonly File[], target: string, pattern: RegExp, from?: string): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => pattern.test(f.message))
}

describe('istio-1.29-bypass-inbound-capture-hbone: a pod that gets a sidecar through a revision label is never ambient-captured', () => {
  const ID = 'istio-1.29-bypass-inbound-capture-hbone'
  const BYPASS = /bypass-inbound-capture also breaks inbound HBONE/
  const deployment = (labels: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a${labels}}\n      annotations:\n        ambient.istio.io/bypass-inbound-capture: "true"\n    spec:\n      containers: [{name: a, image: a}]\n`
  const path = 'apps/a.yaml'

  it('is silent when the pod template carries istio.io/rev (the revision webhook injects a sidecar)', () => {
    expect(of(run(path, deployment(', istio.io/rev: canary'), '1.28'), ID)).toEqual([])
  })
  it('still errors on an ambient pod without a revision label', () => {
    const text = deployment(', istio.io/dataplane-mode: ambient')
    expect(at(of(run(path, text, '1.28'), ID))).toEqual([`${path}:${lineOf(text, 'bypass-inbound-capture')} error`])
  })
  it('is silent when a Namespace in the repository carries istio.io/rev (its pods get sidecars)', async () => {
    const files: File[] = [{ path, text: deployment('') }, { path: 'ns/shop.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/rev: canary\n' }]
    expect(await repoFindings(files, '1.28', BYPASS)).toEqual([])
  })
  // audit 16 (r16f) gave a pod without its own ambient label the conditional warning; since round 41 (m41c) a match can
  // require its Namespace's own label (ifRepository with ownNamespace), so next to an ambient Namespace it is the error
  it('errs next to an ambient Namespace', async () => {
    const text = deployment('')
    const files: File[] = [{ path, text }, { path: 'ns/shop.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n' }]
    expect(at(await repoFindings(files, '1.28', BYPASS))).toEqual([`${path}:${lineOf(text, 'bypass-inbound-capture')} error`])
  })
})

describe('istio-1.30-exclude-interfaces-validation: pods the injector never injects are never validated', () => {
  const ID = 'istio-1.30-exclude-interfaces-validation'
  const deployment = (namespace: string, spec: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n      annotations:\n        traffic.sidecar.istio.io/excludeInterfaces: "eth0,averyveryverylongname0"\n    spec:\n${spec}      containers: [{name: a, image: a}]\n`
  const path = 'apps/d.yaml'

  it('is silent on a hostNetwork pod (injectRequired skips host-network pods)', () => {
    expect(of(run(path, deployment('apps', '      hostNetwork: true\n'), '1.30', '1.29'), ID)).toEqual([])
  })
  for (const ns of ['kube-system', 'kube-public']) {
    it(`is silent in ${ns} (the injector ignores it)`, () => {
      expect(of(run(path, deployment(ns, ''), '1.30', '1.29'), ID)).toEqual([])
    })
  }
  it('still errors on an ordinary pod, also with hostNetwork: false', () => {
    for (const spec of ['', '      hostNetwork: false\n']) {
      const text = deployment('apps', spec)
      expect(at(of(run(path, text, '1.30', '1.29'), ID))).toEqual([`${path}:${lineOf(text, 'excludeInterfaces')} error`])
    }
  })
})
