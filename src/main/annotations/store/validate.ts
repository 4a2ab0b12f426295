// Shape checks for everything the store reads back from disk (journal records, snapshots) and for
// the changes it is given. Limits are generous on purpose: they catch corruption, not style.

import { HIGHLIGHT_COLORS } from '../../../shared/annotations'
import type { Highlight, Note, NoteTarget } from '../../../shared/annotations'
import { array, int, isPlainObject, literal, object, str, union } from '../../../shared/schema'
import type { Check, Validation } from '../../../shared/schema'
import type { JournalRecord, SnapshotFile, StoreChange, TrashItem } from './types'
import {
  isTime,
  MAX_ID,
  MAX_TAG,
  MAX_TAGS,
  MAX_TEXT,
  quickHighlight,
  quickNote
} from './quick-check'

const TEXT = str({ max: MAX_TEXT })
const ID = str({ min: 1, max: MAX_ID, describe: `an id (1–${MAX_ID} characters)` })
const TAGS = array(str({ min: 1, max: MAX_TAG }), MAX_TAGS)
const OFFSET = int(0, Number.MAX_SAFE_INTEGER)
const SEQ = int(1, Number.MAX_SAFE_INTEGER)
const VERSION = int(1, 1_000_000)

const TIME: Check<string> = (input, path) =>
  isTime(input)
    ? { ok: true, value: input }
    : { ok: false, message: `${path}: expected an ISO date-time` }

const fullHighlight: Check<Highlight> = object({
  id: ID,
  target: object({
    briefingId: ID,
    sectionId: ID,
    quote: object({ type: literal('TextQuoteSelector'), exact: TEXT, prefix: TEXT, suffix: TEXT }),
    position: object({ type: literal('TextPositionSelector'), start: OFFSET, end: OFFSET })
  }),
  color: literal(...HIGHLIGHT_COLORS),
  tags: TAGS,
  note: TEXT,
  createdAt: TIME,
  updatedAt: TIME
})

const noteTarget: Check<NoteTarget> = union<NoteTarget>('kind', {
  briefing: object({ kind: literal('briefing') }),
  section: object({ kind: literal('section'), sectionId: ID })
})

const fullNote: Check<Note> = object({
  id: ID,
  briefingId: ID,
  target: noteTarget,
  body: TEXT,
  tags: TAGS,
  createdAt: TIME,
  updatedAt: TIME
})

/**
 * The field-by-field checks, each behind a quick path (quick-check.ts) that accepts only what
 * they accept: a load reads every record of a snapshot, and the full checks took twice as long
 * as parsing the file. Anything the quick path is unsure of gets the full check and its message.
 */
export const fullChecks = { highlight: fullHighlight, note: fullNote }

/** `reuse`: records of a snapshot just parsed may be kept as they are (see quickHighlight). */
const highlightCheck =
  (reuse: boolean): Check<Highlight> =>
  (input, path) => {
    const quick = quickHighlight(input, reuse)
    return quick ? { ok: true, value: quick } : fullHighlight(input, path)
  }

const noteCheck =
  (reuse: boolean): Check<Note> =>
  (input, path) => {
    const quick = quickNote(input, reuse)
    return quick ? { ok: true, value: quick } : fullNote(input, path)
  }

const highlight = highlightCheck(false)
const note = noteCheck(false)
const storedHighlight = highlightCheck(true)
const storedNote = noteCheck(true)

const changeShapes = {
  'highlight.put': { op: literal('highlight.put'), highlight },
  'highlight.delete': { op: literal('highlight.delete'), id: ID },
  'highlight.restore': { op: literal('highlight.restore'), id: ID },
  'note.put': { op: literal('note.put'), note },
  'note.delete': { op: literal('note.delete'), id: ID },
  'note.restore': { op: literal('note.restore'), id: ID }
}
const recordFields = { v: VERSION, seq: SEQ, at: TIME }

const change = union<StoreChange>(
  'op',
  Object.fromEntries(
    Object.entries(changeShapes).map(([op, shape]) => [op, object(shape) as Check<StoreChange>])
  )
)

const record = union<JournalRecord>(
  'op',
  Object.fromEntries(
    Object.entries(changeShapes).map(([op, shape]) => [
      op,
      object({ ...recordFields, ...shape }) as Check<JournalRecord>
    ])
  )
)

const trashItem = union<TrashItem>('kind', {
  highlight: object({ kind: literal('highlight'), highlight: storedHighlight, deletedAt: TIME }),
  note: object({ kind: literal('note'), note: storedNote, deletedAt: TIME })
})

const snapshot: Check<SnapshotFile> = object({
  v: VERSION,
  seq: int(0, Number.MAX_SAFE_INTEGER),
  at: TIME,
  briefingId: ID,
  highlights: array(storedHighlight, 10_000_000),
  notes: array(storedNote, 10_000_000),
  trash: array(trashItem, 10_000_000)
})

/** Checks a change given to the store (a copy with exactly the known fields is returned). */
export function checkChange(input: unknown): Validation<StoreChange> {
  return change(input, 'change')
}

/** Checks one parsed journal line. */
export function checkRecord(input: unknown): Validation<JournalRecord> {
  return record(input, 'record')
}

/** Checks a parsed snapshot file (its records are kept, not copied: pass none held elsewhere). */
export function checkSnapshot(input: unknown): Validation<SnapshotFile> {
  return snapshot(input, 'snapshot')
}

/** The schema version `v` of a parsed record or snapshot, if it has a whole-number one. */
export function versionOf(input: unknown): number | undefined {
  const v = isPlainObject(input) ? input['v'] : undefined
  return Number.isInteger(v) ? (v as number) : undefined
}
