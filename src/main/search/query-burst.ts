// Benchmark probe of the index process, never called by the app: one query run back-to-back, each
// run timed around the engine's search call, so `npm run bench -- search` can time the engine in
// its process exactly as it times MiniSearch in its own (bench/measure.ts `sample`).

import { performance } from 'node:perf_hooks'

import { int, object, str, validator } from '../../shared/schema'
import { AppError } from '../errors'

/** Most timed runs one burst may ask for: a burst holds the index process while it runs. */
export const MAX_BURST_RUNS = 1_000
const MAX_BURST_WARMUP = 100

export interface QueryBurst {
  /** Timed runs, after `warmup` untimed ones. */
  runs: number
  warmup: number
}

const validateBurst = validator(
  object({
    query: str({ max: 1_000, describe: 'a query of at most 1000 characters' }),
    runs: int(1, MAX_BURST_RUNS),
    warmup: int(0, MAX_BURST_WARMUP)
  })
)

export interface BurstTimes<T> {
  /** Each timed run's milliseconds, in order. */
  samples: number[]
  /** The last run's answer, to check the runs answered what a plain search answers. */
  answer: T
}

/**
 * Runs `search` `runs` times after `warmup` untimed runs: each timed run's milliseconds and the
 * last answer. Awaited as `sample` awaits MiniSearch's synchronous search, so both sides pay the
 * same microtask per run. Arguments come over the channel: checked before any run.
 */
export async function timeQueryBurst<T>(
  query: string,
  burst: QueryBurst,
  search: () => T | PromiseLike<T>
): Promise<BurstTimes<T>> {
  const checked = validateBurst({ ...burst, query })
  if (!checked.ok) throw new AppError('invalid-request', checked.message)
  const { runs, warmup } = checked.value
  for (let i = 0; i < warmup; i++) await search()
  const samples: number[] = []
  let answer: T | undefined
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    answer = await search()
    samples.push(performance.now() - started)
  }
  return { samples, answer: answer! }
}
