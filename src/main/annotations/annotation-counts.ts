// Highlights and notes per briefing for the library's cards and filters, counted from the store's
// records (the trash left out): loaded once per start, so a list of thousands is counted from memory.

import type { AnnotationCounts } from '../library/profile-summaries'
import type { AnnotationStore, LoadedAnnotations } from './store/types'

/** A highlight carrying a note counts as a highlight and as a note: the analyst wrote both. */
export function countsOf(
  loaded: Pick<LoadedAnnotations, 'highlights' | 'notes'>
): AnnotationCounts {
  return {
    highlights: loaded.highlights.length,
    notes: loaded.notes.length + loaded.highlights.filter((h) => h.note.trim() !== '').length
  }
}

/** Counts for each of `briefingIds`; a briefing whose annotations cannot be read is left out. */
export async function countAnnotations(
  store: Pick<AnnotationStore, 'load'>,
  briefingIds: readonly string[]
): Promise<Map<string, AnnotationCounts>> {
  const counted = await Promise.all(
    briefingIds.map(async (id) => {
      const loaded = await store.load(id).catch(() => undefined)
      return loaded ? ([id, countsOf(loaded)] as const) : undefined
    })
  )
  return new Map(counted.filter((entry) => entry !== undefined))
}
