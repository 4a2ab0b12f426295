// The best few of many must be what sorting all of them and taking the first few gives.

import { describe, expect, it } from 'vitest'

import { topK, topPositions } from './top-k'

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

describe('topPositions', () => {
  // Scores with many ties, broken by a second key, as hits (by ref) and facet values (by label).
  const scores = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 37)
  const second = Array.from({ length: 3000 }, (_, i) => (i * 104729) % 11)
  const before = (a: number, b: number) =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && second[a]! < second[b]!)

  it('keeps the positions topK keeps, in the same order', () => {
    const positions = scores.map((_, i) => i)
    for (const limit of [0, 1, 20, 30, 500]) {
      expect(
        topPositions(3000, limit, (i) => scores[i]!, before),
        String(limit)
      ).toEqual(topK(positions, limit, before))
    }
    expect(topPositions(5, 20, (i) => scores[i]!, before)).toEqual(
      topK([0, 1, 2, 3, 4], 20, before)
    )
  })
})
