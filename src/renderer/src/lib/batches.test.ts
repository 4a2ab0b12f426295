import { describe, expect, it } from 'vitest'

import { batchEnds } from './batches'

describe('batchEnds', () => {
  it('ends a batch once it holds the budget, never splitting a group', () => {
    expect(batchEnds([2, 2, 2, 2, 2], 4)).toEqual([2, 4, 5])
    expect(batchEnds([1, 9, 1], 4)).toEqual([2, 3])
  })

  it('makes a short list in one batch, and nothing of nothing', () => {
    expect(batchEnds([3, 1], 100)).toEqual([2])
    expect(batchEnds([], 100)).toEqual([])
  })
})
