// Audit 12 (r12c, census of 1.24–1.26 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12c.md. Both are an IstioOperator whose compatibility profile keeps the old
// behaviour, written in the other of the two places istioctl reads it from (spec.compatibilityVersion, or the chart
// value spec.values.compatibilityVersion).
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const iop = (spec: string): File => ({
  path: 'install/istio-operator.yaml',
  text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: ambient\nspec:\n  profile: ambient\n${spec}`
})

describe('istio-1.25-ambient-dns-capture: an IstioOperator keeping the 1.24 profile through spec.compatibilityVersion', () => {
  const DNS = /have their DNS proxied by ztunnel by default/
  it('warns at spec.profile: ambient on the 1.24 → 1.25 upgrade without a compatibility profile', async () => {
    const file = iop('')
    expect(at(await findings([file], '1.25', '1.24', file.path, DNS))).toEqual([`${file.path}:${lineOf(file.text, 'profile: ambient')} warning`])
  })
  for (const spec of ['  compatibilityVersion: "1.24"\n', '  compatibilityVersion: "1.23"\n', '  values:\n    compatibilityVersion: "1.24"\n']) {
    it(`is silent with ${spec.trim().replace(/\n\s*/g, ' ')} (the profile sets ambient.dnsCapture: false)`, async () => {
      const file = iop(spec)
      expect(await findings([file], '1.25', '1.24', file.path, DNS)).toEqual([])
    })
  }
})

describe('istio-1.26-cni-host-network: an IstioOperator keeping the 1.25 profile through spec.values.compatibilityVersion', () => {
  const HOST = /no longer runs in the host network namespace/
  it('notes spec.profile: ambient on the 1.25 → 1.26 upgrade without a compatibility profile', async () => {
    const file = iop('')
    expect(at(await findings([file], '1.26', '1.25', file.path, HOST))).toEqual([`${file.path}:${lineOf(file.text, 'profile: ambient')} notice`])
  })
  for (const spec of ['  compatibilityVersion: "1.25"\n', '  values:\n    compatibilityVersion: "1.25"\n']) {
    it(`is silent with ${spec.trim().replace(/\n\s*/g, ' ')} (the profile sets ambient.shareHostNetworkNamespace: true)`, async () => {
      const file = iop(spec)
      expect(await findings([file], '1.26', '1.25', file.path, HOST)).toEqual([])
    })
  }
})

// The same two entries, with the setting that makes the change moot written in ANOTHER values file of the istio-cni
// installation (or in the IstioOperator that enables ambient through spec.values.cni.ambient.enabled).
const cniValues: File = { path: 'platform/istio-cni/values.yaml', text: 'profile: ambient\n' }
const cniSibling = (name: string, text: string): File => ({ path: `platform/istio-cni/values-${name}.yaml`, text })
const unrelated = cniSibling('hub', 'global:\n  hub: registry.example.com/istio\n')

describe('istio-1.25-ambient-dns-capture: DNS capture or a 1.24 profile settled in another file', () => {
  const DNS = /have their DNS proxied by ztunnel by default/
  const warned = [`${cniValues.path}:${lineOf(cniValues.text, 'profile: ambient')} warning`]
  it('warns at profile: ambient when no other file settles DNS capture (trip)', async () => {
    expect(at(await findings([cniValues, unrelated], '1.25', '1.24', cniValues.path, DNS))).toEqual(warned)
  })
  const moot: [string, File][] = [
    ['ambient.dnsCapture: false', cniSibling('dns', 'global:\n  hub: registry.example.com/istio\nambient:\n  dnsCapture: false\n')],
    ['cni.ambient.dnsCapture: true (already on before 1.25)', cniSibling('dns', 'cni:\n  ambient:\n    dnsCapture: true\n')],
    ['compatibilityVersion: "1.24"', cniSibling('compat', 'compatibilityVersion: "1.24"\n')]
  ]
  for (const [what, file] of moot) {
    it(`is silent when a sibling values file sets ${what}`, async () => {
      expect(await findings([cniValues, file], '1.25', '1.24', cniValues.path, DNS)).toEqual([])
    })
  }
  it('is silent on an IstioOperator enabling ambient through spec.values.cni.ambient.enabled with spec.compatibilityVersion 1.24', async () => {
    const file: File = {
      path: 'install/istio-operator.yaml',
      text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: ambient\nspec:\n  compatibilityVersion: "1.24"\n  components:\n    cni:\n      enabled: true\n  values:\n    cni:\n      ambient:\n        enabled: true\n'
    }
    expect(await findings([file], '1.25', '1.24', file.path, DNS)).toEqual([])
    const plain: File = { path: file.path, text: file.text.replace('  compatibilityVersion: "1.24"\n', '') }
    expect(at(await findings([plain], '1.25', '1.24', plain.path, DNS))).toEqual([`${plain.path}:${lineOf(plain.text, '        enabled: true')} warning`])
  })
})

describe('istio-1.26-cni-host-network: shareHostNetworkNamespace set in another values file', () => {
  const HOST = /no longer runs in the host network namespace/
  it('notes profile: ambient when no other file sets it (trip)', async () => {
    expect(at(await findings([cniValues, unrelated], '1.26', '1.25', cniValues.path, HOST))).toEqual([`${cniValues.path}:${lineOf(cniValues.text, 'profile: ambient')} notice`])
  })
  for (const text of ['global:\n  hub: registry.example.com/istio\nambient:\n  shareHostNetworkNamespace: true\n', 'cni:\n  ambient:\n    shareHostNetworkNamespace: true\n']) {
    it(`is silent with ${text.includes('cni:') ? 'cni.' : ''}ambient.shareHostNetworkNamespace: true in a sibling values file`, async () => {
      expect(await findings([cniValues, cniSibling('host', text)], '1.26', '1.25', cniValues.path, HOST)).toEqual([])
    })
  }
})

describe('istio-1.25-envoy-internal-address: the Envoy runtime flag behind the change, set mesh-wide in another file', () => {
  // istio/istio releasenotes/notes/53402.yaml (1.25.0): the old default comes back with
  // envoy.reloadable_features.explicit_internal_address_config=false; ISTIO-SECURITY-2024-006 (1.22.5/1.23.2) had users
  // set it to true through meshConfig.defaultConfig.runtimeValues, which already made the 1.25 default theirs.
  const vs: File = {
    path: 'apps/route.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\nspec:\n  hosts: [r]\n  http:\n  - match:\n    - headers:\n        x-envoy-internal:\n          exact: "true"\n    route:\n    - destination:\n        host: r\n'
  }
  const runtime = (value: string): File => ({
    path: 'platform/istiod/values.yaml',
    text: `meshConfig:\n  defaultConfig:\n    runtimeValues:\n      "envoy.reloadable_features.explicit_internal_address_config": "${value}"\n`
  })
  const INTERNAL = /no longer count private IP addresses as internal/
  const warned = [`${vs.path}:${lineOf(vs.text, 'x-envoy-internal')} warning`]
  it('warns at the header match on the 1.24 → 1.25 upgrade when the flag is set nowhere (trip)', async () => {
    expect(at(await findings([vs], '1.25', '1.24', vs.path, INTERNAL))).toEqual(warned)
  })
  it('is silent when the mesh already runs with the flag true (the 1.25 default)', async () => {
    expect(await findings([vs, runtime('true')], '1.25', '1.24', vs.path, INTERNAL)).toEqual([])
    expect(await findings([vs, runtime('true')], '1.28', '1.24', vs.path, INTERNAL)).toEqual([])
  })
  it('is silent with the flag false (old behaviour kept) while Envoy still has the guard, and warns again from 1.28 (Envoy 1.36 removed it)', async () => {
    expect(await findings([vs, runtime('false')], '1.25', '1.24', vs.path, INTERNAL)).toEqual([])
    expect(await findings([vs, runtime('false')], '1.27', '1.24', vs.path, INTERNAL)).toEqual([])
    expect(at(await findings([vs, runtime('false')], '1.28', '1.24', vs.path, INTERNAL))).toEqual(warned)
  })
})
