// Benchmark of rendering notes (issue #13): the renderer's view model (parse + walk) of each hostile
// note, of the same notes cut to just within the parse budget, and of fast-check-generated Markdown,
// reporting the worst case against an ordinary note measured in the same run.

import fc from 'fast-check'

import { markdownView } from '../src/renderer/src/lib/markdown'
import { MAX_PARSE_COST, noteLimitProblem, parseCost } from '../src/shared/note-limits'
import { HOSTILE_NOTES, markdownNote } from '../src/test-support/hostile-markdown'
import { ms, ratio, time } from './measure'

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

export interface NotesBenchResult {
  rows: { name: string; chars: number; parsed: boolean; median: number; p95: number }[]
  generated: { samples: number; worst: number; median: number }
  ordinary: number
}

export async function runNotesBenchmark(options: {
  runs: number
  samples: number
}): Promise<NotesBenchResult> {
  const ordinary = (await time(() => markdownView(ORDINARY), options.runs * 10)).median
  const rows: NotesBenchResult['rows'] = []
  for (const [name, note] of Object.entries(HOSTILE_NOTES)) {
    for (const [label, source] of [
      [name, note],
      [`${name}, cut to the parse budget`, withinBudget(note)]
    ] as const) {
      const t = await time(() => markdownView(source), options.runs)
      const parsed = markdownView(source)[0]?.kind !== 'plain'
      rows.push({ name: label, chars: source.length, parsed, median: t.median, p95: t.p95 })
    }
  }
  const notes = fc.sample(markdownNote, { numRuns: options.samples, seed: 13 })
  const timings: number[] = []
  for (const note of notes) timings.push((await time(() => markdownView(note), 3, 1)).median)
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
  const base = `an ordinary note (${ORDINARY.length} characters): ${ms(r.ordinary)}`
  const worst = r.rows.reduce((a, b) => (b.p95 > a.p95 ? b : a))
  return [
    ...r.rows.map(
      (row) =>
        `| view of ${row.name} (${row.chars.toLocaleString('en')} chars, ${row.parsed ? 'parsed' : 'shown as plain text'}) | ${ms(row.median)} (p95 ${ms(row.p95)}) | ${base} | ${ratio(row.median, r.ordinary)} |`
    ),
    `| worst of ${r.generated.samples} fast-check-generated notes (median of each) | ${ms(r.generated.worst)} (median note ${ms(r.generated.median)}) | ${base} | ${ratio(r.generated.worst, r.ordinary)} |`,
    `| worst case overall, against the ${BUDGET_MS} ms promise | ${ms(Math.max(worst.p95, r.generated.worst))} (${worst.p95 >= r.generated.worst ? worst.name : 'generated'}) | ${BUDGET_MS} ms | ${ratio(Math.max(worst.p95, r.generated.worst), BUDGET_MS)} |`
  ]
}
