// Audit 13 (m13f, measurement sample of 1.31 entries): the two ❌ found, each pinned to file and line.
// Both reported a value equal to the documented default, which behaves the same on every release.
// See docs/audit/catalog-audit-13-m13f.md.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'


describe('istio-1.31-proxy-connection-settings: the default SIDECAR profile changes nothing', () => {
  const id = 'istio-1.31-proxy-connection-settings'
  const configMap = (body: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    defaultConfig:\n      connectionSettings:\n${body}`
  const iop = (body: string) =>
    `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    defaultConfig:\n      connectionSettings:\n${body}`

  it('silent on a ConfigMap mesh with profile: SIDECAR only (the default profile, "no additional defaults")', () => {
    expect(of(run('istio/mesh.yaml', configMap('        profile: SIDECAR\n'), '1.30'), id)).toEqual([])
  })
  it('silent on an IstioOperator with profile: SIDECAR only', () => {
    expect(of(run('istio/iop.yaml', iop('        profile: SIDECAR\n'), '1.30'), id)).toEqual([])
  })
  it('silent on a pod annotation with profile: SIDECAR and an UNSPECIFIED enum only', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        proxy.istio.io/config: |\n          connectionSettings:\n            profile: SIDECAR\n            httpHeadersWithUnderscoresAction: HEADERS_WITH_UNDERSCORES_UNSPECIFIED\n    spec:\n      containers:\n      - {name: web, image: web}\n'
    expect(of(run('apps/web.yaml', text, '1.30'), id)).toEqual([])
  })
  it('still warns on profile: EDGE (1.30 ignores it: the EDGE defaults are not applied)', () => {
    const text = configMap('        profile: EDGE\n')
    expect(at(of(run('istio/mesh.yaml', text, '1.30'), id))).toEqual([`istio/mesh.yaml:${lineOf(text, 'connectionSettings:')} warning`])
  })
  it('still warns on profile: SIDECAR next to an explicit setting', () => {
    const text = iop('        profile: SIDECAR\n        httpIdleTimeout: 60s\n')
    expect(at(of(run('istio/iop.yaml', text, '1.30'), id))).toEqual([`istio/iop.yaml:${lineOf(text, 'connectionSettings:')} warning`])
  })
  it('silent on 1.31', () => {
    expect(of(run('istio/mesh.yaml', configMap('        profile: EDGE\n'), '1.31'), id)).toEqual([])
  })
})

describe('istio-1.31-new-env: a secure metrics port of 0 is the default (disabled)', () => {
  const id = 'istio-1.31-new-env'
  const iop = (port: string, merged: string) =>
    `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  meshConfig:\n    defaultConfig:\n      proxyMetadata:\n        ENVOY_SECURE_METRICS_PORT: ${port}\n        ENVOY_SECURE_MERGED_METRICS_PORT: ${merged}\n`

  for (const zero of ['"0"', '0', '""']) {
    it(`silent on both ports set to ${zero}`, () => {
      expect(of(run('istio/iop.yaml', iop(zero, zero), '1.30'), id)).toEqual([])
    })
  }
  it('silent on a pod annotation port of "0"', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n      annotations:\n        proxy.istio.io/config: |\n          proxyMetadata:\n            ENVOY_SECURE_MERGED_METRICS_PORT: "0"\n    spec:\n      containers:\n      - {name: web, image: web}\n'
    expect(of(run('apps/web.yaml', text, '1.30'), id)).toEqual([])
  })
  it('still notes real ports on 1.30, each on its own line', () => {
    const text = iop('"15091"', '15092')
    expect(at(of(run('istio/iop.yaml', text, '1.30'), id))).toEqual([
      `istio/iop.yaml:${lineOf(text, 'ENVOY_SECURE_METRICS_PORT')} notice`,
      `istio/iop.yaml:${lineOf(text, 'ENVOY_SECURE_MERGED_METRICS_PORT')} notice`,
    ])
  })
  it('silent on 1.31', () => {
    expect(of(run('istio/iop.yaml', iop('"15091"', '"15092"'), '1.31'), id)).toEqual([])
  })
})
