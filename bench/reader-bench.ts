// The continuous reader's benchmark (issue #14): runs e2e/perf/reader-perf.ts in a child (it
// drives headless Chromium through the e2e harness) and turns its figures into table rows.

import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { ms, ratio } from './measure'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

interface Figures {
  firstPaintMs: number
  longestTaskMs: number
  longTasks: number
  rendered: number
}

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
  const r = JSON.parse(line) as {
    sections: number
    highlights: number
    windowed: Figures
    all: Figures
  }
  const { windowed: w, all } = r
  const label = `${r.sections.toLocaleString('en')} sections, ${r.highlights.toLocaleString('en')} highlights`
  return [
    `| time to first paint of the text, ${label} (${w.rendered} sections rendered) | ${ms(w.firstPaintMs)} | every section rendered (${all.rendered}): ${ms(all.firstPaintMs)} | ${ratio(w.firstPaintMs, all.firstPaintMs)} |`,
    `| longest task while scrolling 80 screens and jumping to the end and the middle (${w.longTasks} tasks over 50 ms) | ${ms(w.longestTaskMs)} | every section rendered: ${ms(all.longestTaskMs)} (${all.longTasks} tasks over 50 ms) | ${ratio(w.longestTaskMs, Math.max(1, all.longestTaskMs))} |`,
    '',
    'First paint counts from the click on the card: it includes loading the briefing and its highlights through the e2e harness (a Playwright binding, far slower than Electron IPC), the same for both. The machine was loaded (2 cores shared with other sessions): figures are noisy, the ratios compare runs of the same session.'
  ]
}
