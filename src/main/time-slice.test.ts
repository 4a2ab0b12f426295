// Long passes give waiting messages a turn every millisecond.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { describe, expect, it } from 'vitest'

import { SLICE_MS, TimeSlice } from './time-slice'

describe('TimeSlice', () => {
  it('is due once its milliseconds have passed, and starts again after giving a turn', async () => {
    let clock = 100
    const slice = new TimeSlice(() => clock)
    clock += SLICE_MS - 1
    expect(slice.due()).toBe(false)
    clock += 1
    expect(slice.due()).toBe(true)
    await slice.next()
    expect(slice.due()).toBe(false)
  })

  it('lets a message that arrived meanwhile be handled before it goes on', async () => {
    const slice = new TimeSlice(() => 0)
    const handled: string[] = []
    // A query's message is handled in a later turn of the event loop, like this callback.
    void nextTurn().then(() => handled.push('query'))
    await slice.next()
    handled.push('pass goes on')
    expect(handled).toEqual(['query', 'pass goes on'])
  })
})
