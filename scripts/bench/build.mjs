// Bundles a benchmark entry (TypeScript re-exports of the engine) into .bench/, with the plugins of rollup.config.ts.
// dist/ is what the action ships, so the benchmark never writes there.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { join } from 'node:path'
import { rollup } from 'rollup'

export const BENCH_DIR = '.bench'

/** Builds `scripts/bench/<entry>.ts` to `.bench/<entry>.js` and returns the absolute path of the bundle. */
export async function buildBenchBundle(root, entry) {
  const plugins = [
    // The entry lives outside src/, so it is added to what the TypeScript plugin compiles; output stays in .bench/.
    typescript({ tsconfig: join(root, 'tsconfig.json'), sourceMap: true, inlineSources: false, include: ['src/**/*.ts', `scripts/bench/${entry}.ts`], outDir: join(root, BENCH_DIR), noEmitOnError: true }),
    json({ preferConst: true }),
    nodeResolve({ preferBuiltins: true }),
    commonjs()
  ]
  const bundle = await rollup({
    input: join(root, 'scripts/bench', `${entry}.ts`),
    plugins,
    // js-yaml stays a separate module (the same one the floor uses), so profiles tell its time from the engine's.
    external: ['js-yaml'],
    onwarn: (warning, warn) => {
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
      warn(warning)
    }
  })
  const file = join(root, BENCH_DIR, `${entry}.js`)
  try {
    await bundle.write({ file, format: 'es', esModule: true, sourcemap: true })
  } finally {
    await bundle.close()
  }
  return file
}
