// What an edit answers: only the highlights, notes and trash entries it added, changed or removed,
// between two revisions of the briefing's annotations. The whole set of a big briefing was 4.4 MB
// per edit (one long task in main and one in the renderer); a delta is a few records.

import type { AnchoredHighlight, Note } from './annotations'
import type { BriefingAnnotations, TrashEntry } from './annotation-requests'

/** Records put (added, or changed: the whole record) and removed (by key). */
export interface RecordDelta<T, K = string> {
  put: T[]
  removed: K[]
}

/** A trash entry's key: highlight and note ids are kept apart. */
export interface TrashKey {
  kind: TrashEntry['kind']
  id: string
}

/** The change from revision `from` to revision `to` of one briefing's annotations. */
export interface AnnotationsDelta {
  briefingId: string
  /** The revision this delta applies to (what `annotations:load` or the last delta gave). */
  from: number
  /** The revision after it. */
  to: number
  highlights: RecordDelta<AnchoredHighlight>
  notes: RecordDelta<Note>
  trash: RecordDelta<TrashEntry, TrashKey>
  canUndo: boolean
  canRedo: boolean
  readOnly?: string
  warnings: string[]
  save: BriefingAnnotations['save']
}

/** The answer to `annotations:change`: the delta and the id created or changed. */
export type AnnotationChangeResult = AnnotationsDelta & { changedId: string }

// The orders `annotations:load` lists records in (the store's own, see sorted-records.ts and
// model.ts): highlights and notes by creation time then id, the trash by deletion time then id.
type Dated = { createdAt: string; id: string }
/** The order records are listed in everywhere (creation time, then id), as a sort comparator. */
export function byCreation(a: Dated, b: Dated): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1
}
const byCreated = (a: Dated, b: Dated): boolean => byCreation(a, b) < 0
const byDeleted = (a: TrashEntry, b: TrashEntry): boolean =>
  a.deletedAt < b.deletedAt || (a.deletedAt === b.deletedAt && a.id < b.id)

/**
 * `data` with `delta` applied, in the order a fresh load gives; null when the delta does not
 * start from `data`'s revision (the copy is stale: load the whole set again). `data` is not changed.
 */
export function applyDelta(
  data: BriefingAnnotations,
  delta: AnnotationsDelta
): BriefingAnnotations | null {
  if (delta.briefingId !== data.briefingId || delta.from !== data.revision) return null
  const { readOnly } = delta
  return {
    briefingId: data.briefingId,
    revision: delta.to,
    highlights: patch(data.highlights, delta.highlights, byId, idOf, byCreated),
    notes: patch(data.notes, delta.notes, byId, idOf, byCreated),
    trash: patch(data.trash, delta.trash, sameTrash, trashKey, byDeleted),
    canUndo: delta.canUndo,
    canRedo: delta.canRedo,
    ...(readOnly ? { readOnly } : {}),
    warnings: delta.warnings,
    save: delta.save
  }
}

const byId = (record: { id: string }, id: string): boolean => record.id === id
const idOf = (record: { id: string }): string => record.id
const sameTrash = (entry: TrashEntry, key: TrashKey): boolean =>
  entry.id === key.id && entry.kind === key.kind
const trashKey = (entry: TrashEntry): TrashKey => ({ kind: entry.kind, id: entry.id })

/**
 * `list` (sorted by `before`) without the removed records and the old versions of the put ones,
 * with the put ones at their places. Unchanged records keep their identity (the renderer's
 * derived state compares them).
 */
function patch<T, K>(
  list: readonly T[],
  delta: RecordDelta<T, K>,
  matches: (item: T, key: K) => boolean,
  keyOf: (item: T) => K,
  before: (a: T, b: T) => boolean
): T[] {
  if (delta.put.length === 0 && delta.removed.length === 0) return list as T[]
  const out = list.slice()
  const drop = (key: K) => {
    const at = out.findIndex((item) => matches(item, key))
    if (at >= 0) out.splice(at, 1)
  }
  for (const key of delta.removed) drop(key)
  for (const record of delta.put) {
    drop(keyOf(record))
    let low = 0
    let high = out.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (before(out[middle]!, record)) low = middle + 1
      else high = middle
    }
    out.splice(low, 0, record)
  }
  return out
}
