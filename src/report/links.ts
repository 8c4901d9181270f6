// Where a rule's documentation lives; the one place that knows the project's URL.

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
