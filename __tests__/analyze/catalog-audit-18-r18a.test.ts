// Audit 18 (r18a, census of 34 entries of 1.20–1.22): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-18-r18a.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

/** Findings of one message on `changed[0]` when a pull request changes `changed` and the repository also holds `repo` (read as context). */
async function prFindings(changed: readonly File[], repo: readonly File[], target: string, from: string, message: RegExp): Promise<string[]> {
  const base = repo.length > 0 ? { base: snapshotOf(repo) } : {}
  const result = await runAnalysis({ changes: added(changed), head: snapshotOf([...changed, ...repo]), ...base }, { target, from, paths: [] })
  return result.findings.filter((f: Finding) => f.file === changed[0]!.path && message.test(f.message)).map((f: Finding) => `${f.file}:${f.line} ${f.severity}`)
}

const envoyFilter = (patches: string): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: extra
  namespace: istio-system
spec:
  configPatches:
${patches}`

describe('audit 18 r18a #1: removed network filters (1.20) named exactly, not any name that contains them', () => {
  const id = 'istio-1.20-custom-network-filters-removed'
  it('stays quiet on a cluster whose name merely contains sni_verifier', () => {
    const text = envoyFilter(`  - applyTo: CLUSTER
    patch:
      operation: ADD
      value:
        name: sni_verifier-backend
        connect_timeout: 1s
`)
    expect(of(run('mesh/ef.yaml', text, '1.20'), id)).toEqual([])
  })
  it('still errs on the filter itself, bare or with a dotted prefix', () => {
    for (const name of ['forward_downstream_sni', 'envoy.filters.network.tcp_cluster_rewrite']) {
      const text = envoyFilter(`  - applyTo: NETWORK_FILTER
    patch:
      operation: INSERT_FIRST
      value:
        name: ${name}
`)
      expect(of(run('mesh/ef.yaml', text, '1.20'), id)).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, `name: ${name}`), severity: 'error' })])
    }
  })
})

const workload = (labels: string, annotations: string, spec = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: app
${labels}      annotations:
        note: x
${annotations}    spec:
${spec}      containers:
      - name: app
        image: app
`

describe('audit 18 r18a #7: startup probe (1.20) readiness annotations only on pods that get a sidecar', () => {
  const id = 'istio-1.20-sidecar-startup-probe'
  const ann = '        readiness.status.sidecar.istio.io/periodSeconds: "5"\n'
  it('stays quiet when the pod is not injected (inject "false", hostNetwork)', () => {
    expect(of(run('k8s/app.yaml', workload('        sidecar.istio.io/inject: "false"\n', ann), '1.20', '1.19'), id)).toEqual([])
    expect(of(run('k8s/app.yaml', workload('', ann, '      hostNetwork: true\n'), '1.20', '1.19'), id)).toEqual([])
  })
  it('still warns on an injected pod', () => {
    const text = workload('', ann)
    expect(of(run('k8s/app.yaml', text, '1.20', '1.19'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'periodSeconds'), severity: 'warning' })])
  })
})

describe('audit 18 r18a #8: Envoy filter order (1.20) not next to a Wasm filter the user added', () => {
  const id = 'istio-1.20-envoy-filter-order'
  const patch = (anchor: string): string => envoyFilter(`  - applyTo: NETWORK_FILTER
    match:
      context: SIDECAR_INBOUND
      listener:
        filterChain:
          filter:
            name: ${anchor}
    patch:
      operation: INSERT_AFTER
      value:
        name: my.filter
`)
  it('stays quiet on an envoy.filters.network.wasm anchor (Istio names its Wasm filters after the WasmPlugin)', () => {
    expect(of(run('mesh/ef.yaml', patch('envoy.filters.network.wasm'), '1.20', '1.19'), id)).toEqual([])
  })
  it('still warns next to istio.metadata_exchange (round 24: inbound stats kept its neighbours in 1.20, so no warning there)', () => {
    const text = patch('istio.metadata_exchange')
    expect(of(run('mesh/ef.yaml', text, '1.20', '1.19'), id)).toEqual([expect.objectContaining({ file: 'mesh/ef.yaml', line: lineOf(text, '- applyTo'), severity: 'warning' })])
    expect(of(run('mesh/ef.yaml', patch('istio.stats'), '1.20', '1.19'), id)).toEqual([])
  })
})

describe('audit 18 r18a #12: VERIFY_CERT_AT_CLIENT=false (typo) quiet before 1.21, where off is the default anyway', () => {
  const id = 'istio-1.21-verify-cert-at-client-typo'
  const VALUES = 'istio/istiod/values.yaml'
  const text = 'pilot:\n  env:\n    VERIFY_CERT_AT_CLIENT: "false"\n'
  it('stays quiet on a 1.20 target', () => {
    expect(of(run(VALUES, text, '1.20'), id)).toEqual([])
  })
  it('still warns from 1.21, where verification is on and the typo does not turn it off', () => {
    expect(of(run(VALUES, text, '1.21'), id)).toEqual([expect.objectContaining({ file: VALUES, line: 3, severity: 'warning' })])
  })
})

describe('audit 18 r18a #14/#17/#34: proxy settings on pods the injector skips', () => {
  const pod = (inject: string, config: string): string => workload(inject, `        proxy.istio.io/config: |\n${config}`)
  it('private key provider fallback (1.21): quiet with inject "false", warns otherwise', () => {
    const id = 'istio-1.21-private-key-provider-fallback'
    const config = '          privateKeyProvider:\n            cryptomb:\n              fallback: true\n'
    expect(of(run('k8s/app.yaml', pod('        sidecar.istio.io/inject: "false"\n', config), '1.20'), id)).toEqual([])
    const text = pod('', config)
    expect(of(run('k8s/app.yaml', text, '1.20'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'proxy.istio.io/config'), severity: 'warning' })])
  })
  it('BOOTSTRAP_XDS_AGENT (1.21): quiet with inject "false", warns otherwise', () => {
    const id = 'istio-1.21-bootstrap-xds-agent-removed'
    const config = '          proxyMetadata:\n            BOOTSTRAP_XDS_AGENT: "true"\n'
    expect(of(run('k8s/app.yaml', pod('        sidecar.istio.io/inject: "false"\n', config), '1.21', '1.20'), id)).toEqual([])
    const text = pod('', config)
    expect(of(run('k8s/app.yaml', text, '1.21', '1.20'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'proxy.istio.io/config'), severity: 'warning' })])
  })
  it('ISTIO_DELTA_XDS=false (1.22): quiet with inject "false", notice otherwise', () => {
    const id = 'istio-1.22-delta-xds'
    const config = '          proxyMetadata:\n            ISTIO_DELTA_XDS: "false"\n'
    expect(of(run('k8s/app.yaml', pod('        sidecar.istio.io/inject: "false"\n', config), '1.22', '1.21'), id)).toEqual([])
    const text = pod('', config)
    expect(of(run('k8s/app.yaml', text, '1.22', '1.21'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'proxy.istio.io/config'), severity: 'notice' })])
  })
})

describe('audit 18 r18a #32: PILOT_PUSH_THROTTLE / PILOT_MAX_REQUESTS_PER_SECOND (1.21) only on a fixed positive value', () => {
  const id = 'istio-1.21-pilot-rate-limits-autoscale'
  const VALUES = 'istio/istiod/values.yaml'
  it('stays quiet on 0, which from 1.21 means scaled with the CPU (the new default)', () => {
    expect(of(run(VALUES, 'pilot:\n  env:\n    PILOT_PUSH_THROTTLE: "0"\n    PILOT_MAX_REQUESTS_PER_SECOND: "0.0"\n', '1.21', '1.20'), id)).toEqual([])
  })
  it('still notes a fixed value', () => {
    const text = 'pilot:\n  env:\n    PILOT_PUSH_THROTTLE: "50"\n'
    expect(of(run(VALUES, text, '1.21', '1.20'), id)).toEqual([expect.objectContaining({ file: VALUES, line: 3, severity: 'notice' })])
  })
})

describe('audit 18 r18a #29: ambient profile refused by the in-cluster operator (1.20) until the operator is gone (1.24)', () => {
  const id = 'istio-1.20-operator-ambient-profile-removed'
  const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  profile: ambient\n'
  it('notes it on 1.23 and says nothing from 1.24', () => {
    expect(of(run('istio/iop.yaml', text, '1.23'), id)).toEqual([expect.objectContaining({ file: 'istio/iop.yaml', line: 6, severity: 'notice' })])
    expect(of(run('istio/iop.yaml', text, '1.24'), id)).toEqual([])
  })
})

const ns = (labels: string): File => ({ path: 'k8s/namespace.yaml', text: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
${labels}` })
const USE_WAYPOINT = /istio\.io\/use-waypoint label only attaches/
const POD_MODE = /single pod with the istio\.io\/dataplane-mode label/
const REDIRECTION = /ambient\.istio\.io\/redirection: disabled no longer/

describe('audit 18 r18a #23/#25/#26: ambient pod labels and annotations only on pods ambient can capture', () => {
  it('use-waypoint (1.22) on a pod: quiet on hostNetwork, dataplane-mode none, or a sidecar namespace; warns otherwise', () => {
    const id = 'istio-1.22-use-waypoint-label'
    const label = '        istio.io/use-waypoint: wp\n'
    expect(of(run('k8s/app.yaml', workload(label, '', '      hostNetwork: true\n'), '1.21'), id)).toEqual([])
    expect(of(run('k8s/app.yaml', workload(label + '        istio.io/dataplane-mode: none\n', ''), '1.21'), id)).toEqual([])
    const text = workload(label, '')
    expect(of(run('k8s/app.yaml', text, '1.21'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'use-waypoint'), severity: 'warning' })])
  })
  it('use-waypoint (1.22) on a pod: quiet when the repository labels its namespace for sidecars, warns when it is ambient', async () => {
    const app: File = { path: 'k8s/app.yaml', text: workload('        istio.io/use-waypoint: wp\n', '') }
    expect(await prFindings([app], [ns('    istio-injection: enabled\n')], '1.21', '1.20', USE_WAYPOINT)).toEqual([])
    // Round 28 (pod scope): a Namespace with istio-injection: enabled AND the ambient label still has its pods injected
    // (the istiod chart's webhooks select on istio-injection alone), and ztunnel skips pods with a sidecar: quiet.
    expect(await prFindings([app], [ns('    istio-injection: enabled\n    istio.io/dataplane-mode: ambient\n')], '1.21', '1.20', USE_WAYPOINT)).toEqual([])
    expect(await prFindings([app], [ns('    istio.io/dataplane-mode: ambient\n')], '1.21', '1.20', USE_WAYPOINT)).toEqual([`k8s/app.yaml:${lineOf(app.text, 'use-waypoint')} warning`])
  })
  it('per-pod dataplane-mode (1.22): none in a sidecar namespace and ambient on hostNetwork are quiet', () => {
    const id = 'istio-1.22-pod-dataplane-mode-label'
    expect(of(run('k8s/app.yaml', workload('        istio.io/dataplane-mode: ambient\n', '', '      hostNetwork: true\n'), '1.21'), id)).toEqual([])
    const text = workload('        istio.io/dataplane-mode: ambient\n', '')
    expect(of(run('k8s/app.yaml', text, '1.21'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'dataplane-mode'), severity: 'warning' })])
  })
  it('ambient.istio.io/redirection: disabled (1.22): quiet on hostNetwork and in a sidecar namespace', () => {
    const id = 'istio-1.22-ambient-redirection-opt-out-removed'
    const ann = '        ambient.istio.io/redirection: disabled\n'
    expect(of(run('k8s/app.yaml', workload('', ann, '      hostNetwork: true\n'), '1.22'), id)).toEqual([])
    const text = workload('', ann)
    expect(of(run('k8s/app.yaml', text, '1.22'), id)).toEqual([expect.objectContaining({ file: 'k8s/app.yaml', line: lineOf(text, 'redirection'), severity: 'warning' })])
  })
})

describe('audit 18 r18a #25/#26: a sidecar namespace in the repository silences the ambient pod label / annotation', () => {
  it('pod dataplane-mode none (1.22) in an istio-injection namespace: nothing on 1.21', async () => {
    const app: File = { path: 'k8s/app.yaml', text: workload('        istio.io/dataplane-mode: none\n', '') }
    expect(await prFindings([app], [ns('    istio-injection: enabled\n')], '1.21', '1.20', POD_MODE)).toEqual([])
    expect(await prFindings([app], [], '1.21', '1.20', POD_MODE)).toEqual([`k8s/app.yaml:${lineOf(app.text, 'dataplane-mode')} warning`])
  })
  it('redirection disabled (1.22) in an istio.io/rev namespace: nothing on 1.22', async () => {
    const app: File = { path: 'k8s/app.yaml', text: workload('', '        ambient.istio.io/redirection: disabled\n') }
    expect(await prFindings([app], [ns('    istio.io/rev: canary\n')], '1.22', '1.21', REDIRECTION)).toEqual([])
    expect(await prFindings([app], [], '1.22', '1.21', REDIRECTION)).toEqual([`k8s/app.yaml:${lineOf(app.text, 'redirection')} warning`])
  })
})
