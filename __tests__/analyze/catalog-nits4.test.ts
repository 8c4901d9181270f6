// Open doubts of the catalog audits resolved on branch nits4 (issue #13): each case trips its entry on the last
// release without the change (file and line asserted) and is quiet on the first release with it, including the
// backported patches the patch notes name.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

const istiod = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: istiod
  namespace: istio-system
spec:
  template:
    spec:
      containers:
      - name: discovery
        env:
        - name: ${env}
          value: "x"
`

describe('1.30 istiod variables backported to 1.27–1.29 patches', () => {
  const cases: { id: string; env: string; trips: string[]; quiet: string[] }[] = [
    {
      // announcing-1.28.7 and announcing-1.29.3 (istio/istio.io content/en/news/releases/) add both HBONE flags
      id: 'istio-1.30-hbone-window-env',
      env: 'PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE',
      trips: ['1.27', '1.28.6', '1.29.2'],
      quiet: ['1.28.7', '1.28', '1.29.3', '1.30']
    },
    {
      id: 'istio-1.30-hbone-window-env',
      env: 'PILOT_HBONE_INITIAL_CONNECTION_WINDOW_SIZE',
      trips: ['1.28.6', '1.29.2'],
      quiet: ['1.28.7', '1.29.3']
    },
    {
      // the 2026-03-10 security releases (ISTIO-SECURITY-2026-001): 1.27.8, 1.28.5, 1.29.1
      id: 'istio-1.30-debug-endpoint-allowed-namespaces-env',
      env: 'DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES',
      trips: ['1.26', '1.27.7', '1.28.4', '1.29.0'],
      quiet: ['1.27.8', '1.28.5', '1.29.1', '1.30']
    },
    {
      // no 1.28.x / 1.29.x patch note names it: still 1.30 only
      id: 'istio-1.30-new-env',
      env: 'PILOT_ENABLE_AGENTGATEWAY',
      trips: ['1.28', '1.29'],
      quiet: ['1.30']
    }
  ]
  for (const c of cases) {
    const yaml = istiod(c.env)
    for (const t of c.trips) {
      it(`${c.env} trips ${c.id} at ${t}`, () => {
        const found = of(run('deploy/istiod.yaml', yaml, t), c.id)
        expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['deploy/istiod.yaml', lineOf(yaml, c.env), 'notice']])
        expect(found[0]?.message).toContain(c.env)
      })
    }
    for (const t of c.quiet) {
      it(`${c.env} is quiet at ${t}`, () => {
        const found = run('deploy/istiod.yaml', yaml, t)
        expect(found.filter((f) => f.finding.message.includes(c.env))).toEqual([])
      })
    }
  }
})
