// What the profile adds to the library's cards: when each briefing was added, how far it was
// read and how many highlights and notes it has. Pure, so the list of thousands is tested alone.

import type { SavedPosition } from '../../shared/reading'
import type { BriefingSummary } from '../../shared/library'
import type { Library } from './library'
import { progressOf } from './reading-positions'

/** A briefing's highlights and notes (notes on highlights count as notes too). */
export interface AnnotationCounts {
  highlights: number
  notes: number
}

export interface ProfileData {
  positions: ReadonlyMap<string, SavedPosition>
  /** Imported briefings' added dates (ISO); bundled ones take the dataset's date. */
  added: ReadonlyMap<string, string>
  counts: ReadonlyMap<string, AnnotationCounts>
}

/** `list` (in library order, as listBriefings gives it) with the profile's data on each card. */
export function withProfileData(
  list: readonly BriefingSummary[],
  library: Library,
  data: ProfileData
): BriefingSummary[] {
  const datasetDate = datasetDateOf(list)
  return list.map((summary, i) => {
    const added = summary.imported ? data.added.get(summary.id) : datasetDate
    const next: BriefingSummary = { ...summary, addedAt: added ?? midnight(summary.published) }
    const position = data.positions.get(summary.id)
    const briefing = library.briefings[i]
    if (position && briefing?.id === summary.id) {
      next.lastReadAt = position.at
      next.progress = progressOf(briefing, position)
    }
    const counts = data.counts.get(summary.id)
    if (counts) {
      next.highlightCount = counts.highlights
      next.noteCount = counts.notes
    }
    return next
  })
}

/**
 * The bundled dataset carries no date of its own; it cannot be older than its newest briefing, so
 * every bundled briefing takes that day (one date: they keep the dataset's order among them).
 */
function datasetDateOf(list: readonly BriefingSummary[]): string | undefined {
  let newest: string | undefined
  for (const b of list)
    if (!b.imported && (newest === undefined || b.published > newest)) newest = b.published
  return newest === undefined ? undefined : midnight(newest)
}

const midnight = (day: string): string => `${day}T00:00:00.000Z`
