// The library as the renderer and the CLI see it: a summary per briefing, and one briefing with
// the entities it cites.

import type { Briefing, Entity } from '../../shared/dataset'
import type { BriefingDetail, BriefingSummary } from '../../shared/library'
import { AppError } from '../errors'
import type { Library } from './library'

/** Length of an imported card's excerpt: about three lines of a card. */
const EXCERPT_CHARS = 240

export function listBriefings(
  library: Library,
  imported: ReadonlySet<string> = new Set()
): BriefingSummary[] {
  return library.briefings.map((briefing) => {
    const entityIds = entitiesIn(library, briefing).map((e) => e.id)
    const isImported = imported.has(briefing.id)
    const excerpt =
      isImported && !briefing.summary ? excerptOf(briefing.sections.map((s) => s.text)) : ''
    return {
      id: briefing.id,
      title: briefing.title,
      source: briefing.source,
      published: briefing.published,
      tags: briefing.tags,
      ...(briefing.summary === undefined ? {} : { summary: briefing.summary }),
      sectionCount: briefing.sections.length,
      entityCount: entityIds.length,
      entityIds,
      imported: isImported,
      ...(excerpt ? { excerpt } : {})
    }
  })
}

/** The first lines of a briefing's text, whitespace folded, cut at a word near EXCERPT_CHARS. */
export function excerptOf(texts: readonly string[]): string {
  let text = ''
  for (const t of texts) {
    text += (text ? ' ' : '') + t.replace(/\s+/g, ' ').trim()
    if (text.length > EXCERPT_CHARS) break
  }
  if (text.length <= EXCERPT_CHARS) return text
  const cut = text.slice(0, EXCERPT_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

export function getBriefing(library: Library, id: string): BriefingDetail {
  const briefing = library.briefings.find((b) => b.id === id)
  if (!briefing) throw new AppError('not-found', `No briefing with id "${id}" is in the library.`)
  return { ...briefing, entities: entitiesOf(library, id) }
}

function entitiesOf(library: Library, briefingId: string): Entity[] {
  const briefing = library.briefings.find((b) => b.id === briefingId)
  return briefing ? entitiesIn(library, briefing) : []
}

// Given the briefing itself, so listing thousands does not search the list once per briefing.
function entitiesIn(library: Library, briefing: Briefing): Entity[] {
  const ids = new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  return [...ids].map((id) => library.entities.get(id)).filter((e): e is Entity => e !== undefined)
}
