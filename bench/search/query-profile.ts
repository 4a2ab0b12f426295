// In-process query timing for profiling (issue #17 item 3): the engine (IndexEngine, no child
// process) and MiniSearch on the same corpus and queries, median per class. Run with
//   npx tsx bench/search/query-profile.ts [size=10000] [runs=30] [--cpu-prof under node --cpu-prof]
// The index is cached in a folder under the system's temporary folder, reused by the next run.

import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

import { IndexEngine } from '../../src/main/search/index-engine'
import { buildMiniSearch, miniSearch, scanDocs } from './baselines'
import { buildCorpus } from './corpus'
import { writeBenchFolders } from './dataset-files'
import type { BenchFolders } from './dataset-files'
import { pickQueries, QUERY_CLASSES } from './queries'
import { summarise } from './probes'

const size = Number(process.argv[2] ?? 10_000)
const runs = Number(process.argv[3] ?? 30)
// With a class name: only the engine's queries of that class, for a CPU profile of them alone;
// with a file name (.json): every query's answer written there.
const only = process.argv[4]

const median = (samples: number[]) => summarise(samples)?.median ?? NaN

async function main(): Promise<void> {
  const corpus = buildCorpus(size)
  const queries = pickQueries(buildCorpus(1_000).briefings.flatMap((b) => b.sections))
  const kept = join(tmpdir(), `query-profile-${size}`)
  const folders: BenchFolders = existsSync(kept)
    ? {
        root: kept,
        datasetDir: join(kept, 'dataset'),
        userDataDir: join(kept, 'profile'),
        libraryDir: ''
      }
    : renameTo(writeBenchFolders(corpus.briefings), kept)
  const t0 = performance.now()
  const engine = new IndexEngine({
    datasetDir: folders.datasetDir,
    userDataDir: folders.userDataDir
  })
  await engine.sync()
  await engine.whenComplete()
  console.log(`engine ready in ${Math.round(performance.now() - t0)} ms`)
  // The background preparation (tables, fuzzy words) runs while the first queries wait.
  while (!(await engine.stats()).wordsReady) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const docs = scanDocs(corpus.briefings)
  const mini = buildMiniSearch(docs)
  for (let pass = 0; pass < 3; pass++) {
    for (const q of queries) {
      engine.search({ query: q.text, take: 20 })
      miniSearch(mini, docs, q)
    }
  }
  if (only?.endsWith('.json')) {
    // Every query's whole answer, to compare the engine before and after a change.
    const answers = queries.map((q) => engine.search({ query: q.text, take: 20 }))
    writeFileSync(only, JSON.stringify(answers, null, 1))
    console.log(`answers: ${only}`)
    engine.close()
    return
  }
  if (only) {
    const ofClass = queries.filter((q) => q.cls === only)
    const session = new Session()
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
    const s = performance.now()
    for (let i = 0; i < runs; i++) {
      for (const q of ofClass) engine.search({ query: q.text, take: 20 })
    }
    console.log(`${only}: ${((performance.now() - s) / runs / ofClass.length).toFixed(4)} ms`)
    const { profile } = await session.post('Profiler.stop')
    const file = join(tmpdir(), `query-profile-${only}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    console.log(`profile: ${file}`)
    engine.close()
    return
  }
  for (const { cls } of QUERY_CLASSES) {
    const ofClass = queries.filter((q) => q.cls === cls)
    const e: number[] = []
    const m: number[] = []
    for (const q of ofClass) {
      for (let i = 0; i < runs; i++) {
        let s = performance.now()
        engine.search({ query: q.text, take: 20 })
        e.push(performance.now() - s)
        s = performance.now()
        miniSearch(mini, docs, q)
        m.push(performance.now() - s)
      }
    }
    const [me, mm] = [median(e), median(m)]
    console.log(
      `${cls.padEnd(7)} engine ${me.toFixed(4)} ms  mini ${mm.toFixed(4)} ms  ratio ${(me / mm).toFixed(2)}`
    )
  }
  engine.close()
}

function renameTo(folders: BenchFolders, to: string): BenchFolders {
  renameSync(folders.root, to)
  return {
    root: to,
    datasetDir: join(to, 'dataset'),
    userDataDir: join(to, 'profile'),
    libraryDir: ''
  }
}

void main()
