// `search:query` handler: the combined search of text, highlights and notes; while main still
// loads the library, the text the index process answers from its cache.

import type { SearchRequest, SearchResponse } from '../../shared/search'
import type { IpcRouter } from '../ipc/router'
import type { IndexHost } from './index-host'
import { searchAll, searchWhileLoading } from './search-all'
import type { SearchServices } from './search-all'

/** `loading`: the index while main still loads the library (the search answers from it alone). */
export function setupSearchHandlers(
  router: IpcRouter,
  services: () => Promise<SearchServices>,
  loading: () => Promise<IndexHost | undefined> = async () => undefined
): void {
  router.handle('search:query', answerSearch(services, loading))
}

/** What `search:query` answers (the benchmarks time the app's start through it). */
export function answerSearch(
  services: () => Promise<SearchServices>,
  loading: () => Promise<IndexHost | undefined>
): (request: SearchRequest) => Promise<SearchResponse> {
  return async (request) => {
    const index = await loading()
    return index ? searchWhileLoading(index, request) : searchAll(await services(), request)
  }
}
