// `library:*` and `briefing:*` handlers: the list of briefings and one briefing with its entities.

import type { Entity } from '../../shared/dataset'
import type { BriefingDetail, BriefingSummary } from '../../shared/ipc-contract'
import type { AppCore } from '../app-core'
import type { Library } from './library'
import { AppError } from '../errors'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from '../app-handlers'

export function setupLibraryHandlers(router: IpcRouter, core: AppCore): void {
  router.handle('library:list', async () => {
    const services = await servicesOf(core)
    return listBriefings(services.library, services.imported)
  })
  router.handle('briefing:get', async ({ id }) => getBriefing((await servicesOf(core)).library, id))
}

export function listBriefings(
  library: Library,
  imported: ReadonlySet<string> = new Set()
): BriefingSummary[] {
  return library.briefings.map((briefing) => ({
    id: briefing.id,
    title: briefing.title,
    source: briefing.source,
    published: briefing.published,
    tags: briefing.tags,
    ...(briefing.summary === undefined ? {} : { summary: briefing.summary }),
    sectionCount: briefing.sections.length,
    entityCount: entitiesOf(library, briefing.id).length,
    imported: imported.has(briefing.id)
  }))
}

export function getBriefing(library: Library, id: string): BriefingDetail {
  const briefing = library.briefings.find((b) => b.id === id)
  if (!briefing) throw new AppError('not-found', `No briefing with id "${id}" is in the library.`)
  return { ...briefing, entities: entitiesOf(library, id) }
}

function entitiesOf(library: Library, briefingId: string): Entity[] {
  const briefing = library.briefings.find((b) => b.id === briefingId)
  const ids = new Set(briefing?.sections.flatMap((s) => s.mentions.map((m) => m.entity)) ?? [])
  return [...ids].map((id) => library.entities.get(id)).filter((e): e is Entity => e !== undefined)
}
