// TimeSlice clocks for tests, and the check every time-sliced pass shares: a message arriving while
// the pass runs (a query, handled in a later turn of the event loop) is handled before it ends.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { TimeSlice } from '../main/time-slice'

/** A slice whose clock is a millisecond further at every look: due after every step of a pass. */
export function steppingSlice(): TimeSlice {
  let clock = 0
  return new TimeSlice(() => clock++)
}

/** A slice whose clock never moves: never due, so the pass runs in one go. */
export function stillSlice(): TimeSlice {
  return new TimeSlice(() => 0)
}

/**
 * What came first: a message sent as `pass` starts, or the pass's end. `['message', 'pass done']`
 * when the pass gave a turn; a pass that never yields ends first.
 */
export async function messageAndPass(pass: Promise<unknown>): Promise<string[]> {
  const order: string[] = []
  void nextTurn().then(() => order.push('message'))
  void pass.then(() => order.push('pass done'))
  await pass
  await nextTurn()
  return order
}
