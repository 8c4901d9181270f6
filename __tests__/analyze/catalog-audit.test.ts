// The defects the knowledge audit (research/knowledge-audit.md §1) found in catalog entries: each test fails on the
// entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { wholeFileSources, workTreeSnapshot } from '../../src/changes/snapshots.js'
import { catalogEntries } from '../../src/knowledge/catalog.js'
import { parseFromRelease, parseRelease } from '../../src/knowledge/versions.js'
import { runAnalysis } from '../../src/pipeline.js'
import { run, of, lineOf } from '../support/catalog-run.js'

const entry = (id: string) => {
  const e = catalogEntries().find((x) => x.id === id)
  if (!e) throw new Error(`no entry ${id}`)
  return e
}

describe('audit #8: incomplete cacerts', () => {
  const tls = `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
type: kubernetes.io/tls
data:
  tls.crt: Y2VydA==
  tls.key: a2V5
  ca.crt: Y2E=
`
  it('accepts a kubernetes.io/tls cacerts Secret (tls.crt, tls.key, ca.crt), which istiod reads as a complete bundle', () => {
    expect(of(run('ca/cacerts.yaml', tls, '1.27'), 'istio-1.27-incomplete-cacerts-fails')).toEqual([])
    const stringData = tls.replace('data:', 'stringData:')
    expect(of(run('ca/cacerts.yaml', stringData, '1.27'), 'istio-1.27-incomplete-cacerts-fails')).toEqual([])
  })

  it('still reports an istio-layout Secret without cert-chain.pem on its name line', () => {
    const istio = `apiVersion: v1
kind: Secret
metadata:
  name: cacerts
  namespace: istio-system
data:
  ca-cert.pem: Y2VydA==
  ca-key.pem: a2V5
  root-cert.pem: cm9vdA==
`
    expect(of(run('ca/cacerts.yaml', istio, '1.27'), 'istio-1.27-incomplete-cacerts-fails')).toEqual([
      expect.objectContaining({ file: 'ca/cacerts.yaml', line: 4, severity: 'error', rule: 'removed-feature' })
    ])
  })
})

describe('audit #12: trafficDistribution names the value', () => {
  it('says which value older releases ignore, not that the field is new', () => {
    const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  trafficDistribution: PreferSameNode
`
    const found = of(run('svc.yaml', svc, '1.26'), 'istio-1.27-traffic-distribution-same-node-zone')
    expect(found).toEqual([expect.objectContaining({ file: 'svc.yaml', line: 6, severity: 'warning' })])
    expect(found[0].message).toContain('PreferSameNode')
    expect(found[0].message).not.toContain('spec.trafficDistribution')
    // The field itself (PreferClose) has been honoured since 1.25: nothing to say.
    expect(of(run('svc.yaml', svc.replace('PreferSameNode', 'PreferClose'), '1.26'), 'istio-1.27-traffic-distribution-same-node-zone')).toEqual([])
  })
})

describe('audit #45: nftables in ambient mode', () => {
  const cni = (extra: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istio-cni
spec:
  chart:
    spec:
      chart: cni
      version: 1.27.0
  values:
    global:
      nativeNftables: true
${extra}`
  it('is quiet on target 1.27 for a sidecar-mode istio-cni and for IstioOperator values (the documented 1.27 sidecar switch)', () => {
    expect(of(run('cni.yaml', cni(''), '1.27'), 'istio-1.28-native-nftables-ambient')).toEqual([])
    const iop = `apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  values:
    global:
      nativeNftables: true
`
    expect(of(run('iop.yaml', iop, '1.27'), 'istio-1.28-native-nftables-ambient')).toEqual([])
  })

  it('reports an ambient istio-cni with nftables before 1.28, on the value line', () => {
    const ambient = cni('    ambient:\n      enabled: true\n')
    expect(of(run('cni.yaml', ambient, '1.27'), 'istio-1.28-native-nftables-ambient')).toEqual([
      expect.objectContaining({ file: 'cni.yaml', line: lineOf(ambient, 'nativeNftables'), severity: 'warning' })
    ])
    const profile = cni('    profile: ambient\n')
    expect(of(run('cni.yaml', profile, '1.27'), 'istio-1.28-native-nftables-ambient')).toEqual([expect.objectContaining({ line: lineOf(profile, 'nativeNftables') })])
    expect(of(run('cni.yaml', ambient, '1.28'), 'istio-1.28-native-nftables-ambient')).toEqual([])
  })
})

describe('audit #48/#49: the 1.20 default changes can fire (1.19 is accepted as a from release)', () => {
  it('parses 1.19 only as a from version', () => {
    expect(parseFromRelease('1.19.3')).toEqual(expect.objectContaining({ minor: '1.19', patch: 3 }))
    expect(() => parseRelease('1.19')).toThrow(/not a release istio-compat knows/)
    expect(() => parseFromRelease('1.18')).toThrow(/not a release istio-compat knows/)
  })

  it('reports the startup probe and filter-order changes for 1.19 → 1.20 through the pipeline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'istio-compat-119-'))
    const text = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: tcp-rbac
spec:
  configPatches:
  - applyTo: NETWORK_FILTER
    match:
      context: SIDECAR_INBOUND
      listener:
        filterChain:
          filter:
            name: istio.metadata_exchange
    patch:
      operation: INSERT_BEFORE
      value: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        readiness.status.sidecar.istio.io/periodSeconds: "5"
    spec:
      containers:
      - name: web
`
    writeFileSync(join(dir, 'mesh.yaml'), text)
    const snapshot = workTreeSnapshot(dir)
    const result = await runAnalysis(await wholeFileSources(snapshot, () => true), { target: '1.20', from: '1.19', paths: [] })
    expect(result.from?.release.version).toBe('1.19')
    const byRule = result.findings.filter((f) => f.rule === 'default-changed' || f.rule === 'behaviour-changed').map((f) => [f.file, f.line, f.rule])
    expect(byRule).toEqual(expect.arrayContaining([
      // Reported on the patch item (audit 5: only network filter patches moved).
      ['mesh.yaml', lineOf(text, 'applyTo: NETWORK_FILTER'), 'behaviour-changed'],
      ['mesh.yaml', lineOf(text, 'periodSeconds'), 'default-changed']
    ]))
    await expect(runAnalysis(await wholeFileSources(snapshot, () => true), { target: '1.19', paths: [] })).rejects.toThrow(/not a release istio-compat knows/)
  })
})

describe('audit #64 / FP-5: ServiceEntry IP auto-allocation', () => {
  const se = (spec: string, labels = '') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ext
${labels}spec:
${spec}`
  const id = 'istio-1.25-ip-autoallocate'
  it('is quiet where the allocator assigns nothing: resolution NONE (also by default), the opt-out label, wildcard-only hosts, explicit addresses', () => {
    expect(of(run('se.yaml', se('  hosts: [api.example.com]\n  resolution: NONE\n'), '1.25', '1.24'), id)).toEqual([])
    expect(of(run('se.yaml', se('  hosts: [api.example.com]\n'), '1.25', '1.24'), id)).toEqual([])
    expect(of(run('se.yaml', se('  hosts: [api.example.com]\n  resolution: DNS\n', '  labels:\n    networking.istio.io/enable-autoallocate-ip: "False"\n'), '1.25', '1.24'), id)).toEqual([])
    expect(of(run('se.yaml', se('  hosts: ["*.example.com"]\n  resolution: DNS\n'), '1.25', '1.24'), id)).toEqual([])
    expect(of(run('se.yaml', se('  hosts: [api.example.com]\n  addresses: [10.0.0.1]\n  resolution: DNS\n'), '1.25', '1.24'), id)).toEqual([])
  })

  it('reports a DNS ServiceEntry with a concrete host on its resolution line', () => {
    const text = se('  hosts: ["*.example.com", api.example.com]\n  resolution: DNS\n')
    expect(of(run('se.yaml', text, '1.25', '1.24'), id)).toEqual([expect.objectContaining({ file: 'se.yaml', line: lineOf(text, 'resolution: DNS'), rule: 'default-changed' })])
  })
})

describe('audit #73: sending unhealthy endpoints (1.31)', () => {
  it('is a notice that does not claim Envoy routes to not-ready pods', () => {
    const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: web
spec:
  host: web
  trafficPolicy:
    outlierDetection:
      consecutive5xxErrors: 5
`
    const found = of(run('dr.yaml', dr, '1.31', '1.30'), 'istio-1.31-send-unhealthy-endpoints')
    expect(found).toEqual([expect.objectContaining({ file: 'dr.yaml', line: 8, severity: 'notice' })])
    expect(found[0].message).not.toMatch(/may route to not-ready/)
    expect(found[0].message).toMatch(/does not balance to them/)
  })
})

describe('audit §1.4: the 1.24 switches are still read after 1.27', () => {
  it('does not claim 1.27 removes PILOT_UNIFIED_SIDECAR_SCOPE or ENABLE_ENHANCED_DESTINATIONRULE_MERGE', () => {
    const values = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: istiod
spec:
  chart:
    spec:
      chart: istiod
      version: 1.24.0
  values:
    pilot:
      env:
        PILOT_UNIFIED_SIDECAR_SCOPE: "false"
        ENABLE_ENHANCED_DESTINATIONRULE_MERGE: "false"
        ENABLE_INBOUND_RETRY_POLICY: "false"
`
    const found = run('istiod.yaml', values, '1.27', '1.23')
    const sidecar = of(found, 'istio-1.24-unified-sidecar-scope')
    const merge = of(found, 'istio-1.24-destination-rule-merge')
    expect(sidecar).toEqual([expect.objectContaining({ line: 13, severity: 'notice' })])
    expect(merge).toEqual([expect.objectContaining({ line: 14, severity: 'notice' })])
    for (const f of [...sidecar, ...merge]) expect(f.message).not.toContain('1.27 removes')
    // The retry switch really is gone in 1.27: that one is reported as ignored.
    expect(of(found, 'istio-1.27-retry-and-stats-opt-outs-removed')).toEqual([expect.objectContaining({ line: 15, severity: 'warning', rule: 'removed-feature' })])
  })
})

describe('audit #20: jwt issuer is checked per rule', () => {
  it('reports the rule without issuer even when another rule has one', () => {
    const ra = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: jwt
spec:
  jwtRules:
  - issuer: https://accounts.example.com
    jwksUri: https://accounts.example.com/jwks
  - jwksUri: https://other.example.com/jwks
`
    expect(of(run('ra.yaml', ra, '1.26'), 'istio-1.27-jwt-without-issuer')).toEqual([expect.objectContaining({ file: 'ra.yaml', line: 9, severity: 'error' })])
    const all = ra.replace('  - jwksUri: https://other', '  - issuer: https://other.example.com\n    jwksUri: https://other')
    expect(of(run('ra.yaml', all, '1.26'), 'istio-1.27-jwt-without-issuer')).toEqual([])
  })
})

describe('audit: citations say what the entries claim', () => {
  it('cites the change notes (which carry the typo) first for native-side', () => {
    expect(entry('istio-1.27-native-side-annotation-typo').sources[0].path).toBe('releases/1.27/change-notes/index.md')
  })
  it('cites the 1.28.1 patch page for the multiple targetPorts entry, not the 1.28 change notes', () => {
    const s = entry('istio-1.28.1-inferencepool-multiple-target-ports').sources
    expect(s.map((x) => x.path)).not.toContain('releases/1.28/change-notes/index.md')
    expect(s[0].refs).toContain('https://istio.io/latest/news/releases/1.28.x/announcing-1.28.1/')
  })
  it('cites the notes that state the TLSRoute minimum version (1.31 change notes, 1.30 change notes), not 1.30.1/1.30.2', () => {
    for (const id of ['istio-1.30-tlsroute-v1alpha-removed', 'istio-1.30-tlsroute-v1', 'istio-1.30-gateway-api-bundle-1.5']) {
      const paths = entry(id).sources.map((x) => x.path)
      expect(paths[0]).toBe('releases/1.31/change-notes/index.md')
      expect(paths).not.toContain('releases/1.30/announcing-1.30.1/index.md')
    }
  })
  it('does not cite the 1.24 istioctl notes for the in-cluster operator removal', () => {
    expect(entry('istio-1.24-in-cluster-operator-removed').sources.map((x) => x.section)).not.toContain('istioctl')
  })
})

describe('audit #74 / R22: the 1.30 HTTPRoute 404 and its 1.31 revert', () => {
  const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  rules:
  - backendRefs:
    - name: web
      port: 80
  - matches:
    - path: { type: PathPrefix, value: /old }
`
  const ids = ['istio-1.30-httproute-without-backends-404', 'istio-1.31-httproute-without-backends-500']
  const hits = (target: string, from: string) => run('route.yaml', route, target, from).filter((f) => ids.includes(f.entryId)).map((f) => [f.entryId, f.finding.line])
  it('reports the rule without backendRefs (per rule, not per route) once for each real change', () => {
    expect(hits('1.30', '1.29')).toEqual([['istio-1.30-httproute-without-backends-404', 10]])
    expect(hits('1.31', '1.30')).toEqual([['istio-1.31-httproute-without-backends-500', 10]])
  })
  it('says nothing across both (1.29 → 1.31), where the net behaviour is unchanged', () => {
    expect(hits('1.31', '1.29')).toEqual([])
  })
})

describe('R24: duplicate DestinationRule subset names', () => {
  it('reports the second subset with a name already used, from 1.22', () => {
    const dr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: web
spec:
  host: web
  subsets:
  - name: v1
    labels: { version: v1 }
  - name: v2
    labels: { version: v2 }
  - name: v1
    labels: { version: v1b }
`
    const found = of(run('dr.yaml', dr, '1.22'), 'istio-1.22-destinationrule-duplicate-subsets')
    expect(found).toEqual([expect.objectContaining({ file: 'dr.yaml', line: 12, severity: 'error' })])
    expect(found[0].message).toContain('(v1)')
    expect(of(run('dr.yaml', dr, '1.21'), 'istio-1.22-destinationrule-duplicate-subsets')).toEqual([])
    expect(of(run('dr.yaml', dr.replace('  - name: v1\n    labels: { version: v1b }', '  - name: v3\n    labels: { version: v1b }'), '1.22'), 'istio-1.22-destinationrule-duplicate-subsets')).toEqual([])
  })
})
