// The cards' profile data: bundled briefings are added with the dataset, imported ones when
// imported; reading progress and annotation counts join the cards they belong to.

import { describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { listBriefings } from './briefings'
import { withProfileData } from './profile-summaries'

const briefing = (id: string, published: string): Briefing => ({
  id,
  title: id,
  source: 'S',
  published,
  tags: [],
  sections: [
    { id: 's1', heading: 'One', text: 'x', tags: [], mentions: [] },
    { id: 's2', heading: 'Two', text: 'y', tags: [], mentions: [] }
  ]
})

const library = {
  entities: new Map(),
  briefings: [
    briefing('old', '2020-01-01'),
    briefing('new', '2022-05-23'),
    briefing('imp', '2019-01-01'),
    briefing('lost', '2018-03-04')
  ]
}

describe('withProfileData', () => {
  const list = listBriefings(library, new Set(['imp', 'lost']))
  const cards = withProfileData(list, library, {
    positions: new Map([['new', { briefingId: 'new', sectionId: 's2', offset: 5000, at: 'T' }]]),
    added: new Map([['imp', '2026-02-03T04:05:06.000Z']]),
    counts: new Map([['imp', { highlights: 3, notes: 1 }]])
  })
  const card = (id: string) => cards.find((c) => c.id === id)!

  it('dates every briefing: bundled ones the dataset’s newest day, imported ones their import', () => {
    expect(card('old').addedAt).toBe('2022-05-23T00:00:00.000Z')
    expect(card('new').addedAt).toBe('2022-05-23T00:00:00.000Z')
    expect(card('imp').addedAt).toBe('2026-02-03T04:05:06.000Z')
    // No date known at all: its own published day.
    expect(card('lost').addedAt).toBe('2018-03-04T00:00:00.000Z')
  })

  it('puts progress and counts on their own cards only', () => {
    expect(card('new')).toMatchObject({ lastReadAt: 'T', progress: 0.75 })
    expect(card('old').progress).toBeUndefined()
    expect(card('imp')).toMatchObject({ highlightCount: 3, noteCount: 1 })
    expect(card('old').highlightCount).toBeUndefined()
  })
})
