// Round 25's measurement (docs/audit/catalog-audit-25-*.md): the ❌ it found, each pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.22-waypoint-service-account-binding-removed: only a use-waypoint label that names this waypoint silences it', () => {
  const gw: File = {
    path: 'mesh/waypoint.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: wp\n  namespace: ns\n  annotations:\n    istio.io/for-service-account: reviews\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n'
  }
  const namespace = (name: string, labels: string): File => ({ path: `mesh/ns-${name}.yaml`, text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${labels}` })
  const SA = /for-service-account is ignored/
  const error = [`${gw.path}:${lineOf(gw.text, 'istio.io/for-service-account')} error`]

  it('still errs when the only use-waypoint label in the repository names another waypoint', async () => {
    expect(at(await findings([gw, namespace('other', '    istio.io/use-waypoint: other-wp\n')], '1.22', '1.21', gw.path, SA))).toEqual(error)
    expect(at(await findings([gw, namespace('ns', '    istio.io/use-waypoint: other-wp\n')], '1.22', '1.21', gw.path, SA))).toEqual(error)
  })

  it('still errs when a label in another namespace names a waypoint of the same name there', async () => {
    expect(at(await findings([gw, namespace('other', '    istio.io/use-waypoint: wp\n')], '1.22', '1.21', gw.path, SA))).toEqual(error)
  })

  it('is silent when its own Namespace, a Service of its namespace, or a label with use-waypoint-namespace names it', async () => {
    expect(await findings([gw, namespace('ns', '    istio.io/use-waypoint: wp\n')], '1.22', '1.21', gw.path, SA)).toEqual([])
    const svc: File = { path: 'apps/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: ns\n  labels:\n    istio.io/use-waypoint: wp\nspec:\n  ports:\n  - port: 9080\n' }
    expect(await findings([gw, svc], '1.22', '1.21', gw.path, SA)).toEqual([])
    const cross = namespace('other', '    istio.io/use-waypoint: wp\n    istio.io/use-waypoint-namespace: ns\n')
    expect(await findings([gw, cross], '1.22', '1.21', gw.path, SA)).toEqual([])
  })

  it('validates namesObject: a field opt-out, not together with ownNamespace', () => {
    const release = (o: unknown): CatalogRelease =>
      ({ release: '1.22', entries: [{ id: 'x', change: 'removed', severity: 'warning', since: '1.22', message: 'm', match: [{ type: 'field', kinds: ['Gateway'], paths: ['spec.x'], unlessRepository: [o] }], sources: [{ path: 'releases/1.22/change-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
    expect(validateCatalog([release({ type: 'env', name: 'X', component: 'istiod', namesObject: true })]).join('\n')).toMatch(/namesObject is true on a field opt-out/)
    expect(validateCatalog([release({ type: 'field', kinds: ['Namespace'], paths: ['metadata.labels["a"]'], namesObject: true, ownNamespace: true })]).join('\n')).toMatch(/namesObject is true on a field opt-out without ownNamespace/)
    expect(validateCatalog([release({ type: 'field', kinds: ['Service'], paths: ['metadata.labels["a"]'], namesObject: true })]).join('\n')).not.toMatch(/namesObject/)
  })
})

describe('istio-1.27-native-sidecars: a pod that already chooses with sidecar.istio.io/nativeSidecar', () => {
  const deploy = (annotation: string): File => ({
    path: 'apps/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n${annotation}    spec:\n      containers:\n      - name: web\n        image: web:1\n      - name: istio-proxy\n        image: auto\n        resources:\n          limits: {memory: 1Gi}\n`
  })
  const NATIVE = /native sidecar/
  it('warns on a pod template that declares istio-proxy and leaves the choice to the release', async () => {
    const f = deploy('')
    expect(at(await findings([f], '1.27', '1.26', f.path, NATIVE))).toEqual([`${f.path}:${lineOf(f.text, '- name: istio-proxy')} warning`])
  })
  it('is silent when the pod already asks for a native sidecar (the annotation outranks the default since 1.24)', async () => {
    const f = deploy('      annotations:\n        sidecar.istio.io/nativeSidecar: "true"\n')
    expect(await findings([f], '1.27', '1.26', f.path, NATIVE)).toEqual([])
  })
})

describe('istio-1.22-ambient-redirection-opt-out-removed: a pod ambient never captured', () => {
  const pod = (labels = ''): File => ({
    path: 'apps/legacy/pod.yaml',
    text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: batch\n  namespace: legacy\n${labels}  annotations:\n    ambient.istio.io/redirection: disabled\nspec:\n  containers:\n  - name: batch\n    image: batch:1\n`
  })
  const ns = (labels: string): File => ({ path: 'apps/legacy/namespace.yaml', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: legacy\n${labels}` })
  const REDIRECTION = /ambient\.istio\.io\/redirection: disabled no longer/
  const warning = (f: File) => [`${f.path}:${lineOf(f.text, 'ambient.istio.io/redirection')} warning`]

  it('is silent when the pod and its Namespace in the repository carry no ambient label', async () => {
    const p = pod()
    expect(await findings([p, ns('')], '1.22', '1.21', p.path, REDIRECTION)).toEqual([])
    expect(await findings([p, ns('  labels:\n    team: batch\n')], '1.22', '1.21', p.path, REDIRECTION)).toEqual([])
  })

  it('warns when the Namespace is ambient, when the pod itself is, or when the Namespace is not in the repository', async () => {
    const p = pod()
    expect(at(await findings([p, ns('  labels:\n    istio.io/dataplane-mode: ambient\n')], '1.22', '1.21', p.path, REDIRECTION))).toEqual(warning(p))
    expect(at(await findings([p], '1.22', '1.21', p.path, REDIRECTION))).toEqual(warning(p))
    const ambientPod = pod('  labels:\n    istio.io/dataplane-mode: ambient\n')
    expect(at(await findings([ambientPod, ns('')], '1.22', '1.21', ambientPod.path, REDIRECTION))).toEqual(warning(ambientPod))
  })
})

describe('istio-1.27-native-side-annotation-typo: no rename to an annotation the target does not read', () => {
  const deploy: File = {
    path: 'apps/web.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        sidecar.istio.io/native-side: "true"\n    spec:\n      containers:\n      - name: web\n        image: web:1\n'
  }
  const TYPO = /sidecar\.istio\.io\/native-side \(as the 1\.27 notes spell it\)/
  it('is silent before 1.24, where sidecar.istio.io/nativeSidecar is not read either', async () => {
    expect(await findings([deploy], '1.23', '1.22', deploy.path, TYPO)).toEqual([])
  })
  it('warns with the rename from 1.24', async () => {
    const found = await findings([deploy], '1.24', '1.23', deploy.path, TYPO)
    expect(at(found)).toEqual([`${deploy.path}:${lineOf(deploy.text, 'native-side:')} warning`])
    expect(found[0]?.fix).toBeDefined()
  })
})

describe('istio-1.29-global-downstream-max-connections-runtime-deprecated: the metadata already set mesh-wide', () => {
  const pod: File = {
    path: 'apps/gw.yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: edge\n  namespace: shop\n  annotations:\n    proxy.istio.io/config: |\n      runtimeValues:\n        overload.global_downstream_max_connections: "50000"\nspec:\n  containers:\n  - name: edge\n    image: edge:1\n'
  }
  const DEPRECATED = /overload\.global_downstream_max_connections is deprecated/
  it('notes the runtime flag when nothing sets ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS', async () => {
    expect(at(await findings([pod], '1.29', '1.28', pod.path, DEPRECATED))).toEqual([`${pod.path}:${lineOf(pod.text, 'proxy.istio.io/config')} notice`])
  })
  it('is silent when the istiod values set it in meshConfig.defaultConfig.proxyMetadata', async () => {
    const values: File = { path: 'platform/istiod/values.yaml', text: 'meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS: "50000"\n' }
    expect(await findings([pod, values], '1.29', '1.28', pod.path, DEPRECATED)).toEqual([])
  })
})

describe('istio-1.24-native-sidecar-annotation: nativeSidecar "false" where the repository turns native sidecars on (ifRepository)', () => {
  const deploy: File = {
    path: 'apps/web.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        sidecar.istio.io/nativeSidecar: "false"\n    spec:\n      containers:\n      - name: web\n        image: web:1\n'
  }
  const values: File = { path: 'platform/istiod/values.yaml', text: 'pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "true"\n' }
  const NATIVE = /sidecar\.istio\.io\/nativeSidecar annotation is only read from Istio 1\.24/
  const line = lineOf(deploy.text, 'sidecar.istio.io/nativeSidecar')

  it('is a notice while nothing in the repository turns native sidecars on', async () => {
    expect(at(await findings([deploy], '1.23', '1.22', deploy.path, NATIVE))).toEqual([`${deploy.path}:${line} notice`])
  })
  it('is a warning, and the only finding, when the istiod values set ENABLE_NATIVE_SIDECARS=true', async () => {
    const found = await findings([deploy, values], '1.23', '1.22', deploy.path, NATIVE)
    expect(at(found)).toEqual([`${deploy.path}:${line} warning`])
    expect(found[0]?.message).toMatch(/this repository sets ENABLE_NATIVE_SIDECARS=true/)
  })
  it('is silent from 1.24, where the annotation is read', async () => {
    expect(await findings([deploy, values], '1.24', '1.23', deploy.path, NATIVE)).toEqual([])
  })
  it('validates ifRepository like unlessRepository: mesh-wide or a Namespace\'s own (round 41), never namesObject or sameValue', () => {
    const release = (m: unknown): CatalogRelease =>
      ({ release: '1.24', entries: [{ id: 'x', change: 'added', severity: 'warning', since: '1.24', message: 'm', match: [m], sources: [{ path: 'releases/1.24/change-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
    const field = { type: 'field', kinds: ['Deployment'], paths: ['spec.x'] }
    expect(validateCatalog([release({ ...field, ifRepository: [] })]).join('\n')).toMatch(/ifRepository must be a non-empty list/)
    expect(validateCatalog([release({ ...field, ifRepository: [{ type: 'field', kinds: ['Namespace'], paths: ['metadata.name'], ownNamespace: true }] })]).join('\n')).not.toMatch(/ifRepository/)
    expect(validateCatalog([release({ ...field, ifRepository: [{ type: 'field', kinds: ['Service'], paths: ['metadata.name'], namesObject: true }] })]).join('\n')).toMatch(/ifRepository settings are mesh-wide or a Namespace's own/)
    expect(validateCatalog([release({ ...field, ifRepository: [{ type: 'env', name: 'X', component: 'istiod', values: ['true'] }] })]).join('\n')).not.toMatch(/ifRepository/)
  })
})
