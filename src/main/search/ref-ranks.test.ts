// Ranks of refs must order documents as their refs sort: in an index larger than one run of the
// ranking, for documents added, removed or re-added since a ranking or while one runs, and when a
// ranking is given up halfway.
import { setImmediate as nextTurn } from 'node:timers/promises'

import fc from 'fast-check'
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
 * Documents with different refs compare as their refs sort; two numbers of one ref (an old section
 * and its replacement, of which only the replacement can be a hit) may come in either order, but
 * not both before the other.
 */
function expectPairInOrder(ranks: RefRanks, a: number, refA: string, b: number, refB: string) {
  if (refA === refB) {
    expect(ranks.before(a, b) && ranks.before(b, a), `${refA} both ways`).toBe(false)
  } else expect(ranks.before(a, b), `${refA} before ${refB}`).toBe(refA < refB)
}

function expectRefOrder(ranks: RefRanks, refs: readonly string[], next: () => number): void {
  for (let i = 0; i < 20_000; i++) {
    const a = Math.floor(next() * refs.length)
    const b = Math.floor(next() * refs.length)
    expectPairInOrder(ranks, a, refs[a]!, b, refs[b]!)
  }
}

function expectAllInOrder(ranks: RefRanks, refs: ReadonlyMap<number, string>): void {
  for (const [a, refA] of refs)
    for (const [b, refB] of refs) expectPairInOrder(ranks, a, refA, b, refB)
}

const turn = () => nextTurn()

function addAll(ranks: RefRanks, refs: readonly string[], from = 0): void {
  refs.forEach((ref, i) => ranks.add(from + i, ref))
}

describe('RefRanks', () => {
  it('orders sections as their refs sort, ranked, then with sections numbered since', async () => {
    const next = random(1) // draws pairs of equal refs, both ranked
    const refs = refsOf(10_000, next)
    const ranks = new RefRanks()
    addAll(ranks, refs)
    expectRefOrder(ranks, refs, next)
    await ranks.settle(() => true)
    expect(ranks.ranked).toBe(10_000)
    expectRefOrder(ranks, refs, next)
    const added = refsOf(500, next)
    addAll(ranks, added, refs.length)
    expectRefOrder(ranks, [...refs, ...added], next)
  })

  it('keeps the order it had when a ranking is given up', async () => {
    const next = random(11)
    const refs = refsOf(9_000, next)
    const ranks = new RefRanks()
    addAll(ranks, refs.slice(0, 4_000))
    await ranks.settle(() => true)
    addAll(ranks, refs.slice(4_000), 4_000)
    let turns = 0
    await ranks.settle(() => ++turns < 2)
    expect(ranks.ranked).toBe(4_000)
    expectRefOrder(ranks, refs, next)
  })

  it('orders any two documents in the index as their refs sort, through adds and removes', async () => {
    const step = fc.oneof(
      fc.record({ add: fc.nat(20), ref: fc.string({ maxLength: 4 }) }),
      fc.record({ remove: fc.nat(20) }),
      fc.constant({ settle: true })
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const ranks = new RefRanks()
        const refs = new Map<number, string>()
        for (const s of steps) {
          if ('add' in s) {
            if ([...refs].some(([doc, ref]) => ref === s.ref && doc !== s.add)) continue
            ranks.add(s.add, s.ref)
            refs.set(s.add, s.ref)
          } else if ('remove' in s) {
            ranks.removed(s.remove)
            refs.delete(s.remove)
          } else await ranks.settle(() => true)
          expectAllInOrder(ranks, refs)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('orders documents as their refs sort while rankings run among adds, removes and re-adds', async () => {
    // Refs repeat (as a replaced section's do); runs of 2 make a ranking take many turns.
    const step = fc.oneof(
      fc.record({ add: fc.nat(24), ref: fc.stringMatching(/^[ab]{0,3}$/) }),
      fc.record({ remove: fc.nat(24) }),
      fc.record({ settle: fc.option(fc.nat(8), { nil: undefined }) }),
      fc.record({ turns: fc.integer({ min: 1, max: 6 }) })
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }),
        async (steps) => {
          const ranks = new RefRanks(2)
          const refs = new Map<number, string>()
          for (const s of steps) {
            if ('add' in s) {
              ranks.add(s.add, s.ref)
              refs.set(s.add, s.ref)
            } else if ('remove' in s) {
              ranks.removed(s.remove)
              refs.delete(s.remove)
            } else if ('settle' in s) {
              // Not awaited; given up after `settle` turns, if it says so.
              let turns = 0
              void ranks.settle(() => s.settle === undefined || turns++ < s.settle)
            } else for (let t = 0; t < s.turns; t++) await turn()
            expectAllInOrder(ranks, refs)
          }
          await ranks.settle(() => true)
          expectAllInOrder(ranks, refs)
          // Nothing changed while it ran: all but the share tolerated unranked are ranked.
          expect(refs.size - ranks.ranked).toBeLessThanOrEqual(ranks.ranked / 4)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('compares by ref the documents changed after a ranking took its snapshot', async () => {
    const ranks = new RefRanks(1)
    addAll(ranks, ['"a"', '"b"', '"c"', '"d"', '"e"'])
    const settling = ranks.settle(() => true)
    ranks.add(0, '"z"') // re-added with another ref
    ranks.removed(3)
    ranks.add(3, '"0"') // removed, then added with another ref
    ranks.removed(4) // removed, then added again with the ref it had, still unranked
    ranks.add(4, '"e"')
    await settling
    expect(ranks.ranked).toBe(2)
    expect([ranks.before(0, 1), ranks.before(1, 0)]).toEqual([false, true])
    expect([ranks.before(0, 2), ranks.before(2, 0)]).toEqual([false, true])
    expect([ranks.before(3, 1), ranks.before(1, 3)]).toEqual([true, false])
    expect([ranks.before(0, 3), ranks.before(3, 0)]).toEqual([false, true])
    expect([ranks.before(4, 2), ranks.before(2, 4)]).toEqual([false, true])
  })

  it('ranks again, once a ranking ends, when asked again while it ran', async () => {
    const refs = ['"d"', '"a"', '"c"', '"b"', '"h"', '"e"', '"g"', '"f"']
    const ranks = new RefRanks(1)
    addAll(ranks, refs.slice(0, 4))
    const first = ranks.settle(() => true)
    addAll(ranks, refs.slice(4), 4)
    const second = ranks.settle(() => true)
    await Promise.all([first, second])
    expect(ranks.ranked).toBe(8)
    expectAllInOrder(ranks, new Map(refs.entries()))
  })

  it('never mixes the ranks of two rankings: one runs at a time', async () => {
    const ranks = new RefRanks(1)
    addAll(ranks, ['"b"', '"c"', '"d"', '"e"', '"f"', '"g"', '"h"', '"i"'])
    const first = ranks.settle(() => true) // eight documents: many turns
    for (let doc = 3; doc < 8; doc++) ranks.removed(doc)
    ranks.add(8, '"a"')
    // Run beside the first, this one (four documents) would end first, and the first would then
    // rank 0-2 after its own snapshot while 8 kept its rank from this one.
    const second = ranks.settle(() => true)
    await Promise.all([first, second])
    expect(ranks.ranked).toBe(4)
    expectAllInOrder(
      ranks,
      new Map([
        [0, '"b"'],
        [1, '"c"'],
        [2, '"d"'],
        [8, '"a"']
      ])
    )
  })

  it('gives a ranking up when the latest caller no longer wants it', async () => {
    const ranks = new RefRanks(1)
    addAll(ranks, ['"d"', '"a"', '"c"', '"b"'])
    const first = ranks.settle(() => true)
    await Promise.all([first, ranks.settle(() => false)])
    expect(ranks.ranked).toBe(0)
    await ranks.settle(() => true)
    expect(ranks.ranked).toBe(4)
  })
})
