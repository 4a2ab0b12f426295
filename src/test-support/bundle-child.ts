// Bundles a child-process script from src/test-support into one ESM file, so that the hundreds of
// children a stress test starts each run as plain node, fast (no TypeScript loader per start).

import { symlinkSync } from 'node:fs'
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
      js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);"
    }
  })
  // A package required where it is first used (compromise: import/nlp.ts) is not bundled: it
  // resolves from beside the bundle, where the repository's node_modules is linked (a junction
  // on Windows, which needs no privilege; the type is ignored elsewhere).
  try {
    symlinkSync(
      join(import.meta.dirname, '../../node_modules'),
      join(outDir, 'node_modules'),
      'junction'
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return outfile
}
