// The quick checks that loading uses (quick-check.ts) accept exactly what the full checks accept,
// with the same copy: on valid records and on every one-field damage of them a disk or an older
// app could leave.
import { describe, expect, it } from 'vitest'

import type { Highlight, Note } from '../../../shared/annotations'
import { quickHighlight, quickNote } from './quick-check'
import { checkRecord, checkSnapshot, fullChecks } from './validate'

const highlight: Highlight = {
  id: 'h1',
  target: {
    briefingId: 'b1',
    sectionId: 's1',
    quote: { type: 'TextQuoteSelector', exact: 'patrols', prefix: 'maritime ', suffix: ' near' },
    position: { type: 'TextPositionSelector', start: 9, end: 16 }
  },
  color: 'green',
  tags: ['follow-up'],
  note: 'Check *this*.',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z'
}
const note: Note = {
  id: 'n1',
  briefingId: 'b1',
  target: { kind: 'section', sectionId: 's1' },
  body: 'A note',
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
}

const sparse: unknown[] = ['a']
sparse.length = 2
const inherited = Object.create({ id: 'h1' }) as object
const BAD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  'x'.repeat(1001),
  'not a date',
  [],
  {},
  sparse,
  [''],
  [1],
  ['x'.repeat(1001)],
  inherited,
  'briefing',
  'section',
  'TextQuoteSelector',
  'purple',
  new Date(0)
]

/** Every record that differs from `record` in one field (anywhere inside it): removed, added or replaced. */
function damaged(record: unknown): unknown[] {
  if (Array.isArray(record)) {
    return [
      ...record.flatMap((item, i) =>
        [...BAD_VALUES, ...damaged(item)].map((bad) => record.map((x, j) => (i === j ? bad : x)))
      ),
      [...record, 'extra']
    ]
  }
  if (typeof record !== 'object' || record === null) return []
  const fields = Object.entries(record)
  const variants: unknown[] = [{ ...record, extra: 1 }, Object.assign(Object.create(null), record)]
  for (const [key, value] of fields) {
    const rest: Record<string, unknown> = { ...record }
    delete rest[key]
    variants.push(rest)
    for (const bad of [...BAD_VALUES, ...damaged(value)]) variants.push({ ...record, [key]: bad })
  }
  return variants
}

/** Whether the full check accepts `record`; the quick check (copying or not) agrees with it. */
function expectSameAsFull(
  quick: (input: unknown, reuse?: boolean) => unknown,
  full: (input: unknown, path: string) => { ok: boolean; value?: unknown },
  record: unknown
) {
  const fully = full(record, 'r')
  for (const reuse of [false, true]) {
    const quickly = quick(record, reuse)
    if (quickly === undefined) continue
    expect(fully.ok).toBe(true)
    expect(JSON.stringify(quickly)).toBe(JSON.stringify(fully.value))
    expect(quickly).toEqual(fully.value)
  }
  return fully.ok
}

describe('quick checks of highlights and notes', () => {
  it('accept a valid record with the copy the full check makes', () => {
    expect(quickHighlight(highlight)).toEqual(highlight)
    expect(quickHighlight(highlight)).not.toBe(highlight)
    expect(quickNote(note)).toEqual(note)
    expect(quickNote({ ...note, target: { kind: 'briefing' } })).toEqual({
      ...note,
      target: { kind: 'briefing' }
    })
  })

  it('keep a record of a snapshot as it is only when its fields come in the order a copy has', () => {
    expect(quickHighlight(highlight, true)).toBe(highlight)
    expect(quickNote(note, true)).toBe(note)
    const { id, ...rest } = highlight
    const reordered = { ...rest, id }
    expect(Object.keys(quickHighlight(reordered, true)!)).toEqual(Object.keys(highlight))
    const quote = { ...highlight.target.quote }
    const inner = {
      ...highlight,
      target: { ...highlight.target, quote: { ...quote, type: quote.type } }
    }
    expect(quickHighlight(inner, true)).toBe(inner)
    const { type, ...quoteRest } = quote
    const innerReordered = {
      ...highlight,
      target: { ...highlight.target, quote: { ...quoteRest, type } }
    }
    expect(quickHighlight(innerReordered, true)).not.toBe(innerReordered)
    expect(JSON.stringify(quickHighlight(innerReordered, true))).toBe(JSON.stringify(highlight))
  })

  it('accept no damaged record the full check refuses', () => {
    const records: [unknown, typeof quickHighlight, Parameters<typeof expectSameAsFull>[1]][] = [
      ...damaged(highlight).map((h) => [h, quickHighlight, fullChecks.highlight] as const),
      ...damaged(note).map((n) => [n, quickNote, fullChecks.note] as const),
      ...damaged({ ...note, target: { kind: 'briefing' } }).map(
        (n) => [n, quickNote, fullChecks.note] as const
      )
    ] as never
    let refused = 0
    for (const [record, quick, full] of records) {
      if (!expectSameAsFull(quick, full, record)) refused += 1
    }
    expect(records.length).toBeGreaterThan(500)
    expect(refused).toBeGreaterThan(records.length / 2)
  })

  it('leave the message to the full check', () => {
    const bad = { ...highlight, target: { ...highlight.target, sectionId: '' } }
    const snapshot = {
      v: 1,
      seq: 1,
      at: highlight.createdAt,
      briefingId: 'b1',
      highlights: [highlight, bad],
      notes: [note],
      trash: []
    }
    expect(checkSnapshot(snapshot)).toEqual({
      ok: false,
      message: 'snapshot.highlights[1].target.sectionId: expected an id (1–1000 characters)'
    })
    const record = {
      v: 1,
      seq: 2,
      at: note.createdAt,
      op: 'note.put',
      note: { ...note, tags: [''] }
    }
    expect(checkRecord(record)).toEqual({
      ok: false,
      message: 'record.note.tags[0]: expected a string of 1–1000 characters'
    })
  })
})
