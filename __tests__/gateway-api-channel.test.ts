// Gateway API channels: a cluster on the standard channel does not have the fields, values and apiVersions only
// the experimental channel of the target's Gateway API release has. Default (experimental) keeps today's findings.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { schemaAnalyzer, SCHEMA_RULES } from '../src/analyze/schema.js'
import type { AnalysisContext, GatewayApiChannel } from '../src/analyze/types.js'
import { main } from '../src/cli/main.js'
import { compileSchemaIndex, schemaNodeAt } from '../src/knowledge/schema-index.js'
import { parseRelease } from '../src/knowledge/versions.js'
import { parseManifestFile } from '../src/manifests/parse.js'

const cleanups: (() => void)[] = []
afterAll(() => cleanups.forEach((c) => c()))

function check(text: string, target: string, channel?: GatewayApiChannel) {
  const file = parseManifestFile('gw/route.yaml', text)
  const ctx: AnalysisContext = { target: parseRelease(target), files: [file], ...(channel ? { gatewayApiChannel: channel } : {}) }
  return file.documents.flatMap((d) => schemaAnalyzer.check(d, ctx))
}

const shape = (fs: ReturnType<typeof check>) => fs.filter((f) => f.rule !== SCHEMA_RULES.stricterValidation).map((f) => ({ rule: f.rule, line: f.line, path: f.path }))

const timeouts = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  rules:
  - backendRefs:
    - name: web
      port: 80
    timeouts:
      request: 10s
`

const allowedListeners = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: istio
  allowedListeners:
    namespaces:
      from: Same
  listeners:
  - name: http
    port: 80
    protocol: HTTP
`

describe('the schema index keeps the channel of Gateway API fields', () => {
  const index = compileSchemaIndex()
  const bit = (minor: string) => 1 << index.releaseIndex(minor)
  it('marks HTTPRoute timeouts experimental-only up to Gateway API 1.1 (Istio 1.23) and standard from 1.2 (Istio 1.24)', () => {
    const node = schemaNodeAt(index.kinds.get('gateway.networking.k8s.io/HTTPRoute')!.versions.get('v1')!.schema.root, 'spec.rules[].timeouts')!
    expect(node.mask & bit('1.23')).not.toBe(0)
    expect(node.experimental & bit('1.23')).not.toBe(0)
    expect(node.experimental & bit('1.24')).toBe(0)
  })
  it('marks Gateway allowedListeners experimental-only before Istio 1.30', () => {
    const node = schemaNodeAt(index.kinds.get('gateway.networking.k8s.io/Gateway')!.versions.get('v1')!.schema.root, 'spec.allowedListeners')!
    expect(node.experimental & bit('1.29')).not.toBe(0)
    expect(node.experimental & bit('1.30')).toBe(0)
  })
})

describe('gateway-api-channel in the schema analyzer', () => {
  it('reports HTTPRoute timeouts on Istio 1.23 only for the standard channel, naming the channel and when standard has it', () => {
    expect(shape(check(timeouts, '1.23'))).toEqual([])
    expect(shape(check(timeouts, '1.23', 'experimental'))).toEqual([])
    const found = check(timeouts, '1.23', 'standard').filter((f) => f.rule === SCHEMA_RULES.fieldNotInRelease)
    expect(found).toEqual([expect.objectContaining({ file: 'gw/route.yaml', line: 10, path: 'spec.rules[0].timeouts', severity: 'error' })])
    expect(found[0].message).toContain('only in the experimental channel')
    expect(found[0].message).toContain('standard channel has it from 1.24')
    // Once the standard channel has it, nothing to say.
    expect(shape(check(timeouts, '1.24', 'standard'))).toEqual([])
  })

  it('reports Gateway allowedListeners on Istio 1.29 for the standard channel and not on 1.30', () => {
    expect(shape(check(allowedListeners, '1.29', 'standard'))).toEqual([{ rule: SCHEMA_RULES.fieldNotInRelease, line: 7, path: 'spec.allowedListeners' }])
    expect(shape(check(allowedListeners, '1.29'))).toEqual([])
    expect(shape(check(allowedListeners, '1.30', 'standard'))).toEqual([])
  })

  it('reports an apiVersion only the experimental channel serves (TCPRoute v1alpha2 on Istio 1.31)', () => {
    const tcp = `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: db
spec:
  rules:
  - backendRefs:
    - name: db
      port: 5432
`
    expect(shape(check(tcp, '1.31'))).toEqual([])
    const found = check(tcp, '1.31', 'standard')
    expect(shape(found)).toEqual([{ rule: SCHEMA_RULES.apiVersionNotServed, line: 1, path: 'apiVersion' }])
    expect(found[0].message).toContain('only in the experimental channel')
    expect(found[0].fix?.edits[0].replacement).toBe('apiVersion: gateway.networking.k8s.io/v1')
  })
})

describe('gateway-api-channel as an option', () => {
  async function cli(args: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await main(args, (s) => out.push(s), (s) => err.push(s))
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'istio-compat-channel-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true })
      writeFileSync(join(dir, p), c)
    }
    return dir
  }

  it('takes --gateway-api-channel, falls back to the config key, and rejects other values', async () => {
    const dir = dirWith({ 'gw/gateway.yaml': allowedListeners })
    const std = await cli(['check', '--repo', dir, '--target', '1.29', '--gateway-api-channel', 'standard'])
    expect(std.code).toBe(1)
    expect(std.out).toContain('gw/gateway.yaml:7-9: error [field-not-in-release]')
    expect((await cli(['check', '--repo', dir, '--target', '1.29'])).code).toBe(0)
    const bad = await cli(['check', '--repo', dir, '--target', '1.29', '--gateway-api-channel', 'beta'])
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('istio-compat: gateway-api-channel "beta" is not a Gateway API channel; expected standard or experimental')

    const configured = dirWith({ 'gw/gateway.yaml': allowedListeners, '.github/istio-compat.yml': 'gatewayApiChannel: standard\n' })
    expect((await cli(['check', 'gw', '--repo', configured, '--target', '1.29'])).out).toContain('gw/gateway.yaml:7-9: error [field-not-in-release]')
    // The option wins over the config key.
    expect((await cli(['check', 'gw', '--repo', configured, '--target', '1.29', '--gateway-api-channel', 'experimental'])).code).toBe(0)
  })
})
