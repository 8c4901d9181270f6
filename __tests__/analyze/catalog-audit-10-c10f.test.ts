// Audit 10 (c10f, third census: 34 entries of 1.28 and 1.29): each ❌ pinned to file and line, with a trip test on
// the YAML that must still report. See docs/audit/catalog-audit-10-c10f.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

async function analyse(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const iop = (body: string) => `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n${body}`
const pilotEnv = (vars: string) => iop(`  values:\n    pilot:\n      env:\n${vars}`)
const deployment = (meta: string, name = 'app', ns = 'default') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  template:\n    metadata:\n${meta}    spec:\n      containers:\n      - name: c\n        image: nginx\n`

describe('istio-1.29-annotation-control-characters: the patch 1.27.6 rejects the control characters too', () => {
  const ID = 'istio-1.29-annotation-control-characters'
  const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    sidecar.istio.io/proxyMemory: |\n      256Mi\nspec:\n  containers:\n  - name: c\n    image: nginx\n`

  it('reports the block scalar at 1.27.6 and names the patch; 1.27.5 is quiet', () => {
    const found = of(run('pod.yaml', pod, '1.27.6'), ID)
    expect(at(found)).toEqual([`pod.yaml:${lineOf(pod, 'proxyMemory')} error`])
    expect(found[0]?.message).toContain('1.27.6')
    expect(of(run('pod.yaml', pod, '1.27.5'), ID)).toEqual([])
  })
})

describe('opt-out values of switches new in the target are quiet (rule 7)', () => {
  it('istio-1.28-shadow-host-suffix: DISABLE_SHADOW_HOST_SUFFIX=false gets nothing; true still gets its notice', () => {
    const ID = 'istio-1.28-shadow-host-suffix'
    const off = pilotEnv('        DISABLE_SHADOW_HOST_SUFFIX: "false"\n')
    expect(of(run('iop.yaml', off, '1.28', '1.27'), ID)).toEqual([])
    const on = pilotEnv('        DISABLE_SHADOW_HOST_SUFFIX: "true"\n')
    expect(at(of(run('iop.yaml', on, '1.28', '1.27'), ID))).toEqual([`iop.yaml:${lineOf(on, 'DISABLE_SHADOW')} notice`])
  })

  it('istio-1.29-debug-endpoint-auth: ENABLE_DEBUG_ENDPOINT_AUTH=false gets nothing', () => {
    const off = pilotEnv('        ENABLE_DEBUG_ENDPOINT_AUTH: "false"\n')
    expect(lineOf(off, 'ENABLE_DEBUG_ENDPOINT_AUTH')).toBeGreaterThan(0)
    expect(of(run('iop.yaml', off, '1.29', '1.28.3'), 'istio-1.29-debug-endpoint-auth')).toEqual([])
  })

  it('istio-1.29-reconcile-iptables-on-startup: an explicit false is quiet, an explicit true still hears it can go', () => {
    const ID = 'istio-1.29-reconcile-iptables-on-startup'
    const off = iop('  values:\n    cni:\n      ambient:\n        reconcileIptablesOnStartup: false\n')
    expect(lineOf(off, 'reconcileIptablesOnStartup')).toBeGreaterThan(0)
    expect(of(run('iop.yaml', off, '1.29', '1.28'), ID)).toEqual([])
    const on = iop('  values:\n    cni:\n      ambient:\n        reconcileIptablesOnStartup: true\n')
    const found = of(run('iop.yaml', on, '1.29', '1.28'), ID)
    expect(at(found)).toEqual([`iop.yaml:${lineOf(on, 'reconcileIptablesOnStartup')} notice`])
    expect(found[0]?.message).toContain('true can go')
  })

  it('istio-1.29-new-env: an empty PILOT_IGNORE_RESOURCES / PILOT_INCLUDE_RESOURCES watches everything as before', () => {
    const ID = 'istio-1.29-new-env'
    const empty = pilotEnv('        PILOT_IGNORE_RESOURCES: ""\n        PILOT_INCLUDE_RESOURCES: ""\n')
    expect(lineOf(empty, 'PILOT_IGNORE_RESOURCES')).toBeGreaterThan(0)
    expect(of(run('iop.yaml', empty, '1.28'), ID)).toEqual([])
    const set = pilotEnv('        PILOT_IGNORE_RESOURCES: "*.istio.io"\n        PILOT_INCLUDE_RESOURCES: "virtualservices.networking.istio.io"\n')
    expect(at(of(run('iop.yaml', set, '1.28'), ID))).toEqual([`iop.yaml:${lineOf(set, 'PILOT_IGNORE')} notice`, `iop.yaml:${lineOf(set, 'PILOT_INCLUDE')} notice`])
  })
})

describe('istio-1.29-debug-endpoint-auth: the kiali-operator never calls the debug endpoints', () => {
  const ID = 'istio-1.29-debug-endpoint-auth'
  const text = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: kiali\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: quay.io/kiali/${name}\n`

  it('is quiet on the operator and still warns on the Kiali server', () => {
    const op = text('kiali-operator')
    expect(lineOf(op, 'name: kiali-operator')).toBeGreaterThan(0)
    expect(of(run('op.yaml', op, '1.29', '1.28.3'), ID)).toEqual([])
    const server = text('kiali')
    expect(at(of(run('kiali.yaml', server, '1.29', '1.28.3'), ID))).toEqual([`kiali.yaml:${lineOf(server, 'name: kiali')} warning`])
  })
})

describe('istio-1.29-locality-label: quiet where the old label (or spec.locality) already gives older releases the locality', () => {
  const ID = 'istio-1.29-locality-label'

  it('a pod template with both labels is quiet; the new label alone warns at its line', () => {
    const both = deployment('      labels:\n        istio-locality: us-east1.us-east1-b\n        topology.istio.io/locality: us-east1.us-east1-b\n')
    expect(lineOf(both, 'topology.istio.io/locality')).toBeGreaterThan(0)
    expect(of(run('app.yaml', both, '1.28'), ID)).toEqual([])
    const alone = deployment('      labels:\n        topology.istio.io/locality: us-east1.us-east1-b\n')
    expect(at(of(run('app.yaml', alone, '1.28'), ID))).toEqual([`app.yaml:${lineOf(alone, 'topology.istio.io/locality')} warning`])
  })

  it('a WorkloadEntry with spec.locality is quiet; without it the label warns', () => {
    const we = (extra: string) => `apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata:\n  name: vm\nspec:\n  address: 10.0.0.5\n${extra}  labels:\n    topology.istio.io/locality: us-east1.us-east1-b\n`
    const withLocality = we('  locality: us-east1/us-east1-b\n')
    expect(of(run('we.yaml', withLocality, '1.28'), ID)).toEqual([])
    const bare = we('')
    expect(at(of(run('we.yaml', bare, '1.28'), ID))).toEqual([`we.yaml:${lineOf(bare, 'topology.istio.io/locality')} warning`])
  })
})

describe('istio-1.29-access-log-flush: Envoy defaults (1s, 64 KB) are what older proxies use anyway', () => {
  const ID = 'istio-1.29-access-log-flush'
  const mesh = (cfg: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    defaultConfig:\n${cfg}`

  it('is quiet on 1s and 64, warns on 5s and 128 at their lines', () => {
    const defaults = mesh('      fileFlushInterval: 1s\n      fileFlushMinSizeKb: 64\n')
    expect(lineOf(defaults, 'fileFlushInterval')).toBeGreaterThan(0)
    expect(of(run('mesh.yaml', defaults, '1.28'), ID)).toEqual([])
    const custom = mesh('      fileFlushInterval: 5s\n      fileFlushMinSizeKb: 128\n')
    expect(at(of(run('mesh.yaml', custom, '1.28'), ID))).toEqual([`mesh.yaml:${lineOf(custom, 'fileFlushInterval')} warning`, `mesh.yaml:${lineOf(custom, 'fileFlushMinSizeKb')} warning`])
  })
})

describe('istio-1.28-h2-upgrade-pool-settings: the UPGRADE must sit in the same connection pool as maxConcurrentStreams', () => {
  const ID = 'istio-1.28-h2-upgrade-pool-settings'

  it('is quiet when only a subset upgrades and the top-level pool holds the limit; a pool with both warns', () => {
    const apart = `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr\nspec:\n  host: a\n  trafficPolicy:\n    connectionPool:\n      http:\n        maxConcurrentStreams: 100\n  subsets:\n  - name: v1\n    labels: {v: "1"}\n    trafficPolicy:\n      connectionPool:\n        http:\n          h2UpgradePolicy: UPGRADE\n`
    expect(lineOf(apart, 'maxConcurrentStreams')).toBeGreaterThan(0)
    expect(of(run('dr.yaml', apart, '1.27'), ID)).toEqual([])
    const together = apart.replace('          h2UpgradePolicy: UPGRADE\n', '          h2UpgradePolicy: UPGRADE\n          maxConcurrentStreams: 50\n')
    expect(at(of(run('dr.yaml', together, '1.27'), ID))).toEqual([`dr.yaml:${lineOf(together, 'maxConcurrentStreams: 50')} warning`])
  })
})

describe('istio-1.28-serviceentry-none-passthrough-ambient: istio.io/use-waypoint: none names no waypoint', () => {
  const ID = 'istio-1.28-serviceentry-none-passthrough-ambient'
  const se = (wp: string) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se\n  namespace: default\n  labels:\n    istio.io/use-waypoint: ${wp}\nspec:\n  hosts: [db.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: NONE\n`

  it('is quiet on none and reports a named waypoint at the resolution line', () => {
    expect(lineOf(se('none'), 'resolution: NONE')).toBeGreaterThan(0)
    expect(of(run('se.yaml', se('none'), '1.28', '1.27'), ID)).toEqual([])
    expect(at(of(run('se.yaml', se('egress'), '1.28', '1.27'), ID))).toEqual([`se.yaml:${lineOf(se('egress'), 'resolution: NONE')} notice`])
  })
})

describe('mesh-wide opt-outs written in another file (kind 1)', () => {
  const podFile: File = { path: 'apps/pod.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    sidecar.istio.io/statsCompression: gzip\nspec:\n  containers:\n  - name: c\n    image: nginx\n` }

  it('istio-1.29-stats-compression-annotation-removed: a mesh-wide statsCompression: false means the pod does not keep compressed stats', async () => {
    const STATS = /statsCompression, but the stats endpoint/
    expect(at(await analyse([podFile], '1.29', '1.28', podFile.path, STATS))).toEqual([`apps/pod.yaml:${lineOf(podFile.text, 'statsCompression')} notice`])
    const values: File = { path: 'platform/istiod/values.yaml', text: 'meshConfig:\n  defaultConfig:\n    statsCompression: false\n' }
    expect(await analyse([podFile, values], '1.29', '1.28', podFile.path, STATS)).toEqual([])
  })

  it('istio-1.28-multi-network-waypoint: AMBIENT_ENABLE_MULTI_NETWORK_WAYPOINT=false in another values file silences the notice', async () => {
    const WP = /waypoints also route to remote networks/
    const base: File = { path: 'platform/istiod/values.yaml', text: 'pilot:\n  env:\n    AMBIENT_ENABLE_MULTI_NETWORK: "true"\n' }
    expect(at(await analyse([base], '1.28', '1.27', base.path, WP))).toEqual([`platform/istiod/values.yaml:${lineOf(base.text, 'AMBIENT_ENABLE_MULTI_NETWORK')} notice`])
    const prod: File = { path: 'platform/istiod/values-prod.yaml', text: 'pilot:\n  env:\n    AMBIENT_ENABLE_MULTI_NETWORK_WAYPOINT: "false"\n' }
    expect(await analyse([base, prod], '1.28', '1.27', base.path, WP)).toEqual([])
  })
})
