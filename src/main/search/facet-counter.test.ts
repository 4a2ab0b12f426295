// Facet lists show the most frequent values first, ties in label order, at most FACET_LIMIT.

import { describe, expect, it } from 'vitest'

import { Counter, FACET_LIMIT } from './facet-counter'

describe('facet counter', () => {
  it('lists the most frequent values first, ties by label, counting each addition', () => {
    const counter = new Counter()
    for (const [value, label] of [
      ['b', 'Beta'],
      ['a', 'Alpha'],
      ['c', 'Gamma'],
      ['b', 'Beta'],
      ['d', 'Delta']
    ] as const) {
      counter.add(value, label)
    }
    counter.add('d', 'Delta', 3)
    expect(counter.top()).toEqual([
      { value: 'd', label: 'Delta', count: 4 },
      { value: 'b', label: 'Beta', count: 2 },
      { value: 'a', label: 'Alpha', count: 1 },
      { value: 'c', label: 'Gamma', count: 1 }
    ])
  })

  it('keeps only the top values, the same ones a full sort would keep', () => {
    const counter = new Counter()
    const counts = Array.from({ length: 500 }, (_, i) => (i * 7919) % 97)
    counts.forEach((count, i) =>
      counter.add(`v${i}`, `label ${String(i).padStart(3, '0')}`, count + 1)
    )
    const expected = counts
      .map((count, i) => ({
        value: `v${i}`,
        label: `label ${String(i).padStart(3, '0')}`,
        count: count + 1
      }))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1))
      .slice(0, FACET_LIMIT)
    expect(counter.top()).toEqual(expected)
    expect(counter.top(3)).toEqual(expected.slice(0, 3))
  })
})
