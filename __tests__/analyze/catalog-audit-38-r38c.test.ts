// Thirty-eighth audit, helper r38c (docs/audit/catalog-audit-38-r38c.md): each test fails on the entry as it was before
// the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { settled } from '../support/catalog-run.js'

const ID = 'istio-1.24-istio-csr-alpn'

/** An istiod HelmRelease pointing proxies at istio-csr, next to a HelmRelease of istio-csr at `csrVersion`. */
const csrRepo = (csrVersion: string, extra: readonly string[] = []): string =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istiod, namespace: istio-system}',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: istiod',
    '      sourceRef: {kind: HelmRepository, name: istio}',
    '  values:',
    '    global:',
    '      caAddress: cert-manager-istio-csr.cert-manager.svc:443',
    ...extra,
    '---',
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata: {name: istio-csr, namespace: cert-manager}',
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: cert-manager-istio-csr',
    `      version: ${csrVersion}`,
    '      sourceRef: {kind: HelmRepository, name: jetstack}',
    ''
  ].join('\n')

describe('istio-1.24-istio-csr-alpn (round 38 r38c)', () => {
  it('is an error where the repository installs istio-csr v0.12 or older: proxies get no certificates from it on 1.24', () => {
    // releases/1.24/upgrade-notes/index.md:134-152: the handshake fails ("missing selected ALPN property"), v0.12.0 lacks the fix.
    expect(settled(ID, 'flux/istio.yaml', csrRepo('v0.12.0'), '1.24', '1.23')).toEqual(['flux/istio.yaml:11 error'])
    expect(settled(ID, 'flux/istio.yaml', csrRepo('0.9.1'), '1.25', '1.23')).toEqual(['flux/istio.yaml:11 error'])
  })

  it('stays a warning where the istio-csr version is not visible, and quiet where it is fixed, opted out or before 1.24', () => {
    const alone = csrRepo('v0.12.0').split('---')[0]
    expect(settled(ID, 'flux/istiod.yaml', alone, '1.24', '1.23')).toEqual(['flux/istiod.yaml:11 warning'])
    expect(settled(ID, 'flux/istio.yaml', csrRepo('v0.14.0'), '1.24', '1.23')).toEqual([])
    const optOut = ['    meshConfig:', '      defaultConfig:', '        proxyMetadata:', '          GRPC_ENFORCE_ALPN_ENABLED: "false"']
    // the opt-out itself keeps only the env notice on its own line
    expect(settled(ID, 'flux/istio.yaml', csrRepo('v0.12.0', optOut), '1.24', '1.23')).toEqual(['flux/istio.yaml:15 notice'])
    expect(settled(ID, 'flux/istio.yaml', csrRepo('v0.12.0'), '1.23', '1.22')).toEqual([])
  })
})
