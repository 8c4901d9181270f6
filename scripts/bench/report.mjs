// Renders the benchmark results as Markdown (printed, and written to docs/benchmarks.md with --write).
import { writeFileSync } from 'node:fs'
import { fmt, mib } from './measure.mjs'
import { minimumFor } from './github-requests.mjs'

const GOAL_RATIO = 1.5
const ms = (x) => `${fmt(x, x < 100 ? 1 : 0)} ms`
const us = (x) => `${fmt(x, 1)} µs`
/** Sizes; a part measured below the heap's noise (|x| < 0.1 MiB) shows as 0. */
const MiB = (x) => `${fmt(Math.abs(mib(x)) < 0.1 ? 0 : mib(x), 1)} MiB`

export function renderReport(r) {
  const out = []
  const line = (s = '') => out.push(s)
  line('# Benchmarks')
  line()
  line('Measured by `npm run bench` (`node --expose-gc scripts/bench.mjs`); `npm run bench -- --write` rewrites this file.')
  line('Each corpus size is timed in a fresh process: warm-up runs, then rounds in which floor and analysis run back to back, with a full GC before each run. Times are medians over the rounds; a ratio (× floor) is the median of the per-round ratios, which machine drift affects least. No test is timed.')
  line()
  if (r.quick) line('This run used `--quick` (fewer rounds per row) because the machine was shared with other jobs; the ratios are paired per round, the absolute times are not comparable with a quiet machine.\n')
  line(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memGiB} GiB, ${r.machine.platform}, Node ${r.machine.node}; ${r.machine.date}, load average ${r.machine.load} at the start.`)
  line(`Engine: the sources bundled by rollup into \`.bench/engine.js\` (the plugins of \`dist/\`; js-yaml left as its own module so profiles tell it apart), ${r.analyzers} analyzer(s) registered in \`src/analyze/index.ts\` (${r.rules.length} rule(s)); target 1.28, from 1.26.`)
  line()
  if (r.corpus) renderCorpus(r.corpus, line)
  if (r.main) renderMain(r, line)
  if (r.scaling) renderScaling(r.scaling, line)
  if (r.whole) renderWhole(r.whole, line)
  if (r.memory) renderMemory(r.memory, line)
  if (r.ajv) renderAjv(r.ajv, r.main, line)
  if (r.github) renderGithub(r.github, line)
  if (r.profile) renderProfile(r.profile, line)
  if (r.coldStart) renderColdStart(r, line)
  return out.join('\n')
}

function renderCorpus(c, line) {
  line('## Corpus')
  line()
  line(`A generated, deterministic corpus (seeded PRNG, \`scripts/bench/corpus.mjs\`): ${fmt(c.documents, 0)} manifests in ${fmt(c.files, 0)} files (${fmt(c.multiDocFiles, 0)} multi-document), ${fmt(c.mib, 1)} MiB. ` +
    `Istio networking, security, telemetry and extensions CRDs in several apiVersions, Gateway API routes, InferencePools (v1 and v1alpha2), annotated workloads, Services, Namespaces, the \`istio\` MeshConfig ConfigMap, Istio Helm values files, Flux HelmReleases, Argo CD Applications and IstioOperators; some files with CRLF, a BOM, anchors and merge keys.`)
  line(`The analysis of it yields ${fmt(c.findings, 0)} finding(s) and ${fmt(c.parseProblems, 0)} parse problem(s) over ${fmt(c.documentsRecognised, 0)} documents.`)
  line()
  line(`Kinds: ${c.kinds.map(([k, n]) => `${k} ${n}`).join(', ')}.`)
  line()
}

function renderMain(r, line) {
  const m = r.main
  const ratio = m.ratio
  line(`## Analysis against the parse floor (${fmt(m.size, 0)} manifests)`)
  line()
  const min = (k) => m.spread[k][0]
  line('| what | median | min | per manifest (median) | × floor (median of rounds) | × floor (min / min) |')
  line('|---|---:|---:|---:|---:|---:|')
  line(`| floor: js-yaml \`loadAll\` of every file (values only) | ${ms(m.floorMs)} | ${ms(min('floor'))} | ${us((m.floorMs * 1000) / m.size)} | 1.00 | 1.00 |`)
  line(`| analysis: \`parseManifestFile\` (positions + recognise) + \`analyzeDocuments\` (all analyzers) | ${ms(m.analysisMs)} | ${ms(min('analysis'))} | ${us((m.analysisMs * 1000) / m.size)} | **${fmt(ratio, 2)}** | ${fmt(min('analysis') / min('floor'), 2)} |`)
  line(`| of which the parse layer alone: \`parseManifestFile\` | ${ms(m.parseMs)} | ${ms(min('parse'))} | ${us((m.parseMs * 1000) / m.size)} | ${fmt(m.parseRatio, 2)} | ${fmt(min('parse') / min('floor'), 2)} |`)
  line(`| pipeline: \`runAnalysis\` (bytes in, path matching, resource diff, sorted findings) | ${ms(m.pipelineMs)} | ${ms(min('pipeline'))} | ${us((m.pipelineMs * 1000) / m.size)} | ${fmt(m.pipelineRatio, 2)} | ${fmt(min('pipeline') / min('floor'), 2)} |`)
  line()
  line(`Goal: analysis ≤ ${GOAL_RATIO}× the floor — ${ratio <= GOAL_RATIO ? '**met**' : '**missed**'} (${fmt(ratio, 2)}×). ${m.reps} rounds; max: floor ${ms(m.spread.floor[1])}, analysis ${ms(m.spread.analysis[1])}, pipeline ${ms(m.spread.pipeline[1])}.`)
  if (m.analyzers?.length) {
    line()
    line('Each analyzer alone over the parsed documents (median):')
    line()
    line('| analyzer (its rules) | time | per manifest | findings |')
    line('|---|---:|---:|---:|')
    for (const a of m.analyzers) line(`| ${a.rules.join(', ')} | ${ms(a.ms)} | ${us((a.ms * 1000) / m.size)} | ${fmt(a.findings, 0)} |`)
  }
  if (Number(r.machine.load.split(' ')[0]) > r.machine.cores * 0.5) {
    line()
    line(`The machine was busy when this ran (load average ${r.machine.load} on ${r.machine.cores} cores): absolute times vary run to run; the ratios and the minimums are steadier.`)
  }
  line()
}

function renderScaling(scaling, line) {
  line('## Scaling')
  line()
  line('| manifests | files | MiB | reps | floor | analysis | floor / manifest | analysis / manifest | × floor |')
  line('|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const s of scaling) {
    line(`| ${fmt(s.size, 0)} | ${fmt(s.files, 0)} | ${fmt(s.mib, 1)} | ${s.reps} | ${ms(s.floorMs)} | ${ms(s.analysisMs)} | ${us((s.floorMs * 1000) / s.size)} | ${us((s.analysisMs * 1000) / s.size)} | ${fmt(s.ratio, 2)} |`)
  }
  line()
}

/** Goals of the whole-process rows: wall time against the floor's, and the peak RSS at 50k manifests. */
const WHOLE_TIME_GOAL = 1.5
const COLD_GOAL_MS = 150
const WHOLE_PEAK_GOAL = 2.5

function renderWhole(rows, line) {
  line('## Whole processes, side by side')
  line()
  line('What a user waits for: `node dist/cli.js check …` started as a process, against a process that only starts Node, loads js-yaml and `loadAll`s the same files (`scripts/bench/floor-process.mjs`; for a version bump both sides, as the CLI reads both). ' +
    'For the version bump the floor parses the repository once (the least any tool reads); the CLI also reads the base side through git. Git repositories are packed, as clones are. ' +
    'Each round runs the two back to back (the order alternates), after one warm-up of each; a preload (`scripts/bench/peak-rss.mjs`, the same for both) records each process\'s peak RSS. Medians over the rounds; a ratio is the median of the per-round ratios.')
  line()
  line('| workload | command | rounds | CLI | floor | × floor | CLI peak RSS | floor peak RSS | × floor |')
  line('|---|---|---:|---:|---:|---:|---:|---:|---:|')
  for (const w of rows) {
    line(`| ${w.label} | \`${w.command.replace(/\|/g, '\\|')}\` | ${w.reps} | ${ms(w.cliMs)} | ${ms(w.floorMs)} | **${fmt(w.ratio, 2)}** | ${MiB(w.cliPeak)} | ${MiB(w.floorPeak)} | ${fmt(w.peakRatio, 2)} |`)
  }
  line()
  const time = rows.filter((w) => w.ratio > WHOLE_TIME_GOAL)
  const big = rows.find((w) => w.name === 'paths-50000')
  line(`Goals: every row ≤ ${WHOLE_TIME_GOAL}× the floor in wall time — ${time.length ? `**missed** by ${time.map((w) => `${w.name} (${fmt(w.ratio, 2)}×)`).join(', ')}` : '**met**'}; ` +
    `peak RSS at 50,000 manifests ≤ ${WHOLE_PEAK_GOAL}× the floor's — ${big ? (big.peakRatio <= WHOLE_PEAK_GOAL ? `**met** (${fmt(big.peakRatio, 2)}×)` : `**missed** (${fmt(big.peakRatio, 2)}×)`) : 'not measured'}.`)
  line()
  line('What each CLI run printed last: ' + rows.map((w) => `${w.name}: “${w.summary}”`).join('; ') + '.')
  line()
}

function renderMemory(memory, line) {
  line('## Memory')
  line()
  line('Each row is a fresh process that loads the corpus, runs the task once and keeps its result: heap retained after GC, and the peak RSS of the process (with how much the task raised it). ' +
    '`analysis` parses every file and keeps every document with its position tree (what the analyzers read); `pipeline` is `runAnalysis` as the CLI runs it on files: they stream through the analysis file by file, and once the findings of a file are made its position trees, plain values and lines are released (except for the few documents suppressions and version detection read later), so what it keeps is what reporting needs: the identity of each document (file, lines, kind, resource) and the findings.')
  line()
  line('| manifests | task | retained heap | per manifest | RSS after | peak RSS | peak raised by |')
  line('|---:|---|---:|---:|---:|---:|---:|')
  for (const x of memory) {
    line(`| ${fmt(x.size, 0)} | ${x.task} | ${MiB(x.retainedHeap)} | ${fmt(x.retainedHeap / x.size / 1024, 1)} KiB | ${MiB(x.rss)} | ${MiB(x.peakRss)} | ${MiB(x.peakRssGrowth)} |`)
  }
  const b = memory.find((x) => x.task === 'analysis' && x.size === 10_000)?.breakdown
  if (b) {
    line()
    line(`What the analysis keeps at 10,000 manifests (heap given back when each part is dropped): position trees ${MiB(b.positionTrees)}, plain values ${MiB(b.values)}, file lines ${MiB(b.lines)}, document and file records ${MiB(b.documentsAndFiles)}.`)
  }
  line()
}

function renderAjv(a, m, line) {
  line('## Naive baseline: ajv against the full CRD schemas')
  line()
  if (a.skipped) {
    line(`Skipped: ${a.skipped}.`)
  } else {
    line(`What a kubeconform-style tool does: parse every document and validate it with ajv 8 (\`allErrors\`, formats off, \`x-kubernetes-*\` ignored) against the \`openAPIV3Schema\` of every served version of ${a.crds} CRDs (${a.schemas} schemas) from ${a.files.map((f) => `\`shared/${f}\``).join(', ')}. It validates ${fmt(a.validated, 0)} documents (${fmt(a.invalid, 0)} invalid) and has no schema for ${fmt(a.noSchema, 0)} (core kinds, Helm values, Flux/Argo objects).`)
    line()
    line('| what | median | × floor |')
    line('|---|---:|---:|')
    line(`| compile the schemas (once) | ${ms(a.compileMs)} | |`)
    line(`| floor (same run) | ${ms(a.floorMs)} | 1.00 |`)
    line(`| parse + validate the corpus | ${ms(a.ajvMs)} | ${fmt(a.ratio, 2)} |`)
    line(`| parse + validate, compile included | ${ms(a.ajvMs + a.compileMs)} | ${fmt((a.ajvMs + a.compileMs) / a.floorMs, 2)} |`)
    if (m) line(`| istio-compat analysis (above) | ${ms(m.analysisMs)} | ${fmt(m.ratio, 2)} |`)
  }
  line()
}

function renderGithub(g, line) {
  line('## GitHub API requests')
  line()
  line('The shipped action (`node dist/index.js`, started as the runner starts it, token `bot-token` = a GITHUB_TOKEN) against the local fake GitHub (`scripts/fake-github.mjs`), which records every request. ' +
    'The PR adds N manifests holding F findings in all (one misspelt field each, with a fix, so suggestions are on); target 1.28, from 1.26, `comment: review`. ' +
    'Two workspaces: a checkout holding both commits (`fetch-depth: 0`: the diff comes from git) and an empty one (the PR is read through the API). ' +
    'Each runs twice on the same PR; the re-run finds its review comments and summary already there.')
  line()
  line('Minimum: ⌈N/100⌉ file-list pages + 1 review + ≤ 1 summary upsert; with a checkout git gives the list, so 2. ' +
    'Reading files through the API is extra to that minimum and counted apart (\"file reads\"): one contents request per file when fewer than 20 are wanted, ' +
    'else the repository\'s size (once), one tarball request per commit and its download from codeload (`src/changes/api.ts`).')
  line()
  if (g.pending) {
    line(`Pending: ${g.pending}.`)
    line()
    return
  }
  line('| files | findings | workspace | minimum | first run | of which file reads | over minimum (without those) | re-run | first run wall time | first run requests by route |')
  line('|---:|---:|---|---:|---:|---:|---:|---:|---:|---|')
  for (const row of g.rows) {
    const min = minimumFor(row.mode, row.files)
    const count = (route) => Number(new RegExp(`${route} (\\d+)`).exec(row.first.breakdown)?.[1] ?? 0)
    const reads = ['read file', 'repo info', 'tarball', 'archive download'].reduce((n, route) => n + count(route), 0)
    const findings = row.first.findings === row.findings ? `${row.findings}` : `${row.findings} (action saw ${row.first.findings})`
    line(`| ${row.files} | ${findings} | ${row.mode} | ${min} | ${row.first.requests} | ${reads} | ${row.first.requests - reads - min} | ${row.rerun.requests} | ${ms(row.first.ms)} | ${row.first.breakdown} |`)
  }
  const failed = [...new Set(g.rows.flatMap((row) => [...row.first.failed, ...row.rerun.failed]))]
  const invalid = g.rows.reduce((n, row) => n + row.validationErrors, 0)
  line()
  line(`Requests answered ≥ 400: ${failed.length ? failed.join(', ') : 'none'}; requests that broke the OpenAPI description: ${invalid}.`)
  if (failed.includes('whoami 403')) {
    line()
    line('`whoami` is `GET /user`, which GitHub refuses to a GITHUB_TOKEN (an installation token); the action only asks it when comments carrying its marker need telling apart (the re-runs), and then goes on with a guessed login.')
  }
  line()
}

function renderColdStart(r, line) {
  line('## Cold start and bundle size')
  line()
  const cs = r.coldStart
  const first = cs.firstRequestMs === undefined ? `no API request was made (${cs.requests} in the first run); time to exit ${ms(cs.exitMs)}` : `${ms(cs.firstRequestMs)} to the first API request (\`${cs.firstRoute}\`: no checkout in the workspace, so the action lists the PR's files), ${ms(cs.exitMs)} to exit`
  line(`\`node dist/index.js\` for a pull_request event (INPUT_* env, GITHUB_EVENT_PATH, GITHUB_API_URL on a loopback server), median of ${cs.runs} runs: ${first}. A bare \`node -e 0\` takes ${ms(cs.nodeMs)} on the same machine.`)
  if (cs.firstRequestMs !== undefined) line(`Goal: ≤ ${COLD_GOAL_MS} ms to the first request — ${cs.firstRequestMs <= COLD_GOAL_MS ? '**met**' : '**missed**'} (${ms(cs.firstRequestMs)}; ${ms(cs.firstRequestMs - cs.nodeMs)} more than \`node -e 0\`, ${fmt(cs.firstRequestMs / cs.nodeMs, 2)}× it).`)
  line()
  line('| bundle | bytes | gzip |')
  line('|---|---:|---:|')
  for (const d of r.dist) line(`| \`${d.file}\` | ${fmt(d.bytes, 0)} | ${fmt(d.gzip, 0)} |`)
  line()
}

function renderProfile(p, line) {
  line('## Where the time goes')
  line()
  line(`\`node --cpu-prof\` over ${p.runs} runs of each task at 10,000 manifests, self time per run (the profiler slows everything a little). ` +
    'js-yaml is kept out of the bench bundle, so its own time (the event parser and the value constructor, which the floor runs too) is told apart from the engine code (position trees, line maps, document splitting, recognition, analyzers).')
  line()
  line('| area | floor | analysis | extra |')
  line('|---|---:|---:|---:|')
  const per = (x) => (x ?? 0) / p.runs
  for (const area of ['js-yaml', 'engine', 'gc', 'other']) {
    const f = per(p.floor.areas[area])
    const a = per(p.analysis.areas[area])
    line(`| ${area === 'gc' ? 'garbage collector' : area} | ${ms(f)} | ${ms(a)} | ${a - f >= 0 ? '+' : ''}${fmt(a - f, 0)} ms |`)
  }
  line()
  line('Hot functions of the analysis (self time per run):')
  line()
  line('| function | area | per run | share |')
  line('|---|---|---:|---:|')
  const total = p.analysis.totalMs
  for (const f of p.analysis.functions.filter((x) => x.area !== 'other' && x.area !== 'bench harness').slice(0, 15)) {
    line(`| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.area} | ${ms(f.ms / p.runs)} | ${fmt((100 * f.ms) / total, 1)}% |`)
  }
  line()
  line('Reproduce: `npm run bench` once (it leaves the corpus and the engine in `.bench/`), then `node --expose-gc --cpu-prof --cpu-prof-dir=.bench/prof scripts/bench.mjs --profile [--profile-task=floor]` and `node scripts/bench/profile-summary.mjs .bench/prof/*.cpuprofile`.')
  line()
}

export function writeReport(path, text) {
  writeFileSync(path, text)
}
