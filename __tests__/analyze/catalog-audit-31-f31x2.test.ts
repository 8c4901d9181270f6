// Thirty-first audit, fixes by helper f31x2 (docs/audit/catalog-audit-31-m31b.md #8, catalog-audit-31-m31d.md #6 and
// #9): each "quiet" test fails on the entry as it was before the fix; each trip test asserts file and line of what
// is still reported.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer, catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import { lineOf } from '../support/catalog-run.js'

/** One entry's findings over several files read in one run, after the catalog's settle step (opt-outs), as file:line severity. */
function settled(id: string, files: Record<string, string>, target: string, from?: string): string[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.flatMap((f) => f.documents.flatMap((d) => catalogFindings(d, ctx)))
  const kept = new Set(catalogAnalyzer.settle!(found.map((h) => h.finding), ctx))
  return found.filter((h) => h.entryId === id && kept.has(h.finding)).map((h) => `${h.finding.file}:${h.finding.line} ${h.finding.severity}`)
}

describe('istio-1.25-dns-capture-annotation: ambient off in the 1.24 cni chart layout (m31b #8)', () => {
  const id = 'istio-1.25-dns-capture-annotation'
  const pod = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    '  namespace: apps',
    'spec:',
    '  template:',
    '    metadata:',
    '      labels:',
    '        istio.io/dataplane-mode: ambient',
    '      annotations:',
    '        ambient.istio.io/dns-capture: "true"',
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: app',
    ''
  ].join('\n')
  const warning = [`app.yaml:${lineOf(pod, 'dns-capture')} warning`]
  it('top-level ambient.enabled: false in the cni values silences it at target 1.24 (the 1.24 chart reads that key)', () => {
    expect(settled(id, { 'app.yaml': pod, 'istio-cni/values.yaml': 'global:\n  hub: example.com\nambient:\n  enabled: false\n' }, '1.24', '1.23')).toEqual([])
  })
  it('the same in a cni HelmRelease silences it too', () => {
    const hr = ['apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata:', '  name: istio-cni', '  namespace: istio-system', 'spec:', '  chart:', '    spec:', '      chart: cni', '      version: 1.24.0', '      sourceRef:', '        kind: HelmRepository', '        name: istio', '  values:', '    ambient:', '      enabled: false', ''].join('\n')
    const repo = ['apiVersion: source.toolkit.fluxcd.io/v1', 'kind: HelmRepository', 'metadata:', '  name: istio', '  namespace: istio-system', 'spec:', '  url: https://istio-release.storage.googleapis.com/charts', ''].join('\n')
    expect(settled(id, { 'app.yaml': pod, 'cni.yaml': hr, 'repo.yaml': repo }, '1.24', '1.23')).toEqual([])
  })
  it('still warns where the same values file sets profile: ambient (the profile cni.ambient.enabled: true is copied over the top level)', () => {
    expect(settled(id, { 'app.yaml': pod, 'istio-cni/values.yaml': 'profile: ambient\nglobal:\n  hub: example.com\nambient:\n  enabled: false\n' }, '1.24', '1.23')).toEqual(warning)
  })
  it('still warns at target 1.23, whose cni chart reads only cni.ambient.enabled', () => {
    expect(settled(id, { 'app.yaml': pod, 'istio-cni/values.yaml': 'global:\n  hub: example.com\nambient:\n  enabled: false\n' }, '1.23', '1.22')).toEqual(warning)
  })
  it('still warns without any opt-out', () => {
    expect(settled(id, { 'app.yaml': pod }, '1.24', '1.23')).toEqual(warning)
  })
})

describe('istio-1.23-cni-log-level-deprecated: global.logging.level in an IstioOperator overlay (m31d #6)', () => {
  const id = 'istio-1.23-cni-log-level-deprecated'
  const iop = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'metadata:', '  name: base', '  namespace: istio-system', 'spec:', '  values:', '    cni:', '      logLevel: warn', ''].join('\n')
  const overlay = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'spec:', '  values:', '    global:', '      logging:', '        level: "default:warn"', ''].join('\n')
  it('an overlay IstioOperator in another file that sets values.global.logging.level silences it', () => {
    expect(settled(id, { 'iop.yaml': iop, 'overlay.yaml': overlay }, '1.23', '1.22')).toEqual([])
  })
  it('still warns on the IstioOperator alone', () => {
    expect(settled(id, { 'iop.yaml': iop }, '1.23', '1.22')).toEqual([`iop.yaml:${lineOf(iop, 'logLevel')} warning`])
  })
})

describe('istio-1.27-cni-owned-config-filename-typo: the right key in another values file of the install (m31d #9)', () => {
  const id = 'istio-1.27-cni-owned-config-filename-typo'
  const values = ['profile: ambient', 'istioOwnedCNIConfig: true', 'istioOwnedCNIConfigFilename: 00-istio-cni.conflist', ''].join('\n')
  const warning = [`istio-cni/values.yaml:${lineOf(values, 'istioOwnedCNIConfigFilename')} warning`]
  it('values-prod.yaml with cni.istioOwnedCNIConfigFileName silences it', () => {
    expect(settled(id, { 'istio-cni/values.yaml': values, 'istio-cni/values-prod.yaml': 'cni:\n  istioOwnedCNIConfigFileName: 00-istio.conflist\n' }, '1.27', '1.26')).toEqual([])
  })
  it('values-prod.yaml with the top-level istioOwnedCNIConfigFileName silences it', () => {
    expect(settled(id, { 'istio-cni/values.yaml': values, 'istio-cni/values-prod.yaml': 'global:\n  hub: example.com\nistioOwnedCNIConfigFileName: 00-istio.conflist\n' }, '1.27', '1.26')).toEqual([])
  })
  it('values-prod.yaml with env.ISTIO_OWNED_CNI_CONF_FILENAME silences it', () => {
    expect(settled(id, { 'istio-cni/values.yaml': values, 'istio-cni/values-prod.yaml': 'global:\n  hub: example.com\nenv:\n  ISTIO_OWNED_CNI_CONF_FILENAME: 00-istio.conflist\n' }, '1.27', '1.26')).toEqual([])
  })
  it('still warns alone, and where the other file repeats the misspelt key only', () => {
    expect(settled(id, { 'istio-cni/values.yaml': values }, '1.27', '1.26')).toEqual(warning)
    expect(settled(id, { 'istio-cni/values.yaml': values, 'istio-cni/values-prod.yaml': 'global:\n  hub: example.com\nistioOwnedCNIConfigFilename: 00-istio.conflist\n' }, '1.27', '1.26')).toEqual(warning)
  })
})

// The same gap found by a sweep of every cni-chart helmValue opt-out: an "ambient off" opt-out written only as
// cni.ambient.enabled, though the 1.24+ cni chart reads the top-level ambient.enabled (charts/cni/1.24.0/values.yaml,
// templates/configmap-cni.yaml); the top-level form counts only where its file does not set profile: ambient, whose
// cni.ambient.enabled: true zzy_descope_legacy.yaml copies over the top level after the profile is merged.
describe('sweep: cni ambient-off opt-outs also read the top-level ambient.enabled of the 1.24+ chart', () => {
  const off = 'global:\n  hub: example.com\nambient:\n  enabled: false\n'
  const offWithProfile = 'profile: ambient\n' + off
  it('istio-1.24-ambient-dns-upgrade-order: another cni values file with ambient.enabled: false silences the ambient.enabled: true arm', () => {
    const id = 'istio-1.24-ambient-dns-upgrade-order'
    const values = 'global:\n  hub: example.com\nambient:\n  enabled: true\n  dnsCapture: true\n'
    const warning = settled(id, { 'istio-cni/values.yaml': values }, '1.24', '1.23')
    expect(warning).toEqual([`istio-cni/values.yaml:${lineOf(values, 'dnsCapture')} ${warning[0]?.split(' ')[1]}`])
    expect(settled(id, { 'istio-cni/values.yaml': values, 'other/istio-cni/values.yaml': off }, '1.24', '1.23')).toEqual([])
    expect(settled(id, { 'istio-cni/values.yaml': values, 'other/istio-cni/values.yaml': offWithProfile }, '1.24', '1.23')).toEqual(warning)
  })
  it('istio-1.25-reroute-virtual-interfaces-annotation: ambient.enabled: false in the cni values silences the ambient-pod arm at 1.24, not at 1.23', () => {
    const id = 'istio-1.25-reroute-virtual-interfaces-annotation'
    const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: vm', '  namespace: apps', '  labels:', '    istio.io/dataplane-mode: ambient', '  annotations:', '    istio.io/reroute-virtual-interfaces: "eth1"', 'spec:', '  containers:', '  - name: vm', '    image: vm', ''].join('\n')
    const at24 = settled(id, { 'pod.yaml': pod }, '1.24', '1.23')
    expect(at24.map((s) => s.split(' ')[0])).toEqual([`pod.yaml:${lineOf(pod, 'reroute-virtual-interfaces')}`])
    expect(settled(id, { 'pod.yaml': pod, 'istio-cni/values.yaml': off }, '1.24', '1.23')).toEqual([])
    expect(settled(id, { 'pod.yaml': pod, 'istio-cni/values.yaml': offWithProfile }, '1.24', '1.23')).toEqual(at24)
    expect(settled(id, { 'pod.yaml': pod, 'istio-cni/values.yaml': off }, '1.23', '1.22').map((s) => s.split(' ')[0])).toEqual([`pod.yaml:${lineOf(pod, 'reroute-virtual-interfaces')}`])
  })
  it('istio-1.25-ambient-dns-capture: ambient.enabled: false in the cni values silences the Namespace-label notice', () => {
    const id = 'istio-1.25-ambient-dns-capture'
    const ns = ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', '  labels:', '    istio.io/dataplane-mode: ambient', ''].join('\n')
    const notice = [`ns.yaml:${lineOf(ns, 'dataplane-mode')} notice`]
    expect(settled(id, { 'ns.yaml': ns }, '1.25', '1.24')).toEqual(notice)
    expect(settled(id, { 'ns.yaml': ns, 'istio-cni/values.yaml': off }, '1.25', '1.24')).toEqual([])
    // (the profile: ambient values file reports on its own line; the Namespace keeps its notice)
    expect(settled(id, { 'ns.yaml': ns, 'istio-cni/values.yaml': offWithProfile }, '1.25', '1.24').filter((s) => s.startsWith('ns.yaml'))).toEqual(notice)
  })
})
