// Fuzzy words and wildcards inside words are expanded once against the terms of all loaded
// shards; each shard keeps only the terms it has. A changed set of shards gets a new union.

import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import type { PostingIndex } from './posting-index'
import { shardOf } from '../../test-support/in-memory-search'
import { mergedTerms, prepareTermUnion, termUnionOf } from './term-union'
import { seededRandom } from '../../test-support/crash-steps'

function shard(...bodies: string[]): PostingIndex {
  return shardOf(bodies.map((body) => ({ body })))
}

const fuzzy = (term: string, editDistance: number): lunr.Query.Clause => ({
  term,
  editDistance,
  fields: ['body'],
  boost: 1,
  usePipeline: false,
  wildcard: lunr.Query.wildcard.NONE
})

describe('term union', () => {
  const harbour = shard('the harbour wall', 'a harbor pilot')
  const cargo = shard('cargo in the harbours', 'barges and cargos')
  const convoy = shard('a convoy of barges')

  it('expands against the terms of every shard, once', () => {
    expect(termUnionOf([harbour, cargo]).expand(fuzzy('harbor', 1)).sort()).toEqual([
      'harbor',
      'harbour'
    ])
    expect(termUnionOf([harbour, cargo]).expand(fuzzy('cargo', 1))).toEqual(['cargo'])
    expect(termUnionOf([cargo, harbour])).toBe(termUnionOf([harbour, cargo]))
  })

  it('is made again when the set of shards changes', () => {
    const before = termUnionOf([harbour, cargo])
    const after = termUnionOf([harbour, convoy])
    expect(after).not.toBe(before)
    expect(after.expand(fuzzy('convy', 1))).toEqual(['convoy'])
    expect(after.expand(fuzzy('cargo', 1))).toEqual([])
  })

  it('expands a wildcard inside a word as lunr’s token set does', () => {
    const wildcard: lunr.Query.Clause = { ...fuzzy('ha*r', 0) }
    // lunr reads a clause with an edit distance, even 0, as fuzzy, which treats "*" otherwise.
    delete (wildcard as Partial<lunr.Query.Clause>).editDistance
    expect(termUnionOf([harbour, cargo]).expand(wildcard).sort()).toEqual(['harbor', 'harbour'])
  })

  it('can be made ahead in slices, and gives up when the shards change meanwhile', async () => {
    await prepareTermUnion([convoy, cargo], () => true)
    const prepared = termUnionOf([cargo, convoy])
    expect(prepared.expand(fuzzy('convy', 1))).toEqual(['convoy'])
    expect(prepared.expand(fuzzy('cargos', 1))).toEqual(['cargo'])
    await prepareTermUnion([harbour, convoy], () => false)
    expect(termUnionOf([convoy, cargo])).toBe(prepared)
  })
})

describe('mergedTerms', () => {
  it("lists every shard's terms once, in code-unit order, as one sort of them all would", () => {
    const random = seededRandom(5)
    const letters = ['a', 'b', 'z', 'é', 'Z', '1', 'ǆ', '\u{1F600}']
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => letters[Math.floor(random() * 8)]
      ).join('')
    for (let round = 0; round < 50; round++) {
      const lists = Array.from({ length: Math.floor(random() * 6) }, () =>
        [...new Set(Array.from({ length: Math.floor(random() * 30) }, word))].sort()
      )
      const indexes = lists.map((terms) => ({ terms }) as unknown as PostingIndex)
      expect([...mergedTerms(indexes)]).toEqual([...new Set(lists.flat())].sort())
    }
  })
})
