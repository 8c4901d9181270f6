// Sends a run's findings to the PR: one review with inline comments, one sticky summary comment, and the
// job step summary; falls back to workflow annotations when the token cannot write. Never fails the run.
import type { ChangedFile } from '../changes/types.js'
import { retrySettingsOf, type GitHubClient, type Log } from '../github/client.js'
import {
  headShaOf,
  httpStatus,
  isPermissionError,
  listIssueComments,
  listReviewComments,
  resolveLogin,
  type IssueComment,
  type PullRef
} from '../github/pulls.js'
import type { Finding } from '../model.js'
import type { AnalysisResult } from '../result.js'
import { planAnnotations } from './annotations.js'
import { escapeMarkdown, codeSpan } from './escape.js'
import { fingerprintOf, isPostable, planReview, type ExistingReviewComment, type InlineComment, type OffDiffReason } from './review.js'
import { renderSummary, SUMMARY_BUDGET, SUMMARY_MARKER } from './summary.js'
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
  /** The head version of a file (for suggestions); undefined when not available. */
  headText(path: string): string | undefined
  log: Log
  /** The token cannot write (fork PR under `pull_request`): do not try, go to annotations. */
  readOnly?: boolean
  /** The login our comments are posted as, when known; else asked from `GET /user`, else github-actions[bot]. */
  login?: string
  /** Where annotations and the step summary go; default: stdout and $GITHUB_STEP_SUMMARY. */
  workflow?: WorkflowOutput
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
    /** GitHub's message when it rejected the inline comments (422); they went to the summary. */
    rejected?: string
  }
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

interface Identity {
  login: string
  /** False when the login is a guess: then any bot carrying our marker counts as us (humans never do). */
  confirmed: boolean
}

/** Our sticky summary comment carries the marker first (a BOM before it is tolerated). */
function isSummaryComment(c: IssueComment): boolean {
  return c.body.replace(/^\uFEFF/, '').startsWith(SUMMARY_MARKER)
}

/** The author fields isOwnAuthor reads, from a review as the API returns it. */
function authorOf(user: { login: string; type?: string } | null | undefined): { login: string; type?: string } | null {
  return user ? { login: user.login, type: user.type } : null
}

function isOwnAuthor(user: { login: string; type?: string } | null, identity: Identity): boolean {
  if (!user) return false
  return user.login === identity.login || (!identity.confirmed && user.type === 'Bot')
}

function errorText(error: unknown): string {
  const status = httpStatus(error)
  const message = error instanceof Error ? error.message : String(error)
  return `${status ? `HTTP ${status}: ` : ''}${message.split('\n')[0]}`
}

function versions(result: AnalysisResult): string {
  return result.from ? `Istio ${result.from.release.version} → ${result.target.release.version}` : `Istio ${result.target.release.version}`
}

interface ReviewState {
  inline: Set<Finding>
  offDiff: Map<Finding, OffDiffReason>
  notes: string[]
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
  private readonly files: Map<string, ChangedFile>

  constructor(
    private readonly result: AnalysisResult,
    private readonly opts: PublishOptions
  ) {
    this.workflow = opts.workflow ?? actionsWorkflowOutput()
    this.pull = opts.pullNumber === undefined ? undefined : { owner: opts.owner, repo: opts.repo, pullNumber: opts.pullNumber }
    this.files = new Map(result.changes.files.map((f) => [f.path, f]))
  }

  private identity: Promise<Identity> | undefined

  /**
   * The account our comments are posted as: the `login` option, else `GET /user`, else github-actions[bot].
   * Asked once, and only when a comment carrying our marker needs telling apart from someone else's.
   */
  private whoAmI(): Promise<Identity> {
    this.identity ??= this.opts.login ? Promise.resolve({ login: this.opts.login, confirmed: true }) : resolveLogin(this.client)
    return this.identity
  }

  /** Only reached after run() checked that a client exists. */
  private get client(): GitHubClient {
    if (!this.opts.octokit) throw new Error('no GitHub client')
    return this.opts.octokit
  }

  async run(): Promise<PublishOutcome> {
    if (this.opts.mode === 'off') return this.toWorkflow(undefined, [])
    if (!this.pull) return this.toWorkflow('This run is not for a pull request, so the findings are shown as annotations.', [])
    if (this.opts.readOnly) {
      return this.toWorkflow('The token cannot write to this pull request (a pull request from a fork), so the findings are shown as annotations.', [])
    }
    if (!this.opts.octokit) return this.toWorkflow('No github-token was given, so the findings are shown as annotations.', [])
    let state: ReviewState = { inline: new Set(), offDiff: new Map(), notes: [] }
    try {
      if (this.opts.mode === 'review') state = await this.review(this.pull)
      const review = this.opts.mode === 'review' ? { inline: state.inline, offDiff: state.offDiff } : {}
      const headSha = this.result.changes.headSha
      const body = renderSummary(this.result, { ...review, notes: state.notes, marker: true, maxLength: SUMMARY_BUDGET, ...(headSha ? { headSha } : {}) })
      await this.upsertSummary(this.pull, body)
      this.outcome.channel = this.opts.mode === 'review' ? 'review' : 'summary'
      this.outcome.stepSummary = this.workflow.stepSummary(
        renderSummary(this.result, { ...review, notes: state.notes, maxLength: STEP_SUMMARY_BUDGET, ...(headSha ? { headSha } : {}) })
      )
      return this.outcome
    } catch (error) {
      const why = isPermissionError(error)
        ? `GitHub refused to write to the pull request (${errorText(error)}); the token needs pull-requests: write. The findings are shown as annotations.`
        : `Posting to the pull request failed (${errorText(error)}). The findings are shown as annotations.`
      this.opts.log.warning(why)
      return this.toWorkflow(why, state.notes)
    }
  }

  /** Plans and sends the review; deletes our outdated comments. */
  private async review(pull: PullRef): Promise<ReviewState> {
    const octokit = this.client
    const existing = await listReviewComments(octokit, pull)
    // Who we are only matters once a comment carries our fingerprint (not on a PR's first run).
    const identity = existing.some((c) => fingerprintOf(c.body) !== undefined) ? await this.whoAmI() : undefined
    const isOwn = (c: ExistingReviewComment) => identity !== undefined && fingerprintOf(c.body) !== undefined && isOwnAuthor(c.user, identity)
    const plan = planReview({
      findings: this.result.findings,
      files: this.result.changes.files,
      target: this.result.target.release.version,
      suggestions: this.opts.suggestions,
      headText: this.opts.headText,
      existing,
      isOwn
    })
    const offDiff = new Map<Finding, OffDiffReason>(plan.offDiff.map((o) => [o.finding, o.reason]))
    const notes: string[] = []
    // Last line of defence against the all-or-nothing 422: never send a line outside one hunk.
    const post = plan.post.filter((c) => {
      if (isPostable(c, this.files.get(c.path))) return true
      offDiff.set(c.finding, 'outside the diff')
      return false
    })
    const inline = new Set<Finding>(plan.keep.map((k) => k.comment.finding))

    if (post.length > 0) {
      const rejected = await this.createReview(pull, post)
      if (rejected === undefined) {
        for (const c of post) inline.add(c.finding)
        this.outcome.inline.posted = post.length
      } else {
        this.outcome.inline.rejected = rejected
        for (const c of post) offDiff.set(c.finding, 'GitHub rejected the inline comments')
        notes.push(`GitHub rejected the inline comments (${rejected}); those findings are listed here instead.`)
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
    if (plan.keepWithReplies.length > 0) {
      this.opts.log.info(`Left ${plan.keepWithReplies.length} outdated istio-compat comment(s) in place because people replied to them.`)
    }
    return { inline, offDiff, notes }
  }

  /** One review; on 422 clears a stray pending review or retries once without inline comments. Returns GitHub's 422 message if inline comments were rejected. */
  private async createReview(pull: PullRef, comments: InlineComment[]): Promise<string | undefined> {
    const octokit = this.client
    const commitId = this.result.changes.headSha ?? (await headShaOf(octokit, pull))
    const sha = codeSpan(commitId.slice(0, 12))
    const send = (body: string, withComments: boolean): Promise<number> =>
      this.createOnce(
        'the review',
        async () =>
          (
            await octokit.rest.pulls.createReview({
              owner: pull.owner,
              repo: pull.repo,
              pull_number: pull.pullNumber,
              commit_id: commitId,
              event: 'COMMENT',
              body,
              ...(withComments ? { comments: comments.map(reviewComment) } : {}),
              request: NO_AUTOMATIC_RETRY
            })
          ).data.id,
        () => (withComments ? this.reviewWithComments(pull, comments) : this.reviewWithBody(pull, body, commitId))
      )
    const body = `${REVIEW_MARKER}\n**istio-compat** (${versions(this.result)}): ${comments.length} new inline comment(s) on ${sha}. The summary comment lists every finding.`
    // Posts the review with its inline comments; a 422 comes back as GitHub's message instead of a throw.
    const attempt = async (): Promise<string | undefined> => {
      try {
        this.outcome.reviewId = await send(body, true)
        return undefined
      } catch (error) {
        if (httpStatus(error) !== 422) throw error
        return errorText(error)
      }
    }
    let message = await attempt()
    if (message === undefined) return undefined
    if (/one pending review/i.test(message) && (await this.deleteOwnPendingReviews(pull)) > 0) {
      message = await attempt()
      if (message === undefined) return undefined
    }
    this.opts.log.warning(`GitHub rejected the review's inline comments (${message}); posting the findings in the summary instead.`)
    try {
      const note = `${REVIEW_MARKER}\n**istio-compat** (${versions(this.result)}) could not place its inline comments on ${sha} (GitHub answered: ${escapeMarkdown(message)}). The summary comment lists every finding.`
      this.outcome.reviewId = await send(note, false)
    } catch (error) {
      if (isPermissionError(error)) throw error
      this.opts.log.warning(`The review without inline comments failed too (${errorText(error)}).`)
    }
    return message
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
    const identity = await this.whoAmI()
    const wanted = new Set(comments.map((c) => c.fingerprint))
    const found = (await listReviewComments(this.client, pull)).filter((c) => isOwnAuthor(c.user, identity) && wanted.has(fingerprintOf(c.body) ?? ''))
    // Every comment of one review lands with it or not at all.
    if (new Set(found.map((c) => fingerprintOf(c.body))).size < wanted.size) return undefined
    // GitHub names the review of each comment; 0 stands for "landed, id not given".
    return found.find((c) => c.review_id !== undefined)?.review_id ?? 0
  }

  /** Our review with exactly this body on this commit, if it exists. */
  private async reviewWithBody(pull: PullRef, body: string, commitId: string): Promise<number | undefined> {
    const octokit = this.client
    const identity = await this.whoAmI()
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 })
    return reviews.find((r) => r.commit_id === commitId && (r.body ?? '').trim() === body.trim() && isOwnAuthor(authorOf(r.user), identity))?.id
  }

  private async deleteOwnPendingReviews(pull: PullRef): Promise<number> {
    const octokit = this.client
    const identity = await this.whoAmI()
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 })
    let deleted = 0
    for (const review of reviews) {
      if (review.state !== 'PENDING' || !isOwnAuthor(authorOf(review.user), identity)) continue
      await octokit.rest.pulls.deletePendingReview({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, review_id: review.id })
      deleted++
    }
    return deleted
  }

  /** Updates our sticky comment (found by marker and author) or creates it; removes duplicates of it. */
  private async upsertSummary(pull: PullRef, body: string): Promise<void> {
    const octokit = this.client
    const marked = (await listIssueComments(octokit, pull)).filter(isSummaryComment)
    const identity = marked.length > 0 ? await this.whoAmI() : undefined
    const own = identity ? marked.filter((c) => isOwnAuthor(c.user, identity)) : []
    const [sticky, ...duplicates] = own
    if (sticky) {
      if (sticky.body.replace(/\r\n/g, '\n').trim() === body.trim()) {
        this.outcome.summaryComment = { id: sticky.id, action: 'unchanged' }
      } else {
        await octokit.rest.issues.updateComment({ owner: pull.owner, repo: pull.repo, comment_id: sticky.id, body })
        this.outcome.summaryComment = { id: sticky.id, action: 'updated' }
      }
      for (const duplicate of duplicates) {
        try {
          await octokit.rest.issues.deleteComment({ owner: pull.owner, repo: pull.repo, comment_id: duplicate.id })
        } catch (error) {
          if (httpStatus(error) !== 404) throw error
        }
      }
      return
    }
    // A clean PR that never had findings gets no comment: nothing to say, no noise.
    if (this.result.findings.length === 0 && this.result.notChecked.length === 0) return
    const id = await this.createOnce(
      'the summary comment',
      async () => (await octokit.rest.issues.createComment({ owner: pull.owner, repo: pull.repo, issue_number: pull.pullNumber, body, request: NO_AUTOMATIC_RETRY })).data.id,
      async () => {
        const identity = await this.whoAmI()
        return (await listIssueComments(octokit, pull)).find((c) => isSummaryComment(c) && isOwnAuthor(c.user, identity))?.id
      }
    )
    this.outcome.summaryComment = { id, action: 'created' }
  }

  /** Annotations (10 per level) and the step summary with everything; the gate is unaffected. */
  private toWorkflow(reason: string | undefined, notes: string[]): PublishOutcome {
    const onAddedLine = (f: Finding) => this.files.get(f.file)?.addedLines.has(f.line) ?? false
    const plan = planAnnotations(this.result.findings, onAddedLine)
    for (const command of plan.commands) this.workflow.command(command)
    this.outcome.channel = 'annotations'
    if (reason) this.outcome.fallback = reason
    this.outcome.annotations = plan.commands.length
    const allNotes = [...(reason ? [reason] : []), ...notes]
    if (plan.overflow.length > 0) {
      allNotes.push(`GitHub shows at most 10 annotations per level in a step; ${plan.overflow.length} more ${plan.overflow.length === 1 ? 'finding is' : 'findings are'} only listed in this summary.`)
    }
    const headSha = this.result.changes.headSha
    this.outcome.stepSummary = this.workflow.stepSummary(renderSummary(this.result, { notes: allNotes, maxLength: STEP_SUMMARY_BUDGET, ...(headSha ? { headSha } : {}) }))
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
