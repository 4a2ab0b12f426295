// What the index reads again after a sync left files unread, and how often: the delays run out for
// the same files, start over for a file that newly fails, and a sync meanwhile reads them too.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { PendingReads } from './pending-reads'

const DIR = '/profile/library'
const file = (name: string) => `${DIR}/${name}`

let reads = 0
let pending: PendingReads
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  reads = 0
  pending = new PendingReads(DIR, [1000, 1000], () => (reads += 1))
})
afterEach(() => {
  pending.stop()
  vi.useRealTimers()
})

describe('PendingReads', () => {
  it('reads the same unread files again as often as the delays say, then waits for a sync', () => {
    for (let answer = 0; answer < 4; answer++) {
      pending.read([file('a.json')])
      vi.advanceTimersByTime(1000)
    }
    expect(reads).toBe(2)
  })

  it('starts the tries over for a file that newly fails, not when fewer are left', () => {
    pending.read([file('a.json'), file('b.json')])
    vi.advanceTimersByTime(1000)
    // b was read; a still is not: the same failure, one try left.
    pending.read([file('a.json')])
    vi.advanceTimersByTime(1000)
    pending.read([file('a.json')])
    vi.advanceTimersByTime(1000)
    expect(reads).toBe(2)
    // c fails now: tries of its own.
    pending.read([file('a.json'), file('c.json')])
    vi.advanceTimersByTime(1000)
    expect(reads).toBe(3)
  })

  it('has a sync by difference read the unread files with the changed ones', () => {
    pending.read([file('a.json')])
    expect([...pending.withUnread(new Set(['new.json']))!].sort()).toEqual(['a.json', 'new.json'])
    expect([...pending.pending()!]).toEqual(['a.json'])
    pending.read([])
    expect(pending.withUnread(new Set(['new.json']))).toEqual(new Set(['new.json']))
    expect(pending.pending()).toBeNull()
  })

  it('reads the whole library after a failed sync, or when the folder could not be listed', () => {
    pending.failed()
    expect(pending.withUnread(new Set(['new.json']))).toBeUndefined()
    expect(pending.pending()).toBeUndefined()
    pending.read([DIR])
    expect(pending.pending()).toBeUndefined()
    // One read again waits at a time: the latest answer's.
    vi.advanceTimersByTime(1000)
    expect(reads).toBe(1)
  })

  it('reads nothing again once stopped', () => {
    pending.read([file('a.json')])
    pending.stop()
    pending.read([file('a.json')])
    vi.advanceTimersByTime(10_000)
    expect(reads).toBe(0)
  })
})
