// The entity review form's model: drafts left for later are not sent, incomplete ones are named,
// merge targets match the chosen kind, and a long briefing's partial analysis is said.

import { describe, expect, it } from 'vitest'

import type { EntityReview } from '../../../shared/entity-review'
import {
  coverageNote,
  decisionsOf,
  draftsFor,
  exampleParts,
  mergeTargets,
  resultMessage
} from './entity-review'

const REVIEW: EntityReview = {
  briefingId: 'harbour-talks',
  title: 'Harbour talks',
  proposals: [
    { name: 'Gonzalez', kind: 'person', count: 2, examples: [] },
    { name: 'Washington', kind: 'place', count: 1, examples: [] },
    { name: 'Osaka', kind: 'place', count: 2, examples: [] },
    { name: 'Tanaka', kind: 'person', count: 2, examples: [] }
  ],
  analysedChars: 60_000,
  totalChars: 250_000,
  entities: [
    { id: 'joe-biden', kind: 'person', name: 'Joe Biden' },
    { id: 'united-states', kind: 'place', name: 'United States' }
  ]
}

describe('entity review drafts', () => {
  it('sends accepted (renamed), merged and rejected proposals; later ones stay', () => {
    const drafts = draftsFor(REVIEW)
    expect(drafts.map((d) => d.action)).toEqual(['later', 'later', 'later', 'later'])
    expect(decisionsOf(drafts)).toEqual({ problem: 'Accept, merge or reject at least one entity.' })
    Object.assign(drafts[0]!, { action: 'accept', name: '  Maria Gonzalez ' })
    Object.assign(drafts[1]!, { action: 'merge', into: 'united-states' })
    Object.assign(drafts[2]!, { action: 'reject' })
    expect(decisionsOf(drafts)).toEqual({
      decisions: [
        { name: 'Gonzalez', action: 'accept', as: { name: 'Maria Gonzalez', kind: 'person' } },
        { name: 'Washington', action: 'merge', into: 'united-states' },
        { name: 'Osaka', action: 'reject' }
      ]
    })
  })

  it('names the first draft that cannot be sent', () => {
    const drafts = draftsFor(REVIEW)
    Object.assign(drafts[0]!, { action: 'accept', name: ' ' })
    expect(decisionsOf(drafts)).toEqual({ problem: 'Give “Gonzalez” a name to accept it.' })
    Object.assign(drafts[0]!, { action: 'merge' })
    expect(decisionsOf(drafts)).toEqual({
      problem: 'Choose the entity to merge “Gonzalez” with.'
    })
  })

  it('offers merge targets of the chosen kind', () => {
    expect(mergeTargets(REVIEW.entities, 'place').map((e) => e.id)).toEqual(['united-states'])
    expect(mergeTargets(REVIEW.entities, 'organisation')).toEqual([])
  })

  it('says when only the start of a long briefing was analysed', () => {
    expect(coverageNote(REVIEW)).toBe(
      'Proposed from the first 60,000 of 250,000 characters of this long briefing: names only ' +
        'mentioned further on are not listed.'
    )
    expect(coverageNote({ ...REVIEW, analysedChars: 250_000 })).toBeNull()
  })

  it('sums up what was applied', () => {
    const result = { accepted: 1, merged: 1, rejected: 0, mentionsBefore: 2, mentionsAfter: 5 }
    expect(resultMessage({ ...result, remaining: 2 })).toBe(
      'Saved: 1 accepted, 1 merged; 3 new mentions tagged.'
    )
  })

  it('marks the proposed name in an example', () => {
    expect(exampleParts('…met Osaka officials in Osaka.', 'Osaka')).toEqual([
      { text: '…met ', name: false },
      { text: 'Osaka', name: true },
      { text: ' officials in ', name: false },
      { text: 'Osaka', name: true },
      { text: '.', name: false }
    ])
    expect(exampleParts('no match', 'Osaka')).toEqual([{ text: 'no match', name: false }])
  })
})
