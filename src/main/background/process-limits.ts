// The memory each background process may use: a hostile or huge file must fail that file with a
// message, not take the machine's memory (an 18 MB page of nested lists once took 2.9 GB).

import type { ProcessRole } from './node-entries'

/**
 * The import process's JavaScript heap cap. A 20 MB page (the largest accepted) of ordinary
 * markup peaks near 600 MB; the HTML parser refuses a page at 1 GB (html-bounds.ts), below this.
 */
export const IMPORT_HEAP_LIMIT_MB = 1536

/** Flags each role's process starts with (Node's fork and Electron's utilityProcess take them alike). */
export const ROLE_EXEC_ARGV: Readonly<Record<ProcessRole, readonly string[]>> = {
  // The index process collects its garbage once it has loaded (heap-settle.ts; it exposes the
  // collector itself if this flag does not reach V8).
  index: ['--expose-gc'],
  import: [`--max-old-space-size=${IMPORT_HEAP_LIMIT_MB}`]
}

/**
 * The same flags for Electron's utilityProcess. It hands execArgv to the child as Chromium
 * command-line switches (electron_api_utility_process.cc: WithExtraCommandLineSwitches); there,
 * Node is given only its debug options from the command line (node_bindings.cc: SetNodeCliFlags),
 * and V8 takes its flags from `--js-flags` before the heap is made (javascript_environment.cc).
 * So the V8 flags go in `--js-flags` too; left as they are as well, in case Node reads them.
 */
export function utilityProcessArgv(role: ProcessRole): string[] {
  const flags = ROLE_EXEC_ARGV[role]
  return [...flags, `--js-flags=${flags.join(' ')}`]
}
