// What the search benchmark measures for each contender at one corpus size, and the briefing it
// imports to time "newly imported briefing searchable".

import type { Briefing } from '../../src/shared/dataset'
import type { Timing } from '../measure'
import type { AppMainReport, AppStartReport } from './app-main'
import type { QueryClass } from './queries'
import type { TaggedReport } from './tagged-library'
import type { PairedLatency } from './paired-figures'
import type { StartProbe } from './start-probe'

export interface Figures {
  /** Index build from nothing (engine: empty cache, start until complete). */
  buildMs?: number
  /** Peak RSS of the process holding the index during the build. */
  peakRssBytes?: number
  /** Index cache on disk. */
  cacheBytes?: number
  /** Start with a warm cache until the first query is answered. */
  firstQueryMs?: number
  /** Sections searchable when that first answer came back, of all sections. */
  firstQueryCoverage?: [number, number]
  /** Start with a warm cache until the index reports every section searchable (none pending). */
  searchableMs?: number
  /** Start with a warm cache until the library has been read and checked (index complete). */
  completeMs?: number
  /**
   * The engine's: warm starts of the app-like main, timed from the core's start as the analyst
   * waits (main's library load included); medians of each figure.
   */
  appStart?: AppStartReport
  /** From the app's start until the first answer with hits (appStart's), judged against item 2. */
  appFirstAnswerMs?: number
  /** From the app's start until every section is searchable (appStart's). */
  appSearchableMs?: number
  /** From everything searchable until fuzzy words expand over the library's words. */
  wordsReadyMs?: number
  /** The engine's: queries sent all through another warm start (start-probe.ts). */
  startProbe?: StartProbe
  /** Heap of the index after loading (engine: the index process; baselines: index only). */
  heapBytes?: number
  rssBytes?: number
  /** Writing one new briefing file until a query finds it. */
  importMs?: number
  /**
   * Main's longest event-loop delay during the build: the engine's from an app-like main process
   * (app-main.ts); a baseline's from the bench process, where it builds.
   */
  eventLoopMaxMs?: number
  /** The bench process's longest delay while it waits idle for a second: the machine's floor. */
  idleLoopMaxMs?: number
  /** Main's longest GC pause during the build (the engine's: the app-like main's). */
  buildGcMaxMs?: number
  /** The engine's: what the app-like main process measured about itself. */
  appMain?: AppMainReport
  /**
   * The engine's: the same build from an app-like main holding the library with entity mentions,
   * as imports tag them (tagged-library.ts), and main's longest event-loop delay then.
   */
  taggedMain?: TaggedReport
  taggedMainDelayMs?: number
  /** The bench process's longest event-loop delay and GC pause during the engine's build. */
  benchLoopMaxMs?: number
  benchGcMaxMs?: number
  /** Start until the index process first replies (process start, module loading). */
  processUpMs?: number
  /** A Node process doing nothing, started the same way: the floor under processUpMs. */
  bareProcessMs?: number
  shards?: number
  /** Share of the engine's query time spent matching and scoring postings (0–1). */
  scoringShare?: number
  latency: Partial<Record<QueryClass, Timing>>
  /**
   * The engine's: the same queries timed inside the index process, one query per message, with
   * `stats()` (a listing of the cache folder) read after each: its running totals' differences.
   */
  engineLatency: Partial<Record<QueryClass, Timing>>
  /**
   * The engine's: each query run back-to-back inside the index process (the `timeSearchBurst`
   * probe), each run timed around the engine's search, as MiniSearch is timed in its process.
   */
  engineBurstLatency: Partial<Record<QueryClass, Timing>>
  /** The engine's bursts and MiniSearch's, taken in alternation query by query (item 3). */
  paired?: PairedLatency
  /**
   * The engine's time matching and scoring postings alone in the between-messages runs
   * (`engineLatency`'s; no planning, snippets, facets or top-k): the part of its work that
   * matches what MiniSearch's search does, which returns bare scored ids.
   */
  engineScoringLatency?: Partial<Record<QueryClass, Timing>>
  /** Hits found per query text, to show every contender answered the same questions. */
  hits: Map<string, number | undefined>
  notes: string[]
}

export const emptyFigures = (): Figures => ({
  latency: {},
  engineLatency: {},
  engineBurstLatency: {},
  hits: new Map(),
  notes: []
})

/** A word no Brown text contains, so the only section it finds is the imported one. */
export const importMarker = (n: number): string =>
  `quokkabench${'abcdefghij'[n % 10]}${'klmnopqrst'[Math.floor(n / 10) % 10]}`

/** A copy of `model` under a new id whose first section carries `importMarker(n)`. */
export function importedBriefing(model: Briefing, n: number, who: string): Briefing {
  const [first, ...rest] = model.sections
  return {
    ...model,
    id: `bench-import-${who}-${n}`,
    title: `Imported ${n}: ${model.title}`,
    sections: [{ ...first!, text: `${first!.text} ${importMarker(n)}` }, ...rest]
  }
}
