// The defects the fifth audit of the 1.29–1.31 catalog entries found (docs/audit/catalog-audit-5-1.29-1.31.md):
// each test fails on the entry as it was before the fix and asserts the file and line of what must (or must not)
// be reported.
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
        image: docker.io/istio/pilot:1.29.0
        env:
${Object.entries(env)
  .map(([k, v]) => `        - name: ${k}\n          value: "${v}"`)
  .join('\n')}
`

const lines = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

describe('audit 5 1.29–1.31 #1: debug endpoint authorization already shipped in 1.27.8 and 1.28.4', () => {
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
  it('is quiet on 1.28.4 → 1.29 and 1.27.8 → 1.28.4, which already restrict the endpoints', () => {
    expect(of(run('kiali.yaml', kiali, '1.29', '1.28.4'), id)).toEqual([])
    expect(of(run('kiali.yaml', kiali, '1.28.4', '1.27.8'), id)).toEqual([])
  })
  it('reports the Kiali Deployment on its name line across 1.28.3 → 1.28.4 and 1.28.3 → 1.29', () => {
    for (const [target, from] of [['1.28.4', '1.28.3'], ['1.29', '1.28.3']]) {
      const found = of(run('kiali.yaml', kiali, target, from), id)
      expect(lines(found)).toEqual([['kiali.yaml', lineOf(kiali, 'name: kiali'), 'warning']])
      expect(found[0].message).toContain('1.28.4')
    }
  })
})

describe('audit 5 1.29–1.31 #2: BLOCKED_CIDRS_IN_JWKS_URIS is read from 1.28.6', () => {
  const text = istiod({ BLOCKED_CIDRS_IN_JWKS_URIS: '10.0.0.0/8', PILOT_IGNORE_RESOURCES: 'x' })
  it('is quiet on 1.28.6 for BLOCKED_CIDRS_IN_JWKS_URIS, still reports PILOT_IGNORE_RESOURCES', () => {
    const found = run('istiod.yaml', text, '1.28.6')
    expect([...of(found, 'istio-1.29-new-env'), ...of(found, 'istio-1.29-blocked-cidrs-jwks-env')].map((f) => f.line)).toEqual([lineOf(text, 'PILOT_IGNORE_RESOURCES')])
  })
  it('reports it on its line on 1.28.5', () => {
    const found = of(run('istiod.yaml', text, '1.28.5'), 'istio-1.29-blocked-cidrs-jwks-env')
    expect(lines(found)).toEqual([['istiod.yaml', lineOf(text, 'BLOCKED_CIDRS_IN_JWKS_URIS'), 'notice']])
    expect(found[0].message).toContain('1.28.6')
  })
})

describe('audit 5 1.29–1.31 #3: the retryBudget fixes shipped in 1.28.6 / 1.29.2 and only touch some budgets', () => {
  const fixes = 'istio-1.30-retry-budget-fixes'
  const percent = 'istio-1.30-retry-budget-default-percent'
  const both = (t: string, target: string, from: string) => {
    const found = run('dr.yaml', t, target, from)
    return [...of(found, fixes), ...of(found, percent)]
  }
  const explicit = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  trafficPolicy:
    retryBudget:
      percent: 25
      minRetryConcurrency: 5
`
  const defaulted = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  trafficPolicy:
    retryBudget:
      minRetryConcurrency: 5
`
  const subset = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
    trafficPolicy:
      retryBudget:
        percent: 30
`
  it('is quiet on a top-level budget with percent and no subset policies (neither fix changes it)', () => {
    expect(both(explicit, '1.30', '1.29.1')).toEqual([])
  })
  it('reports a budget without percent on its line only when the from release predates the percent fix', () => {
    expect(lines(of(run('dr.yaml', defaulted, '1.30', '1.28.5'), percent))).toEqual([['dr.yaml', lineOf(defaulted, 'retryBudget'), 'warning']])
    expect(lines(of(run('dr.yaml', defaulted, '1.28.6', '1.28.5'), percent))).toEqual([['dr.yaml', lineOf(defaulted, 'retryBudget'), 'warning']])
    expect(both(defaulted, '1.30', '1.28.6')).toEqual([])
  })
  it('reports a subset budget on its line from 1.29.1, not from 1.29.2', () => {
    expect(lines(of(run('dr.yaml', subset, '1.30', '1.29.1'), fixes))).toEqual([['dr.yaml', lineOf(subset, 'retryBudget'), 'warning']])
    expect(both(subset, '1.30', '1.29.2')).toEqual([])
  })
})

describe('audit 5 1.29–1.31 #4: the WorkloadEntry HBONE label fix is also in 1.29.6, and the tunnel label is the workaround', () => {
  const id = 'istio-1.30.3-workloadentry-hbone-label'
  const group = (labels: string) => `apiVersion: networking.istio.io/v1
kind: WorkloadGroup
metadata:
  name: vm
spec:
  metadata:
    labels:
      app: vm${labels}
  template:
    serviceAccount: vm
`
  it('is quiet when the group already labels its entries networking.istio.io/tunnel', () => {
    expect(of(run('wg.yaml', group('\n      networking.istio.io/tunnel: http'), '1.30.3', '1.30.2'), id)).toEqual([])
  })
  it('reports 1.29.5 → 1.29.6 on the template line and is quiet on 1.29.6 → 1.30.3', () => {
    const text = group('')
    // A notice since audit 6 (#5): the upgrade leaves existing entries as they were.
    expect(lines(of(run('wg.yaml', text, '1.29.6', '1.29.5'), id))).toEqual([['wg.yaml', lineOf(text, 'template:'), 'notice']])
    expect(of(run('wg.yaml', text, '1.30.3', '1.29.6'), id)).toEqual([])
  })
})

describe('audit 5 1.29–1.31 #5: AuthorizationPolicy trustDomains is not declared before the 1.30 CRDs', () => {
  const id = 'istio-1.30.2-authz-trust-domains'
  const text = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow
spec:
  action: ALLOW
  rules:
  - from:
    - source:
        trustDomains: ["cluster.local"]
`
  it('does not claim 1.29 accepts the field', () => {
    const found = of(run('ap.yaml', text, '1.29'), id)
    expect(lines(found)).toEqual([['ap.yaml', lineOf(text, 'trustDomains'), 'error']])
    expect(found[0].message).not.toContain('earlier releases accept')
    expect(found[0].message).toContain('older CRDs do not declare it')
  })
})

describe('audit 5 1.29–1.31 #6: a Sidecar ~/<host> exclusion is accepted by older releases (warning), ~<ns>/ is rejected (error)', () => {
  const text = `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
spec:
  egress:
  - hosts:
    - "*/*"
    - "~/foo.example.com"
    - "~legacy/*"
`
  it('reports each on its line with its own severity at 1.30', () => {
    const found = run('sidecar.yaml', text, '1.30')
    expect(lines(of(found, 'istio-1.31-sidecar-egress-exclusions'))).toEqual([['sidecar.yaml', lineOf(text, '~legacy/*'), 'error']])
    // Round 24: reported on the egress listener that pairs the exclusion with an import.
    expect(lines(of(found, 'istio-1.31-sidecar-egress-host-exclusions'))).toEqual([['sidecar.yaml', lineOf(text, '- hosts:'), 'warning']])
  })
})

describe('audit 5 1.29–1.31 #7: the JWKS link-local block already shipped in 1.29.7', () => {
  const id = 'istio-1.31.1-jwks-link-local-blocked'
  const text = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
spec:
  jwtRules:
  - issuer: https://issuer.example.com
    jwksUri: http://169.254.169.254/keys
`
  it('is quiet on 1.29.7 → 1.31.1 and reports 1.29.6 → 1.29.7 on the jwksUri line', () => {
    expect(of(run('ra.yaml', text, '1.31.1', '1.29.7'), id)).toEqual([])
    expect(lines(of(run('ra.yaml', text, '1.29.7', '1.29.6'), id))).toEqual([['ra.yaml', lineOf(text, 'jwksUri'), 'error']])
  })
})

describe('audit 5 1.29–1.31 #8: the versioned WDS reconnect already shipped in 1.29.7 and 1.30.4', () => {
  const id = 'istio-1.31-wds-reconnect-message-size'
  // At the 4 MiB default: a raised limit is quiet since audit 6 (#4).
  const text = istiod({ ISTIO_GPRC_MAXRECVMSGSIZE: '4194304' })
  it('is quiet on 1.30.4 → 1.31 and reports 1.30.3 → 1.30.4 on the variable line', () => {
    expect(of(run('istiod.yaml', text, '1.31', '1.30.4'), id)).toEqual([])
    expect(lines(of(run('istiod.yaml', text, '1.30.4', '1.30.3'), id))).toEqual([['istiod.yaml', lineOf(text, 'ISTIO_GPRC_MAXRECVMSGSIZE'), 'notice']])
  })
})

describe('audit 5 1.29–1.31 #9: excludeInterfaces names are trimmed before the 15-character check', () => {
  const id = 'istio-1.30-exclude-interfaces-validation'
  const pod = (value: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    traffic.sidecar.istio.io/excludeInterfaces: "${value}"
spec:
  containers:
  - name: app
    image: app
`
  it('is quiet on a 15-character name followed by spaces before the comma', () => {
    expect(of(run('pod.yaml', pod('abcdefghijklmno   , eth1'), '1.30'), id)).toEqual([])
  })
  it('still reports a 16-character name and a name with a colon on the annotation line', () => {
    for (const value of ['eth0,abcdefghijklmnop', 'eth0:1']) {
      const text = pod(value)
      expect(lines(of(run('pod.yaml', text, '1.30'), id))).toEqual([['pod.yaml', lineOf(text, 'excludeInterfaces'), 'error']])
    }
  })
})

describe('audit 5 1.29–1.31 #10: the CNI config permission notice is quiet once CNI_CONF_GROUP_READ is set', () => {
  const id = 'istio-1.30-cni-config-permissions'
  const release = (env: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
  namespace: istio-system
spec:
  chart:
    spec:
      chart: cni
      version: 1.30.0
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
    profile: ambient${env}
`
  it('is quiet when the release sets the variable (the documented workaround)', () => {
    expect(of(run('cni.yaml', release('\n    env:\n      CNI_CONF_GROUP_READ: "true"'), '1.30', '1.29'), id)).toEqual([])
  })
  it('reports the chart on its line otherwise', () => {
    const text = release('')
    expect(lines(of(run('cni.yaml', text, '1.30', '1.29'), id))).toEqual([['cni.yaml', lineOf(text, 'chart: cni'), 'notice']])
  })
})
