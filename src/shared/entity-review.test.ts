// The entity-review requests main accepts: decisions of the three kinds, nothing else.

import { describe, expect, it } from 'vitest'

import { validateEntityDecisions } from './entity-review'

describe('validateEntityDecisions', () => {
  it('accepts accept, merge and reject decisions', () => {
    const request = {
      briefingId: 'harbour-talks',
      decisions: [
        { name: 'Gonzalez', action: 'accept', as: { name: 'Maria Gonzalez', kind: 'person' } },
        { name: 'Washington', action: 'merge', into: 'united-states' },
        { name: 'Osaka', action: 'reject' }
      ]
    }
    expect(validateEntityDecisions(request)).toEqual({ ok: true, value: request })
  })

  it.each([
    [{ briefingId: '../x', decisions: [] }, 'request.briefingId: expected a briefing id'],
    [
      { briefingId: 'a', decisions: [{ name: 'X', action: 'delete' }] },
      'request.decisions[0].action: expected one of accept, merge, reject'
    ],
    [
      {
        briefingId: 'a',
        decisions: [{ name: 'X', action: 'accept', as: { name: ' ', kind: 'person' } }]
      },
      'request.decisions[0].as.name: expected a name of 1–200 characters'
    ],
    [
      { briefingId: 'a', decisions: [{ name: 'X', action: 'merge', into: 'Bad Id' }] },
      'request.decisions[0].into: expected an id'
    ]
  ])('refuses %j', (request, message) => {
    expect(validateEntityDecisions(request)).toEqual({ ok: false, message })
  })
})
