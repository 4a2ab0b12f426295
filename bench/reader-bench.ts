// The continuous reader's benchmark (issue #14): runs e2e/perf/reader-perf.ts in a child (it
// drives headless Chromium through the e2e harness) and turns its figures into table rows.

import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { EDITS } from '../e2e/perf/reader-figures'
import type { ReaderBenchResult, ReaderFigures as Figures, Tasks } from '../e2e/perf/reader-figures'
import { ms, ratio } from './measure'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

const over = (t: Tasks): string => `${t.over50} over 50 ms`

export function runReaderBenchmark(): string[] {
  const child = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'e2e', 'perf', 'reader-perf.ts')],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 }
  )
  const line = child.stdout.trim().split('\n').pop() ?? ''
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`reader benchmark failed (run npm run build:bundles first?): ${child.stderr}`)
  }
  const r = JSON.parse(line) as ReaderBenchResult
  const { delta: d, whole } = r.edit
  const kb = (chars: number): string =>
    `${(chars / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} kB`
  const { windowed: w, all } = r
  const label = `${r.sections.toLocaleString('en')} sections, ${r.highlights.toLocaleString('en')} highlights`
  const row = (what: string, pick: (f: Figures) => Tasks): string => {
    const [x, y] = [pick(w), pick(all)]
    return `| ${what} (${over(x)}) | ${ms(x.longestMs)} | every section rendered: ${ms(y.longestMs)} (${over(y)}) | ${ratio(x.longestMs, Math.max(1, y.longestMs))} |`
  }
  return [
    `| time to first paint of the text, ${label} (${w.rendered} sections rendered) | ${ms(w.firstPaintMs)} | every section rendered (${all.rendered}): ${ms(all.firstPaintMs)} | ${ratio(w.firstPaintMs, all.firstPaintMs)} |`,
    row('longest task while opening, main-thread CPU time', (f) => f.open.cpu),
    row('longest task while opening, wall clock', (f) => f.open.wall),
    row(
      'longest task while scrolling 80 screens and jumping to the end and the middle, main-thread CPU time',
      (f) => f.scroll.cpu
    ),
    row('longest task while scrolling and jumping, wall clock', (f) => f.scroll.wall),
    `| one highlight edit in the ${r.highlights.toLocaleString('en')}-highlight briefing (recolour, ${EDITS} edits): longest task, main-thread CPU time (${over(d.cpu)}) | ${ms(d.cpu.longestMs)} | whole set answered: ${ms(whole.cpu.longestMs)} (${over(whole.cpu)}) | ${ratio(d.cpu.longestMs, Math.max(1, whole.cpu.longestMs))} |`,
    `| one highlight edit: longest task, wall clock (${over(d.wall)}) | ${d.wall.over50 === 0 ? 'no task over 50 ms' : ms(d.wall.longestMs)} | whole set answered: ${ms(whole.wall.longestMs)} (${over(whole.wall)}) | ${ratio(d.wall.longestMs, Math.max(1, whole.wall.longestMs))} |`,
    `| one highlight edit: click to the answer shown (slowest of ${EDITS}) | ${ms(d.editMs)} | whole set answered: ${ms(whole.editMs)} | ${ratio(d.editMs, whole.editMs)} |`,
    `| one highlight edit: IPC answer (JSON) | ${kb(d.answerChars)} | whole set: ${kb(whole.answerChars)} | ${ratio(d.answerChars, whole.answerChars)} |`,
    '',
    "First paint counts from the click on the card: it includes loading the briefing through the e2e harness (a Playwright binding, far slower than Electron IPC), the same for both. Opening counts until every highlight is in and painted. CPU time is the renderer main thread's own time per task (from a Chromium trace): on a loaded machine a task's wall-clock time also counts the time its thread waited for a core." +
      ` Load average when this run ended: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(
          ', '
        )} (1, 5, 15 min); other work on the machine makes the figures noisy, the ratios compare runs of the same session.`
  ]
}
