// Unit tests of the search state: debounced typing, stale responses dropped (also for load more
// and filters), paging that appends, filters sent and kept, re-asking while main is indexing.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { SearchHit, SearchRequest, SearchResponse } from '../../../shared/search'
import { ApiError } from './api'
import {
  EMPTY_POLL_MS,
  INDEXING_POLL_MS,
  SEARCH_DEBOUNCE_MS,
  SEARCH_PAGE_SIZE,
  SearchState
} from './search-state.svelte'

/** A fake main: records requests and answers each when the test says so. */
class FakeMain {
  requests: SearchRequest[] = []
  #answers: { resolve: (r: SearchResponse) => void; reject: (e: unknown) => void }[] = []

  readonly search = (request: SearchRequest): Promise<SearchResponse> => {
    this.requests.push(request)
    return new Promise((resolve, reject) => this.#answers.push({ resolve, reject }))
  }

  /** Answers request `i` (default: the latest) and lets the state apply it. */
  async answer(response: Partial<SearchResponse> & { hits: SearchHit[] }, i = -1): Promise<void> {
    const request = this.requests.at(i)!
    this.#answers.at(i)!.resolve({
      query: request.query,
      total: response.hits.length,
      offset: request.offset ?? 0,
      facets: { briefing: [], entity: [], tag: [], color: [] },
      indexing: { indexedSections: 10, totalSections: 10, pendingBriefings: 0 },
      ...response
    })
    await vi.advanceTimersByTimeAsync(0)
  }

  async fail(error: unknown, i = -1): Promise<void> {
    this.#answers.at(i)!.reject(error)
    await vi.advanceTimersByTimeAsync(0)
  }
}

function hit(sectionId: string, briefingId = 'b1'): SearchHit {
  return {
    kind: 'text',
    briefingId,
    briefingTitle: `Briefing ${briefingId}`,
    sectionId,
    heading: `Heading ${sectionId}`,
    score: 1,
    fields: ['body'],
    snippet: [{ text: sectionId, mark: true }],
    matches: []
  }
}

function hits(prefix: string, count: number): SearchHit[] {
  return Array.from({ length: count }, (_, i) => hit(`${prefix}${i}`))
}

let main: FakeMain
let search: SearchState
beforeEach(() => {
  vi.useFakeTimers()
  main = new FakeMain()
  search = new SearchState(main.search)
})
afterEach(() => {
  vi.useRealTimers()
})

async function typed(query: string): Promise<void> {
  search.setQuery(query)
  await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
}

describe('SearchState typing', () => {
  it('asks main once, for the last of several quick keystrokes', async () => {
    search.setQuery('j')
    search.setQuery('ja')
    search.setQuery('japan ')
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
    expect(main.requests).toEqual([{ query: 'japan', limit: SEARCH_PAGE_SIZE, offset: 0 }])
  })

  it('keeps the results of the last query when an earlier one answers after it', async () => {
    await typed('tokyo')
    await typed('kishida')
    await main.answer({ hits: [hit('kishida-section')] }, 1)
    await main.answer({ hits: [hit('tokyo-section')] }, 0)
    expect(search.hits.map((h) => h.sectionId)).toEqual(['kishida-section'])
    expect(search.response?.query).toBe('kishida')
    expect(search.pending).toBe(false)
  })

  it('shows a syntax problem for the query that caused it, and clears it on the next query', async () => {
    await typed('title:')
    await main.fail(new ApiError('query-syntax', 'No field "title"'))
    expect(search.problem).toEqual({ syntax: true, message: 'No field "title"' })
    search.setQuery('tokyo')
    expect(search.problem).toBeNull()
  })
})

describe('SearchState paging', () => {
  it('loads the next page of the same query and filters and appends it', async () => {
    await typed('japan')
    await main.answer({ total: 120, hits: hits('a', 50) })
    search.setFilter('tag', { value: 'defence', label: 'defence', count: 80 })
    await main.answer({ total: 80, hits: hits('a', 50) })
    expect(search.canLoadMore).toBe(true)
    search.loadMore()
    expect(main.requests.at(-1)).toEqual({
      query: 'japan',
      limit: SEARCH_PAGE_SIZE,
      offset: 50,
      filters: { tag: 'defence' }
    })
    await main.answer({ total: 80, hits: hits('b', 30) })
    expect(search.hits).toHaveLength(80)
    expect(search.hits.at(-1)?.sectionId).toBe('b29')
    expect(search.canLoadMore).toBe(false)
  })

  it('drops a page that answers after the query changed', async () => {
    await typed('japan')
    await main.answer({ total: 120, hits: hits('a', 50) })
    search.loadMore()
    await typed('india')
    await main.answer({ total: 2, hits: hits('india', 2) })
    await main.answer({ total: 120, hits: hits('b', 50) }, 1)
    expect(search.hits.map((h) => h.sectionId)).toEqual(['india0', 'india1'])
    expect(search.loadingMore).toBe(false)
  })

  it('keeps the active hit when a page regroups the list', async () => {
    await typed('japan')
    await main.answer({ total: 4, hits: [hit('x', 'b1'), hit('y', 'b2')] })
    search.move(1)
    expect(search.activeHit?.sectionId).toBe('y')
    search.loadMore()
    // A second hit of briefing b1 is listed in b1's group, above y.
    await main.answer({ total: 4, hits: [hit('z', 'b1'), hit('w', 'b3')] })
    expect(search.hits.map((h) => h.sectionId)).toEqual(['x', 'z', 'y', 'w'])
    expect(search.activeHit?.sectionId).toBe('y')
  })
})

describe('SearchState filters', () => {
  it('sends the chosen filters, keeps them while the query changes, and clear() drops them', async () => {
    await typed('japan')
    await main.answer({ hits: hits('a', 3) })
    search.setFilter('entity', { value: 'fumio-kishida', label: 'Fumio Kishida', count: 2 })
    search.setFilter('color', { value: 'green', label: 'green', count: 1 })
    expect(main.requests.at(-1)?.filters).toEqual({ entityId: 'fumio-kishida', color: 'green' })
    await typed('tokyo')
    expect(main.requests.at(-1)).toEqual({
      query: 'tokyo',
      limit: SEARCH_PAGE_SIZE,
      offset: 0,
      filters: { entityId: 'fumio-kishida', color: 'green' }
    })
    search.removeFilter('entity')
    expect(main.requests.at(-1)?.filters).toEqual({ color: 'green' })
    search.clear()
    expect(search.filters).toEqual([])
    await typed('modi')
    expect(main.requests.at(-1)?.filters).toBeUndefined()
  })

  it('drops the answer to a query made stale by a filter click', async () => {
    await typed('japan')
    search.setFilter('briefing', { value: 'b2', label: 'Briefing b2', count: 1 })
    await main.answer({ hits: [hit('only-b2', 'b2')] }, 1)
    await main.answer({ hits: hits('unfiltered', 5) }, 0)
    expect(search.hits.map((h) => h.sectionId)).toEqual(['only-b2'])
  })
})

describe('SearchState while main is indexing', () => {
  const building = { indexedSections: 4, totalSections: 10, pendingBriefings: 2 }

  it('asks again while main still loads the library, though the index has nothing pending', async () => {
    const loading = {
      indexedSections: 10,
      totalSections: 10,
      pendingBriefings: 0,
      libraryLoading: true
    }
    await typed('japan')
    await main.answer({ hits: hits('a', 1), indexing: loading })
    expect(search.indexing).toEqual(loading)
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS)
    expect(main.requests).toHaveLength(2)
    await main.answer({ hits: hits('a', 3) })
    expect(search.indexing).toBeNull()
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS * 3)
    expect(main.requests).toHaveLength(2)
  })

  it('asks the same query again about once a second until the index is complete', async () => {
    await typed('japan')
    search.setFilter('tag', { value: 'quad', label: 'quad', count: 1 })
    await main.answer({ hits: hits('a', 1), indexing: building })
    expect(search.indexing).toEqual(building)
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS)
    expect(main.requests).toHaveLength(3)
    expect(main.requests.at(-1)).toEqual(main.requests.at(-2))
    await main.answer({ hits: hits('a', 3) })
    expect(search.hits).toHaveLength(3)
    expect(search.indexing).toBeNull()
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS * 3)
    expect(main.requests).toHaveLength(3)
  })

  it('asks again within a tenth of a second while the index has found nothing yet, then less often', async () => {
    await typed('japan')
    await main.answer({ total: 0, hits: [], indexing: building })
    await vi.advanceTimersByTimeAsync(EMPTY_POLL_MS - 1)
    expect(main.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(main.requests).toHaveLength(2)
    // Nothing again: twice as long before the next.
    await main.answer({ total: 0, hits: [], indexing: building })
    await vi.advanceTimersByTimeAsync(2 * EMPTY_POLL_MS - 1)
    expect(main.requests).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(main.requests).toHaveLength(3)
    // Hits shown: the index goes on, and the query is asked again about once a second.
    await main.answer({ hits: hits('a', 1), indexing: building })
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS - 1)
    expect(main.requests).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(main.requests).toHaveLength(4)
    // A new query starts again at a tenth of a second.
    await typed('tokyo')
    await main.answer({ total: 0, hits: [], indexing: building })
    await vi.advanceTimersByTimeAsync(EMPTY_POLL_MS)
    expect(main.requests).toHaveLength(6)
  })

  it('waits a second, not a tenth, while the panel is closed on an empty answer', async () => {
    await typed('japan')
    await main.answer({ total: 0, hits: [], indexing: building })
    search.open = false
    await vi.advanceTimersByTimeAsync(EMPTY_POLL_MS)
    search.open = true
    // The closed panel put the next ask a second away.
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS - 1)
    expect(main.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(main.requests).toHaveLength(2)
  })

  it('does not ask while the panel is closed, and stops on clear', async () => {
    await typed('japan')
    await main.answer({ hits: hits('a', 1), indexing: building })
    search.open = false
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS * 2)
    expect(main.requests).toHaveLength(1)
    search.open = true
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS)
    expect(main.requests).toHaveLength(2)
    await main.answer({ hits: hits('a', 2), indexing: building })
    search.clear()
    await vi.advanceTimersByTimeAsync(INDEXING_POLL_MS * 3)
    expect(main.requests).toHaveLength(2)
  })
})

describe('SearchState keyboard', () => {
  it('moves through hits in the grouped order the panel shows', async () => {
    await typed('japan')
    await main.answer({ hits: [hit('x', 'b1'), hit('y', 'b2'), hit('z', 'b1')] })
    expect(search.rows.map((r) => (r.type === 'group' ? r.briefingId : r.hit.sectionId))).toEqual([
      'b1',
      'x',
      'z',
      'b2',
      'y'
    ])
    const seen = [search.activeHit?.sectionId]
    for (let i = 0; i < 3; i++) {
      search.move(1)
      seen.push(search.activeHit?.sectionId)
    }
    expect(seen).toEqual(['x', 'z', 'y', 'x'])
  })
})
