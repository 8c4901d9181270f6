// Audit 9 (c9f, a census of 28 entries of 1.29 and 1.30): each ❌ pinned to file and line.
// See docs/audit/catalog-audit-9-c9f.md.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

async function analyse(files: readonly File[], target: string, from: string, file: string, pattern: RegExp): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, from, paths: [] })
  return result.findings.filter((f) => f.file === file && pattern.test(f.message))
}
const iop = (values: string) => `apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n${values}`

describe('istio-1.30-retry-budget-fixes: a budget that now applies caps retries, it does not add any', () => {
  const ID = 'istio-1.30-retry-budget-fixes'
  const dr = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr\nspec:\n  host: svc\n  subsets:\n  - name: v1\n    labels: {v: "1"}\n    trafficPolicy:\n      retryBudget:\n        percent: 20\n'

  it('reports the subset budget at its line with a message that says retries beyond it are refused', () => {
    const found = of(run('dr.yaml', dr, '1.30', '1.29.1'), ID)
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`dr.yaml:${lineOf(dr, 'retryBudget:')} warning`])
    expect(found[0]?.message).toContain('retries beyond the budget are refused')
    expect(found[0]?.message).not.toContain('retries may grow')
    // 1.29.2 already carries the fix.
    expect(of(run('dr.yaml', dr, '1.30', '1.29.2'), ID)).toEqual([])
  })
})

describe('istio-1.29-reconcile-iptables-on-startup: the profile notice stays quiet where the value is set', () => {
  const ID = 'istio-1.29-reconcile-iptables-on-startup'
  const off = iop('  profile: ambient\n  values:\n    cni:\n      ambient:\n        reconcileIptablesOnStartup: false\n')

  it('says nothing where the value is set to false, neither "rewrites ... by default" on the profile nor a notice on the value (audit 10, c10f)', () => {
    expect(lineOf(off, 'reconcileIptablesOnStartup: false')).toBeGreaterThan(0)
    expect(of(run('iop.yaml', off, '1.29', '1.28'), ID)).toEqual([])
  })

  it('still gives the profile notice when the value is left unset', () => {
    const bare = iop('  profile: ambient\n')
    expect(of(run('iop.yaml', bare, '1.29', '1.28'), ID).map((f) => f.line)).toEqual([lineOf(bare, 'profile: ambient')])
  })
})

describe('istio-1.29-new-env and the circuit-breaker env notice: the opt-out value of a new variable changes nothing', () => {
  const env = (vars: string) => iop(`  values:\n    pilot:\n      env:\n${vars}`)

  it('is silent on false for the new boolean variables (older releases behave as false)', () => {
    const text = env('        DISABLE_TRACK_REMAINING_CB_METRICS: "false"\n        AMBIENT_ENABLE_MULTI_NETWORK_INGRESS: "false"\n        AMBIENT_ENABLE_BAGGAGE: "false"\n')
    expect(of(run('iop.yaml', text, '1.28'), 'istio-1.29-new-env')).toEqual([])
    expect(of(run('iop.yaml', text, '1.29', '1.28.3'), 'istio-1.29-circuit-breaker-remaining-metrics')).toEqual([])
  })

  it('reports true, which older releases ignore, at its line', () => {
    const text = env('        DISABLE_TRACK_REMAINING_CB_METRICS: "true"\n        AMBIENT_ENABLE_MULTI_NETWORK_INGRESS: "true"\n        PILOT_IGNORE_RESOURCES: "x"\n')
    expect(at(of(run('iop.yaml', text, '1.28'), 'istio-1.29-new-env'))).toEqual([
      `iop.yaml:${lineOf(text, 'DISABLE_TRACK')} notice`,
      `iop.yaml:${lineOf(text, 'MULTI_NETWORK')} notice`,
      `iop.yaml:${lineOf(text, 'PILOT_IGNORE')} notice`
    ])
    expect(at(of(run('iop.yaml', text, '1.29', '1.28.3'), 'istio-1.29-circuit-breaker-remaining-metrics'))).toEqual([`iop.yaml:${lineOf(text, 'DISABLE_TRACK')} notice`])
  })
})

describe('istio-1.30-untaint-controller-env: "the manual variable can go" only where taint.enabled is set', () => {
  const ID = 'istio-1.30-untaint-controller-env'

  it('is silent on the variable alone (removing it would turn the controller off)', () => {
    const text = iop('  values:\n    pilot:\n      env:\n        PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true"\n')
    expect(of(run('iop.yaml', text, '1.30', '1.29'), ID)).toEqual([])
  })

  it('reports taint.enabled next to the variable (it can go), and taint.enabled alone with its own message', () => {
    const both = iop('  values:\n    pilot:\n      taint:\n        enabled: true\n      env:\n        PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true"\n')
    const withVar = of(run('iop.yaml', both, '1.30', '1.29'), ID)
    expect(at(withVar)).toEqual([`iop.yaml:${lineOf(both, 'enabled: true')} notice`])
    expect(withVar[0]?.message).toContain('the manual variable can go')
    const alone = iop('  values:\n    pilot:\n      taint:\n        enabled: true\n')
    const found = of(run('iop.yaml', alone, '1.30', '1.29'), ID)
    expect(at(found)).toEqual([`iop.yaml:${lineOf(alone, 'enabled: true')} notice`])
    expect(found[0]?.message).toContain('starts removing')
  })
})

describe('istio-1.29-debug-endpoint-auth: namespaces authorised with DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES silence the Kiali warning', () => {
  const kiali: File = { path: 'kiali/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kiali\n  namespace: observability\nspec:\n  selector: {matchLabels: {app: kiali}}\n  template:\n    metadata: {labels: {app: kiali}}\n    spec:\n      containers: [{name: kiali, image: kiali}]\n' }
  const values = (env: string): File => ({ path: 'istio/istiod-values.yaml', text: `pilot:\n  env:\n${env}` })
  const KIALI = /debug endpoints/

  it('warns on the Kiali Deployment without an opt-out', async () => {
    expect(at(await analyse([kiali], '1.29', '1.28.3', kiali.path, KIALI))).toEqual([`kiali/deploy.yaml:${lineOf(kiali.text, 'name: kiali')} warning`])
  })

  it('is silent with the allowed-namespaces variable or the switch off', async () => {
    expect(await analyse([kiali, values('    DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES: observability\n')], '1.29', '1.28.3', kiali.path, KIALI)).toEqual([])
    expect(await analyse([kiali, values('    ENABLE_DEBUG_ENDPOINT_AUTH: "false"\n')], '1.29', '1.28.3', kiali.path, KIALI)).toEqual([])
  })
})

describe('tracing provider settings older releases drop: the default value loses nothing', () => {
  const mesh = (provider: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    extensionProviders:\n${provider}`

  it('istio-1.30-otel-service-attribute-enrichment: reports OTEL_SEMANTIC_CONVENTIONS, not the default ISTIO_CANONICAL', () => {
    const ID = 'istio-1.30-otel-service-attribute-enrichment'
    const otel = (v: string) => mesh(`    - name: o\n      opentelemetry:\n        service: o.svc\n        port: 4317\n        serviceAttributeEnrichment: ${v}\n`)
    const on = otel('OTEL_SEMANTIC_CONVENTIONS')
    expect(at(of(run('mesh.yaml', on, '1.29'), ID))).toEqual([`mesh.yaml:${lineOf(on, 'serviceAttributeEnrichment')} warning`])
    expect(of(run('mesh.yaml', otel('ISTIO_CANONICAL'), '1.29'), ID)).toEqual([])
  })

  it('istio-1.29-zipkin-timeout-headers: reports a timeout other than the 5s default, and headers', () => {
    const ID = 'istio-1.29-zipkin-timeout-headers'
    const zipkin = (timeout: string) => mesh(`    - name: z\n      zipkin:\n        service: z.svc\n        port: 9411\n        timeout: ${timeout}\n        headers:\n        - name: a\n          value: b\n`)
    const ten = zipkin('10s')
    // Since audit 11 (m11d) headers are reported on their first item, so an empty list stays quiet.
    expect(at(of(run('mesh.yaml', ten, '1.28'), ID))).toEqual([`mesh.yaml:${lineOf(ten, 'timeout: 10s')} warning`, `mesh.yaml:${lineOf(ten, '- name: a')} warning`])
    const five = zipkin('5s')
    expect(at(of(run('mesh.yaml', five, '1.28'), ID))).toEqual([`mesh.yaml:${lineOf(five, '- name: a')} warning`])
  })
})

describe('1.30 values that change nothing', () => {
  it('istio-1.30-pick-best-service-namespace: the opt-out false of the new variable gets no notice, true does', () => {
    const ID = 'istio-1.30-pick-best-service-namespace'
    const env = (v: string) => iop(`  values:\n    pilot:\n      env:\n        PILOT_SIDECAR_PICK_BEST_SERVICE_NAMESPACE: "${v}"\n`)
    expect(of(run('iop.yaml', env('false'), '1.30', '1.29'), ID)).toEqual([])
    const on = env('true')
    expect(at(of(run('iop.yaml', on, '1.30', '1.29'), ID))).toEqual([`iop.yaml:${lineOf(on, 'PICK_BEST')} notice`])
  })

  it('istio-1.30-new-annotations: istio.io/connect-strategy only with the one strategy 1.30 implements', () => {
    const ID = 'istio-1.30-new-annotations'
    const se = (v: string) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: se\n  labels:\n    istio.io/use-waypoint: egress\n  annotations:\n    istio.io/connect-strategy: ${v}\nspec:\n  hosts: [db.example.com]\n  resolution: DNS\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n`
    const race = se('RACE_FIRST_TCP_CONNECT')
    expect(at(of(run('se.yaml', race, '1.29'), ID))).toEqual([`se.yaml:${lineOf(race, 'connect-strategy')} warning`])
    expect(of(run('se.yaml', se('SOMETHING_ELSE'), '1.29'), ID)).toEqual([])
  })
})
