// A plan keeps what it asks of each shard between queries: each shard still answers from its own
// terms, and a fuzzy word still follows whatever the query's expander says now (the library's
// words, once collected, change its expansion).

import { describe, expect, it } from 'vitest'

import type { PostingIndex } from './posting-index'
import { matchShard } from './posting-query'
import { planQuery } from './query-plan'
import { shardQueryOf } from './shard-query'
import { createSearchPipeline } from './section-index'
import { shardOf } from '../../test-support/in-memory-search'

function shard(...sections: [heading: string, body: string][]): PostingIndex {
  return shardOf(sections.map(([heading, body]) => ({ heading, body })))
}

const pipeline = createSearchPipeline()
const found = (index: PostingIndex, query: string, expand?: () => string[]): number[] =>
  [...matchShard(index, planQuery(query, pipeline).scoring, expand).documents].sort()

describe('a plan on several shards', () => {
  const ports = shard(['Harbour works', 'cranes'], ['Tariffs', 'the harbour wall'])
  const fleet = shard(['Convoys', 'barges'], ['Harbour pilots', 'tugs'], ['Escorts', 'frigates'])
  const inland = shard(['Canals', 'locks and barges'])

  it('answers each shard from its own terms, query after query', () => {
    for (let run = 0; run < 2; run++) {
      expect(found(ports, 'heading:harbour')).toEqual([0])
      expect(found(fleet, 'heading:harbour')).toEqual([1])
      expect(found(inland, 'heading:harbour')).toEqual([])
      expect(found(ports, '+barges -locks')).toEqual([])
      expect(found(fleet, '+barges -locks')).toEqual([0])
      expect(found(inland, '+barges -locks')).toEqual([])
    }
  })

  it("expands a fuzzy word by the expander of each query, not by an earlier query's", () => {
    expect(found(fleet, 'tugz~1', () => ['tug'])).toEqual([1])
    expect(found(fleet, 'tugz~1', () => ['frigat'])).toEqual([2])
    expect(found(fleet, 'tugz~1', () => [])).toEqual([])
  })

  it('keeps what a plan asks of a shard only while it is small, prohibited slots included', () => {
    const noExpander = () => []
    const kept = (index: PostingIndex, query: string) => {
      const { scoring } = planQuery(query, pipeline)
      return shardQueryOf(index, scoring, noExpander) === shardQueryOf(index, scoring, noExpander)
    }
    expect(kept(ports, 'heading:harbour')).toBe(true)
    // Four hundred words starting with "s": `-s*` looks at each of them in every field.
    const words = Array.from({ length: 400 }, (_, i) => `s${i.toString(36)}x`).join(' ')
    const wide = shard(['Harbour', words])
    expect(kept(wide, 'harbour -s*')).toBe(false)
    expect(found(wide, 'harbour -s*')).toEqual([])
  })
})
