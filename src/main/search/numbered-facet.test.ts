// A facet counted by numbers answers as a Counter given the same values, labels and counts in
// the same order: every value, and the top values (ties by label, then in the order met).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { Interned } from './annotation-table'
import { Counter } from './facet-counter'
import { NumberedFacet } from './numbered-facet'

const VALUES = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']
const LABELS = ['Strait', 'Coast', 'Ports']

const counted = fc.array(
  fc.record({
    value: fc.constantFrom(...VALUES),
    label: fc.constantFrom(...LABELS),
    count: fc.integer({ min: 1, max: 4 })
  }),
  { maxLength: 8 }
)
// Added later (the text's counts): values the numbering may not know, labels that may differ.
const added = fc.array(
  fc.record({
    value: fc.constantFrom(...VALUES, 'x1', 'x2'),
    label: fc.constantFrom(...LABELS, 'Other'),
    count: fc.integer({ min: 1, max: 4 })
  }),
  { maxLength: 8 }
)

describe('facet counts by number', () => {
  it('lists every value and the top values as a Counter fed the same counts would', () => {
    fc.assert(
      fc.property(counted, added, fc.integer({ min: 0, max: 7 }), (first, later, limit) => {
        // The numbering knows most values (b6 is never numbered), in an order of its own.
        const numbering = new Interned()
        for (const value of ['b5', 'b1', 'b4', 'b2', 'b3']) numbering.numberOf(value)
        const known = first.filter((c) => numbering.find(c.value) >= 0)
        const counts = new Int32Array(numbering.size)
        const order: number[] = []
        const labels = new Map<number, string>()
        const counter = new Counter()
        for (const { value, label, count } of known) {
          const n = numbering.find(value)
          if (counts[n] === 0) order.push(n)
          if (!labels.has(n)) labels.set(n, label)
          counts[n]! += count
          counter.add(value, labels.get(n)!, count)
        }
        const facet = new NumberedFacet(numbering, counts, order, (n) => labels.get(n)!)
        for (const { value, label, count } of later) {
          facet.add(value, label, count)
          counter.add(value, label, count)
        }
        expect(facet.all()).toEqual(counter.all())
        expect(facet.top(limit)).toEqual(counter.top(limit))
        expect(facet.top()).toEqual(counter.top())
      }),
      { numRuns: 500 }
    )
  })
})
