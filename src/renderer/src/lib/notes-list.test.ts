// Unit tests of the notes panel list: reading order, orphans, unknown sections and filters.

import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight, HighlightColor, Note } from '../../../shared/annotations'
import { buildNotesList, NotesListBuilder } from './notes-list'
import type { NotesList } from './notes-list'

const sections = [
  { id: 's1', heading: 'One' },
  { id: 's2', heading: 'Two' }
]

let clock = 0
function highlight(
  id: string,
  sectionId: string,
  start: number | null,
  color: HighlightColor = 'yellow',
  tags: string[] = []
): AnchoredHighlight {
  const time = new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString()
  return {
    id,
    target: {
      briefingId: 'b',
      sectionId,
      quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: start ?? 0, end: (start ?? 0) + 2 }
    },
    color,
    tags,
    note: '',
    createdAt: time,
    updatedAt: time,
    status: start === null ? 'orphaned' : 'anchored',
    ...(start === null ? {} : { range: { start, end: start + 2 } })
  }
}

function note(id: string, sectionId: string | null, tags: string[] = []): Note {
  const time = new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString()
  return {
    id,
    briefingId: 'b',
    target: sectionId ? { kind: 'section', sectionId } : { kind: 'briefing' },
    body: id,
    tags,
    createdAt: time,
    updatedAt: time
  }
}

/** The list as ids: briefing notes, [section, ids] groups, orphans. */
function ids(list: NotesList): unknown {
  return [
    list.briefingNotes.map((n) => n.id),
    list.sections.map((g) => [
      g.heading,
      g.items.map((i) => (i.kind === 'note' ? i.note.id : i.highlight.id))
    ]),
    list.orphans.map((h) => h.id)
  ]
}

const highlights = [
  highlight('h2-late', 's2', 50, 'blue', ['follow']),
  highlight('h1-b', 's1', 30, 'green'),
  highlight('h1-a', 's1', 5, 'yellow', ['follow']),
  highlight('orphan', 's1', null, 'pink'),
  highlight('gone', 'removed', 3, 'yellow')
]
const notes = [note('n-s2', 's2', ['follow']), note('n-brief', null), note('n-s1', 's1')]

describe('buildNotesList', () => {
  it('orders briefing notes, then sections in briefing order (notes, then highlights)', () => {
    const list = buildNotesList(sections, highlights, notes)
    expect(ids(list)).toEqual([
      ['n-brief'],
      [
        ['One', ['n-s1', 'h1-a', 'h1-b']],
        ['Two', ['n-s2', 'h2-late']],
        ['Removed section “removed”', ['gone']]
      ],
      ['orphan']
    ])
    expect(list.total).toBe(8)
    expect(list.shown).toBe(8)
    expect(list.tags).toEqual(['follow'])
  })

  it('filters by colour (hiding notes, which have none)', () => {
    const list = buildNotesList(sections, highlights, notes, {
      colors: ['yellow', 'pink'],
      tag: null
    })
    expect(ids(list)).toEqual([
      [],
      [
        ['One', ['h1-a']],
        ['Removed section “removed”', ['gone']]
      ],
      ['orphan']
    ])
    expect(list.shown).toBe(3)
    expect(list.total).toBe(8)
  })

  it('filters by tag across notes and highlights', () => {
    const list = buildNotesList(sections, highlights, notes, { colors: [], tag: 'follow' })
    expect(ids(list)).toEqual([
      [],
      [
        ['One', ['h1-a']],
        ['Two', ['n-s2', 'h2-late']]
      ],
      []
    ])
  })

  it('is empty for no annotations', () => {
    const list = buildNotesList(sections, [], [])
    expect(list.sections).toEqual([])
    expect(list.total).toBe(0)
  })
})

describe('NotesListBuilder after an edit', () => {
  it('gives the list a fresh build gives, keeping the groups the edit did not touch', () => {
    const builder = new NotesListBuilder()
    const before = builder.build(sections, highlights, notes)
    const recoloured = { ...highlights[1]!, color: 'pink' as const }
    const edited = highlights.map((h) => (h.id === recoloured.id ? recoloured : h))
    const after = builder.build(sections, edited, notes)
    expect(after).toEqual(buildNotesList(sections, edited, notes))
    const group = (list: NotesList, id: string) => list.sections.find((g) => g.sectionId === id)
    expect(group(after, 's2')).toBe(group(before, 's2'))
    expect(group(after, 's1')).not.toBe(group(before, 's1'))
    // Deleting the only highlight of the removed section drops its group.
    const fewer = edited.filter((h) => h.id !== 'gone')
    expect(ids(builder.build(sections, fewer, notes))).toEqual(
      ids(buildNotesList(sections, fewer, notes))
    )
  })
})
