import { finding } from '../__fixtures__/report.js'
import { gate, parseFailOn } from '../src/gate.js'
import { UsageError } from '../src/model.js'

const findings = [
  finding({ file: 'a.yaml', line: 1, severity: 'warning' }),
  finding({ file: 'a.yaml', line: 2, severity: 'notice' }),
  finding({ file: 'b.yaml', line: 9, severity: 'error', suppressed: { reason: 'known', by: 'config' } })
]

describe('gate', () => {
  it.each([
    ['error', 0, 0],
    ['warning', 1, 1],
    ['notice', 1, 2],
    ['never', 0, 0]
  ] as const)('fail-on %s → exit %i with %i failing', (failOn, exitCode, failing) => {
    const g = gate(findings, failOn)
    expect(g).toMatchObject({ exitCode, failing, highest: 'warning' })
  })

  it('ignores suppressed findings and passes a clean run', () => {
    expect(gate([findings[2]!], 'notice')).toEqual({ exitCode: 0, failOn: 'notice', failing: 0, existing: 0, message: 'No findings.' })
    expect(gate([finding({ file: 'c.yaml', line: 4 })], 'error').message).toBe('1 finding(s) at or above "error" (fail-on); the most severe is error.')
  })

  it('counts only what the PR causes unless fail-on-existing is set', () => {
    const old = finding({ file: 'old.yaml', line: 3, severity: 'error', baselineState: 'unchanged' })
    const fresh = finding({ file: 'new.yaml', line: 5, severity: 'warning', baselineState: 'new' })
    const g = gate([old, fresh], 'error')
    expect(g).toMatchObject({ exitCode: 0, failing: 0, existing: 1, highest: 'warning' })
    expect(g.message).toBe('No finding at or above "error" (fail-on); the most severe is warning. 1 finding(s) already there before this change do not count (fail-on-existing is off).')
    expect(gate([old, fresh], 'error', { failOnExisting: true })).toMatchObject({ exitCode: 1, failing: 1, existing: 0, highest: 'error' })
    // Without a baseline (plain paths) every finding counts.
    expect(gate([finding({ file: 'x.yaml', line: 1, severity: 'error' })], 'error')).toMatchObject({ exitCode: 1, failing: 1 })
    // A suppressed pre-existing finding counts nowhere.
    expect(gate([{ ...old, suppressed: { reason: 'r', by: 'istio-compat.io/ignore' } }], 'notice')).toMatchObject({ exitCode: 0, existing: 0 })
  })

  it('parses fail-on and rejects anything else as a usage error', () => {
    expect(parseFailOn(' Warning ')).toBe('warning')
    expect(() => parseFailOn('fatal')).toThrow(UsageError)
    expect(() => parseFailOn('fatal')).toThrow('fail-on "fatal" is not one of error, warning, notice, never')
  })
})
