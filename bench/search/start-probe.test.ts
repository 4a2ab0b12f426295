// The start probe queries all through a warm start until the index is prepared, times only the
// answers from the first with hits, and stops the index it opened when it gives up.

import { describe, expect, it } from 'vitest'

import type { IndexHost } from '../../src/main/search/index-host'
import { probeWarmStart } from './start-probe'

/** A host whose first `empty` answers have no hits and that is prepared after `until` queries. */
function fakeHost(empty: number, until: number) {
  const queries: string[] = []
  let closed = 0
  const host = {
    search: async ({ query }: { query: string }) => {
      queries.push(query)
      return { total: queries.length > empty ? 3 : 0 }
    },
    stats: async () => ({ prepared: queries.length >= until }),
    close: async () => {
      closed += 1
    }
  }
  return { host: host as unknown as IndexHost, queries, closed: () => closed }
}

describe('probeWarmStart', () => {
  it('queries until the index is prepared and times only the answers from the first with hits', async () => {
    const { host, queries, closed } = fakeHost(2, 6)
    const { host: opened, probe } = await probeWarmStart(() => host, 'harbour', 5000)
    expect(opened).toBe(host)
    expect(closed()).toBe(0)
    expect(queries.length).toBeGreaterThanOrEqual(6)
    expect(queries.every((query) => query === 'harbour')).toBe(true)
    expect(probe?.answers.runs).toBe(queries.length - 2)
    expect(probe?.longestMs).toBeGreaterThanOrEqual(probe?.answers.p95 ?? Infinity)
  })

  it('gives up with a clear error when the index is never prepared, and stops the index', async () => {
    const { host, closed } = fakeHost(0, Infinity)
    await expect(probeWarmStart(() => host, 'harbour', 100)).rejects.toThrow(/not prepared/)
    expect(closed()).toBe(1)
  })
})
