// What the index engine holds after a warm start (issue #17 item 7): memory after a forced GC at
// each step, in this process (no child), and optionally every bench query's answer. Run with
//   node --expose-gc --max-old-space-size=12000 --import tsx bench/search/memory-profile.ts \
//     [size=200000] [answers.json] [--snapshot] [--as-is]
// --as-is measures without forcing a collection first (the engine may still collect on its own).
// The first run at a size builds the folders and the cache (kept under the system's temporary
// folder); run it again to measure a warm start.

import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { writeHeapSnapshot } from 'node:v8'

import { IndexEngine } from '../../src/main/search/index-engine'
import { buildCorpus } from './corpus'
import { writeBenchFolders } from './dataset-files'
import { pickQueries } from './queries'

const args = process.argv.slice(2)
const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 200_000)
const answersFile = args.find((a) => a.endsWith('.json'))
const snapshot = args.includes('--snapshot')
const asIs = args.includes('--as-is')

const gc = (globalThis as { gc?: () => void }).gc
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

function report(step: string): void {
  if (!asIs) gc?.()
  const m = process.memoryUsage()
  console.log(
    `${step.padEnd(28)} rss ${mb(m.rss).padStart(10)}  heap used ${mb(m.heapUsed).padStart(10)}` +
      `  of ${mb(m.heapTotal).padStart(10)}  array buffers ${mb(m.arrayBuffers).padStart(10)}` +
      `  external ${mb(m.external).padStart(10)}`
  )
}

async function main(): Promise<void> {
  if (!gc) console.log('(no --expose-gc: figures include garbage)')
  const kept = join(tmpdir(), `memory-profile-${size}`)
  const folders = { datasetDir: join(kept, 'dataset'), userDataDir: join(kept, 'profile') }
  if (!existsSync(kept)) {
    const made = writeBenchFolders(buildCorpus(size).briefings)
    renameSync(made.root, kept)
    const engine = new IndexEngine(folders)
    await engine.sync()
    await engine.whenComplete()
    engine.close()
    console.log(`built ${kept}: run again to measure a warm start`)
    return
  }
  report('before the engine')
  const t0 = performance.now()
  const engine = new IndexEngine(folders)
  await engine.sync()
  await engine.whenComplete()
  console.log(`complete in ${Math.round(performance.now() - t0)} ms`)
  report('complete')
  while (!(await engine.stats()).wordsReady) await new Promise((r) => setTimeout(r, 50))
  report('fuzzy words ready')
  // Preparing the queries' tables ends with the union of every shard's terms.
  await new Promise((r) => setTimeout(r, 3000))
  report('3 s later')
  const queries = pickQueries(buildCorpus(1_000).briefings.flatMap((b) => b.sections))
  const answers = queries.map((q) => engine.search({ query: q.text, take: 20 }))
  report('after the bench queries')
  if (answersFile) {
    // The answers without the index status (which counts what is loaded, not what matched).
    const plain = answers.map((answer) => ({ ...answer, indexing: undefined }))
    writeFileSync(answersFile, JSON.stringify(plain, null, 1))
    console.log(`answers: ${answersFile}`)
  }
  if (snapshot)
    console.log(
      `heap snapshot: ${writeHeapSnapshot(join(tmpdir(), 'memory-profile.heapsnapshot'))}`
    )
  engine.close()
}

await main()
