// Types of scripts/fake-github.mjs for the TypeScript tests.

export interface DiffEntry {
  sha: string
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  additions: number
  deletions: number
  changes: number
  blob_url: string
  raw_url: string
  contents_url: string
  patch?: string
  previous_filename?: string
}

export interface BuiltPull {
  baseSha: string
  headSha: string
  files: DiffEntry[]
  /** Head content of every file of the head state. */
  headText: Record<string, string>
  /** Base content of every file of the base state. */
  baseText?: Record<string, string>
  /** The tar.gz GitHub serves for each of the two commits (git archive under <owner>-<repo>-<sha7>/). */
  archives?: Record<string, Uint8Array>
  /** The git repository of the two states, when built with keepRepo (the caller removes it). */
  dir?: string
}

export interface FakeUser {
  login: string
  id: number
  type: 'Bot' | 'User'
}

export interface FakeReviewComment {
  id: number
  pull_request_review_id: number
  path: string
  body: string
  commit_id: string
  user: FakeUser
  line: number | null
  start_line: number | null
  side: 'LEFT' | 'RIGHT'
  start_side: 'LEFT' | 'RIGHT' | null
  in_reply_to_id?: number
  /** The thread's address, `<server>/<owner>/<repo>/pull/<n>#discussion_r<id>`. */
  html_url: string
}

export interface FakeIssueComment {
  id: number
  body: string
  html_url: string
  user: FakeUser
}

export interface FakeReview {
  id: number
  user: FakeUser
  body: string
  state: 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED'
  commit_id: string
}

export interface RecordedRequest {
  method: string
  /** Path without the GHES prefix. */
  path: string
  query: Record<string, string>
  /** The X-GitHub-Api-Version header sent. */
  apiVersion?: string
  body?: any
  status: number
  login?: string
}

export interface TokenSpec {
  login: string
  type?: 'Bot' | 'User'
  /** Writes answer 403 "Resource not accessible by integration" (a fork PR's GITHUB_TOKEN). */
  readOnly?: boolean
  /** GET /user answers (PATs, user tokens); installation tokens get 403. */
  user?: boolean
  /** Issue writes answer 403 (a job whose permissions leave out issues: write). */
  noIssues?: boolean
  /** An installation token (GITHUB_TOKEN or a GitHub App's); documentation only, GET /user is what `user` says. */
  installation?: boolean
  /** What GraphQL `viewer { login }` answers when it differs from `login`. */
  viewerLogin?: string
}

export interface Fault {
  method?: string
  /** Exact path (without prefix) or a pattern. */
  path?: string | RegExp
  /** An HTTP status, or 'secondary' for 403 + retry-after (secondary rate limit); 429 comes with x-ratelimit-remaining: 0. */
  status: number | 'secondary'
  retryAfter?: number
  times?: number
  /** The request is carried out first and only its answer is replaced (a gateway that times out after the write). */
  after?: boolean
}

export interface FakeOptions {
  /** '/api/v3' to behave like GitHub Enterprise Server (requests are validated against the GHES description). */
  prefix?: string
  owner?: string
  repo?: string
  tokens?: Record<string, TokenSpec>
  /** An @octokit/openapi description name, e.g. 'api.github.com' or 'ghes-3.19'. */
  spec?: string
  port?: number
  /** The repository size GET /repos/{owner}/{repo} reports, in KiB (default 64). */
  repoSizeKiB?: number
}

export interface PullState {
  number: number
  baseSha: string
  headSha: string
  files: DiffEntry[]
  headText: Record<string, string>
  reviewComments: FakeReviewComment[]
  issueComments: FakeIssueComment[]
  reviews: FakeReview[]
  commits: string[]
}

/** An issue as GitHub returns it, plus the bodies of its comments (issueList). */
export interface FakeIssue {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: 'completed' | 'not_planned' | 'reopened' | null
  labels: { name: string }[]
  user: FakeUser
  comments: number
  html_url: string
  commentBodies: string[]
}

/** Tokens every fake accepts: bot-token (GITHUB_TOKEN), fork-token (read-only), pat-token (mesh-bot), human-token (alice), other-bot-token (renovate[bot]), app-token (mesh-checks[bot], a GitHub App's installation token). */
export declare const DEFAULT_TOKENS: Record<string, TokenSpec>

export declare class FakeGitHub {
  constructor(options?: FakeOptions)
  /** API base URL, prefix included, e.g. http://127.0.0.1:PORT/api/v3 */
  readonly url: string
  readonly origin: string
  readonly port: number
  readonly owner: string
  readonly repo: string
  readonly requests: RecordedRequest[]
  /** OpenAPI violations seen in requests (each also answered 422). */
  readonly validationErrors: string[]
  /** Bugs of the fake itself (answered 500); tests expect none. */
  readonly crashes: string[]
  readonly pulls: Map<number, PullState>
  /** What GET /repos/{owner}/{repo} reports as the repository's size (KiB); tests may change it. */
  repoSizeKiB: number
  listen(port?: number): Promise<this>
  close(): Promise<void>
  setPull(number: number, pull: BuiltPull): PullState
  failNext(fault: Fault): void
  /** Makes the fake refuse review comments on this line although the patch shows it. */
  refuseLine(path: string, line: number): void
  reviewComments(number: number): FakeReviewComment[]
  issueComments(number: number): FakeIssueComment[]
  reviews(number: number): FakeReview[]
  /** Every issue (pull requests left out), by number, with its comments' bodies. */
  issueList(): FakeIssue[]
  /** Opens an issue as someone else would (default: alice, a User); returns its number. */
  addIssue(issue: { title: string; body: string; labels?: string[]; login?: string; type?: 'Bot' | 'User'; state?: 'open' | 'closed' }): number
}

export declare function startFakeGitHub(options?: FakeOptions): Promise<FakeGitHub>

/** Builds a PR with git: `head` maps changed paths to new content, or null to delete them. */
export declare const LARGE_DIFF_CHANGES: number
export declare function pullFromStates(base: Record<string, string>, head: Record<string, string | null>, options?: { dropPatch?: string[]; keepRepo?: boolean; largeDiffChanges?: number }): BuiltPull

export declare function readTree(root: string): Record<string, string>

export declare function diffLines(patch: string): { right: Map<number, number>; left: Map<number, number>; added: Set<number> }

/** The runner environment for dist/index.js on a pull_request (default) or branch event against `fake` (files written into `dir`). */
export declare function runnerEnv(options: {
  fake: FakeGitHub
  pullNumber?: number
  baseSha?: string
  headSha: string
  dir: string
  workspace: string
  /** Action input names → values, e.g. { 'target-version': '1.28' }. */
  inputs?: Record<string, string>
  fork?: boolean
  /** Default pull_request; schedule, workflow_dispatch and push run on `ref` at `headSha` without a pull request. */
  event?: 'pull_request' | 'pull_request_target' | 'schedule' | 'workflow_dispatch' | 'push'
  /** GITHUB_REF outside pull requests (default refs/heads/main). */
  ref?: string
}): { env: NodeJS.ProcessEnv; outputFile: string; summaryFile: string }
