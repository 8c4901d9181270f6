// Eleventh audit round (measurement, auditor m11e: a seeded sample of 1.30 and 1.31; docs/audit/catalog-audit-11-m11e.md).
// Each test fails on the entry as it stood before this audit and asserts the file and line of what must, or must not,
// be reported; the narrowed match keeps a trip test on the YAML it must still report.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const at = (found: readonly { file: string; line?: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

describe('istio-1.31-strict-gateway-merging: with gateways scoped to their namespace nothing was ever merged across namespaces', () => {
  // An Istio Gateway in `apps` selecting the pods of the managed Gateway API Gateway `ingress/public`.
  const legacy: File = {
    path: 'apps/legacy-gateway.yaml',
    text: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: legacy
  namespace: apps
spec:
  selector:
    gateway.networking.k8s.io/gateway-name: public
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
`
  }
  const managed: File = {
    path: 'ingress/gateway.yaml',
    text: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
  namespace: ingress
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP}
`
  }
  const istiodValues = (value: string): File => ({ path: 'platform/istiod/values.yaml', text: `pilot:\n  env:\n    PILOT_SCOPE_GATEWAY_TO_NAMESPACE: "${value}"\n` })
  const istiodDeployment = (value: string): File => ({
    path: 'platform/istiod/deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.30.3
        env:
        - name: PILOT_SCOPE_GATEWAY_TO_NAMESPACE
          value: "${value}"
`
  })
  async function findings(files: readonly File[]): Promise<Finding[]> {
    const result = await analyzeAdded(files, '1.31', '1.30')
    return result.findings.filter((f) => /no longer merged/.test(f.message))
  }
  const selectorLine = lineOf(legacy.text, 'gateway.networking.k8s.io/gateway-name')

  it('still reports the cross-namespace selection as an error without the flag, or with it false', async () => {
    expect(at(await findings([legacy, managed]))).toEqual([[legacy.path, selectorLine, 'error']])
    expect(at(await findings([legacy, managed, istiodValues('false')]))).toEqual([[legacy.path, selectorLine, 'error']])
  })
  it('is quiet when istiod scopes gateways to their namespace (Helm values or the Deployment env)', async () => {
    for (const v of ['true', 'True', '1']) {
      expect(await findings([legacy, managed, istiodValues(v)])).toEqual([])
      expect(await findings([legacy, managed, istiodDeployment(v)])).toEqual([])
    }
  })
})
