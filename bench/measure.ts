// Timing helpers for `npm run bench`: medians and percentiles of repeated runs, and the machine
// the figures come from. Figures are reported as ratios to a baseline measured in the same run.

import { cpus, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'

export interface Timing {
  median: number
  p95: number
  runs: number
}

/** Runs `work` `runs` times (after `warmup` unmeasured runs) and returns ms figures. */
export async function time(work: () => unknown, runs: number, warmup = 2): Promise<Timing> {
  return summarise(await sample(work, runs, warmup))!
}

/** Collects `runs` timings (ms) of `work` after `warmup` unmeasured runs. */
export async function sample(work: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    samples.push(performance.now() - start)
  }
  return samples
}

/** Median and p95 of samples (pooled from several queries, say); undefined for none. */
export function summarise(samples: readonly number[]): Timing | undefined {
  if (samples.length === 0) return undefined
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { median: at(0.5), p95: at(0.95), runs: sorted.length }
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toPrecision(3)} ms`
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`
}
