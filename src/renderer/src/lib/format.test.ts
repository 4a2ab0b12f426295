// Unit tests of the display helpers.

import { describe, expect, it } from 'vitest'

import { formatDate, plural, tagLabel } from './format'

describe('format', () => {
  it('formats ISO dates without time-zone drift and passes through bad input', () => {
    expect(formatDate('2024-03-09')).toBe('9 March 2024')
    expect(formatDate('1999-12-31')).toBe('31 December 1999')
    expect(formatDate('soon')).toBe('soon')
  })

  it('pluralises counts and labels tags', () => {
    expect(plural(1, 'section')).toBe('1 section')
    expect(plural(1200, 'match', 'matches')).toBe('1,200 matches')
    expect(tagLabel('indo-pacific')).toBe('indo pacific')
  })
})
