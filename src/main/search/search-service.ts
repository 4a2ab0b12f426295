// The text search callers use: async, plain data in and out, so it runs the same whether the
// index lives in the index process (the app, the CLI) or in the caller's thread (tests).

import type { SearchFilters, SearchResponse } from '../../shared/search'

export interface TextQuery {
  query: string
  filters?: SearchFilters
  /** How many of the best hits to return (20 when not given). */
  take?: number
}

export type TextResponse = Omit<SearchResponse, 'offset'>

export interface SearchService {
  /**
   * The `take` best sections for the query, with the total and facet counts over all of them. A
   * query that cannot be parsed rejects with AppError('query-syntax', <message for the analyst>);
   * nothing else is thrown for input.
   */
  search(query: TextQuery): Promise<TextResponse>
}
