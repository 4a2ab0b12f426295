// Unit tests of the windowing math: the rows rendered for a scroll position, and scrolling to
// reveal the keyboard-active row.

import { describe, expect, it } from 'vitest'

import { layoutRows, revealScrollTop, visibleRange } from './virtual-window'

describe('layoutRows', () => {
  it('gives each row its top and the total height last', () => {
    expect(layoutRows([34, 76, 76])).toEqual([0, 34, 110, 186])
    expect(layoutRows([])).toEqual([0])
  })
})

describe('visibleRange', () => {
  const offsets = layoutRows(new Array(10_000).fill(10))

  it('renders only the rows in view plus the overscan, wherever the list is scrolled', () => {
    expect(visibleRange(offsets, 0, 50, 0)).toEqual({ start: 0, end: 5 })
    expect(visibleRange(offsets, 0, 50, 3)).toEqual({ start: 0, end: 8 })
    expect(visibleRange(offsets, 50_000, 50, 3)).toEqual({ start: 4997, end: 5008 })
    expect(visibleRange(offsets, 99_950, 50, 3)).toEqual({ start: 9992, end: 10_000 })
  })

  it('counts a row cut by either edge of the viewport as in view', () => {
    expect(visibleRange(offsets, 15, 10, 0)).toEqual({ start: 1, end: 3 })
    expect(visibleRange(offsets, 10, 10, 0)).toEqual({ start: 1, end: 2 })
  })

  it('handles rows of different heights', () => {
    const mixed = layoutRows([34, 76, 76, 34, 76])
    expect(visibleRange(mixed, 100, 40, 0)).toEqual({ start: 1, end: 3 })
    expect(visibleRange(mixed, 186, 1, 0)).toEqual({ start: 3, end: 4 })
  })

  it('stays inside the list when scrolled past its end, before its start or with no rows', () => {
    expect(visibleRange(offsets, 200_000, 50, 2)).toEqual({ start: 9997, end: 10_000 })
    expect(visibleRange(offsets, -40, 50, 0)).toEqual({ start: 0, end: 5 })
    expect(visibleRange([0], 0, 50, 2)).toEqual({ start: 0, end: 0 })
  })
})

describe('revealScrollTop', () => {
  const offsets = layoutRows([34, 76, 76, 76, 76])

  it('leaves the scroll alone when the row is already in view', () => {
    expect(revealScrollTop(offsets, 1, 0, 200)).toBe(0)
  })

  it('scrolls just enough to show a row below or above the viewport', () => {
    expect(revealScrollTop(offsets, 3, 0, 200)).toBe(262 - 200)
    expect(revealScrollTop(offsets, 1, 150, 200)).toBe(34)
  })

  it('ignores an index outside the list', () => {
    expect(revealScrollTop(offsets, -1, 40, 200)).toBe(40)
    expect(revealScrollTop(offsets, 9, 40, 200)).toBe(40)
  })
})
