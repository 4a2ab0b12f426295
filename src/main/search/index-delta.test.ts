// Imports applied to the index by difference (main names the briefings it changed): the answers
// are the ones a full rescan of the same files gives, and anything a difference cannot carry (an
// entity record changed) falls back to the full rescan.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { IndexEngine } from './index-engine'
import { QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'
import { makeIndexProfile, writeBriefing } from '../../test-support/index-profile'

const WORDS = ['harbour', 'convoy', 'treaty', 'monsoon', 'satellite', 'frigate', 'tariff', 'summit']
const LIMITS = { recent: 6, batch: 12 }
const QUERIES = [
  'harbour',
  'convoy treaty',
  'satel*',
  'frigte~1',
  'heading:summit',
  '+monsoon -tariff',
  '"the convoy"',
  'tag:batch1',
  'retitled',
  'kishida',
  'station3',
  'station40'
]

/** A briefing of `sections` sections whose words depend on `n`, so each one is distinct. */
function generated(n: number, sections = 3, title = `Generated briefing ${n}`): Briefing {
  return {
    id: `gen-${n}`,
    title,
    source: 'Test wire',
    published: '2026-01-01',
    tags: [`batch${n % 3}`],
    sections: Array.from({ length: sections }, (_, i) => ({
      id: `s${i}`,
      heading: `Part ${i} ${WORDS[(n + i) % WORDS.length]}`,
      text: `Report ${n}.${i} on the ${WORDS[(n * 3 + i) % WORDS.length]} and the ${
        WORDS[(n + 2 * i) % WORDS.length]
      } near station${n}`,
      tags: [],
      mentions: []
    }))
  }
}

const dirs: string[] = []
const engines: IndexEngine[] = []

afterEach(async () => {
  for (const engine of engines.splice(0)) {
    engine.close()
    await engine.whenComplete().catch(() => undefined)
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const profile = (imported: Briefing[]) => makeIndexProfile('index-delta-', imported, dirs)

function engineOn(options: { datasetDir: string; userDataDir: string }): IndexEngine {
  // No reads again on a timer: a test here says which syncs read what (index-engine-reads.test.ts
  // has those).
  const engine = new IndexEngine({ ...options, shardLimits: LIMITS, retryUnreadableMs: [] })
  engines.push(engine)
  return engine
}

/** What every query answers: total, hits in order (with snippets) and facets. */
function answers(engine: IndexEngine) {
  return QUERIES.map((query) => engine.search({ query, take: 50 }))
}

/** The engine's answers against a new engine's that reads the same files in full. */
async function expectAsFullRescan(
  engine: IndexEngine,
  options: { datasetDir: string; userDataDir: string }
) {
  // Scores are per shard: both compared once their shards are all built (the recent shard may
  // still be folding into a batch after the import is searchable).
  await engine.whenComplete()
  const fresh = engineOn(options)
  await fresh.sync()
  await fresh.whenComplete()
  expect(engine.status()).toEqual(fresh.status())
  expect(answers(engine)).toEqual(answers(fresh))
}

describe('an import applied by difference', () => {
  it('answers as a full rescan after briefings are added, replaced, retitled and removed', async () => {
    const options = profile(Array.from({ length: 10 }, (_, n) => generated(n)))
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    // Queries made their tables for the view before the changes: they are handed on.
    answers(engine)
    const steps: [string[], () => void][] = [
      [['gen-40'], () => writeBriefing(options.userDataDir, generated(40))],
      [['gen-3'], () => writeBriefing(options.userDataDir, generated(3, 4, 'Retitled briefing'))],
      [['gen-5'], () => rmSync(join(options.userDataDir, 'library', 'gen-5.json'))],
      [
        ['gen-41', 'gen-42'],
        () => {
          writeBriefing(options.userDataDir, generated(41, 2))
          writeBriefing(options.userDataDir, generated(42, 5))
        }
      ]
    ]
    const SECTIONS_NOW: Record<string, number> = {
      'gen-40': 3,
      'gen-3': 4,
      'gen-5': 0,
      'gen-41': 2
    }
    for (const [ids, change] of steps) {
      change()
      await engine.sync({ briefings: ids })
      const found = engine.search({ query: `station${ids[0]!.slice(4)}`, take: 10 })
      expect(found.total).toBe(SECTIONS_NOW[ids[0]!])
      await expectAsFullRescan(engine, options)
    }
    expect(engine.syncCounts).toEqual({ byDifference: steps.length, full: 1 })
  })

  it('rescans in full when an import changes an entity other briefings mention', async () => {
    const options = profile([generated(1)])
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    expect(engine.search({ query: 'person:fumio', take: 10 }).total).toBeGreaterThan(0)
    expect(engine.search({ query: 'person:premier', take: 10 }).total).toBe(0)
    // The new briefing's file gives Kishida another alias: the bundled briefing's documents
    // (which list his aliases) change too.
    const entities = [...testLibrary().entities.values()].map((e) =>
      e.id === 'kishida' ? { ...e, aliases: [...e.aliases, 'Premier'] } : e
    )
    writeBriefing(options.userDataDir, generated(2), entities)
    await engine.sync({ briefings: ['gen-2'] })
    expect(engine.syncCounts).toEqual({ byDifference: 0, full: 2 })
    const found = engine.search({ query: 'person:premier', take: 10 })
    expect(found.hits.map((h) => h.briefingId)).toContain(QUAD_BRIEFING.id)
    await expectAsFullRescan(engine, options)
  })

  it('drops a named briefing whose file no longer loads, as a full rescan does', async () => {
    const options = profile([generated(1), generated(9)])
    const engine = engineOn(options)
    await engine.sync()
    writeFileSync(join(options.userDataDir, 'library', 'gen-9.json'), '{ "format": ')
    await engine.sync({ briefings: ['gen-9'] })
    expect(engine.search({ query: 'station9', take: 10 }).total).toBe(0)
    expect(engine.search({ query: 'station1', take: 10 }).total).toBe(3)
    await expectAsFullRescan(engine, options)
  })

  it('after a sync by difference cannot read a file, the next one reads it too', async () => {
    const options = profile([generated(1)])
    const engine = engineOn(options)
    await engine.sync()
    await engine.whenComplete()
    // The new briefing's file cannot be read (here: a folder where the file should be, as a
    // locked file on Windows): that sync leaves it out, and the briefing is not known from it.
    const file = join(options.userDataDir, 'library', 'gen-7.json')
    mkdirSync(file)
    await engine.sync({ briefings: ['gen-7'] })
    expect(engine.search({ query: 'station7', take: 10 }).total).toBe(0)
    rmSync(file, { recursive: true })
    writeBriefing(options.userDataDir, generated(7))
    // The next import names only its own briefing; the one whose read failed is found too.
    writeBriefing(options.userDataDir, generated(8))
    await engine.sync({ briefings: ['gen-8'] })
    expect(engine.search({ query: 'station7', take: 10 }).total).toBe(3)
    expect(engine.search({ query: 'station8', take: 10 }).total).toBe(3)
    expect(engine.syncCounts).toEqual({ byDifference: 2, full: 1 })
    await expectAsFullRescan(engine, options)
  })
})
