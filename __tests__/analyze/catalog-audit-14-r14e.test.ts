// Audit 14 (r14e, census of 29 entries of 1.27–1.29): the ❌ fixed, each pinned to file and line.
// See docs/audit/catalog-audit-14-r14e.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

const at = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.severity}`)
async function analyse(files: readonly File[], target: string, from?: string): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, ...(from ? { from } : {}), paths: [] })
  return result.findings
}

describe('InferencePool entries of 1.28: quiet when istiod has the inference extension turned off (nothing reads any pool)', () => {
  const OFF: File = { path: 'platform/istiod/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "false"\n' }
  const ON: File = { path: 'platform/istiod/istiod-values.yaml', text: 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"\n' }
  const alpha: File = {
    path: 'inference/pool.yaml',
    text: 'apiVersion: inference.networking.x-k8s.io/v1alpha2\nkind: InferencePool\nmetadata:\n  name: p\n  namespace: default\nspec:\n  targetPortNumber: 8000\n  selector:\n    app: vllm\n  extensionRef:\n    name: epp\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: default\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - group: inference.networking.x-k8s.io\n      kind: InferencePool\n      name: p\n',
  }
  const v1: File = {
    path: 'inference/pool.yaml',
    text: 'apiVersion: inference.networking.k8s.io/v1\nkind: InferencePool\nmetadata:\n  name: p\n  namespace: default\nspec:\n  targetPorts:\n  - number: 8000\n  - number: 8001\n  selector:\n    matchLabels:\n      app: vllm\n  endpointPickerRef:\n    name: epp\n    port:\n      number: 9002\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n  namespace: default\nspec:\n  parentRefs:\n  - name: gw\n  rules:\n  - backendRefs:\n    - group: inference.networking.k8s.io\n      kind: InferencePool\n      name: p\n',
  }
  const pools = (fs: readonly Finding[], file: File) => fs.filter((f) => f.file === file.path && /^(Istio 1\.28 reads InferencePool|Istio reads InferencePool at|HTTPRoute backendRefs to InferencePool|An InferencePool with more than one targetPort)/.test(f.message))

  it('v1alpha2 pool and its route: errors at 1.27→1.28 alone and with the extension on, nothing with it off', async () => {
    const expected = [`${alpha.path}:1 error`, `${alpha.path}:${lineOf(alpha.text, '- group: inference.networking.x-k8s.io')} error`]
    expect(at(pools(await analyse([alpha], '1.28', '1.27'), alpha))).toEqual(expected)
    expect(at(pools(await analyse([alpha, ON], '1.28', '1.27'), alpha))).toEqual(expected)
    expect(at(pools(await analyse([alpha, OFF], '1.28', '1.27'), alpha))).toEqual([])
  })
  it('v1 pool with two targetPorts: errors at 1.27 and 1.28.0 alone, nothing with the extension off', async () => {
    const on27 = at(pools(await analyse([v1, ON], '1.27'), v1))
    expect(on27).toEqual(([`${v1.path}:1 error`, `${v1.path}:${lineOf(v1.text, '- group: inference.networking.k8s.io')} error`]))
    expect(at(pools(await analyse([v1], '1.28.0'), v1))).toEqual([`${v1.path}:${lineOf(v1.text, '- number: 8001')} error`])
    expect(at(pools(await analyse([v1, OFF], '1.27'), v1))).toEqual([])
    expect(at(pools(await analyse([v1, OFF], '1.28.0'), v1))).toEqual([])
  })
})

describe('istio-1.28-backend-tls-policy-section-name: quiet when istiod does not read alpha Gateway API kinds at all', () => {
  const policy: File = {
    path: 'gw/backend-tls.yaml',
    text: 'apiVersion: gateway.networking.k8s.io/v1alpha3\nkind: BackendTLSPolicy\nmetadata:\n  name: tls\n  namespace: default\nspec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: api\n    sectionName: https\n  validation:\n    hostname: api.example.com\n    wellKnownCACertificates: System\n',
  }
  const env = (value: string): File => ({ path: 'platform/istiod/istiod-values.yaml', text: `pilot:\n  env:\n    PILOT_ENABLE_ALPHA_GATEWAY_API: "${value}"\n` })
  const sectionName = (fs: readonly Finding[]) => fs.filter((f) => f.file === policy.path && /targetRefs\[\]\.sectionName/.test(f.message))
  it('errors at 1.27 alone and with the alpha API on', async () => {
    const expected = [`${policy.path}:${lineOf(policy.text, 'sectionName: https')} error`]
    expect(at(sectionName(await analyse([policy], '1.27')))).toEqual(expected)
    expect(at(sectionName(await analyse([policy, env('true')], '1.27')))).toEqual(expected)
  })
  it('is silent at 1.27 when PILOT_ENABLE_ALPHA_GATEWAY_API is false in another file (the policy is not read at all)', async () => {
    expect(sectionName(await analyse([policy, env('false')], '1.27'))).toEqual([])
  })
})
