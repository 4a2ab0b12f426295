// The targets the search benchmark's figures are judged against, by corpus size: issue #5's
// (start, memory, import, query latency as #17 set it) and #17's for building, starting, importing.

import type { Figures } from './figures'
import { QUERY_CLASSES, type QueryClass } from './queries'

export interface Target {
  text: string
  met: (engine: Figures, mini: Figures) => boolean | undefined
}

const MB = 2 ** 20
const under = (value: number | undefined, limit: number) =>
  value === undefined ? undefined : value <= limit

/**
 * The issues' targets: those at 10k apply from 10,000 sections, those at 50k from 50,000, those
 * at 200k from 200,000. Query latency: issue #17's (every class, the very common term included).
 */
function targets(size: number): Partial<Record<string, Target>> {
  const p95 = (cls: QueryClass, limit: number): Target => ({
    text: `p95 ≤ ${limit} ms`,
    met: (e) => under(e.latency[cls]?.p95, limit)
  })
  const classTargets = (selective: number, common: number) =>
    Object.fromEntries(
      QUERY_CLASSES.map(({ cls }) => [`q-${cls}`, p95(cls, cls === 'common' ? common : selective)])
    )
  if (size >= 200_000) {
    return {
      firstQueryMs: { text: '≤ 0.5 s', met: (e) => under(e.firstQueryMs, 500) },
      rssBytes: { text: '≤ 1.5 GB', met: (e) => under(e.rssBytes, 1.5 * 2 ** 30) },
      ...classTargets(20, 20)
    }
  }
  if (size >= 50_000) {
    return {
      firstQueryMs: { text: '≤ 2 s', met: (e) => under(e.firstQueryMs, 2000) },
      peakRssBytes: { text: '≤ 1.5 GB', met: (e) => under(e.peakRssBytes, 1.5 * 2 ** 30) },
      ...classTargets(10, 10)
    }
  }
  if (size >= 10_000) {
    return {
      firstQueryMs: { text: '≤ 0.25 s', met: (e) => under(e.firstQueryMs, 250) },
      heapBytes: { text: '≤ 200 MB', met: (e) => under(e.heapBytes, 200 * MB) },
      importMs: { text: '≤ 0.3 s', met: (e) => under(e.importMs, 300) },
      eventLoopMaxMs: { text: '≤ 50 ms', met: (e) => under(e.eventLoopMaxMs, 50) },
      ...classTargets(3, 3)
    }
  }
  return {}
}

/**
 * Issue #17's targets for building, starting and importing (they replace #5's where both set one).
 * Items 1, 2 and 4 name 10k and 50k; above 50k only what holds "at every size" (item 2's first
 * answer) and main's event loop apply, next to item 7's own.
 */
function buildTargets(size: number): Partial<Record<string, Target>> {
  if (size < 10_000) return {}
  const everySize = {
    eventLoopMaxMs: { text: '≤ 50 ms', met: (e: Figures) => under(e.eventLoopMaxMs, 50) },
    taggedMainDelayMs: { text: '≤ 50 ms', met: (e: Figures) => under(e.taggedMainDelayMs, 50) },
    firstQueryMs: { text: '≤ 0.25 s', met: (e: Figures) => under(e.firstQueryMs, 250) },
    // Item 2 as the analyst waits: from the app's start, while main loads the library.
    appFirstAnswerMs: {
      text: '≤ 0.25 s',
      met: (e: Figures) => under(e.appFirstAnswerMs, 250)
    }
  }
  if (size > 50_000) return everySize
  const large = size >= 50_000
  return {
    ...everySize,
    buildMs: {
      text: '≤ MiniSearch',
      met: (e, m) => (m.buildMs === undefined ? undefined : under(e.buildMs, m.buildMs))
    },
    ...(large
      ? { peakRssBytes: { text: '≤ 1 GB', met: (e) => under(e.peakRssBytes, 2 ** 30) } }
      : {}),
    searchableMs: {
      text: large ? '≤ 3 s' : '≤ 0.5 s',
      met: (e) => under(e.searchableMs, large ? 3000 : 500)
    },
    appSearchableMs: {
      text: large ? '≤ 3 s' : '≤ 0.5 s',
      met: (e) => under(e.appSearchableMs, large ? 3000 : 500)
    },
    importMs: {
      text: large ? '≤ 0.2 s' : '≤ 0.1 s',
      met: (e) => under(e.importMs, large ? 200 : 100)
    }
  }
}

/** Every target that applies at `size`, by measure (#17's replace #5's where both set one). */
export function targetsAt(size: number): Partial<Record<string, Target>> {
  return { ...targets(size), ...buildTargets(size) }
}
