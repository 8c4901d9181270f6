// Round 28 census, share r28f (docs/audit/catalog-audit-28-r28f.md).
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'
import { runAnalysis } from '../../src/pipeline.js'
import { snapshotOf, type File, added } from '../support/snapshot.js'

describe('istio-1.30-new-annotations: an empty Namespace traffic-distribution annotation is no setting', () => {
  // Istio reads the annotation as a lower-cased string and treats "" like no annotation (the Services keep their own
  // default), so an older release ignoring an empty value changes nothing.
  const ID = 'istio-1.30-new-annotations'
  const ns = (value: string): string =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n  annotations:\n    networking.istio.io/traffic-distribution: ${value}\n`

  it('is silent for an empty value', () => {
    expect(of(run('ns.yaml', ns('""'), '1.29', '1.28'), ID)).toEqual([])
  })

  it('still warns at the annotation for PreferClose', () => {
    const text = ns('PreferClose')
    expect(at(of(run('ns.yaml', text, '1.29', '1.28'), ID))).toEqual([`ns.yaml:${lineOf(text, 'traffic-distribution')} warning`])
  })
})

describe('istio-1.30-new-env / istio-1.30-hbone-window-env: values the new variable cannot parse are no setting', () => {
  // Istio's env package (pkg/env) falls back to the variable's default when a bool, duration or int value does not
  // parse (strconv.ParseBool, time.ParseDuration, strconv.Atoi), so such a value behaves like the variable left unset.
  const values = (line: string): string => `pilot:\n  env:\n    ${line}\n`
  const ids = (line: string, id: string) => of(run('istiod-values.yaml', values(line), '1.29.2'), id)

  it('is silent for a bool that is not one (PILOT_ENABLE_AGENTGATEWAY: "yes" stays off)', () => {
    expect(ids('PILOT_ENABLE_AGENTGATEWAY: "yes"', 'istio-1.30-new-env')).toEqual([])
  })
  it('is silent for a duration without a unit (PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT: "30" keeps 15s)', () => {
    expect(ids('PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT: "30"', 'istio-1.30-new-env')).toEqual([])
  })
  it('is silent for a window size that is not a number', () => {
    expect(ids('PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE: "16MiB"', 'istio-1.30-hbone-window-env')).toEqual([])
  })
  it('still gives its notice for values that parse and differ from the default', () => {
    for (const [line, id] of [
      ['PILOT_ENABLE_AGENTGATEWAY: "true"', 'istio-1.30-new-env'],
      ['PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT: "0s"', 'istio-1.30-new-env'],
      ['PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT: "1m30s"', 'istio-1.30-new-env'],
      ['PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE: "33554432"', 'istio-1.30-hbone-window-env']
    ] as const) {
      expect([line, ...at(ids(line, id))]).toEqual([line, `istiod-values.yaml:${lineOf(values(line), line.split(':')[0]!)} notice`])
    }
  })
})

describe('istio-1.30.1-ignore-policy-attachment: a v1alpha3 BackendTLSPolicy is translated by no release the entry fires on', () => {
  // releases/1.28/upgrade-notes "BackendTLSPolicy alpha removal": from 1.28 Istio reads only v1, so on 1.28–1.30.0 a
  // v1alpha3 policy is not translated at all and "older releases still translate this BackendTLSPolicy" is false.
  const ID = 'istio-1.30.1-ignore-policy-attachment'
  const policy = (version: string): string =>
    `apiVersion: gateway.networking.k8s.io/${version}\nkind: BackendTLSPolicy\nmetadata:\n  name: p\n  namespace: a\n  annotations:\n    istio.io/ignore-policy-attachment: "true"\nspec:\n  targetRefs:\n  - {group: "", kind: Service, name: s}\n  validation: {hostname: s.example.com, wellKnownCACertificates: System}\n`

  it('is silent for v1alpha3 on 1.29 and 1.30.0', () => {
    expect(of(run('p.yaml', policy('v1alpha3'), '1.29', '1.28'), ID)).toEqual([])
    expect(of(run('p.yaml', policy('v1alpha3'), '1.30.0', '1.29'), ID)).toEqual([])
  })

  it('still warns at the annotation for v1 on 1.29 and 1.30.0, not on 1.30.1', () => {
    const text = policy('v1')
    const want = [`p.yaml:${lineOf(text, 'ignore-policy-attachment')} warning`]
    expect(at(of(run('p.yaml', text, '1.29', '1.28'), ID))).toEqual(want)
    expect(at(of(run('p.yaml', text, '1.30.0', '1.29'), ID))).toEqual(want)
    expect(of(run('p.yaml', text, '1.30.1', '1.30.0'), ID)).toEqual([])
  })
})

describe('istio-1.31-gcp-hosting-deprecated: a hub without a tag, where another values file of the chart pins a 1.30-or-older tag', () => {
  // helm install -f istiod-values.yaml -f istiod-values-prod.yaml layers both files, so the pods pull the pinned older
  // tag, which gcr.io/istio-release still serves until the scream tests: not "the 1.31 pods cannot pull their images".
  const hub: File = { path: 'istio/istiod-values.yaml', text: 'global:\n  hub: gcr.io/istio-release\npilot:\n  autoscaleEnabled: true\n' }
  const prod = (tag: string): File => ({ path: 'istio/istiod-values-prod.yaml', text: `global:\n  tag: ${tag}\npilot:\n  replicaCount: 2\n` })
  const found = async (files: File[]) => (await runAnalysis({ changes: added([hub]), head: snapshotOf([hub, ...files]) }, { target: '1.31', from: '1.30', paths: [hub.path], contextPaths: ['**/*.yaml'] })).findings.filter((f) => /gcr\.io\/istio-release/.test(f.message))
  const line = lineOf(hub.text, 'hub:')

  it('warns (not errs) when the other file pins 1.30.3', async () => {
    expect(at(await found([prod('1.30.3')]))).toEqual([`${hub.path}:${line} warning`])
  })
  it('still errs when the other file pins a 1.31 tag, or no file pins one', async () => {
    expect(at(await found([prod('1.31.0')]))).toEqual([`${hub.path}:${line} error`])
    expect(at(await found([]))).toEqual([`${hub.path}:${line} error`])
  })
})

describe('istio-1.30.3-new-env: the untaint controller\'s taint name only matters where the controller runs', () => {
  // PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS defaults to false (the istiod chart sets it, and the taint name, from
  // taint.enabled / taint.name), and only that controller reads PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME.
  const ID = 'istio-1.30.3-new-env'
  const env = '    PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME: example.com/cni-not-ready\n'
  it('is silent where nothing turns the controller on', () => {
    expect(of(run('istiod-values.yaml', `pilot:\n  env:\n${env}`, '1.30.2', '1.30.1'), ID)).toEqual([])
  })
  it('gives its notice where the controller runs (env or chart value)', () => {
    for (const text of [`pilot:\n  env:\n    PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true"\n${env}`, `pilot:\n  taint:\n    enabled: true\n  env:\n${env}`]) {
      expect(at(of(run('istiod-values.yaml', text, '1.30.2', '1.30.1'), ID))).toEqual([`istiod-values.yaml:${lineOf(text, 'TAINT_NAME')} notice`])
    }
  })
})
