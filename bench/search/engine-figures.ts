// Measures the engine under test, the app's index host (src/main/search/index-host.ts): cold build
// (from an app-like main process, whose event loop is watched), warm-cache starts, query latency,
// and one import made searchable.

import { performance } from 'node:perf_hooks'

import type { TextResponse } from '../../src/main/search/index-engine'
import { startIndexHost, type IndexHost } from '../../src/main/search/index-host'
import { forkNodeProcess } from '../../src/main/background/node-process'
import type { Briefing } from '../../src/shared/dataset'
import { type AppMainRequest, type AppStartReport, startAppMain } from './app-main'
import { builtEntry } from './built-entry'
import { coldBuildFromAppMain, coldBuildHere } from './cold-build'
import { type BenchFolders, writeBriefing } from './dataset-files'
import { emptyFigures, type Figures, importedBriefing, importMarker } from './figures'
import {
  allSearchable,
  bareProcessStartMs,
  sample,
  summarise,
  WARM_UP_PASSES,
  watchEventLoop,
  within
} from './probes'
import { engineBurst, localBurst, pairedLatency } from './paired-figures'
import { probeWarmStart } from './start-probe'
import type { BenchQuery, QueryClass } from './queries'

/** Starts the engine under test on a dataset folder and a profile. */
export type StartIndexHost = (folders: { datasetDir: string; userDataDir: string }) => IndexHost

/**
 * The app's index host with its index in a Node child process. The child runs the built bundle
 * of the index-process entry (`out/main/chunks/index-entry-*.js`, what the app's utility
 * process runs) when `npm run build:bundles` has made one, else the TypeScript source via tsx.
 */
export const startInChildProcess: StartIndexHost = (folders) => {
  const entry = builtEntry()
  return startIndexHost({ ...folders, spawn: () => forkNodeProcess('index', entry) })
}

export interface EngineRunOptions {
  /** Timed runs per query (after two warm-up runs). */
  runs: number
  warmStarts: number
  imports: number
  /** The briefing imported copies are made from. */
  model: Briefing
  /** Longest wait for a build before the size is reported as not finished. */
  timeoutMs: number
  /** MiniSearch's search, made when wanted, timed in alternation with the engine (item 3). */
  pairedBaseline?: () => (query: BenchQuery) => unknown
}

const LIMIT = 20

/** Runs every engine measurement at one size; failures become notes, not a crashed run. */
export async function measureEngine(
  start: StartIndexHost,
  folders: BenchFolders,
  queries: readonly BenchQuery[],
  options: EngineRunOptions
): Promise<Figures> {
  const figures = emptyFigures()
  const open = () => start({ datasetDir: folders.datasetDir, userDataDir: folders.userDataDir })
  let host: IndexHost | undefined
  try {
    const idle = await watchEventLoop(() => new Promise((resolve) => setTimeout(resolve, 1000)))
    figures.idleLoopMaxMs = idle.maxDelayMs
    // Cold: empty cache, so every shard is built.
    if (start === startInChildProcess) {
      const { datasetDir, userDataDir } = folders
      const request = { datasetDir, userDataDir, indexEntry: builtEntry() }
      await coldBuildFromAppMain(request, options.timeoutMs, figures)
      await appStarts({ ...request, startQuery: queries[0]!.text }, options, figures)
    } else await coldBuildHere(open, options.timeoutMs, figures)

    // Warm: the cache is there. An answer from an index with nothing loaded yet is no answer:
    // the first answered query is the first one with hits.
    const first = queries[0]!
    const ups: number[] = []
    const bare: number[] = []
    const firsts: number[] = []
    const searchables: number[] = []
    const completes: number[] = []
    for (let i = 0; i < options.warmStarts; i++) {
      if (host) await (host as IndexHost).close()
      bare.push(await bareProcessStartMs())
      const t0 = performance.now()
      host = open()
      await host.status()
      ups.push(performance.now() - t0)
      const answer = await within(firstHits(host, first.text), options.timeoutMs, 'first answer')
      firsts.push(performance.now() - t0)
      figures.firstQueryCoverage = [answer.indexing.indexedSections, answer.indexing.totalSections]
      await within(allSearchable(host), options.timeoutMs, 'every section searchable')
      searchables.push(performance.now() - t0)
      await within(host.whenComplete(), options.timeoutMs, 'warm start')
      completes.push(performance.now() - t0)
    }
    figures.processUpMs = summarise(ups)?.median
    figures.bareProcessMs = summarise(bare)?.median
    figures.firstQueryMs = summarise(firsts)?.median
    figures.searchableMs = summarise(searchables)?.median
    figures.completeMs = summarise(completes)?.median
    // Fuzzy words expand over the library's words, collected in the background after loading:
    // queries are timed once they are (until then a fuzzy word falls back to lunr's expansion).
    const collecting = performance.now()
    while (!(await host!.stats()).wordsReady) {
      if (performance.now() - collecting > options.timeoutMs) throw new Error('words not ready')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    figures.wordsReadyMs = performance.now() - collecting
    const loaded = await host!.stats()
    // The postings live in typed arrays, outside the JavaScript heap: they count too.
    figures.heapBytes = loaded.heapUsed + loaded.arrayBuffers
    figures.rssBytes = loaded.rss
    // One more start, queried all through (start-probe.ts); the queries below are timed on it.
    await host!.close()
    const probed = await probeWarmStart(open, first.text, options.timeoutMs)
    host = probed.host
    figures.startProbe = probed.probe

    const pooled = new Map<QueryClass, number[]>()
    const inside = new Map<QueryClass, number[]>()
    const scoring = new Map<QueryClass, number[]>()
    const bursts = new Map<QueryClass, number[]>()
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
      for (const query of queries) await host!.search({ query: query.text, take: LIMIT })
    }
    for (const query of queries) {
      const answer = await host!.search({ query: query.text, take: LIMIT })
      figures.hits.set(query.text, answer.total)
      const { wall, engine, scored } = await sampleBothSides(host!, query.text, options.runs)
      pooled.set(query.cls, [...(pooled.get(query.cls) ?? []), ...wall])
      inside.set(query.cls, [...(inside.get(query.cls) ?? []), ...engine])
      scoring.set(query.cls, [...(scoring.get(query.cls) ?? []), ...scored])
      // Back-to-back in the index process, warmed as `sample` warms MiniSearch's runs.
      const burst = await host!.timeSearchBurst(
        { query: query.text, take: LIMIT },
        { runs: options.runs, warmup: 2 }
      )
      if (burst.answer.total !== answer.total) {
        figures.notes.push(
          `engine: \`${query.text}\` found ${burst.answer.total} in a burst, ${answer.total} alone`
        )
      }
      bursts.set(query.cls, [...(bursts.get(query.cls) ?? []), ...burst.samples])
    }
    if (options.pairedBaseline) {
      try {
        const baseline = localBurst(options.pairedBaseline(), options.runs)
        figures.paired = await pairedLatency(
          queries,
          engineBurst(host!, options.runs, LIMIT),
          baseline
        )
      } catch (error) {
        figures.notes.push(`paired timing: ${(error as Error).message}`)
      }
    }
    for (const [cls, samples] of pooled) figures.latency[cls] = summarise(samples)
    for (const [cls, samples] of inside) figures.engineLatency[cls] = summarise(samples)
    for (const [cls, samples] of bursts) figures.engineBurstLatency[cls] = summarise(samples)
    figures.engineScoringLatency = {}
    for (const [cls, samples] of scoring) figures.engineScoringLatency[cls] = summarise(samples)
    // Time matching and scoring postings, as measured by the engine, against its whole query time.
    const timed = (await host!.stats()).queryTime
    const before = loaded.queryTime
    const total = timed.totalMs - before.totalMs
    if (total > 0) figures.scoringShare = (timed.scoringMs - before.scoringMs) / total

    const imports: number[] = []
    for (let n = 0; n < options.imports; n++) {
      imports.push(
        await timeImport(host!, folders, importedBriefing(options.model, n, 'engine'), n)
      )
    }
    figures.importMs = summarise(imports)?.median
  } catch (error) {
    figures.notes.push(`engine: ${(error as Error).message}`)
  } finally {
    await (host as IndexHost | undefined)?.close().catch(() => undefined)
  }
  return figures
}

/**
 * Times a query as the caller sees it (messages both ways included) and then, in as many more
 * runs, inside the index process between messages: the engine's own running totals (the whole
 * query, and matching and scoring postings), read with `stats()` (which lists the cache folder)
 * after each run, so each run starts after a round trip and a disk listing.
 */
async function sampleBothSides(
  host: IndexHost,
  query: string,
  runs: number
): Promise<{ wall: number[]; engine: number[]; scored: number[] }> {
  const wall = await sample(() => host.search({ query, take: LIMIT }), runs)
  const engine: number[] = []
  const scored: number[] = []
  let before = (await host.stats()).queryTime
  for (let i = 0; i < runs; i++) {
    await host.search({ query, take: LIMIT })
    const after = (await host.stats()).queryTime
    engine.push(after.totalMs - before.totalMs)
    scored.push(after.scoringMs - before.scoringMs)
    before = after
  }
  return { wall, engine, scored }
}

/** Warm starts of the app-like main on the cache the cold build left: each figure's median. */
async function appStarts(
  request: AppMainRequest & { startQuery: string },
  options: EngineRunOptions,
  figures: Figures
): Promise<void> {
  const starts: AppStartReport[] = []
  for (let i = 0; i < options.warmStarts; i++) {
    starts.push(await startAppMain(request, options.timeoutMs))
  }
  const median = (key: keyof AppStartReport) => summarise(starts.map((s) => s[key]))!.median
  figures.appStart = {
    indexStartedMs: median('indexStartedMs'),
    readyMs: median('readyMs'),
    firstAnswerMs: median('firstAnswerMs'),
    searchableMs: median('searchableMs'),
    loadDelayMaxMs: median('loadDelayMaxMs')
  }
  figures.appFirstAnswerMs = figures.appStart.firstAnswerMs
  figures.appSearchableMs = figures.appStart.searchableMs
}

/** Queries until an answer has hits; a host still starting may answer from an empty index. */
async function firstHits(host: IndexHost, query: string): Promise<TextResponse> {
  for (;;) {
    const answer = await host.search({ query, take: LIMIT })
    if (answer.total > 0) return answer
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/**
 * Writes the briefing into the profile's library, tells the index which briefing changed (as
 * main does after an import commits: app-core's replaceLibrary), and polls until a query finds
 * it.
 */
async function timeImport(
  host: IndexHost,
  folders: BenchFolders,
  briefing: Briefing,
  n: number
): Promise<number> {
  const t0 = performance.now()
  writeBriefing(folders.libraryDir, briefing)
  await host.sync({ briefings: [briefing.id] })
  const query = importMarker(n)
  for (;;) {
    const answer = await host.search({ query, take: LIMIT })
    if (answer.total > 0) return performance.now() - t0
    if (performance.now() - t0 > 30_000) throw new Error(`import ${n} not searchable after 30 s`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}
