// Annotations at scale (issue #17, item 6), the app's start: 100,000 highlights across 2,000
// briefings against the same library with none, started from nothing (every shard built) and
// again from the cache the first start left (a warm start, as every later start of the app is).

import lunr from 'lunr'

import { searchDocuments } from '../src/main/annotations/briefing-view'
import { startCore } from '../src/main/app-core'
import { forkNodeProcess } from '../src/main/background/node-process'
import { collectLoadGarbage } from '../src/main/search/heap-settle'
import { searchAll } from '../src/main/search/search-all'
import { briefingOf, highlightsOn, writeAnnotations } from './annotations-scale'
import { ms, ratio, sample, summarise } from './measure'
import type { Timing } from './measure'
import { builtEntry } from './search/engine-figures'
import { appSearch, untilTextHits, watchEventLoop, within } from './search/probes'
import { removeBenchFolders, writeBenchFolders } from './search/dataset-files'

interface StartFigures {
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
  /** CPU time of this process (main) from start until every annotation is searchable. */
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
    const core = startCore({
      ...folders,
      appVersion: 'bench',
      // As the app's main does (src/main/index.ts).
      afterLoad: collectLoadGarbage,
      // The built entry the app's utility process runs, as the search bench starts it.
      spawnIndex: () => forkNodeProcess('index', builtEntry())
    })
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

/** The four starts: from nothing and then warm, with the highlights and without. */
export async function startRows(): Promise<string[]> {
  const briefings = Array.from({ length: 2000 }, (_, i) => briefingOf(`b-${i}`, 2, i + 1))
  const folders = writeBenchFolders(briefings)
  const empty = writeBenchFolders(briefings)
  try {
    for (const briefing of briefings) {
      await writeAnnotations(folders.userDataDir, briefing, highlightsOn(briefing, 50))
    }
    const none = await startFigures(empty)
    const full = await startFigures(folders)
    // Each profile's cache is now what its first start left: these starts are warm.
    const noneWarm = await startFigures(empty)
    const fullWarm = await startFigures(folders)
    const docs = briefings.flatMap((b) =>
      searchDocuments(b, { highlights: highlightsOn(b, 50), notes: [] })
    )
    const oldBuild = summarise(
      await sample(
        () => {
          const builder = new lunr.Builder()
          builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
          builder.ref('ref')
          for (const field of ['briefing', 'heading', 'body', 'tag']) builder.field(field)
          for (const doc of docs) {
            builder.add({
              ref: `${doc.briefingId} ${doc.id}`,
              briefing: doc.briefingTitle,
              heading: doc.heading,
              body: doc.text,
              tag: ''
            })
          }
          builder.build()
        },
        1,
        0
      )
    )!
    return [
      `| start from nothing (every shard built) with 100,000 highlights across 2,000 briefings: first answer with text hits, the search sent from the start (main answers from the index process alone until it is ready; main ready at) | ${ms(full.firstAnswerMs)} (ready ${ms(full.readyMs)}) | the same start with no annotations: ${ms(none.firstAnswerMs)} (ready ${ms(none.readyMs)}) | ${ratio(full.firstAnswerMs, none.firstAnswerMs)} |`,
      `| … main's longest event-loop delay from start until every annotation is searchable (main's CPU time meanwhile) | ${ms(full.maxDelayMs)} (CPU ${ms(full.mainCpuMs)}) | with no annotations: ${ms(none.maxDelayMs)} (CPU ${ms(none.mainCpuMs)}) | ${ratio(full.maxDelayMs, none.maxDelayMs)} |`,
      `| … every annotation searchable (sent from main once the text index is complete, indexed in the index process; ${full.annotationHits.toLocaleString('en')} hits for "patrols") | ${ms(full.searchableMs)} | old path: one lunr build of the 100,000 documents on main's thread (at the first query): ${ms(oldBuild.median)} | ${ratio(full.searchableMs, oldBuild.median)} |`,
      `| … then one search for "patrols" (${full.annotationHits.toLocaleString('en')} hits, most of them annotations; first page and facets over all) | ${ms(full.broadQueryMs)} | the same search with no annotations: ${ms(none.broadQueryMs)} | ${ratio(full.broadQueryMs, none.broadQueryMs)} |`,
      `| … the same search repeated ${full.broadRepeated.runs} times (median, p95) | ${ms(full.broadRepeated.median)} (p95 ${ms(full.broadRepeated.p95)}) | with no annotations: ${ms(none.broadRepeated.median)} (p95 ${ms(none.broadRepeated.p95)}) | ${ratio(full.broadRepeated.median, none.broadRepeated.median)} (p95 ${ratio(full.broadRepeated.p95, none.broadRepeated.p95)}) |`,
      `| warm start (the cache the start above left) with the same 100,000 highlights: first answer with text hits, sent from the start (the highlights are sent only once the text index is complete, so they cannot delay it; main ready at) | ${ms(fullWarm.firstAnswerMs)} (ready ${ms(fullWarm.readyMs)}) | the same warm start with no annotations: ${ms(noneWarm.firstAnswerMs)} (ready ${ms(noneWarm.readyMs)}) | ${ratio(fullWarm.firstAnswerMs, noneWarm.firstAnswerMs)} |`,
      `| … main's longest event-loop delay from start until every annotation is searchable (main's CPU time meanwhile) | ${ms(fullWarm.maxDelayMs)} (CPU ${ms(fullWarm.mainCpuMs)}) | with no annotations: ${ms(noneWarm.maxDelayMs)} (CPU ${ms(noneWarm.mainCpuMs)}) | ${ratio(fullWarm.maxDelayMs, noneWarm.maxDelayMs)} |`,
      `| … every annotation searchable | ${ms(fullWarm.searchableMs)} | with no annotations, the text index complete: ${ms(noneWarm.searchableMs)} | ${ratio(fullWarm.searchableMs, noneWarm.searchableMs)} |`
    ]
  } finally {
    removeBenchFolders(folders)
    removeBenchFolders(empty)
  }
}
