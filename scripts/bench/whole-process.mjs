// Whole processes, side by side, as a user feels them: `node dist/cli.js check …` against a process that only
// starts Node, loads js-yaml and `loadAll`s the same files (scripts/bench/floor-process.mjs). Both run back to back
// in each round (the order alternates), with the same preload that records the peak RSS; wall times and peaks are
// medians over the rounds, a ratio is the median of the per-round ratios.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateCorpus } from './corpus.mjs'
import { median } from './measure.mjs'

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' }
const git = (cwd, args) => execFileSync('git', args, { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 })

function writeFiles(dir, files) {
  for (const f of files) {
    const path = join(dir, f.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, f.text)
  }
}

/** A small VirtualService, as a PR adding many files brings them. */
function smallManifest(i) {
  return `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web-${i}\n  namespace: shop\nspec:\n  hosts:\n  - web-${i}.shop.svc.cluster.local\n  http:\n  - route:\n    - destination:\n        host: web-${i}.shop.svc.cluster.local\n    timeout: 5s\n`
}

/** The Istio install a version-bump PR changes: a Flux HelmRelease of the istiod chart. */
function helmRelease(version) {
  return `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  interval: 10m\n  chart:\n    spec:\n      chart: istiod\n      version: ${version}\n      sourceRef:\n        kind: HelmRepository\n        name: istio\n`
}

/**
 * The workloads, built once into `dir`:
 * - `paths-N`: the bench corpus of N manifests as files, checked whole (`check <dir>`);
 * - `pr-3000`: a repository whose PR adds 3,000 small manifests to one directory next to 3,000 others (`--base`);
 * - `bump-N`: the N-manifest corpus in a repository whose PR only bumps the istiod chart 1.26.8 → 1.28.1, so the
 *   whole repository is analysed on both sides (`--base`, `--target auto --from auto`).
 */
export function prepareWorkloads(dir, sizes) {
  const out = []
  for (const n of sizes) {
    const path = join(dir, `paths-${n}`)
    const corpus = generateCorpus(n)
    if (!existsSync(join(path, '.done'))) {
      rmSync(path, { recursive: true, force: true })
      writeFiles(path, corpus.files)
      writeFileSync(join(path, '.done'), '')
    }
    out.push({ name: `paths-${n}`, label: `${n.toLocaleString('en-US')} manifests, whole files (\`check <dir>\`)`, manifests: n, cwd: path, cli: ['check', '.', '--target', '1.28', '--from', '1.26', '--fail-on', 'never'], floor: [path] })
  }
  const pr = join(dir, 'pr-3000')
  if (!existsSync(join(pr, '.done'))) {
    rmSync(pr, { recursive: true, force: true })
    mkdirSync(pr, { recursive: true })
    git(pr, ['init', '-q', '-b', 'main'])
    writeFiles(pr, Array.from({ length: 3000 }, (_, i) => ({ path: `apps/web/old-${i}.yaml`, text: smallManifest(i) })))
    git(pr, ['add', '-A'])
    git(pr, ['commit', '-q', '-m', 'base'])
    git(pr, ['checkout', '-q', '-b', 'pr'])
    writeFiles(pr, Array.from({ length: 3000 }, (_, i) => ({ path: `apps/web/new-${i}.yaml`, text: smallManifest(3000 + i) })))
    git(pr, ['add', '-A'])
    git(pr, ['commit', '-q', '-m', 'add 3000 files'])
    // A clone (what actions/checkout and developers have) keeps its objects packed.
    git(pr, ['repack', '-adq'])
    git(pr, ['prune'])
    // The floor reads what the PR adds: the new files only.
    mkdirSync(join(pr, '..', 'pr-3000-added'), { recursive: true })
    writeFiles(join(pr, '..', 'pr-3000-added'), Array.from({ length: 3000 }, (_, i) => ({ path: `new-${i}.yaml`, text: smallManifest(3000 + i) })))
    writeFileSync(join(pr, '.done'), '')
  }
  out.push({ name: 'pr-3000', label: 'PR adding 3,000 small files to a directory of 3,000 (`--base main`)', manifests: 3000, cwd: pr, cli: ['check', '--base', 'main', '--target', '1.28', '--from', '1.26', '--fail-on', 'never'], floor: [join(pr, '..', 'pr-3000-added')] })

  const n = sizes.includes(10_000) ? 10_000 : sizes[0]
  const bump = join(dir, `bump-${n}`)
  if (!existsSync(join(bump, '.done'))) {
    rmSync(bump, { recursive: true, force: true })
    mkdirSync(bump, { recursive: true })
    git(bump, ['init', '-q', '-b', 'main'])
    // Version sources of the corpus itself would compete with the bumped one: keep them out of this repository.
    const files = generateCorpus(n).files.filter((f) => !/^kind: ["']?(HelmRelease|Application|IstioOperator)\b/m.test(f.text) && !f.path.includes('/istio/values'))
    writeFiles(bump, files)
    writeFiles(bump, [{ path: 'clusters/prod/istio-system/istiod.yaml', text: helmRelease('1.26.8') }])
    git(bump, ['add', '-A'])
    git(bump, ['commit', '-q', '-m', 'base'])
    git(bump, ['checkout', '-q', '-b', 'bump'])
    writeFiles(bump, [{ path: 'clusters/prod/istio-system/istiod.yaml', text: helmRelease('1.28.1') }])
    git(bump, ['commit', '-q', '-am', 'istiod 1.28.1'])
    git(bump, ['repack', '-adq'])
    git(bump, ['prune'])
    writeFileSync(join(bump, '.done'), '')
  }
  // A bump analyses every manifest of the head and, for the documents with findings, their base side. The floor
  // parses the repository once: the least any tool must read (the CLI reuses head parses for untouched base files).
  out.push({ name: `bump-${n}`, label: `version-bump PR over ${n.toLocaleString('en-US')} manifests (\`--base main\`, auto versions; head analysed whole, base side of its findings)`, manifests: n, cwd: bump, cli: ['check', '--base', 'main', '--target', 'auto', '--from', 'auto', '--fail-on', 'never'], floor: [bump] })
  return out
}

/** Runs one process to its exit; wall time (ms) and peak RSS (bytes) from the preload. */
function runProcess(args, cwd, peakFile, preload) {
  rmSync(peakFile, { force: true })
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, ['--import', pathToFileURL(preload).href, ...args], { cwd, env: { ...process.env, ISTIO_COMPAT_PEAK_FILE: peakFile }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = performance.now() - t0
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 2000)}`))
      const peak = Number(readFileSync(peakFile, 'utf8').trim().split('\n').pop())
      resolve({ ms, peak, out, err })
    })
  })
}

/** Each workload `reps` rounds of CLI and floor back to back (the order alternates by round), after one warm-up of each. */
export async function measureWholeProcess(root, workloads, reps, log = () => {}) {
  const preload = join(root, 'scripts/bench/peak-rss.mjs')
  const floorScript = join(root, 'scripts/bench/floor-process.mjs')
  const cli = join(root, 'dist/cli.js')
  const peakFile = join(root, '.bench', `peak-${process.pid}`)
  const rows = []
  for (const w of workloads) {
    const r = typeof reps === 'function' ? reps(w) : reps
    log(`  ${w.name}: ${r} round(s)`)
    const tasks = { cli: () => runProcess([cli, ...w.cli], w.cwd, peakFile, preload), floor: () => runProcess([floorScript, ...w.floor], w.cwd, peakFile, preload) }
    const first = await tasks.cli()
    await tasks.floor()
    const times = { cli: [], floor: [] }
    const peaks = { cli: [], floor: [] }
    for (let i = 0; i < r; i++) {
      for (const name of i % 2 ? ['floor', 'cli'] : ['cli', 'floor']) {
        const res = await tasks[name]()
        times[name].push(res.ms)
        peaks[name].push(res.peak)
      }
    }
    rows.push({
      name: w.name,
      label: w.label,
      manifests: w.manifests,
      command: `node dist/cli.js ${w.cli.join(' ')}`,
      reps: r,
      cliMs: median(times.cli),
      floorMs: median(times.floor),
      ratio: median(times.cli.map((t, i) => t / times.floor[i])),
      cliPeak: median(peaks.cli),
      floorPeak: median(peaks.floor),
      peakRatio: median(peaks.cli.map((p, i) => p / peaks.floor[i])),
      summary: first.out.trim().split('\n').pop()
    })
  }
  rmSync(peakFile, { force: true })
  return rows
}
