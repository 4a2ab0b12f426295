// The engine's cold build in the search benchmark: an empty cache, so every shard is built, timed
// with the event-loop delays and GC pauses of the process playing main, peak memory, the cache's
// size and the shards made.

import type { IndexHost } from '../../src/main/search/index-host'
import { type AppMainRequest, buildInAppMain } from './app-main'
import type { Figures } from './figures'
import { watchEventLoop, within } from './probes'

/**
 * The app's engine: built from an app-like main process (app-main.ts), whose event loop and GC
 * pauses are main's figures; the bench process, holding the corpus and the baselines' data, is
 * watched meanwhile for comparison only.
 */
export async function coldBuildFromAppMain(
  request: AppMainRequest,
  timeoutMs: number,
  figures: Figures
): Promise<void> {
  const bench = await watchEventLoop(() => buildInAppMain(request, timeoutMs))
  const main = bench.value
  figures.buildMs = main.buildMs
  figures.eventLoopMaxMs = main.maxDelayMs
  figures.buildGcMaxMs = main.buildGcMaxMs
  figures.appMain = main
  figures.benchLoopMaxMs = bench.maxDelayMs
  figures.benchGcMaxMs = bench.maxGcMs
  figures.peakRssBytes = main.index.maxRss
  figures.cacheBytes = main.index.cacheBytes
  figures.shards = main.index.shards
}

/** Another engine (a test's): built from the bench process, which plays main. */
export async function coldBuildHere(
  open: () => IndexHost,
  timeoutMs: number,
  figures: Figures
): Promise<void> {
  let host: IndexHost | undefined
  try {
    const built = await watchEventLoop(() => {
      host = open()
      return within(host.whenComplete(), timeoutMs, 'cold index build')
    })
    figures.buildMs = built.ms
    figures.benchLoopMaxMs = figures.eventLoopMaxMs = built.maxDelayMs
    figures.benchGcMaxMs = figures.buildGcMaxMs = built.maxGcMs
    const afterBuild = await host!.stats()
    figures.peakRssBytes = afterBuild.maxRss
    figures.cacheBytes = afterBuild.cacheBytes
    figures.shards = afterBuild.shards
  } finally {
    await (host as IndexHost | undefined)?.close()
  }
}
