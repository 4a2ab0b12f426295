import { describe, expect, it } from 'vitest'

import type { BriefingSummary } from '../../../shared/library'
import {
  EMPTY_FILTER,
  hasAnnotationCounts,
  hasReadingData,
  matchesFilter,
  readingStatus,
  sortBriefings
} from './library-filter'

function card(id: string, extra: Partial<BriefingSummary> = {}): BriefingSummary {
  return {
    id,
    title: id,
    source: 'Source',
    published: '2024-01-01',
    tags: [],
    sectionCount: 1,
    entityCount: 0,
    imported: false,
    ...extra
  }
}

const ids = (list: BriefingSummary[]): string[] => list.map((b) => b.id)

describe('sortBriefings', () => {
  it('sorts titles A to Z ignoring case and reading numbers as numbers', () => {
    const list = [card('b', { title: 'beta 10' }), card('a', { title: 'Beta 9' }), card('c')]
    expect(ids(sortBriefings(list, 'title'))).toEqual(['a', 'b', 'c'])
  })

  it('sorts published newest first, keeping list order on ties', () => {
    const list = [
      card('old', { published: '2020-01-01' }),
      card('new1', { published: '2025-01-01' }),
      card('new2', { published: '2025-01-01' })
    ]
    expect(ids(sortBriefings(list, 'published'))).toEqual(['new1', 'new2', 'old'])
  })

  it('puts briefings added by import newest first and bundled ones after, in list order', () => {
    const list = [
      card('bundled1'),
      card('bundled2'),
      card('early', { addedAt: '2026-01-01T00:00:00Z' }),
      card('late', { addedAt: '2026-02-01T00:00:00Z' })
    ]
    expect(ids(sortBriefings(list, 'added'))).toEqual(['late', 'early', 'bundled1', 'bundled2'])
  })

  it('sorts by source, then title', () => {
    const list = [
      card('z', { source: 'B', title: 'a' }),
      card('y', { source: 'A', title: 'b' }),
      card('x', { source: 'A', title: 'a' })
    ]
    expect(ids(sortBriefings(list, 'source'))).toEqual(['x', 'y', 'z'])
  })

  it('puts never-read briefings last when sorting by last read', () => {
    const list = [card('never'), card('read', { lastReadAt: '2026-03-01T00:00:00Z' })]
    expect(ids(sortBriefings(list, 'lastRead'))).toEqual(['read', 'never'])
  })
})

describe('matchesFilter', () => {
  const briefing = card('one', {
    title: 'Modi in Tokyo',
    source: 'Reuters',
    tags: ['india', 'japan'],
    entityIds: ['narendra-modi'],
    imported: true
  })
  const match = (f: Partial<typeof EMPTY_FILTER>): boolean =>
    matchesFilter(briefing, { ...EMPTY_FILTER, ...f })

  it('matches every typed word against title, source and tags', () => {
    expect(match({ text: 'tokyo' })).toBe(true)
    expect(match({ text: 'reu JAPAN' })).toBe(true)
    expect(match({ text: 'tokyo paris' })).toBe(false)
    expect(match({ text: '   ' })).toBe(true)
  })

  it('filters by tag, source, entity and origin', () => {
    expect(match({ tag: 'india' })).toBe(true)
    expect(match({ tag: 'china' })).toBe(false)
    expect(match({ source: 'Reuters' })).toBe(true)
    expect(match({ source: 'AP' })).toBe(false)
    expect(match({ entity: 'narendra-modi' })).toBe(true)
    expect(match({ entity: 'tokyo' })).toBe(false)
    expect(match({ origin: 'imported' })).toBe(true)
    expect(match({ origin: 'bundled' })).toBe(false)
  })

  it('keeps only annotated briefings under "has notes"', () => {
    expect(match({ hasNotes: true })).toBe(false)
    expect(matchesFilter({ ...briefing, noteCount: 1 }, { ...EMPTY_FILTER, hasNotes: true })).toBe(
      true
    )
  })
})

describe('counts and reading states', () => {
  const shelf = [
    card('plain'),
    card('marked', { highlightCount: 4, noteCount: 0 }),
    card('noted', { highlightCount: 0, noteCount: 2 }),
    card('both', { highlightCount: 1, noteCount: 1, progress: 0.5, lastReadAt: '2026-01-02' }),
    card('done', { progress: 1, lastReadAt: '2026-01-03' }),
    card('almost', { progress: 0.99, lastReadAt: '2026-01-01' }),
    card('opened', { progress: 0, lastReadAt: '2026-01-04' })
  ]
  const shown = (f: Partial<typeof EMPTY_FILTER>, sort: 'title' | 'lastRead' = 'title') =>
    ids(
      sortBriefings(
        shelf.filter((b) => matchesFilter(b, { ...EMPTY_FILTER, ...f })),
        sort
      )
    )

  it('keeps briefings with notes, with highlights, or with both', () => {
    expect(shown({ hasNotes: true })).toEqual(['both', 'noted'])
    expect(shown({ hasHighlights: true })).toEqual(['both', 'marked'])
    expect(shown({ hasNotes: true, hasHighlights: true })).toEqual(['both'])
  })

  it('tells unread, in progress (opened at the top counts) and finished (read to the end)', () => {
    expect(shown({ status: 'unread' })).toEqual(['marked', 'noted', 'plain'])
    expect(shown({ status: 'inProgress' }, 'lastRead')).toEqual(['opened', 'both'])
    expect(shown({ status: 'finished' }, 'lastRead')).toEqual(['done', 'almost'])
  })

  it('combines states with the filter box and counts, and sorts what is left', () => {
    expect(shown({ status: 'inProgress', hasNotes: true, text: 'bo' })).toEqual(['both'])
    expect(shown({ hasHighlights: true, status: 'unread' })).toEqual(['marked'])
  })
})

describe('reading data', () => {
  it('is absent until a summary carries it, and then gives each briefing a status', () => {
    expect(hasReadingData([card('a')])).toBe(false)
    expect(hasAnnotationCounts([card('a')])).toBe(false)
    expect(readingStatus(card('a'))).toBe('unread')
    expect(readingStatus(card('a', { progress: 0.4 }))).toBe('inProgress')
    expect(readingStatus(card('a', { progress: 1 }))).toBe('finished')
    expect(hasReadingData([card('a'), card('b', { progress: 0.1 })])).toBe(true)
  })
})
