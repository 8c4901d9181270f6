// The GitHub REST client: GHES-aware base URL, retries for 5xx, rate-limit handling and paced writes.
import * as core from '@actions/core'
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils'
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

const PacedOctokit = GitHub.plugin(retry, throttling)

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
  const octokit = new PacedOctokit(
    getOctokitOptions(options.token, {
      baseUrl: (options.baseUrl ?? apiBaseUrl()).replace(/\/+$/, ''),
      userAgent: 'istio-compat',
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
  )
  RETRY_SETTINGS.set(octokit, { retries, unitMs: unit })
  octokit.hook.before('request', (request) => {
    request.headers['x-github-api-version'] = GITHUB_API_VERSION
  })
  return octokit
}
