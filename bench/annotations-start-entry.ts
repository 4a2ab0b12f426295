// Child of the annotations bench standing in for the app's main at a start: the app's core on the
// bench's folders, in a process holding only what the app's main holds. Run in the bench process,
// the collection that ends main's load collected the bench's own data too and paused 2-3× longer.

import { forkNodeProcess } from '../src/main/background/node-process'
import { searchAll } from '../src/main/search/search-all'
import { sample, summarise } from './measure'
import type { Timing } from './measure'
import { startAppLikeCore } from './search/app-like-core'
import { answerParent } from './search/app-main'
import { builtEntry } from './search/built-entry'
import { appSearch, untilTextHits, watchEventLoop, within } from './search/probes'

export interface StartFigures {
  firstAnswerMs: number
  /** Until main is ready (its annotation store opened): the first answer may come before. */
  readyMs: number
  maxDelayMs: number
  searchableMs: number
  annotationHits: number
  /** One search once every annotation is searchable (a word most of them have). */
  broadQueryMs: number
  /** The same search repeated (the first one pays for compiling the query path). */
  broadRepeated: Timing
  /** CPU time of main's process from start until every annotation is searchable. */
  mainCpuMs: number
}

/**
 * Repeats of the broad search: its p95 over 20 runs was the slowest run (a young-generation
 * collection landing on one query swung it 8-25 ms); over 100 it says what most searches take.
 */
const BROAD_REPEATS = 100

/** Starts the core (index in a child process) and times the first answer with text hits. */
async function startFigures(folders: { datasetDir: string; userDataDir: string }) {
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const figures: Partial<StartFigures> = {}
  const watched = await watchEventLoop(async () => {
    // The built entry the app's utility process runs, as the search bench starts it.
    const core = startAppLikeCore(folders, () => forkNodeProcess('index', builtEntry()))
    // Sent from the start, as the renderer's search box can be (main answers from the index
    // process alone until it has loaded the library).
    core.ready.then(
      () => (figures.readyMs = performance.now() - t0),
      () => undefined
    )
    await untilTextHits(appSearch(core), 'maritime', 5)
    figures.firstAnswerMs = performance.now() - t0
    const services = await core.ready
    await within(services.annotationSearch.whenIndexed?.() ?? Promise.resolve(), 300_000, 'index')
    figures.searchableMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    figures.mainCpuMs = (cpu.user + cpu.system) / 1000
    const broad = performance.now()
    figures.annotationHits = (await searchAll(services, { query: 'patrols', limit: 20 })).total
    figures.broadQueryMs = performance.now() - broad
    figures.broadRepeated = summarise(
      await sample(() => searchAll(services, { query: 'patrols', limit: 20 }), BROAD_REPEATS, 0)
    )!
    await core.close()
  })
  return { ...figures, maxDelayMs: watched.maxDelayMs } as StartFigures
}

answerParent(startFigures)
