// The best few of many must be what sorting all of them and taking the first few gives.

import { describe, expect, it } from 'vitest'

import { topK } from './top-k'

describe('topK', () => {
  const items = Array.from({ length: 2000 }, (_, i) => ({ i, score: (i * 7919) % 113 }))
  const before = (a: { score: number }, b: { score: number }) => a.score > b.score

  it('keeps the items a stable sort would list first, in that order', () => {
    const sorted = [...items].sort((a, b) => b.score - a.score)
    for (const limit of [1, 5, 20, 300]) {
      expect(topK(items, limit, before), String(limit)).toEqual(sorted.slice(0, limit))
    }
  })

  it('returns everything when there are fewer items than the limit, and nothing for 0', () => {
    expect(topK(items.slice(0, 3), 10, before)).toEqual(
      items.slice(0, 3).sort((a, b) => b.score - a.score)
    )
    expect(topK(items, 0, before)).toEqual([])
  })
})
