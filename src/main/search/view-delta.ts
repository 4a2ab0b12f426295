// The library's next view after a sync, and what queries made for the previous one (section and
// facet tables, each shard's sections, the library's words) handed on to it: after an import
// applied by difference, extended with the new sections instead of made again for the library.

import { carryWords, extendWords } from './fuzzy-words'
import type { Library } from '../library/library'
import { sameEntityRecords, viewByDifference, viewInSlices } from './search-view'
import type { ViewDelta, LibraryView } from './search-view'
import { carryEntries } from './text-search'
import type { LoadedShard } from './text-search'
import { extendTables } from './tables-by-view'

export function carryQueryTables(
  previous: LibraryView,
  delta: ViewDelta,
  shards: readonly LoadedShard[]
): void {
  extendWords(previous, delta.view, delta.added)
  if (extendTables(previous, delta.view, delta.added)) {
    carryEntries(shards, previous, delta.view, delta.changed)
  }
}

/** After a whole view replaced `previous` (a start's library read, a full rescan): carryWords. */
export function carryWholeView(previous: LibraryView, next: LibraryView): void {
  carryWords(previous, next, sameEntityRecords(previous.entities, next.entities))
}

/**
 * The view of `library` after a sync: made from `previous` by difference when the sync read only
 * some files (`byDifference`) and that can carry it, else made whole; with what queries made for
 * `previous` handed on either way. `delta` says what differs, when made by difference.
 */
export async function nextView(
  previous: LibraryView,
  library: Library,
  byDifference: boolean,
  shards: readonly LoadedShard[]
): Promise<{ view: LibraryView; delta: ViewDelta | undefined }> {
  const delta = byDifference ? viewByDifference(previous, library) : undefined
  if (delta) {
    carryQueryTables(previous, delta, shards)
    return { view: delta.view, delta }
  }
  const view = await viewInSlices(library)
  carryWholeView(previous, view)
  return { view, delta }
}
