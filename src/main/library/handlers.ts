// `library:list` and `briefing:get` handlers: the list of briefings and one briefing with its
// entities.

import type { IpcRouter } from '../ipc/router'
import { getBriefing, listBriefings } from './briefings'
import type { LibraryState } from './library'

export function setupLibraryHandlers(
  router: IpcRouter,
  services: () => Promise<Pick<LibraryState, 'library' | 'imported'>>
): void {
  router.handle('library:list', async () => {
    const { library, imported } = await services()
    return listBriefings(library, imported)
  })
  router.handle('briefing:get', async ({ id }) => getBriefing((await services()).library, id))
}
