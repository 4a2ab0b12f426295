// Child process of the search bench standing in for the app's main process during a cold index
// build: it starts the app's core (src/main/app-core.ts: library loaded and held, index process
// started, annotation store opened) and reports its own event-loop delay and GC pauses back.

import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks'
import { constants } from 'node:perf_hooks'

import { forkNodeProcess } from '../../src/main/background/node-process'
import { onReadLibrary } from '../../src/test-support/read-library-port'
import { startAppLikeCore } from './app-like-core'
import { answerParent } from './app-main'
import type { AppMainReport, AppMainRequest, AppStartReport, GcPause } from './app-main'
import { allSearchable, appSearch, settledHeap, untilTextHits } from './probes'

/** GC pauses at least this long are listed one by one (shorter ones only count in the maximum). */
const LISTED_PAUSE_MS = 10

/** A turn of the stall timer later than this is a stall. */
const STALL_MS = 50
const TICK_MS = 10

const KINDS: Record<number, GcPause['kind']> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks'
}

answerParent<AppMainRequest>((request) =>
  request.startQuery === undefined ? run(request) : warmStart(request, request.startQuery)
)

async function run(request: AppMainRequest): Promise<AppMainReport> {
  const started = performance.now()
  // Until main tells the index process to read the library it is loading the library: its
  // pauses are the load's.
  let spawnedAt: number | undefined
  const pauses: GcPause[] = []
  let loadGcMaxMs = 0
  let buildGcMaxMs = 0
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Entries arrive after the fact: placed by when the pause began, not when it is heard.
      const building = spawnedAt !== undefined && entry.startTime >= spawnedAt
      if (building) buildGcMaxMs = Math.max(buildGcMaxMs, entry.duration)
      else loadGcMaxMs = Math.max(loadGcMaxMs, entry.duration)
      if (entry.duration < LISTED_PAUSE_MS) continue
      const detail = (entry as { detail?: { kind?: number } }).detail
      pauses.push({
        phase: building ? 'build' : 'load',
        kind: KINDS[detail?.kind ?? -1] ?? 'other',
        ms: entry.duration,
        atMs: entry.startTime - started
      })
    }
  })
  gcs.observe({ entryTypes: ['gc'] })
  const loop = monitorEventLoopDelay({ resolution: 5 })
  // The histogram says how long, not when: a timer's late turns say when.
  const stalls: AppMainReport['stalls'] = []
  let last = performance.now()
  let ticker: NodeJS.Timeout | undefined
  let ownDelayMaxMs = 0
  // The app's core starts the index process as it takes the lock and tells it to read the
  // library once main has loaded it (`readLibrary`): the build begins then.
  const core = startAppLikeCore(request, () =>
    onReadLibrary(forkNodeProcess('index', request.indexEntry), () => {
      spawnedAt = performance.now()
      loop.enable()
      last = spawnedAt
      let cpu = process.cpuUsage()
      ticker = setInterval(() => {
        const now = performance.now()
        const used = process.cpuUsage(cpu)
        const cpuMs = (used.user + used.system) / 1000
        // Late by no more than the CPU main's process used meanwhile: the rest was waiting.
        ownDelayMaxMs = Math.max(ownDelayMaxMs, Math.min(now - last - TICK_MS, cpuMs))
        if (now - last > STALL_MS + TICK_MS) {
          stalls.push({ atMs: last - started, ms: now - last, cpuMs })
        }
        last = now
        cpu = process.cpuUsage()
      }, TICK_MS)
    })
  )
  try {
    const services = await core.ready
    const readyAt = performance.now()
    const atReady = process.memoryUsage()
    await services.search.whenComplete()
    const builtAt = performance.now()
    // Let the loop turn once more, so a delay just before completion is recorded.
    await new Promise((resolve) => setTimeout(resolve, 20))
    loop.disable()
    clearInterval(ticker)
    const stats = await services.search.stats()
    // Measured, now collect (full collections only now, after the build was watched): what main
    // holds once its garbage is gone, and how much is text.
    const held = settledHeap()
    const textChars = services.library.briefings.reduce(
      (sum, b) => sum + b.sections.reduce((n, s) => n + s.text.length, 0),
      0
    )
    return {
      loadMs: (spawnedAt ?? readyAt) - started,
      readyMs: readyAt - started,
      buildMs: builtAt - (spawnedAt ?? started),
      maxDelayMs: loop.max / 1e6,
      loadGcMaxMs,
      buildGcMaxMs,
      pauses,
      stalls,
      ownDelayMaxMs,
      heapAtReadyBytes: atReady.heapUsed,
      settledHeapBytes: held,
      rssBytes: process.memoryUsage().rss,
      textChars,
      sections: services.info.sectionCount,
      index: { maxRss: stats.maxRss, cacheBytes: stats.cacheBytes, shards: stats.shards }
    }
  } finally {
    gcs.disconnect()
    await core.close()
  }
}

/**
 * A start on the cache a build left, timed as the analyst waits: the renderer shows its search
 * box while main loads the library, and `search:query` answers from the index process alone
 * until main is ready. The search is sent from the core's start and again every 2 ms until it has
 * text hits: the earliest answer a search can have (the renderer, answered with none while the
 * index still loads, asks again after 0.1 s, doubling up to a second).
 */
async function warmStart(request: AppMainRequest, query: string): Promise<AppStartReport> {
  const started = performance.now()
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  let syncedAt: number | undefined
  const core = startAppLikeCore(request, () =>
    onReadLibrary(forkNodeProcess('index', request.indexEntry), () => {
      syncedAt = performance.now()
    })
  )
  try {
    let readyAt: number | undefined
    // Watched a little past ready: a stall just before it is recorded at the histogram's next turn.
    const loadWatched = core.ready.then(async () => {
      readyAt = performance.now()
      await new Promise((resolve) => setTimeout(resolve, 20))
      loop.disable()
      return loop.max / 1e6
    })
    loadWatched.catch(() => undefined)
    await untilTextHits(appSearch(core), query, 2)
    const answeredAt = performance.now()
    const services = await core.ready
    const loadDelayMaxMs = await loadWatched
    await allSearchable(services.search)
    return {
      indexStartedMs: (syncedAt ?? readyAt!) - started,
      readyMs: readyAt! - started,
      firstAnswerMs: answeredAt - started,
      searchableMs: performance.now() - started,
      loadDelayMaxMs
    }
  } finally {
    loop.disable()
    await core.close()
  }
}
