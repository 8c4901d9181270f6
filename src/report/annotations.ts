// Workflow-command annotations (`::error file=…::msg`): the channel that works with a read-only token, and the
// one that makes the Checks tab point at findings outside the diff.
import { compareFindings, type Finding, type Severity } from '../model.js'
import { escapeCommandData, escapeCommandProperty } from './escape.js'
import { truncate } from './prose.js'
import { isPrLevel, isUnchanged } from './summary.js'

/**
 * "10 warning annotations, 10 error annotations, and 10 notice annotations per step; 50 annotations per job"
 * (actions/toolkit docs/problem-matchers.md); the rest are dropped silently, so the summary says how many.
 */
export const MAX_ANNOTATIONS_PER_LEVEL = 10
export const MAX_ANNOTATIONS_PER_JOB = 50
/** An annotation's message may be 64 KB; a reader of the Checks tab wants far less. */
const MAX_MESSAGE = 4_000

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', notice: 'notice' }

export interface AnnotationPlan {
  /** Workflow command lines, one per annotation. */
  commands: string[]
  annotated: Finding[]
  /** Findings over the caps: the summary lists them and says how many. */
  overflow: Finding[]
}

export interface AnnotationOptions {
  /** Preferred within a level (e.g. findings on lines the PR added). */
  preferred?: (f: Finding) => boolean
  /**
   * Slots per level kept free for the step's own annotations that come later: the gate's `::error::` (core.setFailed)
   * when the check fails, and a warning the publisher may log. GitHub keeps the first ten of a level, so
   * without this the gate's own annotation would be the one dropped on a fork.
   */
  reserve?: Partial<Record<Severity, number>>
}

/** Formats one workflow command with the toolkit's escaping (`command.ts`). */
export function workflowCommand(command: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${escapeCommandData(message)}`
}

/** One annotation: file and lines (none for findings about the cluster or upgrade), message, fix, YAML path, source. */
export function annotationFor(finding: Finding): string {
  const endLine = finding.endLine !== undefined && finding.endLine > finding.line ? finding.endLine : undefined
  const where = isPrLevel(finding) ? {} : { file: finding.file, line: finding.line, endLine }
  const parts = [finding.message]
  if (finding.fix) parts.push(`Fix: ${finding.fix.description}`)
  if (finding.path && !isPrLevel(finding)) parts.push(`At ${finding.path}.`)
  if (finding.source) parts.push(`Source: ${finding.source}`)
  return workflowCommand(COMMAND[finding.severity], { ...where, title: `istio-compat ${finding.rule}` }, truncate(parts.join(' '), MAX_MESSAGE))
}

/**
 * The annotations of a run: errors first, per level up to the cap less the reserved slots, preferred findings
 * first, then in file order; at most 50 in all. Suppressed findings and findings already on the base are
 * left to the summary.
 */
export function planAnnotations(findings: readonly Finding[], options: AnnotationOptions | ((f: Finding) => boolean) = {}): AnnotationPlan {
  const opts = typeof options === 'function' ? { preferred: options } : options
  const preferred = opts.preferred ?? (() => false)
  const annotated: Finding[] = []
  const overflow: Finding[] = []
  let total = 0
  for (const severity of ['error', 'warning', 'notice'] as const) {
    const level = findings
      .filter((f) => !f.suppressed && !isUnchanged(f) && f.severity === severity)
      .sort((a, b) => Number(preferred(b)) - Number(preferred(a)) || compareFindings(a, b))
    const reserved = opts.reserve?.[severity] ?? 0
    const room = Math.max(0, Math.min(MAX_ANNOTATIONS_PER_LEVEL - reserved, MAX_ANNOTATIONS_PER_JOB - total - 2))
    for (let i = 0; i < level.length; i++) (i < room ? annotated : overflow).push(level[i])
    total += Math.min(room, level.length)
  }
  return { commands: annotated.map(annotationFor), annotated, overflow }
}
