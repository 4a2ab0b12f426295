// Background preparation after loading, and when the index may say it is done.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { QueryPreparer } from './query-preparer'
import type { PrepareState } from './query-preparer'
import { viewOf } from './search-view'

const state: PrepareState = {
  view: () => viewOf({ entities: new Map(), briefings: [] }),
  loaded: new Map(),
  busy: () => false,
  libraryRead: () => false
}

/** Lets the quiet time pass and the preparation run. */
async function quietTimePasses(): Promise<void> {
  vi.advanceTimersByTime(1000)
  for (let turn = 0; turn < 20; turn++) await nextTurn()
}

describe('QueryPreparer', () => {
  afterEach(() => vi.useRealTimers())

  it('is done once the quiet time after a build has passed and everything is prepared', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const preparer = new QueryPreparer(state)
    preparer.schedule()
    expect(preparer.done).toBe(false)
    await quietTimePasses()
    expect(preparer.done).toBe(true)
  })

  it('is not done when a sync starts during the quiet time, until that sync has built', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const preparer = new QueryPreparer(state)
    preparer.schedule()
    // An import arrives before the quiet time is over: its build has not even begun.
    preparer.syncStarted()
    await quietTimePasses()
    expect(preparer.done).toBe(false)
    // Its build ends and schedules again.
    preparer.schedule()
    await quietTimePasses()
    expect(preparer.done).toBe(true)
  })
})
