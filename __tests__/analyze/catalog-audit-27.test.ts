// Round 27's measurement (docs/audit/catalog-audit-27-*.md): the ❌ fixed by the coordinator, pinned to file and line.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

describe('istio-1.27-cni-owned-config-filename-typo: the misspelt key set to the default name changes nothing', () => {
  const values = (name: string): File => ({
    path: 'platform/istio-cni/values.yaml',
    text: `profile: ambient\nistioOwnedCNIConfig: true\nistioOwnedCNIConfigFilename: ${name}\n`
  })
  const TYPO = /istioOwnedCNIConfigFilename \(as the release notes spell it\)/
  async function typo(f: File) {
    return (await analyzeAdded([f], '1.27', '1.26')).findings.filter((x) => x.file === f.path && TYPO.test(x.message))
  }
  it('warns on a name other than the default', async () => {
    const f = values('00-istio-cni.conflist')
    expect(at(await typo(f))).toEqual([`${f.path}:${lineOf(f.text, 'istioOwnedCNIConfigFilename:')} warning`])
  })
  it('is silent on the default name and on an empty value, which ask for the name the file gets anyway', async () => {
    expect(await typo(values('02-istio-cni.conflist'))).toEqual([])
    expect(await typo(values('""'))).toEqual([])
  })
})
