// The index engine on real files: shards built once and then loaded from the cache, an import
// rebuilding only the small recent shard, changed content invalidating its cache, a search while
// indexing answering from what is ready, and the sharded results equal to one index's.

import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'

import { afterEach, describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { IndexEngine } from './index-engine'
import { IndexCache, INDEX_CACHE_DIR } from './index-cache'
import { createTermMarker } from './mark-terms'
import { planQuery } from './query-plan'
import { createSearchPipeline } from './section-index'
import { viewOfStored } from './stored-sections'
import { searchShards } from './text-search'
import { createLunrSearch } from '../../test-support/in-memory-search'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'
import { makeIndexProfile, writeBriefing } from '../../test-support/index-profile'

const WORDS = ['harbour', 'convoy', 'treaty', 'monsoon', 'satellite', 'frigate', 'tariff', 'summit']
const LIMITS = { recent: 6, batch: 12 }

/** A briefing of `sections` sections whose words depend on `n`, so each one is distinct. */
function generated(n: number, sections = 3, extra = ''): Briefing {
  return {
    id: `gen-${n}`,
    title: `Generated briefing ${n}`,
    source: 'Test wire',
    published: '2026-01-01',
    tags: [`batch${n % 3}`],
    sections: Array.from({ length: sections }, (_, i) => ({
      id: `s${i}`,
      heading: `Part ${i} ${WORDS[(n + i) % WORDS.length]}`,
      text: `Report ${n}.${i} on the ${WORDS[(n * 3 + i) % WORDS.length]} and the ${
        WORDS[(n + 2 * i) % WORDS.length]
      } near station${n} ${extra}`.trim(),
      tags: [],
      mentions: []
    }))
  }
}

const dirs: string[] = []
const engines: IndexEngine[] = []

const profile = (imported: Briefing[]) => makeIndexProfile('index-engine-', imported, dirs)

function engineOn(options: { datasetDir: string; userDataDir: string }): IndexEngine {
  const engine = new IndexEngine({ ...options, shardLimits: LIMITS })
  engines.push(engine)
  return engine
}

const refs = (response: { hits: { briefingId: string; sectionId: string }[] }) =>
  response.hits.map((h) => `${h.briefingId}/${h.sectionId}`).sort()

afterEach(async () => {
  for (const engine of engines.splice(0)) {
    engine.close()
    await engine.whenComplete().catch(() => undefined)
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('index engine', () => {
  it('builds shards once, then a new start loads every one from the cache', async () => {
    const options = profile(Array.from({ length: 10 }, (_, n) => generated(n)))
    const first = engineOn(options)
    await first.sync()
    await first.whenComplete()
    const built = await first.stats()
    expect(built.built).toBeGreaterThan(2)
    expect(built.fromCache).toBe(0)
    expect(first.search({ query: 'station7', take: 10 }).total).toBe(3)

    const second = engineOn(options)
    await second.sync()
    await second.whenComplete()
    const loaded = await second.stats()
    expect(loaded.built).toBe(0)
    expect(loaded.fromCache).toBe(built.built)
    expect(second.search({ query: 'station7', take: 10 }).total).toBe(3)
  })

  it('makes a new import searchable by rebuilding only the recent shard', async () => {
    const options = profile(Array.from({ length: 10 }, (_, n) => generated(n)))
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    const before = (await engine.stats()).built
    writeBriefing(options.userDataDir, generated(42, 2))
    await engine.sync()
    expect(engine.search({ query: 'station42', take: 10 }).total).toBe(2)
    expect(engine.status().pendingBriefings).toBe(0)
    expect((await engine.stats()).built).toBe(before + 1)
  })

  it('rebuilds a shard whose content changed and drops its old cache file', async () => {
    const options = profile([generated(1), generated(2)])
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    const cacheDir = join(options.userDataDir, INDEX_CACHE_DIR)
    const oldFiles = readdirSync(cacheDir).filter((f) => f !== 'manifest.json')
    writeBriefing(options.userDataDir, generated(2, 3, 'quarantine'))
    await engine.sync()
    await engine.whenComplete()
    expect(engine.search({ query: 'quarantine', take: 10 }).total).toBe(3)
    const newFiles = readdirSync(cacheDir).filter((f) => f !== 'manifest.json')
    expect(newFiles).not.toEqual(oldFiles)
    expect(oldFiles.filter((f) => !newFiles.includes(f))).toHaveLength(1)
    // Content that went back to what it was finds its cache again.
    writeBriefing(options.userDataDir, generated(2))
    const restarted = engineOn(options)
    await restarted.sync()
    expect(restarted.search({ query: 'quarantine', take: 10 }).total).toBe(0)
  })

  it('forgets a removed briefing', async () => {
    const options = profile([generated(1), generated(2)])
    const engine = engineOn(options)
    await engine.sync()
    rmSync(join(options.userDataDir, 'library', 'gen-2.json'))
    await engine.sync()
    expect(engine.search({ query: 'station2', take: 10 }).total).toBe(0)
    expect(engine.search({ query: 'station1', take: 10 }).total).toBe(3)
    expect(engine.status().totalSections).toBe(QUAD_BRIEFING.sections.length + 3)
  })

  it('answers from the shards that are ready while the others still build', async () => {
    const options = profile(Array.from({ length: 12 }, (_, n) => generated(n)))
    const engine = engineOn(options)
    let done = false
    const synced = engine.sync().then(() => (done = true))
    // Let the first shards load, then ask before the sync has finished.
    let seenPartial = false
    while (!seenPartial && !done) {
      await nextTurn()
      const status = engine.status()
      if (status.indexedSections > 0 && status.pendingBriefings > 0) {
        seenPartial = true
        const response = engine.search({ query: 'report', take: 100 })
        expect(response.indexing).toEqual(status)
        expect(response.total).toBeLessThan(36)
      }
    }
    expect(seenPartial).toBe(true)
    await synced
    expect(engine.status()).toEqual({
      indexedSections: 36 + QUAD_BRIEFING.sections.length,
      totalSections: 36 + QUAD_BRIEFING.sections.length,
      pendingBriefings: 0
    })
    expect(engine.search({ query: 'report', take: 100 }).total).toBe(36)
  })

  it('finds across shards what a single index over the same corpus finds', async () => {
    const imported = [ASEAN_BRIEFING, ...Array.from({ length: 14 }, (_, n) => generated(n))]
    const options = profile(imported)
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    expect((await engine.stats()).shards).toBeGreaterThan(3)
    const single = createLunrSearch(testLibrary([QUAD_BRIEFING, ...imported]))
    const queries = [
      'harbour',
      'convoy treaty',
      'satel*',
      'sat*ite',
      'frigte~1',
      'monson~1 harbor~2',
      'heading:summit',
      '+monsoon -tariff',
      '"the convoy"',
      'tag:batch1',
      'person:kishida',
      'asean'
    ]
    for (const query of queries) {
      const sharded = engine.search({ query, take: 500 })
      const one = await single.search({ query, take: 500 })
      expect(sharded.total, query).toBe(one.total)
      expect(refs(sharded), query).toEqual(refs(one))
      expect(sharded.facets.briefing, query).toEqual(one.facets.briefing)
    }
  })

  it('stores enough in the cache to answer before the library is read, as the library would', async () => {
    const options = profile([ASEAN_BRIEFING, ...Array.from({ length: 9 }, (_, n) => generated(n))])
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    const cache = new IndexCache(join(options.userDataDir, INDEX_CACHE_DIR))
    const keys = await cache.readWarmKeys()
    expect(keys.length).toBe((await engine.stats()).shards)
    const shards = await Promise.all(keys.map(async (key) => (await cache.read(key))!))
    const view = viewOfStored(shards)
    const marker = createTermMarker(createSearchPipeline())
    for (const query of ['harbour', 'person:kishida', '"the convoy"', 'asean', 'tag:batch2']) {
      const plan = planQuery(query, createSearchPipeline())
      const fromCache = searchShards(shards, view, marker, { plan, take: 100 })
      const live = engine.search({ query, take: 100 })
      expect(fromCache.total, query).toBe(live.total)
      expect(fromCache.hits, query).toEqual(live.hits)
      expect(fromCache.facets, query).toEqual(live.facets)
    }
  })

  it('counts the shards a warm start has still to load as pending, never as complete', async () => {
    const options = profile(Array.from({ length: 12 }, (_, n) => generated(n)))
    const first = engineOn(options)
    await first.sync()
    await first.whenComplete()
    const complete = first.status()
    expect((await first.stats()).shards).toBeGreaterThan(2)
    const engine = engineOn(options)
    const seen: ReturnType<IndexEngine['status']>[] = []
    let done = false
    const synced = engine.sync().finally(() => (done = true))
    while (!done) {
      seen.push(engine.status())
      await nextTurn()
    }
    await synced
    // Once the warm start knows its shards, no status claims less than the whole library.
    const known = seen.slice(seen.findIndex((status) => status.totalSections > 0))
    expect(known.length).toBeGreaterThan(0)
    for (const status of known) {
      expect(status.totalSections).toBe(complete.totalSections)
      if (status.pendingBriefings === 0) expect(status.indexedSections).toBe(status.totalSections)
    }
    expect(known.some((s) => s.pendingBriefings > 0 && s.indexedSections > 0)).toBe(true)
  })

  it('answers from the cache after warmUp, and reads the library files only on sync', async () => {
    const options = profile(Array.from({ length: 8 }, (_, n) => generated(n)))
    const first = engineOn(options)
    await first.sync()
    await first.whenComplete()
    // Changed after the index was complete: the warm start does not know it yet.
    writeBriefing(options.userDataDir, generated(3, 3, 'quarantine'))
    const engine = engineOn(options)
    engine.warmUp()
    await engine.whenComplete()
    expect((await engine.stats()).fromCache).toBeGreaterThan(0)
    expect(engine.search({ query: 'station5', take: 10 }).total).toBe(3)
    expect(engine.search({ query: 'quarantine', take: 10 }).total).toBe(0)
    expect(engine.status()).toEqual(first.status())
    expect(engine.syncCounts.full).toBe(0)
    // A second warmUp starts nothing; the sync reads the files and finds the change.
    engine.warmUp()
    await engine.sync()
    expect(engine.syncCounts.full).toBe(1)
    expect(engine.search({ query: 'quarantine', take: 10 }).total).toBe(3)
    engine.warmUp()
    await engine.whenComplete()
    expect(engine.search({ query: 'quarantine', take: 10 }).total).toBe(3)
  })

  it('keeps the cache in the profile folder only', async () => {
    const options = profile([generated(1)])
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    expect(existsSync(join(options.userDataDir, INDEX_CACHE_DIR, 'manifest.json'))).toBe(true)
  })
})
