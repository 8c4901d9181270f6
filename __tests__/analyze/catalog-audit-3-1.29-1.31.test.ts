// The defects the third audit of the 1.29–1.31 catalog entries found (docs/audit/catalog-audit-3-1.29-1.31.md):
// each test fails on the entry as it was before the fix and asserts the file and line of what must (or must not)
// be reported.
import { describe, expect, it } from '@jest/globals'
import { run, of, lineOf } from '../support/catalog-run.js'

describe('audit 3 1.29–1.31 #1: statsFlushInterval values the old bootstrap rendered correctly', () => {
  const id = 'istio-1.30.5-stats-flush-interval-fixed'
  const docs = (values: string[]): string =>
    values
      .map(
        (v, i) => `apiVersion: v1
kind: Pod
metadata:
  name: p${i}
  annotations:
    sidecar.istio.io/statsFlushInterval: "${v}" # v${i}
spec:
  containers:
  - name: app
    image: app
`,
      )
      .join('---\n')

  it('stays silent on values of one second up to a minute however they are written (1000ms, 0.5m, 001s, 59.5s)', () => {
    const text = docs(['1000ms', '0.5m', '001s', '59.5s', '5s', '0s'])
    expect(of(run('k8s/pods.yaml', text, '1.30.4'), id)).toEqual([])
  })

  it('still reports a minute or more and sub-second values on the line of the annotation', () => {
    const values = ['60s', '1m', '1.5m', '2h', '0.5s', '500ms', '100us', '090s']
    const text = docs(values)
    const found = of(run('k8s/pods.yaml', text, '1.30.4'), id)
    expect(found.map((f) => [f.file, f.line]).sort((a, b) => (a[1] as number) - (b[1] as number))).toEqual(
      values.map((_, i) => ['k8s/pods.yaml', lineOf(text, `# v${i}`)]),
    )
    expect(found.every((f) => f.severity === 'error')).toBe(true)
    expect(of(run('k8s/pods.yaml', text, '1.30.5'), id)).toEqual([])
  })
})

describe('audit 3 1.29–1.31 #2: MERGE_AND_REPLACE_LIST is a new value, not a new field', () => {
  const ef = `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: replace-lists
spec:
  configPatches:
  - applyTo: CLUSTER
    patch:
      operation: MERGE_AND_REPLACE_LIST
      value: {}
  - applyTo: CLUSTER
    patch:
      operation: MERGE
      value: {}
`
  it('names the value, not the operation field, on the operation line; silent on MERGE and from 1.31', () => {
    const found = run('mesh/ef.yaml', ef, '1.30')
    expect(of(found, 'istio-1.31-crd-fields')).toEqual([])
    const hits = of(found, 'istio-1.31-envoyfilter-merge-and-replace-list')
    expect(hits.map((f) => [f.file, f.line, f.severity])).toEqual([['mesh/ef.yaml', lineOf(ef, 'MERGE_AND_REPLACE_LIST'), 'error']])
    expect(hits[0]?.message).toContain('MERGE_AND_REPLACE_LIST only exists from Istio 1.31')
    expect(hits[0]?.message).not.toMatch(/patch\.operation only exists/)
    expect(of(run('mesh/ef.yaml', ef, '1.31'), 'istio-1.31-envoyfilter-merge-and-replace-list')).toEqual([])
  })
})
