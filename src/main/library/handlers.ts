// `library:list`, `briefing:get` and `briefing:get-part` handlers: the list of briefings (with when each was added, how
// far it was read and its annotation counts) and one briefing with its entities; `reading:*`: the
// reading position of a briefing.

import { briefingPart } from '../../shared/briefing-parts'
import type { SavedPosition } from '../../shared/reading'
import type { IpcRouter } from '../ipc/router'
import type { AddedDates } from './added-dates'
import { getBriefing, listBriefings } from './briefings'
import type { LibraryState } from './library'
import { withProfileData } from './profile-summaries'
import type { AnnotationCounts } from './profile-summaries'
import type { ReadingPositions } from './reading-positions'

/** What the profile tells about each briefing, each optional (a list without it still answers). */
export interface LibraryPorts {
  positions?: ReadingPositions
  added?: AddedDates
  /** Highlights and notes per briefing id; the wiring counts them in the annotation store. */
  counts?: (ids: readonly string[]) => Promise<ReadonlyMap<string, AnnotationCounts>>
}

export function setupLibraryHandlers(
  router: IpcRouter,
  services: () => Promise<
    Pick<LibraryState, 'library' | 'imported'> & { readonly profileReadOnly?: string }
  >,
  ports: LibraryPorts = {}
): void {
  router.handle('library:list', async () => {
    const { library, imported, profileReadOnly } = await services()
    const list = listBriefings(library, imported)
    const none = new Map()
    // Each is a convenience on the card: one that cannot be read leaves the list whole.
    const [positions, added, counts] = await Promise.all([
      ports.positions?.all().catch(() => new Map<string, SavedPosition>()) ?? none,
      ports.added?.of(imported, profileReadOnly !== undefined).catch(() => none) ?? none,
      ports.counts?.(list.map((b) => b.id)).catch(() => none) ?? none
    ])
    return withProfileData(list, library, { positions, added, counts })
  })
  router.handle('briefing:get', async ({ id }) => getBriefing((await services()).library, id))
  router.handle('briefing:get-part', async ({ id, start }) =>
    briefingPart(getBriefing((await services()).library, id), start)
  )
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
