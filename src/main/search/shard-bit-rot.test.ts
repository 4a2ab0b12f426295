// Bit rot in the search cache: random byte flips in a shard file are caught by its checksum and
// the shard is rebuilt from the library; a flipped file never loads as a different index.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import { IndexCache, INDEX_CACHE_DIR } from './index-cache'
import { IndexEngine } from './index-engine'
import { decodePostingFile } from './posting-file'
import { seededRandom } from '../../test-support/crash-steps'
import { QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'

const FLIPS = 400
const WORDS = ['harbour', 'convoy', 'treaty', 'monsoon', 'satellite', 'frigate', 'tariff', 'summit']

let root: string
let options: { datasetDir: string; userDataDir: string }

function briefing(n: number): Briefing {
  return {
    id: `gen-${n}`,
    title: `Generated briefing ${n}`,
    source: 'Test wire',
    published: '2026-01-01',
    tags: [`batch${n % 3}`],
    sections: Array.from({ length: 3 }, (_, i) => ({
      id: `s${i}`,
      heading: `Part ${i} ${WORDS[(n + i) % WORDS.length]}`,
      text: `Report ${n}.${i} on the ${WORDS[(n * 3 + i) % WORDS.length]} near station${n}`,
      tags: [],
      mentions: []
    }))
  }
}

function dataset(briefings: Briefing[]): string {
  const entities = [...testLibrary().entities.values()]
  return JSON.stringify({ format: DATASET_FORMAT, version: DATASET_VERSION, entities, briefings })
}

async function startEngine(): Promise<IndexEngine> {
  const engine = new IndexEngine({ ...options, shardLimits: { recent: 6, batch: 12 } })
  await engine.sync()
  await engine.whenComplete()
  return engine
}

/** The largest shard file of the cache: its key and bytes. */
function largestShard(): { key: string; path: string; bytes: Buffer } {
  const dir = join(options.userDataDir, INDEX_CACHE_DIR)
  const shards = readdirSync(dir)
    .filter((name) => name.endsWith('.idx'))
    .map((name) => ({ key: name.slice(0, -4), path: join(dir, name) }))
    .map((shard) => ({ ...shard, bytes: readFileSync(shard.path) }))
  return shards.sort((a, b) => b.bytes.length - a.bytes.length)[0]!
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shard-bit-rot-'))
  options = { datasetDir: join(root, 'dataset'), userDataDir: join(root, 'profile') }
  mkdirSync(options.datasetDir)
  mkdirSync(join(options.userDataDir, 'library'), { recursive: true })
  writeFileSync(join(options.datasetDir, 'bundled.json'), dataset([QUAD_BRIEFING]))
  for (let n = 0; n < 12; n++) {
    writeFileSync(join(options.userDataDir, 'library', `gen-${n}.json`), dataset([briefing(n)]))
  }
  ;(await startEngine()).close()
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('bit rot in search shards', () => {
  it(`refuses every one of ${FLIPS} byte flips in a shard that changes anything`, () => {
    const { key, bytes } = largestShard()
    const cache = new IndexCache(join(options.userDataDir, INDEX_CACHE_DIR))
    const clean = decodePostingFile(bytes)
    expect(cache.parse(bytes, key)).toBeDefined()
    const random = seededRandom(3)
    const tally = { refused: 0, identical: 0, silent: 0 }
    for (let i = 0; i < FLIPS; i++) {
      const flipped = Buffer.from(bytes)
      const at = Math.floor(random() * flipped.length)
      flipped[at] = flipped[at]! ^ (1 + Math.floor(random() * 255))
      let loaded
      try {
        loaded = cache.parse(flipped, key)
      } catch {
        loaded = undefined
      }
      if (loaded === undefined) tally.refused++
      else if (isDeepStrictEqual(decodePostingFile(flipped), clean)) tally.identical++
      else tally.silent++
    }
    console.info(`shard flips (${bytes.length} bytes): ${JSON.stringify(tally)}`)
    expect(tally.silent).toBe(0)
  })

  it('rebuilds a damaged shard on the next start and answers as before', async () => {
    const engine = await startEngine()
    const before = engine.search({ query: 'station7', take: 10 })
    engine.close()
    const { path, bytes } = largestShard()
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x10
    writeFileSync(path, bytes)
    const restarted = await startEngine()
    expect((await restarted.stats()).built).toBe(1)
    expect(restarted.search({ query: 'station7', take: 10 })).toEqual(before)
    restarted.close()
  })
})
