// Merges imported highlight and note records into a briefing's store without losing the
// analyst's own work: identical records are left alone, a local record edited at the same time or
// later is kept, records the store would refuse are reported, and nothing in the trash is revived.

import type { Highlight, Note } from '../../shared/annotations'
import type { LoadedAnnotations, StoreChange, WritePlan } from './store/types'
import { checkChange } from './store/validate'

export interface MergeCounts {
  added: number
  updated: number
  unchanged: number
  /** Local records kept because they were edited as late as, or later than, the imported ones. */
  keptLocal: number
  problems: string[]
  /** Every change written is on disk. */
  saved: boolean
}

/**
 * Plans the merge on the briefing's current records (run inside the store's write, so nothing
 * changes in between). `undated` holds ids of records whose file gave no dates: they never
 * replace a local record (which one is newer cannot be known), they only add what is missing.
 * The counts' `saved` is true here; the caller sets it from the write.
 */
export function planMerge(
  loaded: Pick<LoadedAnnotations, 'highlights' | 'notes' | 'trash'>,
  highlights: Highlight[],
  notes: Note[],
  undated: ReadonlySet<string>
): WritePlan<MergeCounts> {
  const counts: MergeCounts = {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptLocal: 0,
    problems: [],
    saved: true
  }
  const changes: StoreChange[] = []
  const trashed = new Set(
    loaded.trash.map((t) => (t.kind === 'highlight' ? t.highlight.id : t.note.id))
  )
  // Imported records come from a file: their shape is checked here, once.
  const add = (change: StoreChange, id: string, existed: boolean) => {
    const checked = checkChange(change)
    if (!checked.ok) {
      counts.problems.push(`${id}: not imported (${checked.message})`)
      return
    }
    changes.push(checked.value)
    counts[existed ? 'updated' : 'added'] += 1
  }
  const merge = <T extends { id: string; updatedAt: string }>(
    records: T[],
    existing: T[],
    toChange: (record: T) => StoreChange
  ) => {
    const byId = new Map(existing.map((e) => [e.id, e]))
    for (const record of records) {
      if (trashed.has(record.id)) {
        counts.problems.push(`${record.id}: is in the trash here and was left there`)
        continue
      }
      const old = byId.get(record.id)
      if (old && sameContent(old, record)) counts.unchanged += 1
      else if (old && (undated.has(record.id) || old.updatedAt >= record.updatedAt)) {
        counts.keptLocal += 1
      } else add(toChange(record), record.id, old !== undefined)
    }
  }
  merge(highlights, loaded.highlights, (highlight) => ({ op: 'highlight.put', highlight }))
  merge(notes, loaded.notes, (note) => ({ op: 'note.put', note }))
  return { changes, result: counts }
}

/** Same record apart from its timestamps. */
function sameContent<T extends { updatedAt: string }>(a: T, b: T): boolean {
  const strip = (r: T) => JSON.stringify({ ...r, createdAt: undefined, updatedAt: undefined })
  return strip(a) === strip(b)
}
