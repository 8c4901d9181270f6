#!/usr/bin/env node
// `npm run realworld`: the CLI (dist/cli.js, build it with `npm run package`) over every folder of
// ../shared/realworld (public repositories' YAML) with a few targets and `--from` values. Prints, per repository
// and run, the findings by rule and severity, the wall time and the peak memory of the process, and writes the
// generated part of docs/realworld.md (between the markers; the hand-written reasons below it are kept).
//
//   npm run realworld                  all folders, all runs, writes docs/realworld.md
//   npm run realworld -- --only=istio-tools --no-write
//   npm run realworld -- --list        also print every error and warning (file:line rule message)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const flag = (name) => args.includes(`--${name}`)

const corpus = option('dir') ?? join(root, '..', 'shared', 'realworld')
const cli = join(root, 'dist', 'cli.js')
const doc = join(root, 'docs', 'realworld.md')
const START = '<!-- realworld:generated:start -->'
const END = '<!-- realworld:generated:end -->'

/** The runs made per repository: auto detection, and upgrades that cross the releases with most changes. */
const RUNS = [
  { name: 'auto', args: ['--target', 'auto'] },
  { name: '1.24→1.26', args: ['--from', '1.24', '--target', '1.26'] },
  { name: '1.28→1.29', args: ['--from', '1.28', '--target', '1.29'] },
  { name: '1.22→1.31', args: ['--from', '1.22', '--target', '1.31'] }
]

if (!existsSync(cli)) fail(`${cli} is missing: run \`npm run package\` first`)
if (!existsSync(corpus)) fail(`${corpus} is missing: the real-world corpus lives in ../shared/realworld`)
const only = option('only')?.split(',')
const repos = readdirSync(corpus)
  .filter((d) => statSync(join(corpus, d)).isDirectory())
  .filter((d) => !only || only.includes(d))
  .sort()
const gnuTime = existsSync('/usr/bin/time')
const scratch = mkdtempSync(join(tmpdir(), 'istio-compat-realworld-'))

const results = []
try {
  for (const repo of repos) {
    for (const run of RUNS) {
      const r = runOnce(repo, run)
      results.push(r)
      printRun(r)
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

const markdown = render(results)
if (!flag('no-write') && !only) writeDoc(markdown)
else if (!flag('no-write')) process.stdout.write('\n(--only: docs/realworld.md left as it is)\n')

function fail(message) {
  process.stderr.write(`realworld: ${message}\n`)
  process.exit(2)
}

/** One CLI run in a child process: JSON report, wall time and peak RSS (GNU time when present). */
function runOnce(repo, run) {
  const dir = join(corpus, repo)
  const timeFile = join(scratch, 'time.txt')
  const cliArgs = [cli, 'check', '--repo', dir, ...run.args, '--format', 'json', '--fail-on', 'never']
  const started = process.hrtime.bigint()
  const child = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, process.execPath, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, cliArgs, { encoding: 'utf8', maxBuffer: 1 << 30 })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  let peakMiB
  if (gnuTime && existsSync(timeFile)) {
    const [, kib] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2)
    peakMiB = Number(kib) / 1024
  }
  const base = { repo, run: run.name, args: run.args.join(' '), seconds, peakMiB, exit: child.status }
  let report
  try {
    report = JSON.parse(child.stdout)
  } catch {
    // Exit 2 is the CLI refusing the input (a usage or input error); anything else without a report is a crash.
    const text = (child.stderr || child.stdout || '').trim().split('\n').slice(0, 5).join(' / ')
    return { ...base, crash: `${child.status === 2 ? 'stopped' : `crashed (exit ${child.status})`}: ${text}`, findings: [] }
  }
  const findings = report.findings.filter((f) => !f.suppressed)
  return {
    ...base,
    target: report.target?.release,
    from: report.from?.release,
    origin: report.target?.origin,
    candidates: report.versionCandidates,
    documents: report.documentsChecked,
    notChecked: report.notChecked?.length ?? 0,
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, message: f.message }))
  }
}

function counts(findings) {
  const c = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) c[f.severity] = (c[f.severity] ?? 0) + 1
  return c
}

function byRule(findings) {
  const m = new Map()
  for (const f of findings) {
    const key = `${f.rule} (${f.severity})`
    m.set(key, (m.get(key) ?? 0) + 1)
  }
  return [...m].sort((a, b) => sevRank(b[0]) - sevRank(a[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))
}

function sevRank(key) {
  return key.endsWith('(error)') ? 3 : key.endsWith('(warning)') ? 2 : 1
}

function printRun(r) {
  const c = counts(r.findings)
  const mem = r.peakMiB === undefined ? '' : `, peak ${r.peakMiB.toFixed(0)} MiB`
  const release = r.target ? ` → ${r.from ? `${r.from} → ` : ''}${r.target}${r.origin && r.origin !== 'input' ? ` (${r.origin})` : ''}` : ''
  process.stdout.write(`\n${r.repo} [${r.run}]${release}: ${r.crash ? r.crash : `${c.error} errors, ${c.warning} warnings, ${c.notice} notices`} in ${r.seconds.toFixed(2)} s${mem}\n`)
  for (const [rule, n] of byRule(r.findings)) process.stdout.write(`  ${String(n).padStart(4)}  ${rule}\n`)
  if (flag('list')) {
    for (const f of r.findings.filter((f) => f.severity !== 'notice')) process.stdout.write(`    ${f.severity} ${f.file}:${f.line} ${f.rule}: ${f.message.split('\n')[0]}\n`)
  }
}

/** Errors and warnings of every run of a repository, once each (same severity, rule, file and line). */
function distinctSerious(rs) {
  const seen = new Map()
  for (const r of rs) {
    for (const f of r.findings) {
      if (f.severity === 'notice') continue
      // Rule, file and line: messages that name the target's chart version would count once per run otherwise.
      const key = `${f.severity}\0${f.rule}\0${f.file}\0${f.line}`
      const entry = seen.get(key) ?? { ...f, runs: [] }
      entry.runs.push(r.run)
      seen.set(key, entry)
    }
  }
  return [...seen.values()].sort((a, b) => sevRank(`(${b.severity})`) - sevRank(`(${a.severity})`) || a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line)
}

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function render(rs) {
  const lines = []
  lines.push(`Generated by \`npm run realworld\` on ${new Date().toISOString().slice(0, 10)} (node ${process.version}, ${gnuTime ? 'peak memory from GNU time' : 'no GNU time: peak memory not measured'}). Runs per repository:`)
  lines.push(RUNS.map((r) => `\`${r.name}\` = \`${r.args.join(' ')}\``).join(', ') + '.')
  lines.push('')
  lines.push('| repository | run | release | errors | warnings | notices | documents | time (s) | peak (MiB) |')
  lines.push('|---|---|---|---:|---:|---:|---:|---:|---:|')
  for (const r of rs) {
    const c = counts(r.findings)
    const release = r.crash ? cell(r.crash) : `${r.from ? `${r.from} → ` : ''}${r.target ?? '?'}`
    lines.push(`| ${r.repo} | ${r.run} | ${release} | ${c.error} | ${c.warning} | ${c.notice} | ${r.documents ?? ''} | ${r.seconds.toFixed(2)} | ${r.peakMiB === undefined ? '' : r.peakMiB.toFixed(0)} |`)
  }
  const totals = { error: 0, warning: 0 }
  for (const repo of [...new Set(rs.map((r) => r.repo))]) {
    const mine = rs.filter((r) => r.repo === repo)
    lines.push('', `### ${repo}`, '')
    const auto = mine.find((r) => r.run === 'auto')
    if (auto && !auto.crash) {
      lines.push(`Auto detection: ${auto.origin === 'input' ? 'none' : `${auto.target} (${cell(auto.origin ?? '')})`}.`)
      if (auto.candidates?.length) {
        lines.push('Version candidates seen:')
        for (const c of auto.candidates) lines.push(`- ${c.version} — ${cell(c.how)}, ${c.file}:${c.line}`)
      }
      lines.push('')
    }
    lines.push('| rule (severity) | ' + mine.map((r) => r.run).join(' | ') + ' |')
    lines.push('|---|' + mine.map(() => '---:').join('|') + '|')
    const rules = new Map()
    for (const r of mine) for (const [rule] of byRule(r.findings)) rules.set(rule, true)
    const sorted = [...rules.keys()].sort((a, b) => sevRank(b) - sevRank(a) || a.localeCompare(b))
    for (const rule of sorted) {
      lines.push(`| ${rule} | ` + mine.map((r) => byRule(r.findings).find(([k]) => k === rule)?.[1] ?? 0).join(' | ') + ' |')
    }
    if (sorted.length === 0) lines.push('| (no findings) | ' + mine.map(() => '0').join(' | ') + ' |')
    const serious = distinctSerious(mine)
    for (const f of serious) totals[f.severity]++
    if (serious.length) {
      lines.push('', `Errors and warnings (${serious.length} distinct; runs in brackets):`, '')
      for (const f of serious) lines.push(`- **${f.severity}** \`${f.rule}\` ${f.file}:${f.line} [${f.runs.join(', ')}] — ${cell(f.message.split('\n')[0])}`)
    }
  }
  lines.push('', `Distinct errors and warnings over all repositories: ${totals.error} errors, ${totals.warning} warnings.`)
  return lines.join('\n')
}

function writeDoc(generated) {
  const intro = [
    '# istio-compat on real repositories',
    '',
    'The CLI over the YAML of public repositories (../shared/realworld, see its SOURCES.md for the commits), to',
    'measure false positives, crashes, run time and memory. Re-run with `npm run package && npm run realworld`;',
    'the part between the markers is generated, the reasons after it are written by hand.',
    ''
  ].join('\n')
  const handWritten = existsSync(doc) ? readFileSync(doc, 'utf8').split(END)[1] ?? '' : '\n\n## Why each error and warning is right\n\n(to be written)\n'
  const head = existsSync(doc) && readFileSync(doc, 'utf8').includes(START) ? readFileSync(doc, 'utf8').split(START)[0] : intro
  writeFileSync(doc, `${head}${START}\n${generated}\n${END}${handWritten}`)
  process.stdout.write(`\nwrote ${doc}\n`)
}
