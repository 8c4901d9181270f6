// Twentieth audit (census share r20b): the ❌ found in istio-1.22…1.24 entries and their fixes.
import { describe, expect, it } from '@jest/globals'
import { at, lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.23-stackdriver-provider-removed advice', () => {
  const ID = 'istio-1.23-stackdriver-provider-removed'
  const text = ['meshConfig:', '  extensionProviders:', '  - name: sd', '    stackdriver: {}', ''].join('\n')

  it('still warns on the provider, and points metrics at the prometheus provider: opentelemetry is a tracing provider only (meshconfig config.proto)', () => {
    const found = of(run('istiod-values.yaml', text, '1.23', '1.22'), ID)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'stackdriver')} warning`])
    expect(found[0]!.message).toMatch(/prometheus provider/)
    expect(found[0]!.message).not.toMatch(/switch to the opentelemetry provider/)
  })
})

describe('istio-1.24-retry-defaults message', () => {
  const ID = 'istio-1.24-retry-defaults'
  const text = ['meshConfig:', '  defaultHttpRetryPolicy:', '    attempts: 3', 'pilot:', '  env:', '    ENABLE_INBOUND_RETRY_POLICY: "false"', ''].join('\n')

  it('warns on a default retry policy without retryOn, without claiming inbound retries (a separate switch, off here)', () => {
    const found = of(run('istiod-values.yaml', text, '1.24', '1.23'), ID).filter((f) => f.severity === 'warning')
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'defaultHttpRetryPolicy')} warning`])
    expect(found[0]!.message).not.toMatch(/server sidecars/)
    expect(found[0]!.message).toMatch(/503/)
  })
})

describe('istio-1.24-bypass-inbound-capture-annotation on sidecar pods', () => {
  const ID = 'istio-1.24-bypass-inbound-capture-annotation'
  const deployment = (podLabels: string[]): string =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      'spec:',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      ...podLabels,
      '      annotations:',
      '        ambient.istio.io/bypass-inbound-capture: "true"',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: web:1',
      ''
    ].join('\n')

  it('warns on an ambient-eligible pod before 1.24', () => {
    const text = deployment([])
    expect(at(of(run('deploy.yaml', text, '1.23', '1.22'), ID))).toEqual([`deploy.yaml:${lineOf(text, 'bypass-inbound-capture')} warning`])
  })

  it('says nothing on a pod labelled for sidecar injection: ambient never captures a pod with a sidecar, on any release', () => {
    expect(of(run('deploy.yaml', deployment(['        sidecar.istio.io/inject: "true"']), '1.23', '1.22'), ID)).toEqual([])
  })
})

describe('istio-1.22-ambient-flags-removed: the 1.21 Helm ambient switch alone turns ambient off in 1.22', () => {
  const ID = 'istio-1.22-ambient-flags-removed'
  // Istio's own 1.20/1.21 istiod ambient-values.yaml (istio/istio#46994) switched ambient on with these two variables;
  // from 1.22 only PILOT_ENABLE_AMBIENT ("this must be enabled for any ambient functionality") does.
  const text = ['pilot:', '  env:', '    PILOT_ENABLE_HBONE: "true"', '    PILOT_ENABLE_AMBIENT_CONTROLLERS: "true"', ''].join('\n')

  it('is an error on PILOT_ENABLE_AMBIENT_CONTROLLERS (ambient traffic breaks) and no longer says setting it changes nothing', () => {
    const found = of(run('istiod-values.yaml', text, '1.22', '1.21'), ID)
    expect(at(found)).toEqual([
      `istiod-values.yaml:${lineOf(text, 'PILOT_ENABLE_HBONE')} warning`,
      `istiod-values.yaml:${lineOf(text, 'PILOT_ENABLE_AMBIENT_CONTROLLERS')} error`
    ])
    for (const f of found) expect(f.message).not.toMatch(/changes nothing/)
    expect(found[1]!.message).toMatch(/PILOT_ENABLE_AMBIENT: "true"/)
  })

  it('stays a notice next to the ambient profile, which sets PILOT_ENABLE_AMBIENT', () => {
    const withProfile = ['profile: ambient', text].join('\n')
    expect(at(of(run('istiod-values.yaml', withProfile, '1.22', '1.21'), ID))).toEqual([
      `istiod-values.yaml:${lineOf(withProfile, 'PILOT_ENABLE_HBONE')} notice`,
      `istiod-values.yaml:${lineOf(withProfile, 'PILOT_ENABLE_AMBIENT_CONTROLLERS')} notice`
    ])
  })
})

describe('istio-1.23.6-workload-identity-socket-file: before the patch Envoy still uses the default socket name', () => {
  const ID = 'istio-1.23.6-workload-identity-socket-file'
  const text = ['meshConfig:', '  defaultConfig:', '    proxyMetadata:', '      WORKLOAD_IDENTITY_SOCKET_FILE: spire-agent.sock', ''].join('\n')

  it('warns before 1.23.6 without claiming the proxy never gets certificates (SPIRE aliases the default name; istio/istio#55047)', () => {
    const found = of(run('istiod-values.yaml', text, '1.23.5', '1.22'), ID)
    expect(at(found)).toEqual([`istiod-values.yaml:${lineOf(text, 'WORKLOAD_IDENTITY_SOCKET_FILE')} warning`])
    expect(found[0]!.message).not.toMatch(/does not get its certificates/)
    expect(found[0]!.message).toMatch(/unless a socket of that name also exists/)
  })
})
