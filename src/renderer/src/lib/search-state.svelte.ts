// Search-as-you-type: debounces the query, ignores responses to stale queries (sequence number)
// and keeps the results, the error for the analyst and the keyboard-active hit; lets the menu's
// Find focus the box.

import type { SearchHit, SearchRequest, SearchResponse } from '../../../shared/ipc-contract'
import { api, ApiError } from './api'

export const SEARCH_DEBOUNCE_MS = 120
export const SEARCH_LIMIT = 50

export interface SearchProblem {
  /** True for a query the index cannot parse; the message then tells the analyst why. */
  syntax: boolean
  message: string
}

type SearchFn = (request: SearchRequest) => Promise<SearchResponse>

export class SearchState {
  /** What is in the box. */
  query = $state('')
  /** The response to the latest query that has answered (null when cleared). */
  response = $state.raw<SearchResponse | null>(null)
  problem = $state.raw<SearchProblem | null>(null)
  /** True while the latest query has not answered yet. */
  pending = $state(false)
  /** Whether the results panel is shown (the box has focus and a query). */
  open = $state(false)
  /** Index of the keyboard-highlighted hit, or -1. */
  active = $state(-1)

  hits: SearchHit[] = $derived(this.response?.hits ?? [])
  activeHit: SearchHit | null = $derived(this.hits[this.active] ?? null)

  #seq = 0
  #timer: ReturnType<typeof setTimeout> | undefined
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
    const seq = ++this.#seq
    clearTimeout(this.#timer)
    if (query.trim() === '') {
      this.response = null
      this.problem = null
      this.pending = false
      this.active = -1
      return
    }
    this.open = true
    this.pending = true
    // A message about the previous query must not stand for this one while it runs.
    this.problem = null
    this.#timer = setTimeout(() => void this.#run(query, seq), SEARCH_DEBOUNCE_MS)
  }

  async #run(query: string, seq: number): Promise<void> {
    try {
      const response = await this.#search({ query: query.trim(), limit: SEARCH_LIMIT })
      if (seq !== this.#seq) return
      this.response = response
      this.problem = null
      this.active = response.hits.length > 0 ? 0 : -1
    } catch (error) {
      if (seq !== this.#seq) return
      this.response = null
      this.active = -1
      this.problem =
        error instanceof ApiError && error.code === 'query-syntax'
          ? { syntax: true, message: error.message }
          : { syntax: false, message: `Search failed: ${messageOf(error)}` }
    } finally {
      if (seq === this.#seq) this.pending = false
    }
  }

  /** Moves the keyboard highlight by `delta`, wrapping around. */
  move(delta: number): void {
    const count = this.hits.length
    if (count === 0) return
    this.open = true
    this.active =
      this.active < 0 ? (delta > 0 ? 0 : count - 1) : (this.active + delta + count) % count
  }

  /** Empties the box and forgets results; pending responses are ignored. */
  clear(): void {
    this.setQuery('')
    this.open = false
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
