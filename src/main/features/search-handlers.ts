// `search:*` handlers: one search over the briefing text and the analyst's highlights and notes.

import type { SearchHit, SearchRequest, SearchResponse } from '../../shared/ipc-contract'
import type { AppCore, CoreServices } from '../core/app-core'
import type { IpcRouter } from '../ipc/router'
import { DEFAULT_LIMIT } from '../search/lunr-search'
import { servicesOf } from './app-handlers'

export function setupSearchHandlers(router: IpcRouter, core: AppCore): void {
  router.handle('search:query', async (request) => searchAll(await servicesOf(core), request))
}

/** Text hits and annotation hits, merged by score; each hit says what it matched. */
export async function searchAll(
  services: CoreServices,
  request: SearchRequest
): Promise<SearchResponse> {
  const limit = request.limit ?? DEFAULT_LIMIT
  // The text search parses the query first, so a syntax error is reported once, from there.
  const text = await services.search.search({ ...request, limit })
  const notes = services.annotationSearch.search(request.query, limit)
  // Scores of two indexes of different sizes are not comparable: rank each list relative to its
  // own best hit, then merge (ties keep text first).
  const relative = (hits: SearchHit[]) => {
    const top = hits[0]?.score ?? 1
    return hits.map((hit) => ({ hit, rank: top > 0 ? hit.score / top : 0 }))
  }
  const hits = [...relative(text.hits), ...relative(notes.hits)]
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map((r) => r.hit)
  return { query: request.query, total: text.total + notes.total, hits }
}
