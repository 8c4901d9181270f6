#!/usr/bin/env node
// The whole-process parse floor: what any tool must do to read the same YAML — start Node, load js-yaml, read every
// file and `loadAll` it. Usage: node floor-process.mjs <dir> [<dir>...]  (every *.yaml / *.yml below each dir;
// a dir given twice is read twice, as a run that reads both sides of a PR does).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadAll } from 'js-yaml'

let documents = 0
let failed = 0
const visit = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== '.git') visit(join(dir, entry.name))
    } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      try {
        documents += loadAll(readFileSync(join(dir, entry.name), 'utf8')).length
      } catch {
        failed++
      }
    }
  }
}
for (const dir of process.argv.slice(2)) visit(dir)
process.stdout.write(`${documents} documents, ${failed} file(s) not parsed\n`)
