// The baseline: which findings a change causes. Matching by what a finding is about (not its line), and the
// pipeline's base analysis on real git repositories.
import { afterAll, describe, expect, it } from '@jest/globals'
import { finding } from '../__fixtures__/report.js'
import { classifyFindings, normaliseMessage, normalisePath, pairRenamedResources } from '../src/baseline.js'
import { gitChangeSet } from '../src/changes/git.js'
import { gitSnapshot } from '../src/changes/snapshots.js'
import { main } from '../src/cli/main.js'
import { diffResources } from '../src/manifests/diff.js'
import { parseManifestFile } from '../src/manifests/parse.js'
import type { Finding } from '../src/model.js'
import { runAnalysis } from '../src/pipeline.js'
import { makeRepo, type TempRepo } from './support/gitrepo.js'

const DR = { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', namespace: 'shop', name: 'reviews' }
const enumError = (line: number, release: string, extra: Partial<Finding> = {}): Finding =>
  finding({
    file: 'apps/dr.yaml',
    line,
    rule: 'enum-value-not-in-release',
    resource: DR,
    path: 'spec.trafficPolicy.loadBalancer.simple',
    message: `spec.trafficPolicy.loadBalancer.simple: ROUND_ROBINN is not an allowed value in any release; Istio ${release} accepts LEAST_CONN, ROUND_ROBIN.`,
    ...extra
  })
const states = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.baselineState}`)

describe('classifyFindings', () => {
  it('matches a finding whose line moved (lines inserted above it)', () => {
    expect(states(classifyFindings([enumError(14, '1.28')], [enumError(9, '1.28')]))).toEqual(['apps/dr.yaml:14 unchanged'])
  })

  it('normalises release numbers in messages: the base says 1.26.3 where the head says 1.28.1', () => {
    expect(states(classifyFindings([enumError(9, '1.28.1')], [enumError(9, '1.26.3')]))).toEqual(['apps/dr.yaml:9 unchanged'])
    expect(normaliseMessage('x', 'Istio 1.31.0-rc.0 and v1.26.8, Kubernetes 1.29 to 1.33; port 8080')).toBe('Istio <release> and <release>, Kubernetes <release> to <release>; port 8080')
    // parse messages: line and column numbers move, the reason stays
    expect(normaliseMessage('parse', 'Invalid YAML: bad indentation (5:12); the document at lines 1-5 was not checked.')).toBe(normaliseMessage('parse', 'Invalid YAML: bad indentation (9:12); the document at lines 4-9 was not checked.'))
    expect(normalisePath('spec.http[2].route[0].destination')).toBe('spec.http[].route[].destination')
  })

  it('a different message is a different finding on a line the PR wrote, the same one elsewhere', () => {
    const head = enumError(9, '1.28', { message: 'spec.trafficPolicy.loadBalancer.simple: LEAST_CONNN is not an allowed value.' })
    const base = [enumError(9, '1.28')]
    expect(states(classifyFindings([head], base, { addedLine: (file, line) => file === 'apps/dr.yaml' && line === 9 }))).toEqual(['apps/dr.yaml:9 new'])
    // Not on an added line (a bump rewords the list of accepted values): the problem at that place was there before.
    expect(states(classifyFindings([head], base, { addedLine: () => false }))).toEqual(['apps/dr.yaml:9 unchanged'])
  })

  it('counts equal findings as multisets, and the ones on lines the PR added are the new ones', () => {
    const values = (line: number) => finding({ file: 'values.yaml', line, rule: 'deprecated', path: 'pilot.env.X', message: 'X is deprecated since 1.22.' })
    const head = [values(3), values(12), values(20)]
    const result = classifyFindings(head, [values(3), values(15)], { addedLine: (_, line) => line === 12 })
    expect(states(result)).toEqual(['values.yaml:3 unchanged', 'values.yaml:12 new', 'values.yaml:20 unchanged'])
    expect(states(classifyFindings([values(4)], [values(4), values(8)]))).toEqual(['values.yaml:4 unchanged'])
  })

  it('follows renamed files for findings known by their file, and named resources wherever they moved', () => {
    const values = (file: string) => finding({ file, line: 7, rule: 'deprecated', path: 'global.hub', message: 'hub moved.' })
    expect(states(classifyFindings([values('new/values.yaml')], [values('old/values.yaml')], { renames: new Map([['new/values.yaml', 'old/values.yaml']]) }))).toEqual(['new/values.yaml:7 unchanged'])
    expect(states(classifyFindings([values('new/values.yaml')], [values('old/values.yaml')]))).toEqual(['new/values.yaml:7 new'])
    // A named resource moved to another file is the same resource.
    expect(states(classifyFindings([enumError(9, '1.28', { file: 'apps/other.yaml' })], [enumError(9, '1.28')]))).toEqual(['apps/other.yaml:9 unchanged'])
    // Another resource with the same problem is not.
    expect(states(classifyFindings([enumError(9, '1.28', { resource: { ...DR, name: 'ratings' } })], [enumError(9, '1.28')]))).toEqual(['apps/dr.yaml:9 new'])
    // A renamed resource, paired by the pipeline.
    const renamed = enumError(9, '1.28', { resource: { ...DR, name: 'reviews-v2' } })
    expect(states(classifyFindings([renamed], [enumError(9, '1.28')], { renamedResources: new Map([['networking.istio.io/DestinationRule/shop/reviews-v2', 'networking.istio.io/DestinationRule/shop/reviews']]) }))).toEqual(['apps/dr.yaml:9 unchanged'])
  })

  it('a file the PR did not touch never brings a new parse finding; a file it touched does', () => {
    const parse = (file: string) => finding({ file, line: 4, rule: 'parse', message: 'Invalid YAML: deficient indentation (4:3).' })
    const result = classifyFindings([parse('lint/yamllint.yaml'), parse('apps/sa.yaml')], [], { untouched: (path) => path === 'lint/yamllint.yaml' })
    expect(states(result)).toEqual(['lint/yamllint.yaml:4 unchanged', 'apps/sa.yaml:4 new'])
  })

  it('a finding suppressed on the base does not make the head one old', () => {
    expect(states(classifyFindings([enumError(9, '1.28')], [enumError(9, '1.28', { suppressed: { reason: 'known', by: 'istio-compat.io/ignore' } })]))).toEqual(['apps/dr.yaml:9 new'])
  })
})

describe('pairRenamedResources', () => {
  it('pairs a resource renamed in place with the one it replaced (same file, kind and document index)', () => {
    const dr = (name: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${name}\nspec:\n  host: x\n`
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: gone\n'
    const base = parseManifestFile('a.yaml', `${dr('old')}---\n${svc}`)
    const head = parseManifestFile('b.yaml', `${dr('new')}`)
    const pairs = pairRenamedResources(diffResources([base], [head], new Map([['b.yaml', 'a.yaml']])), new Map([['b.yaml', 'a.yaml']]))
    expect([...pairs].map(([h, b]) => `${h.file}:${h.line} ${h.resource?.name} <- ${b.file}:${b.line} ${b.resource?.name}`)).toEqual(['b.yaml:1 new <- a.yaml:1 old'])
  })
})

// ------------------------------------------------------------------------------------------------------------
// The pipeline on git repositories

const repos: TempRepo[] = []
afterAll(() => repos.forEach((r) => r.cleanup()))

function repo(base: Record<string, string>, head: Record<string, string>): TempRepo {
  const r = makeRepo(base, head)
  repos.push(r)
  return r
}

async function analyse(r: TempRepo, target: string, from: string) {
  const changes = gitChangeSet(r.dir, r.baseSha, r.headSha)
  return runAnalysis({ changes, head: gitSnapshot(r.dir, r.headSha), base: gitSnapshot(r.dir, changes.baseRef as string) }, { target, from, paths: [] })
}

const destinationRule = (name: string, simple: string, extra = '') =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  host: reviews\n${extra}  trafficPolicy:\n    loadBalancer:\n      simple: ${simple}\n`

const helmRelease = (version: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: ${version}\n      sourceRef: { kind: HelmRepository, name: istio }\n`

describe('runAnalysis with a base', () => {
  it('a PR that edits a resource with an old error: the old one is unchanged (its line moved), what the PR adds is new', async () => {
    const r = repo(
      { 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBINN') },
      { 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBINN', '  exportTo: ["."]\n  htpp: 1\n') }
    )
    const result = await analyse(r, '1.28', '1.26')
    expect(result.versionBump).toBe(false)
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual([
      'apps/dr.yaml:9 unknown-field new',
      'apps/dr.yaml:12 enum-value-not-in-release unchanged'
    ])
    // Not a bump: the base was checked against the head's releases, only the one document with findings.
    expect(result.baseline).toMatchObject({ target: { version: '1.28' }, from: { version: '1.26' }, documentsChecked: 1 })
  })

  it('a renamed file and a renamed resource keep their old findings', async () => {
    const filler = Array.from({ length: 12 }, (_, i) => `# note ${i}`).join('\n') + '\n'
    const r = repo(
      { 'apps/old-name.yaml': filler + destinationRule('reviews', 'ROUND_ROBINN'), 'apps/dr2.yaml': destinationRule('ratings', 'ROUND_ROBINN') },
      { 'apps/new-name.yaml': filler + destinationRule('reviews', 'ROUND_ROBINN', '  exportTo: ["."]\n'), 'apps/dr2.yaml': destinationRule('ratings-v2', 'ROUND_ROBINN') }
    )
    const result = await analyse(r, '1.28', '1.28')
    expect(result.changes.files.find((f) => f.path === 'apps/new-name.yaml')).toMatchObject({ status: 'renamed', previousPath: 'apps/old-name.yaml' })
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual([
      'apps/dr2.yaml:10 enum-value-not-in-release unchanged',
      'apps/new-name.yaml:23 enum-value-not-in-release unchanged'
    ])
  })

  it('a document without a name keeps its old findings when a document is inserted above it', async () => {
    const unnamed = (simple: string) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  host: reviews\n  trafficPolicy:\n    loadBalancer:\n      simple: ${simple}\n`
    const r = repo({ 'apps/patches.yaml': unnamed('ROUND_ROBINN') }, { 'apps/patches.yaml': `${unnamed('RANDOM')}---\n${unnamed('ROUND_ROBINN')}` })
    const result = await analyse(r, '1.28', '1.28')
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual(['apps/patches.yaml:15 enum-value-not-in-release unchanged'])
  })

  it('a PR that breaks a file gets a new parse error; a document that was already broken stays unchanged', async () => {
    const broken = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: shop: x\n'
    const r = repo(
      { 'apps/both.yaml': `${broken}---\n${destinationRule('reviews', 'ROUND_ROBIN')}` },
      { 'apps/both.yaml': `# moved down\n${broken}---\n${destinationRule('reviews', 'ROUND_ROBIN').replace('  host: reviews\n', '  host: reviews: x\n')}` }
    )
    const result = await analyse(r, '1.28', '1.28')
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual([
      'apps/both.yaml:6 parse unchanged',
      'apps/both.yaml:14 parse new'
    ])
  })

  it('a version bump checks the base against the release it ran: what the move breaks is new, the rest unchanged, and only documents with findings are analysed twice', async () => {
    const lightstep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: istio-system\ndata:\n  mesh: |\n    extensionProviders:\n      - name: ls\n        lightstep: { address: "c:443", accessToken: t }\n    defaultProviders: { tracing: [ls] }\n`
    const quiet = Array.from({ length: 5 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\n  namespace: shop\nspec:\n  ports: [{ port: 80 }]\n`).join('---\n')
    const base = { 'clusters/istiod.yaml': helmRelease('1.26.3'), 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBINN'), 'mesh/istio.yaml': lightstep, 'apps/services.yaml': quiet, 'lint/broken.yaml': 'a: {b: 1\n' }
    const r = repo(base, { ...base, 'clusters/istiod.yaml': helmRelease('1.28.1') })
    const result = await analyse(r, 'auto', 'auto')
    expect(result.versionBump).toBe(true)
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual([
      'apps/dr.yaml:10 enum-value-not-in-release unchanged',
      'lint/broken.yaml:1 parse unchanged',
      'mesh/istio.yaml:10 removed-feature new'
    ])
    expect(result.documentsChecked).toBe(8)
    expect(result.baseline).toEqual({ target: expect.objectContaining({ version: '1.26.3' }), documentsChecked: 2 })
  })

  it('the Kubernetes range belongs to the repository: already there unless the bump moves the range past the cluster', async () => {
    const r = repo({ 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBIN') }, { 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBIN'), 'apps/new.yaml': destinationRule('ratings', 'ROUND_ROBIN') })
    const changes = gitChangeSet(r.dir, r.baseSha, r.headSha)
    const sources = { changes, head: gitSnapshot(r.dir, r.headSha), base: gitSnapshot(r.dir, changes.baseRef as string) }
    const quiet = await runAnalysis(sources, { target: '1.28', from: '', kubernetesVersion: '1.27', paths: [] })
    expect(quiet.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.baselineState}`)).toEqual(['apps/new.yaml:1 kubernetes-version-unsupported unchanged'])

    const b = repo({ 'clusters/istiod.yaml': helmRelease('1.24.6') }, { 'clusters/istiod.yaml': helmRelease('1.26.3') })
    const bchanges = gitChangeSet(b.dir, b.baseSha, b.headSha)
    const bump = await runAnalysis({ changes: bchanges, head: gitSnapshot(b.dir, b.headSha), base: gitSnapshot(b.dir, bchanges.baseRef as string) }, { target: 'auto', from: 'auto', kubernetesVersion: '1.28', paths: [] })
    expect(bump.versionBump).toBe(true)
    expect(bump.findings.filter((f) => f.rule === 'kubernetes-version-unsupported').map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['clusters/istiod.yaml:10 new'])
  })

  it('the CLI with --base classifies the same way and gates on new findings unless --fail-on-existing', async () => {
    const r = repo({ 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBINN') }, { 'apps/dr.yaml': destinationRule('reviews', 'ROUND_ROBINN', '  exportTo: ["."]\n') })
    const out: string[] = []
    const run = (...extra: string[]) => main(['check', '--repo', r.dir, '--base', 'main', '--target', '1.28', ...extra], (s) => out.push(s), () => undefined)
    expect(await run()).toBe(0)
    expect(out.join('\n')).toContain('apps/dr.yaml:11: error [enum-value-not-in-release]')
    expect(out.join('\n')).toContain('(already there before this change)')
    expect(out.join('\n')).toContain('0 error(s), 0 warning(s), 0 notice(s), 1 already there before this change (not counted)')
    expect(await run('--fail-on-existing')).toBe(1)
    out.length = 0
    expect(await run('--format', 'json')).toBe(0)
    const json = JSON.parse(out.join('\n'))
    expect(json.findings.map((f: Finding) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['apps/dr.yaml:11 unchanged'])
    expect(json.counts).toMatchObject({ errors: 0, new: 0, existing: 1 })
  })
})
