import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [typescript(), json({ preferConst: true, compact: true }), nodeResolve({ preferBuiltins: true }), commonjs()]
const quiet = (warning, warn) => {
  // The @actions packages trip these two harmlessly; everything else is shown.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
  warn(warning)
}

/** @type {import('rollup').RollupOptions[]} */
const config = [
  { input: 'src/index.ts', output: { esModule: true, file: 'dist/index.js', format: 'es', sourcemap: false }, plugins: plugins(), onwarn: quiet },
  { input: 'src/cli.ts', output: { esModule: true, file: 'dist/cli.js', format: 'es', sourcemap: false, banner: '#!/usr/bin/env node' }, plugins: plugins(), onwarn: quiet }
]
export default config
