// Istio 1.25 / Envoy 1.33: no address is internal by default any more (releasenotes/notes/53402.yaml, an upgrade
// note that never reached istio.io). Only configuration that reads x-envoy-internal is reported.
import { describe, expect, it } from '@jest/globals'
import { catalogFindings } from '../../src/analyze/catalog.js'
import type { AnalysisContext } from '../../src/analyze/types.js'
import { parseRelease } from '../../src/knowledge/versions.js'
import { parseManifestFile } from '../../src/manifests/parse.js'
import type { Finding } from '../../src/model.js'
import { renderSource } from '../../src/report/prose.js'

const ID = 'istio-1.25-envoy-internal-address'

function run(path: string, text: string, target: string, from?: string): Finding[] {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), ...(from ? { from: parseRelease(from) } : {}), files: [file] }
  return file.documents.flatMap((d) => catalogFindings(d, ctx)).filter((f) => f.entryId === ID).map((f) => f.finding)
}

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

const rules = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: admin
spec:
  hosts: [admin.example.com]
  gateways: [istio-ingress/public]
  http:
  - match:
    - uri:
        prefix: /admin
      headers:
        x-envoy-internal:
          exact: "true"
    route:
    - destination:
        host: admin
  - match:
    - withoutHeaders:
        x-envoy-internal: {}
    route:
    - destination:
        host: public
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: internal-only
spec:
  action: ALLOW
  rules:
  - when:
    - key: request.headers[x-envoy-internal]
      values: ["true"]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: admin
spec:
  rules:
  - matches:
    - headers:
      - name: X-Envoy-Internal
        value: "true"
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: tag-internal
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.lua
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
          inlineCode: |
            function envoy_on_request(h)
              if h:headers():get("x-envoy-internal") == "true" then h:headers():add("x-internal", "1") end
            end
`

describe('Envoy internal_address_config default (1.25)', () => {
  it('reports every rule that reads x-envoy-internal when the upgrade crosses 1.25, on its own line', () => {
    const found = run('mesh/rules.yaml', rules, '1.25', '1.24')
    expect(found.map((f) => ({ file: f.file, line: f.line, rule: f.rule, severity: f.severity, path: f.path }))).toEqual([
      { file: 'mesh/rules.yaml', line: lineOf(rules, '        x-envoy-internal:'), rule: 'default-changed', severity: 'warning', path: 'spec.http[0].match[0].headers.x-envoy-internal' },
      { file: 'mesh/rules.yaml', line: lineOf(rules, 'x-envoy-internal: {}'), rule: 'default-changed', severity: 'warning', path: 'spec.http[1].match[0].withoutHeaders.x-envoy-internal' },
      { file: 'mesh/rules.yaml', line: lineOf(rules, 'key: request.headers[x-envoy-internal]'), rule: 'default-changed', severity: 'error', path: 'spec.rules[0].when[0].key' },
      { file: 'mesh/rules.yaml', line: lineOf(rules, 'name: X-Envoy-Internal'), rule: 'default-changed', severity: 'warning', path: 'spec.rules[0].matches[0].headers[0].name' },
      { file: 'mesh/rules.yaml', line: lineOf(rules, 'h:headers():get("x-envoy-internal")'), rule: 'default-changed', severity: 'warning', path: 'spec.configPatches[0].patch.value.typed_config.inlineCode' }
    ])
    expect(found[0].message).toContain('ENABLE_HCM_INTERNAL_NETWORKS')
    // An authorization condition on the header flips access decisions (round 8): an error with its own message.
    expect(found[2].message).toContain('an ALLOW rule then denies them, a DENY rule lets them through')
  })

  it('cites the release-note file at the 1.25.0 tag as a titled link with its issue and pull request', () => {
    const [first] = run('mesh/rules.yaml', rules, '1.26', '1.24')
    expect(first.source).toBe('https://github.com/istio/istio/blob/1.25.0/releasenotes/notes/53402.yaml (https://github.com/istio/istio/issues/53402, https://github.com/istio/istio/pull/54996)')
    expect(renderSource(first.source)).toBe('[istio/istio releasenotes/notes/53402.yaml at 1.25.0](https://github.com/istio/istio/blob/1.25.0/releasenotes/notes/53402.yaml) · [istio/istio#53402](https://github.com/istio/istio/issues/53402) · [istio/istio#54996](https://github.com/istio/istio/pull/54996)')
  })

  it('stays quiet when the upgrade does not cross 1.25, and without a from release', () => {
    expect(run('mesh/rules.yaml', rules, '1.24', '1.23')).toEqual([])
    expect(run('mesh/rules.yaml', rules, '1.26', '1.25')).toEqual([])
    expect(run('mesh/rules.yaml', rules, '1.25')).toEqual([])
  })

  it('stays quiet on rules about other headers', () => {
    const other = rules.split('x-envoy-internal').join('x-envoy-external-address').split('X-Envoy-Internal').join('X-Request-Id')
    expect(run('mesh/rules.yaml', other, '1.25', '1.24')).toEqual([])
  })
})
