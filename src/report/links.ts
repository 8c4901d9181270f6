// Where a rule's documentation lives; the one place that knows the project's URL.
import { createHash } from 'node:crypto'

/** Used when the action's own repository is unknown (CLI runs). */
export const PROJECT_URL = 'https://github.com/istio-compat/istio-compat'
export const PROJECT_DOCS_REF = 'main'

/**
 * docs/rules/<id>.md of the running action: Actions sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF for
 * the step of a `uses:` action, so the link matches the version that produced the finding.
 */
export function ruleDocsUrl(ruleId: string, env: NodeJS.ProcessEnv = process.env): string {
  const repository = env['GITHUB_ACTION_REPOSITORY']
  const base = repository ? `${env['GITHUB_SERVER_URL'] || 'https://github.com'}/${repository}` : PROJECT_URL
  const ref = repository && env['GITHUB_ACTION_REF'] ? env['GITHUB_ACTION_REF'] : PROJECT_DOCS_REF
  return `${base}/blob/${encodeURIComponent(ref)}/docs/rules/${encodeURIComponent(ruleId)}.md`
}

/**
 * What the report needs to turn places into links. Everything is optional: without a repository (a CLI run)
 * locations are shown as code spans. Independent of a pull request, so an issue or a job summary can use it.
 */
export interface LinkContext {
  /** e.g. https://github.com or https://ghes.example (GITHUB_SERVER_URL). */
  serverUrl?: string
  /** owner/repo */
  repository?: string
  /** The commit the findings are about (permalinks to head lines). */
  headSha?: string
  /** The base commit (permalink of a from-release read at the base). */
  baseSha?: string
  pullNumber?: number
  /** The workflow run (GITHUB_RUN_ID): the job's annotations and summary. */
  runUrl?: string
  /** The sticky summary comment, once known. */
  summaryUrl?: string
  /** Inline threads by finding, when commented (the thread's URL, or the diff line it sits on). */
  threads?: ReadonlyMap<object, string>
}

function repoUrl(ctx: LinkContext): string | undefined {
  return ctx.serverUrl && ctx.repository ? `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}` : undefined
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** `<server>/<repo>/blob/<sha>/<path>#L<start>-L<end>`: the exact lines at that commit. */
export function permalink(ctx: LinkContext, file: string, line?: number, endLine?: number, sha = ctx.headSha): string | undefined {
  const repo = repoUrl(ctx)
  if (!repo || !sha) return undefined
  const anchor = line === undefined || line < 1 ? '' : endLine !== undefined && endLine > line ? `#L${line}-L${endLine}` : `#L${line}`
  return `${repo}/blob/${sha}/${encodePath(file)}${anchor}`
}

export function commitUrl(ctx: LinkContext, sha = ctx.headSha): string | undefined {
  const repo = repoUrl(ctx)
  return repo && sha ? `${repo}/commit/${sha}` : undefined
}

/**
 * A line of the pull request's "Files changed" page: GitHub anchors each file as `diff-<sha256 of its path>`
 * and each head line as `R<line>`, so this reaches the inline thread without asking the API for its id.
 */
export function diffLineUrl(ctx: LinkContext, file: string, line: number): string | undefined {
  const repo = repoUrl(ctx)
  if (!repo || ctx.pullNumber === undefined) return undefined
  return `${repo}/pull/${ctx.pullNumber}/files#diff-${createHash('sha256').update(file).digest('hex')}R${line}`
}

/** The LinkContext of an Actions run from its environment (the rest is filled in by the publisher). */
export function actionsLinkContext(env: NodeJS.ProcessEnv = process.env): LinkContext {
  const serverUrl = env['GITHUB_SERVER_URL'] || undefined
  const repository = env['GITHUB_REPOSITORY'] || undefined
  const runId = env['GITHUB_RUN_ID']
  return {
    ...(serverUrl ? { serverUrl } : {}),
    ...(repository ? { repository } : {}),
    ...(serverUrl && repository && runId ? { runUrl: `${serverUrl.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}` } : {})
  }
}
