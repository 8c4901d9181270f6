// Audit 12 (r12e, census of the 1.27.4–1.29 share): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12e.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const at = (fs: readonly { file: string; line: number; severity: string }[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)

describe('istio-1.29-stats-compression-option: quiet where the pod still compresses with the old annotation', () => {
  const ID = 'istio-1.29-stats-compression-option'
  const deployment = (annotation: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    metadata:\n      annotations:\n${annotation}        proxy.istio.io/config: |\n          statsCompression: true\n    spec:\n      containers:\n      - name: app\n        image: app\n`

  it('statsCompression true next to sidecar.istio.io/statsCompression gzip: 1.28 already compresses, nothing to report', () => {
    const text = deployment('        sidecar.istio.io/statsCompression: gzip\n')
    expect(of(run('app.yaml', text, '1.28', '1.27'), ID)).toEqual([])
    expect(of(run('app.yaml', text, '1.27.9'), ID)).toEqual([])
  })

  it('without the annotation, or with a value 1.28 does not compress with, the warning stays on the ProxyConfig annotation', () => {
    const alone = deployment('')
    expect(at(of(run('app.yaml', alone, '1.28', '1.27'), ID))).toEqual([`app.yaml:${lineOf(alone, 'proxy.istio.io/config')} warning`])
    const odd = deployment('        sidecar.istio.io/statsCompression: deflate\n')
    expect(at(of(run('app.yaml', odd, '1.28', '1.27'), ID))).toEqual([`app.yaml:${lineOf(odd, 'proxy.istio.io/config')} warning`])
  })

  it('mesh-wide defaultConfig.statsCompression true (no pod annotations there) still warns', () => {
    const text = 'meshConfig:\n  defaultConfig:\n    statsCompression: true\n'
    expect(at(of(run('values.yaml', text, '1.28', '1.27'), ID))).toEqual([`values.yaml:${lineOf(text, 'statsCompression')} warning`])
  })
})

describe('istio-1.29-debug-endpoint-auth: quiet where Kiali is told not to call istiod at all (istio_api_enabled: false)', () => {
  const MESSAGE = /istiod debug endpoints on port 15014/
  async function warnings(files: readonly File[], target: string, from: string): Promise<string[]> {
    const result = await analyzeAdded(files, target, from)
    return at(result.findings.filter((f) => MESSAGE.test(f.message)))
  }
  const kiali: File = { path: 'kiali/deployment.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kiali\n  namespace: observability\nspec:\n  template:\n    spec:\n      containers:\n      - name: kiali\n        image: quay.io/kiali/kiali:v2.10\n' }
  const line = lineOf(kiali.text, 'name: kiali')
  const cr = (enabled: boolean): File => ({ path: 'kiali/kiali-cr.yaml', text: `apiVersion: kiali.io/v1alpha1\nkind: Kiali\nmetadata:\n  name: kiali\n  namespace: observability\nspec:\n  external_services:\n    istio:\n      istio_api_enabled: ${enabled}\n` })
  const release = (enabled: boolean): File => ({
    path: 'kiali/release.yaml',
    text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: kiali-server\n  namespace: observability\nspec:\n  chart:\n    spec:\n      chart: kiali-server\n  values:\n    external_services:\n      istio:\n        istio_api_enabled: ${enabled}\n`
  })

  it('the Kiali server alone warns on its name at 1.29 from 1.28.3', async () => {
    expect(await warnings([kiali], '1.29', '1.28.3')).toEqual([`kiali/deployment.yaml:${line} warning`])
  })

  it('a Kiali CR or a kiali-server HelmRelease with istio_api_enabled false, in another file, silences it', async () => {
    expect(await warnings([kiali, cr(false)], '1.29', '1.28.3')).toEqual([])
    expect(await warnings([kiali, release(false)], '1.29', '1.28.3')).toEqual([])
  })

  it('istio_api_enabled true (the default) keeps the warning', async () => {
    expect(await warnings([kiali, cr(true)], '1.29', '1.28.3')).toEqual([`kiali/deployment.yaml:${line} warning`])
    expect(await warnings([kiali, release(true)], '1.29', '1.28.3')).toEqual([`kiali/deployment.yaml:${line} warning`])
  })
})
