// Twelfth audit, census share r12d (docs/audit/catalog-audit-12-r12d.md): the entries found wrong, each pinned to file
// and line. Each test fails on the entry as it stood before this audit and passes on the fixed one.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'


async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

const deployment = (annotations: string): File => ({
  path: 'apps/app.yaml',
  text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: shop
spec:
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
      annotations:
${annotations}
    spec:
      containers:
      - name: app
        image: app:1
`,
})
const values = (name: string, text: string): File => ({ path: `platform/istiod/values-${name}.yaml`, text })

describe('istio-1.27-native-side-annotation-typo: a mesh-wide native sidecar switch in another file makes the typo moot', () => {
  const TYPO = /sidecar\.istio\.io\/native-side \(as the 1\.27 notes spell it\)/
  const optOut = deployment('        sidecar.istio.io/native-side: "false"')
  const optIn = deployment('        sidecar.istio.io/native-side: "true"')
  const line = (f: File) => lineOf(f.text, 'native-side')

  it('warns on the misspelt opt-out, with the kubelet 1.33 condition in the message', async () => {
    const found = await findings([optOut], '1.27', '1.26', optOut.path, TYPO)
    expect(at(found)).toEqual([`${optOut.path}:${line(optOut)} warning`])
    expect(found[0].message).toMatch(/kubelet 1\.33/)
    expect(found[0].message).not.toMatch(/from Istio 1\.27 \(or wherever ENABLE_NATIVE_SIDECARS is on\) the pod still gets/)
  })
  it('is silent on the misspelt opt-out when istiod turns native sidecars off in another values file', async () => {
    const env = values('env', 'pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "false"\n')
    expect(await findings([optOut, env], '1.27', '1.26', optOut.path, TYPO)).toEqual([])
  })
  for (const v of ['"1.25"', '"1.26"']) {
    it(`is silent on the misspelt opt-out under an IstioOperator compatibilityVersion ${v}`, async () => {
      const iop: File = { path: 'platform/istio/iop.yaml', text: `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  compatibilityVersion: ${v}\n` }
      expect(await findings([optOut, iop], '1.27', '1.26', optOut.path, TYPO)).toEqual([])
    })
  }
  it('still warns on the misspelt opt-out when the other file turns native sidecars on', async () => {
    const env = values('env', 'pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "true"\n')
    expect(at(await findings([optOut, env], '1.27', '1.26', optOut.path, TYPO))).toEqual([`${optOut.path}:${line(optOut)} warning`])
  })
  it('warns on the misspelt opt-in, and is silent when ENABLE_NATIVE_SIDECARS=true is set in another file', async () => {
    expect(at(await findings([optIn], '1.26', '1.25', optIn.path, TYPO))).toEqual([`${optIn.path}:${line(optIn)} warning`])
    const env = values('env', 'pilot:\n  env:\n    ENABLE_NATIVE_SIDECARS: "true"\n')
    expect(await findings([optIn, env], '1.26', '1.25', optIn.path, TYPO)).toEqual([])
  })
})

describe('istio-1.27.4-nftables-tproxy-empty-inbound-ports: only native nftables is affected, which lives in another file', () => {
  const NFT = /istio-init fail/
  const pod = deployment('        sidecar.istio.io/interceptionMode: TPROXY\n        traffic.sidecar.istio.io/includeInboundPorts: ""')
  const line = lineOf(pod.text, 'includeInboundPorts')
  it('is a notice that names the nftables condition, not a warning, at 1.27.3 and 1.28.0', async () => {
    for (const [target, from] of [['1.27.3', '1.26'], ['1.28.0', '1.27']]) {
      const found = await findings([pod], target, from, pod.path, NFT)
      expect(at(found)).toEqual([`${pod.path}:${line} notice`])
      expect(found[0].message).toMatch(/Only if native nftables is on \(values\.global\.nativeNftables: true\)/)
      expect(found[0].message).toMatch(/with iptables \(the default\) nothing changes/)
    }
  })
  it('is silent where the fix shipped (1.27.4, 1.28.1) and before nftables existed (1.26)', async () => {
    expect(await findings([pod], '1.27.4', '1.26', pod.path, NFT)).toEqual([])
    expect(await findings([pod], '1.28.1', '1.27', pod.path, NFT)).toEqual([])
    expect(await findings([pod], '1.26', '1.25', pod.path, NFT)).toEqual([])
  })
})

describe('istio-1.27-inference-extension-flag-typo: the real variable set in another values file', () => {
  const TYPO = /SUPPORT_GATEWAY_API_INFERENCE_EXTENSION \(as the 1\.27 notes spell it\)/
  const typo = values('typo', 'pilot:\n  env:\n    SUPPORT_GATEWAY_API_INFERENCE_EXTENSION: "true"\n')
  it('errs on the misspelt variable when nothing else turns the feature on', async () => {
    expect(at(await findings([typo], '1.27', '1.26', typo.path, TYPO))).toEqual([`${typo.path}:${lineOf(typo.text, 'SUPPORT_')} error`])
  })
  it('is silent when another values file sets ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"', async () => {
    const real = values('real', 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "true"\n')
    expect(await findings([typo, real], '1.27', '1.26', typo.path, TYPO)).toEqual([])
  })
  it('still errs when the other file sets the real variable to false', async () => {
    const real = values('real', 'pilot:\n  env:\n    ENABLE_GATEWAY_API_INFERENCE_EXTENSION: "false"\n')
    expect(at(await findings([typo, real], '1.27', '1.26', typo.path, TYPO))).toEqual([`${typo.path}:${lineOf(typo.text, 'SUPPORT_')} error`])
  })
})

describe('istio-1.27-lightstep-provider-removed: an error where the provider is selected', () => {
  const LIGHTSTEP = /removed the Lightstep tracing provider/
  const provider = '  extensionProviders:\n  - name: ls\n    lightstep:\n      service: collector.ls.svc.cluster.local\n      port: 8080\n      accessToken: abc\n'
  it('errs when defaultProviders.tracing is set next to it', async () => {
    const v = values('mesh', `meshConfig:\n  defaultProviders:\n    tracing:\n    - ls\n${provider}`)
    expect(at(await findings([v], '1.27', '1.26', v.path, LIGHTSTEP))).toEqual([`${v.path}:${lineOf(v.text, 'lightstep:')} error`])
  })
  // r12d made an unselected provider a warning; the coordinator first reverted that (a Telemetry resource in another
  // file may select it), then paired providers with their selections across files (tracing-provider-pairing.test.ts):
  // a provider nothing in the files selects is a warning again.
  it('warns when nothing in the files selects the provider', async () => {
    const v = values('mesh', `meshConfig:\n${provider}`)
    expect(at(await findings([v], '1.27', '1.26', v.path, LIGHTSTEP))).toEqual([`${v.path}:${lineOf(v.text, 'lightstep:')} warning`])
  })
  it('is silent before 1.27', async () => {
    const v = values('mesh', `meshConfig:\n${provider}`)
    expect(await findings([v], '1.26', '1.25', v.path, LIGHTSTEP)).toEqual([])
  })
})
