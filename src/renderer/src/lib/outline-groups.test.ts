import { describe, expect, it } from 'vitest'

import { outlineGroups } from './outline-groups'

describe('outlineGroups', () => {
  it('covers every section once, in order, in groups of at most the size', () => {
    const groups = outlineGroups(250, 100)
    expect(groups).toEqual([
      { start: 0, end: 100 },
      { start: 100, end: 200 },
      { start: 200, end: 250 }
    ])
  })

  it('has no groups for no sections and one for a short briefing', () => {
    expect(outlineGroups(0)).toEqual([])
    expect(outlineGroups(7)).toEqual([{ start: 0, end: 7 }])
  })
})
