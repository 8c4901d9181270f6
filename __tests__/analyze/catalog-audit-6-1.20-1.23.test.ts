// The defects the sixth audit (fresh seeded sample of the 1.20–1.23 entries) found
// (docs/audit/catalog-audit-6-1.20-1.23.md): each test fails on the entry as it was before the fix and asserts the
// file and line of what must (or must not) be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const VALUES = 'istio/istiod/values.yaml'

const deployment = (own: string, template: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
${own}
spec:
  template:
    metadata:
      annotations:
${template}
    spec:
      containers:
      - name: web
        image: web
`

describe('audit 6 1.20–1.23 #4: sidecar startup probe (1.20) reads readiness annotations on the pod only', () => {
  const id = 'istio-1.20-sidecar-startup-probe'
  it("ignores the annotation on the Deployment's own metadata, which the injector never reads", () => {
    const text = deployment('    readiness.status.sidecar.istio.io/periodSeconds: "2"', '        sidecar.istio.io/inject: "true"')
    expect(of(run('k8s/web.yaml', text, '1.20', '1.19'), id)).toEqual([])
  })
  it('still reports the annotation on the pod template', () => {
    const text = deployment('    owner: team-a', '        readiness.status.sidecar.istio.io/periodSeconds: "2"')
    const found = of(run('k8s/web.yaml', text, '1.20', '1.19'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'k8s/web.yaml', line: lineOf(text, 'periodSeconds'), severity: 'warning' })])
  })
})

describe('audit 6 1.20–1.23 #11: DNS capture honours exclusions (1.23) reads the annotations on the pod only', () => {
  const id = 'istio-1.23-dns-capture-honours-exclusions'
  it("ignores exclusions on the Deployment's own metadata", () => {
    const text = deployment('    traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.0.0.0/8\n    traffic.sidecar.istio.io/excludeOutboundPorts: "53"', '        sidecar.istio.io/inject: "true"')
    expect(of(run('k8s/web.yaml', text, '1.23', '1.22'), id)).toEqual([])
  })
  it('still reports port 53 excluded on the pod template (a notice: this pod does not turn DNS capture on itself, audit 7)', () => {
    const text = deployment('    owner: team-a', '        traffic.sidecar.istio.io/excludeOutboundPorts: "5432,53"')
    const found = of(run('k8s/web.yaml', text, '1.23', '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'k8s/web.yaml', line: lineOf(text, 'excludeOutboundPorts'), severity: 'notice' })])
  })
})

describe('audit 6 1.20–1.23 #6: BOOTSTRAP_XDS_AGENT removed (1.21)', () => {
  const id = 'istio-1.21-bootstrap-xds-agent-removed'
  const values = (v: string): string => `meshConfig:\n  defaultConfig:\n    proxyMetadata:\n      BOOTSTRAP_XDS_AGENT: "${v}"\n`
  it('is only a notice when the variable is off, the default the removal does not change', () => {
    const text = values('false')
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'BOOTSTRAP_XDS_AGENT'), severity: 'notice' })])
    expect(found[0].message).not.toMatch(/no longer applied/)
  })
  it('stays a warning when the variable was on', () => {
    const text = values('true')
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'BOOTSTRAP_XDS_AGENT'), severity: 'warning' })])
  })
})

describe('audit 6 1.20–1.23 #9: istiod istio_cni values deprecated (1.22)', () => {
  const id = 'istio-1.22-istio-cni-values-deprecated'
  it('is a notice for a value left at its default', () => {
    const text = 'istio_cni:\n  enabled: false\n  chained: true\n'
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: VALUES, line: lineOf(text, 'enabled: false'), severity: 'notice' }),
      expect.objectContaining({ file: VALUES, line: lineOf(text, 'chained: true'), severity: 'notice' }),
    ])
  })
  it('is a notice when pilot.cni already says the same next to it', () => {
    const text = 'istio_cni:\n  enabled: true\npilot:\n  cni:\n    enabled: true\n'
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([expect.objectContaining({ file: VALUES, line: lineOf(text, 'enabled: true'), severity: 'notice' })])
  })
  it('stays a warning for an enablement only the old key carries', () => {
    const text = 'istio_cni:\n  enabled: true\n  chained: false\npilot:\n  cni:\n    enabled: false\n'
    const found = of(run(VALUES, text, '1.22'), id)
    expect(found).toEqual([
      expect.objectContaining({ file: VALUES, line: lineOf(text, 'enabled: true'), severity: 'warning' }),
      expect.objectContaining({ file: VALUES, line: lineOf(text, 'chained: false'), severity: 'warning' }),
    ])
    expect(found[1].message).toMatch(/pilot\.cni\.provider: multus/)
  })
})

describe('audit 6 1.20–1.23 #8: AuthorizationPolicy path templates (1.22) on an older release', () => {
  const id = 'istio-1.22-authz-path-templates'
  const text = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: api
spec:
  action: ALLOW
  rules:
  - to:
    - operation:
        paths: ["/api/{*}/items"]
`
  it('is an error: the rule matches no request, so ALLOW denies and DENY lets through', () => {
    const found = of(run('mesh/ap.yaml', text, '1.21'), id)
    expect(found).toEqual([expect.objectContaining({ file: 'mesh/ap.yaml', line: lineOf(text, 'paths:'), severity: 'error' })])
    expect(found[0].message).toMatch(/ALLOW rules deny/)
  })
  it('says nothing from 1.22', () => {
    expect(of(run('mesh/ap.yaml', text, '1.22'), id)).toEqual([])
  })
})
