// Audit 19 (m19f, measurement of 11 sampled entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-19-m19f.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const deployment = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: gw
  namespace: istio-ingress
spec:
  selector:
    matchLabels: {app: gw}
  template:
    metadata:
      labels: {app: gw}
    spec:
      containers:
      - name: istio-proxy
        image: ${image}
`

describe('audit 19 m19f #8: a workload image pinned to 1.31+ on the GCP-hosted registries cannot be pulled', () => {
  const id = 'istio-1.31-gcp-hosting-deprecated'
  const FILE = 'gateways/gw.yaml'
  it('is an error for gcr.io/istio-release and registry.istio.io images tagged 1.31 or later (no such image is published there)', () => {
    for (const image of ['gcr.io/istio-release/proxyv2:1.31.0', 'gcr.io/istio-release/proxyv2:1.31.1-distroless', 'registry.istio.io/release/proxyv2:1.32.0']) {
      const text = deployment(image)
      for (const from of [undefined, '1.30']) {
        expect(of(run(FILE, text, '1.31', from), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'image:'), severity: 'error' })])
      }
    }
  })
  it('keeps the warning, once, for older or unpinned images there (they still pull until the locations go away)', () => {
    for (const image of ['gcr.io/istio-release/proxyv2:1.30.2', 'gcr.io/istio-release/proxyv2', 'gcr.io/istio-release/proxyv2@sha256:0123456789abcdef', 'registry.istio.io/release/proxyv2:1.29.7']) {
      const text = deployment(image)
      expect(of(run(FILE, text, '1.31'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'image:'), severity: 'warning' })])
    }
  })
  it('stays quiet on docker.io/istio images and before 1.31', () => {
    expect(of(run(FILE, deployment('docker.io/istio/proxyv2:1.31.0'), '1.31'), id)).toEqual([])
    expect(of(run(FILE, deployment('gcr.io/istio-release/proxyv2:1.31.0'), '1.30'), id)).toEqual([])
  })
})
