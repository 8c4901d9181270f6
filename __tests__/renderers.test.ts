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
  const links = { serverUrl: 'https://github.com', repository: 'octo/mesh', headSha: 'b'.repeat(40), pullNumber: 7 }

  it('leads with the verdict, lists findings by severity with every place a link, and folds the rest', () => {
    const r = sample()
    const md = renderSummary(r, { marker: true, inline: new Set([r.findings[0]!]), offDiff: new Map([[r.findings[1]!, 'file not changed by this PR']]), links: { ...links, threads: new Map([[r.findings[0]!, 'https://github.com/octo/mesh/pull/7/files#diff-x']]) } })
    expect(md.startsWith(`${SUMMARY_MARKER}\n### ❌ istio-compat: 1 error blocks the upgrade to Istio 1.28\n`)).toBe(true)
    expect(md).toContain(`**1 error**, 1 warning, 1 notice in 4 YAML documents (1 suppressed) · checked at [\`bbbbbbb\`](https://github.com/octo/mesh/commit/${'b'.repeat(40)})`)
    expect(md).toContain('Target: Istio 1.28 (input) · from: Istio 1.26, read from [`charts/istio/Chart.yaml:9`](https://github.com/octo/mesh/blob/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/charts/istio/Chart.yaml#L9)')
    // Errors open, the inline one linked to its thread; the warning folded with a permalink to its lines.
    expect(md).toContain('#### 🛑 1 error\n\n- [`mesh/virtualservice.yaml:1`](https://github.com/octo/mesh/pull/7/files#diff-x) 💬 · [`api-version-removed`]')
    expect(md).toContain('<details><summary>⚠️ 1 warning</summary>\n\n- [`mesh/unchanged.yaml:7-8`](https://github.com/octo/mesh/blob/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/mesh/unchanged.yaml#L7-L8) · [`mtls-mode`]')
    expect(md).toContain('· _file not changed by this PR_')
    expect(md).toContain('1 suppressed finding (not gating)')
    expect(md).toContain('[`charts/istio/templates/gw.yaml`](https://github.com/octo/mesh/blob/')
    // No table anywhere.
    expect(md).not.toMatch(/^\|/m)
    // The hostile message is inert: no HTML, no mention, no code span escaping its text.
    expect(md).not.toContain('<img')
    expect(md).not.toMatch(/@alice/)
    expect(md).toContain('Hostile &lt;img src=x&gt; @\u200Dalice \\| \\`x\\`')
  })

  it('lists only mesh resources and resources with a finding, naturally sorted', () => {
    const mesh = (file: string, kind: string, name: string) => ({ ...doc(file, 1, kind, name, 'shop'), family: 'istio' as const })
    const resources = [
      resourceChange('added', mesh('a/svc-10.yaml', 'DestinationRule', 'svc-10')),
      resourceChange('added', mesh('a/svc-2.yaml', 'DestinationRule', 'svc-2')),
      resourceChange('changed', { ...doc('a/cm.yaml', 1, 'ConfigMap', 'plain'), family: undefined }),
      resourceChange('removed', mesh('a/old.yaml', 'Gateway', 'old|gw'))
    ]
    const md = renderSummary(result({ resources }))
    expect(md).toContain('Istio resources in this change: 2 added, 1 removed')
    expect(md.indexOf('`shop/svc-2`')).toBeLessThan(md.indexOf('`shop/svc-10`'))
    expect(md).not.toContain('plain')
    expect(md).toContain('- removed Gateway `shop/old|gw` · `a/old.yaml:1`')
    // Long lists become counts by kind.
    const many = Array.from({ length: 40 }, (_, i) => resourceChange('added', mesh(`b/dr-${i}.yaml`, 'DestinationRule', `dr-${i}`)))
    expect(renderSummary(result({ resources: many }))).toContain('- DestinationRule: 40 added')
  })

  it('lists files that a config entry checked against other releases', () => {
    const md = renderSummary(
      result({ targetsByFile: { 'clusters/canary/vs.yaml': { target: { release: parseRelease('1.29'), origin: '.github/istio-compat.yml:7 (targets)' } } } })
    )
    expect(md).toContain('1 file checked against other releases (config targets)')
    expect(md).toContain('- `clusters/canary/vs.yaml`: Istio 1.29 (')
  })

  it('says so when the PR bumps the Istio version and when nothing was found', () => {
    const md = renderSummary(result({ versionBump: true, from: undefined }))
    expect(md).toContain('### ✅ istio-compat: compatible with Istio 1.28')
    expect(md).toContain('No new findings in 1 YAML document')
    expect(md).not.toContain('0 error')
    expect(md).toContain('This PR changes the Istio version, so every manifest in the repository was checked')
    expect(md).toContain('from: not known')
  })

  it('stays under GitHub\'s 65,536 characters with thousands of findings, keeps findings before details, and says what it left out', () => {
    const findings = Array.from({ length: 3000 }, (_, i) => finding({ file: `mesh/f${i}.yaml`, line: i + 1, message: `Finding number ${i} with some words to take room.` }))
    const md = renderSummary(result({ findings }), { marker: true, maxLength: SUMMARY_BUDGET })
    expect(md.length).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(md.length).toBeLessThan(MAX_COMMENT_LENGTH)
    const shown = md.split('\n').filter((l) => l.startsWith('- `mesh/f')).length
    expect(shown).toBeGreaterThan(100)
    expect(md).toContain(`- _… and ${3000 - shown} more findings, left out`)
    expect(md).toContain('`mesh/f0.yaml:1`')
  })

  it('a 20,000-character manifest value costs neither the summary nor its findings; bytes are counted for the step summary', () => {
    const long = 'x'.repeat(20_000)
    const findings = Array.from({ length: 40 }, (_, i) => finding({ file: `m/${i}.yaml`, line: 1, path: `spec.${long}`, message: `spec.${long} is not a field, ü ${i}.` }))
    const md = renderSummary(result({ findings }), { marker: true, maxLength: SUMMARY_BUDGET })
    expect(md.length).toBeLessThanOrEqual(SUMMARY_BUDGET)
    expect(md.split('\n').filter((l) => l.startsWith('- `m/')).length).toBe(40)
    const bytes = renderSummary(result({ findings: Array.from({ length: 2000 }, (_, i) => finding({ file: `m/${i}.yaml`, line: 1, message: `Ünïcödé ${'ü'.repeat(300)} ${i}` })) }), { maxLength: 200_000, measure: 'bytes' })
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(200_000)
  })

  it('puts findings the PR did not cause in their own folded part, out of the verdict', () => {
    const fresh = finding({ file: 'a.yaml', line: 1, rule: 'r1', message: 'New one.', baselineState: 'new' })
    const old = finding({ file: 'b.yaml', line: 2, rule: 'r2', message: 'Old one.', baselineState: 'unchanged' })
    const md = renderSummary(result({ findings: [fresh, old] }))
    expect(md).toContain('### ❌ istio-compat: 1 error blocks the upgrade to Istio 1.28')
    expect(md).toContain('**1 error** in 1 YAML document (1 already there before this PR)')
    expect(md).toContain('<details><summary>1 finding already there before this PR (not gating)</summary>\n\n- `b.yaml:2` · [`r2`]')
    const onlyOld = renderSummary(result({ findings: [old] }))
    expect(onlyOld).toContain('### ✅ istio-compat: ready for the upgrade to Istio 1.28')
  })

  it('puts PR-level findings (the cluster\'s Kubernetes version) under the headline, not on a line of a file', () => {
    const k8s = finding({ file: 'clusters/prod/istio.yaml', line: 1, rule: 'kubernetes-version-unsupported', message: 'Istio 1.28 supports Kubernetes 1.29 to 1.33; the cluster runs 1.27.', source: 'https://istio.io/latest/docs/releases/supported-releases/' })
    const md = renderSummary(result({ findings: [k8s] }), { links })
    const [head] = md.split('#### ')
    expect(head).toContain('- 🛑 Istio 1.28 supports Kubernetes 1.29 to 1.33; the cluster runs 1.27. · [`kubernetes-version-unsupported`]')
    expect(head).toContain('[istio.io › Supported releases](https://istio.io/latest/docs/releases/supported-releases/)')
    expect(md).not.toContain('clusters/prod/istio.yaml:1')
  })
})

describe('annotations', () => {
  it('formats workflow commands with escaped properties and data', () => {
    const f = finding({ file: 'a,b:c.yaml', line: 3, endLine: 5, rule: 'r', message: '100% broken\nnext' })
    expect(annotationFor(f)).toBe('::error file=a%2Cb%3Ac.yaml,line=3,endLine=5,title=istio-compat r::100%25 broken%0Anext')
    expect(workflowCommand('notice', { file: 'x', line: undefined }, 'm')).toBe('::notice file=x::m')
  })

  it('keeps a slot for the gate\'s own error, annotates PR-level findings without a file, skips findings already on the base', () => {
    const errors = Array.from({ length: 12 }, (_, i) => finding({ file: 'e.yaml', line: i + 1 }))
    const plan = planAnnotations(errors, { reserve: { error: 1 } })
    expect(plan.commands).toHaveLength(9)
    expect(plan.overflow).toHaveLength(3)
    const k8s = finding({ file: 'x.yaml', line: 1, rule: 'kubernetes-version-unsupported', message: 'Too old.' })
    expect(annotationFor(k8s)).toBe('::error title=istio-compat kubernetes-version-unsupported::Too old.')
    expect(planAnnotations([finding({ file: 'o.yaml', line: 1, baselineState: 'unchanged' })]).commands).toEqual([])
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
    expect(renderReport(r, 'markdown')).toMatch(/^### ❌ istio-compat/)
    expect(renderReport(r, 'text').endsWith('\n')).toBe(false)
  })

  it('markdown is the summary without the sticky marker', () => {
    const md = renderMarkdown(sample())
    expect(md).not.toContain(SUMMARY_MARKER)
    expect(md).toContain('- `mesh/unchanged.yaml:7-8` · [`mtls-mode`]')
  })
})
