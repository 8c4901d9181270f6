// `on: ["pod"]` annotation and label matches read what reaches a pod: a Pod's own metadata and a controller's pod
// template. A Deployment's own metadata never reaches its pods, and Istio's injector never reads it.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const ID = 'istio-1.21-extra-stat-tags-deprecated'

const deployment = (own: string, template: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews
  namespace: bookinfo
  annotations:
${own}
spec:
  selector:
    matchLabels: {app: reviews}
  template:
    metadata:
      labels: {app: reviews}
      annotations:
${template}
    spec:
      containers:
      - name: reviews
        image: reviews:1
`
const pod = `apiVersion: v1
kind: Pod
metadata:
  name: reviews
  annotations:
    sidecar.istio.io/extraStatTags: "upstream_proxy_version"
spec:
  containers:
  - name: reviews
    image: reviews:1
`

describe('pod annotations are read on the pod, not on the controller', () => {
  it('the entry exists and uses an on: pod annotation match', () => {
    // Guards the fixture: if the entry is renamed or its match changes, this test must be rewritten, not pass quietly.
    const found = run('pod.yaml', pod, '1.21')
    expect(of(found, ID).map((f) => `${f.file}:${f.line}`)).toEqual([`pod.yaml:${lineOf(pod, 'extraStatTags')}`])
  })

  it("a Deployment's own annotation is not reported; the same annotation in its pod template is", () => {
    const text = deployment('    sidecar.istio.io/extraStatTags: "upstream_proxy_version"', '        sidecar.istio.io/extraStatTags: "upstream_proxy_version"')
    const lines = text.split('\n')
    const templateLine = lines.findIndex((l, i) => i > 8 && l.includes('extraStatTags')) + 1
    expect(of(run('deploy.yaml', text, '1.21'), ID).map((f) => `${f.file}:${f.line}`)).toEqual([`deploy.yaml:${templateLine}`])
  })

  it('only on the Deployment itself: nothing', () => {
    const text = deployment('    sidecar.istio.io/extraStatTags: "upstream_proxy_version"', '        prometheus.io/scrape: "true"')
    expect(of(run('deploy.yaml', text, '1.21'), ID)).toEqual([])
  })
})
