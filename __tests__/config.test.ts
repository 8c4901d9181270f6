import { describe, expect, it } from '@jest/globals'
import { allRules } from '../src/analyze/index.js'
import { closest, editDistance } from '../src/closest.js'
import { matchesPatterns, parseConfig, targetOverrideFor } from '../src/config.js'
import { UsageError } from '../src/model.js'

const FILE = '.github/istio-compat.yml'
const RULES = ['parse', 'retry-budget-removed', 'telemetry-provider-renamed']

/** The message of the UsageError parseConfig throws (fails the test when it does not throw one). */
function errorOf(text: string, known: readonly string[] = RULES): string {
  try {
    parseConfig(text, FILE, known)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`no error for:\n${text}`)
}

describe('parseConfig: valid files', () => {
  it('reads rules, ignore and targets', () => {
    const config = parseConfig(
      [
        '# comment',
        'rules:',
        '  parse: warning',
        '  retry-budget-removed: off',
        '  telemetry-provider-renamed: false',
        'ignore:',
        '  - "vendor/**"',
        'targets:',
        '  - paths: ["clusters/legacy/**"]',
        '    target: "1.26"',
        '    from: 1.24',
        '    kubernetes: v1.30',
        '  - paths:',
        '      - clusters/new/**',
        '    target: 1.30'
      ].join('\n'),
      FILE,
      RULES
    )
    expect(config.rules).toEqual({ parse: 'warning', 'retry-budget-removed': 'off', 'telemetry-provider-renamed': 'off' })
    expect(config.ignore).toEqual(['vendor/**'])
    expect(config.targets?.map((t) => [t.paths, t.target.version, t.from?.version, t.kubernetesVersion, t.origin])).toEqual([
      [['clusters/legacy/**'], '1.26', '1.24', '1.30', `${FILE}:9`],
      // an unquoted 1.30 is read as written, not as the number 1.3
      [['clusters/new/**'], '1.30', undefined, undefined, `${FILE}:13`]
    ])
  })

  it('treats an empty file, a comment-only file and null sections as the empty config', () => {
    for (const text of ['', '# nothing yet\n', 'rules:\nignore:\ntargets: ~\n', '\uFEFFrules: {}\n']) {
      expect(parseConfig(text, FILE, RULES)).toEqual({ rules: {}, ignore: [], targets: [] })
    }
  })

  it('follows anchors and merge keys between target entries', () => {
    const config = parseConfig('targets:\n  - &eu\n    paths: [eu/**]\n    target: "1.28"\n    from: "1.26"\n  - <<: *eu\n    paths: [us/**]\n', FILE, RULES)
    expect(config.targets?.map((t) => [t.paths, t.target.version, t.from?.version])).toEqual([
      [['eu/**'], '1.28', '1.26'],
      [['us/**'], '1.28', '1.26']
    ])
  })

  it('validates rule ids against the rules registered at run time by default', () => {
    const ids = allRules().map((r) => r.id)
    expect(ids).toContain('parse')
    const text = `rules:\n${ids.map((id) => `  ${id}: notice`).join('\n')}\n`
    expect(Object.keys(parseConfig(text, FILE).rules)).toEqual(ids)
  })
})

describe('parseConfig: every error names the file and the line', () => {
  const cases: [string, string, string][] = [
    ['invalid YAML', 'rules:\n  parse: [warning\nignore: []\n', `${FILE}:3: invalid YAML`],
    ['a second document', 'rules: {}\n---\nignore: []\n', `${FILE}:3: the config must be a single YAML document`],
    ['a list at the top', '- rules\n', `${FILE}:1: the config must be a mapping`],
    ['an unknown top-level key', 'rules: {}\n\nrule:\n  parse: off\n', `${FILE}:3: unknown key "rule" in the config; expected rules, ignore, targets, gatewayApiChannel, maxFileSize (did you mean "rules"?)`],
    ['a Gateway API channel that does not exist', 'rules: {}\ngatewayApiChannel: beta\n', `${FILE}:2: "gatewayApiChannel" must be standard or experimental`],
    ['rules as a list', 'rules:\n  - parse\n', `${FILE}:2: "rules" must map rule ids to off, error, warning or notice, not a list`],
    ['a bad setting', 'rules:\n  parse: loud\n', `${FILE}:2: rule "parse" has setting "loud"; expected off, error, warning or notice`],
    ['a setting on the next line', 'rules:\n  parse:\n    - error\n', `${FILE}:3: rule "parse" has setting a list`],
    ['no setting', 'rules:\n  parse:\n  retry-budget-removed: off\n', `${FILE}:2: rule "parse" has no setting`],
    ['a duplicate rule', 'rules:\n  parse: off\n  parse: error\n', `${FILE}:3: invalid YAML: duplicated mapping key`],
    ['ignore as a string', 'ignore: "vendor/**"\n', `${FILE}:1: "ignore" must be a list of path patterns, not "vendor/**"`],
    ['an empty ignore pattern', 'ignore:\n  - "a/**"\n  - ""\n', `${FILE}:3: each entry of "ignore" must be a path pattern`],
    ['a ./ pattern', 'ignore:\n  - ./vendor/**\n', `${FILE}:2: pattern "./vendor/**" of "ignore" must be relative to the repository root`],
    ['a negated ignore pattern', 'ignore:\n  - "!keep/**"\n', `${FILE}:2: pattern "!keep/**" of "ignore" cannot be negated`],
    ['targets as a mapping', 'targets:\n  paths: [a/**]\n', `${FILE}:2: "targets" must be a list`],
    ['a target entry without paths', 'targets:\n  - target: "1.26"\n', `${FILE}:2: targets[0] has no "paths"`],
    ['a target entry without target', 'targets:\n  - paths: [a/**]\n  - paths: [b/**]\n    from: "1.26"\n', `${FILE}:2: targets[0] has no "target"`],
    ['an unknown key in an entry', 'targets:\n  - paths: [a/**]\n    target: "1.26"\n    form: "1.24"\n', `${FILE}:4: unknown key "form" in targets[0]; expected paths, target, from, kubernetes (did you mean "from"?)`],
    ['an unknown release', 'targets:\n  - paths: [a/**]\n\n    target: "1.19"\n', `${FILE}:4: targets[0].target: Istio 1.19 is not a release istio-compat knows`],
    ['auto as a target', 'targets:\n  - paths: [a/**]\n    target: auto\n', `${FILE}:3: targets[0].target cannot be auto`],
    ['a from newer than the target', 'targets:\n  - paths: [a/**]\n    target: "1.24"\n  - paths: [b/**]\n    target: "1.26"\n    from: "1.28"\n', `${FILE}:6: targets[1].from 1.28 is newer than its target 1.26`],
    ['a bad Kubernetes version', 'targets:\n  - paths: [a/**]\n    target: "1.26"\n    kubernetes: "latest"\n', `${FILE}:4: targets[0].kubernetes "latest" is not a Kubernetes version`],
    ['empty paths', 'targets:\n  - paths: []\n    target: "1.26"\n', `${FILE}:2: "targets[0].paths" needs at least one path pattern`],
    ['a target that is a list', 'targets:\n  - paths: [a/**]\n    target:\n      - "1.26"\n', `${FILE}:4: targets[0].target must be a version such as "1.26"`]
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    expect(errorOf(text)).toContain(expected)
  })

  it('names the closest known rule for an unknown rule id, on the key line', () => {
    expect(errorOf('ignore: []\nrules:\n  parse: off\n  retry-budget-remove: error\n')).toBe(`${FILE}:4: unknown rule "retry-budget-remove"; did you mean "retry-budget-removed"?`)
  })

  it('suggests from the rule list as it is at run time', () => {
    const ids = allRules().map((r) => r.id)
    // A typo one edit away from exactly one registered id: that id must be the suggestion.
    const id = ids.find((candidate) => ids.every((other) => other === candidate || editDistance(candidate.slice(0, -1), other) > 1)) as string
    expect(id).toBeDefined()
    const typo = id.slice(0, -1)
    expect(errorOf(`rules:\n  ${typo}: off\n`, ids)).toBe(`${FILE}:2: unknown rule "${typo}"; did you mean "${id}"?`)
    expect(errorOf(`rules:\n  ${typo}: off\n`, allRules().map((r) => r.id))).toContain(`"${id}"`)
  })
})

describe('per-path targets', () => {
  const config = parseConfig(
    'targets:\n  - paths: ["clusters/old/**", "!clusters/old/sandbox/**"]\n    target: "1.24"\n  - paths: ["clusters/**"]\n    target: "1.28"\n',
    FILE,
    RULES
  )
  it('picks the first entry whose patterns match, honouring ! excludes', () => {
    expect(targetOverrideFor(config, 'clusters/old/a.yaml')?.target.version).toBe('1.24')
    expect(targetOverrideFor(config, 'clusters/old/sandbox/a.yaml')?.target.version).toBe('1.28')
    expect(targetOverrideFor(config, 'clusters/new/.hidden/a.yaml')?.target.version).toBe('1.28')
    expect(targetOverrideFor(config, 'apps/a.yaml')).toBeUndefined()
  })

  it('closest keeps within a maximum distance when given one', () => {
    expect(closest('rulez', ['rules', 'ignore'], 3)).toBe('rules')
    expect(closest('xyz', ['rules', 'ignore'], 3)).toBeUndefined()
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it('matches lists the way the paths input does', () => {
    expect(matchesPatterns('a/b.yaml', ['**/*.yaml', '!a/**'])).toBe(false)
    expect(matchesPatterns('c/b.yaml', ['**/*.yaml', '!a/**'])).toBe(true)
    expect(matchesPatterns('c/b.yaml', ['!a/**'])).toBe(false)
  })
})
