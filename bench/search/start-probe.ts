// Queries sent all through a warm start, one every few milliseconds until the index has nothing left
// to prepare: it reads the library, makes its view, collects its words and prepares its tables
// meanwhile, and a query that arrives during a long stretch of that work waits for it to end.

import { performance } from 'node:perf_hooks'

import type { IndexHost } from '../../src/main/search/index-host'
import type { Timing } from '../measure'
import { summarise, within } from './probes'

/** Pause between one answer and the next query: a fast typist's keystrokes come ~50 ms apart. */
const GAP_MS = 5
/** The index's stats (a listing of its cache folder) are read this often, not per query. */
const STATS_EVERY_MS = 50

export interface StartProbe {
  /** Answer times of the queries sent from the first answer with hits until all was prepared. */
  answers: Timing
  /** The longest of them. */
  longestMs: number
}

/**
 * Opens the index with `open` and sends `query` (one single-term query with hits: the row shows
 * what one query meets, not every class) every GAP_MS until the index has
 * nothing left to prepare (`stats().prepared`); answers the host, still open, and the answer
 * times from the first answer with hits (queries before it are answered from an index with
 * nothing loaded yet).
 */
export async function probeWarmStart(
  open: () => IndexHost,
  query: string,
  timeoutMs: number
): Promise<{ host: IndexHost; probe: StartProbe | undefined }> {
  const host = open()
  const answers: number[] = []
  try {
    const started = performance.now()
    let statsAt = 0
    let ready = false
    while (!ready) {
      if (performance.now() - started > timeoutMs)
        throw new Error('index not prepared (start probe)')
      const sent = performance.now()
      const answer = await within(host.search({ query, take: 20 }), timeoutMs, 'start probe query')
      if (answer.total > 0 || answers.length > 0) answers.push(performance.now() - sent)
      if (performance.now() - statsAt >= STATS_EVERY_MS) {
        statsAt = performance.now()
        ready = (await host.stats()).prepared
      }
      await new Promise((resolve) => setTimeout(resolve, GAP_MS))
    }
  } catch (error) {
    // The caller never gets this host: its process is stopped here.
    await host.close()
    throw error
  }
  const timing = summarise(answers)
  return { host, probe: timing && { answers: timing, longestMs: Math.max(...answers) } }
}
