import { codeSpan, escapeCommandData, escapeCommandProperty, escapeMarkdown, escapeTerminal, fencedBlock } from '../src/report/escape.js'

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<!-- istio-compat:summary -->',
  '<details><summary>x</summary>',
  '@octocat and @org/team please look',
  'name | with | pipes',
  'line one\nline two\r\nline three',
  '`code` and ``more``',
  '**bold** _em_ [link](https://evil.example) ![img](x)',
  '# heading',
  '- list item',
  '1. ordered',
  '> quote',
  '$x^2$ math',
  '&lt; entity &amp;',
  'back\\slash\\',
  'trojan \u202Eevil\u202C source',
  'nul \u0000 and esc \u001b[31m red'
]

/** What a CommonMark renderer shows for escaped inline text: backslash escapes and entities decoded, ZWJ invisible. */
function shownText(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200D/g, '')
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as the same text, inert', (text) => {
    const out = escapeMarkdown(text)
    expect(out).not.toMatch(/[\n\r]/)
    expect(out).not.toMatch(/</) // no HTML, no hidden markers
    expect(out).not.toMatch(/(^|[^\\])\|/) // no table cell break
    expect(out).not.toMatch(/(^|[^\\])[`*_[\]#$]/) // no code, emphasis, links, headings, math
    expect(out).not.toMatch(/@[A-Za-z0-9]/) // no mention
    const expected = text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[\u202A-\u202E]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`)
    expect(shownText(out)).toBe(expected)
  })

  it('breaks mentions with a zero-width joiner', () => {
    expect(escapeMarkdown('ping @alice')).toBe('ping @\u200Dalice')
    expect(escapeMarkdown('mail a@b')).toBe('mail a@\u200Db')
  })

  it('shows bidi controls as code points', () => {
    expect(escapeMarkdown('a\u202Eb')).toBe('a&lt;U\\+202E&gt;b')
  })
})

describe('codeSpan', () => {
  it.each([
    ['plain', '`plain`'],
    ['has `tick` here', '``has `tick` here``'], ['ends `tick`', '`` ends `tick` ``'],
    ['`edge`', '`` `edge` ``'],
    ['``double``', '``` ``double`` ```'],
    ['two\nlines', '`two lines`']
  ])('wraps %j so no backtick closes it early', (text, expected) => {
    expect(codeSpan(text)).toBe(expected)
  })

  it('escapes pipes inside a table cell and keeps HTML literal', () => {
    expect(codeSpan('a|b', { table: true })).toBe('`a\\|b`')
    expect(codeSpan('a|b')).toBe('`a|b`')
    expect(codeSpan('<b>@x</b>')).toBe('`<b>@x</b>`')
  })

  it('never produces an empty span', () => {
    expect(codeSpan('')).toBe('\\(empty\\)')
  })
})

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run in the content', () => {
    const content = 'a: |\n  ```\n  ````inner````\n  ```'
    const block = fencedBlock(content, 'suggestion')
    const fence = block.split('\n')[0]!
    expect(fence).toBe('`````suggestion')
    expect(block.endsWith('\n`````')).toBe(true)
    expect(block.split('\n').slice(1, -1).join('\n')).toBe(content)
  })

  it('keeps the content byte for byte and allows an empty block (delete lines)', () => {
    expect(fencedBlock('x: "<b>@alice|</b>"', 'suggestion')).toBe('```suggestion\nx: "<b>@alice|</b>"\n```')
    expect(fencedBlock('', 'suggestion')).toBe('```suggestion\n```')
  })
})

describe('workflow command escaping (actions/toolkit command.ts)', () => {
  it('escapes % CR LF in data and also : , in properties', () => {
    expect(escapeCommandData('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext: a,b')
    expect(escapeCommandProperty('dir/a:b,c%.yaml\n')).toBe('dir/a%3Ab%2Cc%25.yaml%0A')
  })
})

describe('escapeTerminal', () => {
  it('shows ANSI escapes and newlines instead of sending them', () => {
    expect(escapeTerminal('red \u001b[31m\nx')).toBe('red <U+001B>[31m x')
  })
})
