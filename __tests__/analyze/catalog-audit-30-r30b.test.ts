// Round 30 census, share r30b (docs/audit/catalog-audit-30-r30b.md).
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

// kind 43: a BackendTLSPolicy annotated istio.io/ignore-policy-attachment: "true" is meant for another controller;
// that Istio 1.26/1.27 does not read the v1 version, a sectionName or a ServiceEntry target of it changes nothing the
// user wants from Istio, so the 1.28 "only from 1.28" errors stay quiet on it (data/catalog/1.30.json
// istio-1.30.1-ignore-policy-attachment speaks for older releases still translating it).
describe('istio-1.28 BackendTLSPolicy entries: quiet on a policy marked for another controller', () => {
  const policy = (apiVersion: string, annotated: boolean, ref: string): File => ({
    path: 'gw/btp.yaml',
    text:
      `apiVersion: gateway.networking.k8s.io/${apiVersion}\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: default\n` +
      (annotated ? '  annotations:\n    istio.io/ignore-policy-attachment: "true"\n' : '') +
      `spec:\n  targetRefs:\n${ref}  validation:\n    hostname: svc.example.com\n    wellKnownCACertificates: System\n`
  })
  const cases: Array<[string, string, string, RegExp, string]> = [
    ['istio-1.28-backend-tls-policy-v1', 'v1', '  - {group: "", kind: Service, name: svc}\n', /reads BackendTLSPolicy at gateway\.networking\.k8s\.io\/v1 only from 1\.28/, 'apiVersion'],
    ['istio-1.28-backend-tls-policy-section-name', 'v1alpha3', '  - group: ""\n    kind: Service\n    name: svc\n    sectionName: https\n', /sectionName \(TLS for one Service port\)/, 'sectionName'],
    ['istio-1.28-backend-tls-policy-serviceentry-target', 'v1alpha3', '  - group: networking.istio.io\n    kind: ServiceEntry\n    name: se\n', /can target a ServiceEntry only from Istio 1\.28/, 'kind: ServiceEntry']
  ]
  for (const [id, version, ref, msg, anchor] of cases) {
    it(`${id}: quiet with the annotation`, async () => {
      const f = policy(version, true, ref)
      expect(await findings([f], '1.27', '1.26', f.path, msg)).toEqual([])
    })
    it(`${id}: still an error without it`, async () => {
      const f = policy(version, false, ref)
      expect(at(await findings([f], '1.27', '1.26', f.path, msg))).toEqual([`${f.path}:${lineOf(f.text, anchor)} ${id === 'istio-1.28-backend-tls-policy-v1' ? 'error' : 'notice'}`]) // v1alpha3 arms: notices since round 38 (r38e), no file turns the alpha flag on
    })
  }
})

// kind 42: Istio's LISTENER_FILTER MERGE (pilot/pkg/networking/core/envoyfilter/listener_patch.go, patchListenerFilters,
// `case MERGE: if !hasListenerFilterMatch(lp) { continue }`) skips a MERGE whose match names no listenerFilter, so such a
// patch does nothing on 1.27 either: no "older releases skip them" warning for it.
describe('istio-1.27-envoyfilter-listener-filter-merge: MERGE without a listenerFilter match is a no-op everywhere', () => {
  const MSG = /MERGE patches on LISTENER_FILTER are only applied from Istio 1\.27/
  const ef = (match: string): File => ({
    path: 'mesh/ef.yaml',
    text:
      'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: tls-inspector\n  namespace: istio-system\nspec:\n  configPatches:\n' +
      `  - applyTo: LISTENER_FILTER\n    match:\n      context: SIDECAR_INBOUND\n${match}    patch:\n      operation: MERGE\n      value:\n        name: envoy.filters.listener.tls_inspector\n`
  })

  it('stays quiet when the match names no listenerFilter', async () => {
    const f = ef('      listener:\n        portNumber: 15006\n')
    expect(await findings([f], '1.26', '1.25', f.path, MSG)).toEqual([])
  })

  it('still warns when it names one', async () => {
    const f = ef('      listener:\n        listenerFilter: envoy.filters.listener.tls_inspector\n')
    expect(at(await findings([f], '1.26', '1.25', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'applyTo: LISTENER_FILTER')} warning`])
  })
})
