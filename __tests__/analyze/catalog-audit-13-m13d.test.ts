// Audit 13 (m13d, measurement of 13 sampled 1.28/1.29 entries): the ❌ found, pinned to file and line.
// See docs/audit/catalog-audit-13-m13d.md.
import { describe, expect, it } from '@jest/globals'
import { lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.29-debug-endpoint-auth: DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES counts from the 1.27.8 and 1.28.5 security patches', () => {
  // announcing-1.27.8 and announcing-1.28.5 (2026-03-10, ISTIO-SECURITY-2026-001) add the variable, as 1.29.1 does.
  const MESSAGE = /istiod debug endpoints on port 15014/
  const kiali: File = {
    path: 'observability/kiali.yaml',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kiali\n  namespace: observability\nspec:\n  selector:\n    matchLabels: {app: kiali}\n  template:\n    metadata:\n      labels: {app: kiali}\n    spec:\n      containers:\n      - name: kiali\n        image: quay.io/kiali/kiali:v2.10\n'
  }
  const allowed: File = {
    path: 'istio/istiod-operator.yaml',
    text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: istio\n  namespace: istio-system\nspec:\n  values:\n    pilot:\n      env:\n        DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: observability\n'
  }
  const line = lineOf(kiali.text, 'name: kiali')
  async function warnings(files: readonly File[], target: string, from: string): Promise<string[]> {
    const result = await analyzeAdded(files, target, from)
    return result.findings.filter((f) => MESSAGE.test(f.message)).map((f) => `${f.file}:${f.line} ${f.severity}`)
  }

  it('is quiet on 1.28.5 and 1.27.8 when istiod authorises the Kiali namespace (another file)', async () => {
    expect(await warnings([kiali, allowed], '1.28.5', '1.28.3')).toEqual([])
    expect(await warnings([kiali, allowed], '1.27.8', '1.27.5')).toEqual([])
    expect(await warnings([kiali, allowed], '1.27.9', '1.27.5')).toEqual([])
  })

  it('still warns on the patches that tightened access but cannot read the variable yet (1.28.4, 1.27.6, 1.27.7, 1.29.0)', async () => {
    for (const [target, from] of [['1.28.4', '1.28.3'], ['1.27.6', '1.27.5'], ['1.27.7', '1.27.5'], ['1.29.0', '1.28.3']]) {
      expect(await warnings([kiali, allowed], target, from)).toEqual([`observability/kiali.yaml:${line} warning`])
    }
  })

  it('without the variable the warning stays on 1.28.5 and 1.27.8', async () => {
    expect(await warnings([kiali], '1.28.5', '1.28.3')).toEqual([`observability/kiali.yaml:${line} warning`])
    expect(await warnings([kiali], '1.27.8', '1.27.5')).toEqual([`observability/kiali.yaml:${line} warning`])
  })
})
