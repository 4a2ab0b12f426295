// `search:query` handler: the combined search of text, highlights and notes.

import type { IpcRouter } from '../ipc/router'
import { searchAll } from './search-all'
import type { SearchServices } from './search-all'

export function setupSearchHandlers(
  router: IpcRouter,
  services: () => Promise<SearchServices>
): void {
  router.handle('search:query', async (request) => searchAll(await services(), request))
}
