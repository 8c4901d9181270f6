// The defects the sixth audit (a fresh seeded sample) of the 1.29–1.31 catalog entries found
// (docs/audit/catalog-audit-6-1.29-1.31.md): each test fails on the entry as it was before the fix and asserts the
// file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const istiod = (env: Record<string, string>): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.30.0
        env:
${Object.entries(env)
  .map(([k, v]) => `        - name: ${k}\n          value: "${v}"`)
  .join('\n')}
`

const lines = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

/** A Deployment with `own` annotations on its own metadata and `pod` annotations on its pod template. */
const deployment = (own: Record<string, string>, pod: Record<string, string>): string => {
  const block = (a: Record<string, string>, indent: string) =>
    Object.entries(a)
      .map(([k, v]) => `${indent}${k}: "${v}"`)
      .join('\n')
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: default
  annotations:
${block(own, '    ')}
spec:
  template:
    metadata:
      annotations:
${block(pod, '        ')}
    spec:
      containers:
      - name: app
        image: example/app:1
`
}

describe('audit 6 1.29–1.31 #1: debug endpoint authorization shipped in 1.27.6 (with 1.28.4), not 1.27.8', () => {
  const id = 'istio-1.29-debug-endpoint-auth'
  const kiali = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kiali
  namespace: monitoring
spec:
  template:
    spec:
      containers:
      - name: kiali
        image: quay.io/kiali/kiali:v2.20
`
  it('reports the Kiali Deployment on its name line across 1.27.5 → 1.27.6 and 1.27.5 → 1.27.7', () => {
    for (const target of ['1.27.6', '1.27.7']) {
      const found = of(run('kiali.yaml', kiali, target, '1.27.5'), id)
      expect(lines(found)).toEqual([['kiali.yaml', lineOf(kiali, 'name: kiali'), 'warning']])
      expect(found[0].message).toContain('1.27.6')
      expect(found[0].message).not.toContain('1.27.8')
    }
  })
  it('is quiet on 1.27.6 → 1.27.8, which already restricted the endpoints', () => {
    expect(of(run('kiali.yaml', kiali, '1.27.8', '1.27.6'), id)).toEqual([])
  })
})

describe('audit 6 1.29–1.31 #2: statsFlushInterval is read from the pod template only', () => {
  const id = 'istio-1.30.5-stats-flush-interval-fixed'
  const text = deployment({ 'sidecar.istio.io/statsFlushInterval': '2m' }, { 'sidecar.istio.io/statsFlushInterval': '500ms' })
  it('reports the pod-template value on its line, not the one on the Deployment itself', () => {
    const found = of(run('app.yaml', text, '1.30.4'), id)
    expect(lines(found)).toEqual([['app.yaml', lineOf(text, '"500ms"'), 'error']])
  })
  it('still reports a bad value on a Pod', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    sidecar.istio.io/statsFlushInterval: "90s"
spec:
  containers:
  - name: app
    image: example/app:1
`
    expect(lines(of(run('pod.yaml', pod, '1.31.0'), id))).toEqual([['pod.yaml', lineOf(pod, '"90s"'), 'error']])
  })
  it('is quiet on a value that was always valid', () => {
    const ok = deployment({ 'example.com/x': 'y' }, { 'sidecar.istio.io/statsFlushInterval': '5s' })
    expect(of(run('app.yaml', ok, '1.30.4'), id)).toEqual([])
  })
})

describe('audit 6 1.29–1.31 #3: excludeInterfaces is read from the pod template only', () => {
  const id = 'istio-1.30-exclude-interfaces-validation'
  it('is quiet on an invalid value on the Deployment itself, reports the pod template one', () => {
    const text = deployment(
      { 'traffic.sidecar.istio.io/excludeInterfaces': 'averyveryverylongname0' },
      { 'traffic.sidecar.istio.io/excludeInterfaces': 'eth0/1' },
    )
    expect(lines(of(run('app.yaml', text, '1.30', '1.29'), id))).toEqual([['app.yaml', lineOf(text, '"eth0/1"'), 'error']])
  })
  it('is quiet on valid names with spaces around the commas', () => {
    const text = deployment({ 'example.com/x': 'y' }, { 'traffic.sidecar.istio.io/excludeInterfaces': 'eth0 , eth1' })
    expect(of(run('app.yaml', text, '1.30', '1.29'), id)).toEqual([])
  })
})

describe('audit 6 1.29–1.31 #4: the WDS reconnect notice is quiet once ISTIO_GPRC_MAXRECVMSGSIZE is raised', () => {
  const id = 'istio-1.31-wds-reconnect-message-size'
  it('is quiet on a raised limit (the documented workaround)', () => {
    expect(of(run('istiod.yaml', istiod({ ISTIO_GPRC_MAXRECVMSGSIZE: '33554432' }), '1.31', '1.30.3'), id)).toEqual([])
  })
  it('reports a limit at or below 4 MiB on its line', () => {
    for (const value of ['4194304', '1048576']) {
      const text = istiod({ ISTIO_GPRC_MAXRECVMSGSIZE: value })
      const found = of(run('istiod.yaml', text, '1.31', '1.30.3'), id)
      expect(lines(found)).toEqual([['istiod.yaml', lineOf(text, 'ISTIO_GPRC_MAXRECVMSGSIZE'), 'notice']])
    }
  })
  it('is quiet on 4194305', () => {
    expect(of(run('istiod.yaml', istiod({ ISTIO_GPRC_MAXRECVMSGSIZE: '4194305' }), '1.31', '1.30.3'), id)).toEqual([])
  })
})

describe('audit 6 1.29–1.31 #5: the WorkloadEntry HBONE label note is a conditional notice', () => {
  const id = 'istio-1.30.3-workloadentry-hbone-label'
  const text = `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: vm
  namespace: default
spec:
  metadata:
    labels:
      app: vm
  template:
    serviceAccount: vm
`
  it('reports the template as a notice that only HBONE-capable workloads are concerned', () => {
    const found = of(run('wg.yaml', text, '1.30.3', '1.30.2'), id)
    expect(lines(found)).toEqual([['wg.yaml', lineOf(text, 'template:'), 'notice']])
    expect(found[0].message).toContain('advertise HBONE')
    expect(found[0].message).not.toContain('stay on plaintext')
  })
})
