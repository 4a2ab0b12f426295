import { describe, expect, it } from 'vitest'

import { rovingIndex, tabStopIndex } from './roving-focus'

describe('roving tab stop', () => {
  it('moves one item with the arrows and stops at the ends', () => {
    expect(rovingIndex(5, 2, 'ArrowDown')).toBe(3)
    expect(rovingIndex(5, 2, 'ArrowRight')).toBe(3)
    expect(rovingIndex(5, 2, 'ArrowUp')).toBe(1)
    expect(rovingIndex(5, 4, 'ArrowDown')).toBe(4)
    expect(rovingIndex(5, 0, 'ArrowLeft')).toBe(0)
  })
  it('goes to the first and last item with Home and End', () => {
    expect(rovingIndex(5, 2, 'Home')).toBe(0)
    expect(rovingIndex(5, 2, 'End')).toBe(4)
  })
  it('leaves other keys, and empty lists, alone', () => {
    expect(rovingIndex(5, 2, 'Enter')).toBeNull()
    expect(rovingIndex(0, 0, 'ArrowDown')).toBeNull()
  })
  it('keeps the tab stop on the focused item, else the chosen one, else the last used', () => {
    expect(tabStopIndex(3, 1, 0)).toBe(3)
    expect(tabStopIndex(-1, 1, 4)).toBe(1)
    expect(tabStopIndex(-1, -1, 4)).toBe(4)
    expect(tabStopIndex(-1, -1, -1)).toBe(0)
  })
})
