// Journal parsing: torn last lines, invalid lines in the middle, newer schema versions.

import { describe, expect, it } from 'vitest'

import { changeOf, parseJournal, serializeRecord } from './journal'
import { highlight } from '../../../test-support/annotation-store'
import type { JournalRecord } from './types'

const record = (seq: number, extra: Partial<JournalRecord> = {}): JournalRecord =>
  ({
    v: 1,
    seq,
    at: '2026-01-01T00:00:00.000Z',
    op: 'highlight.put',
    highlight: highlight(`h${seq}`, { note: 'naïve — ✓' }),
    ...extra
  }) as JournalRecord

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

describe('parseJournal', () => {
  it('reads every line of a clean journal', () => {
    const text = [1, 2, 3].map((seq) => serializeRecord(record(seq))).join('')
    const parsed = parseJournal(bytes(text), 'journal.jsonl')
    expect(parsed.records.map((r) => r.record.seq)).toEqual([1, 2, 3])
    expect(parsed.warnings).toEqual([])
    expect(parsed.goodLength).toBe(Buffer.byteLength(text))
    expect(parsed.lineCount).toBe(3)
    expect(changeOf(parsed.records[0]!.record)).toEqual({
      op: 'highlight.put',
      highlight: highlight('h1', { note: 'naïve — ✓' })
    })
  })

  it('ignores a torn last line, reports it and marks where the good part ends (in bytes)', () => {
    const good = serializeRecord(record(1)) + serializeRecord(record(2))
    const torn = serializeRecord(record(3)).slice(0, 40)
    const parsed = parseJournal(bytes(good + torn), 'journal.jsonl')
    expect(parsed.records.map((r) => r.record.seq)).toEqual([1, 2])
    expect(parsed.goodLength).toBe(Buffer.byteLength(good))
    expect(parsed.warnings).toEqual([
      'journal.jsonl line 3: incomplete last line (an interrupted write); ignored'
    ])
    expect(parsed.rejected).toEqual([torn])
  })

  it('treats a complete record without its newline as torn too', () => {
    const parsed = parseJournal(bytes(serializeRecord(record(1)).trimEnd()), 'j')
    expect(parsed.records).toEqual([])
    expect(parsed.goodLength).toBe(0)
    expect(parsed.warnings[0]).toMatch(/incomplete last line/)
  })

  it('skips invalid lines in the middle and keeps every line after them', () => {
    const lines = [
      serializeRecord(record(1)),
      '{"v":1,"seq":2,"op":"highl\n',
      '\u0000\u0000\u0000\n',
      serializeRecord({ ...record(3), highlight: { id: 'x' } } as unknown as JournalRecord),
      '\n',
      serializeRecord(record(4))
    ]
    const parsed = parseJournal(bytes(lines.join('')), 'journal.jsonl')
    expect(parsed.records.map((r) => [r.line, r.record.seq])).toEqual([
      [1, 1],
      [6, 4]
    ])
    expect(parsed.warnings).toHaveLength(3)
    expect(parsed.warnings[0]).toMatch(/^journal.jsonl line 2: invalid JSON/)
    expect(parsed.warnings[2]).toMatch(/^journal.jsonl line 4: invalid record \(record.highlight/)
    expect(parsed.rejected).toHaveLength(3)
    expect(parsed.lineCount).toBe(5)
  })

  it('notes the newest schema version, even on lines it cannot read', () => {
    const future = JSON.stringify({ v: 3, seq: 2, at: '2030-01-01T00:00:00Z', op: 'tag.rename' })
    const parsed = parseJournal(bytes(serializeRecord(record(1)) + future + '\n'), 'j')
    expect(parsed.newestVersion).toBe(3)
    expect(parsed.warnings[0]).toMatch(/newer version \(schema 3\)/)
  })
})
