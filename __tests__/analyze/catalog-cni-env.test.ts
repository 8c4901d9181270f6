// Environment variables of the istio-cni node agent (env component `cni`) and of istio-init (proxyMetadata):
// every place they are set, on both sides of each entry's release boundary, and the places they are not read.
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'

function run(path: string, text: string, target: string): { entryId: string; finding: Finding }[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file] }
  return file.documents.flatMap((d) => catalogFindings(d, ctx))
}

function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0
  const i = text.split('\n').findIndex((l) => l.includes(needle) && ++seen === nth)
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

const of = (r: ReturnType<typeof run>, id: string) => r.filter((f) => f.entryId === id).map((f) => ({ file: f.finding.file, line: f.finding.line, rule: f.finding.rule, severity: f.finding.severity, path: f.finding.path }))

const SAFE = 'istio-1.25-cni-safe-upgrade-env'
const FORCE = 'istio-1.28-force-iptables-binary'
const ENI = 'istio-1.30-cni-aws-branch-eni-probe-env'

const cniRelease = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
    profile: ambient
    env:
      AMBIENT_DISABLE_SAFE_UPGRADE: "false"
      FORCE_IPTABLES_BINARY: nft
      AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE: "true"
`

const operator = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: ambient
spec:
  profile: ambient
  meshConfig:
    defaultConfig:
      proxyMetadata:
        FORCE_IPTABLES_BINARY: legacy
  components:
    cni:
      k8s:
        env:
        - name: AMBIENT_DISABLE_SAFE_UPGRADE
          value: "false"
    pilot:
      k8s:
        env:
        - name: FORCE_IPTABLES_BINARY
          value: nft
  values:
    cni:
      env:
        FORCE_IPTABLES_BINARY: nft
    pilot:
      env:
        AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE: "true"
`

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: istio-cni-node
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: install-cni
        image: docker.io/istio/install-cni:1.24.2
        env:
        - name: REPAIR_NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        - name: AMBIENT_DISABLE_SAFE_UPGRADE
          value: "false"
      - name: sidecar
        image: busybox
        env:
        - name: FORCE_IPTABLES_BINARY
          value: nft
`

describe('istio-cni agent variables in the cni chart values', () => {
  it('reports each variable on its own line below its release, with the chart path', () => {
    const r = run('clusters/prod/istio-cni.yaml', cniRelease, '1.24')
    expect(of(r, SAFE)).toEqual([{ file: 'clusters/prod/istio-cni.yaml', line: lineOf(cniRelease, 'AMBIENT_DISABLE_SAFE_UPGRADE'), rule: 'not-yet-available', severity: 'notice', path: 'spec.values.env.AMBIENT_DISABLE_SAFE_UPGRADE' }])
    expect(of(r, FORCE)).toEqual([{ file: 'clusters/prod/istio-cni.yaml', line: lineOf(cniRelease, 'FORCE_IPTABLES_BINARY'), rule: 'not-yet-available', severity: 'notice', path: 'spec.values.env.FORCE_IPTABLES_BINARY' }])
    expect(of(r, ENI)).toEqual([{ file: 'clusters/prod/istio-cni.yaml', line: lineOf(cniRelease, 'AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE'), rule: 'not-yet-available', severity: 'notice', path: 'spec.values.env.AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE' }])
  })

  it('goes quiet at each release that reads the variable', () => {
    const at125 = run('clusters/prod/istio-cni.yaml', cniRelease, '1.25')
    expect(of(at125, SAFE)).toEqual([])
    expect(of(at125, FORCE).map((f) => f.line)).toEqual([lineOf(cniRelease, 'FORCE_IPTABLES_BINARY')])
    const at128 = run('clusters/prod/istio-cni.yaml', cniRelease, '1.28.0')
    expect(of(at128, FORCE)).toEqual([])
    expect(of(at128, ENI).map((f) => f.line)).toEqual([lineOf(cniRelease, 'AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE')])
  })

  it('knows the branch-ENI switch was backported to 1.28.7 and 1.29.3', () => {
    for (const target of ['1.28.6', '1.29.2']) expect(of(run('clusters/prod/istio-cni.yaml', cniRelease, target), ENI).map((f) => f.line)).toEqual([lineOf(cniRelease, 'AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE')])
    for (const target of ['1.28.7', '1.29.3', '1.29', '1.30']) expect(of(run('clusters/prod/istio-cni.yaml', cniRelease, target), ENI)).toEqual([])
  })

  it('reads cni.env of the cni chart too (the chart lifts its cni: block to the top)', () => {
    const nested = cniRelease.replace('    env:\n', '    cni:\n      env:\n').replace(/^ {6}([A-Z])/gm, '        $1')
    expect(of(run('clusters/prod/istio-cni.yaml', nested, '1.24'), SAFE)).toEqual([{ file: 'clusters/prod/istio-cni.yaml', line: lineOf(nested, 'AMBIENT_DISABLE_SAFE_UPGRADE'), rule: 'not-yet-available', severity: 'notice', path: 'spec.values.cni.env.AMBIENT_DISABLE_SAFE_UPGRADE' }])
  })

  it('does not read the agent variables from the istiod chart env', () => {
    const istiod = cniRelease.replace('chart: cni', 'chart: istiod').replace('    env:\n', '    pilot:\n      env:\n').replace(/^ {6}([A-Z])/gm, '        $1')
    expect(istiod).toContain('        AMBIENT_DISABLE_SAFE_UPGRADE')
    const r = run('clusters/prod/istiod.yaml', istiod, '1.24')
    expect(r.filter((f) => [SAFE, FORCE, ENI].includes(f.entryId))).toEqual([])
  })
})

describe('istio-cni agent variables in an IstioOperator', () => {
  it('reads components.cni.k8s.env and values.cni.env, and FORCE_IPTABLES_BINARY from proxyMetadata (istio-init)', () => {
    const r = run('install/operator.yaml', operator, '1.24')
    expect(of(r, SAFE)).toEqual([{ file: 'install/operator.yaml', line: lineOf(operator, '- name: AMBIENT_DISABLE_SAFE_UPGRADE'), rule: 'not-yet-available', severity: 'notice', path: 'spec.components.cni.k8s.env[0].name' }])
    expect(of(r, FORCE)).toEqual([
      { file: 'install/operator.yaml', line: lineOf(operator, 'FORCE_IPTABLES_BINARY: nft'), rule: 'not-yet-available', severity: 'notice', path: 'spec.values.cni.env.FORCE_IPTABLES_BINARY' },
      { file: 'install/operator.yaml', line: lineOf(operator, 'FORCE_IPTABLES_BINARY: legacy'), rule: 'not-yet-available', severity: 'notice', path: 'spec.meshConfig.defaultConfig.proxyMetadata.FORCE_IPTABLES_BINARY' }
    ])
  })

  it('leaves istiod env alone (pilot.k8s.env, values.pilot.env) and goes quiet from the release that reads each variable', () => {
    expect(of(run('install/operator.yaml', operator, '1.24'), ENI)).toEqual([])
    const r = run('install/operator.yaml', operator, '1.28')
    expect(of(r, SAFE)).toEqual([])
    expect(of(r, FORCE)).toEqual([])
  })
})

describe('istio-cni agent variables in a rendered DaemonSet', () => {
  it('reads the install-cni container only', () => {
    const r = run('rendered/istio-cni.yaml', daemonSet, '1.24')
    expect(of(r, SAFE)).toEqual([{ file: 'rendered/istio-cni.yaml', line: lineOf(daemonSet, '- name: AMBIENT_DISABLE_SAFE_UPGRADE'), rule: 'not-yet-available', severity: 'notice', path: 'spec.template.spec.containers[0].env[1].name' }])
    expect(of(r, FORCE)).toEqual([])
    expect(of(run('rendered/istio-cni.yaml', daemonSet, '1.25'), SAFE)).toEqual([])
  })
})
