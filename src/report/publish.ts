// Sends a run's findings to the PR: one review with inline comments, one sticky summary comment, and the
// job step summary; falls back to workflow annotations when the token cannot write. Never fails the run.
import type { ChangedFile } from '../changes/types.js'
import { retrySettingsOf, type GitHubClient, type Log } from '../github/client.js'
import {
  ACTIONS_BOT_LOGIN,
  askLogin,
  headShaOf,
  httpStatus,
  isPermissionError,
  listIssueComments,
  listPullFiles,
  listReviewComments,
  type IssueComment,
  type PullRef,
  type TokenKind
} from '../github/pulls.js'
import type { Finding, Severity } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { planAnnotations } from './annotations.js'
import { codeSpan } from './escape.js'
import { commitUrl, diffLineUrl, type LinkContext } from './links.js'
import { fingerprintOf, isPostable, planReview, sameBody, type ExistingReviewComment, type InlineComment, type OffDiffReason, type ReviewPlan } from './review.js'
import { isPrLevel, renderSummary, SUMMARY_BUDGET, SUMMARY_MARKER, verdictOf } from './summary.js'
import { actionsWorkflowOutput, STEP_SUMMARY_BUDGET, type WorkflowOutput } from './workflow.js'

export type CommentMode = 'review' | 'summary' | 'off'

export interface PublishOptions {
  /** `review`: inline review + sticky summary; `summary`: sticky summary only; `off`: annotations + step summary. */
  mode: CommentMode
  /** Attach ```suggestion blocks where a fix can be applied exactly. */
  suggestions: boolean
  owner: string
  repo: string
  /** Undefined outside a pull request (push, merge_group): annotations and step summary only. */
  pullNumber?: number
  /** Absent without a token: annotations and the step summary only. */
  octokit?: GitHubClient
  /** The head version of a file (for suggestions and the YAML lines under off-diff findings); undefined when not available. */
  headText(path: string): string | undefined
  log: Log
  /** The token cannot write (fork PR under `pull_request`): do not try, go to annotations. */
  readOnly?: boolean
  /**
   * The login our comments are posted as, when the workflow says so (the `app-slug` input: `<slug>[bot]`).
   * Otherwise it is learned: see `tokenKind`, and a comment this run creates tells it for the rest of the run.
   */
  login?: string
  /**
   * `installation` (a `ghs_` token: the GITHUB_TOKEN, or a GitHub App's) posts as a bot: `github-actions[bot]`
   * is presumed, and GraphQL `viewer` is asked only when another bot's comment carries our marker (it may be
   * our app's, or a bot quoting us); people's comments are never ours. `user` (a PAT) asks whenever a marked
   * comment exists. Unknown: asks when a marked comment is by anyone but `github-actions[bot]`.
   */
  tokenKind?: TokenKind
  /** Where annotations and the step summary go; default: stdout and $GITHUB_STEP_SUMMARY. */
  workflow?: WorkflowOutput
  /** The gate's threshold: the verdict says what blocks. Default 'error'. */
  failOn?: Severity | 'never'
  /** The gate will fail the step: an error annotation slot is kept for its own `::error::`. */
  gateFails?: boolean
  /** Inline comments per run (default 30). */
  maxInline?: number
  /** Inline comments per rule + message (default 5). */
  maxPerGroup?: number
  /** Server, repository and run of the links (default: from the Actions environment). */
  links?: LinkContext
}

export interface PublishOutcome {
  /** Where the findings ended up. */
  channel: 'review' | 'summary' | 'annotations'
  /** Why the findings went to annotations instead of the PR, if they did. */
  fallback?: string
  /** The review created by this run, if one was. */
  reviewId?: number
  inline: {
    posted: number
    /** Comments of an earlier run that still apply and were left in place. */
    kept: number
    /** Our outdated comments deleted by this run. */
    removed: number
    /** GitHub's message when it rejected inline comments (422); those went to the summary. */
    rejected?: string
    /** Comments that GitHub refused even alone (found by probing after a second 422). */
    dropped?: number
  }
  /** Earlier reviews of ours whose body this run marked as superseded. */
  superseded?: number
  /** True when the PR's file list was read to learn which lines GitHub accepts (a checkout's diff can differ). */
  fileListRead?: boolean
  summaryComment?: { id: number; action: 'created' | 'updated' | 'unchanged' }
  /** Workflow-command annotations written. */
  annotations: number
  /** True when the step summary was written. */
  stepSummary: boolean
}

/** Per-request option that turns plugin-retry off (creates retry by hand, see createOnce). */
const NO_AUTOMATIC_RETRY = { retries: 0 }

/** The hidden marker of our review bodies. */
export const REVIEW_MARKER = '<!-- istio-compat:review -->'
/** In our summary comment: the reviews of ours whose body already says they are superseded. */
const SUPERSEDED_MARKER = /^<!-- istio-compat:superseded=([\d,]*) -->$/m
/** Keep the list bounded: a PR with hundreds of runs only needs the latest ids. */
const SUPERSEDED_KEPT = 50

/**
 * GitHub may leave a file's `patch` out of the file list ("large diffs"; no threshold is documented, seen at
 * about 2,000 changed lines) and then rejects any comment on it. A checkout's git diff does not know that, so
 * the file list is read before posting when a file to comment on has a diff at least this long.
 */
export const LARGE_DIFF_LINES = 400
/** Pending-review probes after a second 422, to find the comments GitHub accepts. */
const MAX_PROBES = 16

/** Our sticky summary comment carries the marker first (a BOM before it is tolerated). */
function isSummaryComment(c: IssueComment): boolean {
  return c.body.replace(/^\uFEFF/, '').startsWith(SUMMARY_MARKER)
}

/** The author fields, from a review as the API returns it. */
function authorOf(user: { login: string; type?: string } | null | undefined): { login: string; type?: string } | null {
  return user ? { login: user.login, type: user.type } : null
}

function errorText(error: unknown): string {
  const status = httpStatus(error)
  const message = error instanceof Error ? error.message : String(error)
  return `${status ? `HTTP ${status}: ` : ''}${message.split('\n')[0]}`
}

function versions(result: AnalysisResult): string {
  return result.from ? `Istio ${result.from.release.version} → ${result.target.release.version}` : `Istio ${result.target.release.version}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

interface ReviewState {
  inline: Set<Finding>
  offDiff: Map<Finding, OffDiffReason>
  notes: string[]
  threads: Map<Finding, string>
}

function reviewComment(c: InlineComment) {
  return {
    path: c.path,
    body: c.body,
    line: c.line,
    side: 'RIGHT' as const,
    ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {})
  }
}

class Publisher {
  readonly outcome: PublishOutcome = { channel: 'annotations', inline: { posted: 0, kept: 0, removed: 0 }, annotations: 0, stepSummary: false }
  private readonly workflow: WorkflowOutput
  private readonly pull: PullRef | undefined
  private files: Map<string, ChangedFile>
  private fileList: ChangedFile[] | undefined
  private readonly links: LinkContext
  /** Our sticky summary comment once this run found, created or updated it. */
  private sticky: IssueComment | undefined

  constructor(
    private readonly result: AnalysisResult,
    private readonly opts: PublishOptions
  ) {
    this.workflow = opts.workflow ?? actionsWorkflowOutput()
    this.pull = opts.pullNumber === undefined ? undefined : { owner: opts.owner, repo: opts.repo, pullNumber: opts.pullNumber }
    this.files = new Map(result.changes.files.map((f) => [f.path, f]))
    const headSha = result.changes.headSha
    const baseSha = result.changes.source === 'github' || result.changes.source === 'git' ? result.changes.baseRef : undefined
    this.links = {
      repository: `${opts.owner}/${opts.repo}`,
      ...(opts.links ?? {}),
      ...(headSha ? { headSha } : {}),
      ...(baseSha && /^[0-9a-f]{40}$/.test(baseSha) ? { baseSha } : {}),
      ...(opts.pullNumber !== undefined ? { pullNumber: opts.pullNumber } : {})
    }
  }

  /** Who we are, once known for sure (the `login` option, GitHub's answer, or the author of a comment we created). */
  private confirmed: string | undefined
  private asking: Promise<string | undefined> | undefined
  private unconfirmedWarned = false

  /** The login our comments are matched by now: the confirmed one, else the GITHUB_TOKEN's bot. */
  private get login(): string {
    return this.confirmed ?? this.opts.login ?? ACTIONS_BOT_LOGIN
  }

  /**
   * The login our comments are posted as, given the authors of the comments that carry our marker. A GITHUB_TOKEN
   * posts as github-actions[bot], which is presumed without a request, so the common re-run costs nothing; the
   * question (GraphQL `viewer`, which installation tokens may ask, unlike `GET /user`) is put only when a marked
   * comment's author could be us and is not that bot: a GitHub App's bot for an installation token (our app,
   * or another bot quoting our marker: the answer tells them apart), a person for a PAT. Asked once per run.
   */
  private async whoAmI(authors: Iterable<{ login: string; type?: string } | null> = []): Promise<string> {
    if (this.confirmed || this.opts.login) return this.login
    const kind = this.opts.tokenKind
    const list = [...authors].filter((a): a is { login: string; type?: string } => a !== null)
    const couldBeUs = (a: { login: string; type?: string }) =>
      kind === 'user' ? true : a.login !== ACTIONS_BOT_LOGIN && (kind !== 'installation' || a.type === 'Bot')
    if (!list.some(couldBeUs)) return this.login
    this.asking ??= askLogin(this.client, kind)
    const answer = await this.asking
    if (answer) this.confirmed ??= answer
    else if (!this.unconfirmedWarned) {
      this.unconfirmedWarned = true
      this.opts.log.warning(
        `Could not learn which account this token posts as; comments carrying the istio-compat marker are taken as ours only when they are ${this.login}'s. With a GitHub App's token, set the app-slug input.`
      )
    }
    return this.login
  }

  /** The author of something this run created is us, whatever was presumed before. */
  private learn(user: { login?: string } | null | undefined): void {
    const login = user?.login
    if (!login || login === this.confirmed) return
    if (this.login !== login && (this.opts.login || this.presumedOwn)) {
      this.opts.log.warning(
        this.opts.login
          ? `Comments are posted as ${login}, not ${this.opts.login} as the app-slug input says; ${login} is used from now on.`
          : `Comments are posted as ${login}; earlier comments of ${this.login} carrying the istio-compat marker were taken as ours in this run. With a GitHub App's token, set the app-slug input.`
      )
    }
    this.confirmed = login
  }

  /** True once a marked comment was matched to a presumed (unconfirmed) identity. */
  private presumedOwn = false

  /** Only reached after run() checked that a client exists. */
  private get client(): GitHubClient {
    if (!this.opts.octokit) throw new Error('no GitHub client')
    return this.opts.octokit
  }

  private summaryOptions(state: ReviewState | undefined, notes: string[]) {
    const headSha = this.result.changes.headSha
    return {
      ...(state ? { inline: state.inline, offDiff: state.offDiff } : {}),
      notes,
      ...(headSha ? { headSha } : {}),
      links: { ...this.links, ...(state ? { threads: state.threads } : {}) },
      fileText: (path: string) => this.opts.headText(path),
      failOn: this.opts.failOn ?? 'error'
    }
  }

  async run(): Promise<PublishOutcome> {
    if (this.opts.mode === 'off') return this.toWorkflow(undefined, [])
    if (!this.pull) return this.toWorkflow('This run is not for a pull request, so the findings are shown as annotations.', [])
    if (this.opts.readOnly) {
      return this.toWorkflow('The token cannot write to this pull request (a pull request from a fork), so the findings are shown as annotations.', [])
    }
    if (!this.opts.octokit) return this.toWorkflow('No github-token was given, so the findings are shown as annotations.', [])
    let state: ReviewState | undefined
    try {
      if (this.opts.mode === 'review') state = await this.review(this.pull)
      else await this.upsertSummary(this.pull, () => renderSummary(this.result, { ...this.summaryOptions(undefined, []), marker: true, maxLength: SUMMARY_BUDGET - 200 }), undefined, [])
      this.outcome.channel = this.opts.mode === 'review' ? 'review' : 'summary'
      const notes = state?.notes ?? []
      // Findings outside the diff also go to the Checks tab with file and line.
      if (state) for (const note of this.annotate((f) => !state!.inline.has(f))) notes.push(note)
      const step = renderSummary(this.result, { ...this.summaryOptions(state, notes), maxLength: STEP_SUMMARY_BUDGET, measure: 'bytes' })
      this.outcome.stepSummary = this.workflow.stepSummary(step)
      return this.outcome
    } catch (error) {
      const why = isPermissionError(error)
        ? `GitHub refused to write to the pull request (${errorText(error)}); the token needs pull-requests: write. The findings are shown as annotations.`
        : `Posting to the pull request failed (${errorText(error)}). The findings are shown as annotations.`
      this.opts.log.warning(why)
      return this.toWorkflow(why, state?.notes ?? [])
    }
  }

  /** Reads the PR's file list (GitHub's own view of the diff) once; replaces the checkout's. */
  private async readFileList(pull: PullRef): Promise<void> {
    if (this.fileList) return
    this.fileList = await listPullFiles(this.client, pull, this.opts.log)
    this.outcome.fileListRead = true
    this.files = new Map(this.fileList.map((f) => [f.path, f]))
  }

  private plan(existing: readonly ExistingReviewComment[], isOwn: (c: ExistingReviewComment) => boolean): ReviewPlan {
    return planReview({
      findings: this.result.findings,
      files: [...this.files.values()],
      target: this.result.target.release.version,
      suggestions: this.opts.suggestions,
      headText: this.opts.headText,
      existing,
      isOwn,
      ...(this.opts.maxInline !== undefined ? { maxInline: this.opts.maxInline } : {}),
      ...(this.opts.maxPerGroup !== undefined ? { maxPerGroup: this.opts.maxPerGroup } : {})
    })
  }

  /** A checkout's diff says nothing about which patches GitHub leaves out: large ones are checked first. */
  private needsFileList(plan: ReviewPlan): boolean {
    if (this.fileList || this.result.changes.source === 'github') return false
    return plan.post.some((c) => (this.files.get(c.path)?.commentableLines.size ?? 0) >= LARGE_DIFF_LINES)
  }

  /** Plans and sends the review, the summary and the supersession of our earlier reviews; deletes our outdated comments. */
  private async review(pull: PullRef): Promise<ReviewState> {
    const octokit = this.client
    const existing = await listReviewComments(octokit, pull)
    const issueComments = await listIssueComments(octokit, pull)
    const marked = existing.filter((c) => fingerprintOf(c.body) !== undefined)
    const markedSummaries = issueComments.filter(isSummaryComment)
    if (marked.length + markedSummaries.length > 0) await this.whoAmI([...marked, ...markedSummaries].map((c) => c.user))
    // Fixed for the plan: what this run creates later cannot make an earlier comment ours or not.
    const login = this.login
    const isOwn = (c: { body: string; user: { login: string } | null }) => c.user?.login === login
    const ownComment = (c: ExistingReviewComment) => fingerprintOf(c.body) !== undefined && isOwn(c)
    if (!this.confirmed && !this.opts.login && (marked.some(isOwn) || markedSummaries.some(isOwn))) this.presumedOwn = true
    const threadOf = new Map(existing.flatMap((c) => (c.html_url ? [[c.id, c.html_url] as const] : [])))

    let plan = this.plan(existing, ownComment)
    if (this.needsFileList(plan)) {
      await this.readFileList(pull)
      plan = this.plan(existing, ownComment)
    }
    const state: ReviewState = { inline: new Set(), offDiff: new Map(plan.offDiff.map((o) => [o.finding, o.reason])), notes: [], threads: new Map() }
    // Last line of defence against the all-or-nothing 422: never send a line outside one hunk.
    let post = this.postable(plan.post, state)
    // A kept comment's thread is where GitHub says it is: the same address on every run (a re-run writes nothing).
    const keepThreads = () => {
      for (const k of plan.keep) {
        state.inline.add(k.comment.finding)
        const thread = threadOf.get(k.existingId) ?? diffLineUrl(this.links, k.comment.path, k.comment.line)
        if (thread) state.threads.set(k.comment.finding, thread)
      }
    }
    keepThreads()
    // A new comment's thread address exists only once GitHub made it; until then, its line on "Files changed".
    const planned = (comments: readonly InlineComment[]) => {
      for (const c of comments) {
        state.inline.add(c.finding)
        const thread = diffLineUrl(this.links, c.path, c.line)
        if (thread) state.threads.set(c.finding, thread)
      }
    }
    planned(post)

    // Our earlier reviews: those our comments belong to; the sticky summary remembers which already say they are superseded.
    const ownSummaries = markedSummaries.filter(isOwn)
    const superseded = new Set((SUPERSEDED_MARKER.exec(ownSummaries[0]?.body ?? '')?.[1] ?? '').split(',').filter(Boolean).map(Number))
    const earlier = [...new Set(existing.filter(ownComment).flatMap((c) => (c.review_id ? [c.review_id] : [])))].filter((id) => !superseded.has(id))
    const willSupersede = post.length > 0 || plan.remove.length > 0 ? earlier : []
    const supersededAfter = [...superseded, ...willSupersede].slice(-SUPERSEDED_KEPT)

    const summaryBody = () => renderSummary(this.result, { ...this.summaryOptions(state, state.notes), marker: true, maxLength: SUMMARY_BUDGET - 200 })
    // The review body links the summary, and the summary links the review's threads, whose addresses exist only
    // once the review does. With our summary already there (a re-run), the review goes first and the summary is
    // written once; on a first run the summary goes first and is updated with the threads' links.
    const existingSticky = post.length > 0 ? ownSummaries.find((c) => c.html_url) : undefined
    let summaryUrl = existingSticky?.html_url
    let summaryWritten = false
    if (!existingSticky) {
      summaryUrl = await this.upsertSummary(pull, () => summaryBody(), issueComments, supersededAfter)
      summaryWritten = true
    }

    if (post.length > 0) {
      const outcome = await this.createReview(pull, post, summaryUrl, plan)
      post = outcome.posted
      if (outcome.changed) {
        // What GitHub took differs from the plan: the summary says where the rest went.
        state.inline = new Set()
        state.threads = new Map()
        keepThreads()
        planned(post)
        for (const c of outcome.refused) state.offDiff.set(c.finding, c.reason)
        for (const note of outcome.notes) state.notes.push(note)
      }
      const linked = post.length > 0 ? await this.linkNewThreads(pull, post, state) : false
      if (!summaryWritten) await this.upsertSummary(pull, () => summaryBody(), issueComments, supersededAfter)
      else if (outcome.changed || linked) {
        try {
          await this.upsertSummary(pull, () => summaryBody(), undefined, supersededAfter)
        } catch (error) {
          // The review is out and the summary exists: a summary with older links is no reason to give up the run.
          if (outcome.changed) throw error
          this.opts.log.warning(`Could not put the inline threads' links into the summary comment (${errorText(error)}).`)
        }
      }
    }
    this.outcome.inline.kept = plan.keep.length
    for (const id of plan.remove) {
      try {
        await octokit.rest.pulls.deleteReviewComment({ owner: pull.owner, repo: pull.repo, comment_id: id })
        this.outcome.inline.removed++
      } catch (error) {
        if (httpStatus(error) !== 404) throw error // 404: already gone
      }
    }
    if (willSupersede.length > 0) await this.supersede(pull, willSupersede, summaryUrl)
    if (plan.keepWithReplies.length > 0) {
      this.opts.log.info(`Left ${plural(plan.keepWithReplies.length, 'outdated istio-compat comment')} in place because people replied to them.`)
    }
    if (plan.keepSuggested.length > 0) {
      this.opts.log.info(`Left ${plural(plan.keepSuggested.length, 'outdated istio-compat suggestion')} in place: a committed suggestion's thread records the fix.`)
    }
    return state
  }

  /** Comments whose anchor GitHub accepts by the file list we hold; the rest go to the summary. */
  private postable(comments: readonly InlineComment[], state?: ReviewState): InlineComment[] {
    return comments.filter((c) => {
      if (isPostable(c, this.files.get(c.path))) return true
      const file = this.files.get(c.path)
      state?.offDiff.set(c.finding, file?.patchMissing ? 'diff not available' : 'outside the diff')
      return false
    })
  }

  /** The review body: the verdict, what is where, and a link to the summary. */
  private reviewBody(comments: number, summaryUrl: string | undefined, plan: ReviewPlan): string {
    const verdict = verdictOf(this.result, this.opts.failOn ?? 'error')
    const summary = summaryUrl ? `[summary](${summaryUrl})` : 'summary comment'
    const off = plan.offDiff.filter((o) => !isPrLevel(o.finding) && o.finding.baselineState !== 'unchanged').length
    const offText = off > 0 ? `; ${plural(off, 'more finding')} outside them ${off === 1 ? 'is' : 'are'} only in the summary` : ''
    return `${REVIEW_MARKER}\n**istio-compat** · ${versions(this.result)} · ${verdict} (${summary}). ${plural(comments, 'comment')} below${offText}.`
  }

  /**
   * One review with the comments. A 422 (GitHub's view of the diff differs from ours, e.g. a patch it left
   * out) makes it read the file list and send the comments that list allows; a second 422 makes it probe with
   * pending reviews (invisible, no notification) to find the comments GitHub takes, and send those. A review
   * is never sent without comments, so no review body ever consists of GitHub's error message.
   */
  private async createReview(pull: PullRef, comments: InlineComment[], summaryUrl: string | undefined, plan: ReviewPlan): Promise<{ posted: InlineComment[]; changed: boolean; refused: { finding: Finding; reason: OffDiffReason }[]; notes: string[] }> {
    const refused: { finding: Finding; reason: OffDiffReason }[] = []
    const notes: string[] = []
    let message = await this.attempt(pull, comments, summaryUrl, plan)
    if (message === undefined) return { posted: comments, changed: false, refused, notes }

    this.opts.log.warning(`GitHub rejected the review's inline comments (${message}); reading the pull request's file list to see which lines it accepts.`)
    this.outcome.inline.rejected = message
    let remaining = comments
    if (!this.fileList) {
      await this.readFileList(pull)
      const before = new Set(remaining)
      const state: ReviewState = { inline: new Set(), offDiff: new Map(), notes: [], threads: new Map() }
      remaining = this.postable(remaining, state)
      for (const c of before) if (!remaining.includes(c)) refused.push({ finding: c.finding, reason: state.offDiff.get(c.finding) ?? 'outside the diff' })
      if (remaining.length > 0) {
        message = await this.attempt(pull, remaining, summaryUrl, plan)
        if (message === undefined) return { posted: remaining, changed: true, refused, notes }
        this.outcome.inline.rejected = message
      }
    }
    if (remaining.length > 0) {
      this.opts.log.warning(`GitHub rejected the inline comments again (${message}); finding the ones it accepts.`)
      const { accepted, rejected } = await this.probe(pull, remaining)
      for (const c of rejected) refused.push({ finding: c.finding, reason: 'GitHub rejected the inline comments' })
      this.outcome.inline.dropped = rejected.length
      if (rejected.length > 0) notes.push(`GitHub refused ${plural(rejected.length, 'inline comment')} on lines it does not show as part of the diff; ${rejected.length === 1 ? 'that finding is' : 'those findings are'} listed here instead.`)
      remaining = accepted
      if (remaining.length > 0) {
        message = await this.attempt(pull, remaining, summaryUrl, plan)
        if (message !== undefined) {
          for (const c of remaining) refused.push({ finding: c.finding, reason: 'GitHub rejected the inline comments' })
          notes.push('GitHub rejected the inline comments; their findings are listed here instead.')
          remaining = []
        }
      }
    }
    return { posted: remaining, changed: true, refused, notes }
  }

  /** Posts the review; a 422 comes back as GitHub's message instead of a throw. Clears a stray pending review of ours once. */
  private async attempt(pull: PullRef, comments: InlineComment[], summaryUrl: string | undefined, plan: ReviewPlan): Promise<string | undefined> {
    const octokit = this.client
    const commitId = this.result.changes.headSha ?? (await headShaOf(octokit, pull))
    const body = this.reviewBody(comments.length, summaryUrl, plan)
    const send = async (): Promise<string | undefined> => {
      try {
        this.outcome.reviewId = await this.createOnce(
          'the review',
          async () => {
            const { data } = await octokit.rest.pulls.createReview({
              owner: pull.owner,
              repo: pull.repo,
              pull_number: pull.pullNumber,
              commit_id: commitId,
              event: 'COMMENT',
              body,
              comments: comments.map(reviewComment),
              request: NO_AUTOMATIC_RETRY
            })
            this.learn(data.user)
            return data.id
          },
          () => this.reviewWithComments(pull, comments)
        )
        this.outcome.inline.posted = comments.length
        return undefined
      } catch (error) {
        if (httpStatus(error) !== 422) throw error
        return errorText(error)
      }
    }
    const message = await send()
    if (message !== undefined && /one pending review/i.test(message) && (await this.deleteOwnPendingReviews(pull)) > 0) return send()
    return message
  }

  /**
   * Which comments GitHub accepts, found by bisection with pending reviews (a review without `event` stays
   * PENDING: nobody is notified, and it is deleted right after). At most MAX_PROBES probes; comments still
   * undecided then count as rejected.
   */
  private async probe(pull: PullRef, comments: InlineComment[]): Promise<{ accepted: InlineComment[]; rejected: InlineComment[] }> {
    const octokit = this.client
    const commitId = this.result.changes.headSha ?? (await headShaOf(octokit, pull))
    const accepted: InlineComment[] = []
    const rejected: InlineComment[] = []
    let probes = 0
    const fits = async (group: InlineComment[]): Promise<boolean | undefined> => {
      if (probes >= MAX_PROBES) return undefined
      probes++
      try {
        const { data } = await octokit.rest.pulls.createReview({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, commit_id: commitId, comments: group.map(reviewComment) })
        await octokit.rest.pulls.deletePendingReview({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, review_id: data.id })
        return true
      } catch (error) {
        if (httpStatus(error) !== 422) throw error
        return false
      }
    }
    // The whole set was just refused: start from its halves.
    const queue: InlineComment[][] = comments.length > 1 ? [comments.slice(0, Math.ceil(comments.length / 2)), comments.slice(Math.ceil(comments.length / 2))] : [comments]
    while (queue.length > 0) {
      const group = queue.shift()!
      const ok = group.length === 1 && comments.length === 1 ? false : await fits(group)
      if (ok === true) for (const c of group) accepted.push(c)
      else if (ok === undefined || group.length === 1) for (const c of group) rejected.push(c)
      else queue.push(group.slice(0, Math.ceil(group.length / 2)), group.slice(Math.ceil(group.length / 2)))
    }
    return { accepted: comments.filter((c) => accepted.includes(c)), rejected }
  }

  /** Marks our earlier reviews as superseded (a submitted review cannot be deleted, but its body can be edited). */
  private async supersede(pull: PullRef, reviewIds: readonly number[], summaryUrl: string | undefined): Promise<void> {
    const sha = this.result.changes.headSha
    const url = sha ? commitUrl(this.links, sha) : undefined
    const at = sha ? (url ? ` on [${codeSpan(sha.slice(0, 7))}](${url})` : ` on ${codeSpan(sha.slice(0, 7))}`) : ''
    const summary = summaryUrl ? `[summary](${summaryUrl})` : 'summary comment'
    const body = `${REVIEW_MARKER}\n~~istio-compat review~~ **Superseded** by a later run${at}: ${verdictOf(this.result, this.opts.failOn ?? 'error')}. The ${summary} is current; comments below that still apply were kept, fixed ones removed.`
    for (const id of reviewIds) {
      try {
        await this.client.rest.pulls.updateReview({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, review_id: id, body })
        this.outcome.superseded = (this.outcome.superseded ?? 0) + 1
      } catch (error) {
        // A review that is gone or not ours to edit stays as it is; the run goes on.
        if (httpStatus(error) === 404 || httpStatus(error) === 403 || httpStatus(error) === 422) continue
        throw error
      }
    }
  }

/**
   * A create is not idempotent: GitHub may have made the review or comment before answering 5xx (or before the
   * connection dropped), and sending it again would post it twice. So creates go without the client's automatic
   * retries; after a server error `landed` looks for what was sent, and only when it is not there is it sent again.
   */
  private async createOnce<T>(what: string, send: () => Promise<T>, landed: () => Promise<T | undefined>): Promise<T> {
    const { retries, unitMs } = retrySettingsOf(this.client)
    for (let attempt = 0; ; attempt++) {
      try {
        return await send()
      } catch (error) {
        const status = httpStatus(error)
        if (status !== undefined && status < 500) throw error
        const found = await landed()
        if (found !== undefined) {
          this.opts.log.info(`Creating ${what} failed (${errorText(error)}), but GitHub had created it; not sending it again.`)
          return found
        }
        if (attempt >= retries) throw error
        this.opts.log.warning(`Creating ${what} failed (${errorText(error)}); it is not there, so it is sent again.`)
        await new Promise((resolve) => setTimeout(resolve, (attempt + 1) ** 2 * unitMs))
      }
    }
  }

  /** The review that carries these inline comments (found by their fingerprints), if it exists. */
  private async reviewWithComments(pull: PullRef, comments: readonly InlineComment[]): Promise<number | undefined> {
    const wanted = new Set(comments.map((c) => c.fingerprint))
    const candidates = (await listReviewComments(this.client, pull)).filter((c) => wanted.has(fingerprintOf(c.body) ?? ''))
    const login = candidates.length > 0 ? await this.whoAmI(candidates.map((c) => c.user)) : this.login
    const found = candidates.filter((c) => c.user?.login === login)
    // Every comment of one review lands with it or not at all.
    if (new Set(found.map((c) => fingerprintOf(c.body))).size < wanted.size) return undefined
    // GitHub names the review of each comment; 0 stands for "landed, id not given".
    return found.find((c) => c.review_id !== undefined)?.review_id ?? 0
  }

  private async deleteOwnPendingReviews(pull: PullRef): Promise<number> {
    const octokit = this.client
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 })
    const login = await this.whoAmI(reviews.filter((r) => r.state === 'PENDING').map((r) => authorOf(r.user)))
    let deleted = 0
    for (const review of reviews) {
      if (review.state !== 'PENDING' || authorOf(review.user)?.login !== login) continue
      await octokit.rest.pulls.deletePendingReview({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, review_id: review.id })
      deleted++
    }
    return deleted
  }

  /**
   * Updates our sticky comment (found by marker and author) or creates it; removes duplicates of it. Returns
   * its address. `known` is the issue comment list when already read; `superseded` goes into a hidden line.
   * A second call in one run updates the comment the first one wrote, without reading the list again.
   */
  private async upsertSummary(pull: PullRef, render: () => string, known: IssueComment[] | undefined, superseded: readonly number[]): Promise<string | undefined> {
    const octokit = this.client
    let own: IssueComment[]
    if (this.sticky) own = [this.sticky]
    else {
      const marked = (known ?? (await listIssueComments(octokit, pull))).filter(isSummaryComment)
      const me = marked.length > 0 ? await this.whoAmI(marked.map((c) => c.user)) : this.login
      own = marked.filter((c) => c.user?.login === me)
    }
    const rendered = render()
    const body = superseded.length > 0 ? rendered.replace(SUMMARY_MARKER, `${SUMMARY_MARKER}\n<!-- istio-compat:superseded=${superseded.join(',')} -->`) : rendered
    const [sticky, ...duplicates] = own
    if (sticky) {
      if (sameBody(sticky.body, body)) {
        this.outcome.summaryComment = { id: sticky.id, action: this.outcome.summaryComment?.id === sticky.id ? this.outcome.summaryComment.action : 'unchanged' }
      } else {
        await octokit.rest.issues.updateComment({ owner: pull.owner, repo: pull.repo, comment_id: sticky.id, body })
        this.outcome.summaryComment = { id: sticky.id, action: this.outcome.summaryComment?.id === sticky.id && this.outcome.summaryComment.action === 'created' ? 'created' : 'updated' }
      }
      this.sticky = { ...sticky, body }
      for (const duplicate of duplicates) {
        try {
          await octokit.rest.issues.deleteComment({ owner: pull.owner, repo: pull.repo, comment_id: duplicate.id })
        } catch (error) {
          if (httpStatus(error) !== 404) throw error
        }
      }
      return sticky.html_url
    }
    // A clean PR that never had findings gets no comment: nothing to say, no noise.
    if (this.result.findings.length === 0 && this.result.notChecked.length === 0) return undefined
    const created = await this.createOnce(
      'the summary comment',
      async () => {
        const { data } = await octokit.rest.issues.createComment({ owner: pull.owner, repo: pull.repo, issue_number: pull.pullNumber, body, request: NO_AUTOMATIC_RETRY })
        this.learn(data.user)
        return { id: data.id, url: data.html_url as string | undefined }
      },
      async () => {
        // What this run sent, word for word (a comment quoting it would carry more), by whoever we turn out to be.
        const candidates = (await listIssueComments(octokit, pull)).filter((c) => isSummaryComment(c) && sameBody(c.body, body))
        const me = candidates.length > 0 ? await this.whoAmI(candidates.map((c) => c.user)) : this.login
        const found = candidates.find((c) => c.user?.login === me)
        return found ? { id: found.id, url: found.html_url } : undefined
      }
    )
    this.outcome.summaryComment = { id: created.id, action: 'created' }
    this.sticky = { id: created.id, body, ...(created.url ? { html_url: created.url } : {}), user: { login: this.login } }
    return created.url
  }

  /**
   * The threads of the comments this run posted, as GitHub addresses them (`html_url` of each comment of the new
   * review; the review's own answer does not list its comments). True when some link changed.
   */
  private async linkNewThreads(pull: PullRef, posted: readonly InlineComment[], state: ReviewState): Promise<boolean> {
    const reviewId = this.outcome.reviewId
    if (!reviewId) return false
    try {
      const octokit = this.client
      const comments = await octokit.paginate(octokit.rest.pulls.listCommentsForReview, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, review_id: reviewId, per_page: 100 })
      const byFingerprint = new Map(
        comments.flatMap((c) => {
          const fingerprint = fingerprintOf(c.body)
          return c.html_url && fingerprint ? [[fingerprint, c.html_url] as const] : []
        })
      )
      let changed = false
      for (const c of posted) {
        const url = byFingerprint.get(c.fingerprint)
        if (url && state.threads.get(c.finding) !== url) {
          state.threads.set(c.finding, url)
          changed = true
        }
      }
      return changed
    } catch (error) {
      this.opts.log.info(`Could not read the new review's comments (${errorText(error)}); the summary links their lines on "Files changed".`)
      return false
    }
  }

  /**
   * Writes annotations for the findings `which` selects: errors first, ten per level less a slot for the
   * gate's own error annotation when the check fails. Returns the note for the summary when some are left out.
   */
  private annotate(which: (f: Finding) => boolean): string[] {
    const onAddedLine = (f: Finding) => this.files.get(f.file)?.addedLines.has(f.line) ?? false
    const plan = planAnnotations(this.result.findings.filter(which), { preferred: onAddedLine, reserve: { error: this.opts.gateFails ? 1 : 0, warning: 1 } })
    for (const command of plan.commands) this.workflow.command(command)
    this.outcome.annotations = plan.commands.length
    if (plan.overflow.length === 0) return []
    const n = plan.overflow.length
    return [`GitHub shows at most 10 annotations per level in a step (50 per job); ${n} more ${n === 1 ? 'finding is' : 'findings are'} not annotated and only listed in this summary.`]
  }

  /** Annotations and the step summary with everything; the gate is unaffected. */
  private toWorkflow(reason: string | undefined, notes: string[]): PublishOutcome {
    this.outcome.channel = 'annotations'
    if (reason) this.outcome.fallback = reason
    const allNotes = [...(reason ? [reason] : []), ...notes, ...this.annotate(() => true)]
    this.outcome.stepSummary = this.workflow.stepSummary(renderSummary(this.result, { ...this.summaryOptions(undefined, allNotes), maxLength: STEP_SUMMARY_BUDGET, measure: 'bytes' }))
    return this.outcome
  }
}

/**
 * Publishes one run's findings to the pull request. Never throws for GitHub errors: a 422 moves the inline
 * comments into the summary, a 403/404 or any other API failure falls back to annotations and the step
 * summary. The exit code is the gate's business (gate.ts).
 */
export async function publish(result: AnalysisResult, opts: PublishOptions): Promise<PublishOutcome> {
  return new Publisher(result, opts).run()
}
