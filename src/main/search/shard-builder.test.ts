// A shard built from the library's documents gives queries a turn while it is built, and the turns
// change nothing in what it holds.

import { describe, expect, it } from 'vitest'

import type { IndexCache } from './index-cache'
import { viewOf } from './search-view'
import { createSearchPipeline } from './section-index'
import { ShardBuilder } from './shard-builder'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'
import { messageAndPass, steppingSlice, stillSlice } from '../../test-support/time-slices'

const briefings = Array.from({ length: 10 }, (_, i) => [
  { ...QUAD_BRIEFING, id: `quad-${i}` },
  { ...ASEAN_BRIEFING, id: `asean-${i}` }
]).flat()
const view = viewOf(testLibrary(briefings))
const ids = briefings.map((b) => b.id)

/** A builder over `view`; postings() reads nothing but the view (no cache, no plan). */
function builder(): ShardBuilder {
  return new ShardBuilder({} as IndexCache, createSearchPipeline(), {
    view: () => view,
    targets: () => [],
    loaded: new Map(),
    counts: { built: 0, fromCache: 0 },
    closed: () => false
  })
}

describe('ShardBuilder.postings', () => {
  it('answers a query that arrives while a shard of a few long sections is built, before it is done', async () => {
    // Two briefings: fewer documents than any count of documents between turns would have let by.
    const few = ids.slice(0, 2)
    expect(few.flatMap((id) => view.documents(id)).length).toBeLessThan(25)
    // A turn after every document.
    const building = builder().postings(few, steppingSlice())
    expect(await messageAndPass(building)).toEqual(['message', 'pass done'])
  })

  it('holds the same postings and refs whether it gave turns or not', async () => {
    const sliced = await builder().postings(ids, steppingSlice())
    const whole = await builder().postings(ids, stillSlice())
    expect(sliced.refs).toEqual(whole.refs)
    expect(sliced.refs.length).toBe(view.sections.size)
    expect(sliced.arrays).toEqual(whole.arrays)
  })
})
