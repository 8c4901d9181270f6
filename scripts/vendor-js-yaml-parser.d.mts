// Types of scripts/vendor-js-yaml-parser.mjs, for the test that checks the vendored parser is fresh.
export const VENDORED_PARSER: string
export const JS_YAML_VERSION: string
export const PATCHES: [string, string, string][]
export function vendoredParser(): string
