// Measures the naive scan and MiniSearch at one corpus size, in this process: build, heap of the
// index (corpus text excluded), cache, cold start, query latency and one import made searchable.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

import type MiniSearch from 'minisearch'

import type { Briefing } from '../../src/shared/dataset'
import {
  buildMiniSearch,
  loadMiniSearch,
  miniSearch,
  readLibraryFiles,
  saveMiniSearch,
  type ScanDoc,
  scanDocs,
  scanSearch
} from './baselines'
import { type BenchFolders, writeBriefing } from './dataset-files'
import { emptyFigures, type Figures, importedBriefing, importMarker } from './figures'
import { sample, WARM_UP_PASSES, settledHeap, summarise, watchEventLoop } from './probes'
import type { BenchQuery, QueryClass } from './queries'

export interface BaselineRunOptions {
  runs: number
  imports: number
  model: Briefing
  /**
   * Whether to build MiniSearch at all. At 200k its index, the corpus and the scan's copies do not
   * fit the bench process's default heap (it died at 4 GB after 6 min) and its build alone would
   * take most of an hour on this machine, so the 200k size compares with the naive scan only.
   */
  miniSearch: boolean
}

type Search = (query: BenchQuery) => number | undefined

async function latencies(
  figures: Figures,
  queries: readonly BenchQuery[],
  search: Search,
  runs: number
) {
  const pooled = new Map<QueryClass, number[]>()
  // Untimed passes over every query first, as for the engine (WARM_UP_PASSES).
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const query of queries) search(query)
  for (const query of queries) {
    const hits = search(query)
    figures.hits.set(query.text, hits)
    if (hits === undefined) continue
    pooled.set(query.cls, [
      ...(pooled.get(query.cls) ?? []),
      ...(await sample(() => search(query), runs))
    ])
  }
  for (const [cls, samples] of pooled) figures.latency[cls] = summarise(samples)
}

/** Median time to write a new briefing file, read it back, add it and find it with a query. */
function imports(
  dir: string,
  options: BaselineRunOptions,
  who: string,
  add: (briefings: Briefing[]) => void,
  found: (marker: string) => boolean
): number | undefined {
  const times: number[] = []
  for (let n = 0; n < options.imports; n++) {
    const briefing = importedBriefing(options.model, n, who)
    const t0 = performance.now()
    writeBriefing(dir, briefing)
    add(readLibraryFiles(dir).filter((b) => b.id === briefing.id))
    if (!found(importMarker(n))) throw new Error(`${who}: imported briefing ${n} not found`)
    times.push(performance.now() - t0)
  }
  return summarise(times)?.median
}

/** Imports go to a folder of their own: the engine's library stays as it measured it. */
function importFolder(folders: BenchFolders): string {
  const dir = join(folders.root, 'baseline-imports')
  mkdirSync(dir)
  return dir
}

function scanImports(dir: string, options: BaselineRunOptions, docs: ScanDoc[]) {
  return imports(
    dir,
    options,
    'scan',
    (added) => docs.push(...scanDocs(added, docs.length)),
    (marker) => (scanSearch(docs, { cls: 'single', text: marker, terms: [marker] }) ?? 0) > 0
  )
}

export async function measureBaselines(
  briefings: readonly Briefing[],
  folders: BenchFolders,
  queries: readonly BenchQuery[],
  options: BaselineRunOptions
): Promise<{ scan: Figures; mini: Figures }> {
  const scan = emptyFigures()
  const mini = emptyFigures()
  const first = queries[0]!

  // Naive scan: its "index" is the lowercase copy of every heading and body.
  const h0 = settledHeap()
  const built = await watchEventLoop(() => scanDocs(briefings))
  const docs: ScanDoc[] = built.value
  scan.buildMs = built.ms
  scan.eventLoopMaxMs = built.maxDelayMs
  scan.heapBytes = settledHeap() - h0
  let t0 = performance.now()
  scanSearch(scanDocs(readLibraryFiles(folders.libraryDir)), first)
  scan.firstQueryMs = performance.now() - t0
  await latencies(scan, queries, (q) => scanSearch(docs, q), options.runs)

  if (!options.miniSearch) {
    mini.notes.push(
      `MiniSearch not run at this size (it does not fit the bench process's heap; the naive scan is the baseline here)`
    )
    scan.importMs = scanImports(importFolder(folders), options, docs)
    return { scan, mini }
  }

  // MiniSearch: built from the same docs, saved as JSON (its cache) and loaded back.
  // Only `index` refers to the built index, so dropping it lets the cold start begin without it.
  let index = undefined as MiniSearch | undefined
  const h1 = settledHeap()
  const miniBuilt = await watchEventLoop(() => {
    index = buildMiniSearch(docs)
  })
  mini.buildMs = miniBuilt.ms
  mini.eventLoopMaxMs = miniBuilt.maxDelayMs
  mini.heapBytes = settledHeap() - h1
  const cacheFile = miniSearchCache(folders)
  mini.cacheBytes = saveMiniSearch(index!, cacheFile)
  index = undefined
  settledHeap()
  t0 = performance.now()
  readLibraryFiles(folders.libraryDir)
  const reloaded = loadMiniSearch(cacheFile)
  miniSearch(reloaded, docs, first)
  mini.firstQueryMs = performance.now() - t0
  await latencies(mini, queries, (q) => miniSearch(reloaded, docs, q), options.runs)

  const importDir = importFolder(folders)
  try {
    scan.importMs = scanImports(importDir, options, docs)
    mini.importMs = imports(
      importDir,
      options,
      'mini',
      (added) => reloaded.addAll(scanDocs(added, reloaded.documentCount + 1e6)),
      (marker) => miniSearch(reloaded, docs, { cls: 'single', text: marker, terms: [marker] }) > 0
    )
  } catch (error) {
    mini.notes.push((error as Error).message)
  }
  return { scan, mini }
}

const miniSearchCache = (folders: BenchFolders): string => join(folders.root, 'minisearch.json')

/**
 * MiniSearch as its latencies were timed (its saved index, before the imports), loaded again so
 * that its queries can be timed beside the engine's.
 */
export function reloadedMiniSearch(
  briefings: readonly Briefing[],
  folders: BenchFolders
): (query: BenchQuery) => number {
  const docs = scanDocs(briefings)
  const index = loadMiniSearch(miniSearchCache(folders))
  return (query) => miniSearch(index, docs, query)
}
