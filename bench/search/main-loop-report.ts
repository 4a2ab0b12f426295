// Markdown for main's event loop during the engine's cold build: what else delayed it (the
// machine, main's GC, the CPU main used in its stalls) and the app-like main process's own figures.

import { ms } from '../measure'
import type { Figures } from './figures'
import { MENTIONS_PER_SECTION } from './tagged-library'
import { mb, seconds } from './probes'

/**
 * What else delays main's event loop: the machine (the bench process idle for a second just
 * before), main's own GC, and (the engine's) the CPU main used in its stalls: a stall in which
 * main barely ran was the machine's other work, not main's.
 */
export function loopContext(e: Figures): string {
  const stalls = e.appMain?.stalls ?? []
  const busiest = Math.max(0, ...stalls.map((s) => s.cpuMs))
  const parts = [
    e.idleLoopMaxMs === undefined
      ? ''
      : `the bench process idle for 1 s just before: ${ms(e.idleLoopMaxMs)}`,
    e.buildGcMaxMs === undefined ? '' : `longest GC pause of main meanwhile: ${ms(e.buildGcMaxMs)}`,
    e.appMain === undefined
      ? ''
      : stalls.length === 0
        ? 'engine: no stall of main over 50 ms'
        : `engine: ${stalls.length} stalls of main over 50 ms, main on the CPU for at most ${ms(busiest)} of one`,
    e.appMain === undefined
      ? ''
      : `engine: longest delay main's own work can have caused (lateness capped by main's CPU time): ${ms(e.appMain.ownDelayMaxMs)}`
  ].filter(Boolean)
  return parts.length > 0 ? ` (${parts.join('; ')})` : ''
}

/** The app-like main process's own figures, and the bench process's loop for comparison. */
export function appMainRows(e: Figures): string[] {
  const main = e.appMain
  const line = (label: string, value: string) => `| ${label} | ${value} | — | — | — | — | — | — |`
  const rows: string[] = []
  if (main) {
    const longLoad = main.pauses.filter((p) => p.phase === 'load').length
    rows.push(
      line(
        '… app-like main: library loaded (start → the index process, started as the lock is taken, told to read the library), main ready (start → annotation store open too), longest GC pause before the index was told to read it (pauses ≥ 10 ms)',
        `${seconds(main.loadMs)}, ${seconds(main.readyMs)}, ${ms(main.loadGcMaxMs)} (${longLoad})`
      ),
      line(
        '… app-like main: heap it holds after the build (2 full GCs), of which section text; RSS',
        `${mb(main.settledHeapBytes)}, ${(main.textChars / 2 ** 20).toFixed(1)} M characters; ${mb(main.rssBytes)}`
      )
    )
  }
  if (e.benchLoopMaxMs !== undefined && main) {
    rows.push(
      line(
        '… not main: the bench process (holding the corpus and the baselines’ data), its event-loop delay max and longest GC pause meanwhile',
        `${ms(e.benchLoopMaxMs)}, ${ms(e.benchGcMaxMs ?? 0)}`
      )
    )
  }
  return rows
}

/** What the tagged library's build row says of it: the mentions, and main's GC and own work. */
export function taggedMainLabel(e: Figures): string {
  const t = e.taggedMain
  const held = t
    ? `: ${t.mentions.toLocaleString('en')} mentions, ${t.records.toLocaleString('en')} entity records in the files; longest GC pause of main meanwhile: ${ms(t.buildGcMaxMs)}; longest delay main's own work can have caused: ${ms(t.ownDelayMaxMs)}; heap main holds after the build: ${mb(t.settledHeapBytes)}; the build ${seconds(t.buildMs)}, the index process's peak RSS ${mb(t.index.maxRss)}`
    : ''
  return `… main's event-loop delay, max, during the same build of the library with entity mentions, shaped as imports leave it (up to ${MENTIONS_PER_SECTION} capitalised words a section as mentions, each file listing the entities it cites; tagged-library.ts)${held}`
}
