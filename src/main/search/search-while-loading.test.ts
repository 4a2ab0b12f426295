// The answer to a search while main still loads the library: the page the request asks for, from
// the index's text hits alone, and a status that says the library is still loading, even when the
// index has nothing pending (highlights and notes are not searched yet).

import { describe, expect, it } from 'vitest'

import type { SearchHit } from '../../shared/search'
import type { IndexHost } from './index-host'
import { searchWhileLoading } from './search-all'
import type { TextQuery } from './search-service'

const hit = (n: number) => ({ kind: 'text', sectionId: `s${n}`, score: 10 - n }) as SearchHit

function indexWith(count: number, asked: TextQuery[]): IndexHost {
  const search = async (query: TextQuery) => {
    asked.push(query)
    return {
      query: query.query,
      total: count,
      hits: Array.from({ length: Math.min(count, query.take ?? 20) }, (_, n) => hit(n)),
      facets: { briefing: [], entity: [], tag: [], color: [] },
      indexing: { indexedSections: 7, totalSections: 7, pendingBriefings: 0 }
    }
  }
  return { search } as unknown as IndexHost
}

describe('searchWhileLoading', () => {
  it('answers the page asked for from the text hits, saying the library is still loading', async () => {
    const asked: TextQuery[] = []
    const answer = await searchWhileLoading(indexWith(9, asked), {
      query: 'tokyo',
      offset: 2,
      limit: 3,
      filters: { tag: 'defence' }
    })
    expect(asked).toEqual([{ query: 'tokyo', filters: { tag: 'defence' }, take: 5 }])
    expect(answer.hits.map((h) => h.sectionId)).toEqual(['s2', 's3', 's4'])
    expect(answer).toMatchObject({ query: 'tokyo', total: 9, offset: 2 })
    expect(answer.indexing).toEqual({
      indexedSections: 7,
      totalSections: 7,
      pendingBriefings: 0,
      libraryLoading: true
    })
  })
})
