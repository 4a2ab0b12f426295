// The entry file of each background process role, as TypeScript source, for Node child processes
// (the CLI, the e2e harness, tests). Named by path, not imported: the entries load in the child.
// The desktop app's utility processes name their built bundles in src/main/electron-process.ts.

import { fileURLToPath } from 'node:url'

export const NODE_ENTRIES = {
  index: fileURLToPath(new URL('../search/index-entry.ts', import.meta.url)),
  import: fileURLToPath(new URL('../import/import-entry.ts', import.meta.url))
}

export type ProcessRole = keyof typeof NODE_ENTRIES
