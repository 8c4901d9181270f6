// The workflow run's context: the event payload and the GITHUB_* variables the action reads.
// The same fields as @actions/github's `context`, without importing that package: its entry builds an Octokit class
// with undici's fetch at load time, which is most of the action's bundle and of its start-up time.
import { existsSync, readFileSync } from 'node:fs'

export interface ActionContext {
  /** The webhook payload of the event (GITHUB_EVENT_PATH); {} when there is none. */
  payload: Record<string, any>
  eventName: string | undefined
  sha: string | undefined
  ref: string | undefined
  runId: number
  serverUrl: string
  /** owner/name from GITHUB_REPOSITORY, else the payload's repository. */
  readonly repo: { owner: string; repo: string }
}

export function actionContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  let payload: Record<string, any> = {}
  const eventPath = env['GITHUB_EVENT_PATH']
  if (eventPath) {
    if (existsSync(eventPath)) payload = JSON.parse(readFileSync(eventPath, 'utf8'))
    else process.stdout.write(`GITHUB_EVENT_PATH ${eventPath} does not exist\n`)
  }
  return {
    payload,
    eventName: env['GITHUB_EVENT_NAME'],
    sha: env['GITHUB_SHA'],
    ref: env['GITHUB_REF'],
    runId: parseInt(env['GITHUB_RUN_ID'] ?? '', 10),
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    get repo() {
      const repository = env['GITHUB_REPOSITORY']
      if (repository) {
        const [owner = '', repo = ''] = repository.split('/')
        return { owner, repo }
      }
      if (payload['repository']) return { owner: payload['repository'].owner.login, repo: payload['repository'].name }
      throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'")
    }
  }
}

let current: ActionContext | undefined

/** The context of this process, read once on first use. */
export function context(): ActionContext {
  return (current ??= actionContext())
}
