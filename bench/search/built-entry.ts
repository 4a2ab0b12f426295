// Where the index process's built entry is (`out/main/chunks/index-entry-*.js`, what the app's
// utility process runs), for the bench and its app-like mains, which import nothing else of it.

import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built entry once `npm run build:bundles` has made one; undefined runs the TypeScript. */
export function builtEntry(): string | undefined {
  const dir = fileURLToPath(new URL('../../out/main/chunks/', import.meta.url))
  const name = existsSync(dir)
    ? readdirSync(dir).find((file) => /^index-entry-.*\.js$/.test(file))
    : undefined
  return name ? join(dir, name) : undefined
}
