import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../src/cli/main.js'
import { makeExampleRepo, type TempRepo } from './support/gitrepo.js'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(args, (s) => out.push(s), (s) => err.push(s))
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'istio-compat-cli-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true })
    writeFileSync(join(dir, p), c)
  }
  return dir
}

describe('istio-compat check', () => {
  it('exits 2 with a clear message for an unknown release', async () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n' })
    const r = await cli(['check', '--repo', dir, '--target', '1.19'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/1\.19.*supported releases are 1\.20, 1\.21/)
  })

  it('exits 2 for a bad format, a bad fail-on and a missing command', async () => {
    expect((await cli(['check', '--format', 'xml', '--target', '1.28'])).code).toBe(2)
    expect((await cli(['check', '--fail-on', 'fatal', '--target', '1.28'])).code).toBe(2)
    expect((await cli(['lint'])).code).toBe(2)
  })

  it('exits 2, not with a stack trace, for an unknown option or an option without its value', async () => {
    const unknown = await cli(['check', '--targt', '1.28'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/^istio-compat: Unknown option '--targt'/)
    const missing = await cli(['check', '--target'])
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/^istio-compat: Option '-t, --target <value>' argument missing/)
  })

  it('exits 2 for a Kubernetes version it cannot read instead of skipping the range check', async () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n' })
    const r = await cli(['check', '--repo', dir, '--target', '1.28', '--kubernetes', '1.3O'])
    expect(r.code).toBe(2)
    expect(r.err).toBe('istio-compat: kubernetes-version "1.3O" is not a Kubernetes version; expected e.g. 1.31 or v1.31.2')
  })

  it('checks whole files given as paths and exits 1 on an error at or above --fail-on', async () => {
    const dir = dirWith({ 'mesh/broken.yaml': 'a: [1\n', 'mesh/ok.yaml': 'a: 1\n' })
    const r = await cli(['check', 'mesh', '--repo', dir, '--target', '1.28'])
    expect(r.code).toBe(1)
    expect(r.out).toContain('mesh/broken.yaml:1: error [parse]')
    expect((await cli(['check', 'mesh', '--repo', dir, '--target', '1.28', '--fail-on', 'never'])).code).toBe(0)
  })

  it('reads a local git diff with --base and prints JSON', async () => {
    const repo: TempRepo = makeExampleRepo(process.cwd())
    cleanups.push(repo.cleanup)
    const r = await cli(['check', '--repo', repo.dir, '--base', 'main', '--format', 'json', '--fail-on', 'never'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.findings.some((f: { file: string; line: number }) => f.file === 'apps/shop/authz.yaml' && f.line === 14)).toBe(true)
  })

  it('reports a config error with file and line', async () => {
    const dir = dirWith({ 'a.yaml': 'a: 1\n', '.github/istio-compat.yml': 'rules:\n  parse: loud\n' })
    const r = await cli(['check', '--repo', dir, '--target', '1.28'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('.github/istio-compat.yml:2: rule "parse" has setting "loud"')
  })
})
