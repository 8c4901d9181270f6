// Where annotations and the job step summary go: the Actions runner's stdout and $GITHUB_STEP_SUMMARY.
import { appendFileSync } from 'node:fs'

export interface WorkflowOutput {
  /** Writes one workflow command line (an annotation) to the job log. */
  command(line: string): void
  /** Appends markdown to the step summary; returns false when there is none (not in Actions). */
  stepSummary(markdown: string): boolean
}

/** "Each step is restricted to a maximum size of 1MiB" for its summary; stay well below. */
export const STEP_SUMMARY_BUDGET = 900_000

export function actionsWorkflowOutput(env: NodeJS.ProcessEnv = process.env, write: (text: string) => void = (t) => void process.stdout.write(t)): WorkflowOutput {
  return {
    command: (line) => write(`${line}\n`),
    stepSummary: (markdown) => {
      const file = env['GITHUB_STEP_SUMMARY']
      if (!file) return false
      appendFileSync(file, `${markdown}\n`, 'utf8')
      return true
    }
  }
}
