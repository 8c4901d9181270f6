// Reads and writes on repository issues: the one readiness issue the action keeps up to date.
import type { GitHubClient } from './client.js'

export interface RepoRef {
  owner: string
  repo: string
}

/** The fields of an issue we read. */
export interface IssueInfo {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  stateReason?: string | null
  labels: string[]
  user: { login: string; type?: string } | null
  htmlUrl?: string
}

function toIssue(data: any): IssueInfo {
  return {
    number: data.number,
    title: data.title ?? '',
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    stateReason: data.state_reason ?? null,
    labels: (data.labels ?? []).map((l: string | { name?: string }) => (typeof l === 'string' ? l : (l.name ?? ''))),
    user: data.user ? { login: data.user.login, type: data.user.type } : null,
    ...(data.html_url ? { htmlUrl: data.html_url } : {})
  }
}

/**
 * Every issue (open and closed, newest first) carrying `label`. The list endpoint also returns pull requests;
 * they are left out.
 */
export async function listLabelledIssues(octokit: GitHubClient, repo: RepoRef, label: string): Promise<IssueInfo[]> {
  const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: repo.owner,
    repo: repo.repo,
    labels: label,
    state: 'all',
    sort: 'created',
    direction: 'desc',
    per_page: 100
  })
  return items.filter((i) => !i.pull_request).map(toIssue)
}

export async function createIssue(octokit: GitHubClient, repo: RepoRef, issue: { title: string; body: string; labels: string[] }, request?: Record<string, unknown>): Promise<IssueInfo> {
  const { data } = await octokit.rest.issues.create({ owner: repo.owner, repo: repo.repo, title: issue.title, body: issue.body, labels: issue.labels, ...(request ? { request } : {}) })
  return toIssue(data)
}

export interface IssueUpdate {
  title?: string
  body?: string
  state?: 'open' | 'closed'
  stateReason?: 'completed' | 'reopened'
}

export async function updateIssue(octokit: GitHubClient, repo: RepoRef, number: number, update: IssueUpdate): Promise<IssueInfo> {
  const { data } = await octokit.rest.issues.update({
    owner: repo.owner,
    repo: repo.repo,
    issue_number: number,
    ...(update.title !== undefined ? { title: update.title } : {}),
    ...(update.body !== undefined ? { body: update.body } : {}),
    ...(update.state !== undefined ? { state: update.state } : {}),
    ...(update.stateReason !== undefined ? { state_reason: update.stateReason } : {})
  })
  return toIssue(data)
}

export async function commentOnIssue(octokit: GitHubClient, repo: RepoRef, number: number, body: string): Promise<number> {
  const { data } = await octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: number, body })
  return data.id
}
