import commonjs from '@rollup/plugin-commonjs'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/**
 * JSON (the data files, data/*.json) as `JSON.parse('…')` in place of @rollup/plugin-json's object literals: V8 scans
 * a string literal, and JSON.parse reads it, several times faster than V8 compiles the same data as object literals.
 */
const jsonParse = () => ({
  name: 'json-parse',
  transform(code, id) {
    if (!id.endsWith('.json')) return null
    return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(code)))})`, map: { mappings: '' } }
  }
})

/**
 * Only ASCII in the output: other characters (→, …, emoji in messages) become \u escapes, which mean the same in strings,
 * templates, regular expressions and comments. Node decodes an all-ASCII file and V8 scans it faster than one with a
 * few two-byte characters. (No String.raw template in the bundles holds such a character; raw text would differ.)
 */
const asciiOnly = () => ({
  name: 'ascii-only',
  renderChunk(code) {
    return { code: code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), map: null }
  }
})

const plugins = () => [typescript(), jsonParse(), nodeResolve({ preferBuiltins: true }), commonjs(), asciiOnly()]
const quiet = (warning, warn) => {
  // The @actions packages trip these two harmlessly; everything else is shown.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
  warn(warning)
}

/**
 * src/github/proxy-fetch.ts (undici, used only behind a proxy) is a bundle of its own, dist/proxy-fetch.js, that
 * dist/index.js loads with import() when it needs it: kept out of the action's bundle, it is not read at each start.
 */
const PROXY_FETCH = 'istio-compat:proxy-fetch'
/** @returns {import('rollup').Plugin} */
const proxyFetchApart = () => ({
  name: 'proxy-fetch-apart',
  resolveId(source, importer) {
    if (source === './proxy-fetch.js' && importer?.replace(/\\/g, '/').endsWith('/src/github/client.ts')) return { id: PROXY_FETCH, external: true }
    return null
  }
})

/**
 * Modules kept only when something of theirs is used:
 * - Node's built-in modules, which some packages import for nothing but their load (`import 'https'`): loading
 *   https, tls, child_process… at start-up costs time when nothing uses them;
 * - undici and tunnel, which come in through @actions/core → @actions/http-client (OIDC tokens, proxies) and which
 *   the action uses only in dist/proxy-fetch.js: as CommonJS they would be kept whole (0.9 MB) for their load-time code;
 * - @actions/github's Octokit (lib/utils, lib/internal), which builds an undici fetch when it is loaded: the action
 *   takes only `context` from that package.
 */
const lean = (id, external) => !external && !/[\\/]node_modules[\\/](undici|tunnel)[\\/]/.test(id) && !/[\\/]node_modules[\\/]@actions[\\/]github[\\/]lib[\\/](utils|internal)[\\/.]/.test(id)

/** @type {import('rollup').RollupOptions[]} */
const config = [
  {
    input: 'src/index.ts',
    output: { esModule: true, file: 'dist/index.js', format: 'es', sourcemap: false, paths: { [PROXY_FETCH]: './proxy-fetch.js' } },
    plugins: [proxyFetchApart(), ...plugins()],
    treeshake: { moduleSideEffects: lean },
    onwarn: quiet
  },
  { input: 'src/github/proxy-fetch.ts', output: { esModule: true, file: 'dist/proxy-fetch.js', format: 'es', sourcemap: false }, plugins: plugins(), onwarn: quiet },
  {
    input: 'src/cli.ts',
    output: { esModule: true, file: 'dist/cli.js', format: 'es', sourcemap: false, banner: '#!/usr/bin/env node' },
    plugins: plugins(),
    treeshake: { moduleSideEffects: lean },
    onwarn: quiet
  }
]
export default config
