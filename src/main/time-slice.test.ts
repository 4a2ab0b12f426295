// Long passes give waiting messages a turn every millisecond, and work that becomes ready together
// runs one piece at a time with such turns between.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { describe, expect, it } from 'vitest'

import { steppingSlice, stillSlice } from '../test-support/time-slices'
import { SLICE_MS, SlicedQueue, TimeSlice } from './time-slice'

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

describe('SlicedQueue', () => {
  it('runs work given together one piece at a time, in order, a message handled once a slice is used', async () => {
    // Each piece uses up a slice.
    const queue = new SlicedQueue(steppingSlice())
    const order: string[] = []
    void nextTurn().then(() => order.push('message'))
    const pieces = ['a', 'b', 'c'].map((name) => queue.run(() => order.push(name)))
    await Promise.all(pieces)
    expect(order[0]).toBe('message')
    expect(order.filter((name) => name !== 'message')).toEqual(['a', 'b', 'c'])
  })

  it('answers what the work answers, and goes on after work that throws', async () => {
    const queue = new SlicedQueue(stillSlice())
    const failed = queue.run(() => {
      throw new Error('bad file')
    })
    const next = queue.run(() => 42)
    await expect(failed).rejects.toThrow('bad file')
    expect(await next).toBe(42)
  })
})
