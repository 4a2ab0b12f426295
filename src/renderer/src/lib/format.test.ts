// Unit tests of the display helpers.

import { describe, expect, it } from 'vitest'

import { formatDate, formatShortDateTime, plural, tagLabel } from './format'

describe('format', () => {
  it('formats ISO dates without time-zone drift and passes through bad input', () => {
    expect(formatDate('2024-03-09')).toBe('9 March 2024')
    expect(formatDate('1999-12-31')).toBe('31 December 1999')
    expect(formatDate('soon')).toBe('soon')
  })

  it('drops the year of this year from short date-times', () => {
    const now = new Date(2024, 5, 1)
    expect(formatShortDateTime(new Date(2024, 2, 9, 14, 5).toISOString(), now)).toBe('9 Mar, 14:05')
    expect(formatShortDateTime(new Date(2023, 2, 9, 14, 5).toISOString(), now)).toBe(
      '9 Mar 2023, 14:05'
    )
    expect(formatShortDateTime('later')).toBe('later')
  })

  it('pluralises counts and labels tags', () => {
    expect(plural(1, 'section')).toBe('1 section')
    expect(plural(1200, 'match', 'matches')).toBe('1,200 matches')
    expect(tagLabel('indo-pacific')).toBe('indo pacific')
  })
})
