// The defects the third audit of the 1.20–1.25 catalog found (docs/audit/catalog-audit-3-1.20-1.25.md, every entry no
// earlier audit had named, errors first): each test fails on the entry as it was before the fix and asserts the file
// and line of what must (or must not) be reported.
import { afterAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { makeRepo } from '../support/gitrepo.js'
import { run, of, lineOf } from '../support/catalog-run.js'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))

describe('audit 3 1.20–1.25 #C2: VERIFY_CERT_AT_CLIENT on 1.24+', () => {
  const typo = 'istio-1.21-verify-cert-at-client-typo'
  const removed = 'istio-1.24-compat-1.20-flags-removed'
  const istiod = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        image: docker.io/istio/pilot:1.23.0
        env:
        - name: VERIFY_CERT_AT_CLIENT
          value: "false"
`
  it('keeps the rename to VERIFY_CERTIFICATE_AT_CLIENT on 1.21–1.23, where that variable is read', () => {
    for (const target of ['1.21', '1.23']) {
      const found = run('istio/istiod.yaml', istiod, target)
      expect(of(found, typo)).toEqual([
        expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(istiod, 'VERIFY_CERT_AT_CLIENT'), severity: 'warning', rule: 'no-effect' })
      ])
      expect(of(found, typo)[0].fix?.edits).toEqual([expect.objectContaining({ replacement: '        - name: VERIFY_CERTIFICATE_AT_CLIENT' })])
      expect(of(found, removed)).toEqual([])
    }
  })

  it('from 1.24 no longer suggests renaming to a variable 1.24 deleted: says to remove the setting', () => {
    for (const target of ['1.24', '1.28']) {
      const found = run('istio/istiod.yaml', istiod, target)
      expect(of(found, typo)).toEqual([])
      const gone = of(found, removed)
      expect(gone).toEqual([expect.objectContaining({ file: 'istio/istiod.yaml', line: lineOf(istiod, 'VERIFY_CERT_AT_CLIENT'), rule: 'removed-feature' })])
      expect(gone[0].message).toMatch(/never read by istiod.*remove the setting/)
      expect(gone[0].fix).toBeUndefined()
    }
  })
})

describe('audit 3 1.20–1.25 #C9: reset-before-request is rejected by istiod validation before 1.23', () => {
  const id = 'istio-1.23-reset-before-request-retry'
  const vs = `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - retries:
      attempts: 2
      retryOn: connect-failure,reset-before-request
    route:
    - destination:
        host: reviews
  - retries:
      attempts: 2
      retryOn: connect-failure,reset
    route:
    - destination:
        host: reviews
`
  it('is an error on 1.22 (the webhook fails the apply), on the retryOn line that names it only', () => {
    const found = of(run('mesh/vs.yaml', vs, '1.22'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: 'mesh/vs.yaml', line: lineOf(vs, 'reset-before-request'), severity: 'error', rule: 'not-yet-available' })
    ])
    expect(found[0].message).toMatch(/not a valid retryOn policy/)
  })

  it('stays quiet from 1.23', () => {
    expect(of(run('mesh/vs.yaml', vs, '1.23'), id)).toEqual([])
  })
})

describe('audit 3 1.20–1.25 #C1/#C11: the 1.20 default changes are reachable from an explicit --from 1.19', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    readiness.status.sidecar.istio.io/periodSeconds: "5"
spec:
  containers:
  - name: app
    image: app
`
  it('the CLI takes --from 1.19 (it rejected it although the catalog measures the 1.20 changes from 1.19) and reports the startup probe', async () => {
    const repo = makeRepo({}, { 'mesh/pod.yaml': pod })
    cleanups.push(repo.cleanup)
    const out: string[] = []
    const err: string[] = []
    const code = await main(['check', join(repo.dir, 'mesh/pod.yaml'), '--repo', repo.dir, '--target', '1.21', '--from', '1.19', '--format', 'json', '--fail-on', 'never'], (s) => out.push(s), (s) => err.push(s))
    expect(err.join('\n')).toBe('')
    expect(code).toBe(0)
    const findings = (JSON.parse(out.join('\n')) as { findings: { rule: string; file: string; line: number }[] }).findings
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'default-changed', file: 'mesh/pod.yaml', line: lineOf(pod, 'periodSeconds') }))
  })

  it('still refuses 1.19 as a target', async () => {
    const err: string[] = []
    const code = await main(['check', '--target', '1.19', '--format', 'json'], () => undefined, (s) => err.push(s))
    expect(code).toBe(2)
    expect(err.join('\n')).toMatch(/--target: Istio 1.19 is not a release/)
  })
})

describe('audit 3 1.20–1.25 #C38: ENVOY_DNS_JITTER_DURATION was never read by a release', () => {
  const added = 'istio-1.24-new-env'
  const never = 'istio-1.24-dns-jitter-env-never-shipped'
  const values = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    pilot:
      env:
        ENVOY_DNS_JITTER_DURATION: 200ms
`
  it('is not called "read from 1.24" before 1.24', () => {
    expect(of(run('istio/iop.yaml', values, '1.23'), added)).toEqual([])
  })

  it('says from 1.24 on that nothing reads it and names PILOT_DNS_JITTER_DURATION, without a rename that 1.24 would not honour', () => {
    for (const target of ['1.24', '1.26']) {
      const found = of(run('istio/iop.yaml', values, target), never)
      expect(found).toEqual([expect.objectContaining({ file: 'istio/iop.yaml', line: lineOf(values, 'ENVOY_DNS_JITTER'), severity: 'warning', rule: 'no-effect' })])
      expect(found[0].message).toMatch(/PILOT_DNS_JITTER_DURATION/)
      expect(found[0].fix).toBeUndefined()
    }
  })
})
