// Gives back the memory a load leaves behind. A warm start holds every section twice for a while
// (the cached shards' stored copies, then the library's own), and V8 with a large heap limit
// left that garbage in place: at 200k sections half of the index process's heap was garbage.

import { log } from '../log/log'

/** V8's collector, present when the process runs with --expose-gc (ROLE_EXEC_ARGV does). */
const collect = (globalThis as { gc?: () => void }).gc

const settled = new WeakSet<object>()

/**
 * A full collection now, the first time `engine` has loaded the library: a pause of a fraction of
 * a second, once (after an import it would cost more than the little it frees).
 */
export function settleOnce(engine: object): void {
  if (!collect || settled.has(engine)) return
  settled.add(engine)
  const started = performance.now()
  collect()
  log.info(`search index: heap settled in ${Math.round(performance.now() - started)} ms`)
}
