// `{value}` in a catalog message is the matched scalar wherever it sits, also inside the YAML of the
// proxy.istio.io/config annotation, whose inner values have no positions of their own.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const deployment = (annotation: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
        proxy.istio.io/config: |
${annotation.split('\n').map((l) => `          ${l}`).join('\n')}
    spec:
      containers:
      - name: web
        image: web:1
`

describe('{value} in catalog messages', () => {
  it('names the value set in the proxy.istio.io/config annotation, not the variable twice', () => {
    const text = deployment('proxyMetadata:\n  ISTIO_DELTA_XDS: "false"')
    const found = of(run('apps/web.yaml', text, '1.22', '1.21'), 'istio-1.22-delta-xds')
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual([`apps/web.yaml:${lineOf(text, 'proxy.istio.io/config')}`])
    expect(found[0].message).toMatch(/^ISTIO_DELTA_XDS false keeps proxies/)
  })

  it('names the value set in the mesh-wide proxyMetadata as before', () => {
    const text = 'meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      ISTIO_DELTA_XDS: "0"\n'
    const found = of(run('platform/istiod-values.yaml', text, '1.22', '1.21'), 'istio-1.22-delta-xds')
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['platform/istiod-values.yaml:4'])
    expect(found[0].message).toMatch(/^ISTIO_DELTA_XDS 0 keeps proxies/)
  })
})
