// Thirty-sixth audit (census), helper r36d (docs/audit/catalog-audit-36-r36d.md): each test fails on the entry as it
// was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const deployment = (bins: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    '  namespace: default',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    `        sidecar.istio.io/statsHistogramBins: ${bins}`,
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: app:1',
    ''
  ].join('\n')

describe('istio-1.28-stats-annotations: statsHistogramBins (round 36 r36d ❌ b)', () => {
  const id = 'istio-1.28-stats-annotations'
  it('the documented default "100" gives nothing at 1.27: 1.28 uses 100 bins without the annotation too', () => {
    expect(of(run('deploy.yaml', deployment('"100"'), '1.27', '1.26'), id)).toEqual([])
  })
  it('an empty value gives nothing at 1.27: it sets no bin count on 1.28 either', () => {
    expect(of(run('deploy.yaml', deployment('""'), '1.27', '1.26'), id)).toEqual([])
  })
  it('a bin count other than the default still warns at 1.27, on the annotation line', () => {
    const text = deployment('"20"')
    expect(of(run('deploy.yaml', text, '1.27', '1.26'), id).map((f) => [f.file, f.line, f.severity])).toEqual([
      ['deploy.yaml', lineOf(text, 'statsHistogramBins'), 'warning']
    ])
    const ten = deployment('"10"')
    expect(of(run('deploy.yaml', ten, '1.27', '1.26'), id).map((f) => [f.file, f.line, f.severity])).toEqual([
      ['deploy.yaml', lineOf(ten, 'statsHistogramBins'), 'warning']
    ])
  })
})
