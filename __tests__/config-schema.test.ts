import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { load } from 'js-yaml'
import { readFileSync } from 'node:fs'
import { parseConfig } from '../src/config.js'
import { UsageError } from '../src/model.js'
import schema from '../schema/istio-compat.config.schema.json' with { type: 'json' }

const CONFIG_MARKER = '# .github/istio-compat.yml'
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema)

/** The ```yaml blocks of a markdown file that start with the config marker, with the line they start on. */
function configExamples(path: string): { line: number; text: string }[] {
  const lines = readFileSync(path, 'utf8').split('\n')
  const examples: { line: number; text: string }[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml' || lines[i + 1]?.trim() !== CONFIG_MARKER) continue
    const end = lines.indexOf('```', i + 1)
    examples.push({ line: i + 2, text: lines.slice(i + 1, end).join('\n') })
    i = end
  }
  return examples
}

describe('the config JSON schema', () => {
  const examples = configExamples('docs/configuration.md')

  it('finds the config examples of docs/configuration.md', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4)
  })

  it('accepts every example of the docs, and so does parseConfig', () => {
    for (const example of examples) {
      const ok = validate(load(example.text))
      expect({ at: `docs/configuration.md:${example.line}`, errors: ok ? [] : validate.errors }).toEqual({ at: `docs/configuration.md:${example.line}`, errors: [] })
      expect(() => parseConfig(example.text, `docs/configuration.md`)).not.toThrow()
    }
  })

  // Each of these is rejected by both the schema (editors) and parseConfig (the run), at the given line.
  const invalid: [string, string, number][] = [
    ['an unknown key', 'rule: {}\n', 1],
    ['a bad setting', 'rules:\n  parse: loud\n', 2],
    ['ignore as a string', 'ignore: vendor/**\n', 1],
    ['a negated ignore pattern', 'ignore:\n  - "!a/**"\n', 2],
    ['a leading ./', 'ignore:\n  - ./a/**\n', 2],
    ['a target without paths', 'targets:\n  - target: "1.26"\n', 2],
    ['a target without a release', 'targets:\n  - paths: [a/**]\n', 2],
    ['empty paths', 'targets:\n  - paths: []\n    target: "1.26"\n', 2],
    ['an unknown key in an entry', 'targets:\n  - paths: [a/**]\n    target: "1.26"\n    cluster: eu\n', 4],
    ['a release that is not a version', 'targets:\n  - paths: [a/**]\n    target: newest\n', 3],
    ['a Kubernetes version that is not one', 'targets:\n  - paths: [a/**]\n    target: "1.26"\n    kubernetes: "2"\n', 4]
  ]
  it.each(invalid)('rejects %s in both', (_name, text, line) => {
    expect(validate(load(text))).toBe(false)
    expect(() => parseConfig(text, 'c.yml', ['parse'])).toThrow(UsageError)
    expect(() => parseConfig(text, 'c.yml', ['parse'])).toThrow(new RegExp(`^c\\.yml:${line}: `))
  })
})
