// A search view's sections numbered in view order, with their refs' ranks: what the view's
// tables (view-tables.ts) count hits and break ties by.

import { RefRanks } from './ref-ranks'
import type { IndexedSection } from './section-index'
import type { SearchView } from './text-search'
import { TimeSlice } from '../time-slice'

export interface Numbering {
  serials: Map<IndexedSection, number>
  refRanks: RefRanks
}

export function numberSync(view: SearchView): Numbering {
  const numbering: Numbering = { serials: new Map(), refRanks: new RefRanks() }
  for (const [ref, entry] of view.sections) addNumber(numbering, ref, entry)
  return numbering
}

/**
 * numberSync, giving queries a turn every millisecond. Undefined when `wanted` turns false, or
 * as soon as `made()` says the view's tables were made meanwhile (by a query).
 */
export async function numberInSlices(
  view: SearchView,
  wanted: () => boolean,
  made: () => boolean,
  slice = new TimeSlice()
): Promise<Numbering | undefined> {
  const numbering: Numbering = { serials: new Map(), refRanks: new RefRanks() }
  for (const [ref, entry] of view.sections) {
    addNumber(numbering, ref, entry)
    if (slice.due()) {
      await slice.next()
      if (!wanted() || made()) return undefined
    }
  }
  return numbering
}

/** Numbers `entry` after those numbered so far. */
export function addNumber(
  { serials, refRanks }: Numbering,
  ref: string,
  entry: IndexedSection
): void {
  refRanks.add(serials.size, ref)
  serials.set(entry, serials.size)
}
