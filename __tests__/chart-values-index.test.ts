// The committed chart-values index: fresh against ../shared/istio/charts when the sources are there, well-formed
// always, and the template reading it rests on.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  CHART_INDEX_PATH,
  CHART_NAMES,
  chartSourcesExist,
  compareTags,
  defaultSharedRoot,
  generateChartValuesIndex,
  scanTemplate,
  serializeChartValuesIndex
} from '../scripts/generate-chart-values-index.mjs'
import { CHART_VALUES_INDEX, chartKnowledge } from '../src/knowledge/chart-values.js'
import { parseRelease } from '../src/knowledge/versions.js'

const SHARED = defaultSharedRoot()

describe('data/chart-values-index.json', () => {
  // Only where the sources are (the lead's machine, CI with ../shared); the checks below always run.
  if (chartSourcesExist(SHARED)) it(`is what scripts/generate-chart-values-index.mjs produces from ${SHARED} (run npm run generate when this fails)`, () => {
    const fresh = serializeChartValuesIndex(generateChartValuesIndex(SHARED))
    const committed = readFileSync(CHART_INDEX_PATH, 'utf8')
    expect(committed.length).toBe(fresh.length)
    expect(committed === fresh).toBe(true)
  })

  it('covers the five Istio charts with their tags in release order, 1.20.0 first', () => {
    expect(Object.keys(CHART_VALUES_INDEX.charts).sort()).toEqual([...CHART_NAMES].sort())
    for (const chart of CHART_NAMES) {
      const tags = CHART_VALUES_INDEX.charts[chart].tags
      expect(tags[0]).toBe('1.20.0')
      expect([...tags].sort(compareTags)).toEqual(tags)
    }
  })

  it('stays small: it is bundled into dist/index.js', () => {
    expect(readFileSync(CHART_INDEX_PATH).length).toBeLessThan(40_000)
  })

  it('maps a target release to the chart version it installs (bare minor = newest patch, patches exact)', () => {
    const istiod = chartKnowledge('istiod')!
    const tagFor = (v: string) => istiod.tags[istiod.versionFor(parseRelease(v))!]
    expect(tagFor('1.20')).toBe('1.20.8')
    expect(tagFor('1.20.1')).toBe('1.20.0')
    expect(tagFor('1.26.3')).toBe('1.26.3')
    expect(tagFor('1.26.4')).toBe('1.26.3')
    expect(tagFor('1.21.0')).toBe('1.21.0')
    expect(tagFor('1.31.0-rc.0')).toBe('1.31.0-rc.0')
  })
})

describe('reading chart templates', () => {
  it('resolves plain, null-safe, index, dig, variable and with-scoped references', () => {
    const { reads, whole } = scanTemplate([
      '{{- if .Values.pilot.autoscaleEnabled }}',
      '{{ ((.Values.global).platform) }} {{ ($.Values).profile }}',
      '{{ index .Values "sidecarInjectorWebhook" "enableNamespacesByDefault" }}',
      '{{ dig "global" "readerServiceAccount" "name" "" .Values }}',
      '{{- $gw := .Values.service }}{{ $gw.type }}',
      '{{- with .Values.tolerations }}',
      'tolerations: {{- toYaml . | nindent 2 }}',
      '{{- end }}',
      '{{- with .Values.networkGateway }}{{ .name }}{{ end }}',
      '{{- range $k, $v := .Values.env }}{{ $k }}{{ end }}',
      '{{ .Values | toPrettyJson }}',
      '{{- if hasKey .Values "replicaCount" }}{{ end }}',
      '{{- end }}'
    ].join('\n'))
    expect([...reads].sort()).toEqual([
      'env', 'global.platform', 'global.readerServiceAccount.name', 'networkGateway', 'networkGateway.name', 'pilot.autoscaleEnabled', 'profile', 'replicaCount',
      'service', 'service.type', 'sidecarInjectorWebhook.enableNamespacesByDefault', 'tolerations'
    ])
    // Taken as a whole: a toYaml'd with-scope and a range subject; never the values root.
    expect([...whole].sort()).toEqual(['env', 'tolerations'])
  })

  it('ignores objects that are not values and dynamic keys it cannot resolve', () => {
    const { reads } = scanTemplate('{{ .Release.Name }} {{ .ObjectMeta.Name }} {{ index .Values $name }} {{ .Chart.Version }}')
    expect([...reads]).toEqual([])
  })
})
