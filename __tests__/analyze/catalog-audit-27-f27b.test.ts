// Round 27 census, share m27b (docs/audit/catalog-audit-27-m27b.md rows 5 and 8): the ❌ it found, each pinned to file
// and line, with the case each entry is for still reported.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

describe('istio-1.23-dns-capture-honours-exclusions: a pod whose own proxy config turns DNS capture off', () => {
  const deploy = (annotation: string, value: string, proxyConfig = ''): File => ({
    path: 'apps/shop/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n      annotations:\n        traffic.sidecar.istio.io/${annotation}: "${value}"\n${proxyConfig}    spec:\n      containers:\n      - name: web\n        image: web:1\n`
  })
  const config = (v: string): string => `        proxy.istio.io/config: |\n          proxyMetadata:\n            ISTIO_META_DNS_CAPTURE: "${v}"\n`
  const DNS = /DNS traffic that the Istio DNS proxy captures honours the outbound exclusion annotations/

  it('is silent on excluded port 53 or excluded ranges when the pod sets ISTIO_META_DNS_CAPTURE false', async () => {
    for (const v of ['false', 'False', '0']) {
      const f = deploy('excludeOutboundPorts', '53,8080', config(v))
      expect(await findings([f], '1.23', '1.22', f.path, DNS)).toEqual([])
      const g = deploy('excludeOutboundIPRanges', '10.96.0.0/12', config(v))
      expect(await findings([g], '1.23', '1.22', g.path, DNS)).toEqual([])
    }
  })

  it('still warns when the pod turns capture on, and gives the notice when its proxy config does not say', async () => {
    const on = deploy('excludeOutboundPorts', '53,8080', config('true'))
    expect(at(await findings([on], '1.23', '1.22', on.path, DNS))).toEqual([`${on.path}:${lineOf(on.text, 'excludeOutboundPorts')} warning`])
    const unknown = deploy('excludeOutboundPorts', '53,8080')
    expect(at(await findings([unknown], '1.23', '1.22', unknown.path, DNS))).toEqual([`${unknown.path}:${lineOf(unknown.text, 'excludeOutboundPorts')} notice`])
    const ranges = deploy('excludeOutboundIPRanges', '10.96.0.0/12')
    expect(at(await findings([ranges], '1.23', '1.22', ranges.path, DNS))).toEqual([`${ranges.path}:${lineOf(ranges.text, 'excludeOutboundIPRanges')} notice`])
  })
})

describe('istio-1.24-bypass-inbound-capture-typo: the correct key already next to the misspelt one', () => {
  const deploy = (keys: readonly string[]): File => ({
    path: 'apps/shop/web.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n        istio.io/dataplane-mode: ambient\n      annotations:\n${keys.map((k) => `        ${k}: "true"\n`).join('')}    spec:\n      containers:\n      - name: web\n        image: web:1\n`
  })
  const TYPO = /bypassInboundCapture \(as the 1\.24 notes spell it\)/

  it('is silent when ambient.istio.io/bypass-inbound-capture is set too', async () => {
    const f = deploy(['ambient.istio.io/bypassInboundCapture', 'ambient.istio.io/bypass-inbound-capture'])
    expect(await findings([f], '1.24', '1.23', f.path, TYPO)).toEqual([])
    const g = deploy(['ambient.istio.io/bypass-inbound-capture', 'ambient.istio.io/bypassInboundCapture'])
    expect(await findings([g], '1.24', '1.23', g.path, TYPO)).toEqual([])
  })

  it('still warns on the misspelt key alone', async () => {
    const f = deploy(['ambient.istio.io/bypassInboundCapture'])
    expect(at(await findings([f], '1.24', '1.23', f.path, TYPO))).toEqual([`${f.path}:${lineOf(f.text, 'bypassInboundCapture')} warning`])
  })
})
