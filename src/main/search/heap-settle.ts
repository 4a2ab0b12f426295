// Gives back the memory a load leaves behind. A warm start holds every section twice for a while
// (the cached shards' stored copies, then the library's own), and V8 with a large heap limit
// left that garbage in place: at 200k sections half of the index process's heap was garbage.

import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import { log } from '../log/log'

/**
 * V8's collector. The index role starts with --expose-gc (ROLE_EXEC_ARGV; in Electron's utility
 * process through --js-flags, utilityProcessArgv), which no Electron binary here can confirm, so
 * without the flag the collector is exposed at run time, as jest-leak-detector does: the flag
 * takes effect for contexts made after it is set, and a new context's global `gc` is V8's own.
 */
export function collector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (typeof exposed === 'function') return exposed
  try {
    setFlagsFromString('--expose-gc')
    const made = runInNewContext('gc') as unknown
    return typeof made === 'function' ? (made as () => void) : undefined
  } catch {
    return undefined
  }
}

let collect: (() => void) | undefined | null = null

const settled = new WeakSet<object>()

/**
 * A full collection now, the first time `engine` has loaded the library: a pause of a fraction of
 * a second, once (after an import it would cost more than the little it frees).
 */
export function settleOnce(engine: object): void {
  if (settled.has(engine)) return
  settled.add(engine)
  settleNow('heap settled')
}

/** A full collection now, logged with how long it took. */
export function settleNow(what: string): void {
  if (collect === null) collect = collector()
  if (!collect) return
  const started = performance.now()
  collect()
  log.info(`search index: ${what} in ${Math.round(performance.now() - started)} ms`)
}
