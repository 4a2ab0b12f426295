// The delta an edit answers with (shared/annotation-delta.ts), built from the store changes the
// edit applied, not by comparing every record: each change names the one record it touched, which
// is looked up in the state after the edit (there: put; gone: removed).

import type { AnnotationsDelta } from '../../shared/annotation-delta'
import type { AnchoredHighlight, Highlight } from '../../shared/annotations'
import { statusOf, trashEntry } from './briefing-view'
import type { LoadedAnnotations, StoreChange } from './store/types'

/** The revisions the delta goes between. */
export interface Revisions {
  from: number
  to: number
}

export function deltaOf(
  loaded: LoadedAnnotations,
  changes: readonly StoreChange[],
  revisions: Revisions,
  storeReadOnly: string | undefined,
  anchor: (highlight: Highlight) => AnchoredHighlight
): AnnotationsDelta {
  const delta: AnnotationsDelta = {
    briefingId: loaded.briefingId,
    ...revisions,
    highlights: { put: [], removed: [] },
    notes: { put: [], removed: [] },
    trash: { put: [], removed: [] },
    ...statusOf(loaded, storeReadOnly)
  }
  // Each record, and each record's trash entry, is looked up once, apart: a put then a delete of
  // one record in a batch must still report its trash entry.
  const seen = new Set<string>()
  const seenInTrash = new Set<string>()
  for (const change of changes) {
    const kind = change.op.startsWith('highlight.') ? 'highlight' : 'note'
    const id =
      change.op === 'highlight.put'
        ? change.highlight.id
        : change.op === 'note.put'
          ? change.note.id
          : change.id
    const key = `${kind}:${id}`
    if (!seen.has(key)) {
      seen.add(key)
      if (kind === 'highlight') {
        const live = loaded.highlights.find((h) => h.id === id)
        if (live) delta.highlights.put.push(anchor(live))
        else delta.highlights.removed.push(id)
      } else {
        const live = loaded.notes.find((n) => n.id === id)
        if (live) delta.notes.put.push(live)
        else delta.notes.removed.push(id)
      }
    }
    // A put never moves a record in or out of the trash (the store refuses a put of a trashed one).
    if (change.op.endsWith('.put') || seenInTrash.has(key)) continue
    seenInTrash.add(key)
    const trashed = loaded.trash.find(
      (t) => t.kind === kind && (t.kind === 'highlight' ? t.highlight.id : t.note.id) === id
    )
    if (trashed) delta.trash.put.push(trashEntry(trashed))
    else delta.trash.removed.push({ kind, id })
  }
  return delta
}
