// Twentieth audit (census), helper r20c (docs/audit/catalog-audit-20-r20c.md): one test per fix, each failing on the
// entry as it was before the audit.
import { describe, expect, it } from '@jest/globals'
import { catalogAnalyzer } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'

/** Findings on `path` with the other files as the rest of the repository (opt-outs written elsewhere count). */
function runInRepository(files: Record<string, string>, path: string, target: string, from?: string): Finding[] {
  const parsed = Object.entries(files).map(([p, t]) => parseManifestFile(p, t))
  for (const f of parsed) expect(f.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseFromRelease(from) } : {}), files: parsed }
  const found = parsed.find((f) => f.path === path)!.documents.flatMap((d) => catalogAnalyzer.check(d, ctx))
  return catalogAnalyzer.settle ? catalogAnalyzer.settle(found, ctx) : found
}

/** A VM launcher Deployment with the given pod template labels/annotations and pod spec lines. */
function vm(opts: { ns?: string; labels?: string[]; annotations: string[]; spec?: string[] }): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: vm',
    ...(opts.ns ? [`  namespace: ${opts.ns}`] : []),
    'spec:',
    '  selector:',
    '    matchLabels: {app: vm}',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: vm',
    ...(opts.labels ?? []).map((l) => `        ${l}`),
    '      annotations:',
    ...opts.annotations.map((a) => `        ${a}`),
    '    spec:',
    ...(opts.spec ?? []).map((s) => `      ${s}`),
    '      containers:',
    '      - name: c',
    '        image: x',
    '',
  ].join('\n')
}

describe('istio-1.25-kubevirt-interfaces-deprecated: only pods the sidecar injector processes', () => {
  const ID = 'istio-1.25-kubevirt-interfaces-deprecated'
  const old = 'traffic.sidecar.istio.io/kubevirtInterfaces: k6t-eth0'

  it('warns on an injected pod template', () => {
    const text = vm({ annotations: [old] })
    expect(at(of(run('vm.yaml', text, '1.25', '1.24'), ID))).toEqual([`vm.yaml:${lineOf(text, 'kubevirtInterfaces')} warning`])
  })

  it('says nothing where no sidecar is injected (inject false, host network, kube-system)', () => {
    expect(of(run('vm.yaml', vm({ labels: ['sidecar.istio.io/inject: "false"'], annotations: [old] }), '1.25', '1.24'), ID)).toEqual([])
    expect(of(run('vm.yaml', vm({ annotations: [old, 'sidecar.istio.io/inject: "false"'] }), '1.25', '1.24'), ID)).toEqual([])
    expect(of(run('vm.yaml', vm({ annotations: [old], spec: ['hostNetwork: true'] }), '1.25', '1.24'), ID)).toEqual([])
    expect(of(run('vm.yaml', vm({ ns: 'kube-system', annotations: [old] }), '1.25', '1.24'), ID)).toEqual([])
  })

  it('says nothing in a Namespace written with istio-injection=disabled in another file', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: vms\n  labels:\n    istio-injection: disabled\n'
    const text = vm({ ns: 'vms', annotations: [old] })
    const found = runInRepository({ 'vm.yaml': text, 'ns.yaml': ns }, 'vm.yaml', '1.25', '1.24').filter((f) => f.rule === 'deprecated' && f.path?.includes('kubevirtInterfaces'))
    expect(found).toEqual([])
    const other = runInRepository({ 'vm.yaml': vm({ ns: 'apps', annotations: [old] }), 'ns.yaml': ns }, 'vm.yaml', '1.25', '1.24').filter((f) => f.rule === 'deprecated' && f.path?.includes('kubevirtInterfaces'))
    expect(other.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`vm.yaml:${lineOf(text, 'kubevirtInterfaces')} warning`])
  })
})

describe('istio-1.25-reroute-virtual-interfaces-annotation: a host-network pod is captured by nothing', () => {
  const ID = 'istio-1.25-reroute-virtual-interfaces-annotation'
  const annotation = 'istio.io/reroute-virtual-interfaces: k6t-eth0'

  it('warns on a pod template before 1.25 and stays quiet on the host network', () => {
    const text = vm({ annotations: [annotation] })
    expect(at(of(run('vm.yaml', text, '1.24'), ID))).toEqual([`vm.yaml:${lineOf(text, 'reroute-virtual-interfaces')} warning`])
    expect(of(run('vm.yaml', vm({ annotations: [annotation], spec: ['hostNetwork: true'] }), '1.24'), ID)).toEqual([])
  })
})

describe('istio-1.24-istio-csr-alpn: an istio-csr release with the ALPN fix pinned in the repository', () => {
  const istiod = [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: istiod',
    '  namespace: istio-system',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    '      version: 1.24.0',
    '      sourceRef: {kind: HelmRepository, name: istio}',
    '  values:',
    '    global:',
    '      caAddress: cert-manager-istio-csr.cert-manager.svc:443',
    '',
  ].join('\n')
  const csr = (version: string): string =>
    [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata:',
      '  name: istio-csr',
      '  namespace: cert-manager',
      'spec:',
      '  chart:',
      '    spec:',
      '      chart: cert-manager-istio-csr',
      `      version: ${version}`,
      '      sourceRef: {kind: HelmRepository, name: jetstack}',
      '',
    ].join('\n')
  const alpn = (fs: Finding[]): string[] => fs.filter((f) => f.message.includes('ALPN')).map((f) => `${f.file}:${f.line} ${f.severity}`)

  it('warns while istio-csr is not in the files, and errs where it is v0.12.0 or older (round 38 r38c: the handshake fails)', () => {
    const line = lineOf(istiod, 'caAddress')
    expect(alpn(runInRepository({ 'istiod.yaml': istiod }, 'istiod.yaml', '1.24', '1.23'))).toEqual([`istiod.yaml:${line} warning`])
    expect(alpn(runInRepository({ 'istiod.yaml': istiod, 'csr.yaml': csr('v0.12.0') }, 'istiod.yaml', '1.24', '1.23'))).toEqual([`istiod.yaml:${line} error`])
  })

  it('says nothing when the repository pins istio-csr v0.13.0 or later, which negotiates ALPN', () => {
    expect(alpn(runInRepository({ 'istiod.yaml': istiod, 'csr.yaml': csr('v0.13.0') }, 'istiod.yaml', '1.24', '1.23'))).toEqual([])
    expect(alpn(runInRepository({ 'istiod.yaml': istiod, 'csr.yaml': csr('0.14.2') }, 'istiod.yaml', '1.24', '1.23'))).toEqual([])
  })
})

describe('istio-1.25-ingress-use-waypoint-on-namespace: a warning only where the Namespace uses a waypoint', () => {
  const ID = 'istio-1.25-ingress-use-waypoint-on-namespace'
  const ns = (labels: string[]): string => ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: apps', '  labels:', ...labels.map((l) => `    ${l}`), ''].join('\n')

  it('warns before 1.25 when the Namespace also names a waypoint', () => {
    const text = ns(['istio.io/dataplane-mode: ambient', 'istio.io/use-waypoint: waypoint', 'istio.io/ingress-use-waypoint: "true"'])
    expect(at(of(run('ns.yaml', text, '1.24'), ID))).toEqual([`ns.yaml:${lineOf(text, 'ingress-use-waypoint')} warning`])
    expect(of(run('ns.yaml', text, '1.25'), ID)).toEqual([])
  })

  it('is a notice when the Namespace names no waypoint (use-waypoint absent or none)', () => {
    for (const extra of [[], ['istio.io/use-waypoint: none']]) {
      const text = ns(['istio.io/dataplane-mode: ambient', ...extra, 'istio.io/ingress-use-waypoint: "true"'])
      expect(at(of(run('ns.yaml', text, '1.24'), ID))).toEqual([`ns.yaml:${lineOf(text, 'ingress-use-waypoint')} notice`])
    }
  })
})

describe('ambient pod annotations in kube-system, which the istio-cni chart excludes by default (excludeNamespaces)', () => {
  it('istio-1.25-dns-capture-annotation warns in an ordinary namespace and says nothing in kube-system', () => {
    const ID = 'istio-1.25-dns-capture-annotation'
    const text = vm({ ns: 'apps', annotations: ['ambient.istio.io/dns-capture: "true"'] })
    expect(at(of(run('vm.yaml', text, '1.24'), ID))).toEqual([`vm.yaml:${lineOf(text, 'dns-capture')} warning`])
    expect(of(run('vm.yaml', vm({ ns: 'kube-system', annotations: ['ambient.istio.io/dns-capture: "true"'] }), '1.24'), ID)).toEqual([])
    expect(of(run('vm.yaml', vm({ ns: 'kube-system', annotations: ['ambient.istio.io/dns-capture: "false"'] }), '1.24'), ID)).toEqual([])
  })

  it('istio-1.25-reroute-virtual-interfaces-annotation says nothing in kube-system (no sidecar, no ambient capture)', () => {
    const ID = 'istio-1.25-reroute-virtual-interfaces-annotation'
    expect(of(run('vm.yaml', vm({ ns: 'kube-system', annotations: ['istio.io/reroute-virtual-interfaces: k6t-eth0'] }), '1.24'), ID)).toEqual([])
  })
})

describe('istio-1.25-scoping-and-target-port-opt-outs-removed: the scoping opt-out only mattered with discovery selectors', () => {
  const ID = 'istio-1.25-scoping-and-target-port-opt-outs-removed'
  const values = (mesh: string[]): string => ['pilot:', '  env:', '    ENABLE_ENHANCED_RESOURCE_SCOPING: "false"', ...mesh, ''].join('\n')

  it('warns when the same values set discovery selectors that leave namespaces out', () => {
    const text = values(['meshConfig:', '  discoverySelectors:', '  - matchLabels:', '      istio-discovery: enabled'])
    expect(at(of(run('istiod-values.yaml', text, '1.25', '1.24'), ID))).toEqual([`istiod-values.yaml:${lineOf(text, 'ENABLE_ENHANCED')} warning`])
  })

  it('is a notice without selectors, or with an empty one that selects every namespace', () => {
    const none = values(['meshConfig:', '  accessLogFile: /dev/stdout'])
    const found = of(run('istiod-values.yaml', none, '1.25', '1.24'), ID)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(none, 'ENABLE_ENHANCED')} notice`])
    expect(found[0]!.message).toContain('without them nothing changes')
    const empty = values(['meshConfig:', '  discoverySelectors:', '  - {}'])
    expect(at(of(run('istiod-values.yaml', empty, '1.25', '1.24'), ID))).toEqual([`istiod-values.yaml:${lineOf(empty, 'ENABLE_ENHANCED')} notice`])
  })

  it('warns on an IstioOperator whose meshConfig sets selectors', () => {
    const iop = ['apiVersion: install.istio.io/v1alpha1', 'kind: IstioOperator', 'spec:', '  meshConfig:', '    discoverySelectors:', '    - matchLabels: {mesh: "on"}', '  values:', '    pilot:', '      env:', '        ENABLE_ENHANCED_RESOURCE_SCOPING: "false"', ''].join('\n')
    expect(at(of(run('iop.yaml', iop, '1.25', '1.24'), ID))).toEqual([`iop.yaml:${lineOf(iop, 'ENABLE_ENHANCED')} warning`])
  })
})
