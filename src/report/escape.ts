// Everything that comes from a manifest is hostile text: these helpers make it inert in each output format.

const ZERO_WIDTH_JOINER = '\u200D'
// Bidi overrides and isolates can make rendered text read differently from its source ("Trojan Source").
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
// C0/C1 controls except tab; they have no business in a comment and some terminals act on them.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g
// Every ASCII punctuation character CommonMark/GFM may give a meaning to; a backslash makes each literal.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~<>&"'=:$^]/g

function visibleCodePoint(ch: string): string {
  return `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
}

/** Removes controls and shows bidi characters as their code point, on one line. */
function flatten(text: string): string {
  return text
    .replace(NEWLINES, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(BIDI_CONTROLS, visibleCodePoint)
}

/**
 * Plain text → inline markdown that renders as the same text: one line, no HTML, no emphasis, links,
 * headings, list markers or table cell breaks, and no @mentions (a zero-width joiner after the `@`).
 * Safe inside a GFM table cell.
 */
export function escapeMarkdown(text: string): string {
  return flatten(text)
    .replace(MARKDOWN_PUNCTUATION, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_JOINER}`)
}

function longestBacktickRun(text: string): number {
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  return longest
}

/**
 * Text as an inline code span that no backtick in it can close early. In a table cell (`table: true`) the
 * pipes are escaped too: GFM splits cells on `|` even inside code spans and renders `\|` there as `|`.
 */
export function codeSpan(text: string, options: { table?: boolean } = {}): string {
  let body = flatten(text)
  if (body === '') return escapeMarkdown('(empty)')
  if (options.table) body = body.replace(/\|/g, '\\|')
  const fence = '`'.repeat(longestBacktickRun(body) + 1)
  // CommonMark strips one space on each side when both are present; pad so backticks at the edges stay content.
  const padded = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ` ${body} ` : body
  return `${fence}${padded}${fence}`
}

/**
 * A fenced code block (e.g. ```suggestion) whose fence is longer than any backtick run in the content,
 * so the content can never end the block. The content is kept byte for byte: it is code, not prose.
 */
export function fencedBlock(content: string, info: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1))
  const body = content === '' ? '' : `${content}\n`
  return `${fence}${info}\n${body}${fence}`
}

/** A text for a terminal: control characters (ANSI escapes included) are shown, never sent. */
export function escapeTerminal(text: string): string {
  return text
    .replace(NEWLINES, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, visibleCodePoint)
    .replace(BIDI_CONTROLS, visibleCodePoint)
}

// Workflow commands: the escaping of actions/toolkit `core/src/command.ts`.

/** Escapes the message part of a workflow command (`::error ...::<data>`). */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property value of a workflow command (`file=`, `title=`): data escaping plus `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
