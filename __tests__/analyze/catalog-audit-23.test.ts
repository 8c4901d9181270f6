// Round 23's measurement (docs/audit/catalog-audit-23-*.md): each ❌ it found, with the YAML that showed it.
import { describe, expect, it } from '@jest/globals'
import { validateCatalog, type CatalogRelease } from '../../src/knowledge/catalog.js'
import { lineOf, of, run } from '../support/catalog-run.js'

describe('istio-1.21-jwt-authn-metadata-key: code that already reads the upstream filter next to istio_authn', () => {
  const lua = (body: string): string =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: claims\n  namespace: shop\nspec:\n  configPatches:\n  - applyTo: HTTP_FILTER\n    match:\n      context: SIDECAR_INBOUND\n    patch:\n      operation: INSERT_BEFORE\n      value:\n        name: envoy.lua\n        typed_config:\n          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua\n          inlineCode: |\n${body
      .split('\n')
      .map((l) => `            ${l}`)
      .join('\n')}\n`
  const oldOnly = lua('function envoy_on_request(h)\n  local m = h:streamInfo():dynamicMetadata():get("istio_authn")\nend')
  const fallback = lua(
    'function envoy_on_request(h)\n  local md = h:streamInfo():dynamicMetadata()\n  local m = md:get("envoy.filters.http.jwt_authn") or md:get("istio_authn")\nend'
  )

  it('warns on Lua that reads istio_authn alone, at the line of the code that reads it', () => {
    const found = of(run('ef.yaml', oldOnly, '1.21', '1.20'), 'istio-1.21-jwt-authn-metadata-key')
    expect(found.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual([`ef.yaml:${lineOf(oldOnly, 'get("istio_authn")')} warning`])
  })

  it('is silent on Lua that reads envoy.filters.http.jwt_authn and falls back to istio_authn', () => {
    expect(of(run('ef.yaml', fallback, '1.21', '1.20'), 'istio-1.21-jwt-authn-metadata-key')).toEqual([])
    expect(of(run('ef.yaml', fallback, '1.22', '1.21'), 'istio-1.21-jwt-authn-metadata-key')).toEqual([])
  })

  it('is silent on a WasmPlugin that lists both metadata namespaces', () => {
    const wasm =
      'apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata:\n  name: claims\n  namespace: shop\nspec:\n  url: oci://registry.example.com/claims:1\n  pluginConfig:\n    metadata_namespaces:\n    - envoy.filters.http.jwt_authn\n    - istio_authn\n'
    expect(of(run('wasm.yaml', wasm, '1.21', '1.20'), 'istio-1.21-jwt-authn-metadata-key')).toEqual([])
    const old = wasm.replace('    - envoy.filters.http.jwt_authn\n', '')
    expect(of(run('wasm.yaml', old, '1.21', '1.20'), 'istio-1.21-jwt-authn-metadata-key').map((f) => f.line)).toEqual([lineOf(old, '- istio_authn')])
  })

  it('does not take the new name in the object metadata as the code reading it', () => {
    const noted = oldOnly.replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    note: migrate to envoy.filters.http.jwt_authn\n')
    expect(of(run('ef.yaml', noted, '1.21', '1.20'), 'istio-1.21-jwt-authn-metadata-key').map((f) => f.line)).toEqual([lineOf(noted, 'get("istio_authn")')])
  })

  it('validates unlessContains as a non-empty list of strings', () => {
    const release = (m: unknown): CatalogRelease =>
      ({ release: '1.21', entries: [{ id: 'x', change: 'removed', severity: 'warning', since: '1.21', message: 'm', match: [m], sources: [{ path: 'releases/1.21/change-notes/index.md', url: 'https://istio.io/x' }] }] }) as unknown as CatalogRelease
    expect(validateCatalog([release({ type: 'text', kinds: ['EnvoyFilter'], contains: 'a', unlessContains: [] })]).join('\n')).toMatch(/unlessContains must be a non-empty list/)
    expect(validateCatalog([release({ type: 'text', kinds: ['EnvoyFilter'], contains: 'a', unlessContains: ['b'] })]).join('\n')).not.toMatch(/unlessContains/)
  })
})
