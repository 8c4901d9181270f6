// Defects found by the fourth audit of the generated knowledge (docs/audit/generated-audit-4.md): each case failed
// before its fix.
import { describe, expect, it } from '@jest/globals'
import { scanTemplate } from '../scripts/generate-chart-values-index.mjs'
import { catalogAnalyzer } from '../src/analyze/catalog.js'
import { schemaAnalyzer, SCHEMA_RULES } from '../src/analyze/schema.js'
import type { AnalysisContext } from '../src/analyze/types.js'
import { closest } from '../src/closest.js'
import { CHART_VALUES_INDEX } from '../src/knowledge/chart-values.js'
import { parseRelease } from '../src/knowledge/versions.js'
import { parseManifestFile } from '../src/manifests/parse.js'

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in fixture`)
  return i + 1
}

function schemaCheck(path: string, text: string, target: string) {
  const file = parseManifestFile(path, text)
  expect(file.problems).toEqual([])
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file] }
  return file.documents.flatMap((d) => schemaAnalyzer.check(d, ctx))
    .filter((f) => f.rule !== SCHEMA_RULES.stricterValidation)
    .map((f) => ({ rule: f.rule, file: f.file, line: f.line, path: f.path, message: f.message }))
}

const redirect = (code: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: to-https
  namespace: web
spec:
  parentRefs:
  - name: gateway
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        statusCode: ${code}
`

describe('integer enum values (HTTPRoute requestRedirect.statusCode)', () => {
  const FILE = 'routes/redirect.yaml'

  it('reports 308 on Istio 1.29 (Gateway API 1.4 lists 301 and 302 only) and accepts it from 1.30 (Gateway API 1.5)', () => {
    const text = redirect('308')
    const found = schemaCheck(FILE, text, '1.29')
    expect(found.map(({ message, ...f }) => f)).toEqual([{
      rule: SCHEMA_RULES.enumValueNotInRelease, file: FILE, line: lineOf(text, 'statusCode'), path: 'spec.rules[0].filters[0].requestRedirect.statusCode'
    }])
    expect(found[0].message).toContain('308 is not an allowed value in Istio 1.29')
    expect(found[0].message).toContain('added in 1.30')
    expect(schemaCheck(FILE, text, '1.30')).toEqual([])
  })

  it('reports a code no Gateway API release allows, and leaves the allowed ones alone', () => {
    const text = redirect('404')
    const found = schemaCheck(FILE, text, '1.31')
    expect(found.map((f) => [f.rule, f.file, f.line])).toEqual([[SCHEMA_RULES.enumValueNotInRelease, FILE, lineOf(text, 'statusCode')]])
    expect(found[0].message).toContain('not an allowed value in any release')
    expect(schemaCheck(FILE, redirect('301'), '1.24')).toEqual([])
    expect(schemaCheck(FILE, redirect('302'), '1.29')).toEqual([])
  })

  it('does not report CORS allowCredentials: false on Gateway API 1.5, whose schema dropped the [true] list', () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: cors
  namespace: web
spec:
  parentRefs:
  - name: gateway
  rules:
  - filters:
    - type: CORS
      cors:
        allowOrigins: ["https://app.example.com"]
        allowCredentials: false
    backendRefs:
    - name: web
      port: 80
`
    expect(schemaCheck('routes/cors.yaml', text, '1.30')).toEqual([])
    expect(schemaCheck('routes/cors.yaml', text, '1.31')).toEqual([])
  })
})

describe('"did you mean" for a swapped pair of letters', () => {
  it('suggests service.type for service.tpye in gateway chart values', () => {
    const text = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: gateway
  namespace: istio-ingress
spec:
  chart:
    spec:
      chart: gateway
      sourceRef:
        kind: HelmRepository
        name: istio
  values:
    service:
      tpye: ClusterIP
`
    const file = parseManifestFile('istio/gateway.yaml', text)
    const ctx: AnalysisContext = { target: parseRelease('1.28'), files: [file] }
    const found = file.documents.flatMap((d) => catalogAnalyzer.check(d, ctx)).filter((f) => f.rule === 'helm-value-ignored')
    expect(found.map((f) => [f.rule, f.file, f.line, f.path])).toEqual([['helm-value-ignored', 'istio/gateway.yaml', lineOf(text, 'tpye'), 'spec.values.service.tpye']])
    expect(found[0].message).toContain('Did you mean service.type?')
  })

  it('counts a swap as one edit, so short words get a suggestion too', () => {
    expect(closest('tpye', ['type', 'ports'], 1)).toBe('type')
    expect(closest('hbu', ['hub', 'tag'], 1)).toBe('hub')
    // A swap and a substitution are two edits.
    expect(closest('tpyo', ['type'], 1)).toBeUndefined()
  })
})

describe('chart-values index: text inside string literals', () => {
  it('does not read printf "files/profile-%s.yaml" inside `with .Values.profile` as a field profile.yaml', () => {
    const { reads } = scanTemplate([
      '{{- with .Values.profile }}',
      '{{- with $.Files.Get (printf "files/profile-%s.yaml" .)}}',
      '{{- end }}',
      '{{- end }}'
    ].join('\n'))
    expect([...reads].sort()).toEqual(['profile'])
  })

  it('still reads index/dig/hasKey keys, which are string literals', () => {
    const { reads } = scanTemplate('{{ index .Values "global" "hub" }} {{ if (dig "global" "enableReaderRBAC" true .Values) }}{{ end }} {{ if hasKey .Values "revision" }}{{ end }}')
    expect([...reads].sort()).toEqual(['global.enableReaderRBAC', 'global.hub', 'revision'])
  })

  it('the committed index has no phantom `yaml` child under profile or compatibilityVersion', () => {
    for (const [name, chart] of Object.entries(CHART_VALUES_INDEX.charts)) {
      for (const key of ['profile', 'compatibilityVersion']) {
        const node = (chart.reads as Record<string, unknown>)[key]
        expect([name, key, typeof node === 'object' && node !== null && 'yaml' in node]).toEqual([name, key, false])
      }
    }
  })
})
