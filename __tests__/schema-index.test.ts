// The committed schema index: fresh against ../shared when the sources are there, well-formed always.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  INDEX_PATH,
  defaultSharedRoot,
  generateSchemaIndex,
  normaliseCel,
  serializeSchemaIndex,
  sharedSourcesExist
} from '../scripts/generate-schema-index.mjs'
import {
  SCHEMA_INDEX,
  compileSchemaIndex,
  parseReleaseRanges,
  schemaNodeAt,
  schemaNodes,
  type SchemaCatalog
} from '../src/knowledge/schema-index.js'
import { CEL_EVALUATORS } from '../src/analyze/schema-validation.js'
import { KNOWN_MINORS } from '../src/knowledge/versions.js'

const SHARED = defaultSharedRoot()
const haveSources = sharedSourcesExist(SHARED)
const catalog: SchemaCatalog = compileSchemaIndex(SCHEMA_INDEX)

/** Releases in which a field path of a kind's (first) schema exists, as a range string. */
function fieldRange(kindKey: string, path: string, version?: string): string | undefined {
  const kind = catalog.kinds.get(kindKey)
  const schema = version ? kind?.versions.get(version)?.schema : kind?.schemas[0]
  const node = schema && schemaNodeAt(schema.root, path)
  return node ? catalog.formatMask(node.mask) : undefined
}

function servedRange(kindKey: string, version: string): string | undefined {
  const v = catalog.kinds.get(kindKey)?.versions.get(version)
  return v ? catalog.formatMask(v.served) : undefined
}

function enumRange(kindKey: string, path: string, value: string): string | undefined {
  const node = schemaNodeAt(catalog.kinds.get(kindKey)!.schemas[0].root, path)
  const mask = node?.enumValues?.get(value)
  return mask === undefined ? undefined : catalog.formatMask(mask)
}

describe('data/schema-index.json', () => {
  // Only where the sources are (the lead's machine, CI with ../shared); the structural checks below always run.
  if (haveSources) it(`is what scripts/generate-schema-index.mjs produces from ${SHARED} (run npm run generate when this fails)`, () => {
    const fresh = serializeSchemaIndex(generateSchemaIndex(SHARED))
    const committed = readFileSync(INDEX_PATH, 'utf8')
    expect(committed.length).toBe(fresh.length)
    expect(committed === fresh).toBe(true)
  })

  it('covers exactly the releases the product knows', () => {
    expect(SCHEMA_INDEX.releases).toEqual([...KNOWN_MINORS])
    for (const r of SCHEMA_INDEX.releases) {
      const pin = SCHEMA_INDEX.pins[r]
      expect(pin.istio.startsWith(r)).toBe(true)
      expect(pin.gatewayApi).toMatch(/^v1\.\d+\.\d+$/)
    }
  })

  it('is well-formed: ranges parse, every apiVersion points at a schema, every rule sits on a known path', () => {
    for (const [key, kind] of Object.entries(SCHEMA_INDEX.kinds)) {
      expect(key).toMatch(/^[a-z0-9.-]+\/[A-Z][A-Za-z]+$/)
      expect(['istio', 'gateway-api', 'inference']).toContain(kind.family)
      for (const v of Object.values(kind.versions)) {
        expect(parseReleaseRanges(v.served, SCHEMA_INDEX.releases)).toBeGreaterThan(0)
        expect(kind.schemas[v.schema]).toBeDefined()
      }
      for (const s of kind.schemas) for (const r of s.rules) expect(r.paths.length).toBeGreaterThan(0)
    }
    // Compiling attaches every rule to its node and throws on an unknown path.
    for (const kind of catalog.kinds.values()) {
      for (const schema of kind.schemas) {
        for (const node of schemaNodes(schema.root)) {
          // A child never exists in a release its parent does not.
          for (const child of [...(node.props?.values() ?? []), node.items, node.values]) if (child) expect(child.mask & ~node.mask).toBe(0)
        }
      }
    }
  })

  it('leaves out status, metadata and the IstioOperator CRD (an istioctl input without a schema)', () => {
    for (const kind of catalog.kinds.values()) {
      for (const schema of kind.schemas) {
        expect(schema.root.props?.has('status')).toBeFalsy()
        expect(schema.root.props?.has('metadata')).toBeFalsy()
      }
    }
    expect(catalog.kinds.has('install.istio.io/IstioOperator')).toBe(false)
  })

  it('records the served apiVersions the release notes talk about', () => {
    expect(servedRange('networking.istio.io/DestinationRule', 'v1')).toBe('1.22-1.31')
    expect(servedRange('networking.istio.io/DestinationRule', 'v1alpha3')).toBe('1.20-1.31')
    expect(servedRange('security.istio.io/PeerAuthentication', 'v1')).toBe('1.22-1.31')
    expect(servedRange('security.istio.io/AuthorizationPolicy', 'v1')).toBe('1.20-1.31')
    expect(servedRange('telemetry.istio.io/Telemetry', 'v1')).toBe('1.22-1.31')
    expect(servedRange('extensions.istio.io/TrafficExtension', 'v1alpha1')).toBe('1.30-1.31')
    expect(servedRange('gateway.networking.k8s.io/TLSRoute', 'v1')).toBe('1.30-1.31')
    expect(servedRange('gateway.networking.k8s.io/TCPRoute', 'v1')).toBe('1.31')
    expect(servedRange('gateway.networking.k8s.io/GRPCRoute', 'v1')).toBe('1.22-1.31')
    expect(servedRange('gateway.networking.k8s.io/ReferenceGrant', 'v1')).toBe('1.30-1.31')
    expect(servedRange('gateway.networking.k8s.io/BackendTLSPolicy', 'v1')).toBe('1.28-1.31')
    expect(servedRange('inference.networking.k8s.io/InferencePool', 'v1')).toBe('1.28-1.31')
    expect(servedRange('inference.networking.x-k8s.io/InferencePool', 'v1alpha2')).toBe('1.27-1.30')
  })

  it('marks Gateway API versions the standard channel does not serve', () => {
    const tls = SCHEMA_INDEX.kinds['gateway.networking.k8s.io/TLSRoute'].versions
    expect(tls.v1alpha2.standard).toBe('')
    expect(tls.v1.standard).toBeUndefined()
    expect(SCHEMA_INDEX.kinds['gateway.networking.k8s.io/ReferenceGrant'].versions.v1alpha2.standard).toBe('1.20-1.21')
  })

  it('shares one schema among the apiVersions of an Istio kind', () => {
    const dr = SCHEMA_INDEX.kinds['networking.istio.io/DestinationRule']
    expect(dr.schemas).toHaveLength(1)
    expect(new Set(Object.values(dr.versions).map((v) => v.schema))).toEqual(new Set([0]))
  })

  it('records field and enum value ranges', () => {
    expect(fieldRange('networking.istio.io/DestinationRule', 'spec.trafficPolicy.retryBudget')).toBe('1.27-1.31')
    expect(fieldRange('networking.istio.io/DestinationRule', 'spec.trafficPolicy.portLevelSettings[].retryBudget')).toBeUndefined()
    expect(fieldRange('networking.istio.io/DestinationRule', 'spec.trafficPolicy.tls.caCrl')).toBe('1.22-1.31')
    expect(fieldRange('networking.istio.io/Gateway', 'spec.servers[].tls.caCertCredentialName')).toBe('1.28-1.31')
    expect(fieldRange('telemetry.istio.io/Telemetry', 'spec.tracing[].customTags.*.formatter')).toBe('1.29-1.31')
    expect(fieldRange('inference.networking.k8s.io/InferencePool', 'spec.appProtocol')).toBe('1.30-1.31')
    expect(enumRange('networking.istio.io/ServiceEntry', 'spec.resolution', 'DYNAMIC_DNS')).toBe('1.28-1.31')
    expect(enumRange('networking.istio.io/ServiceEntry', 'spec.resolution', 'DNS')).toBe('1.20-1.31')
    expect(enumRange('extensions.istio.io/WasmPlugin', 'spec.failStrategy', 'FAIL_RELOAD')).toBe('1.27-1.31')
    expect(enumRange('networking.istio.io/EnvoyFilter', 'spec.configPatches[].match.context', 'WAYPOINT')).toBe('1.29-1.31')
    expect(enumRange('networking.istio.io/EnvoyFilter', 'spec.configPatches[].patch.operation', 'MERGE_AND_REPLACE_LIST')).toBe('1.31')
  })

  it('marks preserve-unknown-fields nodes as open', () => {
    const ef = schemaNodeAt(catalog.kinds.get('networking.istio.io/EnvoyFilter')!.schemas[0].root, 'spec.configPatches[].patch.value')
    expect(ef?.open).toBe(true)
    const wasm = schemaNodeAt(catalog.kinds.get('extensions.istio.io/WasmPlugin')!.schemas[0].root, 'spec.pluginConfig')
    expect(wasm?.open).toBe(true)
  })

  it('keeps only validations that change between releases, with their ranges', () => {
    const se = SCHEMA_INDEX.kinds['networking.istio.io/ServiceEntry'].schemas[0].rules
    expect(se.find((r) => r.kind === 'cel' && r.value === 'self!="*"')).toMatchObject({ releases: '1.24-1.31', paths: ['spec.hosts[]'] })
    expect(se.find((r) => r.kind === 'required' && r.value === 'spec')).toMatchObject({ releases: '1.24-1.31', paths: [''] })
    const ra = SCHEMA_INDEX.kinds['security.istio.io/RequestAuthentication'].schemas[0].rules
    expect(ra.find((r) => r.kind === 'required' && r.value === 'issuer')).toMatchObject({ releases: '1.20-1.26', paths: ['spec.jwtRules[]'] })
    const vs = SCHEMA_INDEX.kinds['networking.istio.io/VirtualService'].schemas[0].rules
    expect(vs.find((r) => r.kind === 'cel' && r.value === 'duration(self)>=duration("1ms")')?.paths).toContain('spec.http[].timeout')
    // A limit present in every release of its field is not a compatibility hazard and is left out.
    const dr = SCHEMA_INDEX.kinds['networking.istio.io/DestinationRule'].schemas[0].rules
    expect(dr.some((r) => r.paths.includes('spec.trafficPolicy.retryBudget.percent'))).toBe(false)
  })

  it('has every CEL text our evaluators know (a renamed rule fails here, not silently)', () => {
    const texts = new Set<string>()
    for (const kind of Object.values(SCHEMA_INDEX.kinds)) for (const s of kind.schemas) for (const r of s.rules) if (r.kind === 'cel') texts.add(r.value as string)
    const stale = CEL_EVALUATORS.flatMap((e) => e.texts.filter((t) => !texts.has(t)).map((t) => `${e.id}: ${t}`))
    expect(stale).toEqual([])
  })

  it('normalises CEL spacing and quotes only', () => {
    expect(normaliseCel("self.all(key, !key.contains('*'))")).toBe('self.all(key,!key.contains("*"))')
    expect(normaliseCel('(has(self.a) ? 1 : 0) +\n  (has(self.b) ? 1 : 0) <= 1')).toBe('(has(self.a)?1:0)+(has(self.b)?1:0)<=1')
  })
})

// Our reading of the differences (research/schema-diffs.json) must agree with the generator.
const RESEARCH = join(SHARED, 'research', 'schema-diffs.json')
if (existsSync(RESEARCH)) describe('cross-check with research/schema-diffs.json', () => {
  const research = JSON.parse(readFileSync(RESEARCH, 'utf8'))
  const minor = (r: string) => (r === '1.31.0-rc.0' ? '1.31' : r)
  const upTo130 = parseReleaseRanges('1.20-1.30', SCHEMA_INDEX.releases)

  it('agrees on the pinned Gateway API and Inference Extension versions', () => {
    for (const r of research.istio.releases as { dir: string; pins: { gateway_api_release: string; gie: string | null } }[]) {
      if (r.dir === '1.30.0') continue
      const pin = SCHEMA_INDEX.pins[minor(r.dir)]
      expect([r.dir, pin.gatewayApi, pin.inference]).toEqual([r.dir, r.pins.gateway_api_release, r.pins.gie])
    }
  })

  it('agrees on where every Istio apiVersion is served', () => {
    for (const [kindKey, versions] of Object.entries(research.istio.api_version_index as Record<string, Record<string, { served_in: string[] }>>)) {
      if (kindKey === 'install.istio.io/IstioOperator') continue
      for (const [version, info] of Object.entries(versions)) {
        const served = info.served_in.filter((d) => d !== '1.30.0').map(minor)
        expect([kindKey, version, servedRange(kindKey, version)]).toEqual([kindKey, version, catalog.formatMask(parseReleaseRanges(served.join(','), SCHEMA_INDEX.releases))])
      }
    }
  })

  it('agrees on the first and last release of every Istio field that is not in every release', () => {
    const index = research.istio.field_index.index as Record<string, Record<string, { first: string; last: string }>>
    let compared = 0
    for (const [kindKey, paths] of Object.entries(index)) {
      const kind = catalog.kinds.get(kindKey)!
      for (const [path, { first, last }] of Object.entries(paths)) {
        const node = schemaNodeAt(kind.schemas[0].root, path === '<root>' ? '' : path)
        const mask = (node?.mask ?? 0) & upTo130
        const ours = catalog.releasesOf(mask)
        expect([kindKey, path, ours[0], ours.at(-1)]).toEqual([kindKey, path, first, last])
        compared++
      }
      // And no path of ours varies within 1.20-1.30 without the research listing it.
      for (const node of schemaNodes(kind.schemas[0].root)) {
        const within = node.mask & upTo130 & kind.schemas[0].mask
        if (node.path !== '' && within !== (kind.schemas[0].mask & upTo130) && within !== 0) expect([kindKey, node.path, paths[node.path] !== undefined]).toEqual([kindKey, node.path, true])
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('agrees on the Istio enum values added between releases', () => {
    let compared = 0
    for (const pair of research.istio.pairs as { from: string; to: string; crds: { kinds: Record<string, { enum_changes?: { path: string; added?: string[] }[] }> } }[]) {
      if (pair.from === '1.30.0' || pair.to === '1.30.0') continue
      for (const [kindKey, changes] of Object.entries(pair.crds.kinds)) {
        for (const change of changes.enum_changes ?? []) {
          for (const value of change.added ?? []) {
            const range = enumRange(kindKey, change.path, value)
            expect([kindKey, change.path, value, range?.split('-')[0]]).toEqual([kindKey, change.path, value, minor(pair.to)])
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(0)
  })
})
