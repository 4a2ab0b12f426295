// How the CLI reports an annotation import: counts on stdout, each problem and what waits for its
// briefing on stderr, and the exit code that says whether all of it was applied.

import type { ImportAnnotationsResult } from '../../shared/annotation-requests'
import type { Output } from './services'

/** Prints an annotation import's counts, problems and what waits; returns the exit code. */
export function reportAnnotations(
  file: string,
  result: Extract<ImportAnnotationsResult, { status: 'imported' }>,
  io: Output
): number {
  for (const problem of result.problems) io.err(`${file}: ${problem}`)
  const waiting = result.waiting ?? []
  for (const w of waiting) {
    io.err(
      `${file}: ${w.count} annotations wait for the briefing "${w.title}" (${w.briefingId}), not in this library: they are attached when it is imported`
    )
  }
  io.out(
    `${file}: ${result.added} added, ${result.updated} updated, ${result.unchanged} already present, ${result.orphaned} orphaned` +
      (waiting.length > 0 ? `, ${waiting.reduce((n, w) => n + w.count, 0)} waiting` : '')
  )
  const applied = result.added + result.updated + result.unchanged
  if (result.problems.length === 0 && waiting.length === 0) return 0
  return applied === 0 && waiting.length === 0 ? 1 : 3
}
