// Audit 12 (r12f, census of 1.29/1.30 entries): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12f.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const where = (fs: readonly { file: string; line: number; severity: string }[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

async function matching(files: readonly File[], target: string, message: RegExp, from?: string): Promise<string[]> {
  const result = await analyzeAdded(files, target, from)
  return where(result.findings.filter((f) => message.test(f.message)))
}

const namespace = (name: string, labels: string): File => ({
  path: `ns/${name}.yaml`,
  text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${labels}`
})

describe('istio-1.30-wildcard-serviceentry-sidecars: a use-waypoint label on the Namespace binds the ServiceEntry too', () => {
  const MESSAGE = /sidecars get support in 1\.30/
  const se: File = {
    path: 'egress/se.yaml',
    text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: wild\n  namespace: egress\nspec:\n  hosts: ["*.example.com"]\n  ports:\n  - number: 80\n    name: http\n    protocol: HTTP\n  resolution: DYNAMIC_DNS # here\n'
  }

  it('alone: a warning on spec.resolution before 1.30, none from 1.30', async () => {
    const line = lineOf(se.text, '# here')
    expect(await matching([se], '1.29', MESSAGE)).toEqual([`egress/se.yaml:${line} warning`])
    expect(await matching([se], '1.28', MESSAGE)).toEqual([`egress/se.yaml:${line} warning`])
    expect(await matching([se], '1.30', MESSAGE)).toEqual([])
  })

  it('the Namespace carries istio.io/use-waypoint in another file: no warning', async () => {
    const ns = namespace('egress', '    istio.io/use-waypoint: egress-waypoint\n')
    expect(await matching([se, ns], '1.29', MESSAGE)).toEqual([])
  })

  it('trip: a Namespace label use-waypoint "none" binds nothing, the warning stays', async () => {
    const ns = namespace('egress', '    istio.io/use-waypoint: none\n')
    expect(await matching([se, ns], '1.29', MESSAGE)).toEqual([`egress/se.yaml:${lineOf(se.text, '# here')} warning`])
  })
})

describe('istio-1.29-bypass-inbound-capture-hbone: a sidecar-injected namespace never uses ztunnel inbound', () => {
  const MESSAGE = /breaks inbound HBONE/
  const dep: File = {
    path: 'shop/dep.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n      annotations:\n        ambient.istio.io/bypass-inbound-capture: "true" # here\n    spec:\n      containers:\n      - name: app\n        image: nginx\n'
  }

  it('alone: a (conditional) warning before 1.29, none from 1.29', async () => {
    const line = lineOf(dep.text, '# here')
    // audit 16 (r16f): a pod without its own ambient label is only a conditional warning (outside ambient the annotation does nothing)
    expect(await matching([dep], '1.28', MESSAGE)).toEqual([`shop/dep.yaml:${line} warning`])
    expect(await matching([dep], '1.29', MESSAGE)).toEqual([])
  })

  it('the namespace has istio-injection: enabled in another file: sidecar pods, no error', async () => {
    const ns = namespace('shop', '    istio-injection: enabled\n')
    expect(await matching([dep, ns], '1.28', MESSAGE)).toEqual([])
  })

  it('trip: istio-injection: disabled injects nothing, the finding stays', async () => {
    const ns = namespace('shop', '    istio-injection: disabled\n    istio.io/dataplane-mode: ambient\n')
    // an error since round 41 (m41c): the pod's own Namespace in the repository is ambient
    expect(await matching([dep, ns], '1.28', MESSAGE)).toEqual([`shop/dep.yaml:${lineOf(dep.text, '# here')} error`])
  })
})

describe('istio-1.30-cni-exclude-namespaces: the old chart default [istio-system, kube-system] changes nothing', () => {
  const MESSAGE = /honours excludeNamespaces/
  const values = (list: string): File => ({
    path: 'istio/cni-values.yaml',
    text: `profile: ambient\nexcludeNamespaces:\n${list}`
  })

  it('[kube-system, istio-system] with ambient on: no warning (Istio\'s own pods there are not ambient-enrolled)', async () => {
    expect(await matching([values('- kube-system\n- istio-system\n')], '1.30', MESSAGE, '1.29')).toEqual([])
  })

  it('trip: an application namespace next to them still warns, on its own line', async () => {
    const file = values('- kube-system\n- istio-system\n- legacy-apps\n')
    expect(await matching([file], '1.30', MESSAGE, '1.29')).toEqual([`istio/cni-values.yaml:${lineOf(file.text, '- legacy-apps')} warning`])
  })
})

describe('istio-1.30-cni-config-permissions: CNI_CONF_GROUP_READ in another values file of the cni chart counts', () => {
  const MESSAGE = /mode 0600/
  const release: File = {
    path: 'istio/cni-release.yaml',
    text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istio-cni\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: cni # here\n      version: 1.30.0\n      sourceRef: {kind: HelmRepository, name: istio}\n  values:\n    profile: ambient\n'
  }

  it('the release alone: a notice on the chart name (1.29 -> 1.30)', async () => {
    expect(await matching([release], '1.30', MESSAGE, '1.29')).toEqual([`istio/cni-release.yaml:${lineOf(release.text, '# here')} notice`])
  })

  it('cni.env.CNI_CONF_GROUP_READ set in a sibling cni-values.yaml: no notice', async () => {
    const values: File = { path: 'istio/cni-values.yaml', text: 'cni:\n  env:\n    CNI_CONF_GROUP_READ: "true"\n' }
    expect(await matching([release, values], '1.30', MESSAGE, '1.29')).toEqual([])
  })

  it('trip: the variable set for istiod (pilot.env) is not the istio-cni agent, the notice stays', async () => {
    const values: File = { path: 'istio/istiod-values.yaml', text: 'pilot:\n  env:\n    CNI_CONF_GROUP_READ: "true"\n' }
    expect(await matching([release, values], '1.30', MESSAGE, '1.29')).toEqual([`istio/cni-release.yaml:${lineOf(release.text, '# here')} notice`])
  })
})
