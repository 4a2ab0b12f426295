// The briefing-id rule: what it accepts and refuses, and its request check agreeing with it.

import { describe, expect, it } from 'vitest'

import { BRIEFING_ID_MAX_LENGTH, briefingIdCheck, isBriefingId } from './ids'

const GOOD = ['india-japan-quad-2022', 'b1', 'a', '2022', 'x'.repeat(BRIEFING_ID_MAX_LENGTH)]
const BAD = [
  '',
  'x'.repeat(BRIEFING_ID_MAX_LENGTH + 1),
  'India-Japan',
  '-a',
  'a-',
  'a--b',
  'a_b',
  'a.b',
  'a:b',
  '../x',
  'a/b',
  'a b',
  'é',
  'con\n',
  42,
  null,
  undefined,
  ['a']
]

describe('briefing ids', () => {
  it.each(GOOD)('accepts %j', (id) => {
    expect(isBriefingId(id)).toBe(true)
    expect(briefingIdCheck(id, 'request.id')).toEqual({ ok: true, value: id })
  })

  it.each(BAD)('refuses %j', (id) => {
    expect(isBriefingId(id)).toBe(false)
    expect(briefingIdCheck(id, 'request.id')).toEqual({
      ok: false,
      message: 'request.id: expected a briefing id'
    })
  })
})
