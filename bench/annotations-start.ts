// Annotations at scale (issue #17, item 6), the app's start: 100,000 highlights across 2,000
// briefings against the same library with none, started from nothing (every shard built) and
// again from the cache the first start left (a warm start, as every later start of the app is).
// Each start runs in an app-like main of its own (annotations-start-entry.ts).

import { fileURLToPath } from 'node:url'

import lunr from 'lunr'

import { searchDocuments } from '../src/main/annotations/briefing-view'
import type { StartFigures } from './annotations-start-entry'
import { briefingOf, highlightsOn, writeAnnotations } from './annotations-scale'
import { ms, ratio, sample, summarise } from './measure'
import { runAppMain } from './search/app-main'
import { removeBenchFolders, writeBenchFolders } from './search/dataset-files'

const ENTRY = fileURLToPath(new URL('./annotations-start-entry.ts', import.meta.url))

/** One start of the app's core in an app-like main of its own (annotations-start-entry.ts). */
function startFigures(folders: { datasetDir: string; userDataDir: string }) {
  const { datasetDir, userDataDir } = folders
  return runAppMain<StartFigures>(
    ENTRY,
    { datasetDir, userDataDir },
    300_000,
    'annotations: a start (app-like main)'
  )
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
