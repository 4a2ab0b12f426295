// The search interface callers use. It is async and takes/returns plain data so the index can
// later move to its own process (issue #5) without touching callers.

import type { SearchRequest, SearchResponse } from '../../shared/ipc-contract'

export interface SearchService {
  /**
   * Runs a lunr query over one document per section. A query lunr cannot parse rejects with
   * AppError('query-syntax', <message for the analyst>); it never throws anything else for input.
   */
  search(request: SearchRequest): Promise<SearchResponse>
}
