// The GitHub REST client: GHES-aware base URL, retries for 5xx, rate-limit handling and paced writes.
import * as core from '@actions/core'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import type { Api } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'

/** Pinned so a new default REST version cannot change response shapes under us. */
export const GITHUB_API_VERSION = '2022-11-28'

/**
 * GitHub asks integrations to "wait at least one second between each" mutative request, and the throttling
 * plugin spaces notification-triggering writes (reviews, comments) by three seconds.
 */
export const WRITE_PACING = { writeMs: 1_000, notificationMs: 3_000 } as const

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug?(message: string): void
}

export interface ClientOptions {
  token: string
  /** The REST API root; default `GITHUB_API_URL` (set by Actions, e.g. https://ghes.example/api/v3), else github.com. */
  baseUrl?: string
  log?: Log
  /** Minimum gap between write starts; tests shorten it. */
  pacing?: { writeMs: number; notificationMs: number }
  /** Milliseconds per retry "unit" (retry-after seconds, backoff squares); tests shorten it. */
  retryUnitMs?: number
  /** Retries for 5xx and rate limits. */
  retries?: number
  /** Register the token as a secret so Actions masks it in logs; default: when running in Actions. */
  maskToken?: boolean
}

type Rest = Api['rest']

/**
 * The REST methods the action calls, by scope: `octokit.rest.pulls.listFiles(…)` as @octokit/plugin-rest-endpoint-methods
 * defines them (none of these has parameter renames or other decorations there). That plugin builds a table of all
 * ~1,000 GitHub endpoints when it is loaded, a good part of the action's start-up; a method added here must match it.
 */
export const ENDPOINTS = {
  issues: {
    create: 'POST /repos/{owner}/{repo}/issues',
    createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    deleteComment: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
    listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    listForRepo: 'GET /repos/{owner}/{repo}/issues',
    update: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
  },
  pulls: {
    createReview: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    deletePendingReview: 'DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}',
    deleteReviewComment: 'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}',
    get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    listCommentsForReview: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments',
    listFiles: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    listReviewComments: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
    listReviews: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    updateReview: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}'
  },
  users: {
    getAuthenticated: 'GET /user'
  }
} as const satisfies { [S in keyof Rest]?: { [M in keyof Rest[S]]?: string } }

type Endpoints = typeof ENDPOINTS
export type RestMethods = { [S in keyof Endpoints]: Pick<Rest[S], keyof Endpoints[S] & keyof Rest[S]> }

/** The Octokit plugin that adds `rest` with the methods of ENDPOINTS. */
export function restMethods(octokit: Octokit): { rest: RestMethods } {
  const rest: Record<string, Record<string, unknown>> = {}
  for (const [scope, methods] of Object.entries(ENDPOINTS)) {
    rest[scope] = {}
    for (const [name, route] of Object.entries(methods)) {
      const [method, url] = route.split(' ')
      rest[scope]![name] = octokit.request.defaults({ method, url })
    }
  }
  return { rest: rest as unknown as RestMethods }
}

// The plugins of @actions/github's client (REST methods, pagination), plus retries and throttling. That package is
// not used: its module builds a client with undici's fetch when it is loaded, and undici is most of the bundle.
const PacedOctokit = Octokit.plugin(restMethods, paginateRest, retry, throttling)

/** Retry settings of each client, for callers that must retry by hand (non-idempotent creates). */
const RETRY_SETTINGS = new WeakMap<object, { retries: number; unitMs: number }>()

/** How often and how patiently a client retries (the defaults for a client made elsewhere). */
export function retrySettingsOf(octokit: object): { retries: number; unitMs: number } {
  return RETRY_SETTINGS.get(octokit) ?? { retries: 3, unitMs: 1_000 }
}
export type GitHubClient = InstanceType<typeof PacedOctokit>

/** A gate that lets one job start per `minTime` ms; the throttling plugin only calls `key().schedule()`. */
export class WritePacer {
  private last = 0
  private queue: Promise<unknown> = Promise.resolve()
  constructor(private readonly minTime: number) {}
  key(): this {
    return this
  }
  schedule(...args: unknown[]): Promise<unknown> {
    const [options, fn, ...rest] = (typeof args[0] === 'function' ? [{}, ...args] : args) as [{ weight?: number }, (...a: unknown[]) => unknown, ...unknown[]]
    // Retries (weight 0) already waited for retry-after; do not make them queue again.
    if (options.weight === 0) return Promise.resolve(fn(...rest))
    const turn = this.queue.then(async () => {
      const wait = this.last + this.minTime - Date.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      this.last = Date.now()
    })
    this.queue = turn
    return turn.then(() => fn(...rest))
  }
}

export function apiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '')
}

/**
 * The fetch of a client: Node's own (Octokit's default), or when the runner names a proxy for the API host
 * (https_proxy / http_proxy, minus no_proxy, read as @actions/http-client reads them) undici's fetch through a proxy
 * agent, loaded on the first request. Undefined for Node's own.
 */
export function apiFetch(baseUrl: string): typeof fetch | undefined {
  if (!getProxyUrl(new URL(baseUrl))?.hostname) return undefined
  let proxied: Promise<typeof fetch> | undefined
  return async (input, init) => {
    proxied ??= import('./proxy-fetch.js').then((m) => m.proxyFetch(baseUrl))
    return (await proxied)(input, init)
  }
}

/** The User-Agent: ours, tagged with the run's orchestration id when Actions sets one (as @actions/github does). */
export function userAgent(env: NodeJS.ProcessEnv = process.env): string {
  const id = env['ACTIONS_ORCHESTRATION_ID']?.trim()
  return id ? `istio-compat actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : 'istio-compat'
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? { info: () => {}, warning: () => {} }
  if (options.maskToken ?? process.env['GITHUB_ACTIONS'] === 'true') core.setSecret(options.token)
  const pacing = options.pacing ?? WRITE_PACING
  const unit = options.retryUnitMs ?? 1_000
  const retries = options.retries ?? 3
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < retries
    log.warning(`GitHub ${kind} rate limit on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter}s` : 'giving up'}`)
    return again
  }
  const throttle = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
    retryAfterBaseValue: unit,
    write: new WritePacer(pacing.writeMs),
    notifications: new WritePacer(pacing.notificationMs)
  } as unknown as ThrottlingOptions
  const baseUrl = (options.baseUrl ?? apiBaseUrl()).replace(/\/+$/, '')
  const fetch = apiFetch(baseUrl)
  const octokit = new PacedOctokit({
    auth: `token ${options.token}`,
    baseUrl,
    userAgent: userAgent(),
    ...(fetch ? { request: { fetch } } : {}),
    throttle,
    retry: { retries, retryAfterBaseValue: unit },
    // Octokit's own log: request details only, never headers (the token lives in a header).
    log: {
      debug: (m: string) => log.debug?.(m),
      info: (m: string) => log.debug?.(m),
      warn: (m: string) => log.warning(m),
      error: (m: string) => log.warning(m)
    }
  })
  RETRY_SETTINGS.set(octokit, { retries, unitMs: unit })
  octokit.hook.before('request', (request) => {
    request.headers['x-github-api-version'] = GITHUB_API_VERSION
  })
  return octokit
}
