// The repository config (.github/istio-compat.yml): rules on/off, severity overrides, ignored paths.
import { load } from 'js-yaml'
import { UsageError, SEVERITIES, type Severity } from './model.js'

export type RuleSetting = 'off' | Severity

export interface RepoConfig {
  rules: Record<string, RuleSetting>
  /** minimatch patterns of files never checked. */
  ignore: string[]
}

export const EMPTY_CONFIG: RepoConfig = { rules: {}, ignore: [] }

export function parseConfig(text: string, file: string): RepoConfig {
  let raw: unknown
  try {
    raw = load(text, { filename: file })
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number } }
    throw new UsageError(`${file}:${(e.mark?.line ?? 0) + 1}: invalid YAML: ${e.reason ?? String(error)}`)
  }
  if (raw === undefined || raw === null) return { rules: {}, ignore: [] }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${file}:1: the config must be a mapping with keys rules and ignore`)
  const lineOf = (needle: string): number => {
    const i = text.split(/\r?\n/).findIndex((l) => l.includes(needle))
    return i === -1 ? 1 : i + 1
  }
  const config: RepoConfig = { rules: {}, ignore: [] }
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${file}:${lineOf('rules')}: "rules" must map rule ids to off, error, warning or notice`)
      for (const [id, setting] of Object.entries(value)) {
        const s = setting === false ? 'off' : setting
        if (s !== 'off' && !(SEVERITIES as readonly unknown[]).includes(s)) {
          throw new UsageError(`${file}:${lineOf(id)}: rule "${id}" has setting ${JSON.stringify(setting)}; expected off, error, warning or notice`)
        }
        config.rules[id] = s as RuleSetting
      }
    } else if (key === 'ignore') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new UsageError(`${file}:${lineOf('ignore')}: "ignore" must be a list of path patterns`)
      config.ignore = value
    } else {
      throw new UsageError(`${file}:${lineOf(key)}: unknown key "${key}"; expected rules or ignore`)
    }
  }
  return config
}
