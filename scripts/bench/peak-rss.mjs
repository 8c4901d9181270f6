// Preloaded (`node --import`) into every process the whole-process benchmark starts: at exit it appends the
// process's peak resident set size (bytes) to the file named by ISTIO_COMPAT_PEAK_FILE. The CLI and the floor get
// the same preload, so its cost cancels out.
import { appendFileSync } from 'node:fs'

const file = process.env.ISTIO_COMPAT_PEAK_FILE
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`))
