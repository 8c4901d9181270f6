#!/usr/bin/env node
// Copies the kubectl reference cases of ../shared/yaml-parity into __fixtures__/yaml-parity, byte for byte, so that
// the parity test (__tests__/manifests/yaml-parity.test.ts) runs without ../shared. Usage:
//   node scripts/import-yaml-parity.mjs [shared-root]
// The test compares the committed copy with the source when the source is there: rerun this when it fails.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))
export const PARITY_FIXTURES = join(REPO, '__fixtures__', 'yaml-parity')

export function defaultParitySource() {
  return join(process.env.ISTIO_COMPAT_SHARED || resolve(REPO, '..', 'shared'), 'yaml-parity')
}

export function paritySourceExists(source = defaultParitySource()) {
  return existsSync(join(source, 'expected.json')) && existsSync(join(source, 'cases'))
}

/** The files the import writes, by path relative to the fixture folder. */
export function parityFiles(source = defaultParitySource()) {
  const files = new Map()
  const names = readdirSync(join(source, 'cases')).filter((n) => n.endsWith('.yaml')).sort()
  const hash = createHash('sha256')
  for (const name of names) {
    const bytes = readFileSync(join(source, 'cases', name))
    hash.update(name).update(bytes)
    files.set(`cases/${name}`, bytes)
  }
  const expected = readFileSync(join(source, 'expected.json'))
  hash.update(expected)
  files.set('expected.json', expected)
  files.set('SOURCES.md', Buffer.from(`# Provenance of these files

Copied byte for byte by \`node scripts/import-yaml-parity.mjs\` from the project's shared reference set
\`yaml-parity/\` (${names.length} cases; sha256 of names, cases and expected.json: \`${hash.digest('hex')}\`).

\`cases/*.yaml\` are small YAML files, one feature each. \`expected.json\` holds per file what the Go tools that put
Istio configuration into a cluster make of it: \`kubectl\` (k8s.io/apimachinery's document splitter, then
sigs.k8s.io/yaml over gopkg.in/yaml.v2: \`{ok, documents}\` with every document decoded to JSON, or \`{ok: false,
error}\`), \`sigsYamlStrict\` (sigs.k8s.io/yaml's strict mode: duplicate keys are errors) and \`kustomizeYamlV3\`
(gopkg.in/yaml.v3 as kustomize and Flux use it). The verdicts were produced with sigs.k8s.io/yaml 1.3.0,
gopkg.in/yaml.v2 2.4.0 and gopkg.in/yaml.v3 3.0.1.

Do not edit these files by hand: change the source and rerun the import. docs/yaml.md says how the checker reads
YAML and lists the cases where it knowingly differs from kubectl.
`))
  return files
}

function main() {
  const source = process.argv[2] ? join(resolve(process.argv[2]), 'yaml-parity') : defaultParitySource()
  if (!paritySourceExists(source)) {
    console.error(`no yaml-parity reference set at ${source}`)
    process.exit(1)
  }
  const files = parityFiles(source)
  rmSync(PARITY_FIXTURES, { recursive: true, force: true })
  mkdirSync(join(PARITY_FIXTURES, 'cases'), { recursive: true })
  for (const [rel, bytes] of files) writeFileSync(join(PARITY_FIXTURES, rel), bytes)
  console.log(`wrote ${files.size} files to ${PARITY_FIXTURES}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
