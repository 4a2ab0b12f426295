// The search filters (briefing, tag, colour, entity) and quoted phrases applied to annotation
// hits, by the table's ids: a hit's document is read only for a phrase.

import type { SearchFilters } from '../../shared/search'
import type { AnnotationMatches } from './annotation-matches'
import type { AnnotationTable } from './annotation-table'
import { phraseRanges } from './phrases'
import type { Phrase } from './phrases'

/**
 * Moves the matches that pass to the front of `found.docs`, in their order; answers how many.
 * With no filter and no phrase, all pass without a walk.
 */
export function keepFiltered(
  table: AnnotationTable,
  found: AnnotationMatches,
  filters: SearchFilters,
  phrases: readonly Phrase[],
  entitiesOf: (section: number) => ReadonlyMap<string, string>
): number {
  const briefing = filters.briefingId ?? null
  // A tag or colour no annotation has: -2, which no hit has (-1 is "no colour").
  const tag = filters.tag === undefined ? null : table.tags.find(filters.tag)
  const color = filters.color === undefined ? null : table.colors.find(filters.color)
  const entity = filters.entityId ?? null
  const none = briefing === null && tag === null && color === null && entity === null
  if (none && phrases.length === 0) return found.count
  const { docs } = found
  const columns = table.columns
  let kept = 0
  for (let i = 0; i < found.count; i++) {
    const number = docs[i]!
    if (phrases.length > 0 && !hasPhrases(table.document(number)!.text, phrases)) continue
    if (briefing !== null && table.briefings.values[columns.briefing[number]!] !== briefing) {
      continue
    }
    if (tag !== null && !table.tagLists[columns.tagList[number]!]!.includes(tag)) continue
    if (color !== null && columns.color[number] !== color) continue
    if (entity !== null && !entitiesOf(columns.section[number]!).has(entity)) continue
    docs[kept++] = number
  }
  return kept
}

const hasPhrases = (text: string, phrases: readonly Phrase[]) =>
  phrases.every((p) => phraseRanges(text, p.words).length > 0)
