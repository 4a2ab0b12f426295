// Which shard each briefing goes to: stable across syncs, new and changed briefings to the small
// recent shard, folded into batches once it grows, removed ones dropped.

import { describe, expect, it } from 'vitest'

import { BUNDLED_SHARD, planShards, RECENT_SHARD } from './shard-plan'

const limits = { recent: 10, batch: 20 }
/** Briefings b0…b{n-1} of `size` sections each. */
const briefings = (n: number, size = 4) => {
  const ids = Array.from({ length: n }, (_, i) => `b${i}`)
  return { ids, sections: new Map(ids.map((id) => [id, size])) }
}

describe('shard plan', () => {
  it('keeps the bundled dataset in its own shard and small imports in the recent one', () => {
    const { ids, sections } = briefings(2)
    const plan = planShards(
      {},
      { bundled: ['seed'], imported: ids, sections, changed: new Set(), limits }
    )
    expect(plan).toEqual({ [BUNDLED_SHARD]: ['seed'], [RECENT_SHARD]: ['b0', 'b1'] })
  })

  it('folds a grown recent shard into batches of at most the batch size', () => {
    const { ids, sections } = briefings(12)
    const plan = planShards(
      {},
      { bundled: [], imported: ids, sections, changed: new Set(), limits }
    )
    expect(plan[RECENT_SHARD]).toBeUndefined()
    const batches = Object.keys(plan).filter((name) => name.startsWith('batch-'))
    expect(batches).toEqual(['batch-1', 'batch-2', 'batch-3'])
    for (const name of batches) expect(plan[name]!.length * 4).toBeLessThanOrEqual(20)
    expect(batches.flatMap((name) => plan[name])).toEqual(ids)
  })

  it('leaves batches alone when a briefing is added, and moves a changed one to recent', () => {
    const { ids, sections } = briefings(12)
    const first = planShards(
      {},
      { bundled: [], imported: ids, sections, changed: new Set(), limits }
    )
    sections.set('new', 4)
    const added = planShards(first, {
      bundled: [],
      imported: [...ids, 'new'],
      sections,
      changed: new Set(['b3']),
      limits
    })
    expect(new Set(added[RECENT_SHARD])).toEqual(new Set(['new', 'b3']))
    expect(added['batch-1']).toEqual(first['batch-1']!.filter((id) => id !== 'b3'))
    expect(added['batch-2']).toEqual(first['batch-2'])
    expect(added['batch-3']).toEqual(first['batch-3'])
  })

  it('drops removed briefings and empty batches', () => {
    const { ids, sections } = briefings(12)
    const first = planShards(
      {},
      { bundled: [], imported: ids, sections, changed: new Set(), limits }
    )
    const kept = ids.filter((id) => !first['batch-2']!.includes(id))
    const plan = planShards(first, {
      bundled: [],
      imported: kept,
      sections,
      changed: new Set(),
      limits
    })
    expect(plan['batch-2']).toBeUndefined()
    expect(Object.values(plan).flat().sort()).toEqual([...kept].sort())
  })
})
