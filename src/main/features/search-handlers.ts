// `search:*` handlers: full-text search over the library's sections.

import type { AppCore } from '../core/app-core'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from './app-handlers'

export function setupSearchHandlers(router: IpcRouter, core: AppCore): void {
  router.handle('search:query', async (request) => (await servicesOf(core)).search.search(request))
}
