// The library as the renderer and the CLI see it: a summary per briefing, and one briefing with
// the entities it cites.

import type { Entity } from '../../shared/dataset'
import type { BriefingDetail, BriefingSummary } from '../../shared/library'
import { AppError } from '../errors'
import type { Library } from './library'

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
