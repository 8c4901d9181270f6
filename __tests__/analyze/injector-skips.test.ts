// proxy.istio.io/config is read by the sidecar injector only: on a pod the injector leaves alone (label or annotation
// sidecar.istio.io/inject "false", hostNetwork, a namespace it ignores) no proxy ever reads it, so no entry reports it.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const ID = 'istio-1.25-dns-auto-allocate-deprecated'

function deployment(opts: { namespace?: string; labels?: string; annotations?: string; hostNetwork?: boolean } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    `  namespace: ${opts.namespace ?? 'apps'}`,
    'spec:',
    '  template:',
    '    metadata:',
    ...(opts.labels ? ['      labels:', `        ${opts.labels}`] : []),
    '      annotations:',
    ...(opts.annotations ? [`        ${opts.annotations}`] : []),
    '        proxy.istio.io/config: |',
    '          proxyMetadata:',
    '            ISTIO_META_DNS_AUTO_ALLOCATE: "true"',
    '    spec:',
    ...(opts.hostNetwork ? ['      hostNetwork: true'] : []),
    '      containers:',
    '      - name: web',
    '        image: web:1',
    ''
  ].join('\n')
}

const found = (text: string) => of(run('apps/web.yaml', text, '1.25', '1.24'), ID).map((f) => `${f.file}:${f.line} ${f.severity}`)

describe('proxy.istio.io/config on pods the sidecar injector skips', () => {
  it('reports the variable on an injected pod, on the annotation line', () => {
    const text = deployment()
    expect(found(text)).toEqual([`apps/web.yaml:${lineOf(text, 'proxy.istio.io/config')} warning`])
  })

  it('reports nothing where the pod opts out by label or annotation, runs on the host network or in an ignored namespace', () => {
    expect(found(deployment({ labels: 'sidecar.istio.io/inject: "false"' }))).toEqual([])
    expect(found(deployment({ annotations: 'sidecar.istio.io/inject: "false"' }))).toEqual([])
    expect(found(deployment({ hostNetwork: true }))).toEqual([])
    for (const namespace of ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']) expect(found(deployment({ namespace }))).toEqual([])
  })

  it('follows the injector: the label wins over the annotation, and any value but y/yes/true/on turns injection off', () => {
    const labelOn = deployment({ labels: 'sidecar.istio.io/inject: "true"', annotations: 'sidecar.istio.io/inject: "false"' })
    expect(found(labelOn)).toEqual([`apps/web.yaml:${lineOf(labelOn, 'proxy.istio.io/config')} warning`])
    const yes = deployment({ annotations: 'sidecar.istio.io/inject: "Yes"' })
    expect(found(yes)).toEqual([`apps/web.yaml:${lineOf(yes, 'proxy.istio.io/config')} warning`])
    // pkg/kube/inject/inject.go injectRequired: any other non-empty value means "do not inject".
    for (const value of ['"False"', '"no"', '"off"', '"disabled"']) expect(found(deployment({ labels: `sidecar.istio.io/inject: ${value}` }))).toEqual([])
    const other = deployment({ namespace: 'kube-systems' })
    expect(found(other)).toEqual([`apps/web.yaml:${lineOf(other, 'proxy.istio.io/config')} warning`])
  })
})
