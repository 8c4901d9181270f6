// The defects the thirteenth audit (measurement, auditor m13a) found (docs/audit/catalog-audit-13-m13a.md): each test
// fails on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis } from '../../src/pipeline.js'
import type { Finding } from '../../src/model.js'
import { CATALOG, validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { lineOf, of, run } from '../support/catalog-run.js'
import { added, snapshotOf, type File } from '../support/snapshot.js'

const envoyFilter = (value: string): string => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: sni
  namespace: istio-system
spec:
  configPatches:
  - applyTo: NETWORK_FILTER
    match:
      listener:
        filterChain:
          filter:
            name: envoy.filters.network.tcp_proxy
    patch:
      operation: INSERT_BEFORE
      value:
${value}
`

describe('audit 13 m13a #1: custom network filters removed (1.20) go by the type Envoy looks filters up by', () => {
  const id = 'istio-1.20-custom-network-filters-removed'
  const FILE = 'mesh/envoyfilter-sni.yaml'
  it('is silent on a Wasm filter that keeps the old name (Envoy picks the factory by the typed_config type)', () => {
    const text = envoyFilter(`        name: sni_verifier
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.network.wasm.v3.Wasm
          config:
            vm_config:
              runtime: envoy.wasm.runtime.v8
              code:
                local:
                  filename: /etc/istio/extensions/sni.wasm`)
    expect(of(run(FILE, text, '1.20'), id)).toEqual([])
  })
  it('is silent on a TypedStruct that wraps an Envoy extension type under the old name', () => {
    const text = envoyFilter(`        name: forward_downstream_sni
        typed_config:
          "@type": type.googleapis.com/udpa.type.v1.TypedStruct
          type_url: type.googleapis.com/envoy.extensions.filters.network.wasm.v3.Wasm`)
    expect(of(run(FILE, text, '1.21', '1.20'), id)).toEqual([])
  })
  it('still reports the Istio filter configured through a TypedStruct', () => {
    const text = envoyFilter(`        name: forward_downstream_sni
        typed_config:
          "@type": type.googleapis.com/udpa.type.v1.TypedStruct
          type_url: type.googleapis.com/istio.envoy.config.filter.network.forward_downstream_sni.v2alpha1.Config`)
    expect(of(run(FILE, text, '1.20'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(text, 'name: forward_downstream_sni'), severity: 'error' })])
  })
  it('still reports the filter named without a typed_config, and a filter chain that lists it', () => {
    const bare = envoyFilter('        name: tcp_cluster_rewrite')
    expect(of(run(FILE, bare, '1.20'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(bare, 'name: tcp_cluster_rewrite'), severity: 'error' })])
    const chain = envoyFilter(`        filters:
        - name: sni_verifier
          typed_config:
            "@type": type.googleapis.com/istio.envoy.config.filter.network.sni_verifier.v2alpha1.Config`)
    expect(of(run(FILE, chain, '1.22'), id)).toEqual([expect.objectContaining({ file: FILE, line: lineOf(chain, '- name: sni_verifier'), severity: 'error' })])
  })
})

describe('audit 13 m13a #8: the misspelt VERIFY_CERT_AT_CLIENT opt-in is a warning where verification is still off', () => {
  const id = 'istio-1.21-verify-cert-at-client-typo'
  const VALUES = 'platform/istiod/istiod-values.yaml'
  const values = (value: string): string => `pilot:\n  env:\n    VERIFY_CERT_AT_CLIENT: ${value}\n`
  for (const value of ['"true"', 'true', '"1"']) {
    it(`warns at target 1.20, where ${value} is silently ignored and certificates stay unverified`, () => {
      const text = values(value)
      const found = of(run(VALUES, text, '1.20'), id)
      expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'VERIFY_CERT_AT_CLIENT'), severity: 'warning' })])
      expect(found[0]?.message).toMatch(/stay unverified/)
    })
  }
  it('stays a notice from 1.21 on, where verification is the default anyway (one finding, not two)', () => {
    const text = values('"true"')
    for (const [target, from] of [['1.21', '1.20'], ['1.23', undefined]] as const) {
      expect(of(run(VALUES, text, target, from), id)).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'VERIFY_CERT_AT_CLIENT'), severity: 'notice' })])
    }
  })
  // Audit 18 (r18a): at 1.20 verification is off by default, so the ignored false changes nothing there; the false
  // case warns from 1.21, where verification is on and the typo does not turn it off.
  it('keeps the false case a warning from 1.21 and quiet at 1.20 (audit 18 r18a)', () => {
    const text = values('"false"')
    expect(of(run(VALUES, text, '1.20'), id)).toEqual([])
    expect(of(run(VALUES, text, '1.21'), id)).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'VERIFY_CERT_AT_CLIENT'), severity: 'warning' })])
  })
  it('is silent at 1.20 when another file of the repository already turns verification on with the right name', async () => {
    const typo: File = { path: VALUES, text: values('"true"') }
    const right: File = { path: 'platform/istiod/istiod-security-values.yaml', text: 'pilot:\n  env:\n    VERIFY_CERTIFICATE_AT_CLIENT: "true"\n' }
    const at = (fs: readonly Finding[]) => fs.filter((f) => f.file === VALUES && /VERIFY_CERT_AT_CLIENT/.test(f.message)).map((f) => `${f.file}:${f.line} ${f.severity}`)
    const alone = await runAnalysis({ changes: added([typo]), head: snapshotOf([typo]) }, { target: '1.20', paths: [] })
    expect(at(alone.findings)).toEqual([`${VALUES}:${lineOf(typo.text, 'VERIFY_CERT_AT_CLIENT')} warning`])
    const both = await runAnalysis({ changes: added([typo, right]), head: snapshotOf([typo, right]) }, { target: '1.20', paths: [] })
    expect(at(both.findings)).toEqual([])
  })
})

describe('audit 13 m13a: a match-level since (the first target a match reports on) is validated like until', () => {
  const id = 'istio-1.21-verify-cert-at-client-typo'
  const withMatch = (extra: Record<string, unknown>): readonly CatalogRelease[] =>
    CATALOG.map((r) => r.release !== '1.21' ? r : { ...r, entries: r.entries.map((e) => e.id !== id ? e : { ...e, match: e.match.map((m, i) => (i === 0 ? { ...m, ...extra } : m)) }) } as CatalogRelease)
  it('accepts the catalog as it is', () => {
    expect(validateCatalog(CATALOG)).toEqual([])
  })
  it('rejects a since that names no release and an until not after since', () => {
    expect(validateCatalog(withMatch({ since: '1.2x' }))).toEqual([expect.stringContaining(`${id} match[0]: since 1.2x is not a known release`)])
    expect(validateCatalog(withMatch({ since: '1.23', until: '1.22' }))).toEqual([expect.stringContaining(`${id} match[0]: until must be after since`)])
  })
})
