// Round 27's measurement (docs/audit/catalog-audit-27-m27a.md rows #6 and #7): a pod labelled istio.io/rev gets a
// sidecar through the revision webhook (charts/istiod templates/mutatingwebhook.yaml, rev.object selector), and the CNI
// skips pods with a sidecar before reading any ambient opt-out (cni/pkg/util/podutil.go PodRedirectionEnabled:
// podHasSidecar first), so neither the redirection annotation nor the pod-level dataplane-mode label changes anything.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function findings(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}

const ambientNs: File = { path: 'mesh/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
const deploy = (labels: string, annotations: string): File => ({
  path: 'apps/web.yaml',
  text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n${labels}${annotations ? `      annotations:\n${annotations}` : ''}    spec:\n      containers:\n      - name: web\n        image: web:1\n`
})

describe('istio-1.22-ambient-redirection-opt-out-removed: a pod labelled istio.io/rev gets a sidecar and is never redirected', () => {
  const MSG = /no longer takes a pod out of ambient mode/
  const ANN = '        ambient.istio.io/redirection: disabled\n'

  it('is silent for a pod with istio.io/rev in an ambient Namespace (both arms)', async () => {
    const plain = deploy('        istio.io/rev: default\n', ANN)
    expect(await findings([plain, ambientNs], '1.22', '1.21', plain.path, MSG)).toEqual([])
    const enrolled = deploy('        istio.io/rev: default\n        istio.io/dataplane-mode: ambient\n', ANN)
    expect(await findings([enrolled, ambientNs], '1.22', '1.21', enrolled.path, MSG)).toEqual([])
  })

  it('still warns at the annotation for the same pod without istio.io/rev (both arms)', async () => {
    const plain = deploy('', ANN)
    expect(at(await findings([plain, ambientNs], '1.22', '1.21', plain.path, MSG))).toEqual([`${plain.path}:${lineOf(plain.text, 'ambient.istio.io/redirection')} warning`])
    const enrolled = deploy('        istio.io/dataplane-mode: ambient\n', ANN)
    expect(at(await findings([enrolled], '1.22', '1.21', enrolled.path, MSG))).toEqual([`${enrolled.path}:${lineOf(enrolled.text, 'ambient.istio.io/redirection')} warning`])
  })
})

describe('istio-1.22-pod-dataplane-mode-label: the none arm skips a pod labelled istio.io/rev, as the ambient arm does', () => {
  const MSG = /single pod with the istio\.io\/dataplane-mode label/

  it('is silent for a pod labelled none plus istio.io/rev in an ambient Namespace (target 1.21)', async () => {
    const f = deploy('        istio.io/dataplane-mode: none\n        istio.io/rev: default\n', '')
    expect(await findings([f, ambientNs], '1.21', '1.20', f.path, MSG)).toEqual([])
  })

  it('still warns at the label for a pod labelled none without istio.io/rev in an ambient Namespace', async () => {
    const f = deploy('        istio.io/dataplane-mode: none\n', '')
    expect(at(await findings([f, ambientNs], '1.21', '1.20', f.path, MSG))).toEqual([`${f.path}:${lineOf(f.text, 'istio.io/dataplane-mode: none')} warning`])
  })
})
