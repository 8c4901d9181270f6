// Workflow-command annotations (`::error file=…::msg`): the channel that works with a read-only token.
import { compareFindings, type Finding, type Severity } from '../model.js'
import { escapeCommandData, escapeCommandProperty } from './escape.js'

/**
 * "10 warning annotations, 10 error annotations, and 10 notice annotations per step" (actions/toolkit
 * docs/problem-matchers.md); the rest are dropped silently, so they go to the step summary instead.
 */
export const MAX_ANNOTATIONS_PER_LEVEL = 10

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', notice: 'notice' }

export interface AnnotationPlan {
  /** Workflow command lines, one per annotation. */
  commands: string[]
  annotated: Finding[]
  /** Findings over the per-level cap: list them in the step summary. */
  overflow: Finding[]
}

/** Formats one workflow command with the toolkit's escaping (`command.ts`). */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${escapeCommandData(message)}`
}

export function annotationFor(finding: Finding): string {
  const endLine = finding.endLine !== undefined && finding.endLine > finding.line ? finding.endLine : undefined
  return workflowCommand(
    COMMAND[finding.severity],
    { file: finding.file, line: finding.line, endLine, title: `istio-compat ${finding.rule}` },
    finding.message + (finding.fix ? ` Fix: ${finding.fix.description}` : '')
  )
}

/**
 * The annotations of a run: per level the first ten unsuppressed findings the PR causes (not those already
 * there before it), those on lines the PR added first (`preferred`), then in file order.
 */
export function planAnnotations(findings: readonly Finding[], preferred: (f: Finding) => boolean = () => false): AnnotationPlan {
  const annotated: Finding[] = []
  const overflow: Finding[] = []
  for (const severity of ['error', 'warning', 'notice'] as const) {
    const level = findings
      .filter((f) => !f.suppressed && f.baselineState !== 'unchanged' && f.severity === severity)
      .sort((a, b) => Number(preferred(b)) - Number(preferred(a)) || compareFindings(a, b))
    annotated.push(...level.slice(0, MAX_ANNOTATIONS_PER_LEVEL))
    overflow.push(...level.slice(MAX_ANNOTATIONS_PER_LEVEL))
  }
  return { commands: annotated.map(annotationFor), annotated, overflow }
}
