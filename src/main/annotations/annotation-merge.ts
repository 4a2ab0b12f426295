// Merges imported highlight and note records into a briefing's store without losing the
// analyst's own work: identical records are left alone, a local record edited at the same time or
// later is kept, records the store would refuse are reported, and nothing in the trash is revived.

import type { Highlight, Note } from '../../shared/annotations'
import type { AnnotationStore, StoreChange } from './store/types'
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
 * `undated` holds ids of records whose file gave no dates: they never replace a local record
 * (which one is newer cannot be known), they only add what is missing.
 */
export async function mergeRecords(
  store: AnnotationStore,
  briefingId: string,
  highlights: Highlight[],
  notes: Note[],
  undated: ReadonlySet<string>
): Promise<MergeCounts> {
  const counts: MergeCounts = {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptLocal: 0,
    problems: [],
    saved: true
  }
  const loaded = await store.load(briefingId)
  const trashed = new Set(
    loaded.trash.map((t) => (t.kind === 'highlight' ? t.highlight.id : t.note.id))
  )
  const apply = async (change: StoreChange, id: string, existed: boolean) => {
    const checked = checkChange(change)
    if (!checked.ok) {
      counts.problems.push(`${id}: not imported (${checked.message})`)
      return
    }
    const result = await store.apply(briefingId, checked.value)
    if (!result.saved) counts.saved = false
    counts[existed ? 'updated' : 'added'] += 1
  }
  const merge = async <T extends { id: string; updatedAt: string }>(
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
      } else await apply(toChange(record), record.id, old !== undefined)
    }
  }
  await merge(highlights, loaded.highlights, (highlight) => ({ op: 'highlight.put', highlight }))
  await merge(notes, loaded.notes, (note) => ({ op: 'note.put', note }))
  return counts
}

/** Same record apart from its timestamps. */
function sameContent<T extends { updatedAt: string }>(a: T, b: T): boolean {
  const strip = (r: T) => JSON.stringify({ ...r, createdAt: undefined, updatedAt: undefined })
  return strip(a) === strip(b)
}
