// Timing and memory helpers: warm up, repeat, take the median; collect garbage between runs so runs start alike.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function collectGarbage() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (npm run bench does)')
  globalThis.gc()
  globalThis.gc()
}

/**
 * Runs each task `warmup` times, then `reps` rounds in which every task runs once (interleaved, so drift of the
 * machine hits all alike; the order rotates from round to round). Tasks may be async. Returns the per-task list of times in ms.
 */
export async function timeInterleaved(tasks, { warmup = 2, reps = 7 } = {}) {
  for (let i = 0; i < warmup; i++) for (const task of Object.values(tasks)) await task()
  const times = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]))
  const entries = Object.entries(tasks)
  for (let r = 0; r < reps; r++) {
    // Each round starts with the next task, so no task always runs after the same one.
    for (let k = 0; k < entries.length; k++) {
      const [name, task] = entries[(r + k) % entries.length]
      collectGarbage()
      const t0 = performance.now()
      await task()
      times[name].push(performance.now() - t0)
    }
  }
  return times
}

export const mib = (bytes) => bytes / (1024 * 1024)
export const fmt = (n, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
