// Item 3 of issue #17 compares the engine's in-process query time with MiniSearch's. Timed in
// separate phases minutes apart, load that came and went landed on one side only (MiniSearch's
// single-term median moved 71-118 µs across three runs while the engine's stayed 61-62 µs), so the
// ratio is judged on bursts taken in alternation, query by query, in the same seconds.

import type { IndexHost } from '../../src/main/search/index-host'
import { sample, summarise, type Timing } from '../measure'
import type { BenchQuery, QueryClass } from './queries'

/** Rounds per query; the side that goes first alternates from round to round. */
export const PAIRED_ROUNDS = 3

export interface PairedLatency {
  engine: Partial<Record<QueryClass, Timing>>
  baseline: Partial<Record<QueryClass, Timing>>
}

type Burst = (query: BenchQuery) => Promise<number[]>

/**
 * Each query's engine burst (back-to-back in the index process, 2 warm-ups then `runs`) and the
 * baseline's (back-to-back in this process, as `sample` does) in alternation, pooled per class.
 */
export async function pairedLatency(
  queries: readonly BenchQuery[],
  engine: Burst,
  baseline: Burst
): Promise<PairedLatency> {
  const pools = {
    engine: new Map<QueryClass, number[]>(),
    baseline: new Map<QueryClass, number[]>()
  }
  const add = (pool: Map<QueryClass, number[]>, cls: QueryClass, samples: number[]) =>
    pool.set(cls, [...(pool.get(cls) ?? []), ...samples])
  for (const query of queries) {
    for (let round = 0; round < PAIRED_ROUNDS; round++) {
      const sides =
        round % 2 === 0 ? (['engine', 'baseline'] as const) : (['baseline', 'engine'] as const)
      for (const side of sides) {
        add(pools[side], query.cls, await (side === 'engine' ? engine : baseline)(query))
      }
    }
  }
  const summary = (pool: Map<QueryClass, number[]>) => {
    const out: Partial<Record<QueryClass, Timing>> = {}
    for (const [cls, samples] of pool) out[cls] = summarise(samples)
    return out
  }
  return { engine: summary(pools.engine), baseline: summary(pools.baseline) }
}

/** The engine's side: `timeSearchBurst` samples, 20 hits with snippets and facets. */
export const engineBurst =
  (host: IndexHost, runs: number, take: number): Burst =>
  async (query) =>
    (await host.timeSearchBurst({ query: query.text, take }, { runs, warmup: 2 })).samples

/** A baseline's side: its search run back-to-back in this process. */
export const localBurst =
  (search: (query: BenchQuery) => unknown, runs: number): Burst =>
  (query) =>
    sample(() => search(query), runs)
