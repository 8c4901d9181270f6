// Twenty-sixth audit (census), helper r26c (docs/audit/catalog-audit-26-r26c.md): one test per fix, each failing on
// the entry as it was before the audit, and trip tests on the YAML the narrowed matchers must still report.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Findings on `path` whose message matches `about`, the other files being the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, about: RegExp, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  const settled = catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
  return settled.filter((f) => about.test(f.message))
}

const pod = (opts: { labels?: string[]; annotations: string[] }): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: apps',
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    ...(opts.labels ?? []).map((l) => `        ${l}`),
    '      annotations:',
    ...opts.annotations.map((a) => `        ${a}`),
    '    spec:',
    '      containers:',
    '      - name: c',
    '        image: x',
    ''
  ].join('\n')

const namespace = (labels: string[]): string =>
  ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', ...(labels.length ? ['  labels:', ...labels.map((l) => `    ${l}`)] : []), ''].join('\n')

describe('istio-1.25-dns-capture-annotation: ambient-only, so quiet on a pod whose Namespace is not ambient (kind 33)', () => {
  const id = 'istio-1.25-dns-capture-annotation'
  const about = /dns-capture annotation/
  for (const [value, severity] of [['"true"', 'warning'], ['"false"', 'notice']] as const) {
    const text = pod({ annotations: [`ambient.istio.io/dns-capture: ${value}`] })
    it(`${value}: quiet where the repository's Namespace has no istio.io/dataplane-mode: ambient label`, () => {
      expect(runInRepository({ 'dep.yaml': text, 'ns.yaml': namespace([]) }, 'dep.yaml', about, '1.24', '1.23')).toEqual([])
    })
    it(`${value}: still reported with no Namespace in the repository, in an ambient Namespace, and on a pod labelled ambient`, () => {
      expect(at(of(run('dep.yaml', text, '1.24', '1.23'), id))).toEqual([`dep.yaml:${lineOf(text, 'dns-capture')} ${severity}`])
      const ambientNs = runInRepository({ 'dep.yaml': text, 'ns.yaml': namespace(['istio.io/dataplane-mode: ambient']) }, 'dep.yaml', about, '1.24', '1.23')
      expect(at(ambientNs)).toEqual([`dep.yaml:${lineOf(text, 'dns-capture')} ${severity}`])
      const ambientPod = pod({ labels: ['istio.io/dataplane-mode: ambient'], annotations: [`ambient.istio.io/dns-capture: ${value}`] })
      const found = runInRepository({ 'dep.yaml': ambientPod, 'ns.yaml': namespace([]) }, 'dep.yaml', about, '1.24', '1.23')
      expect(at(found)).toEqual([`dep.yaml:${lineOf(ambientPod, 'dns-capture')} ${severity}`])
    })
  }
})

const cniRelease = (values: string[]): string =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istio-cni',
    '  namespace: istio-system',
    'spec:',
    '  releaseName: istio-cni',
    '  chart:',
    '    spec:',
    '      chart: cni',
    '      version: 1.24.3',
    '      sourceRef:',
    '        kind: HelmRepository',
    '        name: istio',
    '  values:',
    ...values.map((v) => `    ${v}`),
    ''
  ].join('\n')

// The cni chart merges the profile under the user's values (zzz_profile.yaml), then copies `.cni` over the top level
// (zzy_descope_legacy.yaml); the ambient profile sets cni.ambient.enabled: true, so a top-level ambient.enabled: false
// next to profile: ambient leaves ambient on. Only cni.ambient.enabled: false turns it off.
describe('cni entries read ambient as the chart does: top-level ambient.enabled: false does not undo profile: ambient (kind 29)', () => {
  const topOff = cniRelease(['profile: ambient', 'ambient:', '  enabled: false'])
  const cniOff = cniRelease(['profile: ambient', 'cni:', '  ambient:', '    enabled: false'])
  it('istio-1.25-ambient-dns-capture warns on profile: ambient next to a top-level ambient.enabled: false, also one in another file', () => {
    const id = 'istio-1.25-ambient-dns-capture'
    expect(at(of(run('hr.yaml', topOff, '1.25', '1.24'), id))).toEqual([`hr.yaml:${lineOf(topOff, 'profile: ambient')} warning`])
    const profileOnly = cniRelease(['profile: ambient'])
    const other = cniRelease(['ambient:', '  enabled: false'])
    const found = runInRepository({ 'hr.yaml': profileOnly, 'prod.yaml': other }, 'hr.yaml', /DNS proxied by ztunnel/, '1.25', '1.24')
    expect(at(found)).toEqual([`hr.yaml:${lineOf(profileOnly, 'profile: ambient')} warning`])
  })
  it('istio-1.25-ambient-dns-capture stays quiet with cni.ambient.enabled: false', () => {
    expect(of(run('hr.yaml', cniOff, '1.25', '1.24'), 'istio-1.25-ambient-dns-capture')).toEqual([])
  })
  it('istio-1.26-cni-host-network reports profile: ambient next to a top-level ambient.enabled: false, not next to cni.ambient.enabled: false', () => {
    const id = 'istio-1.26-cni-host-network'
    expect(at(of(run('hr.yaml', topOff, '1.26', '1.25'), id))).toEqual([`hr.yaml:${lineOf(topOff, 'profile: ambient')} notice`])
    expect(of(run('hr.yaml', cniOff, '1.26', '1.25'), id)).toEqual([])
  })
})

describe('istio-1.25-ambient-dns-capture: a top-level ambient.enabled: true is overwritten by cni.ambient.enabled: false in the same values', () => {
  const id = 'istio-1.25-ambient-dns-capture'
  it('is quiet where cni.ambient.enabled: false wins, still warns on ambient.enabled: true alone', () => {
    const both = cniRelease(['ambient:', '  enabled: true', 'cni:', '  ambient:', '    enabled: false'])
    expect(of(run('hr.yaml', both, '1.25', '1.24'), id)).toEqual([])
    const on = cniRelease(['ambient:', '  enabled: true'])
    expect(at(of(run('hr.yaml', on, '1.25', '1.24'), id))).toEqual([`hr.yaml:${lineOf(on, 'enabled: true')} warning`])
  })
})

describe('istio-1.25-ambient-dns-capture: the ambient Namespace notice is quiet where the istio-cni install turns ambient off (kind 20)', () => {
  it('quiet with cni.ambient.enabled: false in the repository, a notice without it', () => {
    const ns = namespace(['istio.io/dataplane-mode: ambient'])
    const about = /new pods in this ambient namespace/
    expect(at(runInRepository({ 'ns.yaml': ns }, 'ns.yaml', about, '1.25', '1.24'))).toEqual([`ns.yaml:${lineOf(ns, 'dataplane-mode')} notice`])
    const off = cniRelease(['profile: ambient', 'cni:', '  ambient:', '    enabled: false'])
    expect(runInRepository({ 'ns.yaml': ns, 'cni.yaml': off }, 'ns.yaml', about, '1.25', '1.24')).toEqual([])
  })
})

describe('ambient-only pod annotations are quiet where the istio-cni install turns ambient off (kind 20)', () => {
  const off = cniRelease(['profile: ambient', 'cni:', '  ambient:', '    enabled: false'])
  it('istio-1.25-dns-capture-annotation', () => {
    const text = pod({ labels: ['istio.io/dataplane-mode: ambient'], annotations: ['ambient.istio.io/dns-capture: "true"'] })
    expect(at(runInRepository({ 'dep.yaml': text }, 'dep.yaml', /dns-capture annotation/, '1.24', '1.23'))).toEqual([`dep.yaml:${lineOf(text, 'dns-capture')} warning`])
    expect(runInRepository({ 'dep.yaml': text, 'cni.yaml': off }, 'dep.yaml', /dns-capture annotation/, '1.24', '1.23')).toEqual([])
  })
  it('istio-1.25-reroute-virtual-interfaces-annotation on an ambient pod', () => {
    const text = pod({ labels: ['istio.io/dataplane-mode: ambient'], annotations: ['istio.io/reroute-virtual-interfaces: "k6t-eth0"'] })
    const about = /reroute-virtual-interfaces annotation/
    expect(at(runInRepository({ 'dep.yaml': text }, 'dep.yaml', about, '1.24', '1.23'))).toEqual([`dep.yaml:${lineOf(text, 'reroute-virtual')} warning`])
    expect(runInRepository({ 'dep.yaml': text, 'cni.yaml': off }, 'dep.yaml', about, '1.24', '1.23')).toEqual([])
  })
})
