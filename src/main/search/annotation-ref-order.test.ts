// Ranked or not, two documents compare as their refs do, through any additions and removals
// (refs are unique in the index, as here).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { RefOrder } from './annotation-ref-order'

const step = fc.oneof(
  fc.record({ add: fc.nat(20), ref: fc.string({ maxLength: 4 }) }),
  fc.record({ remove: fc.nat(20) }),
  fc.constant({ settle: true })
)

describe('RefOrder', () => {
  it('orders any two documents in the index as their refs sort', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const order = new RefOrder()
        const refs = new Map<number, string>()
        for (const s of steps) {
          if ('add' in s) {
            if ([...refs].some(([doc, ref]) => ref === s.ref && doc !== s.add)) continue
            order.added(s.add, s.ref)
            refs.set(s.add, s.ref)
          } else if ('remove' in s) {
            order.removed(s.remove)
            refs.delete(s.remove)
          } else order.settle()
          for (const [a, refA] of refs) {
            for (const [b, refB] of refs) expect(order.before(a, b)).toBe(refA < refB)
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
