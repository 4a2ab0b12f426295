// Search-as-you-type: debounces the query, narrows it by facet filters, pages with "load more",
// re-asks while the index is still building, and drops every response to a request that is no
// longer the latest (one sequence number for all of them); keeps the keyboard-active hit.

import type {
  FacetCount,
  IndexStatus,
  SearchFacets,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResponse
} from '../../../shared/search'
import { MAX_SEARCH_OFFSET } from '../../../shared/ipc-validators'
import { api, ApiError } from './api'
import { messageOf } from './errors'
import { groupHits, hitKey } from './search-rows'

export const SEARCH_DEBOUNCE_MS = 120
export const SEARCH_PAGE_SIZE = 50
/** How often the query is asked again while main says the index is still building. */
export const INDEXING_POLL_MS = 1000
/**
 * How soon, while the answer has no hits yet: at a start the index answers from its first cached
 * shards within a tenth of a second or two, and a search sent just before waited a second.
 * Doubled at each empty answer up to INDEXING_POLL_MS: a query that finds nothing during a long
 * first build is not asked ten times a second.
 */
export const EMPTY_POLL_MS = 100
/** The largest page main answers (the contract's limit). */
const MAX_LIMIT = 200

export interface SearchProblem {
  /** True for a query the index cannot parse; the message then tells the analyst why. */
  syntax: boolean
  message: string
}

export type FacetKind = keyof SearchFacets

/** A filter the analyst chose from a facet; `label` is what its chip says. */
export interface ActiveFilter {
  kind: FacetKind
  value: string
  label: string
}

const FILTER_KEYS: Record<FacetKind, keyof SearchFilters> = {
  briefing: 'briefingId',
  entity: 'entityId',
  tag: 'tag',
  color: 'color'
}

type SearchFn = (request: SearchRequest) => Promise<SearchResponse>
/** replace: a new query or filter; append: load more; refresh: the same query again. */
type RunMode = 'replace' | 'append' | 'refresh'

export class SearchState {
  /** What is in the box. */
  query = $state('')
  /** Facet filters, at most one per kind; kept while the query changes, dropped by clear(). */
  filters = $state.raw<ActiveFilter[]>([])
  /** The latest answered response: total, facets, index status (its hits are the last page). */
  response = $state.raw<SearchResponse | null>(null)
  problem = $state.raw<SearchProblem | null>(null)
  /** Why the last "load more" failed, shown beside the button; the results stay. */
  moreProblem = $state('')
  /** True while the latest query (or filter change) has not answered yet. */
  pending = $state(false)
  /** True while a "load more" is on its way. */
  loadingMore = $state(false)
  /** Whether the results panel is shown (the box has focus and a query). */
  open = $state(false)
  /** Index of the keyboard-highlighted hit in display order, or -1. */
  active = $state(-1)

  /** Every hit loaded so far, in rank order. */
  #loaded = $state.raw<SearchHit[]>([])
  #grouped = $derived(groupHits(this.#loaded, this.response?.facets.briefing ?? []))
  /** Group and hit rows, in the order the panel lists them. */
  rows = $derived(this.#grouped.rows)
  /** Loaded hits in display order (grouped by briefing). */
  hits: SearchHit[] = $derived(this.#grouped.ordered)
  activeHit: SearchHit | null = $derived(this.hits[this.active] ?? null)
  total = $derived(this.response?.total ?? 0)
  canLoadMore = $derived(
    this.response !== null &&
      !this.pending &&
      this.#loaded.length < this.response.total &&
      this.#loaded.length <= MAX_SEARCH_OFFSET
  )
  /** The index status while main is still indexing, else null. */
  indexing = $derived(
    this.response && stillIndexing(this.response.indexing) ? this.response.indexing : null
  )

  #seq = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #pollTimer: ReturnType<typeof setTimeout> | undefined
  #focusBox: (() => void) | null = null
  readonly #search: SearchFn

  constructor(search: SearchFn = api.search) {
    this.#search = search
  }

  /** The search box registers how to focus it; returns the function that unregisters it. */
  attachBox(focus: () => void): () => void {
    this.#focusBox = focus
    return () => {
      if (this.#focusBox === focus) this.#focusBox = null
    }
  }

  /** Focuses the search box with its text selected (Edit ▸ Find, like "/"). */
  focus(): void {
    this.#focusBox?.()
  }

  /** Sets the query and schedules a search; an empty query clears the results at once. */
  setQuery(query: string): void {
    this.query = query
    const seq = this.#restart()
    if (query.trim() === '') {
      this.response = null
      this.#loaded = []
      this.problem = null
      this.pending = false
      this.active = -1
      return
    }
    this.open = true
    this.pending = true
    // A message about the previous query must not stand for this one while it runs.
    this.problem = null
    this.#timer = setTimeout(
      () => void this.#run('replace', this.#request(0), seq),
      SEARCH_DEBOUNCE_MS
    )
  }

  /** Narrows the results to one facet value (replacing a filter of the same kind). */
  setFilter(kind: FacetKind, facet: FacetCount): void {
    const others = this.filters.filter((f) => f.kind !== kind)
    this.#applyFilters([...others, { kind, value: facet.value, label: facet.label }])
  }

  removeFilter(kind: FacetKind): void {
    this.#applyFilters(this.filters.filter((f) => f.kind !== kind))
  }

  /** True when `value` is the active filter of its kind. */
  isFiltered(kind: FacetKind, value: string): boolean {
    return this.filters.some((f) => f.kind === kind && f.value === value)
  }

  /** Asks for the next page of the same query and filters and appends it. */
  loadMore(): void {
    if (!this.canLoadMore || this.loadingMore) return
    const seq = this.#restart()
    this.loadingMore = true
    this.moreProblem = ''
    void this.#run('append', this.#request(this.#loaded.length), seq)
  }

  /** Moves the keyboard highlight by `delta`, wrapping around. */
  move(delta: number): void {
    const count = this.hits.length
    if (count === 0) return
    this.open = true
    this.active =
      this.active < 0 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count
  }

  /** Empties the box, drops the filters and forgets results; pending responses are ignored. */
  clear(): void {
    this.filters = []
    this.setQuery('')
    this.open = false
  }

  #applyFilters(filters: ActiveFilter[]): void {
    this.filters = filters
    if (this.query.trim() === '') return
    const seq = this.#restart()
    this.pending = true
    this.problem = null
    void this.#run('replace', this.#request(0), seq)
  }

  /** Makes every earlier request stale and cancels the scheduled ones; returns the new number. */
  #restart(): number {
    clearTimeout(this.#timer)
    clearTimeout(this.#pollTimer)
    this.loadingMore = false
    return ++this.#seq
  }

  #request(offset: number, limit = SEARCH_PAGE_SIZE): SearchRequest {
    const request: SearchRequest = { query: this.query.trim(), limit, offset }
    if (this.filters.length > 0) {
      const filters: SearchFilters = {}
      for (const f of this.filters)
        (filters as Record<string, string>)[FILTER_KEYS[f.kind]] = f.value
      request.filters = filters
    }
    return request
  }

  async #run(mode: RunMode, request: SearchRequest, seq: number): Promise<void> {
    try {
      const response = await this.#search(request)
      if (seq !== this.#seq) return
      this.#apply(mode, response)
      this.problem = null
      if (mode === 'replace') this.#emptyPollMs = EMPTY_POLL_MS
      if (stillIndexing(response.indexing)) {
        const empty = response.total === 0
        this.#schedulePoll(empty ? this.#emptyPollMs : INDEXING_POLL_MS)
        if (empty) this.#emptyPollMs = Math.min(INDEXING_POLL_MS, this.#emptyPollMs * 2)
      }
    } catch (error) {
      if (seq !== this.#seq) return
      if (mode === 'append') {
        this.moreProblem = `Could not load more: ${messageOf(error)}`
        return
      }
      this.response = null
      this.#loaded = []
      this.active = -1
      this.problem =
        error instanceof ApiError && error.code === 'query-syntax'
          ? { syntax: true, message: error.message }
          : { syntax: false, message: `Search failed: ${messageOf(error)}` }
    } finally {
      if (seq === this.#seq) {
        this.pending = false
        this.loadingMore = false
      }
    }
  }

  #apply(mode: RunMode, response: SearchResponse): void {
    const activeKey = this.activeHit ? hitKey(this.activeHit) : null
    this.response = response
    this.#loaded = mode === 'append' ? [...this.#loaded, ...response.hits] : response.hits
    if (mode === 'replace' || activeKey === null) {
      this.active = this.hits.length > 0 ? 0 : -1
      return
    }
    // Paging and refreshing may regroup the list: keep the same hit active, not the same index.
    const kept = this.hits.findIndex((hit) => hitKey(hit) === activeKey)
    this.active = kept >= 0 ? kept : Math.min(this.active, this.hits.length - 1)
  }

  #emptyPollMs = EMPTY_POLL_MS

  /** While main is still indexing, the same query is asked again (main sends no events). */
  #schedulePoll(delayMs: number): void {
    clearTimeout(this.#pollTimer)
    this.#pollTimer = setTimeout(() => {
      if (this.query.trim() === '') return
      // A closed panel or a request in flight waits for the next tick rather than racing it
      // (a second, not the quicker ask of an empty answer: nothing is shown meanwhile).
      if (!this.open || this.pending || this.loadingMore) {
        return this.#schedulePoll(INDEXING_POLL_MS)
      }
      const seq = ++this.#seq
      const limit = Math.min(MAX_LIMIT, Math.max(SEARCH_PAGE_SIZE, this.#loaded.length))
      void this.#run('refresh', this.#request(0, limit), seq)
    }, delayMs)
  }
}

/** Sections still to index, or the library still loading (highlights and notes not searched). */
function stillIndexing(status: IndexStatus): boolean {
  return status.pendingBriefings > 0 || status.libraryLoading === true
}
