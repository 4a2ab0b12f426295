// Gives back the memory a load leaves behind, in the index process and in main, and keeps V8's
// memory reducer from pausing main while the index builds. A warm start holds every section twice
// for a while (the cached shards' stored copies, then the library's own), and V8 with a large heap
// limit left that garbage in place: at 200k half the index's heap was garbage.

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

/** V8's collector, which takes options (`gc({ type, execution, flavor })`; older V8 ignores them). */
let collect: ((options?: object) => void) | undefined | null = null

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
  collectTimed('search index', what)
}

/**
 * One collection by V8's collector (`options` as `gc()` takes them), logged with how long it
 * took. A collector that throws leaves the garbage for V8 to collect later: never a failure.
 */
function collectTimed(who: string, what: string, options?: object): void {
  if (collect === null) collect = collector()
  if (!collect) return
  const started = performance.now()
  try {
    // No argument at all without options: V8 reads some arguments of old (`gc(true)`: young only).
    if (options) collect(options)
    else collect()
  } catch (error) {
    log.warn(`${who}: not done (${what}): ${String(error)}`)
    return
  }
  log.info(`${who}: ${what} in ${Math.round(performance.now() - started)} ms`)
}

/**
 * Everything main's load left, collected while the analyst still waits for the library: V8's
 * "last resort" (full collections until one frees nothing more, the heap compacted, the young
 * generation shrunk back). The load grows main's young generation to 128 MB (Node 24); left to
 * V8, its memory-reducing collection gave it back about 8 s later, in the middle of a first index
 * build or of the analyst's work, and paused main 36-96 ms at 50,000 sections with entity
 * mentions; this costs 136-178 ms of the load instead, and about 0.4 s at 200,000, where V8 still
 * collects once more during a build (bench/results.md). Without the option (older V8) it is one
 * full collection. In Electron's main the collector comes from `collector()`'s run-time flag, which
 * Electron allows there (it starts V8 with `--no-freeze-flags-after-init`; docs/architecture.md).
 */
export function collectLoadGarbage(): void {
  collectTimed('main', "the load's garbage collected", {
    type: 'major',
    execution: 'sync',
    flavor: 'last-resort'
  })
}

/**
 * V8's number of memory-reducing collections (`--memory-reducer-gc-count`), put back once the
 * index's first build is complete: Node 24's default (`node --v8-options`; a test holds it).
 * Electron 45's V8 is of a later line; its default was not read here.
 */
export const MEMORY_REDUCER_GCS = 2

/** The V8 flag, which V8 reads at every step of its memory reducer. */
export const MEMORY_REDUCER_FLAG = 'memory-reducer-gc-count'

/**
 * Until then the reducer cannot have begun a collection: it waits at least 8 s after whatever
 * wakes it (a full collection: 8 s; possible garbage: `gc_memory_reducer_start_delay_ms`, 8 s in
 * Node, longer under Chromium), and nothing wakes it before the process starts. With a margin.
 */
export const QUIET_BEFORE_MS = 7000

/**
 * V8's memory reducer kept from collecting until the returned function is called (once; later
 * calls do nothing). After main's load-end collection it still ran a full collection about 8 s
 * later, in the middle of a first build: 27-48 ms pauses of main at 50,000 sections with entity
 * mentions and 180 ms at 200,000 (bench/results.md). Put back afterwards, V8's reducer works as it
 * does by default: it gives memory back once main is idle after a burst.
 *
 * Only as main starts: V8 CHECKs that its reducer has not begun more collections than the flag
 * allows, so lowering the flag while a cycle of the reducer's runs would abort the process. Past
 * `QUIET_BEFORE_MS` of the process's life this does nothing and says so. A flag V8 does not know
 * it only names on stderr (Node 20's V8 has none such).
 */
export function quietMemoryReducer(
  uptimeMs = performance.now(),
  setFlags: (flags: string) => void = setFlagsFromString
): () => void {
  if (uptimeMs >= QUIET_BEFORE_MS) {
    log.warn(`main: V8's memory reducer left as it is (${Math.round(uptimeMs)} ms after start)`)
    return () => undefined
  }
  setFlags(`--${MEMORY_REDUCER_FLAG}=0`)
  let quiet = true
  return () => {
    if (quiet) setFlags(`--${MEMORY_REDUCER_FLAG}=${MEMORY_REDUCER_GCS}`)
    quiet = false
  }
}

/**
 * Main's heap through its start, begun as main starts (see quietMemoryReducer): the reducer quiet
 * from now; `afterLoad` (CoreOptions) collects what the load left and hands back what puts the
 * reducer back, which the core runs once the index's first build is complete; `restore` for a
 * start that failed.
 */
export function mainHeapAtStart(): { afterLoad: () => () => void; restore: () => void } {
  const restore = quietMemoryReducer()
  return {
    afterLoad: () => {
      collectLoadGarbage()
      return restore
    },
    restore
  }
}
