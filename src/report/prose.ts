// The project's own sentences (finding messages, fixes) as Markdown a reader enjoys: identifiers in code spans,
// no backslash noise, and still inert whatever a manifest put into them.
//
// A finding's `message` is plain text that mixes the project's prose with values taken from the manifest
// (YAML paths, keys, enum values, names). Rather than marking every value at each of the analyzers, the
// renderer finds the identifiers: the finding's own structured fields (YAML path, resource name, apiVersion)
// wherever they occur, and tokens shaped like identifiers (dotted or slashed names, env vars, camelCase keys,
// `key[0]` paths). Those become code spans, which show any text literally. Everything else is escaped
// minimally: only characters that could start Markdown or HTML at that place get an escape, so ordinary prose
// (periods, colons, parentheses, hyphens) reaches the page, e-mail notifications and API consumers untouched,
// while text from a manifest still cannot open a link, emphasis, HTML, a table cell or an @mention.
import { codeSpan, escapeMarkdown } from './escape.js'

const ZWJ = '\u200D'
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g
const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g

/** Echoed manifest text longer than this is cut (a 20,000-character value must not cost the review). */
export const MAX_ECHO = 300
/** A whole message or fix sentence longer than this is cut. */
export const MAX_SENTENCE = 1_000

function flatten(text: string): string {
  return text
    .replace(NEWLINES, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL_CHARS, '')
    .replace(BIDI_CONTROLS, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)
}

/** Cuts text to `max` characters (never inside a surrogate pair), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--
  return `${text.slice(0, end)}…`
}

/**
 * Plain text → inline Markdown that shows the same text, with an escape only where Markdown could act:
 * backslashes, code/emphasis/strikethrough/link/table characters, HTML and entities, a block marker at the
 * start, autolinks (`scheme://`, `www.`) and @mentions or #references (a zero-width joiner breaks them).
 */
export function escapeInline(text: string, options: { references?: boolean } = {}): string {
  const references = options.references ?? true
  let out = flatten(text)
    .replace(/[\\`*_~[\]|]/g, (ch) => `\\${ch}`)
    .replace(/[<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&amp;'))
    .replace(/\$(?=\S)/g, '\\$')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(references ? /([@#])(?=[A-Za-z0-9_-])/g : /(@)(?=[A-Za-z0-9_-])/g, `$1${ZWJ}`)
  // Block syntax only acts at the start of a line: headings, quotes, lists, thematic breaks, setext underlines.
  out = out.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/([#>+=.)-])$/, '\\$1')}`)
  return out
}

// Version numbers (1.28, 1.28.1, 1.31.0-rc.0, v1.30) read as prose, not identifiers.
const VERSION = /^v?\d+(\.\d+)+(-[A-Za-z0-9.]+)?$/
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs'])
// A token: a run of non-space characters; brackets and quotes inside a path stay part of it.
const TOKEN = /[^\s]+/g
const TRAILING = /[.,;:!?)'"]+$/
const LEADING = /^[('"]+/

/** True for a token that is a name from YAML or Istio rather than a word of a sentence. */
export function looksLikeIdentifier(token: string): boolean {
  if (token.length < 2 || VERSION.test(token) || ABBREVIATIONS.has(token.toLowerCase())) return false
  // Names are made of these (a cut one ends in an ellipsis); anything with HTML or backticks in it is text to escape.
  if (!/^[\w.\-/[\]"'=:{}$*@]+…?$/.test(token)) return false
  if (token.endsWith('…')) return token.length > 20
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token)) return false // a URL: linked elsewhere or shown as text
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(token)) return true // ENV_VAR_NAME
  if (/[[\]{}=_$]/.test(token) && /[A-Za-z]/.test(token)) return true // spec.x[0], key=value, snake_case
  if (/^[^./]+([./][^./]+)+\/?$/.test(token) && /[A-Za-z]/.test(token)) {
    // dotted or slashed names: spec.tracing, sidecar.istio.io/nativeSidecar, networking.istio.io/v1
    const parts = token.split(/[./]/)
    // "and/or", "Add/Remove" are words
    return parts.some((p) => p.length >= 2) && !/^[A-Za-z][a-z]*\/[A-Za-z][a-z]*$/.test(token)
  }
  if (/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(token)) return true // camelCase keys: randomSamplingPercentage
  return false
}

/**
 * A sentence of the project (a finding's message, a fix description) as Markdown: identifiers and the given
 * manifest values as code spans, the rest escaped minimally, echoed values and the sentence length capped.
 */
export function prose(text: string, manifestValues: readonly (string | undefined)[] = []): string {
  // A long echoed value (a 20,000-character key, say) is cut on its own first, so the sentence around it stays.
  const cutTokens = (s: string) => s.replace(/\S{301,}/g, (t) => truncate(t, MAX_ECHO))
  const flat = truncate(cutTokens(flatten(text)), MAX_SENTENCE)
  // Longest first, so `spec.a.b` wins over `spec.a` when both are given.
  const values = [...new Set(manifestValues.filter((v): v is string => !!v && v.length >= 2).map((v) => cutTokens(flatten(v))))].sort((a, b) => b.length - a.length)
  const parts: string[] = []
  let at = 0
  const pushText = (s: string) => {
    if (s !== '') parts.push(escapeInline(s))
  }
  const pushCode = (s: string) => parts.push(codeSpan(truncate(s, MAX_ECHO)))
  while (at < flat.length) {
    // Earliest occurrence of a given value, else the next identifier-shaped token.
    let best: { index: number; length: number } | undefined
    for (const v of values) {
      const index = flat.indexOf(v, at)
      if (index >= 0 && (best === undefined || index < best.index || (index === best.index && v.length > best.length))) best = { index, length: v.length }
    }
    TOKEN.lastIndex = at
    let match: RegExpExecArray | null
    let token: { index: number; length: number } | undefined
    while ((match = TOKEN.exec(flat)) !== null) {
      if (best !== undefined && match.index >= best.index) break
      const lead = LEADING.exec(match[0])?.[0].length ?? 0
      const core = match[0].slice(lead).replace(TRAILING, '')
      if (looksLikeIdentifier(core)) {
        token = { index: match.index + lead, length: core.length }
        break
      }
    }
    const next = token && (!best || token.index < best.index) ? token : best
    if (!next) {
      pushText(flat.slice(at))
      break
    }
    pushText(flat.slice(at, next.index))
    pushCode(flat.slice(next.index, next.index + next.length))
    at = next.index + next.length
  }
  return parts.join('')
}

/** Free-form text from a manifest or a config file (a reason, a parser message): escaped as a whole and capped. */
export function manifestText(text: string): string {
  return escapeMarkdown(truncate(text, MAX_SENTENCE))
}

// ---- sources --------------------------------------------------------------------------------------------

/**
 * Hosts a source link may point at. Sources come from the bundled catalog and schema index, but a link is
 * only made when the host is one of these (https only); anything else is shown as text.
 */
export const SOURCE_HOSTS: readonly string[] = [
  'istio.io',
  'preliminary.istio.io',
  'github.com',
  'kubernetes.io',
  'gateway-api.sigs.k8s.io',
  'gateway-api-inference-extension.sigs.k8s.io'
]

export interface SourceLink {
  url: string
  title: string
  /** False when the host is not allowed: show `title` as text only. */
  linkable: boolean
}

function deslug(slug: string): string {
  const words = decodeURIComponent(slug).replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A readable title for a source URL: "Istio 1.27 upgrade notes › Native sidecar enabled by default", "istio/istio#48794". */
export function sourceTitle(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean)
  const section = url.hash.length > 1 ? deslug(url.hash.slice(1)) : ''
  const withSection = (title: string) => (section ? `${title} › ${section}` : title)
  if (/(^|\.)istio\.io$/.test(url.hostname)) {
    const release = segments.findIndex((s) => s === 'releases')
    const announcing = segments.find((s) => s.startsWith('announcing-'))
    if (release >= 0 && announcing) {
      const version = announcing.slice('announcing-'.length)
      const page = segments.at(-1) === announcing ? 'release notes' : deslug(segments.at(-1)!).toLowerCase()
      return withSection(`Istio ${version} ${page}`)
    }
    return withSection(`istio.io › ${deslug(segments.at(-1) ?? 'docs')}`)
  }
  if (url.hostname === 'github.com' && segments.length >= 2) {
    const repo = `${segments[0]}/${segments[1]}`
    if ((segments[2] === 'issues' || segments[2] === 'pull') && /^\d+$/.test(segments[3] ?? '')) return `${repo}#${segments[3]}`
    if ((segments[2] === 'tree' || segments[2] === 'blob') && segments[3]) {
      const ref = /^[0-9a-f]{40}$/.test(segments[3]) ? segments[3].slice(0, 7) : segments[3]
      return `${repo} ${segments.slice(4).join('/') || 'tree'} at ${ref}`
    }
    return repo
  }
  return withSection(`${url.hostname} › ${deslug(segments.at(-1) ?? '')}`.replace(/ › $/, ''))
}

function toSourceLink(raw: string): SourceLink | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  const linkable = url.protocol === 'https:' && SOURCE_HOSTS.includes(url.hostname) && url.username === '' && url.password === ''
  return { url: url.href, title: sourceTitle(url), linkable }
}

/**
 * A finding's `source` ("<url>", "<url> (<url>, <url>)" or "<url> (a note)") as links and a note. Unparseable
 * sources come back as `note` only.
 */
export function parseSource(source: string): { links: SourceLink[]; note?: string } {
  const m = /^(\S+)(?:\s+\((.*)\))?\s*$/.exec(source.trim())
  const first = m ? toSourceLink(m[1]!) : undefined
  if (!m || !first) return { links: [], note: source }
  const links = [first]
  const extra = m[2]?.trim()
  if (!extra) return { links }
  const refs = extra.split(/,\s*/)
  const parsed = refs.map(toSourceLink)
  if (parsed.every((p) => p !== undefined)) return { links: [...links, ...(parsed as SourceLink[])] }
  return { links, note: extra }
}

/** A link as Markdown, its title escaped; for a host outside the allow-list, the title and URL as text. */
export function markdownLink(link: SourceLink): string {
  // Inside link text a #123 is not linked again: the title keeps its reference as it is.
  const title = escapeInline(link.title, { references: !link.linkable })
  // Parentheses and spaces are percent-encoded by URL; `<>` keeps any remaining punctuation literal.
  return link.linkable ? `[${title}](${link.url.replace(/[()<> ]/g, (c) => encodeURIComponent(c))})` : `${title} (${codeSpan(link.url)})`
}

/** "Source: [title](url) · [istio/istio#1](url)" or undefined when the finding names none. */
export function renderSource(source: string | undefined): string | undefined {
  if (!source) return undefined
  const { links, note } = parseSource(source)
  const parts = links.map(markdownLink)
  if (note) parts.push(links.length ? `(${escapeInline(note)})` : escapeInline(note))
  return parts.join(' · ')
}
