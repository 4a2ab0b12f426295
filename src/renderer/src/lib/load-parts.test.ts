import { describe, expect, it } from 'vitest'

import { gatherParts } from './load-parts'

/** A whole of `items` answered `size` at a time; `edits` change it before the given calls. */
function source(items: string[], size: number, edits: Record<number, string[]> = {}) {
  let calls = 0
  const asked: number[] = []
  return {
    asked,
    fetch: async (start: number) => {
      items = edits[calls++] ?? items
      asked.push(start)
      const starts: number[] = []
      if (start === 0) for (let next = size; next < items.length; next += size) starts.push(next)
      return { count: items.length, items: items.slice(start, start + size), starts }
    }
  }
}

const read = (part: { count: number; items: string[]; starts: number[] }) => part

describe('gatherParts', () => {
  it('asks for the first part, then for the others where it says they start', async () => {
    const s = source(['a', 'b', 'c', 'd', 'e'], 2)
    const { items } = await gatherParts(s.fetch, read)
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(s.asked).toEqual([0, 2, 4])
  })

  it('asks once for a whole that fits in one part, or for nothing', async () => {
    const one = source(['a'], 2)
    expect((await gatherParts(one.fetch, read)).items).toEqual(['a'])
    expect(one.asked).toEqual([0])
    expect((await gatherParts(source([], 2).fetch, read)).items).toEqual([])
  })

  it('shows the first part of a whole that has others, while they are asked for', async () => {
    const seen: string[][] = []
    const s = source(['a', 'b', 'c'], 2)
    await gatherParts(s.fetch, read, (first) => seen.push(first.items))
    expect(seen).toEqual([['a', 'b']])
    await gatherParts(source(['a'], 2).fetch, read, (first) => seen.push(first.items))
    expect(seen).toHaveLength(1)
  })

  it('starts again when the whole changed between parts', async () => {
    const s = source(['a', 'b', 'c'], 2, { 1: ['a', 'b', 'c', 'd'] })
    const { items } = await gatherParts(s.fetch, read)
    expect(items).toEqual(['a', 'b', 'c', 'd'])
    expect(s.asked).toEqual([0, 2, 0, 2])
  })
})
