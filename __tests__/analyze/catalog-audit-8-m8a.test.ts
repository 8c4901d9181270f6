// Eighth audit (seeded sample, helper m8a) of catalog entries of 1.28 and 1.29 (docs/audit/catalog-audit-8-m8a.md).
// Each test fails on the entry as it stood before this audit and passes on the fixed one; every expected finding is
// pinned to its file and line, and each narrowed matcher keeps a trip test on the YAML it must still report.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { snapshotOf, type File } from '../support/snapshot.js'

const SECTION = 'istio-1.28-backend-tls-policy-section-name'
const BTLS_V1 = 'istio-1.28-backend-tls-policy-v1'
const MAXCONN = 'istio-1.29-global-downstream-max-connections-runtime-deprecated'

const at = (found: { file: string; line?: number; severity: string }[]): [string, number | undefined, string][] =>
  found.map((f) => [f.file, f.line, f.severity])

const policy = (apiVersion: string): string => `apiVersion: ${apiVersion}
kind: BackendTLSPolicy
metadata:
  name: api-tls
  namespace: shop
spec:
  targetRefs:
  - group: ""
    kind: Service
    name: api
    sectionName: https
  validation:
    hostname: api.example.com
    wellKnownCACertificates: System
`

describe('audit 8 (m8a): fixes of the entries found wrong', () => {
  it(`${SECTION}: a v1 policy (never read before 1.28) gets only the v1 error, not a second one claiming ports`, () => {
    const v1 = policy('gateway.networking.k8s.io/v1')
    for (const target of ['1.26', '1.27']) {
      const found = run('gateway/backend-tls.yaml', v1, target)
      expect(of(found, SECTION)).toEqual([])
      expect(at(of(found, BTLS_V1))).toEqual([['gateway/backend-tls.yaml', lineOf(v1, 'apiVersion:'), 'error']])
    }
    expect(of(run('gateway/backend-tls.yaml', v1, '1.28'), SECTION)).toEqual([])
  })

  it(`${SECTION}: a v1alpha3 policy with sectionName trips on 1.26 and 1.27, which read it behind the alpha flag, and not on 1.25, which reads no BackendTLSPolicy`, () => {
    const alpha = policy('gateway.networking.k8s.io/v1alpha3')
    for (const target of ['1.26', '1.27', '1.27.9']) {
      const found = of(run('gateway/backend-tls.yaml', alpha, target), SECTION)
      expect(at(found)).toEqual([['gateway/backend-tls.yaml', lineOf(alpha, 'sectionName:'), 'notice']])
      expect(found[0].message).toContain('PILOT_ENABLE_ALPHA_GATEWAY_API')
      expect(found[0].message).toContain('cannot limit the policy to the named port')
    }
    expect(of(run('gateway/backend-tls.yaml', alpha, '1.25'), SECTION)).toEqual([])
    expect(of(run('gateway/backend-tls.yaml', alpha, '1.28'), SECTION)).toEqual([])
  })

  const meshConfigMap = (defaultConfig: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: istio
  namespace: istio-system
data:
  mesh: |
    defaultConfig:
${defaultConfig}`

  it(`${MAXCONN}: the runtime flag next to ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS (the new way, already there) is quiet`, () => {
    const both = meshConfigMap(`      runtimeValues:
        overload.global_downstream_max_connections: "50000"
      proxyMetadata:
        ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"
`)
    expect(of(run('istio/mesh.yaml', both, '1.29'), MAXCONN)).toEqual([])
    expect(of(run('istio/mesh.yaml', both, '1.30', '1.28'), MAXCONN)).toEqual([])
    const values = `meshConfig:
  defaultConfig:
    proxyMetadata:
      ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"
    runtimeValues:
      overload.global_downstream_max_connections: "50000"
`
    expect(of(run('istio/values.yaml', values, '1.29'), MAXCONN)).toEqual([])
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: app
  annotations:
    proxy.istio.io/config: |
      proxyMetadata:
        ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"
      runtimeValues:
        overload.global_downstream_max_connections: "50000"
spec:
  containers:
  - name: app
    image: app
`
    expect(of(run('apps/pod.yaml', pod, '1.29'), MAXCONN)).toEqual([])
  })

  it(`${MAXCONN}: the runtime flag alone still gets the deprecation notice, in the mesh config and in the annotation`, () => {
    const alone = meshConfigMap(`      runtimeValues:
        overload.global_downstream_max_connections: "50000"
      proxyMetadata:
        ISTIO_META_DNS_CAPTURE: "true"
`)
    const found = of(run('istio/mesh.yaml', alone, '1.29'), MAXCONN)
    expect(at(found)).toEqual([['istio/mesh.yaml', lineOf(alone, 'overload.global_downstream_max_connections'), 'notice']])
    expect(found[0].message).toContain('ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS')
    expect(of(run('istio/mesh.yaml', alone, '1.28'), MAXCONN)).toEqual([])
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: app
  annotations:
    proxy.istio.io/config: |
      runtimeValues:
        overload.global_downstream_max_connections: "50000"
spec:
  containers:
  - name: app
    image: app
`
    expect(at(of(run('apps/pod.yaml', pod, '1.29'), MAXCONN))).toEqual([['apps/pod.yaml', lineOf(pod, 'proxy.istio.io/config'), 'notice']])
  })
})

// ---- istio-1.28-shadow-host-suffix: the mirror warning only where no analysed file keeps the suffix ----------------
// (fixed on main in the meantime by `unlessRepository`; these tests pin the cases this audit found)

const SHADOW = 'istio-1.28-shadow-host-suffix'

/**
 * The whole engine over `files`, of which `changed` (default: all) are the pull request's additions to `base` (when
 * given: a pull request, whose untouched files may be read as pairing context); the mirror findings.
 */
async function mirrorFindings(files: readonly File[], target: string, from?: string, changed = files, base?: readonly File[]): Promise<Finding[]> {
  const changes = { source: 'paths' as const, files: changed.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) }
  const result = await runAnalysis({ changes, head: snapshotOf(files), ...(base ? { base: snapshotOf(base) } : {}) }, { target, ...(from ? { from } : {}), paths: [] })
  return result.findings.filter((f) => f.rule === 'default-changed' && f.file === VS.path)
}

const where = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

const VS: File = {
  path: 'apps/web-vs.yaml',
  text: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
  namespace: apps
spec:
  hosts: [web]
  http:
  - route:
    - destination: {host: web, subset: v1}
    mirror:
      host: web
      subset: v2
  - match: [{uri: {prefix: /api}}]
    route:
    - destination: {host: api}
    mirrors:
    - destination: {host: api-next}
`
}
// Audit 18 (r18f): each item of `mirrors` is judged on its own (one at 0 % copies nothing), so the finding sits on the item.
const MIRROR_LINES = [lineOf(VS.text, 'mirror:'), lineOf(VS.text, '- destination: {host: api-next}')]

const istiodValues = (body: string): File => ({ path: 'platform/istiod-values.yaml', text: body })

describe(`${SHADOW}: the mirror warning only where nothing keeps the -shadow suffix`, () => {
  it('a mirroring route with nothing that keeps the suffix still warns, on each mirror key (from 1.27 to 1.28 and later)', async () => {
    expect(where(await mirrorFindings([VS], '1.28', '1.27'))).toEqual(MIRROR_LINES.map((l) => `apps/web-vs.yaml:${l} warning`))
    expect(where(await mirrorFindings([VS], '1.30', '1.27.9'))).toEqual(MIRROR_LINES.map((l) => `apps/web-vs.yaml:${l} warning`))
    // The suffix left in 1.28: nothing to say across 1.28 → 1.29, or without a from.
    expect(await mirrorFindings([VS], '1.29', '1.28')).toEqual([])
    expect(await mirrorFindings([VS], '1.28')).toEqual([])
  })

  it('istiod DISABLE_SHADOW_HOST_SUFFIX=false in the analysed files (Helm values, IstioOperator, rendered Deployment) silences it', async () => {
    const helm = istiodValues(`pilot:
  env:
    DISABLE_SHADOW_HOST_SUFFIX: "false"
`)
    const iop: File = {
      path: 'platform/mesh.yaml',
      text: `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: mesh
  namespace: istio-system
spec:
  components:
    pilot:
      k8s:
        env:
        - name: DISABLE_SHADOW_HOST_SUFFIX
          value: "0"
`
    }
    const deployment: File = {
      path: 'platform/istiod.yaml',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  selector: {matchLabels: {app: istiod}}
  template:
    metadata: {labels: {app: istiod}}
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.28.0
        env:
        - name: DISABLE_SHADOW_HOST_SUFFIX
          value: "False"
`
    }
    for (const keep of [helm, iop, deployment]) expect(await mirrorFindings([VS, keep], '1.28', '1.27')).toEqual([])
    // The new default written out (true) keeps nothing: the warning stays.
    const onTrue = istiodValues(`pilot:
  env:
    DISABLE_SHADOW_HOST_SUFFIX: "true"
`)
    expect(where(await mirrorFindings([VS, onTrue], '1.28', '1.27'))).toEqual(MIRROR_LINES.map((l) => `apps/web-vs.yaml:${l} warning`))
  })

  it('a compatibilityVersion of 1.27 or older (its profile sets DISABLE_SHADOW_HOST_SUFFIX=false) silences it; 1.28 does not', async () => {
    for (const v of ['1.27', '1.26']) expect(await mirrorFindings([VS, istiodValues(`compatibilityVersion: "${v}"\n`)], '1.29', '1.27')).toEqual([])
    expect(where(await mirrorFindings([VS, istiodValues('compatibilityVersion: "1.28"\n')], '1.29', '1.27'))).toEqual(MIRROR_LINES.map((l) => `apps/web-vs.yaml:${l} warning`))
  })

  it('a compatibility profile file of vendored charts (or of the Istio source tree) keeps nothing by itself: the warning stays', async () => {
    const profile = `# "DO NOT EDIT, THIS FILE IS A COPY" header: copied from /manifests/helm-profiles
pilot:
  env:
    # 1.28 behavioral changes
    DISABLE_SHADOW_HOST_SUFFIX: "false"
`
    for (const path of ['charts/istiod/files/profile-compatibility-version-1.27.yaml', 'manifests/helm-profiles/compatibility-version-1.27.yaml']) {
      expect(where(await mirrorFindings([VS, { path, text: profile }], '1.28', '1.27'))).toEqual(MIRROR_LINES.map((l) => `apps/web-vs.yaml:${l} warning`))
    }
  })

  it('on a pull request that changes only the VirtualService, the untouched istiod values are read as context', async () => {
    const keep = istiodValues(`pilot:
  env:
    DISABLE_SHADOW_HOST_SUFFIX: "false"
`)
    expect(await mirrorFindings([VS, keep], '1.28', '1.27', [VS], [keep])).toEqual([])
    const other = istiodValues(`pilot:
  env:
    PILOT_TRACE_SAMPLING: "1"
`)
    expect(where(await mirrorFindings([VS, other], '1.28', '1.27', [VS], [other]))).toEqual(MIRROR_LINES.map((l) => `apps/web-vs.yaml:${l} warning`))
  })
})
