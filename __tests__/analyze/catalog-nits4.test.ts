// Open doubts of the catalog audits resolved on branch nits4 (issue #13): each case trips its entry on the last
// release without the change (file and line asserted) and is quiet on the first release with it, including the
// backported patches the patch notes name.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { runAnalysis, type Snapshot } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'

const istiod = (env: string, value = 'x') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: ${env}
          value: "${value}"
`

describe('1.30 istiod variables backported to 1.27–1.29 patches', () => {
  // (round 28: a value the variable cannot parse falls back to its default, so the int and bool variables use real values)
  const cases: { id: string; env: string; value?: string; trips: string[]; quiet: string[]; warns?: string[] }[] = [
    {
      // announcing-1.28.7 and announcing-1.29.3 (istio/istio.io content/en/news/releases/) add both HBONE flags
      id: 'istio-1.30-hbone-window-env',
      env: 'PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE',
      value: '33554432',
      trips: ['1.27', '1.28.6', '1.29.2'],
      quiet: ['1.28.7', '1.28', '1.29.3', '1.30']
    },
    {
      id: 'istio-1.30-hbone-window-env',
      env: 'PILOT_HBONE_INITIAL_CONNECTION_WINDOW_SIZE',
      value: '33554432',
      trips: ['1.28.6', '1.29.2'],
      quiet: ['1.28.7', '1.29.3']
    },
    {
      // the 2026-03-10 security releases (ISTIO-SECURITY-2026-001): 1.27.8, 1.28.5, 1.29.1
      id: 'istio-1.30-debug-endpoint-allowed-namespaces-env',
      env: 'DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES',
      trips: ['1.26', '1.27.7', '1.28.4', '1.29.0'],
      quiet: ['1.27.8', '1.28.5', '1.29.1', '1.30'],
      // debug endpoint auth is already on there (1.29.0, 1.28.4, 1.27.6): the ignored list is a warning (round 35 m35b)
      warns: ['1.27.7', '1.28.4', '1.29.0']
    },
    {
      // no 1.28.x / 1.29.x patch note names it: still 1.30 only
      id: 'istio-1.30-new-env',
      env: 'PILOT_ENABLE_AGENTGATEWAY',
      value: 'true',
      trips: ['1.28', '1.29'],
      quiet: ['1.30']
    }
  ]
  for (const c of cases) {
    const yaml = istiod(c.env, c.value)
    for (const t of c.trips) {
      it(`${c.env} trips ${c.id} at ${t}`, () => {
        const found = of(run('deploy/istiod.yaml', yaml, t), c.id)
        expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['deploy/istiod.yaml', lineOf(yaml, c.env), c.warns?.includes(t) ? 'warning' : 'notice']])
        expect(found[0]?.message).toContain(c.env)
      })
    }
    for (const t of c.quiet) {
      it(`${c.env} is quiet at ${t}`, () => {
        const found = run('deploy/istiod.yaml', yaml, t)
        expect(found.filter((f) => f.finding.message.includes(c.env))).toEqual([])
      })
    }
  }
})

// ---- istio-1.24-in-cluster-operator-removed: only IstioOperator objects the repository applies to the cluster ----
// (a warning since audit 13, m13b: on 1.24 nothing reconciles such an object, so the change it carries silently does
// not happen; the 1.23 deprecation stays a notice)

interface File {
  path: string
  text: string
}

function snapshotOf(files: readonly File[]): Snapshot {
  const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
  return {
    list: async () => [...contents.keys()],
    read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array]))
  }
}

/** With `base`, a pull request from `base` to `files` that adds the files of `changed` (the others are untouched). */
async function operatorFindings(files: readonly File[], target: string, changed: readonly File[] = files, base?: readonly File[]): Promise<Finding[]> {
  const changes = { source: 'paths' as const, files: changed.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
  const result = await runAnalysis({ changes, head: snapshotOf(files), ...(base ? { base: snapshotOf(base) } : {}) }, { target, paths: [] })
  return result.findings.filter((f) => /in-cluster operator/.test(f.message))
}

const iop = (name: string, extra = '') => `# the mesh
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: ${name}
  namespace: istio-system
${extra}spec:
  profile: default
`
const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)

describe('the in-cluster operator notice (1.23 deprecated, 1.24 removed) on applied IstioOperators only', () => {
  const input = { path: 'install/iop.yaml', text: iop('mesh') }

  it('says nothing on an istioctl input file that nothing applies', async () => {
    for (const target of ['1.23', '1.24', '1.28']) expect(await operatorFindings([input], target)).toEqual([])
  })

  it('reports an IstioOperator that a kustomization lists, on the apiVersion line', async () => {
    const files = [{ path: 'mesh/iop.yaml', text: iop('mesh') }, { path: 'mesh/kustomization.yaml', text: 'resources:\n- ./iop.yaml\n- ../apps\n' }]
    const found = await operatorFindings(files, '1.28')
    expect(at(found)).toEqual([`mesh/iop.yaml:${lineOf(files[0].text, 'apiVersion:')} removed-feature warning`])
    expect(found[0].message).toContain('kustomization mesh/kustomization.yaml lists this file, so the object is applied to the cluster: the in-cluster operator')
    expect(found[0].resource).toEqual(expect.objectContaining({ kind: 'IstioOperator', name: 'mesh' }))
    // 1.23 deprecates it; 1.22 and older still reconcile it.
    expect(at(await operatorFindings(files, '1.23'))).toEqual([`mesh/iop.yaml:${lineOf(files[0].text, 'apiVersion:')} deprecated notice`])
    expect(await operatorFindings(files, '1.22')).toEqual([])
    // A kustomization listing another file does not count.
    expect(await operatorFindings([files[0], { path: 'mesh/kustomization.yaml', text: 'resources:\n- other.yaml\n' }], '1.28')).toEqual([])
  })

  it('reports the files under a Flux Kustomization path and in an Argo CD Application directory', async () => {
    const flux = { path: 'clusters/prod/istio.yaml', text: 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: istio\n  namespace: flux-system\nspec:\n  path: ./infra/istio\n  sourceRef: {kind: GitRepository, name: flux-system}\n' }
    const deep = { path: 'infra/istio/base/iop.yaml', text: iop('mesh') }
    const found = await operatorFindings([flux, deep], '1.28')
    expect(at(found)).toEqual([`infra/istio/base/iop.yaml:${lineOf(deep.text, 'apiVersion:')} removed-feature warning`])
    expect(found[0].message).toContain('Flux Kustomization flux-system/istio deploys infra/istio/, which holds this file')
    const argo = { path: 'argo/istio.yaml', text: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: istio\nspec:\n  source:\n    repoURL: https://example.com/r.git\n    path: infra/istio\n' }
    expect(await operatorFindings([argo, deep], '1.28')).toEqual([])
    const flat = { path: 'infra/istio/iop.yaml', text: iop('mesh') }
    expect((await operatorFindings([argo, flat], '1.28'))[0]?.message).toContain('Argo CD Application istio deploys the directory of this file')
    // A Flux Kustomization of the whole repository says nothing about which source it reads.
    expect(await operatorFindings([{ ...flux, text: flux.text.replace('./infra/istio', './') }, deep], '1.28')).toEqual([])
  })

  it('reports every IstioOperator where the repository installs the operator itself', async () => {
    const operator = { path: 'operator/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istio-operator\n  namespace: istio-operator\nspec:\n  template:\n    spec:\n      containers:\n      - name: istio-operator\n        image: docker.io/istio/operator:1.22.0\n' }
    const found = await operatorFindings([operator, input], '1.24')
    expect(at(found)).toEqual([`install/iop.yaml:${lineOf(input.text, 'apiVersion:')} removed-feature warning`])
    expect(found[0].message).toContain('the istio-operator Deployment in operator/deploy.yaml runs the in-cluster operator')
  })

  it('leaves out an IstioOperator marked local-config, even where it is listed', async () => {
    const local = { path: 'mesh/iop.yaml', text: iop('mesh', '  annotations:\n    config.kubernetes.io/local-config: "true"\n') }
    expect(await operatorFindings([local, { path: 'mesh/kustomization.yaml', text: 'resources:\n- iop.yaml\n' }], '1.28')).toEqual([])
  })

  it('finds the kustomization on a pull request that only changes the IstioOperator', async () => {
    const files = [{ path: 'mesh/iop.yaml', text: iop('mesh') }, { path: 'mesh/kustomization.yaml', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- iop.yaml\n' }]
    const found = await operatorFindings(files, '1.28', files.slice(0, 1), files.slice(1))
    expect(found.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual([`mesh/iop.yaml:${lineOf(files[0].text, 'apiVersion:')} removed-feature new`])
  })
})

// ---- GRPCRoute v1alpha2: Gateway API 1.1 (Istio 1.22, 1.23) still serves it in the experimental channel ----

describe('GRPCRoute v1alpha2 by target and Gateway API channel', () => {
  const route = { path: 'apps/route.yaml', text: 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: GRPCRoute\nmetadata:\n  name: greeter\n  namespace: apps\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - {name: greeter, port: 50051}\n' }
  async function findings(target: string, channel?: 'standard' | 'experimental'): Promise<string[]> {
    const changes = { source: 'paths' as const, files: [{ path: route.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() }] }
    const result = await runAnalysis({ changes, head: snapshotOf([route]) }, { target, paths: [], ...(channel ? { gatewayApiChannel: channel } : {}) })
    return result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)
  }
  const line = lineOf(route.text, 'apiVersion:')

  it('warns on 1.22 and 1.23 where the experimental CRDs serve it (the API server converts it to the v1 Istio reads)', async () => {
    for (const target of ['1.22', '1.23']) {
      for (const channel of [undefined, 'experimental' as const]) expect(await findings(target, channel)).toEqual([`apps/route.yaml:${line} deprecated warning`])
    }
  })

  it('is an error where the CRDs do not serve it: the 1.1 standard channel, and every channel from Gateway API 1.2 (Istio 1.24)', async () => {
    // The standard channel does not serve it at all: the schema error says so, and the deprecation (which only
    // holds where the CRDs still serve v1alpha2) stays quiet instead of repeating it on the same line (audit 7).
    for (const target of ['1.22', '1.23']) expect(await findings(target, 'standard')).toEqual([`apps/route.yaml:${line} api-version-not-served error`])
    for (const target of ['1.24', '1.28']) {
      for (const channel of [undefined, 'standard' as const, 'experimental' as const]) expect(await findings(target, channel)).toEqual([`apps/route.yaml:${line} api-version-not-served error`])
    }
  })

  it('says nothing on 1.21, whose Gateway API 1.0 experimental channel has only v1alpha2', async () => {
    expect(await findings('1.21')).toEqual([])
  })
})

// ---- boundaries confirmed without a change: no backport named in the patch notes ----

describe('boundaries the patch notes confirm', () => {
  it('empty-prefix rejection: 1.22.0 rejects, no 1.20.x or 1.21.x patch does (1.20.2–1.20.8 and 1.21.1–1.21.6 do not name issue 48534)', () => {
    const yaml = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: api\nspec:\n  hosts: [api]\n  http:\n  - match:\n    - headers:\n        x-team:\n          prefix: ""\n    route:\n    - destination: {host: api}\n'
    const id = 'istio-1.22-empty-prefix-match-rejected'
    const found = of(run('vs.yaml', yaml, '1.22.0'), id)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['vs.yaml', lineOf(yaml, 'prefix:'), 'error']])
    for (const target of ['1.21.6', '1.21', '1.20.8']) expect(of(run('vs.yaml', yaml, target), id)).toEqual([])
  })

  it('ambient ServiceEntry host overlap: every 1.27.x keeps the defect (1.27.4–1.27.9 do not name issue 57291), so a 1.26 → 1.27 upgrade hears of it', async () => {
    const se = (name: string) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ${name}\n  namespace: apps\nspec:\n  hosts:\n  - api.example.com\n  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n`
    const files = [
      { path: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio.io/dataplane-mode: ambient\n' },
      { path: 'se/a.yaml', text: se('api-a') },
      { path: 'se/b.yaml', text: se('api-b') }
    ]
    const changes = { source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
    const check = async (target: string, from?: string) =>
      (await runAnalysis({ changes, head: snapshotOf(files) }, { target, ...(from ? { from } : {}), paths: [] })).findings.filter((f) => /also declared by/.test(f.message)).map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)
    const line = lineOf(files[2].text, 'api.example.com')
    for (const [target, from] of [['1.27', '1.26'], ['1.27.9', undefined], ['1.28.0', '1.27.9']] as const) expect(await check(target, from)).toEqual([`se/b.yaml:${line} not-yet-available warning`])
    expect(await check('1.28.1', '1.27.9')).toEqual([`se/b.yaml:${line} behaviour-changed notice`])
    expect(await check('1.28.1')).toEqual([])
  })
})

// ---- audit nits fixed ----

describe('istio-1.30.4-envoyfilter-proxy-version-limit: also in 1.29.7 (announcing-1.29.7, "Other Istio Security Fixes")', () => {
  const yaml = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: by-version
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    match:
      proxy:
        proxyVersion: "^1\\\\.2${'9'.repeat(1030)}"
    patch:
      operation: MERGE
      value: {}
`
  const id = 'istio-1.30.4-envoyfilter-proxy-version-limit'
  it('is rejected from 1.29.7 and 1.30.4, not on the patches before them', () => {
    for (const target of ['1.29.7', '1.29', '1.30.4', '1.31.0']) {
      expect(of(run('ef.yaml', yaml, target), id).map((f) => [f.file, f.line, f.severity])).toEqual([['ef.yaml', lineOf(yaml, 'proxyVersion:'), 'error']])
    }
    for (const target of ['1.29.6', '1.30.3', '1.28']) expect(of(run('ef.yaml', yaml, target), id)).toEqual([])
  })
})

describe('istio-1.30-pick-best-service-namespace: only where the ServiceEntry namespace is known', () => {
  const se = (ns: string | undefined) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: reviews
${ns ? `  namespace: ${ns}\n` : ''}spec:
  hosts:
  - reviews.team-b.svc.cluster.local
  ports: [{number: 9080, name: http, protocol: HTTP}]
  resolution: DNS
`
  const id = 'istio-1.30-pick-best-service-namespace'
  it('warns on a ServiceEntry of another namespace than its host names, on 1.28 -> 1.30', () => {
    const yaml = se('team-a')
    expect(of(run('se.yaml', yaml, '1.30', '1.28'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['se.yaml', lineOf(yaml, 'reviews.team-b'), 'warning']])
    expect(of(run('se.yaml', se('team-b'), '1.30', '1.28'), id)).toEqual([])
  })
  it('says nothing when metadata.namespace is left to kubectl -n or kustomize (it may be team-b)', () => {
    expect(of(run('se.yaml', se(undefined), '1.30', '1.28'), id)).toEqual([])
  })
})

describe('istio-1.30.5-stats-eviction-interval-sub-second: only where the annotation is read at all (from 1.28)', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    metadata:
      annotations:
        sidecar.istio.io/statsFlushInterval: 1.5s
        sidecar.istio.io/statsEvictionInterval: 4.5s
    spec:
      containers:
      - name: app
        image: app
`
  const id = 'istio-1.30.5-stats-eviction-interval-sub-second'
  it('warns from 1.28 to 1.30.4; before 1.28 only the "not read" entry speaks', () => {
    const line = lineOf(yaml, 'statsEvictionInterval')
    for (const target of ['1.28', '1.29', '1.30.4']) expect(of(run('app.yaml', yaml, target), id).map((f) => [f.file, f.line, f.severity])).toEqual([['app.yaml', line, 'warning']])
    for (const target of ['1.26', '1.27', '1.30.5']) expect(of(run('app.yaml', yaml, target), id)).toEqual([])
    // audit 14 r14e: the stats-annotations matches are field matches now (quiet without injection); findings come in match order, so sort by line
    expect(of(run('app.yaml', yaml, '1.27'), 'istio-1.28-stats-annotations').map((f) => [f.file, f.line]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([['app.yaml', lineOf(yaml, 'statsFlushInterval')], ['app.yaml', line]])
  })
})

describe('messages that now fit every target they are reported on', () => {
  it('istio-1.26-envoyfilter-vhost-domain-name says the patch widens to every virtual host', () => {
    const yaml = 'apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: vhost\nspec:\n  configPatches:\n  - applyTo: VIRTUAL_HOST\n    match:\n      routeConfiguration:\n        vhost:\n          domainName: api.example.com\n    patch:\n      operation: MERGE\n      value: {}\n'
    const found = of(run('ef.yaml', yaml, '1.25'), 'istio-1.26-envoyfilter-vhost-domain-name')
    // audit 14 (r14d): the 1.25 finding sits on the patch, which must be VIRTUAL_HOST or HTTP_ROUTE
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['ef.yaml', lineOf(yaml, 'applyTo: VIRTUAL_HOST'), 'error']])
    expect(found[0].message).toContain('patch applies to every virtual host')
  })

  it('istio-1.28-native-nftables-ambient does not describe a 1.27 agent to a 1.26 target', () => {
    const yaml = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n    profile: ambient\n    global:\n      nativeNftables: true\n'
    for (const target of ['1.26', '1.27']) {
      const found = of(run('cni.yaml', yaml, target), 'istio-1.28-native-nftables-ambient')
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['cni.yaml', lineOf(yaml, 'nativeNftables'), 'warning']])
      expect(found[0].message).toContain('at most (1.27) or not at all')
    }
  })
})

describe('1.30.4 security changes that 1.29.7 carries too (announcing-1.29.7)', () => {
  it('istio-1.30.4-backend-tls-policy-fails-closed: reported on an upgrade into 1.29.7, not from it', () => {
    const yaml = 'apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata:\n  name: api\nspec:\n  targetRefs:\n  - {group: "", kind: Service, name: api}\n  validation:\n    caCertificateRefs:\n    - {group: "", kind: ConfigMap, name: ca}\n    hostname: api.example.com\n'
    const id = 'istio-1.30.4-backend-tls-policy-fails-closed'
    expect(of(run('btp.yaml', yaml, '1.29.7', '1.29.6'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['btp.yaml', lineOf(yaml, 'caCertificateRefs'), 'notice']])
    expect(of(run('btp.yaml', yaml, '1.30.4', '1.29.7'), id)).toEqual([])
    expect(of(run('btp.yaml', yaml, '1.30.4', '1.29.6'), id)).toHaveLength(1)
  })

  it('istio-1.30.4-xds-api-generator-auth: the default change arrives with 1.29.7', () => {
    const yaml = istiod('ENABLE_XDS_API_GENERATOR_AUTH')
    const id = 'istio-1.30.4-xds-api-generator-auth'
    expect(of(run('deploy/istiod.yaml', yaml, '1.29.7', '1.29.6'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['deploy/istiod.yaml', lineOf(yaml, 'ENABLE_XDS_API_GENERATOR_AUTH'), 'notice']])
    expect(of(run('deploy/istiod.yaml', yaml, '1.30.4', '1.29.7'), id)).toEqual([])
  })
})
