// Reads and writes on one pull request: files, review comments, the sticky comment, the review.
import { parsePatch } from '../changes/patch.js'
import type { ChangedFile, FileStatus } from '../changes/types.js'
import type { ExistingReviewComment } from '../report/review.js'
import type { GitHubClient, Log } from './client.js'

export interface PullRef {
  owner: string
  repo: string
  pullNumber: number
}

/** "Responses include a maximum of 3000 files" (pulls/list-files); a PR this large needs the git diff instead. */
export const MAX_PULL_FILES = 3000

/** The fields of a `diff-entry` we read. */
export interface DiffEntry {
  filename: string
  status: string
  previous_filename?: string
  changes?: number
  patch?: string
}

function fileStatus(status: string): FileStatus {
  switch (status) {
    case 'added':
    case 'removed':
    case 'renamed':
    case 'copied':
    case 'unchanged':
      return status
    default:
      return 'modified' // 'modified' and 'changed' (mode only)
  }
}

/** One entry of `pulls.listFiles` as a ChangedFile. `patch` is absent for binary files and large diffs. */
export function changedFileFromDiffEntry(entry: DiffEntry): ChangedFile {
  const lines = entry.patch === undefined || entry.patch === null ? undefined : parsePatch(entry.patch)
  return {
    path: entry.filename,
    ...(entry.previous_filename ? { previousPath: entry.previous_filename } : {}),
    status: fileStatus(entry.status),
    commentableLines: lines?.commentableLines ?? new Map(),
    addedLines: lines?.addedLines ?? new Set(),
    ...(lines === undefined && (entry.changes ?? 1) > 0 ? { patchMissing: true } : {})
  }
}

/** The PR's files with their commentable lines (paginated, 100 per page, at most 3000 files). */
export async function listPullFiles(octokit: GitHubClient, pull: PullRef, log?: Log): Promise<ChangedFile[]> {
  let seen = 0
  const entries = await octokit.paginate(
    octokit.rest.pulls.listFiles,
    { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 },
    (response, done) => {
      seen += response.data.length
      if (seen >= MAX_PULL_FILES) done()
      return response.data
    }
  )
  if (entries.length >= MAX_PULL_FILES) log?.warning(`The pull request lists ${entries.length} files, GitHub's maximum; files past it are not seen through the API.`)
  return entries.slice(0, MAX_PULL_FILES).map((e) => changedFileFromDiffEntry(e as DiffEntry))
}

export async function headShaOf(octokit: GitHubClient, pull: PullRef): Promise<string> {
  const { data } = await octokit.rest.pulls.get({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber })
  return data.head.sha
}

export async function listReviewComments(octokit: GitHubClient, pull: PullRef): Promise<ExistingReviewComment[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 })
  return comments.map((c) => ({
    id: c.id,
    body: c.body,
    path: c.path,
    line: c.line ?? null,
    start_line: c.start_line ?? null,
    ...(c.in_reply_to_id !== undefined ? { in_reply_to_id: c.in_reply_to_id } : {}),
    ...(typeof c.pull_request_review_id === 'number' ? { review_id: c.pull_request_review_id } : {}),
    ...(c.html_url ? { html_url: c.html_url } : {}),
    user: c.user ? { login: c.user.login, type: c.user.type } : null
  }))
}

export interface IssueComment {
  id: number
  body: string
  html_url?: string
  user: { login: string; type?: string } | null
}

export async function listIssueComments(octokit: GitHubClient, pull: PullRef): Promise<IssueComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: pull.owner, repo: pull.repo, issue_number: pull.pullNumber, per_page: 100 })
  return comments.map((c) => ({ id: c.id, body: c.body ?? '', ...(c.html_url ? { html_url: c.html_url } : {}), user: c.user ? { login: c.user.login, type: c.user.type } : null }))
}

/**
 * What a token acts as, from its prefix (GitHub's token formats: `ghs_` installation tokens — the GITHUB_TOKEN and a
 * GitHub App's —, `ghp_`/`github_pat_` personal access tokens, `gho_` OAuth and `ghu_` user-to-server tokens act as
 * a person). Undefined for anything else (an older token without prefix).
 */
export type TokenKind = 'installation' | 'user'

export function tokenKindOf(token: string): TokenKind | undefined {
  if (token.startsWith('ghs_')) return 'installation'
  if (/^(?:ghp_|github_pat_|gho_|ghu_)/.test(token)) return 'user'
  return undefined
}

/** The account GITHUB_TOKEN comments as; `GET /user` is refused to installation tokens. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/**
 * Who our comments are from. A PAT or user token answers `GET /user`; an installation token (GITHUB_TOKEN,
 * Apps) gets 403, and then the login is a guess (`confirmed: false`).
 */
export async function resolveLogin(octokit: GitHubClient): Promise<{ login: string; confirmed: boolean }> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return { login: data.login, confirmed: true }
  } catch {
    return { login: ACTIONS_BOT_LOGIN, confirmed: false }
  }
}

/**
 * The login the token acts as, from GraphQL `viewer { login }`: unlike `GET /user`, GitHub answers it for
 * installation tokens too (a GitHub App's bot, e.g. `my-app[bot]`), and for PATs. Undefined when the question
 * fails (an API error, or an answer without a login).
 */
export async function viewerLogin(octokit: GitHubClient): Promise<string | undefined> {
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } | null }>('query { viewer { login } }')
    const login = data.viewer?.login
    return typeof login === 'string' && login !== '' ? login : undefined
  } catch {
    return undefined
  }
}

/**
 * The login the token posts as, as GitHub confirms it, or undefined when GitHub does not say: GraphQL `viewer`,
 * then `GET /user` for a token that is not an installation token (GitHub refuses that one to installation tokens).
 * An installation token always acts as its app's bot, whose comments REST lists as `<slug>[bot]`.
 */
export async function askLogin(octokit: GitHubClient, kind: TokenKind | undefined): Promise<string | undefined> {
  const viewer = await viewerLogin(octokit)
  if (viewer) return kind === 'installation' && !viewer.endsWith('[bot]') ? `${viewer}[bot]` : viewer
  if (kind === 'installation') return undefined
  const user = await resolveLogin(octokit)
  return user.confirmed ? user.login : undefined
}

/** An error from the API with its HTTP status (Octokit's RequestError), or undefined. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** 403/404 on a write: the token may not write here (fork PR, missing permission); reviewdog treats both alike. */
export function isPermissionError(error: unknown): boolean {
  const status = httpStatus(error)
  const message = error instanceof Error ? error.message : ''
  return (status === 403 && !/rate limit/i.test(message)) || status === 404
}
