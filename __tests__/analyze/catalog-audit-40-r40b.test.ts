// Fortieth audit (census), helper r40b (docs/audit/catalog-audit-40-r40b.md): each test fails on the entry as it was
// before the fix and asserts file and line of what is still reported.
import { describe, expect, it } from '@jest/globals'
import { lineOf, of, run } from '../support/catalog-run.js'

const at = (found: { file: string; line: number; severity: string }[]): [string, number, string][] => found.map((f) => [f.file, f.line, f.severity])

const values = (metadata: string): string => `meshConfig:
  defaultConfig:
    proxyMetadata:
${metadata}
`

describe('istio-1.24-deferred-stats-and-overload: a blank or unparsable boolean keeps the default, as if unset', () => {
  const id = 'istio-1.24-deferred-stats-and-overload'
  it('ENABLE_DEFERRED_STATS_CREATION: "" and BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS: "yes" are quiet; "false" is still reported', () => {
    const text = values(`      ENABLE_DEFERRED_STATS_CREATION: ""
      BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS: "yes"`)
    expect(at(of(run('values.yaml', text, '1.24', '1.23'), id))).toEqual([])
    const kept = values(`      ENABLE_DEFERRED_STATS_CREATION: ""
      BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS: "false"`)
    expect(at(of(run('values.yaml', kept, '1.24', '1.23'), id))).toEqual([['values.yaml', lineOf(kept, 'BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS'), 'notice']])
  })
})
