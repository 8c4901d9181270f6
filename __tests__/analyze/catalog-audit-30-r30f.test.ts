// The defects the thirtieth audit (census, helper r30f) found (docs/audit/catalog-audit-30-r30f.md): each test fails
// on the entry as it was before the fix and asserts the file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

describe('audit 30 r30f: istio-1.20-custom-network-filters-removed does not call an unrestricted patch version-limited', () => {
  const id = 'istio-1.20-custom-network-filters-removed'
  const FILE = 'mesh/sni-verifier.yaml'
  // The removed filter is added by a patch WITHOUT a version condition; only an unrelated CLUSTER patch of the same
  // EnvoyFilter carries match.proxy.proxyVersion. Every proxy gets the sni_verifier patch and rejects the listener.
  const mixed = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: sni
  namespace: istio-system
spec:
  configPatches:
  - applyTo: NETWORK_FILTER
    match:
      listener:
        filterChain:
          filter:
            name: envoy.filters.network.tcp_proxy
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.network.sni_verifier
  - applyTo: CLUSTER
    match:
      proxy:
        proxyVersion: '^1\\.19.*'
      cluster:
        service: foo.example.com
    patch:
      operation: MERGE
      value:
        connect_timeout: 5s
`
  it('errs on the unrestricted patch without claiming that it is limited to some proxies', () => {
    const found = of(run(FILE, mixed, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(mixed, 'name: envoy.filters.network.sni_verifier'), severity: 'error' })])
    // Before the fix: "This EnvoyFilter limits its patches with match.proxy.proxyVersion ... one it does not match never
    // gets the filter", false for this patch, which every proxy gets.
    expect(found[0].message).not.toMatch(/limits its patches/)
    expect(found[0].message).toMatch(/every proxy, where the patch itself carries no proxyVersion/)
  })
  it('still errs, with the same wording, on a patch whose own proxyVersion admits 1.20 proxies (trip)', () => {
    const own = mixed.replace(
      '    match:\n      listener:',
      "    match:\n      proxy:\n        proxyVersion: '^1\\\\.2[0-9].*'\n      listener:"
    )
    const found = of(run(FILE, own, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: FILE, line: lineOf(own, 'name: envoy.filters.network.sni_verifier'), severity: 'error' })])
    expect(found[0].message).toMatch(/proxyVersion/)
  })
})

describe('audit 30 r30f: istio-1.22-serviceentry-none-target-port is quiet on targetPort 0 (unset)', () => {
  const id = 'istio-1.22-serviceentry-none-target-port'
  const FILE = 'mesh/db-passthrough.yaml'
  // targetPort is a proto3 uint32: 0 means unset, and Istio's own upgrade precheck (istioctl/pkg/precheck,
  // checkPassthroughTargetPorts) only reports `p.TargetPort != 0 && p.Number != p.TargetPort`.
  const se = (targetPort: string): string => `apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata:
  name: db
  namespace: data
spec:
  hosts:
  - db.example.com
  location: MESH_EXTERNAL
  resolution: NONE
  ports:
  - number: 5432
    name: tcp
    protocol: TCP
    targetPort: ${targetPort}
`
  it('says nothing on targetPort 0', () => {
    expect(of(run(FILE, se('0'), '1.22', '1.21'), id)).toEqual([])
  })
  it('still warns on a targetPort that differs from the port (trip)', () => {
    const text = se('6432')
    expect(of(run(FILE, text, '1.22', '1.21'), id)).toEqual([
      expect.objectContaining({ file: FILE, line: lineOf(text, 'targetPort: 6432'), severity: 'warning' })
    ])
  })
})
