// Bundles a child-process script from src/test-support into one ESM file, so that the hundreds of
// children a stress test starts each run as plain node, fast (no TypeScript loader per start).

import { join } from 'node:path'

import { buildSync } from 'esbuild'

/** Bundles `src/test-support/<name>.ts` to `<outDir>/<name>.mjs` and returns its path. */
export function bundleChild(name: string, outDir: string): string {
  const outfile = join(outDir, `${name}.mjs`)
  buildSync({
    entryPoints: [join(import.meta.dirname, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // Bundled CommonJS dependencies (parsers, NLP) call require; give the ESM bundle one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
    }
  })
  return outfile
}
