// Ranks of section refs must order sections as their refs sort, in a library larger than one run
// of the ranking, for sections numbered since, and when a ranking is given up halfway.

import { describe, expect, it } from 'vitest'

import { RefRanks } from './ref-ranks'

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** Refs as sectionRef makes them, some equal (a replaced section keeps its ref). */
function refsOf(count: number, next: () => number): string[] {
  return Array.from({ length: count }, () =>
    JSON.stringify([`b${Math.floor(next() * 3000)}`, `s${Math.floor(next() * 12)}`])
  )
}

/**
 * Sections with different refs compare as their refs sort; two numbers of one ref (an old section
 * and its replacement, of which only the replacement can be a hit) may come in either order, but
 * not both before the other.
 */
function expectRefOrder(ranks: RefRanks, refs: readonly string[], next: () => number): void {
  for (let i = 0; i < 20_000; i++) {
    const a = Math.floor(next() * refs.length)
    const b = Math.floor(next() * refs.length)
    if (refs[a] === refs[b]) {
      expect(ranks.before(a, b) && ranks.before(b, a), `${refs[a]} both ways`).toBe(false)
      continue
    }
    expect(ranks.before(a, b), `${refs[a]} before ${refs[b]}`).toBe(refs[a]! < refs[b]!)
  }
}

describe('RefRanks', () => {
  it('orders sections as their refs sort, ranked, then with sections numbered since', async () => {
    const next = random(1) // draws pairs of equal refs, both ranked
    const refs = refsOf(10_000, next)
    const ranks = new RefRanks()
    for (const ref of refs) ranks.add(ref)
    expectRefOrder(ranks, refs, next)
    await ranks.settle(() => true)
    expectRefOrder(ranks, refs, next)
    const added = refsOf(500, next)
    for (const ref of added) ranks.add(ref)
    expectRefOrder(ranks, [...refs, ...added], next)
  })

  it('keeps the order it had when a ranking is given up', async () => {
    const next = random(11)
    const refs = refsOf(9_000, next)
    const ranks = new RefRanks()
    for (const ref of refs.slice(0, 4_000)) ranks.add(ref)
    await ranks.settle(() => true)
    for (const ref of refs.slice(4_000)) ranks.add(ref)
    let turns = 0
    await ranks.settle(() => ++turns < 2)
    expectRefOrder(ranks, refs, next)
  })
})
