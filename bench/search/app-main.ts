// Runs a cold index build from an app-like main process (app-main-entry.ts, a child of the bench)
// so main's event loop is measured in a process holding what the app's main holds, neither the
// bench's corpus and baselines (which inflated it) nor less than the library (which would flatter).

import { fork, type Serializable } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

import { within } from './probes'

export interface AppMainRequest {
  datasetDir: string
  userDataDir: string
  /** The index process's built entry; the TypeScript source when undefined. */
  indexEntry?: string
  /**
   * Set: instead of watching a build, the app-like main times a start on the cache a build left,
   * searching for this query as the renderer would once main is ready (AppStartReport).
   */
  startQuery?: string
}

/** A warm start of the app-like main, timed from the core's start as the analyst waits for it. */
export interface AppStartReport {
  /** Until main tells the index process, started at once, to read the library: main's loaded. */
  indexStartedMs: number
  /** Until main is ready (library loaded, annotation store open): the renderer lists it. */
  readyMs: number
  /** Until a search sent from the start, and again every 2 ms, is answered with text hits. */
  firstAnswerMs: number
  /** Until the index reports every section searchable (none pending). */
  searchableMs: number
  /**
   * Main's longest event-loop delay from the start until main is ready: its load, with the
   * collection that ends it (`afterLoad`), while it relays the searches sent meanwhile.
   */
  loadDelayMaxMs: number
}

/** One garbage-collection pause of the app-like main process. */
export interface GcPause {
  /** Loading the library, or the index building after main started it. */
  phase: 'load' | 'build'
  kind: 'minor' | 'major' | 'incremental' | 'weak callbacks' | 'other'
  ms: number
  /** Since the process began starting the core. */
  atMs: number
}

export interface AppMainReport {
  /**
   * Start of the core until main tells the index process (started on its cache) to read the
   * library: main's library loaded.
   */
  loadMs: number
  /** Start of the core until its services are ready (annotation store open too). */
  readyMs: number
  /** Index process started until the index is complete: the build. */
  buildMs: number
  /** Main's longest event-loop delay during the build. */
  maxDelayMs: number
  loadGcMaxMs: number
  buildGcMaxMs: number
  /** The pauses of 10 ms or more, in order. */
  pauses: GcPause[]
  /**
   * When main's loop stalled (a 10 ms timer more than 50 ms late) during the build, for how long,
   * and the CPU time main's process used meanwhile: near the stall's length, main was busy; near
   * nothing, it waited for a CPU the machine's other work held.
   */
  stalls: { atMs: number; ms: number; cpuMs: number }[]
  /**
   * The longest delay main's own work can have caused: per turn of that timer, its lateness or
   * the CPU main's process used meanwhile (all its threads), whichever is less. Unlike the
   * histogram's maximum, waiting for a CPU held by the machine's other work does not count.
   */
  ownDelayMaxMs: number
  heapAtReadyBytes: number
  /** Main's heap after the build, after two full collections: what it holds. */
  settledHeapBytes: number
  rssBytes: number
  /** Characters of section text main holds (the library's briefings). */
  textChars: number
  sections: number
  /** The index process's own figures at the end of the build. */
  index: { maxRss: number; cacheBytes: number; shards: number }
}

const ENTRY = fileURLToPath(new URL('./app-main-entry.ts', import.meta.url))

/**
 * Forks the app-like main on the bench's folders and waits for its report. BENCH_MAIN_FLAGS adds
 * Node flags to it, e.g. `--trace-gc` (V8 prints every collection on the bench's output) or
 * `--cpu-prof --cpu-prof-dir=<dir>` (where main's time goes).
 */
export function buildInAppMain(request: AppMainRequest, timeoutMs: number): Promise<AppMainReport> {
  return runAppMain(ENTRY, request, timeoutMs, 'cold index build (app-like main)')
}

/** Times a warm start of the app-like main (the cache a build left in the request's profile). */
export function startAppMain(
  request: AppMainRequest & { startQuery: string },
  timeoutMs: number
): Promise<AppStartReport> {
  return runAppMain(ENTRY, request, timeoutMs, 'warm start (app-like main)')
}

/**
 * Forks `entry` (a TypeScript module run through tsx) as an app-like main, sends it `request` and
 * answers with the one message it sends back (an `{ error }` message fails).
 */
export async function runAppMain<T>(
  entry: string,
  request: Serializable,
  timeoutMs: number,
  what: string
): Promise<T> {
  const flags = (process.env.BENCH_MAIN_FLAGS ?? '').split(' ').filter(Boolean)
  // No inherited execArgv: the bench's own flags are not main's. tsx runs the TypeScript core.
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx', ...flags],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const exited = once(child, 'exit').then(([code, signal]) => {
    throw new Error(`app-like main exited (${String(signal ?? code)}) before reporting`)
  })
  exited.catch(() => undefined)
  try {
    child.send(request)
    const [answer] = (await within(
      Promise.race([once(child, 'message'), exited]),
      timeoutMs,
      what
    )) as [T | { error: string }]
    const failed = (answer as { error?: string }).error
    if (failed !== undefined) throw new Error(`app-like main failed: ${failed}`)
    return answer as T
  } finally {
    if (child.exitCode === null) child.kill()
  }
}

/**
 * The app-like main's side of runAppMain: runs `work` on the request the bench sends, answers
 * with its result (or `{ error }`), and exits once the answer is sent.
 */
export function answerParent<Request>(work: (request: Request) => Promise<unknown>): void {
  process.once('message', (request: Request) => {
    work(request).then(
      (report) => process.send!(report, () => process.exit(0)),
      (error: unknown) =>
        process.send!({ error: (error as Error).stack ?? String(error) }, () => process.exit(1))
    )
  })
}
