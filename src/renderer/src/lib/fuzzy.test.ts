import { describe, expect, it } from 'vitest'

import { fuzzyFilter, fuzzyMatch } from './fuzzy'

describe('fuzzy matching', () => {
  it('matches characters in order, ignoring case and spaces in the query', () => {
    expect(fuzzyMatch('expn', 'Export Notes…')).not.toBeNull()
    expect(fuzzyMatch('EXP no', 'Export Notes…')?.positions).toEqual([0, 1, 2, 7, 8])
    expect(fuzzyMatch('nx', 'Export Notes…')).toBeNull()
  })
  it('prefers word starts over letters inside words', () => {
    expect(fuzzyMatch('in', 'Going to Inbox')?.positions).toEqual([9, 10])
    expect(fuzzyMatch('ps', 'Previous Section')?.positions).toEqual([0, 9])
  })
  it('keeps a later word start only when the rest of the query still fits', () => {
    expect(fuzzyMatch('abc', 'xabc a')?.positions).toEqual([1, 2, 3])
  })
  it('ranks prefixes and runs above scattered matches, shorter texts first among equals', () => {
    const items = ['Redo', 'Reading settings for documents', 'Undo', 'Re-Do', 'Find…']
    const ranked = fuzzyFilter(items, 'redo', (s) => s).map((r) => r.item)
    expect(ranked[0]).toBe('Redo')
    expect(ranked).not.toContain('Undo')
    expect(ranked).not.toContain('Find…')
    expect(fuzzyFilter(items, '', (s) => s).map((r) => r.item)).toEqual(items)
  })
  it('finds a section by a few letters of each word', () => {
    const headings = ['Overview', 'Maritime posture', 'Market reaction', 'Outlook']
    expect(fuzzyFilter(headings, 'mar pos', (s) => s)[0]?.item).toBe('Maritime posture')
  })
})
