// Coverage decides what search counts as indexed, what loads next and what may be unloaded: an
// old shard stays until the planned ones hold its briefings' current content.

import { describe, expect, it } from 'vitest'

import { seededRandom } from '../../test-support/crash-steps'
import { coverageStatus, isCovered, nextTarget, redundantShards } from './shard-coverage'
import type { Target } from './shard-coverage'
import type { LoadedShard } from './text-search'

const shard = (built: Record<string, string>): LoadedShard =>
  ({ built: new Map(Object.entries(built)), refs: [] }) as unknown as LoadedShard
const hashes = new Map([
  ['a', 'a2'],
  ['b', 'b1'],
  ['c', 'c1']
])

describe('shard coverage', () => {
  it('counts a briefing indexed only in its current content', () => {
    const loaded = new Map([['old', shard({ a: 'a1', b: 'b1' })]])
    const counts = new Map([
      ['a', 3],
      ['b', 2],
      ['c', 4]
    ])
    expect(coverageStatus(counts, hashes, loaded)).toEqual({
      indexedSections: 2,
      totalSections: 9,
      pendingBriefings: 2
    })
  })

  it('counts as a briefing-by-briefing check would, over many shards and versions', () => {
    const random = seededRandom(7)
    const pick = (n: number) => Math.floor(random() * n)
    for (let round = 0; round < 50; round++) {
      const ids = Array.from({ length: 1 + pick(30) }, (_, i) => `b${i}`)
      const current = new Map(ids.map((id) => [id, `v${pick(3)}`]))
      const counts = new Map(ids.map((id) => [id, 1 + pick(5)]))
      const loaded = new Map(
        Array.from({ length: pick(6) }, (_, s) => {
          const built = Object.fromEntries(
            ids.filter(() => random() < 0.4).map((id) => [id, `v${pick(3)}`])
          )
          return [`s${s}`, shard(built)]
        })
      )
      let indexedSections = 0
      let pendingBriefings = 0
      for (const [id, count] of counts) {
        if (isCovered(id, current, loaded)) indexedSections += count
        else pendingBriefings += 1
      }
      const totalSections = [...counts.values()].reduce((a, b) => a + b, 0)
      expect(coverageStatus(counts, current, loaded)).toEqual({
        indexedSections,
        totalSections,
        pendingBriefings
      })
    }
  })

  it('keeps an unplanned shard while it alone holds a current briefing', () => {
    const loaded = new Map([
      ['old', shard({ a: 'a1', b: 'b1' })],
      ['new', shard({ a: 'a2' })]
    ])
    expect(redundantShards(loaded, new Set(['new']), hashes)).toEqual([])
    loaded.set('new', shard({ a: 'a2', b: 'b1' }))
    expect(redundantShards(loaded, new Set(['new']), hashes)).toEqual(['old'])
  })

  it('loads first the shard that makes a pending briefing searchable, smallest first', () => {
    const target = (name: string, members: Record<string, string>): Target => ({
      name,
      key: name,
      members: new Map(Object.entries(members))
    })
    const loaded = new Map([['x', shard({ b: 'b1' })]])
    const targets = [
      target('batch-1', { b: 'b1', z: 'z1' }),
      target('batch-2', { a: 'a2', c: 'c1' }),
      target('recent', { c: 'c1' })
    ]
    expect(nextTarget(targets, loaded, new Set(), hashes)?.name).toBe('recent')
    expect(nextTarget(targets, loaded, new Set(['recent']), hashes)?.name).toBe('batch-2')
  })
})
