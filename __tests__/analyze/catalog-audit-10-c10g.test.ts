// Audit 10 (c10g, a census of 34 entries of 1.29 and 1.30): each ❌ pinned to file and line.
// See docs/audit/catalog-audit-10-c10g.md.
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { type File, analyzeAdded } from '../support/snapshot.js'

async function analyse(files: readonly File[], target: string, from: string | undefined, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await analyzeAdded(files, target, from)
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const iop = (values: string) => `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  values:\n${values}`

describe('istio-1.30-authz-regex-escaping: notNamespaces / notPrincipals get a message that says what happens to them', () => {
  const ID = 'istio-1.30-authz-regex-escaping'
  const ap =
    'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n  namespace: app\nspec:\n  action: ALLOW\n  rules:\n  - from:\n' +
    '    - source:\n        principals: ["*/ns/foo/sa/(a|b)"]\n        namespaces: ["team-(x|y)"]\n' +
    '    - source:\n        notPrincipals: ["*/sa/(c|d)"]\n        notNamespaces: ["team-(x|y)"]\n'

  it('says "stop matching" on the positive fields and "no longer excludes anyone" on the negative ones', () => {
    const found = of(run('ap.yaml', ap, '1.30', '1.29.2'), ID)
    expect(at(found)).toEqual([
      `ap.yaml:${lineOf(ap, 'principals: ["*/ns')} error`,
      `ap.yaml:${lineOf(ap, 'namespaces: ["team')} error`,
      `ap.yaml:${lineOf(ap, 'notPrincipals')} error`,
      `ap.yaml:${lineOf(ap, 'notNamespaces')} error`
    ])
    expect(found[0]?.message).toContain('an ALLOW rule then denies the callers it was written for')
    expect(found[1]?.message).toContain('an ALLOW rule then denies the callers it was written for')
    for (const f of found.slice(2)) {
      expect(f.message).toContain('no longer excludes anyone')
      expect(f.message).not.toContain('denies the callers it was written for')
    }
    // 1.29.3 already carries the fix.
    expect(of(run('ap.yaml', ap, '1.30', '1.29.3'), ID)).toEqual([])
  })
})

describe('istio-1.30.1-ignore-policy-attachment: no claim that a release translates a kind it does not read', () => {
  const ID = 'istio-1.30.1-ignore-policy-attachment'
  const xbtp =
    'apiVersion: gateway.networking.k8s.io/v1alpha1\nkind: XBackendTrafficPolicy\nmetadata:\n  name: x\n  annotations:\n    istio.io/ignore-policy-attachment: "true"\n' +
    'spec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: svc\n'
  const btp =
    'apiVersion: gateway.networking.k8s.io/v1\nkind: BackendTLSPolicy\nmetadata:\n  name: b\n  annotations:\n    istio.io/ignore-policy-attachment: "true"\n' +
    'spec:\n  targetRefs:\n  - group: ""\n    kind: Service\n    name: svc\n  validation:\n    hostname: svc.example.com\n    caCertificateRefs:\n    - group: ""\n      kind: ConfigMap\n      name: ca\n'

  it('is quiet on targets before 1.28, where Istio does not translate a v1 BackendTLSPolicy at all', () => {
    expect(of(run('b.yaml', btp, '1.25'), ID)).toEqual([])
    expect(of(run('b.yaml', btp, '1.27'), ID)).toEqual([])
    expect(of(run('x.yaml', xbtp, '1.25'), ID)).toEqual([])
  })

  it('reports both kinds on 1.29 and 1.30.0, the XBackendTrafficPolicy with the alpha flag it needs', () => {
    const b = of(run('b.yaml', btp, '1.30.0'), ID)
    expect(at(b)).toEqual([`b.yaml:${lineOf(btp, 'ignore-policy-attachment')} warning`])
    expect(b[0]?.message).toContain('still translate this BackendTLSPolicy')
    const x = of(run('x.yaml', xbtp, '1.29'), ID)
    // a notice since round 40 (r40g): no file here turns PILOT_ENABLE_ALPHA_GATEWAY_API on, without which no release reads it
    expect(at(x)).toEqual([`x.yaml:${lineOf(xbtp, 'ignore-policy-attachment')} notice`])
    expect(x[0]?.message).toContain('PILOT_ENABLE_ALPHA_GATEWAY_API=true')
    expect(of(run('b.yaml', btp, '1.30.1'), ID)).toEqual([])
  })
})

describe('istio-1.29-bypass-inbound-capture-hbone: mesh clients time out, so it is an error', () => {
  it('reports the annotation as an error at its line before 1.29', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    istio.io/dataplane-mode: ambient\n  annotations:\n    ambient.istio.io/bypass-inbound-capture: "true"\nspec:\n  containers:\n  - name: app\n    image: app\n'
    expect(at(of(run('pod.yaml', pod, '1.28'), 'istio-1.29-bypass-inbound-capture-hbone'))).toEqual([`pod.yaml:${lineOf(pod, 'bypass-inbound')} error`])
    expect(of(run('pod.yaml', pod, '1.29'), 'istio-1.29-bypass-inbound-capture-hbone')).toEqual([])
  })
})

describe('istio-1.30-new-annotations: only where 1.30 reads them', () => {
  const ID = 'istio-1.30-new-annotations'
  const gw = (name: string, cls: string) =>
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  annotations:\n    ambient.istio.io/xfcc-include-client-identity: "true"\nspec:\n  gatewayClassName: ${cls}\n  listeners:\n  - name: l\n    port: 80\n    protocol: HTTP\n`

  it('is quiet on the xfcc annotation of an ingress Gateway, reports it on a waypoint', () => {
    expect(of(run('gw.yaml', gw('ingress', 'istio'), '1.29'), ID)).toEqual([])
    const wp = gw('waypoint', 'istio-waypoint')
    expect(at(of(run('gw.yaml', wp, '1.29'), ID))).toEqual([`gw.yaml:${lineOf(wp, 'xfcc')} warning`])
  })

  it('reports the xfcc annotation on a waypoint GatewayClass only', () => {
    const gc = (ctl: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: c\n  annotations:\n    ambient.istio.io/xfcc-include-client-identity: "true"\nspec:\n  controllerName: ${ctl}\n`
    const mesh = gc('istio.io/mesh-controller')
    expect(at(of(run('gc.yaml', mesh, '1.29'), ID))).toEqual([`gc.yaml:${lineOf(mesh, 'xfcc')} warning`])
    expect(of(run('gc.yaml', gc('istio.io/gateway-controller'), '1.29'), ID)).toEqual([])
  })

  it('reports the Namespace traffic-distribution annotation only on an ambient namespace (only ztunnel reads it)', () => {
    const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n${labels}  annotations:\n    networking.istio.io/traffic-distribution: PreferClose\n`
    expect(of(run('ns.yaml', ns(''), '1.29'), ID)).toEqual([])
    const amb = ns('  labels:\n    istio.io/dataplane-mode: ambient\n')
    expect(at(of(run('ns.yaml', amb, '1.29'), ID))).toEqual([`ns.yaml:${lineOf(amb, 'traffic-distribution')} warning`])
    expect(of(run('ns.yaml', amb, '1.30'), ID)).toEqual([])
  })
})

describe('istio-1.30-retry-budget-default-percent: a subset budget never ran at 0.2%', () => {
  const ID = 'istio-1.30-retry-budget-default-percent'
  const dr =
    'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr\nspec:\n  host: svc\n  trafficPolicy:\n    retryBudget:\n      minRetryConcurrency: 2\n' +
    '  subsets:\n  - name: v1\n    labels: {v: "1"}\n    trafficPolicy:\n      retryBudget:\n        minRetryConcurrency: 3\n'

  it('reports only the top-level budget (1.28.6 still ignores subset budgets; 1.29.2 applies them for the first time)', () => {
    const line = lineOf(dr, '  trafficPolicy:\n'.trim()) + 1
    expect(at(of(run('dr.yaml', dr, '1.28.6', '1.28.5'), ID))).toEqual([`dr.yaml:${line} warning`])
    expect(at(of(run('dr.yaml', dr, '1.29.2', '1.29.1'), ID))).toEqual([`dr.yaml:${line} warning`])
  })
})

describe('env notices stay quiet on values that keep the old behaviour', () => {
  it('istio-1.30.3-new-env: the default taint name and AMBIENT_SCOPED_ADDRESS_PUSHES=false are quiet, other values are not', () => {
    const quiet = iop('    pilot:\n      env:\n        PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME: "cni.istio.io/not-ready"\n        AMBIENT_SCOPED_ADDRESS_PUSHES: "false"\n')
    expect(of(run('iop.yaml', quiet, '1.30.2'), 'istio-1.30.3-new-env')).toEqual([])
    // (round 28, r28f: the taint name is only reported where the untaint controller runs, which is off by default)
    const loud = iop('    pilot:\n      env:\n        PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true"\n        PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME: "example.com/not-ready"\n        AMBIENT_SCOPED_ADDRESS_PUSHES: "true"\n')
    expect(at(of(run('iop.yaml', loud, '1.30.2'), 'istio-1.30.3-new-env'))).toEqual([
      `iop.yaml:${lineOf(loud, 'TAINT_NAME')} notice`,
      `iop.yaml:${lineOf(loud, 'SCOPED_ADDRESS')} notice`
    ])
  })

  it('istio-1.30-cni-aws-branch-eni-probe-env: false is quiet (older agents never route probes that way), true is reported', () => {
    const ID = 'istio-1.30-cni-aws-branch-eni-probe-env'
    const off = iop('    cni:\n      env:\n        AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE: "false"\n')
    expect(of(run('iop.yaml', off, '1.29.0'), ID)).toEqual([])
    const on = iop('    cni:\n      env:\n        AMBIENT_ENABLE_AWS_BRANCH_ENI_PROBE: "true"\n')
    expect(at(of(run('iop.yaml', on, '1.29.0'), ID))).toEqual([`iop.yaml:${lineOf(on, 'BRANCH_ENI')} notice`])
  })

  it('istio-1.29-blocked-cidrs-jwks-env: an empty list blocks nothing and is quiet', () => {
    const ID = 'istio-1.29-blocked-cidrs-jwks-env'
    const empty = iop('    pilot:\n      env:\n        BLOCKED_CIDRS_IN_JWKS_URIS: ""\n')
    expect(of(run('iop.yaml', empty, '1.28.4'), ID)).toEqual([])
    const set = iop('    pilot:\n      env:\n        BLOCKED_CIDRS_IN_JWKS_URIS: "10.0.0.0/8"\n')
    expect(at(of(run('iop.yaml', set, '1.28.4'), ID))).toEqual([`iop.yaml:${lineOf(set, 'BLOCKED_CIDRS')} notice`])
  })

  it('istio-1.30-debug-endpoint-allowed-namespaces-env: quiet where ENABLE_DEBUG_ENDPOINT_AUTH=false turns the check off', async () => {
    const NS = /DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES is only read/
    const off = { path: 'istiod/iop.yaml', text: iop('    pilot:\n      env:\n        ENABLE_DEBUG_ENDPOINT_AUTH: "false"\n        DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: "observability"\n') }
    expect(await analyse([off], '1.29.0', undefined, off.path, NS)).toEqual([])
    const on = { path: 'istiod/iop.yaml', text: iop('    pilot:\n      env:\n        DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: "observability"\n') }
    // a warning on 1.29.0, where debug auth is already on and the list is ignored (round 35 m35b)
    expect(at(await analyse([on], '1.29.0', undefined, on.path, NS))).toEqual([`istiod/iop.yaml:${lineOf(on.text, 'ALLOWED_NAMESPACES')} warning`])
    // the system namespace is always authorized, so listing only it changes nothing
    const sys = { path: 'istiod/iop.yaml', text: iop('    pilot:\n      env:\n        DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: "istio-system"\n') }
    expect(await analyse([sys], '1.29.0', undefined, sys.path, NS)).toEqual([])
  })
})

describe('istio-1.30-new-env: ISTIO_WASM_MAX_BINARY_SIZE_BYTES at the former built-in limit changes nothing', () => {
  it('is quiet on 268435456 (256 MiB, the limit older releases hard-code) and reports a larger limit', () => {
    const ID = 'istio-1.30-new-env'
    const same = iop('    pilot:\n      env:\n        ISTIO_WASM_MAX_BINARY_SIZE_BYTES: "268435456"\n')
    expect(of(run('iop.yaml', same, '1.29'), ID)).toEqual([])
    const more = iop('    pilot:\n      env:\n        ISTIO_WASM_MAX_BINARY_SIZE_BYTES: "536870912"\n')
    expect(at(of(run('iop.yaml', more, '1.29'), ID))).toEqual([`iop.yaml:${lineOf(more, 'WASM_MAX')} notice`])
  })
})

describe('istio-1.30-hbone-window-env: the Envoy default windows change nothing', () => {
  it('is quiet on 16777216 / 25165824 (the windows Envoy uses when the variables are unset) and reports other sizes', () => {
    const ID = 'istio-1.30-hbone-window-env'
    const same = iop('    pilot:\n      env:\n        PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE: "16777216"\n        PILOT_HBONE_INITIAL_CONNECTION_WINDOW_SIZE: "25165824"\n')
    expect(of(run('iop.yaml', same, '1.29.0'), ID)).toEqual([])
    const small = iop('    pilot:\n      env:\n        PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE: "65536"\n        PILOT_HBONE_INITIAL_CONNECTION_WINDOW_SIZE: "1048576"\n')
    expect(at(of(run('iop.yaml', small, '1.29.0'), ID))).toEqual([`iop.yaml:${lineOf(small, 'STREAM_WINDOW')} notice`, `iop.yaml:${lineOf(small, 'CONNECTION_WINDOW')} notice`])
  })
})

describe('istio-1.30-exclude-interfaces-validation: only pods that get a sidecar are validated', () => {
  const ID = 'istio-1.30-exclude-interfaces-validation'
  const deploy = (extra: string) =>
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n' + extra +
    '      annotations:\n        traffic.sidecar.istio.io/excludeInterfaces: "eth0,very-long-interface-name0"\n    spec:\n      containers:\n      - name: a\n        image: a\n'

  it('is quiet where the pod opts out of injection (no injector, no CNI redirect reads the annotation)', () => {
    expect(of(run('d.yaml', deploy('      labels:\n        sidecar.istio.io/inject: "false"\n'), '1.30', '1.29'), ID)).toEqual([])
  })

  it('still reports an injected pod at the annotation line', () => {
    const text = deploy('      labels:\n        app: a\n')
    expect(at(of(run('d.yaml', text, '1.30', '1.29'), ID))).toEqual([`d.yaml:${lineOf(text, 'excludeInterfaces')} error`])
  })
})

describe('istio-1.29-bypass-inbound-capture-hbone: not on pods ztunnel does not capture', () => {
  const ID = 'istio-1.29-bypass-inbound-capture-hbone'
  const pod = (labels: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${labels}  annotations:\n    ambient.istio.io/bypass-inbound-capture: "true"\nspec:\n  containers:\n  - name: app\n    image: app\n`

  it('is quiet on a sidecar-injected pod and on a pod opted out of ambient', () => {
    expect(of(run('pod.yaml', pod('  labels:\n    sidecar.istio.io/inject: "true"\n'), '1.28'), ID)).toEqual([])
    expect(of(run('pod.yaml', pod('  labels:\n    istio.io/dataplane-mode: none\n'), '1.28'), ID)).toEqual([])
  })

  it('reports an ambient pod at the annotation line', () => {
    const text = pod('  labels:\n    istio.io/dataplane-mode: ambient\n')
    expect(at(of(run('pod.yaml', text, '1.28'), ID))).toEqual([`pod.yaml:${lineOf(text, 'bypass-inbound')} error`])
  })
})

describe('istio-1.30-new-annotations: connect-strategy only on a ServiceEntry bound to a waypoint (istiod applies it there)', () => {
  const ID = 'istio-1.30-new-annotations'
  const se = (labels: string) =>
    `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\n${labels}  annotations:\n    istio.io/connect-strategy: RACE_FIRST_TCP_CONNECT\nspec:\n  hosts: [db.example.com]\n  ports:\n  - {number: 1433, name: tcp, protocol: TCP}\n  resolution: DNS\n`

  it('is quiet without a waypoint binding (and with use-waypoint: none), reports a bound one', () => {
    expect(of(run('se.yaml', se(''), '1.29'), ID)).toEqual([])
    expect(of(run('se.yaml', se('  labels:\n    istio.io/use-waypoint: none\n'), '1.29'), ID)).toEqual([])
    const bound = se('  labels:\n    istio.io/use-waypoint: egress\n')
    expect(at(of(run('se.yaml', bound, '1.29'), ID))).toEqual([`se.yaml:${lineOf(bound, 'connect-strategy')} warning`])
  })
})
