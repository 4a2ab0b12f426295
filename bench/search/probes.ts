// Measuring helpers for the search benchmark: latency samples and their percentiles, heap after a
// full collection, the bench process's event-loop delay during some work, waiting for an index to
// answer or be complete, and byte formatting.

import { fork } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import type { IndexHost } from '../../src/main/search/index-host'
import type { SearchRequest, SearchResponse } from '../../src/shared/search'
import type { AppCore } from '../../src/main/app-core'
import { answerSearch } from '../../src/main/search/handlers'

// `npm run bench` runs without --expose-gc; this turns it on for this process only, so heap
// figures are measured after a full collection rather than at a random point of the GC cycle.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Heap in use after a full collection (bytes). */
export function settledHeap(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

/**
 * Milliseconds from forking a Node process that only sends one message (an ES module, as the
 * index entry is) to that message: the floor under any background process's start here.
 */
export async function bareProcessStartMs(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'))
  const file = join(dir, 'bare.mjs')
  writeFileSync(file, "process.send('up')\n")
  try {
    const started = performance.now()
    // No execArgv: the bench runs under tsx, which a child would otherwise load too.
    const child = fork(file, [], { execArgv: [], serialization: 'advanced', stdio: 'ignore' })
    await once(child, 'message')
    const ms = performance.now() - started
    child.kill()
    return ms
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Untimed passes over every query before any is timed: the first queries of a fresh process run
 * while V8 is still compiling the code they use (measured: p95 up to 9 ms at 10k sections against
 * 3 ms after one pass; 2026-12-05, the index prepared, every query's p95 at 10k 2.5 ms after one
 * pass against 1.1-1.2 ms after three, the first class timed taking most of the slow answers).
 * The first answer after a start, and the answers during one, are measured on their own.
 */
export const WARM_UP_PASSES = 3

// sample() and summarise() live in ../measure.ts, shared with the other benchmarks.
export { sample, summarise } from '../measure'

/**
 * Runs `work` and returns its result, its duration, the longest event-loop delay meanwhile and the
 * longest garbage-collection pause of this process meanwhile (a delay the work did not cause).
 */
export async function watchEventLoop<T>(
  work: () => Promise<T> | T
): Promise<{ value: T; ms: number; maxDelayMs: number; maxGcMs: number }> {
  let maxGcMs = 0
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcMs = Math.max(maxGcMs, entry.duration)
  })
  gcs.observe({ entryTypes: ['gc'] })
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  const start = performance.now()
  const value = await work()
  const ms = performance.now() - start
  // Let the loop turn once more: a synchronous `work` is only recorded when the loop runs again.
  await new Promise((resolve) => setTimeout(resolve, 20))
  histogram.disable()
  gcs.disconnect()
  return { value, ms, maxDelayMs: histogram.max / 1e6, maxGcMs }
}

/** Rejects after `ms` so one stuck build cannot hang the whole run. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export function mb(bytes: number): string {
  return bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(2)} GB`
    : `${(bytes / 2 ** 20).toFixed(1)} MB`
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls the index's status until it reports no briefing pending and every section indexed. */
export async function allSearchable(host: Pick<IndexHost, 'status'>): Promise<void> {
  for (;;) {
    const status = await host.status()
    if (status.pendingBriefings === 0 && status.indexedSections === status.totalSections) return
    await pause(2)
  }
}

/**
 * Sends the search every `everyMs` until it has text hits: an index still starting answers from
 * what it has loaded, which may be nothing. `ask` is what `search:query` answers (`answerSearch`).
 */
export async function untilTextHits(
  ask: (request: SearchRequest) => Promise<SearchResponse>,
  query: string,
  everyMs: number
): Promise<void> {
  while (!(await ask({ query, limit: 20 })).hits.some((h) => h.kind === 'text')) {
    await pause(everyMs)
  }
}

/** `search:query` as the app answers it for `core`, before and after main is ready. */
export function appSearch(core: AppCore): (request: SearchRequest) => Promise<SearchResponse> {
  return answerSearch(
    () => core.ready,
    () => core.searchWhileLoading()
  )
}
