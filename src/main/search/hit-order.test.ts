// Hits of equal score are listed in section-ref order, whether the search has been prepared (ties
// then compare ranks of the refs) or not, and after an import added sections since.

import { describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import type { Library } from '../library/library'
import { buildIndex } from '../../test-support/in-memory-search'
import { createTermMarker } from './mark-terms'
import { PostingIndex } from './posting-index'
import { planQuery } from './query-plan'
import { viewByDifference, viewOf } from './search-view'
import type { LibraryView } from './search-view'
import { createSearchPipeline, sectionRef } from './section-index'
import { prepareSearch, searchShards } from './text-search'
import type { LoadedShard } from './text-search'
import { carryQueryTables } from './view-delta'

const pipeline = createSearchPipeline()
const marker = createTermMarker(pipeline)

/** A briefing whose sections all read alike: a word they hold scores each the same. */
function briefing(id: string, sections: number): Briefing {
  return {
    id,
    title: `Report ${id}`,
    source: 'test',
    published: '2024-01-01',
    tags: [],
    sections: Array.from({ length: sections }, (_, i) => ({
      id: `s${i + 1}`,
      heading: 'Port',
      text: 'The harbour was quiet.',
      tags: [],
      mentions: []
    }))
  }
}

function shardOf(view: LibraryView, ids: readonly string[]): LoadedShard {
  const { arrays, refs } = buildIndex(ids.flatMap((id) => view.documents(id)))
  const built = new Map(ids.map((id) => [id, view.hashes.get(id) ?? '']))
  return { index: new PostingIndex(arrays), refs, built }
}

/** The refs of the hits of a word every section holds, all of one score (shards of one size). */
function refsFound(shards: LoadedShard[], view: LibraryView, take: number): string[] {
  const plan = planQuery('harbour', pipeline)
  const { hits } = searchShards(shards, view, marker, { plan, take })
  expect(new Set(hits.map((hit) => hit.score)).size).toBe(1)
  return hits.map((hit) => sectionRef(hit.briefingId, hit.sectionId))
}

const sorted = (refs: Iterable<string>): string[] => [...refs].sort()

describe('hits of equal score', () => {
  // Briefings and sections out of ref order ("s10" sorts before "s2"), over two shards.
  const library: Library = {
    briefings: [briefing('m', 12), briefing('b', 3), briefing('z', 2), briefing('a', 11)],
    entities: new Map()
  }

  it('come in ref order before and after the search is prepared, however many are taken', async () => {
    const view = viewOf(library)
    const shards = [shardOf(view, ['m', 'z']), shardOf(view, ['b', 'a'])]
    const all = sorted(view.sections.keys())
    expect(refsFound(shards, view, 20)).toEqual(all.slice(0, 20))
    await prepareSearch(shards, view, () => true)
    expect(refsFound(shards, view, 20)).toEqual(all.slice(0, 20))
    expect(refsFound(shards, view, 5)).toEqual(all.slice(0, 5))
    expect(refsFound(shards, view, 300)).toEqual(all)
  })

  it('come in ref order with sections an import added since the search was prepared', async () => {
    const view = viewOf(library)
    const shards = [shardOf(view, ['m', 'z', 'b', 'a'])]
    await prepareSearch(shards, view, () => true)
    const imported: Library = {
      briefings: [...library.briefings, briefing('c', 20), briefing('aa', 8)],
      entities: new Map()
    }
    const delta = viewByDifference(view, imported)!
    carryQueryTables(view, delta, shards)
    const next = delta.view
    const withImport = [...shards, shardOf(next, ['c', 'aa'])]
    const all = sorted(next.sections.keys())
    expect(refsFound(withImport, next, 20)).toEqual(all.slice(0, 20))
    await prepareSearch(withImport, next, () => true)
    expect(refsFound(withImport, next, 60)).toEqual(all)
  })
})
