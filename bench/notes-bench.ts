// Benchmark of rendering notes (issue #13): the renderer's view model (parse + walk) of each hostile
// note, of the same notes cut to just within the parse budget, and of fast-check-generated Markdown,
// reporting the worst case against an ordinary note measured in the same run. Figures are the
// thread's CPU time (process.cpuUsage), not wall time, so other processes on the machine do not
// inflate them.

import fc from 'fast-check'

import { markdownView } from '../src/renderer/src/lib/markdown'
import { MAX_PARSE_COST, noteLimitProblem, parseCost } from '../src/shared/note-limits'
import { HOSTILE_NOTES, markdownNote } from '../src/test-support/hostile-markdown'
import { ms, ratio } from './measure'

/** The promise: any note's view model is built within this many milliseconds. */
export const BUDGET_MS = 50

const ORDINARY =
  '## Reading\n\nThe minister met **three** delegations ([agenda](https://example.org/a)).\n\n' +
  '- first point, with *emphasis*\n- second point\n\n> a quoted line\n\n'

/** The longest prefix of `note` that is still parsed (within the limits and the markup budget). */
function withinBudget(note: string): string {
  let low = 0
  let high = note.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    const prefix = note.slice(0, mid)
    if (noteLimitProblem(prefix) === null && parseCost(prefix) <= MAX_PARSE_COST) low = mid
    else high = mid - 1
  }
  return note.slice(0, low)
}

/** Median and p95 of the CPU milliseconds one call of `work` takes, over `runs` calls. */
function cpuTime(work: () => unknown, runs: number, warmup = 2): { median: number; p95: number } {
  for (let i = 0; i < warmup; i++) work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage()
    work()
    const used = process.cpuUsage(start)
    samples.push((used.user + used.system) / 1000)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!
  return { median: at(0.5), p95: at(0.95) }
}

export interface NotesBenchResult {
  rows: { name: string; chars: number; parsed: boolean; median: number; p95: number }[]
  generated: { samples: number; worst: number; median: number }
  ordinary: number
}

export function runNotesBenchmark(options: { runs: number; samples: number }): NotesBenchResult {
  // The ordinary note is timed in batches of 100: one call is below the CPU clock's resolution.
  const batch = () => {
    for (let i = 0; i < 100; i++) markdownView(ORDINARY)
  }
  const ordinary = cpuTime(batch, options.runs).median / 100
  const rows: NotesBenchResult['rows'] = []
  for (const [name, note] of Object.entries(HOSTILE_NOTES)) {
    for (const [label, source] of [
      [name, note],
      [`${name}, cut to the parse budget`, withinBudget(note)]
    ] as const) {
      const t = cpuTime(() => markdownView(source), options.runs)
      const parsed = markdownView(source)[0]?.kind !== 'plain'
      rows.push({ name: label, chars: source.length, parsed, median: t.median, p95: t.p95 })
    }
  }
  const notes = fc.sample(markdownNote, { numRuns: options.samples, seed: 13 })
  const timings: number[] = []
  for (const note of notes) timings.push(cpuTime(() => markdownView(note), 3, 1).median)
  timings.sort((a, b) => a - b)
  return {
    rows,
    generated: {
      samples: notes.length,
      worst: timings[timings.length - 1] ?? 0,
      median: timings[Math.floor(timings.length / 2)] ?? 0
    },
    ordinary
  }
}

/** The benchmark's table rows for bench/results.md. */
export function notesBenchLines(r: NotesBenchResult): string[] {
  const base = `an ordinary note (${ORDINARY.length} characters): ${ms(r.ordinary)} CPU`
  const worst = r.rows.reduce((a, b) => (b.median > a.median ? b : a))
  const slowest = r.rows.reduce((a, b) => (b.p95 > a.p95 ? b : a))
  return [
    ...r.rows.map(
      (row) =>
        `| view of ${row.name} (${row.chars.toLocaleString('en')} chars, ${row.parsed ? 'parsed' : 'shown as plain text'}) | ${ms(row.median)} CPU (p95 ${ms(row.p95)}) | ${base} | ${ratio(row.median, r.ordinary)} |`
    ),
    `| worst of ${r.generated.samples} fast-check-generated notes (median of 3 runs each) | ${ms(r.generated.worst)} (median note ${ms(r.generated.median)}) | ${base} | ${ratio(r.generated.worst, r.ordinary)} |`,
    `| worst case overall (median), against the ${BUDGET_MS} ms promise | ${ms(Math.max(worst.median, r.generated.worst))} (${worst.median >= r.generated.worst ? worst.name : 'generated'}; slowest single run ${ms(slowest.p95)}, ${slowest.name}) | ${BUDGET_MS} ms | ${ratio(Math.max(worst.median, r.generated.worst), BUDGET_MS)} |`
  ]
}
