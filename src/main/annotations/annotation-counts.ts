// Highlights and notes per briefing for the library's cards and filters: the store counts them
// (store/stored-counts.ts), from memory or from its counts file, so a list of thousands is cheap.

import type { AnnotationCounts } from '../library/profile-summaries'
import type { AnnotationStore } from './store/types'

/** Counts for each of `briefingIds`; a briefing whose annotations cannot be read is left out. */
export function countAnnotations(
  store: Pick<AnnotationStore, 'counts'>,
  briefingIds: readonly string[]
): Promise<Map<string, AnnotationCounts>> {
  return store.counts(briefingIds)
}
