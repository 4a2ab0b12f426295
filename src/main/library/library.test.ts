// Which briefings differ between two libraries: what main tells the search index to read again
// after an import or an edit, instead of having it rescan every file.

import { describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { changedBriefings } from './library'

function briefing(id: string, title = id): Briefing {
  return { id, title, source: 'Test', published: '2026-01-01', tags: [], sections: [] }
}

describe('changedBriefings', () => {
  it('names the briefings added, replaced and removed, and no other', () => {
    const [a, b, c] = [briefing('a'), briefing('b'), briefing('c')]
    const before = { entities: new Map(), briefings: [a, b, c] }
    const after = { entities: new Map(), briefings: [a, briefing('b', 'New title'), briefing('d')] }
    expect(changedBriefings(before, after).sort()).toEqual(['b', 'c', 'd'])
    expect(changedBriefings(before, { ...before })).toEqual([])
  })
})
