// SARIF that code scanning tracks across commits: fingerprints that ignore lines and release numbers, rule help
// links, and baselineState when the baseline is known.
import { describe, expect, it } from '@jest/globals'
import { finding, result } from '../__fixtures__/report.js'
import { parseRelease } from '../src/knowledge/versions.js'
import type { Finding } from '../src/model.js'
import { FINGERPRINT_KEY, toSarif } from '../src/report/sarif.js'
import { ruleDocsUrl } from '../src/report/links.js'

const DR = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', namespace: 'shop', name: 'checkout' }

function printsOf(findings: Finding[], target = '1.28'): { file: string; line: number; print: string; baselineState?: string }[] {
  const sarif = toSarif(result({ findings, target: { release: parseRelease(target), origin: 'input' } })) as any
  return sarif.runs[0].results.map((r: any) => ({
    file: r.locations[0].physicalLocation.artifactLocation.uri,
    line: r.locations[0].physicalLocation.region.startLine,
    print: r.partialFingerprints[FINGERPRINT_KEY],
    ...(r.baselineState ? { baselineState: r.baselineState } : {})
  }))
}

const base = (extra: Partial<Finding> = {}): Finding =>
  finding({ file: 'mesh/dr.yaml', line: 12, rule: 'removed-feature', resource: DR, path: 'spec.trafficPolicy.tls', message: 'Istio 1.28 drops this field; Istio 1.26.8 still reads it.', ...extra })

describe('SARIF partialFingerprints', () => {
  it('stay the same when the finding moves to another line (mesh/dr.yaml:12 → :40)', () => {
    const [at12] = printsOf([base()])
    const [at40] = printsOf([base({ line: 40, endLine: 44 })])
    expect(at12).toMatchObject({ file: 'mesh/dr.yaml', line: 12 })
    expect(at40).toMatchObject({ file: 'mesh/dr.yaml', line: 40 })
    expect(at40.print).toBe(at12.print)
    expect(at12.print).toMatch(/^[0-9a-f]{16}$/)
  })

  it('stay the same when only the release numbers of the message change (target 1.28 → 1.29)', () => {
    const [today] = printsOf([base()], '1.28')
    const [later] = printsOf([base({ message: 'Istio 1.29 drops this field; Istio 1.28.1 still reads it.' })], '1.29')
    expect({ file: later.file, line: later.line, same: later.print === today.print }).toEqual({ file: 'mesh/dr.yaml', line: 12, same: true })
  })

  it('stay the same when the resource moves from v1beta1 to v1, and for parse findings whose line numbers move', () => {
    const [v1] = printsOf([base()])
    const [beta] = printsOf([base({ resource: { ...DR, apiVersion: 'networking.istio.io/v1beta1' } })])
    expect(beta.print).toBe(v1.print)
    const parse = (line: number) => finding({ file: 'mesh/bad.yaml', line, rule: 'parse', message: `Invalid YAML: deficient indentation at line ${line}, column 3.` })
    const [p3] = printsOf([parse(3)])
    const [p9] = printsOf([parse(9)])
    expect({ file: p9.file, line: p9.line, same: p9.print === p3.print }).toEqual({ file: 'mesh/bad.yaml', line: 9, same: true })
  })

  it('differ by rule, file, resource, YAML path and wording, and for two identical findings in one file', () => {
    const prints = printsOf([
      base(),
      base({ rule: 'deprecated-field' }),
      base({ file: 'mesh/other.yaml' }),
      base({ resource: { ...DR, name: 'cart' } }),
      base({ path: 'spec.trafficPolicy.loadBalancer' }),
      base({ message: 'Istio 1.28 renames this field.' }),
      base({ line: 30 })
    ])
    expect(prints.map((p) => `${p.file}:${p.line}`)).toEqual(['mesh/dr.yaml:12', 'mesh/dr.yaml:12', 'mesh/other.yaml:12', 'mesh/dr.yaml:12', 'mesh/dr.yaml:12', 'mesh/dr.yaml:12', 'mesh/dr.yaml:30'])
    expect(new Set(prints.map((p) => p.print)).size).toBe(7)
  })
})

describe('SARIF rules and baselineState', () => {
  it('every rule links its docs page (helpUri), the results carry baselineState only when known', () => {
    const sarif = toSarif(result({ findings: [base({ baselineState: 'unchanged' }), base({ line: 20, rule: 'deprecated-field', baselineState: 'new' }), base({ line: 30, rule: 'parse' })] }), {
      rules: [{ id: 'removed-feature', description: 'Removed.', defaultSeverity: 'error', fixable: false }]
    }) as any
    const run = sarif.runs[0]
    for (const rule of run.tool.driver.rules) expect({ id: rule.id, helpUri: rule.helpUri }).toEqual({ id: rule.id, helpUri: ruleDocsUrl(rule.id) })
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['deprecated-field', 'parse', 'removed-feature'])
    expect(run.results.map((r: any) => [r.locations[0].physicalLocation.region.startLine, r.ruleId, r.baselineState])).toEqual([
      [12, 'removed-feature', 'unchanged'],
      [20, 'deprecated-field', 'new'],
      [30, 'parse', undefined]
    ])
  })
})
