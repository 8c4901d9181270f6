// Audit 12 (r12e, census of the 1.27.4–1.29 share): the ❌ found, each pinned to file and line.
// See docs/audit/catalog-audit-12-r12e.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

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
