#!/usr/bin/env node
// Summarises a .cpuprofile (from `node --cpu-prof`): self time per function and per source file, the hot spots first.
import { readFileSync } from 'node:fs'

const [path, topArg] = process.argv.slice(2)
if (!path) {
  process.stderr.write('usage: node scripts/bench/profile-summary.mjs PROFILE.cpuprofile [TOP]\n')
  process.exit(2)
}
const top = Number(topArg ?? 25)
const profile = JSON.parse(readFileSync(path, 'utf8'))
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const selfUs = new Map()
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt)
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
const byFunction = new Map()
const byFile = new Map()
for (const [id, us] of selfUs) {
  const { callFrame: f } = byId.get(id)
  const file = f.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|scripts|\.bench|src)\//, '$1/') || '(native)'
  const key = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`
  byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  byFile.set(file, (byFile.get(file) ?? 0) + us)
}
const show = (title, map) => {
  process.stdout.write(`\n${title}\n`)
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}\n`)
  }
}
process.stdout.write(`total sampled: ${(total / 1000).toFixed(0)} ms\n`)
show('self time by function', byFunction)
show('self time by file', byFile)
