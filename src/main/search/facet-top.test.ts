// The values a facet lists must be the ones a stable sort by key would put first, per kind.

import { describe, expect, it } from 'vitest'

import { TopPerKind } from './facet-top'

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

describe('TopPerKind', () => {
  it('keeps per kind what a stable sort by key, highest first, puts first', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const next = random(seed)
      const limit = 1 + Math.floor(next() * 6)
      const offered = Array.from({ length: Math.floor(next() * 40) }, (_, id) => ({
        id,
        kind: Math.floor(next() * 3),
        // Few distinct keys: ties are common, as counts are.
        key: Math.floor(next() * 4)
      }))
      const top = new TopPerKind(3, limit)
      top.clear()
      for (const { kind, id, key } of offered) top.offer(kind, id, key)
      for (const kind of [0, 1, 2]) {
        const expected = offered
          .filter((value) => value.kind === kind)
          .sort((a, b) => b.key - a.key)
          .slice(0, limit)
          .map((value) => value.id)
        expect(top.kept(kind), `seed ${seed}, kind ${kind}`).toEqual(expected)
      }
    }
  })

  it('starts again after clear', () => {
    const top = new TopPerKind(1, 2)
    top.offer(0, 1, 5)
    top.offer(0, 2, 9)
    top.clear()
    top.offer(0, 3, 1)
    expect(top.kept(0)).toEqual([3])
  })
})
