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

  it('checks named paths with the rest of the repository as context, as a pull request touching only them would be', async () => {
    const rule = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: backend\n  namespace: apps\nspec:\n  host: backend.apps.svc.cluster.local\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n'
    const gwapi = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n  namespace: istio-ingress\nspec:\n  gatewayClassName: istio\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n'
    const istioGateway = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: extra\n  namespace: apps\nspec:\n  selector:\n    gateway.networking.k8s.io/gateway-name: edge\n  servers:\n  - port: {number: 8080, name: http-extra, protocol: HTTP}\n    hosts: ["*"]\n'
    const dir = dirWith({ 'apps/dr.yaml': rule, 'apps/gateway.yaml': istioGateway, 'platform/istiod-values.yaml': 'pilot:\n  env:\n    VERIFY_CERTIFICATE_AT_CLIENT: "false"\n', 'ingress/edge.yaml': gwapi })
    const findings = async (args: string[]) => {
      const r = await cli(['check', ...args, '--repo', dir, '--format', 'json', '--fail-on', 'never'])
      expect(r.code).toBe(0)
      return (JSON.parse(r.out) as { findings: { file: string; line: number; severity: string; message: string }[] }).findings
    }
    const verify = (fs: { file: string; line: number; message: string }[]) => fs.filter((f) => /verifies the server certificate/.test(f.message)).map((f) => `${f.file}:${f.line}`)
    const merge = (fs: { file: string; line: number; message: string }[]) => fs.filter((f) => /another namespace|namespace istio-ingress/.test(f.message)).map((f) => `${f.file}:${f.line}`)
    // The opt-out in platform/ silences the DestinationRule; without it the error is there.
    expect(verify(await findings(['apps/dr.yaml', '--target', '1.22', '--from', '1.20']))).toEqual([])
    rmSync(join(dir, 'platform/istiod-values.yaml'))
    expect(verify(await findings(['apps/dr.yaml', '--target', '1.22', '--from', '1.20']))).toEqual(['apps/dr.yaml:10'])
    // The Gateway API Gateway in ingress/ is the other half of the 1.31 gateway-merging pair; nothing reports on ingress/.
    const apps = await findings(['apps', '--target', '1.31', '--from', '1.30'])
    expect(merge(apps)).toEqual(['apps/gateway.yaml:8'])
    expect(apps.filter((f) => f.file.startsWith('ingress/'))).toEqual([])
    // The config's ignore list keeps a file out of the context too.
    mkdirSync(join(dir, '.github'), { recursive: true })
    writeFileSync(join(dir, '.github/istio-compat.yml'), 'ignore:\n  - "ingress/**"\n')
    expect(merge(await findings(['apps', '--target', '1.31', '--from', '1.30']))).toEqual([])
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
