import { describe, expect, it } from 'vitest'

import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import type { AnchoredHighlight, HighlightColor, Note } from '../../shared/annotations'
import type { Briefing, Entity } from '../../shared/dataset'
import type { NotebookRequest } from '../../shared/notebook'
import { briefingEntries, facetsOf, queryNotebook } from './notebook-query'
import type { NotebookEntry } from './notebook-query'

const TEXT = 'Modi met Albanese in Delhi. The Quad met again in Tokyo later that year.'

function briefing(id: string, title: string): Briefing {
  return {
    id,
    title,
    source: 'S',
    published: '2026-01-01',
    tags: [],
    sections: ['s1', 's2'].map((sid) => ({
      id: sid,
      heading: `Heading ${sid}`,
      text: TEXT,
      tags: [],
      mentions: [
        { start: 0, end: 4, entity: 'modi', text: 'Modi' },
        { start: 50, end: 55, entity: 'tokyo', text: 'Tokyo' }
      ]
    }))
  }
}

let n = 0
function hl(
  section: string,
  start: number,
  end: number,
  color: HighlightColor,
  created: string,
  tags: string[] = [],
  note = ''
): AnchoredHighlight {
  const id = `h${++n}`
  return {
    id,
    target: {
      briefingId: 'x',
      sectionId: section,
      quote: { type: 'TextQuoteSelector', exact: TEXT.slice(start, end), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end }
    },
    color,
    tags,
    note,
    createdAt: created,
    updatedAt: created,
    status: 'anchored',
    range: { start, end }
  }
}

function note(briefingId: string, sectionId: string | null, created: string): Note {
  return {
    id: `n${++n}`,
    briefingId,
    target: sectionId ? { kind: 'section', sectionId } : { kind: 'briefing' },
    body: 'A note',
    tags: ['quad'],
    createdAt: created,
    updatedAt: created
  }
}

const a = briefing('alpha', 'Alpha')
const b = briefing('beta', 'Beta')
const entries: NotebookEntry[] = [
  ...briefingEntries(a, 0, {
    highlights: [
      hl('s2', 0, 10, 'green', '2026-03-02T00:00:00Z', ['quad']),
      hl('s1', 50, 60, 'yellow', '2026-03-05T00:00:00Z', ['tokyo', 'quad'], 'Note **one**'),
      hl('s1', 0, 10, 'yellow', '2026-03-01T00:00:00Z')
    ],
    notes: [
      note('alpha', 's1', '2026-03-03T00:00:00Z'),
      note('alpha', null, '2026-03-04T00:00:00Z')
    ]
  }),
  ...briefingEntries(b, 1, {
    highlights: [hl('s1', 20, 30, 'blue', '2026-02-01T00:00:00Z')],
    notes: []
  })
]

const request = (over: Partial<NotebookRequest> = {}): NotebookRequest => ({
  filter: {},
  group: 'briefing',
  sort: 'reading',
  offset: 0,
  limit: 100,
  ...over
})

const labels = DEFAULT_COLOR_LABELS
const describeItems = (over: Partial<NotebookRequest>) =>
  queryNotebook(entries, request(over), labels).items.map(
    (i) =>
      `${i.groupLabel}: ${i.kind === 'note' ? `note ${i.sectionId ?? 'briefing'}` : `${i.sectionId}@${i.quote}`}`
  )

describe('notebook listing', () => {
  it('lists every briefing in reading order: briefing notes, then each section (notes first)', () => {
    expect(describeItems({})).toEqual([
      'Alpha: note briefing',
      'Alpha: note s1',
      'Alpha: s1@Modi met A',
      'Alpha: s1@Tokyo late',
      'Alpha: s2@Modi met A',
      'Beta: s1@ Delhi. Th'
    ])
  })

  it('sorts by date within each group, newest or oldest first', () => {
    const newest = queryNotebook(entries, request({ sort: 'newest' }), labels).items
    expect(newest.map((i) => i.createdAt.slice(5, 10))).toEqual([
      '03-05',
      '03-04',
      '03-03',
      '03-02',
      '03-01',
      '02-01'
    ])
    const oldest = queryNotebook(entries, request({ sort: 'oldest', group: 'color' }), labels)
    expect(oldest.items.map((i) => i.groupLabel)).toEqual([
      'Key point',
      'Key point',
      'Evidence',
      'Question',
      'Notes',
      'Notes'
    ])
    expect(oldest.items[0]!.createdAt < oldest.items[1]!.createdAt).toBe(true)
  })

  it('groups by tag, listing an item under each of its tags, untagged last', () => {
    const page = queryNotebook(entries, request({ group: 'tag' }), labels)
    expect(page.groups).toEqual([
      { value: 'tag:quad', label: 'quad', count: 4 },
      { value: 'tag:tokyo', label: 'tokyo', count: 1 },
      { value: 'tag:', label: 'Untagged', count: 2 }
    ])
    expect(page.total).toBe(7)
    expect(page.libraryTotal).toBe(6)
  })

  it('filters by colour, tag, briefing, entity and date, all together', () => {
    const q = (filter: NotebookRequest['filter']) =>
      queryNotebook(entries, request({ filter }), labels).items.map((i) => i.id)
    expect(q({ colors: ['yellow'] })).toHaveLength(2)
    expect(q({ colors: ['yellow', 'blue'] })).toHaveLength(3)
    expect(q({ tags: ['tokyo'] })).toHaveLength(1)
    expect(q({ briefingIds: ['beta'] })).toHaveLength(1)
    // Highlights mentioning Tokyo by range; section notes by their section; briefing notes by any.
    expect(describeItems({ filter: { entities: ['tokyo'] } })).toEqual([
      'Alpha: note briefing',
      'Alpha: note s1',
      'Alpha: s1@Tokyo late'
    ])
    expect(q({ from: '2026-03-02', to: '2026-03-03' })).toHaveLength(2)
    expect(q({ colors: ['yellow'], from: '2026-03-02' })).toHaveLength(1)
  })

  it('cuts pages while counting every group over all pages', () => {
    const page = queryNotebook(entries, request({ offset: 4, limit: 10 }), labels)
    expect(page.offset).toBe(4)
    expect(page.items.map((i) => i.briefingId)).toEqual(['alpha', 'beta'])
    expect(page.groups).toEqual([
      { value: 'briefing:alpha', label: 'Alpha', count: 5 },
      { value: 'briefing:beta', label: 'Beta', count: 1 }
    ])
  })

  it('offers the colours, tags, entities and briefings there are, with counts', () => {
    const entities = new Map<string, Entity>([
      ['modi', { id: 'modi', kind: 'person', name: 'Narendra Modi', aliases: [] }]
    ])
    const facets = facetsOf(entries, [a, b], entities, labels)
    expect(facets.colors.map((c) => `${c.label} ${c.count}`)).toEqual([
      'Key point 2',
      'Evidence 1',
      'Question 1'
    ])
    expect(facets.tags.map((t) => `${t.value} ${t.count}`)).toEqual(['quad 4', 'tokyo 1'])
    expect(facets.entities.map((e) => e.label)).toEqual(['Narendra Modi', 'tokyo'])
    expect(facets.briefings).toEqual([
      { value: 'alpha', label: 'Alpha', count: 5 },
      { value: 'beta', label: 'Beta', count: 1 }
    ])
  })
})
