import { changedFile, doc, finding, resourceChange, result } from '../__fixtures__/report.js'
import { annotationFor, planAnnotations, workflowCommand } from '../src/report/annotations.js'
import { toJsonReport, renderJson } from '../src/report/json.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { FINGERPRINT_KEY, artifactUri, toSarif } from '../src/report/sarif.js'
import { MAX_COMMENT_LENGTH, SUMMARY_BUDGET, SUMMARY_MARKER, renderSummary } from '../src/report/summary.js'
import { renderText } from '../src/report/text.js'
import { renderReport } from '../src/report/formats.js'
import { parseRelease } from '../src/knowledge/versions.js'

const VS = 'mesh/virtualservice.yaml'

const sample = () => {
  const onDiff = finding({ file: VS, line: 1, rule: 'api-version-removed', message: 'networking.istio.io/v1alpha3 is not served by Istio 1.28.', fix: { description: 'Use networking.istio.io/v1.', edits: [{ startLine: 1, endLine: 1, replacement: 'apiVersion: networking.istio.io/v1' }] } })
  const offDiff = finding({ file: 'mesh/unchanged.yaml', line: 7, endLine: 8, rule: 'mtls-mode', severity: 'warning', message: 'Hostile <img src=x> @alice | `x`' })
  const notice = finding({ file: VS, line: 14, rule: 'retry-default', severity: 'notice', message: 'Retries changed.' })
  const suppressed = finding({ file: VS, line: 2, rule: 'kind-note', severity: 'error', message: 'Muted.', suppressed: { reason: 'known', by: '.github/istio-compat.yml' } })
  return result({
    findings: [onDiff, offDiff, notice, suppressed],
    resources: [
      resourceChange('changed', doc(VS, 1, 'VirtualService', 'reviews', 'bookinfo')),
      resourceChange('added', doc('mesh/destinationrule.yaml', 1, 'DestinationRule', 'reviews', 'bookinfo')),
      resourceChange('removed', doc('mesh/old.yaml', 1, 'Gateway', 'old|gw')),
      resourceChange('unchanged', doc('mesh/gateway.yaml', 1, 'Gateway', 'public'))
    ],
    notChecked: [{ file: 'charts/istio/templates/gw.yaml', reason: 'Helm template: rendered by helm, not checked' }],
    changes: { source: 'github', headSha: 'b'.repeat(40), files: [changedFile(VS, '@@ -1 +1 @@\n-a\n+b')] },
    documentsChecked: 4
  })
}

describe('renderSummary', () => {
  it('lists versions, counts, findings with their place, resources, suppressed and unchecked files', () => {
    const r = sample()
    const md = renderSummary(r, { marker: true, inline: new Set([r.findings[0]!]), offDiff: new Map([[r.findings[1]!, 'file not changed by this PR']]) })
    expect(md.startsWith(`${SUMMARY_MARKER}\n### istio-compat: Istio 1.26 → 1.28`)).toBe(true)
    expect(md).toContain('🛑 1 error · ⚠️ 1 warning · ℹ️ 1 notice (1 suppressed) in 4 YAML documents.')
    expect(md).toContain('| Target | Istio 1.28 | input |')
    expect(md).toContain('| From | Istio 1.26 | charts/istio/Chart\\.yaml\\:9 |')
    expect(md).toContain('| 🛑 error | `mesh/virtualservice.yaml:1` |')
    expect(md).toContain('| inline comment |')
    expect(md).toContain('| ⚠️ warning | `mesh/unchanged.yaml:7-8` |')
    expect(md).toContain('file not changed by this PR |')
    expect(md).toContain('Resources in this change: 1 added, 1 changed, 1 removed')
    expect(md).toContain('| removed | Gateway | `old\\|gw` | `mesh/old.yaml:1` |')
    expect(md).not.toContain('public')
    expect(md).toContain('1 suppressed finding (not gating)')
    expect(md).toContain('`charts/istio/templates/gw.yaml`')
    // The hostile message is inert: no HTML, no mention, the table keeps its columns.
    expect(md).not.toContain('<img')
    expect(md).not.toMatch(/@alice/)
    const row = md.split('\n').find((l) => l.includes('mesh/unchanged.yaml:7-8'))!
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5)
  })

  it('lists files that a config entry checked against other releases', () => {
    const md = renderSummary(
      result({ targetsByFile: { 'clusters/canary/vs.yaml': { target: { release: parseRelease('1.29'), origin: '.github/istio-compat.yml:7 (targets)' } } } })
    )
    expect(md).toContain('1 file checked against other releases (config targets)')
    expect(md).toContain('| `clusters/canary/vs.yaml` | Istio 1.29 | not known | \\.github/istio\\-compat\\.yml\\:7 \\(targets\\) |')
  })

  it('says so when the PR bumps the Istio version and when nothing was found', () => {
    const md = renderSummary(result({ versionBump: true, from: undefined }))
    expect(md).toContain('### istio-compat: Istio 1.28')
    expect(md).toContain('✅ No findings in 1 YAML document.')
    expect(md).toContain('This PR changes the Istio version, so every manifest in the repository was checked')
    expect(md).toContain('| From | not known |')
  })

  it('stays under GitHub\'s 65,536 characters with thousands of findings, and says what it left out', () => {
    const findings = Array.from({ length: 3000 }, (_, i) => finding({ file: `mesh/f${i}.yaml`, line: i + 1, message: `Finding number ${i} with some words to take room.` }))
    const md = renderSummary(result({ findings }), { marker: true, maxLength: SUMMARY_BUDGET })
    expect(md.length).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(md.length).toBeLessThan(MAX_COMMENT_LENGTH)
    const shown = md.split('\n').filter((l) => l.startsWith('| 🛑 error')).length
    expect(shown).toBeGreaterThan(100)
    expect(md).toContain(`_… and ${3000 - shown} findings more`)
    expect(md).toContain('`mesh/f0.yaml:1`')
  })
})

describe('annotations', () => {
  it('formats workflow commands with escaped properties and data', () => {
    const f = finding({ file: 'a,b:c.yaml', line: 3, endLine: 5, rule: 'r', message: '100% broken\nnext' })
    expect(annotationFor(f)).toBe('::error file=a%2Cb%3Ac.yaml,line=3,endLine=5,title=istio-compat r::100%25 broken%0Anext')
    expect(workflowCommand('notice', { file: 'x', line: undefined }, 'm')).toBe('::notice file=x::m')
  })

  it('emits at most 10 per level, preferring findings on added lines, and returns the rest', () => {
    const errors = Array.from({ length: 12 }, (_, i) => finding({ file: 'e.yaml', line: i + 1 }))
    const warnings = Array.from({ length: 3 }, (_, i) => finding({ file: 'w.yaml', line: i + 1, severity: 'warning' }))
    const muted = finding({ file: 'm.yaml', line: 1, suppressed: { reason: 'x', by: 'y' } })
    const plan = planAnnotations([...errors, ...warnings, muted], (f) => f.line === 12)
    expect(plan.commands).toHaveLength(13)
    expect(plan.commands[0]).toMatch(/^::error file=e\.yaml,line=12,/)
    expect(plan.overflow.map((f) => `${f.file}:${f.line}`)).toEqual(['e.yaml:10', 'e.yaml:11'])
    expect(plan.commands.filter((c) => c.startsWith('::warning'))).toHaveLength(3)
    expect(plan.annotated).not.toContain(muted)
  })
})

describe('SARIF', () => {
  it('describes rules and results the way upload-sarif expects', () => {
    const r = sample()
    const sarif = toSarif(r, { rules: [{ id: 'api-version-removed', description: 'API version removed.', defaultSeverity: 'error', fixable: true }], toolVersion: '0.1.0' }) as any
    expect(sarif.version).toBe('2.1.0')
    const run = sarif.runs[0]
    expect(run.tool.driver.name).toBe('istio-compat')
    expect(run.tool.driver.rules.map((x: any) => x.id)).toEqual(['api-version-removed', 'kind-note', 'mtls-mode', 'retry-default'])
    expect(run.tool.driver.rules[0]).toMatchObject({ shortDescription: { text: 'API version removed.' }, defaultConfiguration: { level: 'error' } })
    expect(run.tool.driver.rules[0].helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/api-version-removed\.md$/)
    const results = run.results
    expect(results).toHaveLength(4)
    expect(results[1]).toMatchObject({
      ruleId: 'mtls-mode',
      ruleIndex: 2,
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'mesh/unchanged.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, endLine: 8 } } }]
    })
    expect(results[2].level).toBe('note')
    expect(results[3].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: '.github/istio-compat.yml: known' }])
    expect(results[0].partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{16}$/)
    for (const res of results) expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId)
  })

  it('makes repository-relative URIs', () => {
    expect(artifactUri('./charts/my chart/values.yaml')).toBe('charts/my%20chart/values.yaml')
    expect(artifactUri('dir\\win.yaml')).toBe('dir/win.yaml')
  })
})

describe('JSON, text and markdown', () => {
  it('JSON report carries counts, fingerprints and plain data only', () => {
    const r = sample()
    const report = toJsonReport(r)
    expect(report.counts).toEqual({ errors: 1, warnings: 1, notices: 1, suppressed: 1, new: 3, existing: 0 })
    expect(report.findings[1]).toMatchObject({ file: 'mesh/unchanged.yaml', line: 7, endLine: 8, rule: 'mtls-mode' })
    expect(report.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(report.resources[2]).toEqual({ status: 'removed', key: 'Gateway//old|gw', kind: 'Gateway', name: 'old|gw', file: 'mesh/old.yaml', line: 1 })
    expect(JSON.parse(renderJson(r))).toEqual(JSON.parse(JSON.stringify(report)))
  })

  it('text has one line per finding with file:line and no terminal escapes', () => {
    const r = result({ findings: [finding({ file: 'a.yaml', line: 3, endLine: 4, message: 'bad \u001b[2J clear' }), finding({ file: 'a.yaml', line: 1, severity: 'notice', rule: 'n' })] })
    const lines = renderText(r).trimEnd().split('\n')
    expect(lines[0]).toBe('a.yaml:1: notice [n] A finding.')
    expect(lines[1]).toBe('a.yaml:3-4: error [api-version-removed] bad <U+001B>[2J clear')
    expect(lines[2]).toBe('Istio 1.26 -> 1.28: 1 error(s), 0 warning(s), 1 notice(s) in 1 YAML document(s)')
  })

  it('renderReport dispatches the CLI formats without a trailing newline', () => {
    const r = sample()
    expect(JSON.parse(renderReport(r, 'json')).counts.errors).toBe(1)
    expect(JSON.parse(renderReport(r, 'sarif')).version).toBe('2.1.0')
    expect(renderReport(r, 'text').split('\n')[0]).toBe('mesh/unchanged.yaml:7-8: warning [mtls-mode] Hostile <img src=x> @alice | `x`')
    expect(renderReport(r, 'markdown')).toMatch(/^### istio-compat/)
    expect(renderReport(r, 'text').endsWith('\n')).toBe(false)
  })

  it('markdown is the summary without the sticky marker', () => {
    const md = renderMarkdown(sample())
    expect(md).not.toContain(SUMMARY_MARKER)
    expect(md).toContain('| ⚠️ warning | `mesh/unchanged.yaml:7-8` |')
  })
})
