// Keeps ONE readiness issue in step with the findings of the default branch: created when there are findings,
// edited when they change (nothing is written when they did not), closed with a note when the branch is clean,
// reopened when findings come back. Issues we did not create are never touched.
import type { GitHubClient, Log } from '../github/client.js'
import { commentOnIssue, createIssue, listLabelledIssues, updateIssue, type IssueInfo, type RepoRef } from '../github/issues.js'
import { ACTIONS_BOT_LOGIN, askLogin, type TokenKind } from '../github/pulls.js'
import { hashOf, isReadinessBody } from './report.js'

export interface IssueSyncInput {
  octokit: GitHubClient
  repo: RepoRef
  title: string
  /** The first label is the one our issue is looked up by; all are set on create. */
  labels: string[]
  /** Unsuppressed findings: the branch is not clean. */
  hasFindings: boolean
  body: string
  hash: string
  /** The sentence commented when the issue is closed (the branch is clean). Markdown, already safe. */
  closeNote: string
  /**
   * Our login when known (the `app-slug` input); else asked of GitHub (`askLogin`), else github-actions[bot]
   * unconfirmed (then any bot with our marker counts).
   */
  login?: string
  /** The kind of token `octokit` holds (`tokenKindOf`), which decides what may be asked. */
  tokenKind?: TokenKind
  log: Log
}

export type IssueAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'reopened' | 'none'

export interface IssueSyncOutcome {
  action: IssueAction
  number?: number
  url?: string
}

function isOwn(issue: IssueInfo, identity: { login: string; confirmed: boolean }): boolean {
  if (!isReadinessBody(issue.body) || !issue.user) return false
  const { login, type } = issue.user
  // An app's viewer may be named without the `[bot]` that REST shows on what its bot wrote.
  if (login === identity.login || (type === 'Bot' && login === `${identity.login}[bot]`)) return true
  return !identity.confirmed && type === 'Bot'
}

/** Who the token acts as: asked only when an issue carries our marker, so a first run costs nothing. */
async function identityOf(octokit: GitHubClient, login: string | undefined, kind: TokenKind | undefined): Promise<{ login: string; confirmed: boolean }> {
  const known = login ?? (await askLogin(octokit, kind))
  return known ? { login: known, confirmed: true } : { login: ACTIONS_BOT_LOGIN, confirmed: false }
}

export async function syncReadinessIssue(input: IssueSyncInput): Promise<IssueSyncOutcome> {
  const { octokit, repo, log } = input
  const label = input.labels[0]
  if (!label) throw new Error('the readiness issue needs at least one label to be found again')
  const marked = (await listLabelledIssues(octokit, repo, label)).filter((i) => isReadinessBody(i.body))
  const identity = marked.length > 0 ? await identityOf(octokit, input.login, input.tokenKind) : undefined
  const own = identity ? marked.filter((i) => isOwn(i, identity)) : []
  // Newest first from the API: an open one wins, else the newest closed one.
  const issue = own.find((i) => i.state === 'open') ?? own[0]
  if (own.length > 1) log.info(`istio-compat: ${own.length} readiness issues carry our marker; keeping #${issue!.number} up to date and leaving the others alone.`)
  const outcome = (action: IssueAction, i?: IssueInfo): IssueSyncOutcome => ({ action, ...(i ? { number: i.number, ...(i.htmlUrl ? { url: i.htmlUrl } : {}) } : {}) })

  if (!input.hasFindings) {
    if (!issue || issue.state === 'closed') return outcome('none', issue)
    await commentOnIssue(octokit, repo, issue.number, input.closeNote)
    // The body keeps the last findings; the comment says they are gone.
    return outcome('closed', await updateIssue(octokit, repo, issue.number, { state: 'closed', stateReason: 'completed' }))
  }

  if (!issue) return outcome('created', await createIssue(octokit, repo, { title: input.title, body: input.body, labels: input.labels }))

  const changed = hashOf(issue.body) !== input.hash || issue.title !== input.title
  if (issue.state === 'closed') {
    // Someone closed it as not planned: that decision stands until they reopen it.
    if (issue.stateReason === 'not_planned') {
      log.info(`istio-compat: readiness issue #${issue.number} was closed as not planned; it is left closed.`)
      return outcome('none', issue)
    }
    return outcome('reopened', await updateIssue(octokit, repo, issue.number, { state: 'open', stateReason: 'reopened', ...(changed ? { title: input.title, body: input.body } : {}) }))
  }
  if (!changed) return outcome('unchanged', issue)
  return outcome('updated', await updateIssue(octokit, repo, issue.number, { title: input.title, body: input.body }))
}
