import { loadAll } from 'js-yaml'
import { BASE_STATE, HEAD_CHANGES, filesOf, finding } from '../__fixtures__/report.js'
import type { Finding } from '../src/model.js'
import { fingerprintMarker, fingerprintOf, isPostable, planReview, type ExistingReviewComment, type InlineComment, type ReviewPlanInput } from '../src/report/review.js'
import { textLines } from '../src/report/suggestion.js'
import { pullFromStates } from '../scripts/fake-github.mjs'

const pull = pullFromStates(BASE_STATE, HEAD_CHANGES)
const files = filesOf(pull)
const VS = 'mesh/virtualservice.yaml'
const DR = 'mesh/destinationrule.yaml'

function plan(findings: Finding[], extra: Partial<ReviewPlanInput> = {}) {
  return planReview({ findings, files, target: '1.28', suggestions: true, headText: (p) => pull.headText[p], ...extra })
}

/** Applies a comment's ```suggestion to the head text the way GitHub's "Commit suggestion" does. */
function applySuggestion(text: string, comment: InlineComment): string {
  const rows = comment.body.split('\n')
  const open = rows.findIndex((r) => /^`{3,}suggestion$/.test(r))
  if (open < 0) throw new Error('no suggestion block')
  const fence = rows[open]!.replace('suggestion', '')
  const close = rows.findIndex((r, i) => i > open && r === fence)
  const replacement = rows.slice(open + 1, close)
  const lines = textLines(text)
  lines.splice((comment.startLine ?? comment.line) - 1, comment.line - (comment.startLine ?? comment.line) + 1, ...replacement)
  return `${lines.join('\n')}\n`
}

describe('planReview: anchors', () => {
  it('the fixture diff has the hunks the tests rely on', () => {
    const vs = files.find((f) => f.path === VS)!
    expect([...vs.commentableLines.keys()]).toEqual([1, 2, 3, 4, 11, 12, 13, 14, 15, 16])
    expect([...vs.addedLines]).toEqual([1, 14, 15, 16])
    expect(vs.commentableLines.get(4)).toBe(0)
    expect(vs.commentableLines.get(11)).toBe(1)
  })

  it('comments a multi-line finding on its lines inside one hunk', () => {
    const f = finding({ file: VS, line: 14, endLine: 16, rule: 'retry-policy-changed', severity: 'warning', path: 'spec.http[0].retries' })
    const { post, offDiff } = plan([f])
    expect(offDiff).toEqual([])
    expect(post).toHaveLength(1)
    expect(post[0]).toMatchObject({ path: VS, startLine: 14, line: 16, suggestion: false })
    expect(isPostable(post[0]!, files.find((x) => x.path === VS))).toBe(true)
  })

  it('puts findings off the diff and in unchanged files into the summary', () => {
    const outside = finding({ file: VS, line: 7, rule: 'hosts' })
    const unchanged = finding({ file: 'mesh/unchanged.yaml', line: 1, rule: 'peer-auth' })
    const { post, offDiff } = plan([outside, unchanged])
    expect(post).toEqual([])
    expect(offDiff).toEqual([
      { finding: unchanged, reason: 'file not changed by this PR' },
      { finding: outside, reason: 'outside the diff' }
    ])
  })

  it('never spans two hunks: a range across hunks is cut to its first line', () => {
    const f = finding({ file: VS, line: 1, endLine: 16 })
    const [c] = plan([f]).post
    expect(c).toMatchObject({ path: VS, line: 1 })
    expect(c!.startLine).toBeUndefined()
  })

  it('anchors a block that starts outside the diff on the lines the PR changed inside it', () => {
    const f = finding({ file: VS, line: 6, endLine: 16, path: 'spec' })
    const [c] = plan([f]).post
    expect(c).toMatchObject({ path: VS, startLine: 11, line: 16 })
  })

  it('reports files without a patch as "diff not available"', () => {
    const noPatch = filesOf(pullFromStates(BASE_STATE, HEAD_CHANGES, { dropPatch: [VS] }))
    const f = finding({ file: VS, line: 1 })
    expect(plan([f], { files: noPatch }).offDiff).toEqual([{ finding: f, reason: 'diff not available' }])
  })

  it('keeps at most 30 inline comments, the most severe first; a notice on an error\'s line is moot', () => {
    const notices = Array.from({ length: 25 }, (_, i) => finding({ file: DR, line: (i % 10) + 1, severity: 'notice', rule: `notice-${i}` }))
    const errors = Array.from({ length: 10 }, (_, i) => finding({ file: DR, line: i + 1, severity: 'error', rule: `error-${i}` }))
    const { post, offDiff } = plan([...notices, ...errors], { maxInline: 8 })
    expect(post).toHaveLength(8)
    expect(post.every((c) => c.finding.severity === 'error')).toBe(true)
    expect(offDiff.filter((o) => o.reason === 'inline comment limit reached')).toHaveLength(27)
    const roomy = plan([...notices, ...errors])
    expect(roomy.post).toHaveLength(10)
    expect(roomy.offDiff.filter((o) => o.reason === 'a more severe finding is commented on the same line')).toHaveLength(25)
  })

  it('comments at most maxPerGroup identical findings (rule + message), and never findings already on the base or PR-level ones', () => {
    const same = Array.from({ length: 10 }, (_, i) => finding({ file: DR, line: i + 1, rule: 'same', message: 'Same thing.' }))
    const { post, offDiff } = plan(same, { maxPerGroup: 3 })
    expect(post.map((c) => `${c.path}:${c.line}`)).toEqual([`${DR}:1`, `${DR}:2`, `${DR}:3`])
    expect(offDiff.map((o) => o.reason)).toEqual(Array(7).fill('already commented on identical findings'))
    const old = finding({ file: DR, line: 1, baselineState: 'unchanged' })
    const k8s = finding({ file: DR, line: 1, rule: 'kubernetes-version-unsupported' })
    expect(plan([old, k8s])).toMatchObject({ post: [], offDiff: [] })
  })

  it('a 20,000-character manifest value keeps the comment small and the suggestion out if it would not fit', () => {
    const long = 'x'.repeat(20_000)
    const f = finding({ file: DR, line: 1, path: `spec.${long}`, message: `spec.${long} is not a field of DestinationRule.`, resource: { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', name: long } })
    const [c] = plan([f]).post
    expect(c!.body.length).toBeLessThan(3_000)
    expect(c!.body).toContain(' is not a field of DestinationRule.')
    const huge = finding({ file: DR, line: 1, rule: 'huge', fix: { description: 'Replace it.', edits: [{ startLine: 1, endLine: 1, replacement: `apiVersion: ${'y'.repeat(70_000)}` }] } })
    const [h] = plan([huge]).post
    expect(h!.suggestion).toBe(false)
    expect(h!.body.length).toBeLessThan(65_536)
  })

  it('never comments suppressed findings', () => {
    const f = finding({ file: DR, line: 1, suppressed: { reason: 'accepted risk', by: '.github/istio-compat.yml' } })
    expect(plan([f])).toMatchObject({ post: [], offDiff: [] })
  })
})

describe('planReview: suggestions', () => {
  const apiVersionFix = (line: number, replacement: string) =>
    finding({ file: VS, line, rule: 'api-version-removed', fix: { description: 'Use networking.istio.io/v1.', edits: [{ startLine: line, endLine: line, replacement }] } })

  it('attaches a suggestion covering exactly the edited line, and it leaves valid YAML', () => {
    const f = apiVersionFix(1, 'apiVersion: networking.istio.io/v1')
    const [c] = plan([f]).post
    expect(c).toMatchObject({ path: VS, line: 1, suggestion: true })
    expect(c!.startLine).toBeUndefined()
    expect(c!.body).toContain('```suggestion\napiVersion: networking.istio.io/v1\n```')
    const fixed = applySuggestion(pull.headText[VS]!, c!)
    const [vs] = loadAll(fixed) as { apiVersion: string; spec: { http: unknown[] } }[]
    expect(vs!.apiVersion).toBe('networking.istio.io/v1')
    expect(vs!.spec.http).toHaveLength(1)
  })

  it('merges several edits of one hunk into one suggestion that keeps the lines between them', () => {
    const f = finding({
      file: VS,
      line: 14,
      endLine: 16,
      rule: 'retry-on-renamed',
      fix: {
        description: 'Lower attempts and drop reset.',
        edits: [
          { startLine: 14, endLine: 14, replacement: '    retries: # tuned' },
          { startLine: 16, endLine: 16, replacement: '      retryOn: "5xx"' }
        ]
      }
    })
    const [c] = plan([f]).post
    expect(c).toMatchObject({ startLine: 14, line: 16, suggestion: true })
    const fixed = applySuggestion(pull.headText[VS]!, c!)
    const [vs] = loadAll(fixed) as { spec: { http: { retries: { attempts: number; retryOn: string } }[] } }[]
    expect(vs!.spec.http[0]!.retries).toEqual({ attempts: 3, retryOn: '5xx' })
  })

  it('lengthens the fence when the replacement holds backticks, and the YAML still parses', () => {
    const f = finding({ file: VS, line: 16, fix: { description: 'Quote it.', edits: [{ startLine: 16, endLine: 16, replacement: '      retryOn: "```5xx```"' }] } })
    const [c] = plan([f]).post
    expect(c!.body).toContain('````suggestion\n      retryOn: "```5xx```"\n````')
    const [vs] = loadAll(applySuggestion(pull.headText[VS]!, c!)) as { spec: { http: { retries: { retryOn: string } }[] } }[]
    expect(vs!.spec.http[0]!.retries.retryOn).toBe('```5xx```')
  })

  it('gives no suggestion when the edit leaves the hunk, changes nothing, or suggestions are off', () => {
    const crossing = finding({ file: VS, line: 4, fix: { description: 'x', edits: [{ startLine: 4, endLine: 11, replacement: 'a: 1' }] } })
    const noop = apiVersionFix(1, 'apiVersion: networking.istio.io/v1alpha3')
    const { post } = plan([crossing, noop])
    expect(post.map((c) => [c.line, c.suggestion])).toEqual([[1, false], [4, false]])
    expect(plan([apiVersionFix(1, 'apiVersion: networking.istio.io/v1')], { suggestions: false }).post[0]!.suggestion).toBe(false)
    expect(post.every((c) => !c.body.includes('```suggestion'))).toBe(true)
  })

  it('deletes lines with an empty suggestion block', () => {
    const f = finding({ file: VS, line: 14, endLine: 16, fix: { description: 'Remove retries.', edits: [{ startLine: 14, endLine: 16, replacement: '' }] } })
    const [c] = plan([f]).post
    expect(c!.body).toContain('```suggestion\n```')
    const [vs] = loadAll(applySuggestion(pull.headText[VS]!, c!)) as { spec: { http: Record<string, unknown>[] } }[]
    expect(Object.keys(vs!.spec.http[0]!)).toEqual(['route'])
  })
})

describe('planReview: re-runs', () => {
  const f = finding({ file: VS, line: 1, rule: 'api-version-removed', message: 'networking.istio.io/v1alpha3 is not served by Istio 1.28.' })
  const first = plan([f]).post[0]!
  const bot = { login: 'github-actions[bot]', type: 'Bot' }
  const isOwn = (c: ExistingReviewComment) => fingerprintOf(c.body) !== undefined && c.user?.login === bot.login

  it('keeps a comment that is already there', () => {
    const existing: ExistingReviewComment[] = [{ id: 1, body: first.body, path: VS, line: 1, start_line: null, user: bot }]
    const p = plan([f], { existing, isOwn })
    expect(p.post).toEqual([])
    expect(p.keep.map((k) => [k.existingId, k.comment.path, k.comment.line])).toEqual([[1, VS, 1]])
    expect(p.remove).toEqual([])
  })

  it('removes our outdated comments, keeps those with replies, and ignores other people', () => {
    const stale = `Old text\n\n${fingerprintMarker('0123456789abcdef')}`
    const existing: ExistingReviewComment[] = [
      { id: 1, body: first.body, path: VS, line: null, start_line: null, user: bot }, // outdated by a push
      { id: 2, body: stale, path: VS, line: 12, user: bot },
      { id: 3, body: stale, path: VS, line: 13, user: bot },
      { id: 4, body: 'I disagree', path: VS, line: 13, in_reply_to_id: 3, user: { login: 'alice', type: 'User' } },
      { id: 5, body: `copied ${fingerprintMarker('0123456789abcdef')}`, path: VS, line: 2, user: { login: 'alice', type: 'User' } }
    ]
    const p = plan([f], { existing, isOwn })
    expect(p.post.map((c) => [c.path, c.line])).toEqual([[VS, 1]])
    expect(p.remove).toEqual([1, 2])
    expect(p.keepWithReplies).toEqual([3])
  })

  it('fingerprints ignore the line, so a moved finding is recognised', () => {
    expect(fingerprintOf(first.body)).toBe(fingerprintOf(plan([{ ...f, line: 2 }]).post[0]!.body))
    expect(fingerprintOf('text <!-- istio-compat:fp=0123456789abcdef --> more')).toBeUndefined()
  })
})
