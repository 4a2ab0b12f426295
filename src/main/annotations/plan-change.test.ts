import { describe, expect, it } from 'vitest'

import type { Highlight, Note } from '../../shared/annotations'
import { targetOf, tokyoBriefing } from '../../test-support/annotation-service'
import { cleanTags, planChange } from './plan-change'
import type { CurrentRecords } from './plan-change'

const BRIEFING = tokyoBriefing()
const AT = '2026-03-01T10:00:00.000Z'
const EARLIER = '2026-02-01T10:00:00.000Z'

const HIGHLIGHT: Highlight = {
  id: 'h1',
  target: targetOf('military'),
  color: 'yellow',
  tags: ['a'],
  note: 'old note',
  createdAt: EARLIER,
  updatedAt: EARLIER
}
const NOTE: Note = {
  id: 'n1',
  briefingId: 'b1',
  target: { kind: 'briefing' },
  body: 'old body',
  tags: [],
  createdAt: EARLIER,
  updatedAt: EARLIER
}
const RECORDS: CurrentRecords = { highlights: [HIGHLIGHT], notes: [NOTE] }

function plan(change: Parameters<typeof planChange>[2], records = RECORDS) {
  let n = 0
  return planChange(BRIEFING, records, change, { at: AT, newId: () => `new-${++n}` })
}

describe('planChange', () => {
  it('creates a highlight with a new id, the time of the change, clean tags and main’s target', () => {
    const target = targetOf('co-development')
    const planned = plan({
      op: 'highlight.create',
      target: { ...target, quote: { ...target.quote, prefix: 'forged', suffix: '' } },
      color: 'green',
      tags: [' industry ', 'Industry', 'defence']
    })
    expect(planned).toEqual({
      changedId: 'new-1',
      changes: [
        {
          op: 'highlight.put',
          highlight: {
            id: 'new-1',
            target,
            color: 'green',
            tags: ['industry', 'defence'],
            note: '',
            createdAt: AT,
            updatedAt: AT
          }
        }
      ]
    })
  })

  it('creates section and briefing notes', () => {
    expect(
      plan({ op: 'note.create', target: { kind: 'section', sectionId: 's1' }, body: 'x' })
    ).toEqual({
      changedId: 'new-1',
      changes: [
        {
          op: 'note.put',
          note: {
            id: 'new-1',
            briefingId: 'b1',
            target: { kind: 'section', sectionId: 's1' },
            body: 'x',
            tags: [],
            createdAt: AT,
            updatedAt: AT
          }
        }
      ]
    })
    expect(plan({ op: 'note.create', target: { kind: 'briefing' }, body: 'y' }).changedId).toBe(
      'new-1'
    )
  })

  it('edits only the fields given, keeping the creation time and id', () => {
    expect(plan({ op: 'highlight.update', id: 'h1', color: 'pink' })).toEqual({
      changedId: 'h1',
      changes: [{ op: 'highlight.put', highlight: { ...HIGHLIGHT, color: 'pink', updatedAt: AT } }]
    })
    const moved = plan({ op: 'highlight.update', id: 'h1', target: targetOf('platforms') })
    expect(moved.changes).toEqual([
      {
        op: 'highlight.put',
        highlight: { ...HIGHLIGHT, target: targetOf('platforms'), updatedAt: AT }
      }
    ])
    expect(plan({ op: 'note.update', id: 'n1', tags: ['b', 'B '] })).toEqual({
      changedId: 'n1',
      changes: [{ op: 'note.put', note: { ...NOTE, tags: ['b'], updatedAt: AT } }]
    })
  })

  it('passes deletes (to the trash) and restores through as they are', () => {
    for (const change of [
      { op: 'highlight.delete', id: 'h1' },
      { op: 'highlight.restore', id: 'h9' },
      { op: 'note.delete', id: 'n1' },
      { op: 'note.restore', id: 'n9' }
    ] as const) {
      expect(plan(change)).toEqual({ changedId: change.id, changes: [change] })
    }
  })

  it('refuses edits of records that are not live, and targets that do not fit the text', () => {
    expect(() => plan({ op: 'highlight.update', id: 'gone', color: 'blue' })).toThrow(
      expect.objectContaining({ code: 'not-found' })
    )
    expect(() => plan({ op: 'note.update', id: 'h1', body: '' })).toThrow(
      expect.objectContaining({ code: 'not-found' })
    )
    const target = targetOf('military')
    const forged = { ...target, quote: { ...target.quote, exact: 'civilian' } }
    expect(() => plan({ op: 'highlight.create', target: forged, color: 'yellow' })).toThrow(
      expect.objectContaining({ code: 'invalid-request' })
    )
    expect(() =>
      plan({ op: 'highlight.create', target: { ...target, briefingId: 'b2' }, color: 'yellow' })
    ).toThrow(expect.objectContaining({ code: 'invalid-request' }))
    expect(() =>
      plan({ op: 'note.create', target: { kind: 'section', sectionId: 'zz' }, body: 'x' })
    ).toThrow(expect.objectContaining({ code: 'not-found' }))
  })

  it('asks for a new id only when it creates a record', () => {
    let calls = 0
    const fresh = { at: AT, newId: () => `id-${++calls}` }
    planChange(BRIEFING, RECORDS, { op: 'highlight.update', id: 'h1', note: 'n' }, fresh)
    planChange(BRIEFING, RECORDS, { op: 'note.delete', id: 'n1' }, fresh)
    expect(calls).toBe(0)
  })
})

describe('cleanTags', () => {
  it('cleans tags: trimmed, no empty ones, no case-insensitive duplicates', () => {
    expect(cleanTags([' a ', '', 'A', 'b', 'b '])).toEqual(['a', 'b'])
  })
})
