// The workflow run's context: the event payload and the GITHUB_* variables the action reads, as @actions/github
// reads them (when the action's bundle is loaded). Only its `context` is used: the package's Octokit (and the undici
// fetch it builds at load time) is left out of the bundle by rollup.config.ts, because src/github/client.ts makes its
// own lighter client.
import { context } from '@actions/github'

export { context }
export type ActionContext = typeof context
