// Tenth audit (third census) of the entries in helper c10b's list (docs/audit/catalog-audit-10-c10b.md). Each test
// fails on the entry as it stood before this audit and passes on the fixed one; every expected finding is pinned to
// its file and line.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

const FILE = 'istio/values.yaml'
const at = (found: { file: string; line: number; severity: string }[]) => found.map((f) => [f.file, f.line, f.severity])

describe('audit 10 (c10b): istio-1.22-istio-cni-values-deprecated warns only where the value changes what istiod injects', () => {
  const ID = 'istio-1.22-istio-cni-values-deprecated'
  it('chained: false and provider: multus without any CNI enabled change nothing: a notice that says so, no warning', () => {
    const text = 'istio_cni:\n  chained: false\n  provider: multus\n'
    const found = of(run(FILE, text, '1.22'), ID)
    expect(at(found)).toEqual([[FILE, lineOf(text, 'chained'), 'notice'], [FILE, lineOf(text, 'provider'), 'notice']])
    expect(found[0]?.message).toContain('the CNI is not enabled at all')
  })
  it('chained: false warns when istio_cni.enabled or pilot.cni.enabled turns the CNI on (trip)', () => {
    const own = 'istio_cni:\n  enabled: true\n  chained: false\n'
    expect(at(of(run(FILE, own, '1.22'), ID))).toEqual([[FILE, lineOf(own, 'enabled'), 'warning'], [FILE, lineOf(own, 'chained'), 'warning']])
    const pilot = 'pilot:\n  cni:\n    enabled: true\nistio_cni:\n  provider: multus\n'
    expect(at(of(run(FILE, pilot, '1.23'), ID))).toEqual([[FILE, lineOf(pilot, 'provider'), 'warning']])
  })
})

describe('audit 10 (c10b): istio-1.22-inbound-traffic-policy is quiet where PILOT_ENABLE_INBOUND_PASSTHROUGH=false already sends inbound traffic to localhost', () => {
  const mesh: File = { path: 'mesh/istio.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |-\n    inboundTrafficPolicy:\n      mode: LOCALHOST\n' }
  const optOut: File = { path: 'istiod/values.yaml', text: 'pilot:\n  env:\n    PILOT_ENABLE_INBOUND_PASSTHROUGH: "false"\n' }
  async function found(files: File[]): Promise<[string, number, string][]> {
    const result = await analyzeAdded(files, '1.21')
    return result.findings.filter((f) => f.message.includes('inboundTrafficPolicy.mode LOCALHOST only exists')).map((f) => [f.file, f.line, f.severity])
  }
  it('LOCALHOST alone on 1.21: a warning at the mode line (trip)', async () => {
    expect(await found([mesh])).toEqual([[mesh.path, lineOf(mesh.text, 'mode: LOCALHOST'), 'warning']])
  })
  it('with the 1.21 switch set to false in another file: quiet', async () => {
    expect(await found([mesh, optOut])).toEqual([])
  })
})

describe('audit 10 (c10b): istio-1.22-headless-pod-listeners-flag-removed', () => {
  const ID = 'istio-1.22-headless-pod-listeners-flag-removed'
  it('false turned the per-pod listeners off; 1.22 always builds them: a warning; true (the default) stays a notice', () => {
    const text = 'pilot:\n  env:\n    PILOT_ENABLE_HEADLESS_SERVICE_POD_LISTENERS: "false"\n'
    const found = of(run(FILE, text, '1.22', '1.21'), ID)
    expect(at(found)).toEqual([[FILE, 3, 'warning']])
    expect(found[0]?.message).toContain('always builds')
    const on = text.replace('"false"', '"true"')
    expect(at(of(run(FILE, on, '1.22', '1.21'), ID))).toEqual([[FILE, 3, 'notice']])
    expect(of(run(FILE, text, '1.21'), ID)).toEqual([])
  })
})

describe('audit 10 (c10b): istio-1.22-ambient-flags-removed under the ambient profile, which sets PILOT_ENABLE_AMBIENT in 1.22', () => {
  const ID = 'istio-1.22-ambient-flags-removed'
  it('Helm values with profile: ambient: a notice, not a warning', () => {
    const text = 'profile: ambient\npilot:\n  env:\n    PILOT_ENABLE_HBONE: "true"\n'
    const found = of(run(FILE, text, '1.22', '1.21'), ID)
    expect(at(found)).toEqual([[FILE, lineOf(text, 'PILOT_ENABLE_HBONE'), 'notice']])
  })
  it('IstioOperator spec.profile: ambient: a notice', () => {
    const text = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: ambient\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"\n'
    expect(at(of(run('iop.yaml', text, '1.22', '1.21'), ID))).toEqual([['iop.yaml', lineOf(text, 'PILOT_ENABLE_AMBIENT_CONTROLLERS'), 'notice']])
  })
  it('without the profile the switch was what turned ambient on: still a warning (trip)', () => {
    const text = 'pilot:\n  env:\n    PILOT_ENABLE_HBONE: "true"\n'
    expect(at(of(run(FILE, text, '1.22', '1.21'), ID))).toEqual([[FILE, 3, 'warning']])
  })
})

describe('audit 10 (c10b): istio-1.22-lightstep-deprecated does not date the deprecation to 1.22 alone', () => {
  it('the message says the API already marks the field deprecated', () => {
    const text = 'meshConfig:\n  extensionProviders:\n  - name: ls\n    lightstep:\n      address: ls:8080\n'
    const found = of(run(FILE, text, '1.22'), 'istio-1.22-lightstep-deprecated')
    expect(at(found)).toEqual([[FILE, lineOf(text, 'lightstep:'), 'warning']])
    expect(found[0]?.message).not.toContain('deprecated since Istio 1.22')
    expect(found[0]?.message).toContain('the API already marks')
  })
})

describe('audit 10 (c10b): istio-1.23-continue-headers', () => {
  const ID = 'istio-1.23-continue-headers'
  it('false (the opt-out) is what older releases do anyway: quiet; true is ignored before 1.23: a notice', () => {
    const off = 'pilot:\n  env:\n    ENABLE_100_CONTINUE_HEADERS: "false"\n'
    expect(of(run(FILE, off, '1.22'), ID)).toEqual([])
    const on = off.replace('"false"', '"true"')
    expect(at(of(run(FILE, on, '1.22'), ID))).toEqual([[FILE, 3, 'notice']])
    expect(of(run(FILE, on, '1.23'), ID)).toEqual([])
  })
})

describe('audit 10 (c10b): istio-1.23-deferred-cluster-creation stops at 1.26, which removes the switch', () => {
  const ID = 'istio-1.23-deferred-cluster-creation'
  const text = 'meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      ENABLE_DEFERRED_CLUSTER_CREATION: "false"\n'
  it('1.22 to 1.25: the notice at its line; 1.22 to 1.26: none from this entry (the 1.26 removal speaks)', () => {
    expect(at(of(run(FILE, text, '1.25', '1.22'), ID))).toEqual([[FILE, 4, 'notice']])
    expect(of(run(FILE, text, '1.26', '1.22'), ID)).toEqual([])
    expect(at(of(run(FILE, text, '1.26', '1.22'), 'istio-1.26-delimited-stats-opt-out-removed'))).toEqual([[FILE, 4, 'warning']])
  })
})

describe('audit 10 (c10b): istio-1.23-dns-capture-honours-exclusions on excluded IP ranges', () => {
  const ID = 'istio-1.23-dns-capture-honours-exclusions'
  const pod = (ranges: string, ports?: string) => [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:',
    '    proxy.istio.io/config: |', '      proxyMetadata:', '        ISTIO_META_DNS_CAPTURE: "true"',
    `    traffic.sidecar.istio.io/excludeOutboundIPRanges: "${ranges}"`,
    ...(ports ? [`    traffic.sidecar.istio.io/excludeOutboundPorts: "${ports}"`] : []),
    'spec:', '  containers:', '  - name: a', '    image: a', ''
  ].join('\n')
  it('a range that may not hold any DNS server (the metadata address) is a notice whose message is conditional', () => {
    const text = pod('169.254.169.254/32')
    const found = of(run('pod.yaml', text, '1.23', '1.22'), ID)
    expect(at(found)).toEqual([['pod.yaml', lineOf(text, 'excludeOutboundIPRanges'), 'notice']])
    expect(found[0]?.message).toContain('ranges that hold no DNS server change nothing')
  })
  it('an excluded port 53 with DNS capture on is still a warning (trip)', () => {
    const text = pod('10.0.0.0/8', '53')
    expect(at(of(run('pod.yaml', text, '1.23', '1.22'), ID)).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['pod.yaml', lineOf(text, 'excludeOutboundIPRanges'), 'notice'],
      ['pod.yaml', lineOf(text, 'excludeOutboundPorts'), 'warning']
    ])
  })
})

describe('audit 10 (c10b): istio-1.23-use-waypoint-namespace-label only where istio.io/use-waypoint sits on the same object', () => {
  const ID = 'istio-1.23-use-waypoint-namespace-label'
  const service = (labels: string[]) => ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', '  labels:', ...labels.map((l) => `    ${l}`), 'spec:', '  ports:', '  - port: 80', ''].join('\n')
  it('the namespace label alone selects no waypoint on any release: quiet on 1.22', () => {
    expect(of(run('svc.yaml', service(['istio.io/use-waypoint-namespace: infra']), '1.22'), ID)).toEqual([])
  })
  it('next to istio.io/use-waypoint: a warning at the namespace label on 1.22, none on 1.23 (trip)', () => {
    const text = service(['istio.io/use-waypoint: wp', 'istio.io/use-waypoint-namespace: infra'])
    expect(at(of(run('svc.yaml', text, '1.22'), ID))).toEqual([['svc.yaml', lineOf(text, 'use-waypoint-namespace'), 'warning']])
    expect(of(run('svc.yaml', text, '1.23'), ID)).toEqual([])
  })
  it('a pod template with both labels: a warning at its line', () => {
    const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', 'spec:', '  template:', '    metadata:', '      labels:', '        istio.io/use-waypoint: wp', '        istio.io/use-waypoint-namespace: infra', '    spec:', '      containers:', '      - name: a', '        image: a', ''].join('\n')
    expect(at(of(run('dep.yaml', text, '1.22'), ID))).toEqual([['dep.yaml', lineOf(text, 'use-waypoint-namespace'), 'warning']])
  })
})

describe('audit 10 (c10b): istio-1.22-authz-path-templates where a never-matching template breaks no traffic', () => {
  const ID = 'istio-1.22-authz-path-templates'
  const policy = (extra: string[], action: string) => ['apiVersion: security.istio.io/v1', 'kind: AuthorizationPolicy', 'metadata:', '  name: p', ...extra, 'spec:', `  action: ${action}`, '  rules:', '  - to:', '    - operation:', '        paths: ["/api/{*}/items"]', ''].join('\n')
  it('an AUDIT policy only loses audit marks: a warning', () => {
    const text = policy([], 'AUDIT')
    const found = of(run('ap.yaml', text, '1.21'), ID)
    expect(at(found)).toEqual([['ap.yaml', lineOf(text, 'paths:'), 'warning']])
    expect(found[0]?.message).toContain('unaudited')
  })
  it('a dry-run ALLOW policy only has wrong shadow results: a warning', () => {
    const text = policy(['  annotations:', '    istio.io/dry-run: "true"'], 'ALLOW')
    expect(at(of(run('ap.yaml', text, '1.21'), ID))).toEqual([['ap.yaml', lineOf(text, 'paths:'), 'warning']])
  })
  it('an enforced CUSTOM policy skips the external authorizer: an error that names CUSTOM (trip)', () => {
    const text = policy([], 'CUSTOM')
    const found = of(run('ap.yaml', text, '1.21'), ID)
    expect(at(found)).toEqual([['ap.yaml', lineOf(text, 'paths:'), 'error']])
    expect(found[0]?.message).toContain('DENY and CUSTOM rules let through')
    expect(of(run('ap.yaml', text, '1.22'), ID)).toEqual([])
  })
})
