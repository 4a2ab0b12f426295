// Facet counts and duplicate sections over numbered tables must give what counting each hit's
// briefing, entities and tags by name gives, and a section found in two shards counts once.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { describe, expect, it } from 'vitest'

import type { Library } from '../library/library'
import { Counter, FACET_LIMIT } from './facet-counter'
import { createShardedSearch } from '../../test-support/in-memory-search'
import { PostingIndex } from './posting-index'
import { buildIndex } from '../../test-support/in-memory-search'
import { viewOf } from './search-view'
import type { LibraryView } from './search-view'
import { searchShards } from './text-search'
import type { LoadedShard } from './text-search'
import { createTermMarker } from './mark-terms'
import { planQuery } from './query-plan'
import { createSearchPipeline } from './section-index'
import { prepareTables, tablesOf } from './tables-by-view'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'
import { messageAndPass, steppingSlice } from '../../test-support/time-slices'

const library = testLibrary([QUAD_BRIEFING, ASEAN_BRIEFING])
const view = viewOf(library)

function shardOf(ids: string[], of: LibraryView = view): LoadedShard {
  const { arrays, refs } = buildIndex(ids.flatMap((id) => of.documents(id)))
  const built = new Map(ids.map((id) => [id, of.hashes.get(id) ?? '']))
  return { index: new PostingIndex(arrays), refs, built }
}

const ALL = [QUAD_BRIEFING.id, ASEAN_BRIEFING.id]

describe('facets and duplicates over numbered tables', () => {
  const single = createShardedSearch([shardOf(ALL)], library)

  it.each(['japan', 'sea', 'milit*', 'tag:defence', 'person:kishida modi'])(
    'counts %s as naming every hit would',
    async (query) => {
      const answer = await single.search({ query, take: 200 })
      expect(answer.total, query).toBeGreaterThan(0)
      expect(answer.hits).toHaveLength(answer.total)
      const briefing = new Counter()
      const entity = new Counter()
      const tag = new Counter()
      for (const hit of answer.hits) {
        const briefingOf = library.briefings.find((b) => b.id === hit.briefingId)!
        const section = briefingOf.sections.find((s) => s.id === hit.sectionId)!
        briefing.add(briefingOf.id, briefingOf.title)
        for (const id of new Set(section.mentions.map((m) => m.entity))) {
          const known = library.entities.get(id)
          if (known) entity.add(id, known.name)
        }
        for (const name of new Set([...section.tags, ...briefingOf.tags])) tag.add(name, name)
      }
      expect(answer.facets).toEqual({
        briefing: briefing.top(),
        entity: entity.top(),
        tag: tag.top(),
        color: []
      })
    }
  )

  it('counts a section held by two loaded shards once, from the first', async () => {
    const twice = createShardedSearch([shardOf(ALL), shardOf([ASEAN_BRIEFING.id])], library)
    for (const query of ['sea', 'japan', 'asean']) {
      const expected = await single.search({ query, take: 200 })
      const answer = await twice.search({ query, take: 200 })
      expect(answer.total, query).toBe(expected.total)
      expect(answer.hits, query).toEqual(expected.hits)
      expect(answer.facets, query).toEqual(expected.facets)
    }
  })
})

describe('facet lists once the tables are prepared', () => {
  it('lists what comparing labels lists, ties included', async () => {
    const tied = testLibrary([
      QUAD_BRIEFING,
      ASEAN_BRIEFING,
      ...['b', 'a', 'c', 'a'].map((title, n) => ({
        ...ASEAN_BRIEFING,
        id: `copy-${n}`,
        title: `Same ${title}`,
        sections: ASEAN_BRIEFING.sections.map((s) => ({ ...s, tags: [`t${n % 2}`] }))
      }))
    ])
    const tiedView = viewOf(tied)
    const shards = [shardOf([...tiedView.hashes.keys()], tiedView)]
    const pipeline = createSearchPipeline()
    const marker = createTermMarker(pipeline)
    const facetsOf = (query: string) =>
      searchShards(shards, tiedView, marker, { plan: planQuery(query, pipeline), take: 5 }).facets
    const queries = ['sea', 'japan', 'asean']
    const before = queries.map(facetsOf)
    // Ties in count, which the labels order.
    const counts = before[2]!.briefing.map((f) => f.count)
    expect(new Set(counts).size).toBeLessThan(counts.length)
    await tablesOf(tiedView).prepareFacets(() => true)
    expect(queries.map(facetsOf)).toEqual(before)
  })

  it('lists the most frequent values of more than a list holds, as naming every hit would', async () => {
    // 100 briefings of 1 to 5 sections (so counts 1 to 5) with titles and tags shared among them.
    const many: Library = {
      entities: new Map(),
      briefings: Array.from({ length: 100 }, (_, n) => ({
        ...ASEAN_BRIEFING,
        id: `b${n}`,
        title: `Report ${n % 17}`,
        tags: [],
        sections: Array.from({ length: 1 + ((n * 7) % 5) }, (_, s) => ({
          id: `s${s}`,
          heading: 'Port',
          text: 'The harbour was quiet.',
          tags: [`t${(n * 3 + s) % 45}`],
          mentions: []
        }))
      }))
    }
    const manyView = viewOf(many)
    const shards = [shardOf([...manyView.hashes.keys()], manyView)]
    const pipeline = createSearchPipeline()
    const plan = planQuery('harbour', pipeline)
    await tablesOf(manyView).prepareFacets(() => true)
    const answer = searchShards(shards, manyView, createTermMarker(pipeline), { plan, take: 500 })
    const briefing = new Counter()
    const tag = new Counter()
    for (const hit of answer.hits) {
      briefing.add(hit.briefingId, hit.briefingTitle)
      const section = many.briefings
        .find((b) => b.id === hit.briefingId)!
        .sections.find((s) => s.id === hit.sectionId)!
      for (const name of section.tags) tag.add(name, name)
    }
    expect(answer.hits).toHaveLength(answer.total)
    expect(briefing.all().length).toBeGreaterThan(FACET_LIMIT)
    expect(answer.facets).toEqual({
      briefing: briefing.top(),
      entity: [],
      tag: tag.top(),
      color: []
    })
  })
})

describe('tables made ahead of the first query', () => {
  // steppingSlice: the numbering gives a turn after each section.
  const briefings = Array.from({ length: 20 }, (_, i) => ({ ...QUAD_BRIEFING, id: `quad-${i}` }))

  it('number the sections as tables made at once do', async () => {
    const ahead = viewOf(testLibrary(briefings))
    const made = await prepareTables(ahead, () => true, steppingSlice())
    expect(made).toBe(tablesOf(ahead))
    const atOnce = tablesOf(viewOf(testLibrary(briefings)))
    expect(made!.sectionCount).toBe(atOnce.sectionCount)
    for (const entry of ahead.sections.values()) {
      expect(made!.serialOf(entry)).toBeGreaterThanOrEqual(0)
    }
  })

  it('hand back the tables a query made meanwhile, and stop when no longer wanted', async () => {
    const ahead = viewOf(testLibrary(briefings))
    const preparing = prepareTables(ahead, () => true, steppingSlice())
    await nextTurn()
    const byQuery = tablesOf(ahead)
    expect(await preparing).toBe(byQuery)
    const other = viewOf(testLibrary(briefings))
    expect(await prepareTables(other, () => false, steppingSlice())).toBeUndefined()
  })

  it('work out facet values giving a query that arrives meanwhile a turn before they are done', async () => {
    const tables = tablesOf(viewOf(testLibrary(briefings)))
    const preparing = tables.prepareFacets(() => true, steppingSlice())
    expect(await messageAndPass(preparing)).toEqual(['message', 'pass done'])
  })
})
