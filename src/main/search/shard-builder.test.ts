// A shard built from the library's documents gives queries a turn while it is built, and the turns
// change nothing in what it holds.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { describe, expect, it } from 'vitest'

import type { IndexCache } from './index-cache'
import { viewOf } from './search-view'
import { createSearchPipeline } from './section-index'
import { ShardBuilder } from './shard-builder'
import { TimeSlice } from '../time-slice'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'

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

// A clock a millisecond further at every look: a turn after every document.
function stepping(): TimeSlice {
  let clock = 0
  return new TimeSlice(() => clock++)
}

describe('ShardBuilder.postings', () => {
  it('answers a query that arrives while a shard of a few long sections is built, before it is done', async () => {
    // Two briefings: fewer documents than any count of documents between turns would have let by.
    const few = ids.slice(0, 2)
    expect(few.flatMap((id) => view.documents(id)).length).toBeLessThan(25)
    const order: string[] = []
    const building = builder().postings(few, stepping())
    void nextTurn().then(() => order.push('query answered'))
    void building.then(() => order.push('shard built'))
    await building
    await nextTurn()
    expect(order).toEqual(['query answered', 'shard built'])
  })

  it('holds the same postings and refs whether it gave turns or not', async () => {
    const sliced = await builder().postings(ids, stepping())
    // A clock that never moves: the slice is never due.
    const whole = await builder().postings(ids, new TimeSlice(() => 0))
    expect(sliced.refs).toEqual(whole.refs)
    expect(sliced.refs.length).toBe(view.sections.size)
    expect(sliced.arrays).toEqual(whole.arrays)
  })
})
