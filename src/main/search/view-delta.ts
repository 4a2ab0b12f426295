// After an import applied by difference: what queries made for the previous view (section and
// facet tables, each shard's sections, the library's words) is handed on to the new one and
// extended with the new sections, instead of being made again for the whole library.

import { carryWords, extendWords } from './fuzzy-words'
import { sameEntityRecords } from './search-view'
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
