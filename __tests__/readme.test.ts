// README.md stays true: its generated sections match a fresh run of dist/ on the example, its tables match
// action.yml, the rules and the catalog, and its workflows and commands only use what exists.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { allRules } from '../src/analyze/index.js'
import { main } from '../src/cli/main.js'
import { CATALOG } from '../src/knowledge/catalog.js'
import { KNOWN_MINORS, LATEST_MINOR, parseRelease } from '../src/knowledge/versions.js'
import { parseFailOn } from '../src/gate.js'
import { actionMode } from '../src/readiness/run.js'
import { PROJECT_URL } from '../src/report/links.js'

const README = readFileSync('README.md', 'utf8')
const GENERATED = ['example', 'cli', 'rules', 'releases'] as const

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}
const action = load(readFileSync('action.yml', 'utf8')) as ActionYml

function section(text: string, name: string): string {
  const start = `<!-- ${name}:start -->`
  const from = text.indexOf(start)
  const to = text.indexOf(`<!-- ${name}:end -->`)
  if (from < 0 || to < from) throw new Error(`no ${name} section`)
  return text.slice(from + start.length, to)
}

/** 1-based line of README.md where `offset` is. */
function lineAt(offset: number): number {
  return README.slice(0, offset).split('\n').length
}

/** The README without its generated sections (their YAML snippets quote broken manifests on purpose). */
function handWritten(): string {
  let text = README
  for (const name of GENERATED) text = text.replace(section(text, name), '\n')
  return text
}

/** Rows of the markdown table whose header row starts with `header`, as trimmed cells. */
function tableRows(text: string, header: string): { line: number; cells: string[] }[] {
  const at = text.indexOf(`\n${header}`)
  if (at < 0) throw new Error(`no table starting with ${header}`)
  const rows: { line: number; cells: string[] }[] = []
  const lines = text.slice(at + 1).split('\n')
  for (const [i, row] of lines.entries()) {
    if (!row.startsWith('|')) break
    if (i < 2) continue // header and separator
    rows.push({ line: lineAt(README.indexOf(row)), cells: row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()) })
  }
  return rows
}

/** Fenced ```yaml blocks of the hand-written part, with the README line of their first content line. */
function yamlBlocks(): { line: number; text: string }[] {
  const text = handWritten()
  const blocks: { line: number; text: string }[] = []
  for (const m of text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)) blocks.push({ line: lineAt(README.indexOf(m[1])), text: m[1] })
  return blocks
}

function stepsOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(stepsOf)
  if (typeof value !== 'object' || value === null) return []
  const v = value as Record<string, unknown>
  return [...(typeof v.uses === 'string' ? [v] : []), ...Object.values(v).flatMap(stepsOf)]
}

let regenerated = ''
beforeAll(() => {
  const run = spawnSync(process.execPath, ['scripts/render-readme.mjs', '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(`scripts/render-readme.mjs failed (${run.status}): ${run.stderr}`)
  regenerated = run.stdout
}, 120_000)

describe('README.md', () => {
  it('starts (lines 3-6) with the two commands for a fresh machine', () => {
    expect(README.split('\n').slice(2, 6)).toEqual([
      '```sh',
      'npm ci && npm start   # runs the check on the bundled example GitOps repository (an Istio 1.26 → 1.28 PR)',
      'npm test              # runs the test suite',
      '```'
    ])
  })

  it.each(GENERATED.map((name) => [name]))('the generated %s section matches a fresh run (update: node scripts/render-readme.mjs)', (name) => {
    const line = lineAt(README.indexOf(`<!-- ${name}:start -->`))
    expect({ line, text: section(README, name) }).toEqual({ line, text: section(regenerated, name) })
  })

  it('is exactly what node scripts/render-readme.mjs writes', () => {
    expect(regenerated).toBe(README)
  })

  it('the example shows inline comments with a suggestion on their exact lines, and the sticky summary', () => {
    const example = section(README, 'example')
    const telemetry = example.indexOf('**`apps/shop/telemetry.yaml`**, line 10:')
    expect(telemetry).toBeGreaterThan(-1)
    // The commented line, then the comment with its suggested change.
    expect(example.slice(telemetry)).toMatch(/^\*\*`apps\/shop\/telemetry\.yaml`\*\*, line 10:\n\n```yaml\n {6}randomSamplingPercent: 10\.0\n```\n\n> ⚠️ \*\*Warning\*\* · \[`unknown-field`\]\([^)]+\)[\s\S]*?> ```suggestion\n> {7}randomSamplingPercentage: 10\.0\n> ```/)
    expect(example).toContain('**`apps/shop/checkout.yaml`**, line 16:')
    expect(example).toContain('> ```suggestion\n>         sidecar.istio.io/nativeSidecar: "false"\n> ```')
    expect(example).toContain('**`clusters/prod/istio-system/istiod.yaml`**, lines 54–56:')
    expect(example).toContain('> <!-- istio-compat:summary -->\n> ### ❌ istio-compat: 3 errors block the upgrade to Istio 1.28.1')
    expect(example).toMatch(/> - \[`apps\/inference\/pool\.yaml:1`\]\(https:\/\/github\.com\/octo\/mesh\/blob\/[0-9a-f]{40}\/apps\/inference\/pool\.yaml#L1\) · InferencePool `inference\/llama`/)
    expect(example).not.toMatch(/127\.0\.0\.1/)
  })

  it('the rules table lists every rule of allRules() with its default severity and docs page', () => {
    const rows = tableRows(section(README, 'rules'), '| Rule |').map((r) => r.cells)
    const expected = [...allRules()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => [`[\`${r.id}\`](docs/rules/${r.id}.md)`, r.defaultSeverity, r.description.replace(/\|/g, '\\|')])
    expect(rows).toEqual(expected)
  })

  it('the releases table has one row per known minor with the catalog Kubernetes range and entry count', () => {
    const rows = tableRows(section(README, 'releases'), '| Istio |')
    expect(rows.map((r) => r.cells[0].replace(/\*\*(.*)\*\* \(`latest`\)/, '$1'))).toEqual([...KNOWN_MINORS])
    for (const { line, cells } of rows) {
      const minor = cells[0].replace(/\*\*(.*)\*\* \(`latest`\)/, '$1')
      const release = CATALOG.find((r) => r.release === minor)!
      expect({ line, kubernetes: cells[1], entries: cells[2] }).toEqual({ line, kubernetes: `${release.kubernetes.min} – ${release.kubernetes.max}`, entries: String(release.entries.length) })
      expect({ line, latest: cells[0].includes('`latest`') }).toEqual({ line, latest: minor === LATEST_MINOR })
    }
  })

  it('the inputs table lists exactly the inputs of action.yml, in order, with their defaults', () => {
    const rows = tableRows(README, '| Input | Default |')
    expect(rows.map((r) => r.cells[0])).toEqual(Object.keys(action.inputs).map((name) => `\`${name}\``))
    for (const { line, cells } of rows) {
      const name = cells[0].slice(1, -1)
      const values = String(action.inputs[name].default ?? '').split('\n').filter(Boolean)
      const missing = values.filter((v) => !cells[1].includes(`\`${v}\``))
      expect({ line, name, missing, empty: values.length === 0 ? cells[1] : '*(empty)*' }).toEqual({ line, name, missing: [], empty: '*(empty)*' })
    }
  })

  it('the outputs table lists exactly the outputs of action.yml, in order', () => {
    expect(tableRows(README, '| Output |').map((r) => r.cells[0])).toEqual(Object.keys(action.outputs).map((name) => `\`${name}\``))
  })

  it('every YAML example parses, and the workflows pass only inputs action.yml declares', () => {
    const blocks = yamlBlocks()
    expect(blocks.length).toBeGreaterThanOrEqual(8)
    const inputs = new Set(Object.keys(action.inputs))
    let uses = 0
    for (const { line, text } of blocks) {
      const doc = load(text)
      for (const step of stepsOf(doc).filter((s) => String(s.uses).startsWith('istio-compat/istio-compat@'))) {
        uses++
        const unknown = Object.keys((step.with ?? {}) as object).filter((k) => !inputs.has(k))
        expect({ line, unknown }).toEqual({ line, unknown: [] })
      }
    }
    expect(uses).toBeGreaterThanOrEqual(4)
  })

  it('reads only outputs action.yml sets', () => {
    const outputs = new Set(Object.keys(action.outputs))
    const used = [...README.matchAll(/steps\.istio\.outputs\.([\w-]+)/g)].map((m) => ({ line: lineAt(m.index), output: m[1] }))
    expect(used.length).toBeGreaterThan(0)
    expect(used.filter((u) => !outputs.has(u.output))).toEqual([])
  })

  it('uses only CLI options that `istio-compat check --help` lists, and quotes its option lines verbatim', async () => {
    const help: string[] = []
    expect(await main(['check', '--help'], (s) => help.push(s))).toBe(0)
    const usage = help.join('\n')
    const text = handWritten()
    const commands = text.split('\n').filter((l) => /istio-compat check /.test(l))
    expect(commands.length).toBeGreaterThanOrEqual(4)
    for (const command of commands) {
      const unknown = [...command.matchAll(/(?<=\s)--?[a-z][a-z-]*/g)].map((m) => m[0]).filter((o) => !new RegExp(`(^|[\\s,])${o}\\b`).test(usage))
      expect({ line: lineAt(README.indexOf(command)), unknown }).toEqual({ line: lineAt(README.indexOf(command)), unknown: [] })
    }
    const quoted = text.slice(text.indexOf('```text\nistio-compat check [paths...]'))
    const optionLines = quoted.slice(0, quoted.indexOf('\n```\n')).split('\n').filter((l) => /^ {2}(-\w,| {3}) --/.test(l))
    expect(optionLines.length).toBe(11)
    for (const l of optionLines) expect({ line: lineAt(README.indexOf(l)), inHelp: usage.includes(l) }).toEqual({ line: lineAt(README.indexOf(l)), inHelp: true })
  })

  describe('the three ways to run it', () => {
    const RECIPES = ['### 1. The pull request check', '### 2. The readiness issue', '### 3. The CLI and pre-commit']
    /** The first ```yaml block after `heading`, parsed, with its README line. */
    const recipe = (heading: string): { line: number; doc: any } => {
      const from = README.indexOf(`\n${heading}\n`)
      const m = /```yaml\n([\s\S]*?)^```$/m.exec(README.slice(from))!
      return { line: lineAt(README.indexOf(m[1], from)), doc: load(m[1]) }
    }

    it('come in order under Set it up: PR check, readiness issue, CLI / pre-commit', () => {
      const at = RECIPES.map((h) => README.indexOf(`\n${h}\n`))
      expect(at.map((i) => i > README.indexOf('\n## Set it up\n') && i < README.indexOf('\n## Inputs and outputs\n'))).toEqual([true, true, true])
      expect(at).toEqual([...at].sort((a, b) => a - b))
    })

    it('the workflows are the example files, key for key (copy-paste ready)', () => {
      for (const [heading, file] of [[RECIPES[0], 'examples/workflows/istio-compat.yml'], [RECIPES[1], 'examples/workflows/istio-compat-readiness.yml']] as const) {
        const { line, doc } = recipe(heading)
        expect({ line, doc }).toEqual({ line, doc: load(readFileSync(file, 'utf8')) })
      }
    })

    it('each workflow runs in the mode its triggers select and asks for the permissions of that mode only', () => {
      const pr = recipe(RECIPES[0])
      expect({ line: pr.line, modes: Object.keys(pr.doc.on).map((e) => actionMode('auto', e)), permissions: pr.doc.permissions }).toEqual({ line: pr.line, modes: ['pr', 'pr'], permissions: { contents: 'read', 'pull-requests': 'write' } })
      expect({ line: pr.line, concurrency: pr.doc.concurrency['cancel-in-progress'], group: /pull_request\.number/.test(pr.doc.concurrency.group) }).toEqual({ line: pr.line, concurrency: true, group: true })
      const readiness = recipe(RECIPES[1])
      expect({ line: readiness.line, modes: Object.keys(readiness.doc.on).map((e) => actionMode('auto', e)), permissions: readiness.doc.permissions }).toEqual({ line: readiness.line, modes: ['readiness', 'readiness'], permissions: { contents: 'read', issues: 'write' } })
    })

    it('the pre-commit recipe names a hook of .pre-commit-hooks.yaml, a release tag, and ends its args with --', async () => {
      const { line, doc } = recipe(RECIPES[2])
      const hooks = (load(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string }[]).map((h) => h.id)
      const [entry] = doc.repos
      expect({ line, repo: entry.repo, rev: /^v\d+\.\d+\.\d+$/.test(entry.rev), ids: entry.hooks.map((h: { id: string }) => hooks.includes(h.id)) }).toEqual({ line, repo: PROJECT_URL, rev: true, ids: [true] })
      const args: string[] = entry.hooks[0].args
      const help: string[] = []
      await main(['check', '--help'], (t) => help.push(t))
      expect({ line, last: args.at(-1), unknown: args.filter((a) => /^--?[a-z]/.test(a) && !new RegExp(`(^|[\\s,])${a}\\b`).test(help.join('\n'))) }).toEqual({ line, last: '--', unknown: [] })
    })

    it('every value given to the action in a README workflow is one it accepts', () => {
      const valid: Record<string, (v: string, mode: string) => boolean> = {
        'target-version': (v, mode) => v === 'auto' || v === 'latest' || (v === 'next' && mode === 'readiness') || !!parseRelease(v),
        'from-version': (v) => v === 'auto' || !!parseRelease(v),
        'fail-on': (v) => v === '' || !!parseFailOn(v),
        mode: (v) => ['auto', 'pr', 'readiness'].includes(v),
        comment: (v) => ['review', 'summary', 'off'].includes(v),
        suggestions: (v) => ['true', 'false'].includes(v),
        'issue-title': (v, mode) => mode === 'readiness' && v.trim() !== '',
        'issue-labels': (v, mode) => mode === 'readiness' && v.split(/[,\n]/).map((l) => l.trim()).filter(Boolean).length > 0
      }
      let checked = 0
      for (const { line, text } of yamlBlocks()) {
        const doc = load(text) as any
        const events = doc && typeof doc.on === 'object' ? Object.keys(doc.on) : ['pull_request']
        for (const step of stepsOf(doc).filter((s) => String(s.uses).startsWith('istio-compat/istio-compat@'))) {
          const given = (step.with ?? {}) as Record<string, unknown>
          const mode = given.mode && given.mode !== 'auto' ? String(given.mode) : actionMode('auto', events[0])
          for (const [name, value] of Object.entries(given)) {
            if (!valid[name]) continue
            checked++
            let ok = false
            try {
              ok = valid[name](String(value), mode)
            } catch {
              ok = false
            }
            expect({ line, name, value, ok }).toEqual({ line, name, value, ok: true })
          }
        }
      }
      expect(checked).toBeGreaterThanOrEqual(7)
    })
  })
})

