// Cross-object catalog checks (src/analyze/catalog/cross-object.ts) through the whole engine: the pair is found
// whichever files and streaming batches its two halves are in, on the right side of each fixed release, and a pair
// that was there before the pull request is classified as unchanged.
import { describe, expect, it } from '@jest/globals'
import { runAnalysis, type Snapshot } from '../../src/pipeline.js'
import { BATCH_FILES } from '../../src/streaming.js'
import type { Finding } from '../../src/model.js'

interface File {
  path: string
  text: string
}

function snapshotOf(files: readonly File[]): Snapshot {
  const contents = new Map(files.map((f) => [f.path, new TextEncoder().encode(f.text)]))
  return {
    list: async () => [...contents.keys()],
    read: async (paths) => new Map(paths.filter((p) => contents.has(p)).map((p) => [p, contents.get(p) as Uint8Array]))
  }
}

const added = (files: readonly File[]) => ({ source: 'paths' as const, files: files.map((f) => ({ path: f.path, status: 'added' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>() })) })

/** An Istio Gateway with one HTTPS server per credential (`credentialName` on line 14 for the first server). */
function gateway(name: string, namespace: string | undefined, selector: string, ...credentials: string[]): string {
  const servers = credentials.map((c, i) => `  - port: {number: ${443 + i}, name: https-${i}, protocol: HTTPS}\n    hosts: [${name}-${i}.example.com]\n    tls:\n      mode: SIMPLE\n      credentialName: ${c}\n`)
  return `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : '  labels: {app: x}\n'}spec:\n  selector:\n    istio: ${selector}\n  servers:\n${servers.join('')}`
}

async function check(files: readonly File[], target: string, from?: string): Promise<Finding[]> {
  const result = await runAnalysis({ changes: added(files), head: snapshotOf(files) }, { target, ...(from ? { from } : {}), paths: [] })
  return result.findings.filter((f) => /name the same Secret|also declared by/.test(f.message))
}

const where = (fs: readonly Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`)

describe('one TLS Secret named as name and <namespace>/name (SDS WARMING before 1.26.7, 1.27.4, 1.28.1)', () => {
  // The Gateway objects live in different namespaces; what matters is the gateway workload both select.
  const pair: File[] = [
    { path: 'apps/gateway.yaml', text: gateway('first', 'apps', 'ingress', 'cert') },
    { path: 'ingress/gateway.yaml', text: gateway('second', 'istio-ingress', 'ingress', 'istio-ingress/cert') }
  ]

  it('reports the second reference, in another file, on releases without the fix', async () => {
    for (const target of ['1.28.0', '1.27.3', '1.26.6', '1.25']) {
      const found = await check(pair, target)
      expect(where(found)).toEqual(['ingress/gateway.yaml:14 not-yet-available warning'])
      expect(found[0]).toEqual(expect.objectContaining({ path: 'spec.servers[0].tls.credentialName', resource: expect.objectContaining({ kind: 'Gateway', name: 'second', namespace: 'istio-ingress' }) }))
      expect(found[0].message).toContain('istio-ingress/cert here and cert in Gateway apps/first name the same Secret istio-ingress/cert (same gateway selector)')
      expect(found[0].source).toContain('https://github.com/istio/istio/issues/58146')
    }
  })

  it('stays quiet on releases with the fix, also on an upgrade across it', async () => {
    for (const target of ['1.28.1', '1.28', '1.27.4', '1.26.7', '1.29']) expect(await check(pair, target)).toEqual([])
    // The upgrade makes a stuck listener warm; nothing to act on, so nothing is said.
    expect(await check(pair, '1.28.1', '1.28.0')).toEqual([])
    // --from does not matter while the target lacks the fix.
    expect(where(await check(pair, '1.28.0', '1.27.0'))).toEqual(['ingress/gateway.yaml:14 not-yet-available warning'])
  })

  it('reports two servers of one Gateway, kubernetes:// prefix included, on the second server', async () => {
    const one = [{ path: 'gw.yaml', text: gateway('both', 'istio-ingress', 'ingress', 'cert', 'kubernetes://istio-ingress/cert') }]
    const found = await check(one, '1.28.0')
    expect(where(found)).toEqual(['gw.yaml:19 not-yet-available warning'])
    expect(found[0].path).toBe('spec.servers[1].tls.credentialName')
    expect(found[0].message).toContain('in another server of this Gateway')
  })

  it('does not pair Secrets of different namespaces or workloads', async () => {
    const cases: File[][] = [
      // Same workload, two namespaces named explicitly: two Secrets.
      [{ path: 'a.yaml', text: gateway('a', 'apps', 'ingress', 'apps/cert') }, { path: 'b.yaml', text: gateway('b', 'apps', 'ingress', 'istio-ingress/cert') }],
      // Different gateway workloads: the bare name resolves in a namespace nothing shows.
      [{ path: 'a.yaml', text: gateway('a', 'istio-ingress', 'internal', 'cert') }, { path: 'b.yaml', text: gateway('b', 'istio-ingress', 'ingress', 'istio-ingress/cert') }],
      // Another Secret name.
      [{ path: 'a.yaml', text: gateway('a', 'apps', 'ingress', 'cert') }, { path: 'b.yaml', text: gateway('b', 'apps', 'ingress', 'istio-ingress/cert-2') }],
      // kubernetes-gateway:// (the Gateway API's form) is a separate kind of resource name.
      [{ path: 'a.yaml', text: gateway('a', 'apps', 'ingress', 'cert') }, { path: 'b.yaml', text: gateway('b', 'apps', 'ingress', 'kubernetes-gateway://istio-ingress/cert') }]
    ]
    for (const files of cases) expect({ files: files.map((f) => f.text.match(/credentialName: .*/g)), found: await check(files, '1.28.0') }).toEqual({ files: files.map((f) => f.text.match(/credentialName: .*/g)), found: [] })
  })

  it('pairs across workloads when the bare reference’s selector is shown to run in that namespace', async () => {
    const files: File[] = [
      // Selector internal names istio-ingress/other explicitly, so its workloads run in istio-ingress and its bare cert is istio-ingress/cert.
      { path: 'a.yaml', text: gateway('a', 'apps', 'internal', 'cert', 'istio-ingress/other') },
      { path: 'b.yaml', text: gateway('b', 'apps', 'ingress', 'istio-ingress/cert') }
    ]
    const found = await check(files, '1.28.0')
    expect(where(found)).toEqual(['b.yaml:14 not-yet-available warning'])
    expect(found[0].message).toContain('the gateway workloads of that selector run in istio-ingress')
  })

  it('finds the pair when its halves are parsed in different streaming batches', async () => {
    const filler = Array.from({ length: BATCH_FILES * 2 }, (_, i) => ({ path: `m/svc-${String(i).padStart(4, '0')}.yaml`, text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports: [{port: 80}]\n` }))
    const files = [{ path: 'a/first.yaml', text: gateway('first', 'apps', 'ingress', 'cert') }, ...filler, { path: 'z/second.yaml', text: gateway('second', 'istio-ingress', 'ingress', 'istio-ingress/cert') }]
    const order = [...files.map((f) => f.path)]
    expect(Math.floor(order.indexOf('a/first.yaml') / BATCH_FILES)).not.toBe(Math.floor(order.indexOf('z/second.yaml') / BATCH_FILES))
    const streamed = await check(files, '1.28.0')
    expect(where(streamed)).toEqual(['z/second.yaml:14 not-yet-available warning'])
    // The same as parsing every file first (a base turns streaming off).
    const whole = await runAnalysis({ changes: added(files), head: snapshotOf(files), base: snapshotOf([]) }, { target: '1.28.0', paths: [] })
    expect(where(whole.findings.filter((f) => f.message.includes('name the same Secret')))).toEqual(where(streamed))
  })

  it('classifies a pair that was there before the pull request as unchanged, and a new one as new', async () => {
    const modified = (paths: string[]) => ({ source: 'git' as const, files: paths.map((path) => ({ path, status: 'modified' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>([5]) })) })
    // The PR adds a label to both Gateways (lines move by one); the pair stays.
    const labelled = pair.map((f) => ({ path: f.path, text: f.text.replace('metadata:\n', 'metadata:\n  labels: {team: edge}\n') }))
    const result = await runAnalysis({ changes: modified(pair.map((f) => f.path)), head: snapshotOf(labelled), base: snapshotOf(pair) }, { target: '1.28.0', paths: [] })
    const found = result.findings.filter((f) => f.message.includes('name the same Secret'))
    expect(found.map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['ingress/gateway.yaml:15 unchanged'])
    // The PR writes the explicit form where the base had another Secret: new.
    const before = [pair[0], { path: pair[1].path, text: pair[1].text.replace('istio-ingress/cert', 'istio-ingress/cert-2') }]
    const introduced = await runAnalysis({ changes: modified(pair.map((f) => f.path)), head: snapshotOf(pair), base: snapshotOf(before) }, { target: '1.28.0', paths: [] })
    expect(introduced.findings.filter((f) => f.message.includes('name the same Secret')).map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['ingress/gateway.yaml:14 new'])
  })

  it('on a pull request that touches one half, reads the other half from the untouched file', async () => {
    const modified = (path: string, lines: number[]) => ({ source: 'git' as const, files: [{ path, status: 'modified' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>(lines) }] })
    // The PR writes the explicit form; the bare one sits in a file it does not touch: new, on the changed line.
    const before = [pair[0], { path: pair[1].path, text: pair[1].text.replace('istio-ingress/cert', 'istio-ingress/cert-2') }]
    const introduced = await runAnalysis({ changes: modified(pair[1].path, [14]), head: snapshotOf(pair), base: snapshotOf(before) }, { target: '1.28.0', paths: [] })
    expect(introduced.findings.filter((f) => f.message.includes('name the same Secret')).map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['ingress/gateway.yaml:14 new'])
    // The PR edits the Gateway with the bare form (a new host), the pair was there before: reported on the
    // reference in scope, naming the untouched one, and unchanged.
    const edited = [{ path: pair[0].path, text: pair[0].text.replace('hosts: [first-0.example.com]', 'hosts: [first-0.example.com, more.example.com]') }, pair[1]]
    const kept = await runAnalysis({ changes: modified(pair[0].path, [11]), head: snapshotOf(edited), base: snapshotOf(pair) }, { target: '1.28.0', paths: [] })
    const found = kept.findings.filter((f) => f.message.includes('name the same Secret'))
    expect(found.map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['apps/gateway.yaml:14 unchanged'])
    expect(found[0].message).toContain('cert here and istio-ingress/cert in Gateway istio-ingress/second')
    // Nothing is reported on the untouched file itself, and a fixed target stays quiet.
    const fixed = await runAnalysis({ changes: modified(pair[1].path, [14]), head: snapshotOf(pair), base: snapshotOf(before) }, { target: '1.28.1', paths: [] })
    expect(fixed.findings.filter((f) => f.message.includes('name the same Secret'))).toEqual([])
  })

  it('on a version bump: unchanged while both sides lack the fix, gone once the target has it', async () => {
    const istiod = (version: string) => ({ path: 'clusters/istiod.yaml', text: `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: istiod\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: istiod\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: istio}\n` })
    const bump = { source: 'git' as const, files: [{ path: 'clusters/istiod.yaml', status: 'modified' as const, commentableLines: new Map<number, number>(), addedLines: new Set<number>([10]) }] }
    const run = (from: string, to: string) => runAnalysis({ changes: bump, head: snapshotOf([...pair, istiod(to)]), base: snapshotOf([...pair, istiod(from)]) }, { target: 'auto', from: 'auto', paths: [] })
    const still = await run('1.27.3', '1.28.0')
    expect(still.versionBump).toBe(true)
    expect(still.findings.filter((f) => f.message.includes('name the same Secret')).map((f) => `${f.file}:${f.line} ${f.baselineState}`)).toEqual(['ingress/gateway.yaml:14 unchanged'])
    const fixed = await run('1.28.0', '1.28.1')
    expect(fixed.findings.filter((f) => f.message.includes('name the same Secret'))).toEqual([])
  })
})

describe('ambient ServiceEntries of one namespace sharing a host (fixed in 1.28.1)', () => {
  const ambient: File = { path: 'mesh/namespace.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n    istio.io/dataplane-mode: ambient\n' }
  const entry = (name: string, namespace: string | undefined, ...hosts: string[]) =>
    `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  hosts:\n${hosts.map((h) => `  - ${h}\n`).join('')}  ports: [{number: 443, name: tls, protocol: TLS}]\n  resolution: DNS\n`
  const pair: File[] = [ambient, { path: 'se/a.yaml', text: entry('api-a', 'apps', 'api.example.com') }, { path: 'se/b.yaml', text: entry('api-b', 'apps', 'other.example.com', 'api.example.com') }]

  it('warns on the second ServiceEntry before 1.28.1', async () => {
    for (const target of ['1.28.0', '1.27', '1.26.7']) {
      const found = await check(pair, target)
      expect(where(found)).toEqual(['se/b.yaml:9 not-yet-available warning'])
      expect(found[0]).toEqual(expect.objectContaining({ path: 'spec.hosts[1]', resource: expect.objectContaining({ kind: 'ServiceEntry', name: 'api-b' }) }))
      expect(found[0].message).toContain('host api.example.com is also declared by ServiceEntry apps/api-a in namespace apps')
      expect(found[0].source).toContain('https://github.com/istio/istio/pull/57782')
    }
  })

  it('says on an upgrade across 1.28.1 that the oldest now wins, and nothing on 1.28.1 alone', async () => {
    const found = await check(pair, '1.28.1', '1.28.0')
    expect(where(found)).toEqual(['se/b.yaml:9 behaviour-changed notice'])
    expect(found[0].message).toContain('oldest')
    expect(await check(pair, '1.28.1')).toEqual([])
    expect(await check(pair, '1.29', '1.28.1')).toEqual([])
  })

  it('needs ambient, one namespace and two ServiceEntries', async () => {
    expect(await check(pair.slice(1), '1.28.0')).toEqual([])
    expect(await check([ambient, pair[1], { path: 'se/b.yaml', text: entry('api-b', 'other', 'api.example.com') }], '1.28.0')).toEqual([])
    expect(await check([ambient, { path: 'se/a.yaml', text: entry('api-a', 'apps', 'api.example.com', 'api.example.com') }], '1.28.0')).toEqual([])
    // Without metadata.namespace: one directory is applied together; two directories may go anywhere.
    expect(where(await check([ambient, { path: 'se/a.yaml', text: entry('api-a', undefined, 'api.example.com') }, { path: 'se/b.yaml', text: entry('api-b', undefined, 'api.example.com') }], '1.28.0'))).toEqual(['se/b.yaml:7 not-yet-available warning'])
    expect(await check([ambient, { path: 'x/a.yaml', text: entry('api-a', undefined, 'api.example.com') }, { path: 'y/b.yaml', text: entry('api-b', undefined, 'api.example.com') }], '1.28.0')).toEqual([])
  })

  it('reads ambient from the ztunnel chart and the ambient profile too', async () => {
    const ztunnel = { path: 'mesh/ztunnel.yaml', text: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ztunnel\n  namespace: istio-system\nspec:\n  chart:\n    spec:\n      chart: ztunnel\n      version: 1.28.0\n      sourceRef: {kind: HelmRepository, name: istio}\n' }
    const profile = { path: 'mesh/istio.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: mesh\nspec:\n  profile: ambient\n' }
    for (const signal of [ztunnel, profile]) expect(where(await check([signal, ...pair.slice(1)], '1.28.0'))).toEqual(['se/b.yaml:9 not-yet-available warning'])
  })
})

describe('pairing context on pull requests: which untouched files are parsed', () => {
  it('takes files with a credentialName value, a ServiceEntry or a sign of ambient, not CRD schemas', async () => {
    const { mayHoldPairingFacts } = await import('../../src/analyze/catalog/cross-object.js')
    const yes = [
      'spec:\n  servers:\n  - tls:\n      credentialName: cert\n',
      'tls:\n  credentialNames:\n  - a\n  - b\n',
      'tls: {mode: SIMPLE}\n  credentialName: "ns/cert"\n',
      'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n',
      'metadata:\n  labels:\n    istio.io/dataplane-mode: ambient\n',
      'spec:\n  profile: ambient\n',
      'spec:\n  chart:\n    spec:\n      chart: ztunnel\n',
      // The mesh's root namespace decides which Telemetry overrides defaultProviders.tracing.
      'meshConfig:\n  rootNamespace: mesh-root\n'
    ]
    const no = [
      // The CRD schema names the fields without values.
      '                      credentialName:\n                        description: x\n                        type: string\n                      credentialNames:\n                        description: y\n',
      '  names:\n    kind: ServiceEntry\n    listKind: ServiceEntryList\n',
      'kind: VirtualService\nspec:\n  hosts: [a]\n',
      '# credentialName: commented\n'
    ]
    expect(yes.filter((t) => !mayHoldPairingFacts(t))).toEqual([])
    expect(no.filter((t) => mayHoldPairingFacts(t))).toEqual([])
  })
})
