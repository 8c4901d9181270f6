// Thirty-first audit, helper f31x3 (docs/audit/catalog-audit-31-m31d.md #2, catalog-audit-31-m31e.md #9): each test fails
// on the entry as it was before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const envoyFilter = (applyTo: string, operation: string, vhost: string[]): string =>
  [
    'apiVersion: networking.istio.io/v1alpha3',
    'kind: EnvoyFilter',
    'metadata:',
    '  name: ef',
    '  namespace: istio-system',
    'spec:',
    '  configPatches:',
    `  - applyTo: ${applyTo}`,
    '    match:',
    '      context: SIDECAR_OUTBOUND',
    '      routeConfiguration:',
    '        vhost:',
    ...vhost.map((l) => `          ${l}`),
    '    patch:',
    `      operation: ${operation}`,
    '      value:',
    '        name: x',
    ''
  ].join('\n')

describe('istio-1.26-envoyfilter-vhost-domain-name: a vhost.name next to domainName already limits the patch on 1.25', () => {
  const id = 'istio-1.26-envoyfilter-vhost-domain-name'
  const named = ['name: "foo.example.com:80"', 'domainName: foo.example.com']
  it('an HTTP_ROUTE MERGE and a VIRTUAL_HOST MERGE with name and domainName give nothing at 1.25', () => {
    expect(of(run('ef.yaml', envoyFilter('HTTP_ROUTE', 'MERGE', named), '1.25', '1.24'), id)).toEqual([])
    expect(of(run('ef.yaml', envoyFilter('VIRTUAL_HOST', 'MERGE', named), '1.25', '1.24'), id)).toEqual([])
  })
  it('trip: domainName without a name (or with an empty name, which matches every vhost) still errs at 1.25', () => {
    for (const vhost of [['domainName: foo.example.com'], ['name: ""', 'domainName: foo.example.com']]) {
      const yaml = envoyFilter('HTTP_ROUTE', 'MERGE', vhost)
      const found = of(run('ef.yaml', yaml, '1.25', '1.24'), id)
      expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['ef.yaml', lineOf(yaml, '- applyTo'), 'error']])
      expect(found[0]!.message).toMatch(/no vhost\.name narrows the match/)
    }
  })
  it('trip: the CRDs of 1.24 still reject domainName even next to a name', () => {
    const yaml = envoyFilter('HTTP_ROUTE', 'MERGE', named)
    expect(of(run('ef.yaml', yaml, '1.24', '1.23'), id).map((f) => [f.file, f.line, f.severity])).toEqual([['ef.yaml', lineOf(yaml, 'domainName:'), 'error']])
  })
})

describe('istio-1.27-prefer-close-ignores-subzone: only spec.trafficDistribution PreferClose drops the subzone', () => {
  const id = 'istio-1.27-prefer-close-ignores-subzone'
  const service = (annotation: string | undefined, spec: string | undefined): string =>
    ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  namespace: apps',
      ...(annotation ? ['  annotations:', `    networking.istio.io/traffic-distribution: ${annotation}`] : []),
      'spec:', '  selector: {app: api}', ...(spec ? [`  trafficDistribution: ${spec}`] : []), '  ports:', '  - port: 80', ''].join('\n')
  const serviceEntry = [
    'apiVersion: networking.istio.io/v1', 'kind: ServiceEntry', 'metadata:', '  name: ext', '  namespace: apps', '  annotations:',
    '    networking.istio.io/traffic-distribution: PreferClose', 'spec:', '  hosts: [ext.example.com]', '  ports:', '  - number: 80',
    '    name: http', '    protocol: HTTP', '  resolution: DNS', ''].join('\n')
  it('the PreferClose annotation on a Service or a ServiceEntry gives nothing at 1.27', () => {
    expect(of(run('svc.yaml', service('PreferClose', undefined), '1.27', '1.26'), id)).toEqual([])
    expect(of(run('se.yaml', serviceEntry, '1.27', '1.26'), id)).toEqual([])
  })
  it('trip: spec.trafficDistribution PreferClose still gets the notice', () => {
    const yaml = service(undefined, 'PreferClose')
    const found = of(run('svc.yaml', yaml, '1.27', '1.26'), id)
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['svc.yaml', lineOf(yaml, 'trafficDistribution:'), 'notice']])
    expect(found[0]!.message).toMatch(/spec\.trafficDistribution: PreferClose/)
  })
})
