#!/usr/bin/env node
// Summarises a .cpuprofile (from `node --cpu-prof`): self time per function and per source, the hot spots first.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where a sampled function lives: the garbage collector, js-yaml, the engine bundle, or anything else. */
function areaOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'gc'
  if (url.includes('/node_modules/js-yaml/')) return 'js-yaml'
  if (url.includes('/.bench/engine.js')) return 'engine'
  if (url.includes('/scripts/bench')) return 'bench harness'
  return 'other'
}

/**
 * Source positions for the bench bundle: its source map (written by build.mjs) turns a bundle line into the
 * src/ file and line. @jridgewell/trace-mapping comes with the dev tools; without it, bundle lines are shown.
 */
async function sourceMapper() {
  let TraceMap
  let originalPositionFor
  try {
    ;({ TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping'))
  } catch {
    return () => undefined
  }
  const maps = new Map()
  return (url, line, column) => {
    if (!url.endsWith('/.bench/engine.js')) return undefined
    const file = url.replace(/^file:\/\//, '')
    if (!maps.has(file)) {
      try {
        maps.set(file, new TraceMap(readFileSync(`${file}.map`, 'utf8')))
      } catch {
        maps.set(file, null)
      }
    }
    const map = maps.get(file)
    const pos = map && originalPositionFor(map, { line: line + 1, column })
    return pos?.source ? `${pos.source.replace(/^(\.\.\/)+/, '')}:${pos.line}` : undefined
  }
}

export async function summariseProfile(path) {
  const mapSource = await sourceMapper()
  const profile = JSON.parse(readFileSync(path, 'utf8'))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map()
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0))
  let totalUs = 0
  const functions = new Map()
  const areas = new Map()
  for (const [id, us] of selfUs) {
    const f = byId.get(id).callFrame
    totalUs += us
    const area = areaOf(f.url, f.functionName)
    const file = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|scripts|\.bench|src)\//, '$1/') || '(native)'
    const key = `${f.functionName || '(anonymous)'} (${mapSource(f.url, f.lineNumber, f.columnNumber) ?? `${file}:${f.lineNumber + 1}`})`
    const entry = functions.get(key) ?? { name: key, area, us: 0 }
    entry.us += us
    functions.set(key, entry)
    areas.set(area, (areas.get(area) ?? 0) + us)
  }
  // Inclusive time: a sample counts for every distinct function on its stack (recursion counted once).
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map()
  for (const [id, us] of selfUs) {
    const seen = new Set()
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame
      const key = `${f.functionName || '(anonymous)'} (${mapSource(f.url, f.lineNumber, f.columnNumber) ?? `${f.url.replace(/^.*\/(node_modules|scripts|\.bench|src)\//, '$1/')}:${f.lineNumber + 1}`})`
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + us)
    }
  }
  return {
    totalMs: totalUs / 1000,
    inclusive: [...inclusive].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 })),
    areas: Object.fromEntries([...areas].map(([k, us]) => [k, us / 1000])),
    functions: [...functions.values()].sort((a, b) => b.us - a.us).map((f) => ({ name: f.name, area: f.area, ms: f.us / 1000 }))
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, topArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  if (!path) {
    process.stderr.write('usage: node scripts/bench/profile-summary.mjs PROFILE.cpuprofile [TOP] [--inclusive]\n')
    process.exit(2)
  }
  const s = await summariseProfile(path)
  const pct = (ms) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`
  process.stdout.write(`total sampled: ${s.totalMs.toFixed(0)} ms\n\nby area\n`)
  for (const [area, ms] of Object.entries(s.areas).sort((a, b) => b[1] - a[1])) process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${pct(ms)}  ${area}\n`)
  if (process.argv.includes('--inclusive')) {
    process.stdout.write('\ninclusive time by function\n')
    for (const f of s.inclusive.slice(0, Number(topArg ?? 25))) process.stdout.write(`${f.ms.toFixed(0).padStart(8)} ms ${pct(f.ms)}  ${f.name}\n`)
  }
  process.stdout.write('\nself time by function\n')
  for (const f of s.functions.slice(0, Number(topArg ?? 25))) process.stdout.write(`${f.ms.toFixed(0).padStart(8)} ms ${pct(f.ms)}  ${f.name}\n`)
}
