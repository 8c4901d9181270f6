// Reading a PR's commits through the API (no checkout): per-file contents reads for a few files, one tarball
// per commit for many, and never the same file twice. Against the fake GitHub on 127.0.0.1.
import { afterEach, describe, expect, it } from '@jest/globals'
import { gzipSync } from 'node:zlib'
import { apiSnapshot, ARCHIVE_MIN_FILES, repoSizeOnce, type RequestClient } from '../src/changes/api.js'
import { readTarball, TarError } from '../src/changes/tar.js'
import { createGitHubClient } from '../src/github/client.js'
import { pullFromStates, startFakeGitHub, type BuiltPull, type FakeGitHub } from '../scripts/fake-github.mjs'

const open: FakeGitHub[] = []
afterEach(async () => {
  while (open.length) await open.pop()!.close()
})

function states(n: number): { base: Record<string, string>; head: Record<string, string | null> } {
  const base: Record<string, string> = {}
  const head: Record<string, string | null> = {}
  for (let i = 0; i < n; i++) {
    base[`apps/app-${i}/vs.yaml`] = `kind: VirtualService\nmetadata: {name: app-${i}}\n`
    head[`apps/app-${i}/vs.yaml`] = `kind: VirtualService\nmetadata: {name: app-${i}, namespace: shop}\n`
  }
  head['apps/app-0/vs.yaml'] = null // deleted at head
  head['apps/new/very/long/' + 'd'.repeat(120) + '/gw.yaml'] = 'kind: Gateway\n' // a path of more than 100 bytes
  return { base, head }
}

async function setup(n: number, repoSizeKiB?: number): Promise<{ fake: FakeGitHub; built: BuiltPull; client: RequestClient; logs: string[] }> {
  const fake = await startFakeGitHub(repoSizeKiB === undefined ? {} : { repoSizeKiB })
  open.push(fake)
  const { base, head } = states(n)
  const built = pullFromStates(base, head)
  fake.setPull(1, built)
  const client = createGitHubClient({ token: 'bot-token', baseUrl: fake.url, pacing: { writeMs: 0, notificationMs: 0 }, retryUnitMs: 5, maskToken: false })
  return { fake, built, client, logs: [] }
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined)
const routes = (fake: FakeGitHub) => fake.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/, '<sha>').replace(/\?.*$/, '')}`)

describe('apiSnapshot through the fake GitHub', () => {
  it('reads a few files with the contents API, each once, at the right commit', async () => {
    const { fake, built, client } = await setup(5)
    const head = apiSnapshot(client, 'octo', 'mesh', built.headSha)
    const base = apiSnapshot(client, 'octo', 'mesh', built.baseSha)
    const paths = ['apps/app-0/vs.yaml', 'apps/app-1/vs.yaml']
    const atHead = await head.read(paths)
    const atBase = await base.read(paths)
    await head.read(paths)
    expect(text(atHead.get('apps/app-1/vs.yaml'))).toBe(built.headText['apps/app-1/vs.yaml'])
    expect(atHead.has('apps/app-0/vs.yaml')).toBe(false) // deleted at head: 404
    expect(text(atBase.get('apps/app-0/vs.yaml'))).toBe('kind: VirtualService\nmetadata: {name: app-0}\n')
    expect(routes(fake).filter((r) => r.includes('/contents/'))).toHaveLength(4)
    expect(routes(fake).some((r) => r.includes('tarball'))).toBe(false)
  })

  it(`reads ${ARCHIVE_MIN_FILES} or more files from one tarball per commit: same bytes, 2-3 requests instead of one per file`, async () => {
    const n = 60
    const { fake, built, client } = await setup(n)
    const size = repoSizeOnce(client, 'octo', 'mesh')
    const head = apiSnapshot(client, 'octo', 'mesh', built.headSha, { repoSizeKiB: size })
    const base = apiSnapshot(client, 'octo', 'mesh', built.baseSha, { repoSizeKiB: size })
    const all = await head.list()
    expect(all).toHaveLength(n) // 59 kept + 1 new
    const files = await head.read(all)
    expect(files.size).toBe(n)
    for (const path of all) expect(text(files.get(path))).toBe(built.headText[path])
    const old = await base.read(Object.keys(built.baseText!))
    expect(text(old.get('apps/app-0/vs.yaml'))).toBe(built.baseText!['apps/app-0/vs.yaml'])
    // Later reads (the analysis, the suggestions) come from the same archive.
    await head.read(['apps/app-3/vs.yaml', 'nope.yaml'])
    expect(routes(fake)).toEqual([
      'GET /repos/octo/mesh/git/trees/<sha>',
      'GET /repos/octo/mesh',
      'GET /repos/octo/mesh/tarball/<sha>',
      'GET /_codeload/octo/mesh/legacy.tar.gz/<sha>',
      'GET /repos/octo/mesh/tarball/<sha>',
      'GET /_codeload/octo/mesh/legacy.tar.gz/<sha>'
    ])
    expect(fake.validationErrors).toEqual([])
  })

  it('reads file by file (8 at a time) when the repository is too large to download', async () => {
    const { fake, built, client } = await setup(30, 500 * 1024)
    const logs: string[] = []
    const head = apiSnapshot(client, 'octo', 'mesh', built.headSha, { log: (m) => logs.push(m) })
    const files = await head.read(Object.keys(built.headText))
    expect(files.size).toBe(30)
    expect(routes(fake).filter((r) => r.includes('/contents/'))).toHaveLength(30)
    expect(routes(fake).some((r) => r.includes('tarball'))).toBe(false)
    expect(logs.join('\n')).toMatch(/500 MiB; reading files one by one/)
  })

  it('falls back to file-by-file reads when the archive is refused', async () => {
    const { fake, built, client } = await setup(30)
    fake.failNext({ method: 'GET', path: /\/tarball\//, status: 404 })
    const logs: string[] = []
    const head = apiSnapshot(client, 'octo', 'mesh', built.headSha, { log: (m) => logs.push(m) })
    const files = await head.read(Object.keys(built.headText))
    expect(files.size).toBe(30)
    expect(text(files.get('apps/app-7/vs.yaml'))).toBe(built.headText['apps/app-7/vs.yaml'])
    expect(logs.join('\n')).toMatch(/Could not use the repository archive/)
    expect(routes(fake).filter((r) => r.includes('/contents/'))).toHaveLength(30)
  })
})

describe('apiSnapshot with a counting client', () => {
  it('fetches each file once, however often detection, analysis and suggestions ask', async () => {
    const asked: string[] = []
    const client: RequestClient = {
      request: async (_route, params) => {
        const path = String(params?.path)
        asked.push(path)
        if (path === 'gone.yaml') throw Object.assign(new Error('Not Found'), { status: 404 })
        return { status: 200, data: { type: 'file', size: 5, content: Buffer.from('a: 1\n').toString('base64') } }
      }
    }
    const snapshot = apiSnapshot(client, 'octo', 'mesh', 'abc')
    const first = await snapshot.read(['a.yaml', 'gone.yaml'])
    const second = await snapshot.read(['a.yaml', 'gone.yaml', 'b.yaml'])
    expect(text(first.get('a.yaml'))).toBe('a: 1\n')
    expect([...second.keys()]).toEqual(['a.yaml', 'b.yaml'])
    expect(asked).toEqual(['a.yaml', 'gone.yaml', 'b.yaml'])
  })
})

// ---- the tar reader on hand-made archives ----------------------------------------------------------------

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512)
  h.write(name, 0, 100, 'utf8')
  h.write('0000644\0', 100)
  h.write(size.toString(8).padStart(11, '0') + '\0', 124)
  h.write(type, 156)
  h.write('ustar\0', 257)
  h.write('00', 263)
  h.fill(' ', 148, 156)
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148)
  return h
}

function entry(name: string, body: string | Buffer, type = '0'): Buffer {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(body)
  return Buffer.concat([header(name, data.length, type), data, Buffer.alloc((512 - (data.length % 512)) % 512)])
}

const LIMITS = { maxUnpacked: 1 << 20, maxFileBytes: 1 << 16 }
const archive = (...entries: Buffer[]) => gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]))

describe('readTarball', () => {
  it('keeps regular files under the top directory, and nothing else', () => {
    const files = readTarball(
      archive(
        entry('pax_global_header', '52 comment=0123456789012345678901234567890123456789\n', 'g'),
        entry('octo-mesh-abc/', '', '5'),
        entry('octo-mesh-abc/a.yaml', 'a: 1\n'),
        entry('octo-mesh-abc/link.yaml', '', '2'),
        entry('octo-mesh-abc/../../etc/passwd', 'x'),
        entry('octo-mesh-abc/sub/./b.yaml', 'x'),
        entry('././@LongLink', 'octo-mesh-abc/' + 'l'.repeat(150) + '.yaml\0', 'L'),
        entry('octo-mesh-abc/truncated-name', 'long: 1\n'),
        entry('PaxHeader', `${String(' path=octo-mesh-abc/p.yaml\n'.length + 2)} path=octo-mesh-abc/p.yaml\n`, 'x'),
        entry('octo-mesh-abc/ignored-name', 'pax: 1\n')
      ),
      LIMITS
    )
    expect([...files.keys()]).toEqual(['a.yaml', 'l'.repeat(150) + '.yaml', 'p.yaml'])
    expect(text(files.get('p.yaml')!.data)).toBe('pax: 1\n')
  })

  it('keeps only the size of a file above maxFileBytes', () => {
    const files = readTarball(archive(entry('r/big.yaml', Buffer.alloc(70_000, 97)), entry('r/small.yaml', 'a: 1\n')), LIMITS)
    expect(files.get('big.yaml')).toEqual({ size: 70_000, data: undefined })
    expect(files.get('small.yaml')!.size).toBe(5)
  })

  it('refuses a gzip bomb, a truncated archive and bytes that are not gzip', () => {
    expect(() => readTarball(gzipSync(Buffer.alloc(4 << 20)), LIMITS)).toThrow(/unpacks to more than/)
    const whole = Buffer.concat([entry('r/a.yaml', 'x'.repeat(2000))])
    expect(() => readTarball(gzipSync(whole.subarray(0, 1024)), LIMITS)).toThrow(TarError)
    expect(() => readTarball(Buffer.from('<html>rate limited</html>'), LIMITS)).toThrow(/not a gzip archive/)
  })
})
