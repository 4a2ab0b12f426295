// `library:list` and `briefing:get` handlers: the list of briefings (with how far each was read)
// and one briefing with its entities; `reading:*`: the reading position of a briefing.

import type { SavedPosition } from '../../shared/reading'
import type { IpcRouter } from '../ipc/router'
import { getBriefing, listBriefings } from './briefings'
import type { LibraryState } from './library'
import { progressOf } from './reading-positions'
import type { ReadingPositions } from './reading-positions'

export function setupLibraryHandlers(
  router: IpcRouter,
  services: () => Promise<Pick<LibraryState, 'library' | 'imported'>>,
  positions?: ReadingPositions
): void {
  router.handle('library:list', async () => {
    const { library, imported } = await services()
    const list = listBriefings(library, imported)
    if (!positions) return list
    const saved = await positions.all().catch(() => new Map<string, SavedPosition>())
    return list.map((summary, i) => {
      const position = saved.get(summary.id)
      const briefing = library.briefings[i]
      if (!position || !briefing) return summary
      const progress = progressOf(briefing, position)
      return { ...summary, lastReadAt: position.at, progress }
    })
  })
  router.handle('briefing:get', async ({ id }) => getBriefing((await services()).library, id))
}

export function setupReadingHandlers(
  router: IpcRouter,
  services: () => Promise<{ readonly profileReadOnly: string | undefined }>,
  positions: ReadingPositions
): void {
  router.handle('reading:get', ({ briefingId }) => positions.get(briefingId))
  router.handle('reading:save', async (position) => {
    // Another window holds the profile: its positions are its own to write.
    if ((await services()).profileReadOnly !== undefined) return { saved: false }
    await positions.save(position)
    return { saved: true }
  })
}
