#!/usr/bin/env node
// `npm run bench`: analysis cost against the parse floor, the kubeconform-style baseline, GitHub API calls against
// the minimum, cold start and bundle sizes. `--write` puts the results into docs/benchmarks.md.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BENCH_DIR, buildBenchBundle } from './bench/build.mjs'
import { measureColdStart, distSizes } from './bench/cold-start.mjs'
import { generateCorpus } from './bench/corpus.mjs'
import { compileCrdValidators, sharedDir, validateCorpus } from './bench/crd-baseline.mjs'
import { measureRequests } from './bench/github-requests.mjs'
import { collectGarbage, median, timeInterleaved } from './bench/measure.mjs'
import { summariseProfile } from './bench/profile-summary.mjs'
import { renderReport, writeReport } from './bench/report.mjs'
import { analyse, analyzerRun, parseFloor, parseOnly, pipelineSources, runPipeline } from './bench/workloads.mjs'
import { measureWholeProcess, prepareWorkloads } from './bench/whole-process.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const args = process.argv.slice(2)
const flag = (name) => args.includes(`--${name}`)
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]

const SIZES = [1_000, 10_000, 50_000]
const MAIN_SIZE = 10_000
/** Repetitions per size: enough for a stable median without making the 50k run take minutes. */
const REPS = { 1000: 15, 10000: 9, 50000: 5 }
const PROFILE_RUNS = 10
/** Sections of the report; `--sections=a,b` runs only those (the corpus is always described). */
const SECTIONS = ['time', 'memory', 'whole', 'profile', 'ajv', 'github', 'cold']
/** Rounds of the whole-process rows (each round runs the CLI and its floor once). */
const WHOLE_REPS = { 'paths-10000': 7, 'paths-50000': 3, 'pr-3000': 7, 'bump-10000': 5 }

const child = option('child-memory')
if (child) await memoryChild(child)
else if (option('child-time')) await timingChild(option('child-time'))
else if (flag('profile')) await profileTarget(option('profile-task') ?? 'analysis')
else await main()

/**
 * `--profile`: only the 10k workload (`--profile-task=analysis|floor|analyzers|pipeline`), ten times, for `node --cpu-prof`; reads the corpus and the engine that the
 * main run wrote into .bench/ (run `npm run bench` once first).
 */
async function profileTarget(task) {
  const files = JSON.parse(readFileSync(join(root, BENCH_DIR, `corpus-${MAIN_SIZE}.json`), 'utf8'))
  const engine = await import(pathToFileURL(join(root, BENCH_DIR, 'engine.js')).href)
  let run = task === 'floor' ? () => parseFloor(files) : () => analyse(engine, files)
  if (task === 'analyzers') {
    // Only the analyzers, over documents parsed once before.
    const parsed = parseOnly(engine, files)
    run = () => engine.ANALYZERS.forEach((a) => analyzerRun(engine, a, parsed))
  }
  if (task === 'pipeline') {
    const sources = pipelineSources(files)
    for (let i = 0; i < PROFILE_RUNS; i++) await runPipeline(engine, sources)
    return
  }
  for (let i = 0; i < PROFILE_RUNS; i++) run()
}

/** Profiles floor and analysis in child processes and summarises where the time goes. */
async function profileBoth() {
  const out = {}
  for (const task of ['floor', 'analysis']) {
    const dir = join(root, BENCH_DIR, `prof-${task}`)
    rmSync(dir, { recursive: true, force: true })
    execFileSync(process.execPath, ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--profile', `--profile-task=${task}`], { stdio: 'inherit' })
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    out[task] = await summariseProfile(join(dir, file))
  }
  return { runs: PROFILE_RUNS, ...out }
}

async function main() {
  const quick = flag('quick')
  const wanted = new Set(option('sections')?.split(',') ?? SECTIONS)
  const unknown = [...wanted].filter((x) => !SECTIONS.includes(x))
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`)
  if (flag('write') && wanted.size !== SECTIONS.length) throw new Error('--write needs every section (leave out --sections)')
  const log = (s) => process.stderr.write(`${s}\n`)
  collectGarbage()
  log('building the engine bundle into .bench/ …')
  const enginePath = await buildBenchBundle(root, 'engine')
  const engine = await import(pathToFileURL(enginePath).href)

  const results = { machine: machine(), quick, command: 'npm run bench', analyzers: engine.ANALYZERS.length, rules: engine.ANALYZERS.flatMap((a) => a.meta.map((m) => m.id)) }

  log('generating the corpus …')
  mkdirSync(join(root, BENCH_DIR), { recursive: true })
  const sizes = new Map()
  for (const n of SIZES) {
    const corpus = generateCorpus(n)
    writeFileSync(join(root, BENCH_DIR, `corpus-${n}.json`), JSON.stringify(corpus.files))
    sizes.set(n, { files: corpus.files.length, mib: corpus.bytes / 1048576 })
  }
  const main10k = generateCorpus(MAIN_SIZE)
  results.corpus = describeCorpus(main10k)
  const check = analyse(engine, main10k.files)
  results.corpus.findings = check.findings.length
  results.corpus.parseProblems = check.problems
  results.corpus.documentsRecognised = check.documents

  if (wanted.has('time')) await timeSections(results, sizes, quick, log)
  if (wanted.has('memory')) {
    log('memory (one child process per size and task) …')
    results.memory = []
    for (const n of SIZES) {
      for (const task of ['floor', 'analysis', 'pipeline']) {
        const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), `--child-memory=${task}:${n}`], { encoding: 'utf8', maxBuffer: 1 << 20 })
        results.memory.push({ size: n, task, ...JSON.parse(out) })
      }
    }
  }
  if (wanted.has('whole')) {
    if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('the whole-process rows run dist/cli.js: npm run package first')
    log('whole processes: dist/cli.js against a process that only loadAlls the same files …')
    const workloads = prepareWorkloads(join(root, BENCH_DIR, 'whole'), [MAIN_SIZE, 50_000])
    results.whole = await measureWholeProcess(root, workloads, (w) => (quick ? 3 : WHOLE_REPS[w.name] ?? 3), log)
  }
  if (wanted.has('profile')) {
    log('profiling floor and analysis at 10k (node --cpu-prof) …')
    results.profile = await profileBoth()
  }
  if (wanted.has('ajv')) {
    log('kubeconform-style baseline (ajv over the CRD schemas) …')
    results.ajv = await crdBaseline(main10k, quick)
  }
  if (wanted.has('github')) {
    log('GitHub API requests on the fake server …')
    results.github = await measureRequests(root, log)
  }
  if (wanted.has('cold')) {
    log('cold start of dist/index.js …')
    results.coldStart = await measureColdStart(root, 10)
    results.dist = distSizes(root)
  }

  const report = renderReport(results)
  process.stdout.write(report)
  if (flag('write')) {
    writeReport(join(root, 'docs/benchmarks.md'), report)
    log('docs/benchmarks.md updated')
  }
}

async function timeSections(results, sizes, quick, log) {
  // Each size is timed in a fresh process, so one size's heap does not slow the next one's collector.
  const timeChild = (n, reps, withPipeline) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), `--child-time=${n}:${reps}:${withPipeline ? 'pipeline' : ''}`], { encoding: 'utf8', maxBuffer: 1 << 20 }))
  log('timing the floor, the analysis and the pipeline at 10k …')
  const t10k = timeChild(MAIN_SIZE, quick ? 3 : REPS[MAIN_SIZE], true)
  results.main = {
    size: MAIN_SIZE,
    reps: t10k.floor.length,
    floorMs: median(t10k.floor),
    analysisMs: median(t10k.analysis),
    pipelineMs: median(t10k.pipeline),
    ratio: pairedRatio(t10k.analysis, t10k.floor),
    pipelineRatio: pairedRatio(t10k.pipeline, t10k.floor),
    parseMs: median(t10k.parse),
    parseRatio: pairedRatio(t10k.parse, t10k.floor),
    analyzers: t10k.analyzers,
    spread: Object.fromEntries(['floor', 'analysis', 'pipeline', 'parse'].map((k) => [k, [Math.min(...t10k[k]), Math.max(...t10k[k])]]))
  }

  log('scaling 1k → 10k → 50k …')
  results.scaling = []
  for (const n of SIZES) {
    const times = n === MAIN_SIZE ? t10k : timeChild(n, quick ? 2 : REPS[n], false)
    results.scaling.push({ size: n, ...sizes.get(n), reps: times.floor.length, floorMs: median(times.floor), analysisMs: median(times.analysis), ratio: pairedRatio(times.analysis, times.floor) })
  }

}

async function crdBaseline(corpus, quick) {
  const shared = sharedDir(root)
  const compiled = compileCrdValidators(shared, '1.28')
  if (!compiled) return { skipped: 'no shared/ folder with CRDs (set ISTIO_COMPAT_SHARED, or place it at ../shared)' }
  if (compiled.missing) return { skipped: `CRD files missing: ${compiled.missing.join(', ')}` }
  const counts = validateCorpus(compiled.validators, corpus.files)
  const times = await timeInterleaved({ floor: () => parseFloor(corpus.files), ajv: () => validateCorpus(compiled.validators, corpus.files) }, { warmup: 1, reps: quick ? 2 : 5 })
  return { files: compiled.files, crds: compiled.crds, schemas: compiled.validators.size, compileMs: compiled.compileMs, ...counts, floorMs: median(times.floor), ajvMs: median(times.ajv), ratio: pairedRatio(times.ajv, times.floor), reps: times.ajv.length }
}

function describeCorpus(corpus) {
  const kinds = new Map()
  for (const f of corpus.files) {
    for (const m of f.text.matchAll(/^kind: ["']?(\w+)/gm)) kinds.set(m[1], (kinds.get(m[1]) ?? 0) + 1)
  }
  const multiDoc = corpus.files.filter((f) => /^---/m.test(f.text.replace(/^\ufeff?---\r?\n/, ''))).length
  return { documents: corpus.documents, files: corpus.files.length, multiDocFiles: multiDoc, mib: corpus.bytes / 1048576, kinds: [...kinds].sort((a, b) => b[1] - a[1]) }
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown'
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu
  } catch {}
  return { cpu, cores: cpus().length, memGiB: Math.round(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1048576), node: process.version, load: loadavg().map((x) => x.toFixed(2)).join(' '), platform: `${process.platform}-${process.arch}`, date: new Date().toISOString().slice(0, 10) }
}

/** Warm-up runs: about 20,000 manifests' worth, so the small corpus gets optimised code too (at least one run). */
function warmupRuns(n) {
  return Math.max(1, Math.ceil(20_000 / n))
}

/** The ratio of each round's two times (the two ran back to back), median over the rounds: robust to drift. */
function pairedRatio(times, floors) {
  return median(times.map((t, i) => t / floors[i]))
}

/** Child: floor and analysis (and the pipeline) interleaved over one corpus size in a fresh process. */
async function timingChild(spec) {
  const [n, reps, extra] = spec.split(':')
  const files = JSON.parse(readFileSync(join(root, BENCH_DIR, `corpus-${n}.json`), 'utf8'))
  const engine = await import(pathToFileURL(join(root, BENCH_DIR, 'engine.js')).href)
  const tasks = { floor: () => parseFloor(files), analysis: () => analyse(engine, files) }
  if (extra === 'pipeline') {
    const sources = pipelineSources(files)
    tasks.pipeline = () => runPipeline(engine, sources)
    tasks.parse = () => parseOnly(engine, files)
  }
  const times = await timeInterleaved(tasks, { warmup: warmupRuns(Number(n)), reps: Number(reps) })
  if (extra === 'pipeline') {
    // What each registered analyzer adds on top of the parse, over the same parsed documents.
    const parsed = parseOnly(engine, files)
    const perAnalyzer = await timeInterleaved(Object.fromEntries(engine.ANALYZERS.map((a, i) => [i, () => analyzerRun(engine, a, parsed)])), { warmup: 1, reps: Number(reps) })
    times.analyzers = engine.ANALYZERS.map((a, i) => ({ rules: a.meta.map((m) => m.id), ms: median(perAnalyzer[i]), findings: analyzerRun(engine, a, parsed) }))
  }
  process.stdout.write(JSON.stringify(times))
}

/** Child: how much memory one task holds and peaks at for one corpus size, in a fresh process. */
async function memoryChild(spec) {
  const [task, n] = spec.split(':')
  const files = JSON.parse(readFileSync(join(root, BENCH_DIR, `corpus-${n}.json`), 'utf8'))
  const engine = await import(pathToFileURL(join(root, BENCH_DIR, 'engine.js')).href)
  // pipeline: runAnalysis as the CLI runs it on files (streamed: position trees released once checked).
  const sources = task === 'pipeline' ? pipelineSources(files) : undefined
  const run = task === 'floor' ? () => parseFloor(files) : task === 'pipeline' ? () => runPipeline(engine, sources) : () => analyse(engine, files)
  // No warm-up run: it would set the peak; compiled code is small next to the data.
  collectGarbage()
  const before = process.memoryUsage()
  const peakBefore = process.resourceUsage().maxRSS * 1024
  const result = await run()
  collectGarbage()
  const after = process.memoryUsage()
  const peakAfter = process.resourceUsage().maxRSS * 1024
  const breakdown = task === 'analysis' ? retainedBreakdown(result) : undefined
  process.stdout.write(JSON.stringify({
    breakdown,
    retainedHeap: after.heapUsed - before.heapUsed,
    heapUsed: after.heapUsed,
    rss: after.rss,
    peakRss: peakAfter,
    peakRssGrowth: peakAfter - peakBefore,
    kept: result.documents ?? result.documentsChecked ?? 0
  }))
}

/** What of the analysis result holds the heap: drop one part at a time and see how much GC gives back. */
function retainedBreakdown(result) {
  const heap = () => {
    collectGarbage()
    return process.memoryUsage().heapUsed
  }
  const parts = {}
  let last = heap()
  const drop = (name, fn) => {
    for (const file of result.parsed) fn(file)
    const now = heap()
    parts[name] = last - now
    last = now
  }
  drop('positionTrees', (file) => {
    for (const doc of file.documents) {
      doc.root = null
      for (const e of doc.embedded ?? []) e.root = null
    }
  })
  drop('lines', (file) => {
    file.lines = []
  })
  drop('values', (file) => {
    for (const doc of file.documents) {
      doc.value = null
      for (const e of doc.embedded ?? []) e.value = null
    }
  })
  drop('documentsAndFiles', (file) => {
    file.documents = []
  })
  return parts
}
